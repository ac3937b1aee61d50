"""The command-line interface: `main` for tests and embedders, `console_main` for the installed command."""

from __future__ import annotations

import signal
import sys
from typing import NoReturn


def console_main() -> NoReturn:
    """The `cstofacts` command. Ctrl-C is handled before the heavy imports, so it is quiet at any moment."""

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)
    try:
        from cstofacts.cli.app import run

        code = run()
    except KeyboardInterrupt:
        code = 130
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        from cstofacts.env import silence_stdout

        silence_stdout()
    sys.exit(code)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run a command line and exit with its code (what tests and embedders call)."""
    from cstofacts.cli.app import run

    sys.exit(run(argv))
