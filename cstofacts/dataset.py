"""Load a TOML dataset and validate it into frozen records, reporting every problem at once."""

from __future__ import annotations

import functools
import gc
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from cstofacts import __version__, dates
from cstofacts.errors import DataError, Problem
from cstofacts.model import (
    DATE_BASES,
    Analyst,
    Claim,
    Country,
    Dataset,
    Kind,
    Organization,
    Source,
)

BUNDLED = "bundled dataset"
# A dataset larger than this is refused before parsing, so a wrong file can never hang the tool.
MAX_BYTES = 40 * 1024 * 1024
# Texts up to this size have their parse cached across runs (see _cache_file).
CACHE_MAX_CHARS = 1024 * 1024

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_TOML_POSITION = r"\(at line (\d+), column (\d+)\)"  # compiled on first use: only errors need it
_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\"'-]+?)[ \t]*\]\]?", re.MULTILINE)

TOP_KEYS = {
    "schema": False,
    "categories": True,
    "attributions": True,
    "countries": True,
    "organizations": True,
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
    "date": False,
    "end_date": False,
    "date_basis": False,
    "date_note": False,
    "location": False,
    "parent": False,
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
}
ANALYST_KEYS = {"name": True, "post": False, "titles": False}
COUNTRY_KEYS = {"alpha3": True, "name": True, "adjectives": False}
ORGANIZATION_KEYS = {"name": True, "aliases": False}

# A line number, or a function that finds it: locating lines costs time, so
# claim checks only do it when they report a problem.
Where = int | None | Callable[[], int | None]

_cache: dict[str, Dataset] = {}
_KINDS = {kind.value: kind for kind in Kind}


def bundled_text() -> str:
    """The text of the dataset shipped inside the package (the cstofacts.data package).

    Read through the package's own loader (PEP 302 get_data), the protocol that
    importlib.resources builds on, so it works from a wheel, a zip or an editable
    install alike. Importing importlib.resources itself costs about 5 ms, a sixth
    of the start-up budget a lookup has beyond Typer (docs/performance.md).
    """
    import importlib

    try:
        package = importlib.import_module("cstofacts.data")
    except ModuleNotFoundError:
        # Imported from a source checkout that is not installed (say `python -m
        # cstofacts` in the repository): the dataset sits beside the package.
        checkout = Path(__file__).resolve().parent.parent / "data" / "claims.toml"
        return read_text(checkout)
    loader: Any = package.__spec__.loader if package.__spec__ else None
    if package.__file__ is None or not hasattr(loader, "get_data"):
        from importlib.resources import files  # an unusual loader: take the general route

        return (files(package) / "claims.toml").read_text(encoding="utf-8")
    path = os.path.join(os.path.dirname(package.__file__), "claims.toml")
    return bytes(loader.get_data(path)).decode("utf-8")


def load(path: str | Path | None = None) -> Dataset:
    """Load and validate a dataset file, or the bundled one; parsed once per process."""
    key = BUNDLED if path is None else str(path)
    if key not in _cache:
        text = bundled_text() if path is None else read_text(Path(path))
        _cache[key] = parse(text, key)
    return _cache[key]


