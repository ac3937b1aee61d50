"""cstofacts.cli (console_main), pinned where mutation testing found the suite silent (docs/testing.md).

A failure that escapes the command (here an install whose cstofacts.cli.app cannot be imported)
reaches the user as itself, exit 1, never hidden behind a failure of the signal handling.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import child_env

BROKEN = (
    "import sys; sys.modules['cstofacts.cli.app'] = None; "  # as an install that lost the module
    "from cstofacts.cli import console_main; console_main()"
)


def test_an_exception_that_escapes_the_command_is_the_one_shown(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BROKEN],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert result.stderr.splitlines()[-1] == (
        "ModuleNotFoundError: import of cstofacts.cli.app halted; None in sys.modules"
    )
    assert "During handling" not in result.stderr
