"""cstofacts.env: the environment read once, and writing that never crashes, in-process and for real."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import textwrap

import pytest

from cstofacts import env as envmod
from cstofacts.env import Env, PipeClosed, ascii_spelling, error, harden, write
from cstofacts.errors import CstoFactsError, ExitCode, WriteError

DEV_FULL = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


class Stream(io.TextIOWrapper):
    """A stdout or stderr in memory, with a chosen encoding, terminal flag and failure."""

    def __init__(
        self,
        encoding: str = "utf-8",
        *,
        tty: bool = False,
        errors: str = "strict",
        fail: BaseException | None = None,
        fail_on: str = "write",
    ) -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors=errors)
        self.tty = tty
        self.fail = fail
        self.fail_on = fail_on

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        if self.fail is not None and self.fail_on == "write":
            raise self.fail
        return super().write(text)

    def flush(self) -> None:
        if self.fail is not None and self.fail_on == "flush":
            raise self.fail
        super().flush()

    def written(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


def read(environ: dict[str, str] | None = None, out: Stream | None = None, err: Stream | None = None) -> Env:
    return Env.read(environ or {}, stdout=out or Stream(), stderr=err or Stream())


# Width


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        ("100", 100),
        (" 120 ", 120),
        ("1", 1),
        ("500", 500),
        ("501", 500),
        ("100000", 500),
        ("0", 80),
        ("-5", 80),
        ("abc", 80),
        ("", 80),
        ("  ", 80),
        ("+100", 80),
        ("1_000", 80),
        ("12.5", 80),
        ("١٠٠", 80),  # Arabic-Indic digits: int() takes them, a terminal never sets them
        ("99999999999999999999", 80),
        ("9" * 5000, 80),  # beyond int()'s digit limit: must not raise ValueError
        ("100\x00", 80),
    ],
)
def test_columns_gives_a_sane_width(columns: str, width: int) -> None:
    assert read({"COLUMNS": columns}).width == width
    assert read({"COLUMNS": columns}, Stream(tty=True)).width == width  # no descriptor: no terminal size


def test_width_without_columns_is_80() -> None:
    assert read({}).width == 80
    assert read({}, Stream(tty=True)).width == 80


# Colour


@pytest.mark.parametrize(
    ("environ", "tty", "colour"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"TERM": "xterm-256color"}, True, True),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "0"}, True, False),  # any non-empty value
        ({"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
        ({"TERM": "dumb"}, True, False),
        ({"TERM": "dumb"}, False, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1"}, True, True),
        ({"FORCE_COLOR": ""}, False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),  # an explicit request beats an ambient TERM
        ({"NO_COLOR": "1", "TERM": "dumb"}, True, False),
        # FORCE_COLOR counts unless it says no, as Node's supports-color reads it.
        ({"FORCE_COLOR": "0"}, True, False),
        ({"FORCE_COLOR": "false"}, True, False),
        ({"FORCE_COLOR": "FALSE"}, False, False),
        ({"FORCE_COLOR": "true"}, False, True),
        ({"FORCE_COLOR": "3"}, False, True),
        # bixense.com/clicolors, as gh reads it; NO_COLOR still wins.
        ({"CLICOLOR": "0"}, True, False),
        ({"CLICOLOR": "1"}, True, True),
        ({"CLICOLOR": "1"}, False, False),  # CLICOLOR allows colour on a terminal; it forces nothing
        ({"CLICOLOR_FORCE": "1"}, False, True),
        ({"CLICOLOR_FORCE": "0"}, False, False),
        ({"CLICOLOR_FORCE": ""}, False, False),
        ({"CLICOLOR_FORCE": "1", "CLICOLOR": "0"}, False, True),
        ({"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, False, False),
        ({"CLICOLOR_FORCE": "1", "FORCE_COLOR": "0"}, False, True),
        ({"FORCE_COLOR": "1", "CLICOLOR": "0"}, True, True),
        ({"CLICOLOR_FORCE": "1", "TERM": "dumb"}, False, True),
    ],
)
def test_colour_decision(environ: dict[str, str], tty: bool, colour: bool) -> None:
    env = read(environ, Stream(tty=tty), Stream(tty=tty))
    assert env.stdout_isatty is tty and env.stderr_isatty is tty
    assert env.colour is colour
    assert env.stderr_colour is colour


@pytest.mark.parametrize("environ", [{}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}, {"TERM": "dumb"}])
@pytest.mark.parametrize("tty", [True, False])
def test_the_color_option_beats_every_variable(environ: dict[str, str], tty: bool) -> None:
    assert envmod.wants_colour(environ, tty, "always") is True
    assert envmod.wants_colour(environ, tty, "never") is False
    assert envmod.wants_colour(environ, tty, "auto") is envmod.wants_colour(environ, tty)
    both = Env.read(environ, stdout=Stream(tty=tty), stderr=Stream(tty=tty), colour="never")
    assert (both.colour, both.stderr_colour) == (False, False)


# Pager


@pytest.mark.parametrize(
    ("environ", "command"),
    [
        ({}, "less -FRX"),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "less -R"}, "less -R"),
        ({"PAGER": "cat"}, None),
        ({"PAGER": ""}, None),
        ({"PAGER": "  "}, None),
        ({"CSTOFACTS_PAGER": "most", "PAGER": "more"}, "most"),
        ({"CSTOFACTS_PAGER": "", "PAGER": "more"}, None),  # set, though empty: it wins, and says no
        ({"CSTOFACTS_PAGER": "cat", "PAGER": "more"}, None),
        ({"CSTOFACTS_PAGER": "less", "PAGER": ""}, "less"),
    ],
)
def test_pager_command(environ: dict[str, str], command: str | None) -> None:
    assert envmod.pager_command(environ) == command
    assert read(environ, Stream(tty=True)).pager == command


def test_only_a_terminal_pages() -> None:
    assert read({"PAGER": "more"}, Stream(tty=False)).pager is None
    assert Env.read({"PAGER": "more"}, stdout=Stream(tty=True), stderr=Stream(), paging=False).pager is None


def test_stdout_and_stderr_colour_are_decided_apart() -> None:
    env = read({}, Stream(tty=False), Stream(tty=True))
    assert (env.colour, env.stderr_colour) == (False, True)
    env = read({}, Stream(tty=True), Stream(tty=False))
    assert (env.colour, env.stderr_colour) == (True, False)


# Encodings


@pytest.mark.parametrize(
    ("encoding", "ascii_only", "json_ascii"),
    [
        ("utf-8", False, False),
        ("UTF8", False, False),
        ("ascii", True, True),
        ("cp1251", True, True),  # Cyrillic and ¶, but no █
        ("latin-1", True, True),  # ¶, but no Cyrillic
        ("utf-16", False, True),  # shows everything, but JSON on it would not be UTF-8 anyway
    ],
)
def test_encodings(encoding: str, ascii_only: bool, json_ascii: bool) -> None:
    env = read({}, Stream(encoding))
    assert (env.ascii_only, env.json_ascii) == (ascii_only, json_ascii)


def test_a_stream_without_an_encoding_takes_any_text() -> None:
    env = Env.read({}, stdout=io.StringIO(), stderr=io.StringIO())
    assert env.stdout is not None
    assert (env.ascii_only, env.json_ascii) == (False, False)


def test_an_unknown_encoding_is_assumed_ascii() -> None:
    class Odd(io.StringIO):
        encoding = "no-such-codec"

    env = Env.read({}, stdout=Odd(), stderr=io.StringIO())
    assert (env.ascii_only, env.json_ascii) == (True, True)


# Reading


def test_read_defaults_to_the_process_streams_and_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = Stream("cp1251", tty=True), Stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("COLUMNS", "123")
    monkeypatch.setenv("NO_COLOR", "1")
    env = Env.read()
    assert env.stdout is out and env.stderr is err
    assert (env.width, env.colour, env.stdout_isatty, env.json_ascii) == (123, False, True, True)


def test_read_never_raises_on_broken_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(io.StringIO):
        @property
        def closed(self) -> bool:
            raise OSError(errno.EIO, "I/O error")

        @property
        def encoding(self) -> str:  # type: ignore[override]
            raise OSError(errno.EIO, "I/O error")

        def isatty(self) -> bool:
            raise OSError(errno.EIO, "I/O error")

    detached = Stream()
    detached.detach()
    closed = Stream()
    closed.close()
    env = Env.read({"COLUMNS": "x"}, stdout=Broken(), stderr=detached)
    assert (env.stdout, env.stderr) == (None, None)
    assert (env.colour, env.stdout_isatty, env.width) == (False, False, 80)
    assert Env.read({}, stdout=closed, stderr=None).stdout is None
    monkeypatch.setattr(sys, "stdout", None)
    assert Env.read({"FORCE_COLOR": "1"}).stdout is None
    assert Env.read({"FORCE_COLOR": "1"}).colour is False  # nothing to colour


def test_env_is_read_once() -> None:
    env = read()
    with pytest.raises(AttributeError):
        env.width = 10
    with pytest.raises(AttributeError):
        del env.colour
    assert "width=80" in repr(env)


# Writing


def test_write_writes_and_flushes() -> None:
    out = Stream()
    write(read(out=out), "Ж–¶█\n")
    assert isinstance(out.buffer, io.BytesIO)
    assert out.buffer.getvalue() == "Ж–¶█\n".encode()  # flushed: no need to flush here


@pytest.mark.parametrize("fail_on", ["write", "flush"])
def test_a_closed_pipe_is_pipe_closed(fail_on: str) -> None:
    env = read(out=Stream(fail=BrokenPipeError(errno.EPIPE, "Broken pipe"), fail_on=fail_on))
    with pytest.raises(PipeClosed):
        write(env, "x\n")


@pytest.mark.parametrize("fail_on", ["write", "flush"])
@pytest.mark.parametrize(
    ("code", "reason"), [(errno.ENOSPC, "No space left on device"), (errno.EBADF, "Bad file descriptor")]
)
def test_an_os_error_is_a_write_error(fail_on: str, code: int, reason: str) -> None:
    env = read(out=Stream(fail=OSError(code, os.strerror(code)), fail_on=fail_on))
    with pytest.raises(WriteError) as info:
        write(env, "x\n")
    assert isinstance(info.value, CstoFactsError)
    assert info.value.exit_code == ExitCode.WRITE
    assert int(info.value.exit_code) == 74
    assert info.value.messages() == [f"cannot write results: {reason}"]
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_a_write_error_is_one_line_even_without_strerror() -> None:
    env = read(out=Stream(fail=OSError("first\nsecond")))
    with pytest.raises(WriteError, match=r"^cannot write results: first second$"):
        write(env, "x")


def test_a_closed_stdout_is_a_write_error() -> None:
    closed = Stream()
    closed.close()
    env = Env.read({}, stdout=closed, stderr=Stream())
    assert env.stdout is None
    with pytest.raises(WriteError, match=r"^cannot write results: stdout is closed$"):
        write(env, "x")
    # Closed after the environment was read.
    out = Stream()
    env = read(out=out)
    out.close()
    with pytest.raises(WriteError, match=r"^cannot write results: stdout is closed$"):
        write(env, "x")


def test_write_spells_what_an_unhardened_stream_cannot_show() -> None:
    out = Stream("ascii")
    write(read(out=out), "Жук – ¶3 █ café\n")
    assert out.written() == b"Zhuk - P3 # cafe\n"


def test_write_spells_lone_surrogates_on_a_strict_utf8_stream() -> None:
    out = Stream("utf-8")
    write(read(out=out), "a\udcffb\n")
    assert out.written() == b"a?b\n"


def test_harden_reconfigures_only_streams_that_need_it() -> None:
    narrow, wide = Stream("cp1251"), Stream("utf-8", errors="surrogateescape")
    env = read(out=narrow, err=wide)
    harden(env)
    assert narrow.errors == "cstofacts-fallback"
    assert wide.errors == "surrogateescape"  # undecodable arguments still come back as they came
    narrow.write("Жук █ ¶\n")
    assert narrow.written() == "Жук # ¶\n".encode("cp1251")  # cp1251 shows Cyrillic itself


def test_harden_skips_closed_and_in_memory_streams() -> None:
    closed = Stream("ascii")
    closed.close()
    harden(Env.read({}, stdout=closed, stderr=io.StringIO()))
    harden(Env.read({}, stdout=None, stderr=None))


@pytest.mark.parametrize(
    ("char", "spelling"),
    [("Ж", "Zh"), ("щ", "shch"), ("Щ", "Shch"), ("ъ", ""), ("ё", "yo"), ("–", "-"), ("é", "e"), ("中", "?")],
)
def test_ascii_spelling(char: str, spelling: str) -> None:
    assert ascii_spelling(char) == spelling


# Errors


def test_error_writes_one_line() -> None:
    err = Stream()
    error(read(err=err), "cstofacts: error: bad\nvalue\r\n")
    assert err.written() == b"cstofacts: error: bad value\n"


def test_error_spells_what_stderr_cannot_show() -> None:
    err = Stream("ascii")
    error(read(err=err), "нет – ¶")
    assert err.written() == b"net - P\n"


@pytest.mark.parametrize(
    "fail",
    [BrokenPipeError(errno.EPIPE, "Broken pipe"), OSError(errno.ENOSPC, "No space"), ValueError("closed")],
)
@pytest.mark.parametrize("fail_on", ["write", "flush"])
def test_error_never_raises(fail: BaseException, fail_on: str) -> None:
    error(read(err=Stream(fail=fail, fail_on=fail_on)), "message")


def test_error_on_a_closed_stderr_never_raises() -> None:
    closed = Stream()
    closed.close()
    error(Env.read({}, stdout=Stream(), stderr=closed), "message")
    error(Env.read({}, stdout=Stream(), stderr=None), "message")
    err = Stream()
    env = read(err=err)
    err.close()
    error(env, "message")


# Real descriptors


def child(
    code: str, *, shell: str | None = None, environ: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """Run Python code in a child; with `shell`, through bash with these redirections."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    base.update(environ or {})
    script = textwrap.dedent(code)
    argv = [sys.executable, "-c", script]
    if shell is not None:
        argv = ["bash", "-c", f'"$0" -c "$1" {shell}', sys.executable, script]
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(argv, text=True, env=base, timeout=60, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_module_imports_only_what_it_needs() -> None:
    code = "import sys; import cstofacts.env; print(' '.join(sorted(sys.modules)))"
    loaded = set(child(code, stdout=subprocess.PIPE).stdout.split())
    assert not loaded & {"rich", "typing", "dataclasses", "cstofacts.errors", "unicodedata", "click"}


# What the CLI does with a result: write it, and turn failures into a message and an exit code.
MAIN = """
import sys
from cstofacts.env import Env, PipeClosed, error, harden, silence_stdout, write
from cstofacts.errors import WriteError

env = Env.read()
harden(env)
print(f"stdout={'closed' if env.stdout is None else 'open'}", file=sys.stderr, flush=True)
try:
    write(env, "x\\n")
except WriteError as exc:
    error(env, f"cstofacts: error: {exc}")
    silence_stdout()
    sys.stdout and sys.stdout.write("pending")  # would fail on the failed text, but stdout is silenced
    sys.exit(exc.exit_code)
except PipeClosed:
    silence_stdout()
    sys.exit(0)
"""


@DEV_FULL
def test_dev_full_is_a_write_error() -> None:
    with open("/dev/full", "w") as full:
        result = child(MAIN, stdout=full)
    assert result.returncode == 74
    assert result.stderr == "stdout=open\ncstofacts: error: cannot write results: No space left on device\n"


@DEV_FULL
def test_dev_full_with_a_large_result() -> None:
    with open("/dev/full", "w") as full:
        result = child(MAIN.replace('"x\\n"', '"x" * 1_000_000'), stdout=full)
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        74,
        "cstofacts: error: cannot write results: No space left on device",
    )


