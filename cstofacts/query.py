"""Pure filtering, searching, sorting and counting over loaded claims: no I/O, no printing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from cstofacts import dates
from cstofacts.errors import NotFoundError, UsageError
from cstofacts.model import FIELDS, Claim, Dataset, Kind

MAX_TEXT = 200  # longer --text values are refused: no claim is that long a phrase
# Patterns as strings: `re` compiles and caches them on first use, so a run that
# never normalizes text never pays for them.
_DASHES = r"[\u002d\u2010-\u2015\u2212\ufe58\ufe63\uff0d_]+"
_SPACE = r"\s+"
_YEAR = r"\d{4}"


class SortKey(str, Enum):
    """Orders for --sort."""

    DATE = "date"
    ID = "id"
    CATEGORY = "category"


class StatsBy(str, Enum):
    """Dimensions for stats --by."""

    YEAR = "year"
    CATEGORY = "category"
    COUNTRY = "country"
    ORG = "org"
    KIND = "kind"


UNDATED = "undated"


class Filters(NamedTuple):
    """Resolved filters: a value list is OR within itself, AND with the others."""

    years: tuple[tuple[date, date], ...] = ()
    since: date | None = None
    until: date | None = None
    categories: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    texts: tuple[tuple[str, ...], ...] = ()  # each entry: normalized words that must all occur

    @property
    def dated(self) -> bool:
        return bool(self.years or self.since or self.until)


# -- text --------------------------------------------------------------------


def normalize(text: str) -> str:
    """Case-, accent- and dash-insensitive form of a text, words separated by one space."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(_SPACE, " ", re.sub(_DASHES, " ", stripped)).strip()


def haystack(claim: Claim, dataset: Dataset) -> str:
    """All the text a claim can be found by, normalized."""
    parts = [claim.id, claim.summary, claim.location or "", claim.category, claim.date_note or ""]
    for code in claim.countries:
        country = dataset.countries[code]
        parts += [country.name, *country.adjectives]
    for short in claim.organizations:
        org = dataset.organizations[short]
        parts += [short, org.name, *org.aliases]
    return normalize(" ".join(parts))


# -- resolving command-line values ---------------------------------------------


