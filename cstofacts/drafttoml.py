"""Write a drafted dataset (drafting.py) as schema-3 TOML, in the bundled dataset's shape.

Pure: records in, text out. Strings are TOML basic strings; with ascii_only every character
beyond ASCII is a \\u escape, as JSON does for a stdout that cannot show it, so the values stay
exact. A line a dataset cannot hold (store/reader.py's MAX_LINE) is refused here, not by the
validate that would follow.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from cstofacts.drafting import Draft, DraftClaim
from cstofacts.errors import UsageError
from cstofacts.model import SCHEMA
from cstofacts.store.reader import MAX_LINE

CATEGORY = "uncategorized"  # the placeholder category every draft claim has
ATTRIBUTION = "article"
SUMMARY = "draft: summarise ¶{n} in your own words"  # lower case: the lint takes a capital for a name

HEAD = """\
# A cstofacts dataset drafted by `cstofacts new` from an article's plain text. Its schema
# (schema 3) is described at the top of the bundled data/claims.toml.
#
# Every claim below is a draft (draft = true): a sentence that holds a date, a number or a
# name the vocabulary declares, quoted as its evidence. For each one, write its summary in
# your own words, never the article's; choose its kind (event, assessment or background)
# and a category declared below; check its date, countries, organizations and location;
# quote only the words that state it; then remove `draft = true`. Delete the drafts that
# are not claims, and add the claims no draft caught. Lookups hide drafts unless --drafts;
# `cstofacts --data THIS-FILE validate` lists what is left to do.
"""

_Quote = Callable[[str], str]
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ROOM = 64  # what an evidence line adds to its quote: `    { paragraph = N, quote = ... },`


def to_toml(draft: Draft, *, ascii_only: bool = False) -> str:
    """The drafted dataset as TOML text; UsageError if a paragraph is too long for a dataset line."""

    q = functools.partial(string, ascii_only=ascii_only)
    article = draft.article
    # A paragraph is one line of `body`, and a sentence of it one evidence line, with room for its keys.
    for number, paragraph in enumerate((article.headline, *article.body)):
        if len(q(paragraph)) + _ROOM > MAX_LINE:
            where = f"paragraph ¶{number}" if number else "the headline"
            raise UsageError(
                f"{where} is {len(paragraph):,} characters long, more than a dataset line holds "
                f"({MAX_LINE:,}); break it into paragraphs in the article"
            )
    lines = [HEAD, f"schema = {SCHEMA}"]
    if not draft.claims:
        lines.append("claims = []  # no sentence held a date, a number or a declared name")
    lines += ["", f"[categories.{CATEGORY}]"]
    lines.append("description = " + q("A placeholder: give each claim a category of its own, declared here."))
    lines += [
        "",
        "[attributions]",
        f"{ATTRIBUTION} = " + q("The report's own voice: what it states without naming another speaker."),
    ]
    lines += ["", *_vocabulary(draft, ascii_only)]
    lines += ["[[sources]]", f"id = {q(draft.source_id)}", f"headline = {q(article.headline)}"]
    lines += [
        f"{key} = {q(value)}"
        for key, value in (("section", article.section), ("byline", article.byline))
        if value
    ]
    lines.append("# The body paragraphs ¶1.. as `cstofacts read` numbers them; the headline is ¶0.")
    lines.append("body = [")
    for number, paragraph in enumerate(article.body, start=1):
        lines += [f"    # ¶{number}", f"    {q(paragraph)},"]
    lines += ["]", ""]
    for claim in draft.claims:
        lines += [*_claim(claim, draft.source_id, q), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def string(value: str, ascii_only: bool = False) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F or (ascii_only and code > 0x7E):
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def key(name: str, ascii_only: bool = False) -> str:
    """A table key: bare when TOML allows it, else quoted ([places."Нур-Султан"])."""
    return name if _BARE_KEY.fullmatch(name) else string(name, ascii_only)


def _strings(values: Iterable[str], q: _Quote) -> str:
    """A list of strings: on one line, or one item a line when that is long (as data/claims.toml)."""
    items = [q(v) for v in values]
    line = "[" + ", ".join(items) + "]"
    return line if len(line) <= 90 else "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def _vocabulary(draft: Draft, ascii_only: bool) -> Iterator[str]:
    q = functools.partial(string, ascii_only=ascii_only)
    v = draft.vocabulary
    yield "# What the article names, as the vocabulary it was drafted with declares it: search aids."
    if not v.countries:
        yield from ("[countries]", "")
    for code, country in v.countries.items():
        yield f"[countries.{key(code, ascii_only)}]"
        yield f"alpha3 = {q(country.alpha3)}"
        yield f"name = {q(country.name)}"
        yield f"adjectives = {_strings(country.adjectives, q)}"
        yield from (f"aliases = {_strings(country.aliases, q)}", "")
    if not v.organizations:
        yield from ("[organizations]", "")
    for short, organization in v.organizations.items():
        yield f"[organizations.{key(short, ascii_only)}]"
        yield f"name = {q(organization.name)}"
        yield from (f"aliases = {_strings(organization.aliases, q)}", "")
    for name, place in v.places.items():
        yield f"[places.{key(name, ascii_only)}]"
        yield f"country = {q(place.country)}"
        yield from (f"aliases = {_strings(place.aliases, q)}", "")
    for slug, person in v.people.items():
        yield f"[people.{key(slug, ascii_only)}]"
        yield f"name = {q(person.name)}"
        yield f"aliases = {_strings(person.aliases, q)}"
        yield from (f"roles = {_strings(person.roles, q)}", "")


def _claim(claim: DraftClaim, source: str, q: _Quote) -> list[str]:
    lines = [
        "[[claims]]",
        f"id = {q(claim.id)}",
        "draft = true",
        f"source = {q(source)}",
        'kind = "event"',
        f"category = {q(CATEGORY)}",
        f"summary = {q(SUMMARY.format(n=claim.paragraph))}",
    ]
    if claim.date is not None:
        lines.append(f"date = {q(claim.date)}")
        if claim.end_date is not None:
            lines.append(f"end_date = {q(claim.end_date)}")
        lines.append('date_basis = "stated"')
    lines.append(f"countries = {_strings(claim.countries, q)}")
    lines.append(f"organizations = {_strings(claim.organizations, q)}")
    if claim.location is not None:
        lines.append(f"location = {q(claim.location)}")
    lines += [f"paragraphs = [{claim.paragraph}]", f"attributed_to = {q(ATTRIBUTION)}", "evidence = ["]
    lines += [f"    {{ paragraph = {claim.paragraph}, quote = {q(claim.quote)} }},", "]"]
    return lines