def test_a_reader_that_went_away_is_quiet() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = child(MAIN.replace('"x\\n"', '"x" * 1_000_000'), stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "stdout=open\n")


def test_stdout_closed_at_start() -> None:
    result = child(MAIN, shell=">&-")
    assert result.returncode == 74
    assert result.stderr == "stdout=closed\ncstofacts: error: cannot write results: stdout is closed\n"


def test_stdout_closed_after_start() -> None:
    result = child("import os; os.close(1)\n" + MAIN, stdout=subprocess.PIPE)
    assert result.returncode == 74
    assert result.stderr == "stdout=closed\ncstofacts: error: cannot write results: stdout is closed\n"


# error() in a child whose stderr is broken: the exit code it chose must survive, whatever comes after.
ERROR = """
import sys
from cstofacts.env import Env, error
env = Env.read()
error(env, "cstofacts: error: one")
error(env, "cstofacts: error: two")
sys.stderr and sys.stderr.write("pending")  # would fail on the failed line, but stderr is silenced
sys.exit(3)
"""


@pytest.mark.parametrize("redirect", ["2>&-", pytest.param("2>/dev/full", marks=DEV_FULL)])
def test_error_with_a_broken_stderr(redirect: str) -> None:
    result = child(ERROR, shell=redirect, stderr=subprocess.DEVNULL, stdout=subprocess.PIPE)
    assert (result.returncode, result.stdout) == (3, "")


