"""Validate a parsed TOML document into frozen records, reporting every problem with its line."""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Callable, Iterator
from typing import Any

from cstofacts import dates
from cstofacts.errors import DataError, Problem
from cstofacts.model import DATE_BASES, SCHEMA, Claim, Evidence, Kind
from cstofacts.records import (
    Analyst,
    Category,
    Country,
    Dataset,
    Organization,
    Person,
    Place,
    Source,
    Vocabulary,
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
# Organization short names appear in comma-joined lists: letters, digits and inner hyphens only.
_SHORT = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\"' -]+?)[ \t]*\]\]?", re.MULTILINE)
_KINDS = {kind.value: kind for kind in Kind}

TOP_KEYS = {
    "schema": True,
    "categories": True,
    "attributions": True,
    "countries": True,
    "organizations": True,
    "places": False,
    "people": False,
    "sources": True,
    "claims": True,
}
CLAIM_KEYS = {  # key -> required
    "id": True,
    "source": True,
    "kind": True,
    "category": True,
    "summary": True,
    "paragraphs": True,
    "attributed_to": True,
    "countries": True,
    "organizations": True,
    "evidence": False,
    "date": False,
    "end_date": False,
    "date_basis": False,
    "date_note": False,
    "location": False,
    "parent": False,
    "attribution_note": False,
}
SOURCE_KEYS = {
    "id": True,
    "headline": True,
    "portal": False,
    "section": False,
    "byline": False,
    "byline_latin": False,
    "analyst": False,
    "period_start": False,
    "period_end": False,
    "paragraphs": False,
    "body": False,
}
ANALYST_KEYS = {"name": True, "post": False, "titles": False}
CATEGORY_KEYS = {"description": True, "synonyms": False}
COUNTRY_KEYS = {"alpha3": True, "name": True, "adjectives": False, "aliases": False}
ORGANIZATION_KEYS = {"name": True, "aliases": False}
PLACE_KEYS = {"country": True, "aliases": False}
PERSON_KEYS = {"name": True, "aliases": False}
EVIDENCE_KEYS = {"paragraph": True, "quote": True}

# A line number, or a function that finds it: locating lines costs time, so
# checks only do it when they report a problem.
Where = int | None | Callable[[], int | None]


def validate(document: dict[str, Any], text: str, path: str) -> Dataset:
    """The Dataset a parsed document describes, or one DataError listing every problem."""
    # Loading creates many objects and no reference cycles; the cyclic garbage
    # collector would rescan the growing heap again and again, making big files
    # slower per claim than small ones.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Validator(path, text).dataset(document)
    finally:
        if collecting:
            gc.enable()


def fold(text: str) -> str:
    """Whitespace folded to single spaces: how quotes are compared with their paragraphs."""
    return " ".join(text.split())


class Locator:
    """Finds the line of a table, an array entry or a key in the raw text.

    tomllib keeps no positions, so the headers are scanned once, and the keys of
    a table once per table, however many problems it has: locating is linear overall.
    """

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._arrays: dict[str, list[int]] = {}
        line, offset = 1, 0
        for match in _HEADER.finditer(text):
            line += text.count("\n", offset, match.start())  # counted incrementally: linear overall
            offset = match.start()
            name = match[1].replace('"', "").replace("'", "").replace(" ", "")
            self._arrays.setdefault(name, []).append(line)
        self._keys: dict[int, dict[str, int]] = {}

    def entry(self, array: str, index: int) -> int | None:
        """The header line of entry `index` of an array of tables."""
        lines = self._arrays.get(array, [])
        return lines[index] if index < len(lines) else None

    def table(self, name: str) -> int | None:
        lines = self._arrays.get(name)
        return lines[0] if lines else None

    def key(self, start: int | None, key: str) -> int | None:
        """The line of `key = ...` in the table opening at `start`, else `start`."""
        if start is None:
            return None
        keys = self._keys.get(start)
        if keys is None:
            keys = self._keys[start] = {}
            for number in range(start, len(self._lines)):
                line = self._lines[number].lstrip()
                if line.startswith("["):
                    break
                name, equals, _ = line.partition("=")
                if equals:
                    keys.setdefault(name.strip().strip("\"'"), number + 1)
        return keys.get(key, start)


