"""A corpus: several dataset files, each one source (one article) and its claims, read as one dataset.

`--data` names a file, a directory (its `*.toml` files, by name, not recursively) or, repeated,
several of either. Each file is validated on its own, as `validate FILE` would; then the files are
joined: sources and claims in file order, ids unique across the corpus (a clash names both files),
and the vocabularies united (a name declared twice must mean the same thing; its other spellings
are pooled). Nothing about one article leaks into another's claims: a claim keeps its source.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from cstofacts.errors import DataError, Problem
from cstofacts.records import (
    Category,
    Country,
    Dataset,
    Organization,
    Person,
    Place,
    Vocabulary,
)
from cstofacts.store import Spec

R = TypeVar("R")
# A corpus of more files than this is refused: each one is opened and hashed on every run.
MAX_FILES = 10_000


def files(spec: Spec) -> list[str] | None:
    """The dataset files a --data value names, in order; None when it names one plain file (or
    stdin), which the single-file path reads as before."""
    paths = _once((spec,) if isinstance(spec, str) else spec)
    if len(paths) == 1 and not _is_directory(paths[0]):
        return None
    found: list[str] = []
    for path in paths:
        found += _directory_files(path) if _is_directory(path) else [path]
    found = _once(found)  # a folder and a file in it: the file once, where it first comes
    if not found:
        shown = ", ".join(paths)
        raise DataError([Problem(shown, None, "holds no dataset files (*.toml)")])
    if len(found) > MAX_FILES:
        raise DataError([Problem(", ".join(paths), None, f"holds more than {MAX_FILES} dataset files")])
    return found


def _once(paths: Sequence[str]) -> list[str]:
    """The paths, each file once ("--data a.toml --data ./a.toml" names one file, which must not
    clash with itself), in the order first given; "-" (stdin) as it is."""
    seen: set[str] = set()
    kept = []
    for path in paths:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def label(spec: Spec) -> str:
    """How a corpus is named in messages: its path, or its paths joined."""
    return spec if isinstance(spec, str) else " + ".join(spec)


def _is_directory(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False  # the file reader says what is wrong with it


def _directory_files(path: str) -> list[str]:
    """A directory's dataset files: `*.toml`, not hidden, sorted by name (so ids clash the same way
    on every machine); subdirectories are not read."""
    try:
        names = sorted(n for n in os.listdir(path) if n.endswith(".toml") and not n.startswith("."))
    except OSError as exc:
        raise DataError([Problem(path, None, f"cannot list: {exc.strerror or exc}")]) from None
    return [os.path.join(path, n) for n in names]


def merge(datasets: Sequence[Dataset], name: str) -> Dataset:
    """One dataset of several files' datasets; every clash between them is reported at once."""
    if len(datasets) == 1:
        return datasets[0]
    problems: list[Problem] = []
    sources = _unique(((d.path, s) for d in datasets for s in d.sources), lambda s: s.id, "source", problems)
    claims = _unique(((d.path, c) for d in datasets for c in d.claims), lambda c: c.id, "claim", problems)
    vocabulary = united(datasets, problems)
    if problems:
        raise DataError(problems)
    return Dataset(name, tuple(sources), tuple(claims), vocabulary)


def _unique(
    items: Iterable[tuple[str, R]], key: Callable[[R], str], what: str, problems: list[Problem]
) -> list[R]:
    seen: dict[str, str] = {}
    kept: list[R] = []
    lines = IdLines()
    for path, item in items:
        ident = key(item)
        if ident in seen:
            problems.append(reused(path, what, ident, seen[ident], lines))
            continue
        seen[ident] = path
        kept.append(item)
    return kept


def reused(path: str, what: str, ident: str, other: str, lines: IdLines) -> Problem:
    """An id a file uses that another file of the corpus used first, at its line."""
    return Problem(path, lines.find(path, ident), f"{what} id {ident!r} is also used in {other}")


