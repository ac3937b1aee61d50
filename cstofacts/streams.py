"""Safe writing to stdout and stderr: closed pipes and narrow encodings never crash the tool."""

from __future__ import annotations

import codecs
import os
import sys
from typing import TextIO

_FALLBACK = "cstofacts-fallback"
# Characters the dataset and the views use, spelled in ASCII for terminals that cannot show them.
_ASCII = {
    "–": "-",
    "—": "--",
    "‐": "-",
    "−": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "¶": "P",
    "█": "#",
    "·": "*",
    "→": "->",
}
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "yo",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


class PipeClosed(Exception):
    """The reader of stdout went away (for example `| head`); not an error for us."""


def ascii_spelling(char: str) -> str:
    """A readable ASCII stand-in for one character."""
    if char in _ASCII:
        return _ASCII[char]
    lower = char.lower()
    if lower in _CYRILLIC:
        latin = _CYRILLIC[lower]
        return latin.capitalize() if char != lower else latin
    import unicodedata  # only needed on terminals that cannot show a character

    stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if stripped and stripped.isascii():
        return stripped
    return "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(ascii_spelling(c) for c in bad), error.end


def harden() -> None:
    """Let stdout and stderr spell what their encoding cannot show, instead of crashing."""
    codecs.register_error(_FALLBACK, _fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not can_encode(stream, "–Ж¶█"):
            reconfigure(errors=_FALLBACK)


def can_encode(stream: TextIO, text: str) -> bool:
    try:
        text.encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write(text: str) -> None:
    """Write results to stdout; a closed pipe raises PipeClosed."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise PipeClosed from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def error(message: str) -> None:
    """One message line on stderr."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