class _Validator:
    """Collects every problem in a parsed document, then builds the Dataset."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    @functools.cached_property
    def where(self) -> Locator:
        """Built on first use: a valid dataset never needs to locate anything."""
        return Locator(self.text)

    def table_line(self, name: str) -> Where:
        return lambda: self.where.table(name)

    def entry_line(self, array: str, index: int) -> Where:
        return lambda: self.where.entry(array, index)

    def key_line(self, line: Where, key: str) -> Where:
        return lambda: self.where.key(line() if callable(line) else line, key)

    def problem(self, line: Where, message: str) -> None:
        """Record a problem; a callable line is only located now, when something is wrong."""
        self.problems.append(Problem(self.path, line() if callable(line) else line, message))

    # -- generic checks ----------------------------------------------------

    def keys(self, table: dict[str, Any], spec: dict[str, bool], what: str, line: Where) -> None:
        """Report unknown keys at their own line and missing ones at the table's."""
        for key in table:
            if key not in spec:
                known = ", ".join(spec)
                self.problem(self.key_line(line, key), f"{what}: unknown key {key!r}; known keys: {known}")
        for key, required in spec.items():
            if required and key not in table:
                self.problem(line, f"{what}: missing key {key!r}")

    def string(
        self, table: dict[str, Any], key: str, what: str, line: Where, nonempty: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(
                self.key_line(line, key), f"{what}: {key!r} must be a string, not {_describe(value)}"
            )
            return None
        if nonempty and not value.strip():
            blank = "empty" if not value else "only white space"
            self.problem(self.key_line(line, key), f"{what}: {key!r} must have text; it is {blank}")
            return None
        return value

    def strings(self, table: dict[str, Any], key: str, what: str, line: Where) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            message = f"{what}: {key!r} must be a list of non-empty strings, not {_describe(value)}"
            self.problem(self.key_line(line, key), message)
            return ()
        return tuple(value)

    def table(self, document: dict[str, Any], key: str) -> dict[str, Any]:
        value = document.get(key, {})
        if not isinstance(value, dict):
            self.problem(self.key_line(1, key), f"{key!r} must be a table, not {_describe(value)}")
            return {}
        return value

    def entries(self, table: dict[str, Any], section: str) -> Iterator[tuple[str, dict[str, Any], Where]]:
        """The sub-tables of a vocabulary section, each with its line; anything else is a problem."""
        for name, entry in table.items():
            line = self.table_line(f"{section}.{name}")
            if isinstance(entry, dict):
                yield name, entry, line
            else:
                self.problem(line, f"{section} {name!r}: must be a table, not {_describe(entry)}")

    # -- sections ----------------------------------------------------------

    def dataset(self, document: dict[str, Any]) -> Dataset:
        self.keys(document, TOP_KEYS, "dataset", 1)
        self.schema(document)
        countries = dict(self.countries(self.table(document, "countries")))
        vocabulary = Vocabulary(
            categories=dict(self.categories(document)),
            attributions=self.attributions(document),
            countries=countries,
            organizations=dict(self.organizations(self.table(document, "organizations"))),
            places=dict(self.places(self.table(document, "places"), countries)),
            people=dict(self.people(self.table(document, "people"))),
        )
        sources = tuple(self.sources(document.get("sources", [])))
        claims = tuple(self.claims(document.get("claims", []), vocabulary, {s.id: s for s in sources}))
        if self.problems:
            raise DataError(self.problems)
        return Dataset(self.path, sources, claims, vocabulary)

    def schema(self, document: dict[str, Any]) -> None:
        if "schema" not in document:
            return  # reported as a missing key
        value = document["schema"]
        line = self.key_line(1, "schema")
        if not _is_int(value):
            self.problem(line, f"'schema' must be a whole number, not {_describe(value)}")
        elif value != SCHEMA:
            self.problem(line, f"schema {value} is not one this version reads (it reads schema {SCHEMA})")

    def categories(self, document: dict[str, Any]) -> Iterator[tuple[str, Category]]:
        table = self.table(document, "categories")
        if not table and "categories" in document:
            self.problem(self.table_line("categories"), "categories: declares no values")
        for name, entry in table.items():
            line = self.table_line(f"categories.{name}")
            what = f"category {name!r}"
            if not _SLUG.fullmatch(name):
                self.problem(line, f"{what}: not a lowercase-hyphenated name")
                continue
            if isinstance(entry, str):  # the short form: name = "description"
                line = self.key_line(self.table_line("categories"), name)
                entry = {"description": entry}
            if not isinstance(entry, dict):
                self.problem(line, f"{what}: must be a description or a table, not {_describe(entry)}")
                continue
            self.keys(entry, CATEGORY_KEYS, what, line)
            description = self.string(entry, "description", what, line, nonempty=True)
            synonyms = self.strings(entry, "synonyms", what, line)
            if description is not None:
                yield name, Category(name=name, description=description, synonyms=synonyms)

    def attributions(self, document: dict[str, Any]) -> dict[str, str]:
        table = self.table(document, "attributions")
        line = self.table_line("attributions")
        result = {}
        for name, description in table.items():
            if not _SLUG.fullmatch(name):
                self.problem(
                    self.key_line(line, name), f"attributions: {name!r} is not a lowercase-hyphenated name"
                )
            elif not isinstance(description, str) or not description.strip():
                self.problem(
                    self.key_line(line, name), f"attributions: {name!r} needs a one-line description"
                )
            else:
                result[name] = description
        if not table and "attributions" in document:
            self.problem(line, "attributions: declares no values")
        return result

    def countries(self, table: dict[str, Any]) -> Iterator[tuple[str, Country]]:
        for code, entry, line in self.entries(table, "countries"):
            what = f"country {code!r}"
            if not _ALPHA2.fullmatch(code):
                self.problem(line, f"{what}: not an ISO 3166-1 alpha-2 code (two capital letters)")
                continue
            self.keys(entry, COUNTRY_KEYS, what, line)
            alpha3 = self.string(entry, "alpha3", what, line, nonempty=True) or ""
            if alpha3 and not _ALPHA3.fullmatch(alpha3):
                message = f"{what}: alpha3 {alpha3!r} is not three capital letters"
                self.problem(self.key_line(line, "alpha3"), message)
            yield (
                code,
                Country(
                    code=code,
                    alpha3=alpha3,
                    name=self.string(entry, "name", what, line, nonempty=True) or "",
                    adjectives=self.strings(entry, "adjectives", what, line),
                    aliases=self.strings(entry, "aliases", what, line),
                ),
            )

    def organizations(self, table: dict[str, Any]) -> Iterator[tuple[str, Organization]]:
        for short, entry, line in self.entries(table, "organizations"):
            what = f"organization {short!r}"
            if not _SHORT.fullmatch(short) or len(short) > 32:
                self.problem(line, f"{what}: a short name is letters and digits, like CSTO or UN")
                continue
            self.keys(entry, ORGANIZATION_KEYS, what, line)
            name = self.string(entry, "name", what, line, nonempty=True) or ""
            yield (
                short,
                Organization(short=short, name=name, aliases=self.strings(entry, "aliases", what, line)),
            )

    def places(self, table: dict[str, Any], countries: dict[str, Country]) -> Iterator[tuple[str, Place]]:
        for name, entry, line in self.entries(table, "places"):
            what = f"place {name!r}"
            if not name.strip() or not name.isprintable() or len(name) > 80:
                self.problem(line, f"{what}: a place is named by printable text of at most 80 characters")
                continue
            self.keys(entry, PLACE_KEYS, what, line)
            country = self.string(entry, "country", what, line, nonempty=True)
            if country is not None and country not in countries:
                known = ", ".join(sorted(countries)) or "none declared"
                self.problem(
                    self.key_line(line, "country"), f"{what}: unknown country {country!r}; declared: {known}"
                )
                continue
            yield (
                name,
                Place(name=name, country=country or "", aliases=self.strings(entry, "aliases", what, line)),
            )

    def people(self, table: dict[str, Any]) -> Iterator[tuple[str, Person]]:
        for slug, entry, line in self.entries(table, "people"):
            what = f"person {slug!r}"
            if not _SLUG.fullmatch(slug):
                self.problem(line, f"{what}: not a lowercase-hyphenated name")
                continue
            self.keys(entry, PERSON_KEYS, what, line)
            name = self.string(entry, "name", what, line, nonempty=True) or ""
            yield slug, Person(slug=slug, name=name, aliases=self.strings(entry, "aliases", what, line))

    def sources(self, entries: Any) -> Iterator[Source]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "sources"), "'sources' must be an array of tables ([[sources]])")
            return
        if not entries:
            self.problem(None, "dataset: declares no [[sources]]")
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            line = self.entry_line("sources", index)
            what = f"source #{index + 1}"
            self.keys(entry, SOURCE_KEYS, what, line)
            source_id = self.string(entry, "id", what, line, nonempty=True) or ""
            if source_id in seen:
                first = self.where.entry("sources", seen[source_id])
                self.problem(
                    self.key_line(line, "id"), f"source {source_id!r}: duplicate id (first at line {first})"
                )
                continue
            seen[source_id] = index
            analyst = None
            if "analyst" in entry:
                analyst = self.analyst(
                    entry["analyst"], f"{what} analyst", self.table_line("sources.analyst")
                )
            for key in ("period_start", "period_end"):
                if isinstance(entry.get(key), str):
                    self.date(entry[key], what, key, line)
            body = self.strings(entry, "body", what, line)
            count = entry.get("paragraphs")
            if count is not None and (not _is_int(count) or count < 1):
                self.problem(
                    self.key_line(line, "paragraphs"), f"{what}: 'paragraphs' must be a positive count"
                )
                count = None
            if body and count is not None and count != len(body):
                message = f"{what}: 'paragraphs' says {count} but 'body' has {len(body)}"
                self.problem(self.key_line(line, "paragraphs"), message)
            yield Source(
                id=source_id,
                headline=self.string(entry, "headline", what, line, nonempty=True) or "",
                portal=self.string(entry, "portal", what, line),
                section=self.string(entry, "section", what, line),
                byline=self.string(entry, "byline", what, line),
                byline_latin=self.string(entry, "byline_latin", what, line),
                analyst=analyst,
                period_start=self.string(entry, "period_start", what, line),
                period_end=self.string(entry, "period_end", what, line),
                paragraphs=len(body) if body else count,
                body=body,
            )

    def analyst(self, entry: Any, what: str, line: Where) -> Analyst | None:
        if not isinstance(entry, dict):
            self.problem(line, f"{what}: must be a table, not {_describe(entry)}")
            return None
        self.keys(entry, ANALYST_KEYS, what, line)
        return Analyst(
            name=self.string(entry, "name", what, line, nonempty=True) or "",
            post=self.string(entry, "post", what, line),
            titles=self.strings(entry, "titles", what, line),
        )

    def date(self, value: str, what: str, key: str, line: Where) -> dates.Span | None:
        try:
            return dates.span(value)
        except ValueError as exc:
            self.problem(self.key_line(line, key), f"{what}: {key}: {exc}")
            return None

    def claims(self, entries: Any, vocabulary: Vocabulary, sources: dict[str, Source]) -> Iterator[Claim]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "claims"), "'claims' must be an array of tables ([[claims]])")
            return
        check = _ClaimCheck(self, vocabulary, sources)
        seen: dict[str, int] = {}  # id -> index of the claim that has it
        parents: list[tuple[str, str, Where]] = []
        for index, entry in enumerate(entries):
            claim = check.claim(index, entry)
            if claim is None:
                continue
            if claim.id in seen:
                first = self.where.entry("claims", seen[claim.id])
                message = f"claim {claim.id!r}: duplicate id (first at line {first})"
                self.problem(self.entry_line("claims", index), message)
                continue
            seen[claim.id] = index
            if claim.parent is not None:
                parents.append(
                    (claim.id, claim.parent, self.key_line(self.entry_line("claims", index), "parent"))
                )
            yield claim
        for claim_id, parent, line in parents:
            if parent == claim_id:
                self.problem(line, f"claim {claim_id!r}: 'parent' cannot be the claim itself")
            elif parent not in seen:
                self.problem(line, f"claim {claim_id!r}: parent {parent!r} is not the id of any claim")


