"""Typed queries and the resolvers that turn typed values into them; no I/O, no flag names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from cstofacts import dates, text
from cstofacts.errors import NotFoundError, UsageError
from cstofacts.model import KIND_WORDS, Kind

if TYPE_CHECKING:
    from cstofacts.records import Vocabulary

MAX_TEXT = 200  # longer words or phrases are refused: no claim is that long a phrase


def plain(value: str) -> str:
    """A typed value, stripped; empty, over-long and invisible-character values are refused."""
    value = value.strip()
    if not value:
        raise UsageError("needs a value, not an empty string")
    if not decoded(value):
        raise UsageError(UNDECODED)
    if len(value) > MAX_TEXT:
        raise UsageError(f"value is {len(value)} characters long; the limit is {MAX_TEXT}")
    if not value.isprintable():  # control characters, invisible formatting (Cc, Cf) and the like
        raise UsageError("value contains control or invisible formatting characters")
    return value


UNDECODED = "value holds bytes that are not text in this locale's encoding; use a UTF-8 locale (LANG=C.UTF-8)"


def decoded(value: str) -> bool:
    """Whether a typed value is text: Python turns bytes the locale cannot decode into lone
    surrogates (U+DC80-U+DCFF), which no word can hold."""
    return not any("\udc80" <= ch <= "\udcff" for ch in value)


def show(value: str) -> str:
    """A value quoted for a message: cut to 40 characters, never raw control characters."""
    cut = value if len(value) <= 40 else value[:40] + "…"
    return repr(cut)


def suggest(value: str, choices: Iterable[str], cutoff: float | None = None) -> str | None:
    """The choice nearest to `value` in letters, when it is close; codes only suggest codes."""
    import difflib

    folded = text.fold(value)
    options = {text.fold(c): c for c in choices}
    # A short code is a different thing from a word: "USA" is not a typo of "UA".
    if len(folded) <= 4:
        options = {k: v for k, v in options.items() if abs(len(k) - len(folded)) <= 1 and len(k) >= 3}
    if cutoff is None:
        cutoff = 0.75 if len(folded) <= 5 else 0.6
    close = difflib.get_close_matches(folded[:100], list(options), n=1, cutoff=cutoff)
    return options[close[0]] if close else None


E = TypeVar("E", bound=Enum)


def _unknown(what: str, value: str, choices: Sequence[str]) -> UsageError:
    hint = suggest(value, choices)
    tail = f"; did you mean {hint!r}?" if hint else f"; valid values: {', '.join(choices)}"
    return UsageError(f"unknown {what} {show(value)}{tail}")


# -- resolvers: typed value in, dataset value out -------------------------------------


def parse_year(value: str) -> dates.Span:
    try:
        return dates.parse_years(plain(value))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_date(value: str) -> dates.Span:
    try:
        return dates.parse_when(plain(value))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_period(value: str) -> dates.Span:
    """A date, or a range of two (`2025-03..2025-05`, `2025-03-01..2025-05-31`), from the first's
    first day to the second's last."""
    text = plain(value)
    first, dots, second = text.partition("..")
    try:
        if not dots:
            return dates.parse_when(text)
        low, high = dates.parse_when(first)[0], dates.parse_when(second)[1]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if low > high:
        raise UsageError(f"{show(value)} ends before it starts")
    return low, high


def resolve_category(vocabulary: Vocabulary, value: str) -> str:
    folded = text.normalize(plain(value))
    names = category_names(vocabulary)
    # Typed plurals: a plain -s or -es off (as the option's help promises), and -ies as -y.
    for candidate in (folded, folded.removesuffix("s"), folded.removesuffix("es"), text.singular(folded)):
        if candidate in names:
            return names[candidate]
    raise _unknown("category", value, list(vocabulary.categories))


def category_names(vocabulary: Vocabulary) -> dict[str, str]:
    """Every word for a category (its name and declared synonyms), normalized, to the category."""
    names: dict[str, str] = {}
    for name, category in vocabulary.categories.items():
        for spelling in (name, *category.synonyms):
            names.setdefault(text.normalize(spelling), name)
    return names


def resolve_source(ids: Sequence[str], value: str) -> str:
    """A source by its id, in any case: the article a claim comes from (see: cstofacts source)."""
    folded = plain(value).strip().casefold()
    for ident in ids:
        if ident.casefold() == folded:
            return ident
    raise _unknown("source", value, list(ids))


