"""Read a dataset's bytes and parse its TOML, with every cost bounded whatever the input."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from cstofacts.errors import DataError, Problem

BUNDLED = "bundled dataset"
STDIN = "-"
# A dataset larger than this is refused before parsing, so a wrong file can never hang the tool.
MAX_BYTES = 128 * 1024 * 1024
# tomllib's cost grows faster than linearly on pathological lines (a 100 KB line of dotted keys
# took 30 s and 9.8 GB), and no honest dataset line comes near this length.
MAX_LINE = 20_000
# tomllib's cost is quadratic in the parts of one dotted key.
MAX_KEY_PARTS = 256
_TOML_POSITION = r"\(at line (\d+), column (\d+)\)"


def bundled_bytes() -> bytes:
    """The dataset shipped inside the package (the cstofacts.data package)."""
    return data_file("claims.toml")


def data_file(name: str) -> bytes:
    """A file shipped in the cstofacts.data package: the dataset, the thesaurus, the word list.

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
        # cstofacts` in the repository): the files sit beside the package.
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, os.pardir, os.pardir, "data", name)
        return read_bytes(path) if name == "claims.toml" else _plain_read(path)
    loader: Any = package.__spec__.loader if package.__spec__ else None
    if package.__file__ is None or not hasattr(loader, "get_data"):
        from importlib.resources import files  # an unusual loader: take the general route

        return (files(package) / name).read_bytes()
    return bytes(loader.get_data(os.path.join(os.path.dirname(package.__file__), name)))


def _plain_read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


CHUNK = 1 << 20


def digest_file(path: str) -> str:
    """The SHA-256 of a dataset file, read in chunks, with read_bytes's checks and refusals.

    A lookup on a large dataset needs only the digest to find its compiled database, so the
    file's bytes never sit in memory whole.
    """
    import hashlib

    digest = hashlib.sha256()
    with _opened(path) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_bytes(path: str) -> bytes:
    """A dataset file's bytes (`-` is stdin), refusing what is not a regular file or is too large.

    A FIFO or a device is refused rather than read: with no writer it would hang
    the tool, and /dev/zero would never end.
    """
    if path == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise DataError([Problem("<stdin>", None, "standard input is closed")])
        try:
            return _capped(stream.read(MAX_BYTES + 1), "<stdin>")
        except OSError as exc:
            raise DataError([Problem("<stdin>", None, f"cannot read: {exc.strerror or exc}")]) from None
    with _opened(path) as handle:
        return _capped(handle.read(MAX_BYTES + 1), path)


@contextlib.contextmanager
def _opened(path: str) -> Iterator[BinaryIO]:
    """A regular file opened for reading; every OS failure, and anything else, is a DataError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DataError([Problem(path, None, "no such file")]) from None
    except PermissionError:
        raise DataError([Problem(path, None, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(path, None, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        import stat

        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise DataError([Problem(path, None, "is a directory, not a dataset file")])
        if not stat.S_ISREG(status.st_mode):
            raise DataError([Problem(path, None, "is not a regular file; use --data - for standard input")])
        _capped_size(status.st_size, path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            yield handle
    except OSError as exc:
        raise DataError([Problem(path, None, f"cannot read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)


def _capped(raw: bytes, name: str) -> bytes:
    _capped_size(len(raw), name)
    return raw


def _capped_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        raise DataError([Problem(name, None, f"file is larger than {limit} MiB; refusing to load it")])


def decode(raw: bytes, name: str) -> str:
    """The dataset's text, or a DataError at the first byte that is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
        raise DataError([Problem(name, line, message, column)]) from None
    if not text.strip():
        raise DataError([Problem(name, 1, "file is empty; expected a TOML dataset")])
    return text


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """The TOML document, after checks that keep the parser's cost linear in the file's size."""
    _check_shape(text, name)
    try:
        # rtoml parses a large file about twice as fast as tomllib; it bounds its own recursion.
        import rtoml
    except ImportError:  # pragma: no cover - a platform without rtoml's wheels
        pass
    else:
        try:
            document = rtoml.loads(text)
            if isinstance(document, dict):
                return document
        except (rtoml.TomlParsingError, ValueError):
            pass  # tomllib below says what is wrong, at the line and column, in its own words
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib
    try:
        parsed: dict[str, Any] = tomllib.loads(text)
        return parsed
    except tomllib.TOMLDecodeError as exc:
        raise DataError([_syntax_problem(name, str(exc))]) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
        raise DataError([Problem(name, None, "nesting is too deep to parse")]) from None


def _check_shape(text: str, name: str) -> None:
    """Refuse over-long lines and keys of too many parts before tomllib sees them, at their line."""
    lines = text.split("\n")
    if max(map(len, lines)) <= 1000:  # the common case, checked in C: nothing short can be costly
        return
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            message = f"line is {len(line):,} characters long; the limit is {MAX_LINE:,}"
            raise DataError([Problem(name, number, message)])
        key = line.split("=", 1)[0]
        if key.count(".") > MAX_KEY_PARTS:
            message = f"a key of more than {MAX_KEY_PARTS} dotted parts; refusing to parse it"
            raise DataError([Problem(name, number, message)])


def _syntax_problem(path: str, message: str) -> Problem:
    position = re.search(_TOML_POSITION, message)
    reason = re.sub(_TOML_POSITION, "", message).strip()
    if position is None:
        return Problem(path, None, f"TOML syntax error: {reason}")
    return Problem(path, int(position[1]), f"TOML syntax error: {reason}", int(position[2]))
