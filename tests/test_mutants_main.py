"""cstofacts.__main__, pinned where mutation testing found the suite silent (docs/testing.md).

`python -m cstofacts` is the command itself: the same output and the same exit codes.
"""

from __future__ import annotations

import subprocess
import sys

from helpers import child_env

from cstofacts import __version__


def module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cstofacts", *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
        check=False,
    )


def test_python_m_cstofacts_runs_the_command() -> None:
    result = module("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"cstofacts {__version__}\n", "")


def test_python_m_cstofacts_exits_as_the_command_does() -> None:
    result = module("nosuchcommand")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("cstofacts: error: 'nosuchcommand' is not a command")
