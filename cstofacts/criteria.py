"""What a lookup asks for: a typed Query, its search Terms, and the choices of order, answer and
count. Below the store, which runs them, and the query package, which reads them from what is typed."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import NamedTuple

from cstofacts import dates
from cstofacts.model import Kind


class SortKey(str, Enum):
    """Orders for --sort."""

    DATE = "date"
    ID = "id"
    CATEGORY = "category"


class Prefer(str, Enum):
    """What sort of claim answers a question word: search --prefer ranks those first among equals."""

    WHO = "who"  # names a person
    WHEN = "when"  # the most precise date
    WHERE = "where"  # a place
    WHY = "why"  # a view or background, not a bare event
    HOW_MANY = "how-many"  # a number


class StatsBy(str, Enum):
    """Dimensions for stats --by."""

    YEAR = "year"
    CATEGORY = "category"
    COUNTRY = "country"
    ORG = "org"
    KIND = "kind"
    ATTRIBUTION = "attribution"
    SOURCE = "source"


class Term(NamedTuple):  # a NamedTuple, not a dataclass: cheaper to define at every start
    """One thing a claim's text must hold: a word, a phrase, or a declared name.

    `tokens` are the folded words as typed (a phrase when more than one); `tags` are
    the entities a whole declared name stands for, which also match.
    """

    typed: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...] = ()
    # Other phrases that stand for the same thing (the thesaurus's words for a word no claim
    # holds, or a Russian name's stem); any of them matches.
    alternatives: tuple[tuple[str, ...], ...] = ()


class Query(NamedTuple):  # a NamedTuple, not a dataclass: a fifth of the cost to define at every start
    """What to find. Values within a field are OR, fields are AND."""

    years: tuple[dates.Span, ...] = ()
    since: date | None = None
    until: date | None = None
    categories: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    attributions: frozenset[str] = frozenset()
    paragraphs: frozenset[int] = frozenset()
    texts: tuple[tuple[Term, ...], ...] = ()  # --text: each value's terms must all occur; values are OR
    words: tuple[Term, ...] = ()  # search: every term must occur; ranked by relevance
    any_words: bool = False  # search --any: any term may occur; ranked by how many occur, then relevance
    best: bool = False  # search --any --best: only the claims holding the most of the terms
    at_least: int | None = None  # search --any --at-least N: only the claims holding N of the terms or more
    prefer: Prefer | None = None  # search --prefer: among equals, the claims that answer this first
    all_countries: tuple[str, ...] = ()  # --with-country: every one is involved (AND)
    all_organizations: tuple[str, ...] = ()  # --with-org: every one is involved (AND)
    not_countries: frozenset[str] = frozenset()  # --not-country: none of these is involved
    not_organizations: frozenset[str] = frozenset()  # --not-org: none of these is involved
    not_texts: tuple[tuple[Term, ...], ...] = ()  # --not-text: no claim holds every term of any value
    not_years: tuple[dates.Span, ...] = ()  # --not-year: dated, outside every one of these
    within: tuple[dates.Span, ...] = ()  # --within: dated inside one of these spans, not just overlapping
    sources: frozenset[str] = frozenset()  # --source: the claims of these sources (articles)
    part_of: frozenset[str] = frozenset()  # --part-of: the claims whose parent is one of these ids
    no_parts: bool = False  # --no-parts: no claim that is part of another (its parent stands for it)
    drafts: bool = False  # --drafts: draft claims too (draft = true, as `cstofacts new` writes them)
    sort: SortKey | None = None
    reverse: bool = False
    limit: int | None = None
    ids: tuple[str, ...] = ()  # exact ids (show, cite)

    @property
    def dated(self) -> bool:
        return bool(self.years or self.since or self.until or self.within or self.not_years)


# -- checking typed values ------------------------------------------------------
