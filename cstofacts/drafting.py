"""Draft a dataset for a new article from its plain text: its header, its paragraphs, candidate claims.

Pure: text and a vocabulary in, records out (drafttoml.py writes them as a dataset); no I/O,
no Typer, no Rich.

- The header: the first non-empty line is the headline. The next few short lines may be a byline
  (one to four capitalised words) and a section (a line such as "Politics" or "World", or the last
  word of a byline line: "Арестова Татьяна Politics"); share buttons among them are left out.
- The body: blocks separated by blank lines, each item of a bulleted list a paragraph of its own,
  numbered from 1 as `cstofacts read` numbers them (article.numbered.txt's rule); the lines of a
  block are joined by a space. Share buttons and a closing "Read also:" are not paragraphs.
- Claims: a sentence of at least four words that holds a date, a number or a name the vocabulary
  declares (a country, organization, place or person, as mentions.py finds them) is a draft claim,
  with the sentence as its evidence. Dates are read as validate's lint reads them (store/written.py),
  so every drafted date is one validate finds in the paragraph, at the precision written: a year
  stays a year, "March 2025" is 2025-03, "4 марта 2025 года" is 2025-03-04 (a Russian month in
  any of its cases).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cstofacts import dates, text
from cstofacts.mentions import Names
from cstofacts.records import Vocabulary
from cstofacts.store.written import DATE, NUMBER, YEAR, When, norm, parse_date

# Lines of page furniture: share buttons, whatever their order.
_SHARE = frozenset(
    "vk x ok whatsapp telegram facebook twitter linkedin viber reddit pinterest email e-mail print share "
    "вконтакте одноклассники телеграм поделиться".split()
)
# Section names a news page prints under its headline, English and Russian, casefolded.
SECTIONS = frozenset(
    "politics world economy business society culture sport sports science technology tech opinion "
    "health education environment security defence defense military diplomacy international analysis "
    "news interview region regions russia asia europe "
    "политика мир экономика общество культура спорт наука технологии мнения аналитика интервью "
    "новости регионы безопасность армия происшествия".split()
) | {"в мире", "в россии"}
_HEADER_LINES = 4  # lines after the headline that may still be header
_BULLET = re.compile(r"^[-–—•*]\s+")
# A sentence ends at . ! ? or … (and the quotes or brackets that close around it) before white space.
_END = re.compile(r"[.!?…]+[\"'”»’)\]]*\s+")
# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt prof no vs etc jan feb mar apr aug sep sept oct nov dec "
    "г гг т тт д им ул пр проф ген".split()
)
# Words that open a sentence and say nothing about it: left out of claim ids.
_FILLER = text.STOP_WORDS | frozenset(
    "also as thus however during after before since while this that these there "
    "в во на и с со по о об к у за из от до для при что это как а но же также был была были было "
    "его её их он она они не ни года году год".split()
)
_NUMBER_WORDS = text.NUMBER_WORDS - {"one", "один", "одна"}  # "one of" is too often no number
MIN_WORDS = 4  # validate refuses a shorter quote unless it is a whole name or title
_ID_WORDS = 4


@dataclass(frozen=True)
class Article:
    """An article as read from its text: header values None where the text has none."""

    headline: str
    byline: str | None
    section: str | None
    body: tuple[str, ...]


@dataclass(frozen=True)
class DraftClaim:
    """A candidate claim: one sentence of one paragraph, with what it names and when."""

    id: str
    paragraph: int
    quote: str
    date: str | None
    end_date: str | None
    countries: tuple[str, ...]
    organizations: tuple[str, ...]
    location: str | None


@dataclass(frozen=True)
class Draft:
    """A drafted dataset: the article, its source id, its claims, and the vocabulary it names."""

    article: Article
    source_id: str
    claims: tuple[DraftClaim, ...]
    vocabulary: Vocabulary  # only the entries the article names (and the countries of its places)


# -- the article ---------------------------------------------------------------------------


def read(article: str) -> Article:
    """The headline, byline, section and body paragraphs of an article's plain text."""
    lines = article.removeprefix("\ufeff").splitlines()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return Article("", None, None, ())
    headline = lines[filled[0]].strip()
    byline = section = None
    start = filled[0] + 1
    for index in filled[1 : 1 + _HEADER_LINES]:
        line = lines[index].strip()
        if _furniture(line):
            start = index + 1
            continue
        if section is None and line.casefold() in SECTIONS:
            section = line
        elif byline is None and _names_only(line):
            last = line.split()[-1]
            if section is None and len(line.split()) > 1 and last.casefold() in SECTIONS:
                byline, section = line[: -len(last)].rstrip(), last
            else:
                byline = line
        else:
            break
        start = index + 1
    return Article(headline, byline, section, tuple(paragraphs(lines[start:])))


def _furniture(line: str) -> bool:
    words = line.casefold().split()
    return bool(words) and all(word in _SHARE for word in words)


def _names_only(line: str) -> bool:
    """One to four capitalised words (initials too), and no sentence's punctuation."""
    words = line.split()
    if not 1 <= len(words) <= 4 or line[-1] in ".,;:!?" or any(ch.isdigit() for ch in line):
        return False
    return all(word[0].isupper() for word in words)


def paragraphs(lines: Iterable[str]) -> Iterator[str]:
    """The paragraphs of body lines: blocks between blank lines, each bulleted item on its own."""
    found: list[str] = []
    current: list[str] = []
    for raw in [*lines, ""]:
        line = raw.strip()
        if not line or _furniture(line) or (_BULLET.match(line) and current):
            if current:
                found.append(" ".join(current))
            current = []
        if line and not _furniture(line):
            current.append(line)
    while found and len(found[-1].split()) <= 4 and found[-1].endswith(":"):
        found.pop()  # "Read also:", "Write a comment:" closing the page
    yield from found