def suggest(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or ''."""
    import difflib

    lowered = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(value.casefold()[:100], list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


def _unknown(option: str, what: str, value: str, choices: Sequence[str]) -> UsageError:
    hint = suggest(value, choices)
    if not hint:
        hint = f"; valid values: {', '.join(choices)}"
    return UsageError(option, f"unknown {what} {_show(value)}{hint}")


def _show(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "…")


def _check_plain(option: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise UsageError(option, "needs a value, not an empty string")
    if len(value) > MAX_TEXT:
        raise UsageError(option, f"value is {len(value)} characters long; the limit is {MAX_TEXT}")
    if not value.isprintable():  # control characters, invisible formatting (Cc, Cf) and the like
        raise UsageError(option, "value contains control or invisible formatting characters")
    return value


def parse_year(value: str, option: str = "--year") -> tuple[date, date]:
    """'2023', '2023..2025', '2023..' or '..2025' as an inclusive day span."""
    text = _check_plain(option, value)
    low, sep, high = text.partition("..")
    if not sep:
        high = low
    if not (low or high):
        raise UsageError(option, f"{_show(text)} names no year; use YYYY or YYYY..YYYY")
    for part in (low, high):
        if part and not re.fullmatch(_YEAR, part.strip()):
            raise UsageError(option, f"{_show(text)} is not a year or range; use YYYY or YYYY..YYYY")
    first = int(low) if low else 1
    last = int(high) if high else 9999
    if first < 1:
        raise UsageError(option, "there is no year 0000")
    if first > last:
        raise UsageError(option, f"range {text} runs backwards; did you mean {last}..{first}?")
    return date(first, 1, 1), date(last, 12, 31)


def parse_date(value: str, option: str) -> tuple[date, date]:
    text = _check_plain(option, value)
    try:
        return dates.span(text)
    except ValueError as exc:
        raise UsageError(option, str(exc)) from None


def resolve_category(dataset: Dataset, value: str) -> str:
    text = _check_plain("--category", value).casefold()
    categories = list(dataset.categories)
    for candidate in (text, text.removesuffix("s"), text.removesuffix("es"), text.replace(" ", "-")):
        if candidate in dataset.categories:
            return candidate
    raise _unknown("--category", "category", value, categories)


def country_names(dataset: Dataset) -> dict[str, str]:
    """Every accepted spelling of a country, casefolded, to its alpha-2 code."""
    names: dict[str, str] = {}
    for code, country in dataset.countries.items():
        for name in (code, country.alpha3, country.name, *country.adjectives):
            names[normalize(name)] = code
    return names


def resolve_country(dataset: Dataset, value: str) -> str:
    text = _check_plain("--country", value)
    names = country_names(dataset)
    code = names.get(normalize(text))
    if code is None:
        spellings = [dataset.countries[c].name for c in dataset.countries] + list(dataset.countries)
        raise _unknown("--country", "country", value, spellings)
    return code


def resolve_organization(dataset: Dataset, value: str) -> str:
    text = normalize(_check_plain("--org", value))
    for short, org in dataset.organizations.items():
        if text in {normalize(n) for n in (short, org.name, *org.aliases)}:
            return short
    raise _unknown("--org", "organization", value, list(dataset.organizations))


def build_filters(
    dataset: Dataset,
    *,
    years: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    categories: Sequence[str] = (),
    countries: Sequence[str] = (),
    organizations: Sequence[str] = (),
    kinds: Sequence[Kind] = (),
    texts: Sequence[str] = (),
) -> Filters:
    """Resolve raw command-line values into Filters, or raise UsageError naming the option."""
    since_span = parse_date(since, "--since") if since is not None else None
    until_span = parse_date(until, "--until") if until is not None else None
    if since_span and until_span and since_span[0] > until_span[1]:
        raise UsageError("--since", f"{since} is after --until {until}")
    words = []
    for text in texts:
        normalized = normalize(_check_plain("--text", text))
        if not normalized:
            raise UsageError("--text", f"{_show(text)} has no letters or digits to search for")
        words.append(tuple(normalized.split(" ")))
    return Filters(
        years=tuple(parse_year(y) for y in years),
        since=since_span[0] if since_span else None,
        until=until_span[1] if until_span else None,
        categories=frozenset(resolve_category(dataset, c) for c in categories),
        countries=frozenset(resolve_country(dataset, c) for c in countries),
        organizations=frozenset(resolve_organization(dataset, o) for o in organizations),
        kinds=frozenset(kinds),
        texts=tuple(words),
    )


# -- filtering ---------------------------------------------------------------


def matches(claim: Claim, filters: Filters, text: str = "") -> bool:
    """Whether a claim passes every filter; `text` is its haystack when texts are filtered."""
    if filters.categories and claim.category not in filters.categories:
        return False
    if filters.kinds and claim.kind not in filters.kinds:
        return False
    if filters.countries and filters.countries.isdisjoint(claim.countries):
        return False
    if filters.organizations and filters.organizations.isdisjoint(claim.organizations):
        return False
    if filters.dated:
        if claim.span is None:
            return False
        first, last = claim.span
        if filters.years and not any(first <= high and low <= last for low, high in filters.years):
            return False
        if filters.since and last < filters.since:
            return False
        if filters.until and first > filters.until:
            return False
    return not filters.texts or any(all(w in text for w in words) for words in filters.texts)


def select(dataset: Dataset, filters: Filters) -> list[Claim]:
    """The claims that pass the filters, in dataset order."""
    if filters.texts:
        return [c for c in dataset.claims if matches(c, filters, haystack(c, dataset))]
    return [c for c in dataset.claims if matches(c, filters)]


def _chronological(claim: Claim) -> tuple[Any, ...]:
    """Earliest first; at the same start, the less precise date ("2022") before "2022-01"."""
    assert claim.span is not None
    return (claim.span[0], len(claim.date or ""), claim.span[1])


def sort_claims(claims: Iterable[Claim], key: SortKey = SortKey.DATE, reverse: bool = False) -> list[Claim]:
    """Sort stably; by date, undated claims always come last, in dataset order."""
    items = list(claims)
    if key is SortKey.ID:
        return sorted(items, key=lambda c: c.id, reverse=reverse)
    dated = sorted((c for c in items if c.span is not None), key=_chronological, reverse=reverse)
    undated = [c for c in items if c.span is None]
    by_date = dated + undated
    if key is SortKey.CATEGORY:
        return sorted(by_date, key=lambda c: c.category, reverse=reverse)
    return by_date


# -- search ------------------------------------------------------------------

_FIELD_WEIGHTS = (("id", 4.0), ("location", 3.0), ("summary", 2.0))


def score(claim: Claim, words: Sequence[str], all_text: str) -> float:
    """Relevance of a claim to search words; 0 when some word is missing."""
    if not all(w in all_text for w in words):
        return 0.0
    fields = {
        "id": normalize(claim.id),
        "location": normalize(claim.location or ""),
        "summary": normalize(claim.summary),
    }
    total = 0.0
    for word in words:
        total += 0.5  # found somewhere
        whole = re.compile(rf"\b{re.escape(word)}\b")
        for name, weight in _FIELD_WEIGHTS:
            if word in fields[name]:
                total += weight * (1.5 if whole.search(fields[name]) else 1.0)
    phrase = " ".join(words)
    if len(words) > 1 and phrase in fields["summary"]:
        total += 3.0
    return total


def search(dataset: Dataset, claims: Iterable[Claim], query: Sequence[str]) -> list[Claim]:
    """Claims holding every query word, best first; ties keep date order."""
    words = [w for q in query for w in normalize(_check_plain("WORDS", q)).split(" ") if w]
    if not words:
        raise UsageError("WORDS", "give at least one word with a letter or digit")
    scored = [(score(c, words, haystack(c, dataset)), c) for c in sort_claims(claims)]
    ranked = sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: -pair[0])
    return [claim for _, claim in ranked]


# -- lookups and counts ------------------------------------------------------


def resolve_ids(dataset: Dataset, ids: Sequence[str]) -> list[Claim]:
    """Claims by id or unique id prefix, in the order asked."""
    by_id = {c.id: c for c in dataset.claims}
    found = []
    for raw in ids:
        wanted = raw.strip().casefold()
        if not wanted:
            raise UsageError(None, "an empty string is not a claim id")
        if wanted in by_id:
            found.append(by_id[wanted])
            continue
        candidates = [c for c in dataset.claims if c.id.startswith(wanted)]
        if len(candidates) == 1:
            found.append(candidates[0])
        elif candidates:
            names = ", ".join(c.id for c in candidates[:8])
            raise UsageError(None, f"{_show(raw)} is the start of several ids: {names}; give more of it")
        else:
            raise NotFoundError(f"no claim with id {_show(raw)}{suggest(raw, list(by_id))}")
    return found


def parse_fields(value: str | None, default: Sequence[str]) -> tuple[str, ...]:
    """A comma-separated --fields value, checked against the claim fields."""
    if value is None:
        return tuple(default)
    names = [n.strip() for n in value.split(",")]
    if not any(names):
        raise UsageError("--fields", f"needs at least one field name; valid fields: {', '.join(FIELDS)}")
    for name in names:
        if name not in FIELDS:
            raise _unknown("--fields", "field", name, FIELDS)
    return tuple(dict.fromkeys(n for n in names if n))


def count_by(dataset: Dataset, claims: Iterable[Claim], by: StatsBy) -> list[tuple[str, int]]:
    """(value, count) pairs; a claim counts once under each value it has."""
    counts: Counter[str] = Counter()
    for claim in claims:
        counts.update(_values(claim, by))
    if by is StatsBy.YEAR:
        return sorted(counts.items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _values(claim: Claim, by: StatsBy) -> list[str]:
    if by is StatsBy.YEAR:
        if claim.span is None:
            return [UNDATED]
        return [str(y) for y in range(claim.span[0].year, claim.span[1].year + 1)]
    if by is StatsBy.CATEGORY:
        return [claim.category]
    if by is StatsBy.COUNTRY:
        return list(claim.countries)
    if by is StatsBy.ORG:
        return list(claim.organizations)
    return [claim.kind.value]


def year_groups(claims: Iterable[Claim]) -> list[tuple[str, list[Claim]]]:
    """Claims grouped under the year they start, in the order given (sort them first)."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        label = str(claim.span[0].year) if claim.span else UNDATED
        groups.setdefault(label, []).append(claim)
    return list(groups.items())