def resolve_kind(value: str) -> Kind:
    return choose(value, Kind, "unknown kind", KIND_WORDS)


def choose(value: str, choices: type[E], lead: str, aliases: Mapping[str, E] | None = None) -> E:
    """One of an Enum's values as typed: any case, singular or plural, a space for a dash (how many);
    else a UsageError that opens with `lead` and suggests the nearest value or lists them all."""
    folded = " ".join(plain(value).split()).casefold()
    for candidate in dict.fromkeys((folded, text.singular(folded), folded.replace(" ", "-"))):
        for choice in choices:
            if candidate == choice.value:
                return choice
        if aliases and candidate in aliases:
            return aliases[candidate]
    valid = [c.value for c in choices]
    hint = suggest(value, [*valid, *(aliases or ())])  # "opinons": did you mean 'opinion'?
    tail = f"; did you mean {hint!r}?" if hint else f"; valid values: {', '.join(valid)}"
    raise UsageError(f"{lead} {show(value)}{tail}")


def resolve_attribution(vocabulary: Vocabulary, value: str) -> str:
    folded = text.normalize(plain(value))
    for name in vocabulary.attributions:
        if folded in (name, name + "s", f"the {name}"):
            return name
    raise _unknown("attribution", value, list(vocabulary.attributions))


def _spellings(names: Mapping[str, str], entries: Iterable[tuple[str, ...]]) -> list[str]:
    """The declared spellings, as written, that suggestions may offer."""
    return [s for spellings in entries for s in spellings if text.normalize(s) in names]


def country_names(vocabulary: Vocabulary) -> dict[str, str]:
    """Every declared spelling of a country, normalized, to its alpha-2 code."""
    names: dict[str, str] = {}
    for code, country in vocabulary.countries.items():
        for spelling in country.spellings:
            names.setdefault(text.normalize(spelling), code)
    return names


def organization_names(vocabulary: Vocabulary) -> dict[str, str]:
    names: dict[str, str] = {}
    for short, org in vocabulary.organizations.items():
        for spelling in org.spellings:
            names.setdefault(text.normalize(spelling), short)
    return names


def resolve_country(vocabulary: Vocabulary, value: str) -> str:
    names = country_names(vocabulary)
    spellings = _spellings(names, (c.spellings for c in vocabulary.countries.values()))
    return _resolve_name(value, names, spellings, "country", list(vocabulary.countries))


def resolve_organization(vocabulary: Vocabulary, value: str) -> str:
    names = organization_names(vocabulary)
    spellings = _spellings(names, (o.spellings for o in vocabulary.organizations.values()))
    return _resolve_name(value, names, spellings, "organization", list(vocabulary.organizations))


def resolve_place(vocabulary: Vocabulary, value: str) -> str:
    names: dict[str, str] = {}
    for name, place in vocabulary.places.items():
        for spelling in place.spellings:
            names.setdefault(text.normalize(spelling), name)
    spellings = _spellings(names, (p.spellings for p in vocabulary.places.values()))
    return _resolve_name(value, names, spellings, "place", list(vocabulary.places))


def _resolve_name(
    value: str, names: Mapping[str, str], written: list[str], what: str, known: list[str]
) -> str:
    """A declared name to its key; a near miss is a usage error, a name never declared is an answer."""
    found = names.get(text.normalize(plain(value)))
    if found is not None:
        return found
    spellings = [*known, *(n for n in written if len(n) > 4)]
    hint = suggest(value, spellings)
    if hint is not None:
        raise UsageError(f"unknown {what} {show(value)}; did you mean {hint!r}?")
    raise NotFoundError(f"the article does not mention {show(value)} (it names: {', '.join(known)})")


def resolve_paragraph(value: str | int, last: int | None) -> int:
    raw = str(value).strip().lstrip("¶")
    if not raw.isascii() or not raw.isdigit():
        raise UsageError(f"{show(str(value))} is not a paragraph number; use a number such as 13")
    number = int(raw)
    if last is not None and number > last:  # ¶0 is the headline, which a claim may cite
        raise UsageError(
            f"there is no paragraph {number}; the article's paragraphs are numbered 1 to {last}, "
            "and 0 is the headline"
        )
    return number


def since_until(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """--since and --until as the first and last day they allow."""
    first = parse_date(since)[0] if since is not None else None
    last = parse_date(until)[1] if until is not None else None
    if first and last and first > last:
        raise UsageError(f"{since} is after the end date {until}")
    return first, last