def sentences(paragraph: str) -> Iterator[str]:
    """The sentences of a paragraph, each as written, a leading bullet left out."""
    start = 0
    for match in _END.finditer(paragraph):
        following = paragraph[match.end() : match.end() + 3].lstrip("\"'“«([")
        if not following or not (following[0].isupper() or following[0].isdigit()):
            continue
        if _inside_quotes(paragraph[start : match.end()]):
            continue  # "Allies. CSTO," is a title, not two sentences
        word = re.search(r"([^\W\d_]+)[.]?\W*$", paragraph[start : match.start() + 1])
        before = word[1] if word else ""
        if len(before) == 1 or before.casefold() in _ABBREVIATIONS:
            continue  # initials (I.N. Tasmagambetov) or an abbreviation
        yield _BULLET.sub("", paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        yield _BULLET.sub("", paragraph[start:].strip())


def _inside_quotes(passage: str) -> bool:
    """Whether a passage ends inside quotation marks it opened."""
    return (
        passage.count('"') % 2 == 1
        or passage.count("“") > passage.count("”")
        or passage.count("«") > passage.count("»")
    )


# -- the claims ----------------------------------------------------------------------------


def draft(article: Article, vocabulary: Vocabulary, source_id: str | None = None) -> Draft:
    """The draft claims of an article, and the part of the vocabulary it names."""
    names = Names(vocabulary)
    claims: list[DraftClaim] = []
    ids: set[str] = set()
    for number, paragraph in enumerate(article.body, start=1):
        for sentence in sentences(paragraph):
            quote = sentence if sentence.isprintable() else " ".join(sentence.split())
            if len(quote.split()) < MIN_WORDS or not quote.isprintable():
                continue
            when = written_date(quote)
            named = names.find(quote)
            if when is None and not named and not _counts(quote):
                continue
            stamp = (when[0] if when[1] is None else f"{when[0]}-{when[1]}") if when else None
            claims.append(
                DraftClaim(
                    id=_unique(slug(quote, stamp), ids),
                    paragraph=number,
                    quote=quote,
                    date=when[0] if when else None,
                    end_date=when[1] if when else None,
                    countries=tuple(key for kind, key in named if kind == "country"),
                    organizations=tuple(key for kind, key in named if kind == "organization"),
                    location=next(
                        (key for kind, key in named if kind == "place" and _as_named(key, quote)), None
                    ),
                )
            )
    whole = "\n".join((article.headline, *article.body))
    found = names.find(whole)
    return Draft(
        article, source_id or slug(article.headline) or "article", tuple(claims), names.used(found, whole)
    )


def written_date(sentence: str) -> tuple[str, str | None] | None:
    """The most precise date a sentence writes with its year, as ISO (and the end of a span of years).

    A day beats a month, a month a year; among equals the first written. Dates with no year
    ("On November 18") are left for a person to date from the context.
    """
    normalized = norm(sentence)
    found: list[tuple[int, int, tuple[str, str | None]]] = []  # (-precision, position, date)
    taken: list[tuple[int, int]] = []
    for match in DATE.finditer(normalized):
        taken.append(match.span())
        value = _iso(parse_date(match))
        if value is not None:
            found.append((-len(value[0]), match.start(), value))
    for match in YEAR.finditer(normalized):
        inside = any(low <= match.start() < high for low, high in taken)
        if not inside and 1900 <= int(match.group()) <= 2099:
            found.append((-4, match.start(), (match.group(), None)))
    return min(found)[2] if found else None


def _iso(when: When) -> tuple[str, str | None] | None:
    if when.year is None or not 1900 <= when.year <= 2099:
        return None
    if when.last is not None:
        if when.last < when.year:
            return None
        return (str(when.year), str(when.last) if when.last != when.year else None)
    value = (
        f"{when.year:04}"
        + (f"-{when.month:02}" if when.month else "")
        + (f"-{when.day:02}" if when.day else "")
    )
    try:
        dates.span(value)  # a real day: not 2025-02-30
    except ValueError:
        return None
    return (value, None)


def _counts(sentence: str) -> bool:
    """Whether a sentence states a number, in digits or words (a year counts as a date)."""
    return bool(NUMBER.search(sentence)) or any(w in _NUMBER_WORDS for w in text.words(sentence))


def _as_named(place: str, sentence: str) -> bool:
    """Whether a place is written as its declared name, which a claim's location must be."""
    return re.search(rf"(?<![^\W_]){re.escape(place)}(?![^\W_])", sentence) is not None


# -- ids -----------------------------------------------------------------------------------


def slug(words: str, stamp: str | None = None) -> str:
    """An id from the first telling words of a text, in ASCII, and a date: 'meeting-held-minsk-2023-03-06'."""
    from cstofacts.env import ascii_spelling

    kept = []
    for word in text.words(words):
        if word in _FILLER or word.isdigit() or len(word) == 1:
            continue
        spelled = "".join(ch if ch.isascii() else ascii_spelling(ch) for ch in word).lower()
        spelled = re.sub(r"[^a-z0-9]+", "", spelled)
        if spelled:
            kept.append(spelled)
        if len(kept) == _ID_WORDS:
            break
    parts = [*kept, stamp] if stamp else kept
    return "-".join(parts)[:60].strip("-") or "claim"


def _unique(candidate: str, taken: set[str]) -> str:
    chosen, number = candidate, 1
    while chosen in taken:
        number += 1
        chosen = f"{candidate}-{number}"
    taken.add(chosen)
    return chosen
