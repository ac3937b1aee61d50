"""Every format a command's --help offers, the command writes; and none it refuses is offered."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from helpers import Result

from cstofacts.output.formats import Format

# Each command with --format, and arguments that give it something to write.
COMMANDS = {
    "list": ("list", "--year", "2023"),
    "search": ("search", "Khujand"),
    "ask": ("ask", "where was the border agreement signed"),
    "show": ("show", "khujand-border"),
    "timeline": ("timeline",),
    "stats": ("stats",),
    "cite": ("cite", "khujand-border"),
    "source": ("source",),
    "read": ("read", "13"),
}


def offered(cli: Callable[..., Result], command: str) -> list[str]:
    text = " ".join(cli(command, "--help").out.split())
    found = re.search(r"--format FORMAT ([a-z, ]+?);", text)
    assert found, text
    return [name for name in re.split(r", | or ", found[1])]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_offered_format_is_written_and_each_other_one_refused(
    cli: Callable[..., Result], command: str
) -> None:
    names = offered(cli, command)
    assert set(names) <= {f.value for f in Format}
    for fmt in Format:
        result = cli(*COMMANDS[command], "--format", fmt.value)
        if fmt.value in names:
            assert result.code == 0 and result.out, (command, fmt, result.err)
        else:
            assert (result.code, result.out) == (2, ""), (command, fmt)
            assert result.err.startswith("cstofacts: error: --format: "), result.err


def test_cite_offers_the_formats_a_reference_has(cli: Callable[..., Result]) -> None:
    assert offered(cli, "cite") == ["table", "plain", "json", "jsonl"]
    result = cli("cite", "khujand-border", "--format", "csv")
    assert (
        result.err
        == "cstofacts: error: --format: cite writes text or CSL-JSON: use table, plain, json or jsonl\n"
    )
