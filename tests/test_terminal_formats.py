"""Every command in every format, on a real pseudo-terminal, over a dataset full of C0, C1, bidi
and escape characters: none reaches the screen raw. Piped, the machine formats keep their bytes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from helpers import pty_run
from test_hostile import dataset, raw

# C0 (ESC sequences, BEL, backspace, form feed, a bare CR), C1 (8-bit CSI, NEL), bidi overrides
# and isolates, and the line separator.
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07\x08\x0c\r"
    "\x9b31m\x85"
    "\u202e\u2066"
    "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
)
FORMATS = ["table", "plain", "tsv", "csv", "json", "jsonl", "markdown"]
COMMANDS = [
    ["list"],
    ["search", "Summary"],
    ["ask", "which", "exercises", "were", "held", "in", "2023"],
    ["show", "evil"],
    ["timeline"],
    ["stats", "--by", "country"],
    ["source"],
    ["read", "1"],
    ["cite", "evil"],
]
# What a terminal obeys: every C0 control but tab and the pty's own CR LF, DEL, C1, bidi.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "hostile.toml"
    path.write_text(
        dataset(
            "Summary " + HOSTILE + " end",
            location="Place " + HOSTILE,
            date_note="Note " + HOSTILE,
            country="Belarus" + HOSTILE,
            organization="CSTO" + HOSTILE,
            headline="Headline" + HOSTILE,
            byline="Byline" + HOSTILE,
            body="Para " + HOSTILE + " In 2023 a drill was held.",
        ),
        encoding="utf-8",
    )
    return path


def cases() -> list[object]:
    found = []
    for args in COMMANDS:
        for fmt in FORMATS:
            found.append(pytest.param([*args, "--format", fmt], id=f"{args[0]}-{fmt}"))
    return found


@pytest.mark.parametrize("args", cases())
def test_no_control_character_reaches_the_terminal_raw(
    hostile: Path, args: list[str], tmp_path: Path
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100", "TERM": "xterm-256color"}
    code, screen, err = pty_run(["--data", str(hostile), *args], env)
    assert "Traceback" not in err
    if code == 2:  # a command that has no such format says so, in words
        assert err.startswith("cstofacts: error:"), err
        return
    assert code == 0, err
    text = SGR.sub("", screen.decode("utf-8", "surrogateescape")).replace("\r\n", "\n")
    found = RAW.search(text)
    assert found is None, repr(text[max(found.start() - 30, 0) : found.end() + 30])
    assert RAW.search(err) is None, repr(err)


@pytest.mark.parametrize("fmt", ["plain", "tsv", "csv"])
def test_piped_machine_formats_keep_the_exact_bytes(hostile: Path, fmt: str, tmp_path: Path) -> None:
    result = raw("--data", str(hostile), "list", "--fields", "id,summary", "--format", fmt, env={})
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    summary = "Summary " + HOSTILE + " end"
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(out, newline=""))) == [["id", "summary"], ["evil", summary]]
    else:
        escaped = summary.replace("\\", "\\\\").replace("\r", "\\r")
        assert out.split("\n")[-2] == f"evil\t{escaped}"


def test_on_a_terminal_plain_shows_controls_as_the_table_does(hostile: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"}
    code, screen, _ = pty_run(["--data", str(hostile), "list", "--fields", "id,summary", "-f", "plain"], env)
    assert code == 0
    assert screen.decode() == (
        "evil\tSummary \\x1b[2J\\x1b]0;pwned\\x07\\x08\\x0c\\r\\x9b31m\\x85\\u202e\\u2066"
        "\\x1b]8;;http://evil.example/\\x1b\\\\click\\x1b]8;;\\x1b\\\\ end\r\n"
    )
