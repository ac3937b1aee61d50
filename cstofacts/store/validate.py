"""Validate a parsed TOML document into frozen records, reporting every problem with its line."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from typing import Any

from cstofacts.errors import DataError
from cstofacts.model import SCHEMA, Claim
from cstofacts.records import (
    Category,
    Country,
    Dataset,
    Organization,
    Person,
    Place,
    Source,
    Vocabulary,
)
from cstofacts.store.checks import SLUG, describe, is_int
from cstofacts.store.claims import ClaimCheck
from cstofacts.store.locate import Where
from cstofacts.store.sources import SourceChecks

_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
# Organization short names appear in comma-joined lists: letters, digits and inner hyphens only.
_SHORT = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")

TOP_KEYS = {
    "schema": True,
    "categories": True,
    "attributions": True,
    "countries": False,  # an article may name no country or no organization: then none is declared
    "organizations": False,
    "places": False,
    "people": False,
    "sources": True,
    "claims": True,
}
CATEGORY_KEYS = {"description": True, "synonyms": False}
COUNTRY_KEYS = {"alpha3": True, "name": True, "adjectives": False, "aliases": False}
ORGANIZATION_KEYS = {"name": True, "aliases": False}
PLACE_KEYS = {"country": True, "aliases": False}
PERSON_KEYS = {"name": True, "aliases": False, "roles": False}


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


class _Validator(SourceChecks):
    """Checks each section of a parsed document (ClaimCheck each claim), then builds the Dataset."""

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
        sources = tuple(self.sources(document.get("sources", []), dict(vocabulary.attributions)))
        claims = tuple(self.claims(document.get("claims", []), vocabulary, {s.id: s for s in sources}))
        if self.problems:
            raise DataError(self.problems)
        return Dataset(self.path, sources, claims, vocabulary)

    def schema(self, document: dict[str, Any]) -> None:
        if "schema" not in document:
            return  # reported as a missing key
        value = document["schema"]
        line = self.key_line(1, "schema")
        if not is_int(value):
            self.problem(line, f"'schema' must be a whole number, not {describe(value)}")
        elif value != SCHEMA:
            self.problem(line, f"schema {value} is not one this version reads (it reads schema {SCHEMA})")

    def categories(self, document: dict[str, Any]) -> Iterator[tuple[str, Category]]:
        table = self.table(document, "categories")
        if not table and "categories" in document:
            self.problem(self.table_line("categories"), "categories: declares no values")
        for name, entry in table.items():
            line = self.table_line(f"categories.{name}")
            what = f"category {name!r}"
            if not SLUG.fullmatch(name):
                self.problem(line, f"{what}: not a lowercase-hyphenated name")
                continue
            if isinstance(entry, str):  # the short form: name = "description"
                line = self.key_line(self.table_line("categories"), name)
                entry = {"description": entry}
            if not isinstance(entry, dict):
                self.problem(line, f"{what}: must be a description or a table, not {describe(entry)}")
                continue
            self.keys(entry, CATEGORY_KEYS, what, line)
            # Declared even when its description is wrong, so its claims are not reported too.
            description = self.string(entry, "description", what, line, nonempty=True) or ""
            synonyms = self.strings(entry, "synonyms", what, line)
            yield name, Category(name=name, description=description, synonyms=synonyms)

    def attributions(self, document: dict[str, Any]) -> dict[str, str]:
        table = self.table(document, "attributions")
        line = self.table_line("attributions")
        result = {}
        for name, description in table.items():
            if not SLUG.fullmatch(name):
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
            if not SLUG.fullmatch(slug):
                self.problem(line, f"{what}: not a lowercase-hyphenated name")
                continue
            self.keys(entry, PERSON_KEYS, what, line)
            name = self.string(entry, "name", what, line, nonempty=True) or ""
            aliases = self.strings(entry, "aliases", what, line)
            roles = self.strings(entry, "roles", what, line)
            yield slug, Person(slug=slug, name=name, aliases=aliases, roles=roles)

    def claims(self, entries: Any, vocabulary: Vocabulary, sources: dict[str, Source]) -> Iterator[Claim]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "claims"), "'claims' must be an array of tables ([[claims]])")
            return
        check = ClaimCheck(self, vocabulary, sources)
        seen: dict[str, int] = {}  # id -> index of the claim that has it
        parents: list[tuple[str, str, Where]] = []
        for index, entry in enumerate(entries):
            claim = check.claim(index, entry)
            if claim is None:
                # Known by its id all the same: its children's parent is reported once, not again.
                raw_id = entry.get("id")
                if isinstance(raw_id, str):
                    seen.setdefault(raw_id, index)
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
        circles = _circles({claim_id: parent for claim_id, parent, _ in parents})
        for claim_id, parent, line in parents:
            if parent == claim_id:
                self.problem(line, f"claim {claim_id!r}: 'parent' cannot be the claim itself")
            elif parent not in seen:
                self.problem(line, f"claim {claim_id!r}: parent {parent!r} is not the id of any claim")
            elif claim_id in circles:
                shown = _circle(*circles[claim_id])
                self.problem(line, f"claim {claim_id!r}: parents go round in a circle: {shown}")


def _circles(links: dict[str, str]) -> dict[str, tuple[list[str], int]]:
    """Each claim on a circle of parents: the circle, and where on it the claim is.

    A colouring walk: every claim is walked once, so a chain of any length costs time in
    proportion to it (following the chain from every claim took quadratic time).
    """
    done: set[str] = set()
    found: dict[str, tuple[list[str], int]] = {}
    for start in links:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = links.get(node)
        if node is not None and node in on_path:
            circle = path[on_path[node] :]
            for position, member in enumerate(circle):
                found[member] = (circle, position)
        done.update(path)
    return found


def _circle(circle: list[str], position: int, shown: int = 6) -> str:
    """The circle from the claim at `position` back to it; a long one is cut in the middle, so
    that a thousand claims on one circle do not make a thousand messages of a thousand ids."""
    size = len(circle)
    start = circle[position]
    if size <= shown:
        return " → ".join([*circle[position:], *circle[:position], start])
    head = [circle[(position + step) % size] for step in range(shown - 1)]
    return " → ".join([*head, f"… ({size} claims)", start])
