"""`--data -` when standard input cannot be read: the error names standard input as `<stdin>`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import EXE, child_env


def test_a_standard_input_that_cannot_be_read_is_named_in_the_error(tmp_path: Path) -> None:
    # Standard input opened for writing only, as `cstofacts --data - list 0>file` gives it:
    # every read of it fails with EBADF.
    fd = os.open(tmp_path / "write-only", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        result = subprocess.run(
            [EXE, "--data", "-", "list"],
            stdin=fd,
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=120,
            check=False,
        )
    finally:
        os.close(fd)
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr == "cstofacts: --data <stdin>: cannot read: Bad file descriptor\n"