class IdLines:
    """The line of each `id = "…"` of a file, read when a clash is first reported in it: the
    lines of the problems of one run, whose files are read once each."""

    def __init__(self) -> None:
        self._files: dict[str, dict[str, int]] = {}

    def find(self, path: str, ident: str) -> int | None:
        if path not in self._files:
            found: dict[str, int] = {}
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    for number, line in enumerate(handle, start=1):
                        match = _ID_LINE.match(line)
                        if match:
                            found.setdefault(match[1], number)
            except OSError:
                pass
            self._files[path] = found
        return self._files[path].get(ident)


# An id as a dataset writes it: `id = "khujand-border"` (ids are letters, digits and dashes).
_ID_LINE = re.compile(r"""\s*id\s*=\s*["']([^"'\n]*)["']""")


def _pooled(*spellings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in spellings for s in group))


class _Differs(NamedTuple):
    """How a declaration differs from the one another file made first."""

    field: str
    given: str
    first: str


class _Union:
    """The vocabularies of several files, united entry by entry."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.where: dict[tuple[str, str], str] = {}  # (section, key) -> the file that declared it first

    def clash(self, section: str, key: str, path: str, differs: _Differs) -> None:
        field, given, first_given = differs
        first = self.where[(section, key)]
        self.problems.append(
            Problem(
                path, None, f"[{section}.{key}] gives {field} {given!r}, where {first} gives {first_given!r}"
            )
        )

    def add(
        self,
        table: dict[str, R],
        section: str,
        key: str,
        path: str,
        entry: R,
        join: Callable[[R, R], R | _Differs],
    ) -> None:
        if key not in table:
            table[key] = entry
            self.where[(section, key)] = path
            return
        joined = join(table[key], entry)
        if isinstance(joined, _Differs):
            self.clash(section, key, path, joined)
        else:
            table[key] = joined


def united(datasets: Sequence[Dataset], problems: list[Problem]) -> Vocabulary:
    """The vocabularies of several files as one; a name declared two ways is a problem."""
    union = _Union(problems)
    categories: dict[str, Category] = {}
    attributions: dict[str, str] = {}
    countries: dict[str, Country] = {}
    organizations: dict[str, Organization] = {}
    places: dict[str, Place] = {}
    people: dict[str, Person] = {}
    for d in datasets:
        v, path = d.vocabulary, d.path
        for name, category in v.categories.items():
            union.add(categories, "categories", name, path, category, _category)
        for name, text in v.attributions.items():
            attributions.setdefault(name, text)
        for code, country in v.countries.items():
            union.add(countries, "countries", code, path, country, _country)
        for short, org in v.organizations.items():
            union.add(organizations, "organizations", short, path, org, _organization)
        for name, place in v.places.items():
            union.add(places, "places", name, path, place, _place)
        for slug, person in v.people.items():
            union.add(people, "people", slug, path, person, _person)
    return Vocabulary(
        categories=categories,
        attributions=attributions,
        countries=countries,
        organizations=organizations,
        places=places,
        people=people,
    )


def _category(a: Category, b: Category) -> Category | _Differs:
    return Category(name=a.name, description=a.description, synonyms=_pooled(a.synonyms, b.synonyms))


def _country(a: Country, b: Country) -> Country | _Differs:
    if a.name != b.name:
        return _Differs("name", b.name, a.name)
    if a.alpha3 != b.alpha3:
        return _Differs("alpha3", b.alpha3, a.alpha3)
    return Country(
        code=a.code,
        alpha3=a.alpha3,
        name=a.name,
        adjectives=_pooled(a.adjectives, b.adjectives),
        aliases=_pooled(a.aliases, b.aliases),
    )


def _organization(a: Organization, b: Organization) -> Organization | _Differs:
    if a.name != b.name:
        return _Differs("name", b.name, a.name)
    return Organization(short=a.short, name=a.name, aliases=_pooled(a.aliases, b.aliases))


def _place(a: Place, b: Place) -> Place | _Differs:
    if a.country != b.country:
        return _Differs("country", b.country, a.country)
    return Place(name=a.name, country=a.country, aliases=_pooled(a.aliases, b.aliases))


def _person(a: Person, b: Person) -> Person | _Differs:
    if a.name != b.name:
        return _Differs("name", b.name, a.name)
    return Person(
        slug=a.slug, name=a.name, aliases=_pooled(a.aliases, b.aliases), roles=_pooled(a.roles, b.roles)
    )
