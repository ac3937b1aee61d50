"""Frozen records of the dataset: claims, sources and their vocabularies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Kind(str, Enum):
    """What sort of statement a claim is."""

    EVENT = "event"  # something that happened: a meeting, a signing, an exercise, an award
    ASSESSMENT = "assessment"  # a judgement or conclusion, the analyst's or the article's
    BACKGROUND = "background"  # context, causes and goals that frame the events


DATE_BASES = ("stated", "inferred")
SCHEMA = 2  # the dataset schema this version reads; the compiled database records it too


@dataclass(frozen=True, eq=False)
class Evidence:
    """An exact quote from a cited paragraph that states a claim."""

    paragraph: int
    quote: str


# Records compare by identity (eq=False): nothing needs value equality, and the
# generated __eq__ and __hash__ would cost start-up time on every run.
# The field order of Claim is the order of every machine format's columns and keys.
@dataclass(frozen=True, eq=False, kw_only=True)
class Claim:
    """One claim of a source, at the grain a user looks things up."""

    id: str
    kind: Kind
    category: str
    date: str | None = None
    end_date: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    summary: str
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    location: str | None = None
    paragraphs: tuple[int, ...]
    attributed_to: str
    attribution_note: str | None = None
    parent: str | None = None
    source: str
    evidence: tuple[Evidence, ...] = ()
    # First and last day the claim covers; None when undated. Derived at load, never output.
    span: tuple[dt.date, dt.date] | None = dataclasses.field(default=None, repr=False, compare=False)

    def record(self) -> dict[str, Any]:
        """The claim as plain JSON-ready values, keyed by FIELDS, None for unknown."""
        values = {name: getattr(self, name) for name in FIELDS}
        values["kind"] = self.kind.value
        for name in ("countries", "organizations", "paragraphs"):
            values[name] = list(values[name])
        values["evidence"] = [{"paragraph": e.paragraph, "quote": e.quote} for e in self.evidence]
        return values

    @property
    def when(self) -> str:
        """The date as people read it: `2024..2025` for a span, `undated` without one."""
        if self.date and self.end_date:
            return f"{self.date}..{self.end_date}"
        return self.date or "undated"


# Output fields of a claim, in the stable order every machine format uses: derived, never retyped.
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim) if f.name != "span")
LIST_FIELDS = frozenset({"countries", "organizations", "paragraphs", "evidence"})


@dataclass(frozen=True, eq=False, kw_only=True)
class Analyst:
    """The person whose analysis a source reports."""

    name: str
    post: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, kw_only=True)
class Source:
    """A document the claims come from. It has no publication date unless it states one."""

    id: str
    headline: str
    portal: str | None = None
    section: str | None = None
    byline: str | None = None
    byline_latin: str | None = None
    analyst: Analyst | None = None
    period_start: str | None = None
    period_end: str | None = None
    paragraphs: int | None = None  # how many body paragraphs; len(body) when the body is given
    body: tuple[str, ...] = ()  # the body paragraphs, ¶1 first, quoted exactly

    def record(self) -> dict[str, Any]:
        """The source as JSON-ready values; `published` is null: no source states a date."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "body"}
        analyst = self.analyst
        values["analyst"] = analyst and {
            "name": analyst.name,
            "post": analyst.post,
            "titles": list(analyst.titles),
        }
        values["published"] = None
        return values

    def paragraph(self, number: int) -> str | None:
        """The text of ¶number, or None when the body is not given or has no such paragraph."""
        return self.body[number - 1] if 1 <= number <= len(self.body) else None


@dataclass(frozen=True, eq=False, kw_only=True)
class Category:
    """A declared category, with the other words readers use for it."""

    name: str
    description: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, kw_only=True)
class Country:
    """A country by its ISO 3166-1 codes and the words that name it (search aids)."""

    code: str
    alpha3: str
    name: str
    adjectives: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.code, self.alpha3, self.name, *self.adjectives, *self.aliases)


@dataclass(frozen=True, eq=False, kw_only=True)
class Organization:
    """An organization by the short name the article uses."""

    short: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.short, self.name, *self.aliases)


@dataclass(frozen=True, eq=False, kw_only=True)
class Place:
    """A place the article names, and the country it lies in (a search aid)."""

    name: str
    country: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False, kw_only=True)
class Person:
    """A person the article names, with other spellings of the name (search aids)."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False, kw_only=True)
class Vocabulary:
    """The declared values a dataset's claims may use, and the words that name them."""

    categories: Mapping[str, Category]
    attributions: Mapping[str, str]
    countries: Mapping[str, Country]
    organizations: Mapping[str, Organization]
    places: Mapping[str, Place]
    people: Mapping[str, Person]


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """Everything one dataset file holds, validated."""

    path: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    vocabulary: Vocabulary

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
