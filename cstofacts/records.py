"""A dataset's other records: its sources, its declared vocabularies, and the dataset whole.

Kept apart from model.py: a plain lookup needs only claims. The records are NamedTuples,
not dataclasses: nine frozen dataclasses cost about 5 ms to define at every start of `show`,
NamedTuples about a fifth of that. They are immutable all the same; build them by keyword.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from cstofacts.model import Claim


class Work(NamedTuple):
    """A work a source reports on, as the source describes it (`[[sources.reports]]`).

    Only what the source states is stored: a field the source does not give is None (the
    title and date of the reported work, here), never filled in from elsewhere.
    """

    id: str
    author: str  # as the source writes the name
    author_post: str | None = None  # as the source gives it
    author_titles: tuple[str, ...] = ()
    title: str | None = None
    venue: str | None = None  # where the work appeared, as the source names it
    venue_type: str | None = None  # what the source calls the venue: "portal"
    period_start: str | None = None  # the period the work covers
    period_end: str | None = None
    voice: str | None = None  # the attribution whose claims are this work's statements
    described_in: tuple[int, ...] = ()  # the source's paragraphs that describe it

    def record(self) -> dict[str, Any]:
        values = self._asdict()
        values["author_titles"] = list(self.author_titles)
        values["described_in"] = list(self.described_in)
        values["published"] = None  # no source states the date of a work it reports
        return values


class Source(NamedTuple):
    """A document the claims come from: one report, one dataset file. Its headline is ¶0.

    It has no venue, date or address unless it states them; the works it reports on are
    `reports`, each with the attribution (`voice`) of the claims that are that work's.
    """

    id: str
    headline: str
    section: str | None = None
    byline: str | None = None  # as printed
    byline_romanized: str | None = None  # a romanisation of the byline, which the source does not print
    venue: str | None = None  # where the source itself appeared, when it says so
    reports: tuple[Work, ...] = ()
    paragraphs: int | None = None  # how many body paragraphs; len(body) when the body is given
    body: tuple[str, ...] = ()  # the body paragraphs, ¶1 first, quoted exactly

    def record(self) -> dict[str, Any]:
        """The source as JSON-ready values; `published` is null: no source states a date."""
        skip = ("body", "reports")
        values = {name: value for name, value in self._asdict().items() if name not in skip}
        values["published"] = None
        values["reports"] = [work.record() for work in self.reports]
        return values

    def paragraph(self, number: int) -> str | None:
        """The text of ¶number (¶0 is the headline), or None when the source has no such paragraph."""
        if number == 0:
            return self.headline
        return self.body[number - 1] if 1 <= number <= len(self.body) else None

    def voice(self, attribution: str) -> Work | None:
        """The reported work whose statements carry this attribution, if any."""
        return next((w for w in self.reports if w.voice == attribution), None)


class Category(NamedTuple):
    """A declared category, with the other words readers use for it."""

    name: str
    description: str
    synonyms: tuple[str, ...] = ()


class Country(NamedTuple):
    """A country by its ISO 3166-1 codes and the words that name it (search aids)."""

    code: str
    alpha3: str
    name: str
    adjectives: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.code, self.alpha3, self.name, *self.adjectives, *self.aliases)


class Organization(NamedTuple):
    """An organization by the short name the article uses."""

    short: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.short, self.name, *self.aliases)


class Place(NamedTuple):
    """A place the article names, and the country it lies in (a search aid)."""

    name: str
    country: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Person(NamedTuple):
    """A person the article names, with other spellings of the name (search aids), and the
    roles the article gives them ("Secretary General"): a claim that names the role is about them."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Vocabulary(NamedTuple):
    """The declared values a dataset's claims may use, and the words that name them."""

    categories: Mapping[str, Category]
    attributions: Mapping[str, str]
    countries: Mapping[str, Country]
    organizations: Mapping[str, Organization]
    places: Mapping[str, Place]
    people: Mapping[str, Person]


class Dataset(NamedTuple):
    """Everything one dataset file holds, validated."""

    path: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    vocabulary: Vocabulary

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
