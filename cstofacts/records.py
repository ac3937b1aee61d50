"""A dataset's other records: its sources, its declared vocabularies, and the dataset whole.

Kept apart from model.py: a plain lookup needs only claims, and defining record
classes costs start-up time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cstofacts.model import Claim


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
    """A person the article names, with other spellings of the name (search aids), and the
    roles the article gives them ("Secretary General"): a claim that names the role is about them."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

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
