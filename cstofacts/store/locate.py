"""Where a problem sits: the line of a table, an array entry or a key in a dataset's raw TOML text."""

from __future__ import annotations

import re
from collections.abc import Callable

# A table header; a quoted key part may hold any character but its quote (`[organizations."UN,CSTO"]`).
_HEADER = re.compile(
    r"""^[ \t]*\[\[?[ \t]*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_.\- \t])+?)[ \t]*\]\]?""", re.MULTILINE
)

# A line number, or a function that finds it: locating lines costs time, so
# checks only do it when they report a problem.
Where = int | None | Callable[[], int | None]


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
            name = re.sub(r"\s*\.\s*", ".", match[1].replace('"', "").replace("'", "")).strip()
            self._arrays.setdefault(name, []).append(line)
        self._keys: dict[int, dict[str, int]] = {}

    def entry(self, array: str, index: int) -> int | None:
        """The header line of entry `index` of an array of tables."""
        lines = self._arrays.get(array, [])
        return lines[index] if index < len(lines) else None

    def table(self, name: str) -> int | None:
        lines = self._arrays.get(name)
        return lines[0] if lines else None

    def holding(self, start: int | None, value: str) -> int | None:
        """The first line from `start` on, within its table, that holds the start of `value`."""
        if start is None:
            return None
        needle = value[:30].replace("\\", "\\\\").replace('"', '\\"')  # as a TOML basic string writes it
        for number in range(start - 1, len(self._lines)):
            line = self._lines[number]
            if number >= start and line.lstrip().startswith("["):
                break
            if needle in line or value[:30] in line:
                return number + 1
        return start

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
                    name = name.strip()
                    keys.setdefault(name.strip("\"'"), number + 1)
                    if "." in name and not name.startswith(('"', "'")):  # a dotted key: `extra.part = 1`
                        keys.setdefault(name.split(".", 1)[0].strip(), number + 1)
        return keys.get(key, start)