def read_text(path: Path) -> str:
    """Read a dataset file as UTF-8, turning every OS failure into a DataError."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError([Problem(name, None, "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, None, "is a directory, not a dataset file")]) from None
    except PermissionError:
        raise DataError([Problem(name, None, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, None, f"cannot read: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        raise DataError([Problem(name, None, f"file is larger than {limit} MiB; refusing to load it")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
        raise DataError([Problem(name, line, message, column)]) from None


def parse(text: str, path: str = "<string>") -> Dataset:
    """Parse and validate dataset text. Raises one DataError listing every problem."""
    if not text.strip():
        raise DataError([Problem(path, 1, "file is empty; expected a TOML dataset")])
    # Loading creates many objects and no reference cycles; the cyclic garbage
    # collector would rescan the growing heap again and again, making big files
    # slower per claim than small ones.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Validator(path, text).dataset(parse_toml(text, path))
    finally:
        if collecting:
            gc.enable()


def parse_toml(text: str, path: str = "<string>") -> dict[str, Any]:
    """The TOML document, from the parse cache when this exact text was parsed before."""
    cached = _cache_file(text)
    if cached is not None:
        try:
            remembered = marshal.loads(cached.read_bytes())
            if isinstance(remembered, dict):
                return remembered
        except (OSError, ValueError, EOFError, TypeError):
            pass
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError([_syntax_problem(path, str(exc))]) from None
    if cached is not None:
        _store(cached, document)
    return document


def _cache_file(text: str) -> Path | None:
    """Where the parsed form of a small text is cached, keyed by its content and our version.

    Parsing TOML costs more than everything else a lookup does, and the bundled
    dataset is the same text on every run, so its parse is kept across runs in
    the user's cache directory. Validation still runs on every load.
    """
    if len(text) > CACHE_MAX_CHARS:
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    data = text.encode("utf-8")
    key = f"{__version__}-{len(data)}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return Path(root) / "cstofacts" / f"{key}.marshal"


def _store(path: Path, document: dict[str, Any]) -> None:
    """Write the cache atomically; any failure just means no cache."""
    try:
        payload = marshal.dumps(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(payload)
        os.replace(partial, path)
    except (OSError, ValueError):
        pass


def _syntax_problem(path: str, message: str) -> Problem:
    position = re.search(_TOML_POSITION, message)
    reason = re.sub(_TOML_POSITION, "", message).strip()
    if position is None:
        return Problem(path, None, f"TOML syntax error: {reason}")
    return Problem(path, int(position[1]), f"TOML syntax error: {reason}", int(position[2]))


class _Locator:
    """Finds the line of a table, an array entry or a key in the raw text.

    tomllib keeps no positions, so we scan the headers once.
    """

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers: list[tuple[str, int]] = []  # (dotted name, 1-based line)
        line, offset = 1, 0
        for match in _HEADER.finditer(text):
            line += text.count("\n", offset, match.start())  # counted incrementally: linear overall
            offset = match.start()
            name = match[1].replace('"', "").replace("'", "")
            self._headers.append((name, line))
        self._arrays: dict[str, list[int]] = {}
        for name, line in self._headers:
            self._arrays.setdefault(name, []).append(line)

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
        for number in range(start, len(self._lines)):
            line = self._lines[number].lstrip()
            if line.startswith("["):
                break
            name, equals, _ = line.partition("=")
            if equals and name.strip().strip("\"'") == key:
                return number + 1
        return start


class _Vocabulary(NamedTuple):
    """What a claim's values may be: the dataset's declared tables and sources."""

    categories: dict[str, str]
    attributions: dict[str, str]
    countries: dict[str, Country]
    organizations: dict[str, Organization]
    sources: dict[str, Source]


class _Validator:
    """Collects every problem in a parsed document, then builds the Dataset."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    @functools.cached_property
    def where(self) -> _Locator:
        """Built on first use: a valid dataset never needs to locate anything."""
        return _Locator(self.text)

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

    def keys(
        self,
        table: dict[str, Any],
        spec: dict[str, bool],
        what: str,
        line: Where,
        locate: Callable[[str], Where] | None = None,
    ) -> None:
        """Report unknown keys at their own line and missing ones at the table's."""
        for key in table:
            if key not in spec:
                known = ", ".join(spec)
                where = locate(key) if locate else self.key_line(line, key)
                self.problem(where, f"{what}: unknown key {key!r}; known keys: {known}")
        for key, required in spec.items():
            if required and key not in table:
                self.problem(line, f"{what}: missing key {key!r}")

    def string(
        self, table: dict[str, Any], key: str, what: str, line: Where, nonempty: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or (nonempty and not value.strip()):
            message = f"{what}: {key!r} must be a non-empty string, not {_describe(value)}"
            self.problem(self.key_line(line, key), message)
            return None
        return value

    def strings(self, table: dict[str, Any], key: str, what: str, line: Where) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            message = f"{what}: {key!r} must be a list of strings, not {_describe(value)}"
            self.problem(self.key_line(line, key), message)
            return ()
        return tuple(value)

    def table(self, document: dict[str, Any], key: str) -> dict[str, Any]:
        value = document.get(key, {})
        if not isinstance(value, dict):
            self.problem(self.key_line(1, key), f"{key!r} must be a table, not {_describe(value)}")
            return {}
        return value

    # -- sections ----------------------------------------------------------

    def dataset(self, document: dict[str, Any]) -> Dataset:
        self.keys(document, TOP_KEYS, "dataset", 1, lambda k: self.where.table(k) or 1)
        categories = self.vocabulary(document, "categories")
        attributions = self.vocabulary(document, "attributions")
        countries = dict(self.countries(self.table(document, "countries")))
        organizations = dict(self.organizations(self.table(document, "organizations")))
        sources = tuple(self.sources(document.get("sources", [])))
        vocabulary = _Vocabulary(
            categories, attributions, countries, organizations, {s.id: s for s in sources}
        )
        claims = tuple(self.claims(document.get("claims", []), vocabulary))
        if self.problems:
            raise DataError(self.problems)
        return Dataset(self.path, sources, claims, categories, attributions, countries, organizations)

    def vocabulary(self, document: dict[str, Any], key: str) -> dict[str, str]:
        table = self.table(document, key)
        line = self.table_line(key)
        result = {}
        for name, description in table.items():
            if not _SLUG.fullmatch(name):
                self.problem(self.key_line(line, name), f"{key}: {name!r} is not a lowercase-hyphenated name")
            elif not isinstance(description, str) or not description.strip():
                self.problem(self.key_line(line, name), f"{key}: {name!r} needs a one-line description")
            else:
                result[name] = description
        if not table and key in document:
            self.problem(line, f"{key}: declares no values")
        return result

    def countries(self, table: dict[str, Any]) -> Iterator[tuple[str, Country]]:
        for code, entry in table.items():
            line = self.table_line(f"countries.{code}")
            what = f"country {code!r}"
            if not _ALPHA2.fullmatch(code):
                self.problem(line, f"{what}: not an ISO 3166-1 alpha-2 code (two capital letters)")
                continue
            if not isinstance(entry, dict):
                self.problem(line, f"{what}: must be a table, not {_describe(entry)}")
                continue
            self.keys(entry, COUNTRY_KEYS, what, line)
            alpha3 = self.string(entry, "alpha3", what, line, nonempty=True) or ""
            if alpha3 and not _ALPHA3.fullmatch(alpha3):
                self.problem(
                    self.key_line(line, "alpha3"), f"{what}: alpha3 {alpha3!r} is not three capital letters"
                )
            name = self.string(entry, "name", what, line, nonempty=True) or ""
            adjectives = self.strings(entry, "adjectives", what, line)
            yield code, Country(code, alpha3, name, adjectives)

    def organizations(self, table: dict[str, Any]) -> Iterator[tuple[str, Organization]]:
        for short, entry in table.items():
            line = self.table_line(f"organizations.{short}")
            what = f"organization {short!r}"
            if not isinstance(entry, dict):
                self.problem(line, f"{what}: must be a table, not {_describe(entry)}")
                continue
            self.keys(entry, ORGANIZATION_KEYS, what, line)
            name = self.string(entry, "name", what, line, nonempty=True) or ""
            yield short, Organization(short, name, self.strings(entry, "aliases", what, line))

    def sources(self, entries: Any) -> Iterator[Source]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "sources"), "'sources' must be an array of tables ([[sources]])")
            return
        if not entries:
            self.problem(None, "dataset: declares no [[sources]]")
        for index, entry in enumerate(entries):
            line = self.entry_line("sources", index)
            what = f"source #{index + 1}"
            self.keys(entry, SOURCE_KEYS, what, line)
            source_id = self.string(entry, "id", what, line, nonempty=True) or ""
            analyst = None
            if "analyst" in entry:
                analyst = self.analyst(
                    entry["analyst"], f"{what} analyst", self.table_line("sources.analyst")
                )
            for key in ("period_start", "period_end"):
                if isinstance(entry.get(key), str):
                    self.date(entry[key], what, key, line)
            count = entry.get("paragraphs")
            if count is not None and (not _is_int(count) or count < 1):
                self.problem(
                    self.key_line(line, "paragraphs"), f"{what}: 'paragraphs' must be a positive count"
                )
                count = None
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
                paragraphs=count,
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

    def date(self, value: str, what: str, key: str, line: Where) -> tuple[Any, Any] | None:
        try:
            return dates.span(value)
        except ValueError as exc:
            self.problem(self.key_line(line, key), f"{what}: {key}: {exc}")
            return None

    def claims(self, entries: Any, vocabulary: _Vocabulary) -> Iterator[Claim]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "claims"), "'claims' must be an array of tables ([[claims]])")
            return
        seen: dict[str, int] = {}  # id -> index of the claim that has it
        parents: list[tuple[str, str, Where]] = []
        for index, entry in enumerate(entries):
            claim = self.claim(index, entry, vocabulary)
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

    def claim(self, index: int, entry: dict[str, Any], vocabulary: _Vocabulary) -> Claim | None:
        line = self.entry_line("claims", index)
        raw_id = entry.get("id")
        what = f"claim {raw_id!r}" if isinstance(raw_id, str) else f"claim #{index + 1}"
        before = len(self.problems)

        # Every check gets the claim's line and locates its own key only when it reports.
        self.keys(entry, CLAIM_KEYS, what, line)
        claim_id = self.string(entry, "id", what, line, nonempty=True)
        if claim_id is not None and not _SLUG.fullmatch(claim_id):
            self.problem(
                self.key_line(line, "id"), f"{what}: id must be lowercase letters, digits and hyphens"
            )
        source = self.choice(entry, "source", vocabulary.sources, what, line)
        kind = self.choice(entry, "kind", _KINDS, what, line)
        category = self.choice(entry, "category", vocabulary.categories, what, line)
        attributed_to = self.choice(entry, "attributed_to", vocabulary.attributions, what, line)
        summary = self.string(entry, "summary", what, line, nonempty=True)
        claim_countries = self.members(entry, "countries", vocabulary.countries, what, line)
        claim_orgs = self.members(entry, "organizations", vocabulary.organizations, what, line)
        paragraphs = self.paragraphs(entry, vocabulary.sources.get(source or ""), what, line)
        span = self.claim_dates(entry, what, line)
        location = self.string(entry, "location", what, line, nonempty=True)
        parent = self.string(entry, "parent", what, line, nonempty=True)
        if len(self.problems) > before:
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
            countries=claim_countries,
            organizations=claim_orgs,
            date=entry.get("date"),
            end_date=entry.get("end_date"),
            date_basis=entry.get("date_basis"),
            date_note=entry.get("date_note"),
            location=location,
            parent=parent,
            span=span,
        )

    def choice(
        self, entry: dict[str, Any], key: str, allowed: dict[str, Any], what: str, line: Where
    ) -> str | None:
        value = self.string(entry, key, what, line, nonempty=True)
        if value is not None and value not in allowed:
            known = ", ".join(sorted(allowed)) or "none declared"
            self.problem(self.key_line(line, key), f"{what}: unknown {key} {value!r}; known: {known}")
            return None
        return value

    def members(
        self, entry: dict[str, Any], key: str, allowed: dict[str, Any], what: str, line: Where
    ) -> tuple[str, ...]:
        values = self.strings(entry, key, what, line)
        line = self.key_line(line, key)
        for value in values:
            if value not in allowed:
                known = ", ".join(sorted(allowed)) or "none declared"
                singular = "country" if key == "countries" else "organization"
                self.problem(line, f"{what}: unknown {singular} {value!r}; declared: {known}")
        if len(set(values)) != len(values):
            self.problem(line, f"{what}: {key!r} lists a value twice")
        return values

    def paragraphs(
        self, entry: dict[str, Any], source: Source | None, what: str, line: Where
    ) -> tuple[int, ...]:
        value = entry.get("paragraphs", [])
        line = self.key_line(line, "paragraphs")
        if not isinstance(value, list) or not all(_is_int(v) for v in value):
            self.problem(
                line, f"{what}: 'paragraphs' must be a list of paragraph numbers, not {_describe(value)}"
            )
            return ()
        if "paragraphs" in entry and not value:
            self.problem(line, f"{what}: cites no paragraph")
        for number in value:
            if number < 1:
                self.problem(line, f"{what}: paragraph {number} is below 1")
            elif source is not None and source.paragraphs is not None and number > source.paragraphs:
                self.problem(
                    line, f"{what}: paragraph {number} is past the source's last (¶{source.paragraphs})"
                )
        return tuple(value)

    def claim_dates(self, entry: dict[str, Any], what: str, line: Where) -> Any:
        def at(key: str) -> Where:
            return self.key_line(line, key)

        start = self.string(entry, "date", what, line, nonempty=True)
        end = self.string(entry, "end_date", what, line, nonempty=True)
        basis = self.string(entry, "date_basis", what, line, nonempty=True)
        note = self.string(entry, "date_note", what, line, nonempty=True)
        first = self.date(start, what, "date", line) if start else None
        last = self.date(end, what, "end_date", line) if end else None
        if end is not None and start is None and "date" not in entry:
            self.problem(at("end_date"), f"{what}: 'end_date' without 'date'")
        if first and last and first[0] > last[1]:
            self.problem(at("end_date"), f"{what}: date {start} is after end_date {end}")
        if "date" in entry and basis is None and "date_basis" not in entry:
            self.problem(at("date"), f"{what}: a dated claim needs 'date_basis' ({' or '.join(DATE_BASES)})")
        if basis is not None:
            if basis not in DATE_BASES:
                self.problem(
                    at("date_basis"), f"{what}: unknown date_basis {basis!r}; known: {', '.join(DATE_BASES)}"
                )
            elif "date" not in entry:
                self.problem(at("date_basis"), f"{what}: 'date_basis' without 'date'")
            elif basis == "inferred" and note is None and "date_note" not in entry:
                self.problem(at("date_basis"), f"{what}: an inferred date needs a 'date_note' saying why")
        if first is None:
            return None
        return (first[0], last[1] if last else first[1])


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
