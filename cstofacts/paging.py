"""Long output on a terminal goes through a pager, as git and gh do it; short output is written as it is.

env.Env decides whether to page at all (stdout a terminal, a pager command, no --no-pager) and which
command; this module does the paging. Output is held back until it fills the screen: then the pager
starts and gets all of it, and the rest as it comes. Output that ends first is written straight to the
terminal by finish(), so a pager without -F never opens for a few lines. The command is split as a
shell would (gh does the same) and run without a shell; one that cannot start means no pager.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # as in env.py: importing typing costs start-up time
if TYPE_CHECKING:
    import subprocess
    from collections.abc import Mapping
    from typing import TextIO

    from cstofacts.env import Env

DEFAULT_HEIGHT = 24


class _Session:
    """The output of one run on its way to the terminal: held back, or flowing into a pager."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self.held: list[str] = []
        self.rows = 0
        self.height = screen_height(os.environ, env.stdout)
        self.process: subprocess.Popen[bytes] | None = None
        self.failed = False  # the pager could not start: write straight to stdout


_session: _Session | None = None


def take(env: Env, text: str) -> bool:
    """Hold back or page `text`; False when it should be written straight to stdout."""
    global _session
    if _session is None or _session.env is not env:
        _session = _Session(env)
    session = _session
    if session.failed:
        return False
    if session.process is None:
        session.held.append(text)
        session.rows += rows(text, env.width)
        # A full screen does not fit: the shell's prompt takes a line of it.
        if session.rows < session.height:
            return True
        session.process = _start(env)
        if session.process is None:
            session.failed = True
            held, session.held = "".join(session.held), []
            from cstofacts.env import put

            put(env.stdout, held)
            return True
        text, session.held = "".join(session.held), []
    _send(session.process, env, text)
    return True


def finish() -> None:
    """End the run's output: write what was held back, or let the pager finish and wait for the reader.

    Raises what env.write raises for the held-back text; run it where those are handled, and again
    in a `finally` (it does nothing the second time).
    """
    global _session
    session, _session = _session, None
    if session is None:
        return
    if session.process is None:
        if session.held:
            from cstofacts.env import put

            put(session.env.stdout, "".join(session.held))
        return
    stdin = session.process.stdin
    try:
        if stdin is not None:
            stdin.close()
    except OSError:  # the reader quit the pager early: nothing left to say
        pass
    while True:
        try:
            session.process.wait()  # the terminal is the pager's until the reader quits it
            return
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less scrolls back); wait on
            continue


def rows(text: str, width: int) -> int:
    """How many terminal rows the text takes at this width, escape codes not counted."""
    if "\x1b" in text:
        import re

        text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    width = max(width, 1)
    return sum(max(1, -(-len(line) // width)) for line in lines)


def screen_height(environ: Mapping[str, str], stream: TextIO | None) -> int:
    """The terminal's rows: LINES when it is a sane number (as COLUMNS for the width), else the
    terminal's size, else 24."""
    lines = (environ.get("LINES") or "").strip()
    if lines.isascii() and lines.isdigit() and len(lines) <= 9 and int(lines) > 0:
        return int(lines)
    try:
        size = os.get_terminal_size(stream.fileno()).lines if stream is not None else 0
    except Exception:  # no descriptor, or not a terminal after all
        size = 0
    return size if size > 0 else DEFAULT_HEIGHT


def _start(env: Env) -> subprocess.Popen[bytes] | None:
    import shlex
    import subprocess

    try:
        argv = shlex.split(env.pager or "")
    except ValueError:  # an unclosed quote: not a command we can run
        return None
    if not argv:
        return None
    environ = dict(os.environ)
    # As git and gh: less and lv keep colour and quit on a short text unless the user set them up.
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LV", "-c")
    try:
        terminal = env.stdout.fileno() if env.stdout is not None else None
        return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=terminal, env=environ)
    except (OSError, ValueError):  # not found, not executable, or no descriptor (an in-memory stream)
        return None


def _send(process: subprocess.Popen[bytes], env: Env, text: str) -> None:
    from cstofacts.env import PipeClosed, encode, write_error

    stdin = process.stdin
    if stdin is None:
        return
    try:
        stdin.write(encode(env.stdout, text))
        stdin.flush()
    except BrokenPipeError:  # the reader quit the pager
        raise PipeClosed from None
    except OSError as exc:
        raise write_error(exc.strerror or str(exc)) from None
