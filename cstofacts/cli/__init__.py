"""The command-line interface: `main` for tests and embedders, `console_main` for the installed command."""

from __future__ import annotations

import os
import signal
import sys
from typing import NoReturn


def console_main() -> NoReturn:
    """The `cstofacts` command: run, flush, and leave without interpreter teardown.

    Ctrl-C is handled before the heavy imports, so it is quiet at any moment.

    Tearing down the interpreter (freeing every module Typer and Click load) takes
    about 10 ms, a fifth of a lookup (docs/performance.md), so the process ends with
    os._exit. That is safe by construction: run() returns only after the one object
    that holds files open, the run's Shared state with its database connection, has
    closed them in its `finally` (cli/app.py); export closes its copy before it
    renames it; the cache writes through a file it closes before replacing the entry;
    and stdout and stderr are flushed here. Nothing registers atexit handlers.
    """

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)
    try:
        from cstofacts.cli.app import run

        code = run()
    except KeyboardInterrupt:
        code = 130
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or full stream: the exit code already says what happened
    os._exit(code)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run a command line and exit with its code (what tests and embedders call)."""
    from cstofacts.cli.app import run

    sys.exit(run(argv))