class _ClaimCheck:
    """The checks of one [[claims]] entry against the vocabulary and its source."""

    def __init__(self, owner: _Validator, vocabulary: Vocabulary, sources: dict[str, Source]) -> None:
        self.v = owner
        self.vocabulary = vocabulary
        self.sources = sources
        self.kinds: dict[str, Any] = _KINDS
        self.attributions: dict[str, Any] = dict(vocabulary.attributions)
        self.categories: dict[str, Any] = dict(vocabulary.categories)

    def claim(self, index: int, entry: dict[str, Any]) -> Claim | None:
        v = self.v
        line = v.entry_line("claims", index)
        raw_id = entry.get("id")
        what = f"claim {raw_id!r}" if isinstance(raw_id, str) else f"claim #{index + 1}"
        before = len(v.problems)

        # Every check gets the claim's line and locates its own key only when it reports.
        v.keys(entry, CLAIM_KEYS, what, line)
        claim_id = v.string(entry, "id", what, line, nonempty=True)
        if claim_id is not None and not _SLUG.fullmatch(claim_id):
            v.problem(v.key_line(line, "id"), f"{what}: id must be lowercase letters, digits and hyphens")
        source = self.choice(entry, "source", self.sources, what, line)
        kind = self.choice(entry, "kind", self.kinds, what, line)
        category = self.choice(entry, "category", self.categories, what, line)
        attributed_to = self.choice(entry, "attributed_to", self.attributions, what, line)
        summary = v.string(entry, "summary", what, line, nonempty=True)
        countries = self.members(entry, "countries", self.vocabulary.countries, what, line)
        organizations = self.members(entry, "organizations", self.vocabulary.organizations, what, line)
        paragraphs = self.paragraphs(entry, self.sources.get(source or ""), what, line)
        evidence = self.evidence(entry, self.sources.get(source or ""), paragraphs, what, line)
        span = self.claim_dates(entry, what, line)
        location = v.string(entry, "location", what, line, nonempty=True)
        parent = v.string(entry, "parent", what, line, nonempty=True)
        note = v.string(entry, "attribution_note", what, line, nonempty=True)
        if len(v.problems) > before:
            return None
        assert claim_id and source and kind and category and attributed_to and summary
        return Claim(
            id=claim_id,
            source=source,
            kind=_KINDS[kind],
            category=category,
            summary=summary,
            paragraphs=paragraphs,
            attributed_to=attributed_to,
            attribution_note=note,
            countries=countries,
            organizations=organizations,
            date=entry.get("date"),
            end_date=entry.get("end_date"),
            date_basis=entry.get("date_basis"),
            date_note=entry.get("date_note"),
            location=location,
            parent=parent,
            evidence=evidence,
            span=span,
        )

    def choice(
        self, entry: dict[str, Any], key: str, allowed: dict[str, Any], what: str, line: Where
    ) -> str | None:
        value = self.v.string(entry, key, what, line, nonempty=True)
        if value is not None and value not in allowed:
            known = ", ".join(sorted(allowed)) or "none declared"
            self.v.problem(self.v.key_line(line, key), f"{what}: unknown {key} {value!r}; known: {known}")
            return None
        return value

    def members(
        self, entry: dict[str, Any], key: str, allowed: Any, what: str, line: Where
    ) -> tuple[str, ...]:
        values = self.v.strings(entry, key, what, line)
        line = self.v.key_line(line, key)
        for value in values:
            if value not in allowed:
                known = ", ".join(sorted(allowed)) or "none declared"
                singular = "country" if key == "countries" else "organization"
                self.v.problem(line, f"{what}: unknown {singular} {value!r}; declared: {known}")
        if len(set(values)) != len(values):
            self.v.problem(line, f"{what}: {key!r} lists a value twice")
        return values

    def paragraphs(
        self, entry: dict[str, Any], source: Source | None, what: str, line: Where
    ) -> tuple[int, ...]:
        value = entry.get("paragraphs", [])
        line = self.v.key_line(line, "paragraphs")
        if not isinstance(value, list) or not all(_is_int(v) for v in value):
            message = f"{what}: 'paragraphs' must be a list of paragraph numbers, not {_describe(value)}"
            self.v.problem(line, message)
            return ()
        if "paragraphs" in entry and not value:
            self.v.problem(line, f"{what}: cites no paragraph")
        last = source.paragraphs if source is not None else None
        for number in value:
            if number < 1:
                self.v.problem(line, f"{what}: paragraph {number} is below 1")
            elif last is not None and number > last:
                self.v.problem(line, f"{what}: paragraph {number} is past the source's last (¶{last})")
        if len(set(value)) != len(value):
            self.v.problem(line, f"{what}: 'paragraphs' lists a number twice")
        return tuple(value)

    def evidence(
        self, entry: dict[str, Any], source: Source | None, cited: tuple[int, ...], what: str, line: Where
    ) -> tuple[Evidence, ...]:
        value = entry.get("evidence", [])
        line = self.v.key_line(line, "evidence")
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            self.v.problem(line, f"{what}: 'evidence' must be a list of {{ paragraph, quote }} tables")
            return ()
        if "evidence" in entry and not value:
            self.v.problem(line, f"{what}: 'evidence' quotes nothing")
        found = []
        for item in value:
            self.v.keys(item, EVIDENCE_KEYS, f"{what} evidence", line)
            number, quote = item.get("paragraph"), item.get("quote")
            if not _is_int(number) or not isinstance(quote, str) or not quote.strip():
                self.v.problem(line, f"{what}: evidence needs a paragraph number and a quote with text")
                continue
            if not quote.isprintable():
                self.v.problem(line, f"{what}: evidence {_cut(quote)!r} holds a control character")
                continue
            if number not in cited:
                self.v.problem(line, f"{what}: evidence quotes ¶{number}, which the claim does not cite")
                continue
            text = source.paragraph(number) if source is not None else None
            if source is not None and source.body and (text is None or fold(quote) not in fold(text)):
                self.v.problem(line, f"{what}: evidence {_cut(quote)!r} is not in ¶{number} word for word")
                continue
            found.append(Evidence(paragraph=number, quote=quote))
        return tuple(found)

    def claim_dates(self, entry: dict[str, Any], what: str, line: Where) -> tuple[Any, Any] | None:
        v = self.v

        def at(key: str) -> Where:
            return v.key_line(line, key)

        start = v.string(entry, "date", what, line, nonempty=True)
        end = v.string(entry, "end_date", what, line, nonempty=True)
        basis = v.string(entry, "date_basis", what, line, nonempty=True)
        note = v.string(entry, "date_note", what, line, nonempty=True)
        first = v.date(start, what, "date", line) if start else None
        last = v.date(end, what, "end_date", line) if end else None
        if end is not None and start is None and "date" not in entry:
            v.problem(at("end_date"), f"{what}: 'end_date' without 'date'")
        if first and last and first[0] > last[1]:
            v.problem(at("end_date"), f"{what}: date {start} is after end_date {end}")
        if "date" in entry and basis is None and "date_basis" not in entry:
            v.problem(at("date"), f"{what}: a dated claim needs 'date_basis' ({' or '.join(DATE_BASES)})")
        if basis is not None:
            if basis not in DATE_BASES:
                v.problem(
                    at("date_basis"), f"{what}: unknown date_basis {basis!r}; known: {', '.join(DATE_BASES)}"
                )
            elif "date" not in entry:
                v.problem(at("date_basis"), f"{what}: 'date_basis' without 'date'")
            elif basis == "inferred" and note is None and "date_note" not in entry:
                v.problem(at("date_basis"), f"{what}: an inferred date needs a 'date_note' saying why")
        if first is None:
            return None
        return (first[0], last[1] if last else first[1])


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _describe(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
