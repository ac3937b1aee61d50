"""The process's environment, read once: streams, terminals, encodings, colour, pager, width; safe writing."""

from __future__ import annotations

import codecs
import os
import sys

# Not typing.TYPE_CHECKING: env is loaded before the rest at every start and imports nothing it
# can do without (tests/test_env.py); mypy honours this spelling too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import EllipsisType
    from typing import TextIO

    from cstofacts.errors import WriteError

COLOUR_CHOICES = ("auto", "always", "never")  # --color
DEFAULT_PAGER = "less -FRX"  # as git and gh: quit if one screen, keep colour, leave the text on screen
MAX_WIDTH = 500  # wider than any sensible view; a bigger COLUMNS means "do not wrap", not a real screen
DEFAULT_WIDTH = 80
_PROBE = "Ж–¶█"  # what the views draw beyond ASCII: Cyrillic, dashes, paragraph marks, bars
_FALLBACK = "cstofacts-fallback"
# Codecs that encode every character, so no error handler is needed.
_UNICODE = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "gb18030"}
)
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
# Russian letters in a common romanisation (the hard and soft signs drop out, written `_` here).
_LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split()
_CYRILLIC = {
    c: "" if latin == "_" else latin
    for c, latin in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True)
}


class PipeClosed(Exception):
    """The reader of stdout went away (for example `| head`); not an error for us."""


class Env:
    """What the process may do with its streams, decided once by `Env.read`.

    A plain class with slots rather than a dataclass: defining a dataclass costs start-up time
    (docs/performance.md).
    """

    __slots__ = (
        "ascii_only",
        "colour",
        "json_ascii",
        "pager",
        "stderr",
        "stderr_colour",
        "stderr_isatty",
        "stdout",
        "stdout_isatty",
        "width",
    )

    stdout: TextIO | None  # None when the descriptor is closed
    stderr: TextIO | None
    stdout_isatty: bool
    stderr_isatty: bool
    colour: bool  # stdout gets escape codes
    stderr_colour: bool
    width: int  # columns for views on stdout
    ascii_only: bool  # stdout cannot show _PROBE: views spell it in ASCII
    json_ascii: bool  # stdout is not UTF-8: JSON uses \u escapes, so its bytes stay valid UTF-8
    pager: str | None  # the pager command for long output on a terminal; None: write straight to stdout

    def __init__(
        self,
        *,
        stdout: TextIO | None,
        stderr: TextIO | None,
        stdout_isatty: bool,
        stderr_isatty: bool,
        colour: bool,
        stderr_colour: bool,
        width: int,
        ascii_only: bool,
        json_ascii: bool,
        pager: str | None = None,
    ) -> None:
        values = locals()
        for name in self.__slots__:
            object.__setattr__(self, name, values[name])

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Env is read once; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Env is read once; cannot delete {name!r}")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Env({fields})"

    @classmethod
    def read(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        stdout: TextIO | EllipsisType | None = ...,
        stderr: TextIO | EllipsisType | None = ...,
        colour: str = "auto",
        paging: bool = True,
    ) -> Env:
        """Read the environment (os.environ by default) and the streams (sys's by default); never raises.

        `colour` is --color (auto, always or never); `paging` is False for --no-pager.
        """
        environ = os.environ if environ is None else environ
        out = _usable(sys.stdout if stdout is ... else stdout)
        err = _usable(sys.stderr if stderr is ... else stderr)
        out_tty, err_tty = _isatty(out), _isatty(err)
        encoding = _encoding(out)
        return cls(
            stdout=out,
            stderr=err,
            stdout_isatty=out_tty,
            stderr_isatty=err_tty,
            colour=out is not None and wants_colour(environ, out_tty, colour),
            stderr_colour=err is not None and wants_colour(environ, err_tty, colour),
            width=_width(environ, out if out_tty else None),
            ascii_only=not _can_encode(encoding, _PROBE),
            json_ascii=encoding not in ("utf-8", None),
            pager=pager_command(environ) if paging and out_tty else None,
        )


def _usable(stream: TextIO | None) -> TextIO | None:
    """The stream, or None when writing to it can only fail because its descriptor is closed."""
    if stream is None:
        return None  # Python starts with sys.stdout None when descriptor 1 is closed (`>&-`)
    try:
        if stream.closed:
            return None
        fd = stream.fileno()
    except Exception as exc:
        import io

        # An in-memory stream (pytest's capture, StringIO) has no descriptor but takes text.
        return stream if isinstance(exc, io.UnsupportedOperation) else None
    try:
        os.fstat(fd)  # the descriptor was closed after start-up
    except (OSError, ValueError, OverflowError):
        return None
    return stream


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except Exception:  # a broken stream is no terminal
        return False


def _encoding(stream: TextIO | None) -> str | None:
    """The canonical codec name; None for no encoding at all (a closed or in-memory stream takes any text)."""
    try:
        name = getattr(stream, "encoding", None)
        if not name or not isinstance(name, str):
            return None
        return codecs.lookup(name).name
    except Exception:  # a codec we cannot name, or a stream that cannot say: assume the least
        return "ascii"


