"""Data never drives the terminal: control and bidi characters are shown as visible escapes."""

from __future__ import annotations

import functools
import re

# What a terminal would obey rather than show: C0 controls, DEL, C1 controls (U+009B is a
# one-byte CSI), and the bidi overrides, isolates and marks that reorder the text around them.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
DANGEROUS = f"[\x00-\x1f\x7f-\x9f{BIDI}]"
# The same set less newline and tab, for text laid out in lines.
_DANGEROUS_BUT_LAYOUT = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}]"
_LINE_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


@functools.cache
def _pattern(layout: bool) -> re.Pattern[str]:
    # Compiled on first use: a machine format that never draws should not pay for it at start-up.
    return re.compile(_DANGEROUS_BUT_LAYOUT if layout else DANGEROUS)


def escape_char(match: re.Match[str]) -> str:
    """`\\x1b` for a character below U+0100, `\\u202e` above: the spelling Python uses."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, layout: bool = False) -> str:
    """Text safe to draw: each dangerous character written as `\\x1b`, `\\x9b` or `\\u202e`.

    A literal backslash is left alone, so the result is for reading, not for decoding.
    With layout=True, newlines and tabs are kept. Text with nothing to escape is returned
    as it is, after a single search.
    """
    pattern = _pattern(layout)
    if pattern.search(text) is None:
        return text
    return pattern.sub(escape_char, text)


def one_line(text: str, limit: int | None = 80) -> str:
    """User input or a path for an error message: visible, on one line, at most `limit` characters
    (None: never cut, for a command printed to be run).

    Newlines, carriage returns and tabs read as `\\n`, `\\r` and `\\t`; a longer text is cut and ends in "…".
    """
    shown = visible(text.translate(_LINE_BREAKS))
    if limit is None or len(shown) <= limit:
        return shown
    return shown[: max(limit - 1, 0)] + "…"
