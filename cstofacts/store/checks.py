"""Checks every part of a dataset shares: known keys, strings, lists and dates, and the problems found."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from cstofacts import dates
from cstofacts.errors import Problem
from cstofacts.store.locate import Locator, Where

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Checks:
    """Collects every problem in a parsed document, locating its line only when one is reported."""

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

    def quote_line(self, line: Where, quote: str) -> Where:
        """The line where a quoted value starts, searched from `line` (a key's): its own, not the key's."""
        return lambda: self.where.holding(line() if callable(line) else line, quote)

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
            self.problem(self.key_line(line, key), f"{what}: {key!r} must be a string, not {describe(value)}")
            return None
        if nonempty and not value.strip():
            blank = "empty" if not value else "only white space"
            self.problem(self.key_line(line, key), f"{what}: {key!r} must have text; it is {blank}")
            return None
        return value

    def strings(self, table: dict[str, Any], key: str, what: str, line: Where) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(
                self.key_line(line, key), f"{what}: {key!r} must be a list of strings, not {describe(value)}"
            )
            return ()
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str):
                message = f"{what}: {key!r} item {number} must be a string, not {describe(item)}"
                self.problem(self.key_line(line, key), message)
                return ()
            if not item.strip():
                blank = "empty" if not item else "only white space"
                self.problem(
                    self.key_line(line, key), f"{what}: {key!r} item {number} must have text; it is {blank}"
                )
                return ()
        return tuple(value)

    def table(self, document: dict[str, Any], key: str) -> dict[str, Any]:
        value = document.get(key, {})
        if not isinstance(value, dict):
            self.problem(self.key_line(1, key), f"{key!r} must be a table, not {describe(value)}")
            return {}
        return value

    def entries(self, table: dict[str, Any], section: str) -> Iterator[tuple[str, dict[str, Any], Where]]:
        """The sub-tables of a vocabulary section, each with its line; anything else is a problem."""
        for name, entry in table.items():
            line = self.table_line(f"{section}.{name}")
            if isinstance(entry, dict):
                yield name, entry, line
            else:
                self.problem(line, f"{section} {name!r}: must be a table, not {describe(entry)}")

    def date(self, value: str, what: str, key: str, line: Where) -> dates.Span | None:
        try:
            return dates.span(value)
        except ValueError as exc:
            self.problem(self.key_line(line, key), f"{what}: {key}: {exc}")
            return None


def is_int(value: Any) -> bool:
    """A whole number, and not a bool, which Python counts as one."""
    return isinstance(value, int) and not isinstance(value, bool)


def cut(text: str, limit: int = 40) -> str:
    """A value shortened for a one-line message."""
    return text if len(text) <= limit else text[:limit] + "…"


def describe(value: Any) -> str:
    """A value's type as a message names it: 'a number', 'a table'."""
    names = {
        bool: "a boolean",
        int: "a whole number",
        float: "a decimal number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
