"""Frozen records of the dataset: claims, sources and their vocabularies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Kind(str, Enum):
    """What sort of statement a claim is."""

    EVENT = "event"  # something that happened: a meeting, a signing, an exercise, an award
    ASSESSMENT = "assessment"  # a judgement or conclusion of the analyst
    BACKGROUND = "background"  # context, causes and goals that frame the events


DATE_BASES = ("stated", "inferred")

# Output fields of a claim, in the stable order every machine format uses.
FIELDS = (
    "id",
    "kind",
    "category",
    "date",
    "end_date",
    "date_basis",
    "date_note",
    "summary",
    "countries",
    "organizations",
    "location",
    "paragraphs",
    "attributed_to",
    "parent",
    "source",
)


# Records compare by identity (eq=False): nothing needs value equality, and the
# generated __eq__ and __hash__ would cost start-up time on every run.
@dataclass(frozen=True, eq=False)
class Claim:
    """One claim of a source, at the grain a user looks things up."""

    id: str
    source: str
    kind: Kind
    category: str
    summary: str
    paragraphs: tuple[int, ...]
    attributed_to: str
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    date: str | None = None
    end_date: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    location: str | None = None
    parent: str | None = None
    # First and last day the claim covers; None when undated. Derived once at load.
    span: tuple[dt.date, dt.date] | None = field(default=None, repr=False)

    def record(self) -> dict[str, Any]:
        """The claim as plain JSON-ready values, keyed by FIELDS, None for unknown."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "category": self.category,
            "date": self.date,
            "end_date": self.end_date,
            "date_basis": self.date_basis,
            "date_note": self.date_note,
            "summary": self.summary,
            "countries": list(self.countries),
            "organizations": list(self.organizations),
            "location": self.location,
            "paragraphs": list(self.paragraphs),
            "attributed_to": self.attributed_to,
            "parent": self.parent,
            "source": self.source,
        }


@dataclass(frozen=True, eq=False)
class Analyst:
    """The person whose analysis a source reports."""

    name: str
    post: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
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
    paragraphs: int | None = None

    def record(self) -> dict[str, Any]:
        """The source as JSON-ready values; `published` is null: no source states a date."""
        analyst = self.analyst
        return {
            "id": self.id,
            "headline": self.headline,
            "portal": self.portal,
            "section": self.section,
            "byline": self.byline,
            "byline_latin": self.byline_latin,
            "analyst": analyst
            and {"name": analyst.name, "post": analyst.post, "titles": list(analyst.titles)},
            "period_start": self.period_start,
            "period_end": self.period_end,
            "paragraphs": self.paragraphs,
            "published": None,
        }


@dataclass(frozen=True, eq=False)
class Country:
    """A country by its ISO 3166-1 codes and the English words that name it."""

    code: str
    alpha3: str
    name: str
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Organization:
    """An organization by the short name the article uses."""

    short: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """Everything one dataset file holds, validated."""

    path: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    categories: Mapping[str, str]
    attributions: Mapping[str, str]
    countries: Mapping[str, Country]
    organizations: Mapping[str, Organization]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