def test_error_to_a_reader_that_went_away() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = child(ERROR, stderr=write_end, stdout=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stdout) == (3, "")


# Locales: env follows the stream's real encoding, which is UTF-8 under the C locale (PEP 538/540).
LOCALE = """
import sys
from cstofacts.env import Env, harden, write
env = Env.read()
harden(env)
print(env.stdout.encoding, env.ascii_only, env.json_ascii, file=sys.stderr)
write(env, "\\u0416\\u0443\\u043a \\u2013 \\u00b6 \\u2588\\n")  # ASCII source: the C locale decodes argv
"""
LOCALES = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "PYTHONUTF8", "PYTHONIOENCODING", "PYTHONCOERCECLOCALE")


@pytest.mark.parametrize(
    ("environ", "report", "output"),
    [
        ({"LC_ALL": "C"}, "utf-8 False False", "Жук – ¶ █\n".encode()),
        ({"LANG": "C"}, "utf-8 False False", "Жук – ¶ █\n".encode()),
        ({"LC_ALL": "C", "PYTHONUTF8": "0"}, "ascii True True", b"Zhuk - P #\n"),
        ({"PYTHONIOENCODING": "ascii"}, "ascii True True", b"Zhuk - P #\n"),
        ({"PYTHONIOENCODING": "cp1251"}, "cp1251 True True", "Жук – ¶ #\n".encode("cp1251")),
        ({"PYTHONIOENCODING": "latin-1"}, "iso8859-1 True True", "Zhuk - ¶ #\n".encode("latin-1")),
    ],
)
def test_locales(environ: dict[str, str], report: str, output: bytes) -> None:
    base = {k: v for k, v in os.environ.items() if k not in LOCALES}
    result = subprocess.run(
        [sys.executable, "-c", LOCALE], env={**base, **environ}, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().split() == report.split()
    assert result.stdout == output


# A real terminal: its size, and colour by default.
TERMINAL = """
import fcntl, os, struct, subprocess, sys, termios
primary, secondary = os.openpty()
fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, int(sys.argv[1]), 0, 0))
code = "import sys; from cstofacts.env import Env; e = Env.read(); print(e.stdout_isatty, e.colour, e.width, file=sys.stderr)"
result = subprocess.run([sys.executable, "-c", code], stdout=secondary, stderr=subprocess.PIPE, text=True)
print(result.stderr, end="")
"""


@pytest.mark.skipif(not hasattr(os, "openpty") or sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("columns", "width"), [(132, 132), (0, 80), (1000, 500)])
def test_a_terminal_gives_its_width(columns: int, width: int) -> None:
    result = subprocess.run(
        [sys.executable, "-c", TERMINAL, str(columns)],
        env={k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.split() == ["True", "True", str(width)], result.stderr


def test_silence_stdout_without_a_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    envmod.silence_stdout()
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    envmod.silence_stdout()
