"""cstofacts.cli.commands.help, pinned where mutation testing found the suite silent (docs/testing.md).

`cstofacts help` completes its argument with the names of the commands.
"""

from __future__ import annotations

import pytest
from helpers import run


@pytest.mark.parametrize(("word", "offered"), [("ti", ["timeline"]), ("va", ["validate"]), ("q", [])])
def test_help_completes_the_command_names(word: str, offered: list[str]) -> None:
    result = run(
        env={
            "_CSTOFACTS_COMPLETE": "complete_bash",
            "COMP_WORDS": f"cstofacts help {word}",
            "COMP_CWORD": "2",
        }
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == offered


def test_man_with_a_command_is_refused() -> None:
    result = run("help", "--man", "list")
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "cstofacts: error: --man: --man prints the whole manual page; give no command with it\n"
    )