def _can_encode(encoding: str | None, text: str) -> bool:
    if encoding is None:
        return True
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def wants_colour(environ: Mapping[str, str], isatty: bool, choice: str = "auto") -> bool:
    """Whether a stream gets colour; the first rule that applies decides (the README's table).

    --color always or never; then NO_COLOR (no-color.org: any non-empty value); CLICOLOR_FORCE other
    than 0 (bixense.com/clicolors, as gh reads it); FORCE_COLOR, on unless 0 or false (as Node's
    supports-color reads it); CLICOLOR=0; TERM=dumb; else colour exactly when the stream is a terminal.
    An empty variable counts as unset. An explicit request beats the ambient TERM=dumb.
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("CLICOLOR_FORCE") not in (None, "", "0"):
        return True
    force = environ.get("FORCE_COLOR")
    if force:
        return force.strip().casefold() not in ("0", "false")
    if environ.get("CLICOLOR") == "0":
        return False
    return isatty and environ.get("TERM") != "dumb"


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager for long output on a terminal: CSTOFACTS_PAGER, then PAGER, else `less -FRX`.

    As git and gh: the first of the two that is set wins, and an empty value or `cat` means no pager.
    """
    for name in ("CSTOFACTS_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in ("", "cat") else command
    return DEFAULT_PAGER


def _width(environ: Mapping[str, str], terminal: TextIO | None) -> int:
    columns = (environ.get("COLUMNS") or "").strip()
    # ASCII digits only (int() would also take "+5", "1_0" and other scripts' digits); at most 18 of
    # them, so it fits a machine word: longer is garbage, not a width.
    if columns.isascii() and columns.isdigit() and len(columns) <= 18 and int(columns) > 0:
        return min(int(columns), MAX_WIDTH)
    if terminal is not None:
        try:
            size = os.get_terminal_size(terminal.fileno()).columns
        except Exception:  # no descriptor, or not a terminal after all
            size = 0
        if size > 0:  # some pseudo-terminals report 0 columns
            return min(size, MAX_WIDTH)
    return DEFAULT_WIDTH


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


def encode(stream: TextIO | None, text: str) -> bytes:
    """The bytes of text in the stream's encoding, with what it cannot show spelled in ASCII."""
    codecs.register_error(_FALLBACK, _fallback)
    return text.encode(_encoding(stream) or "utf-8", _FALLBACK)


def _spelled(stream: TextIO, text: str) -> str:
    """The text with what the stream's encoding cannot show spelled in ASCII."""
    codecs.register_error(_FALLBACK, _fallback)
    encoding = _encoding(stream) or "ascii"
    return text.encode(encoding, _FALLBACK).decode(encoding)


def harden(env: Env) -> None:
    """Let stdout and stderr spell what their encoding cannot show, instead of crashing.

    Also covers text that does not go through write() and error(), such as Click's own messages.
    UTF streams keep their error handler (surrogateescape gives back undecodable arguments as they came).
    """
    codecs.register_error(_FALLBACK, _fallback)
    for stream in (env.stdout, env.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or _encoding(stream) in _UNICODE:
            continue
        try:  # noqa: SIM105 - contextlib.suppress would cost an import at start-up
            reconfigure(errors=_FALLBACK)
        except Exception:  # a stream we cannot reconfigure still gets write()'s own fallback
            pass


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


def write(env: Env, text: str) -> None:
    """Write results to stdout and flush; on a terminal, long output goes through the pager (paging.py).

    Raises PipeClosed when the reader went away, and WriteError (exit code 74) when stdout cannot take
    them: a full disk, a closed descriptor. After either, call silence_stdout(): the failed text stays in
    stdout's buffer, and any later write or the interpreter's final flush would fail on it again.
    """
    if env.pager is not None:
        from cstofacts import paging  # only on a terminal: a pipe never pages

        if paging.take(env, text):
            return
    put(env.stdout, text)


def put(stream: TextIO | None, text: str) -> None:
    """Write text to a stream and flush it, with write()'s errors: PipeClosed or WriteError."""
    if stream is None:
        raise write_error("stdout is closed")
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:  # harden() was not called, or the stream was reconfigured since
            stream.write(_spelled(stream, text))
        stream.flush()
    except BrokenPipeError:
        raise PipeClosed from None
    except OSError as exc:
        raise write_error(exc.strerror or str(exc) or type(exc).__name__) from None
    except UnicodeEncodeError as exc:  # even spelled, the text does not encode: a codec we cannot serve
        raise write_error(f"stdout cannot encode the text as {exc.encoding}") from None
    except ValueError:  # "I/O operation on closed file"
        raise write_error("stdout is closed") from None


def write_error(reason: str) -> WriteError:
    # Imported here: errors.py loads enum and typing, which the happy path need not pay for.
    from cstofacts.errors import WriteError

    return WriteError(f"cannot write results: {_one_line(reason)}")


def error(env: Env, message: str) -> None:
    """One message line on stderr; never raises.

    When stderr cannot take it, it is pointed at /dev/null: the failed line stays in its buffer, so any
    later write (ours or a library's) and the interpreter's final flush would fail and change the exit code.
    """
    stream = env.stderr
    if stream is None:
        return
    from cstofacts.safe import visible  # loaded only when there is something to say

    # Every message is shown, never obeyed: whatever a caller put in it (a path, a word typed),
    # a control or bidi character reaches the terminal as `\x1b`-style text.
    line = visible(_one_line(message)) + "\n"
    try:
        try:
            stream.write(line)
        except UnicodeEncodeError:
            stream.write(_spelled(stream, line))
        stream.flush()
    except Exception:
        _silence(stream)


def _silence(stream: TextIO) -> None:
    try:
        fd = stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except Exception:  # no descriptor (an in-memory stream): nothing to protect
        return
    if devnull != fd:  # when fd was closed, /dev/null takes its number and is already in place
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
        finally:
            os.close(devnull)


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    if sys.stdout is not None:
        _silence(sys.stdout)
