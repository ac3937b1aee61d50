"""The installed command in real pipes and terminals: defaults, colour, encodings, closed pipes, Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers import EXE, docs_script, run, shell
from synthetic import generate

ANSI = re.compile(r"\x1b\[")


def in_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the command with stdout on a pseudo-terminal and return what the terminal got."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CSTOFACTS_DATA")}
    base.update({"COLUMNS": "100", "TERM": "xterm-256color"}, **(env or {}))
    code, screen = docs_script().terminal_output([EXE, *args], base)
    assert code == 0, screen
    return screen


@pytest.fixture(scope="module")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "claims-1000.toml"
    path.write_text(generate(1000), encoding="utf-8")
    return path


def test_piped_default_is_plain_rows_without_colour() -> None:
    result = run("list", "--year", "2023", "--category", "exercise")
    assert result.returncode == 0
    assert result.stderr == ""
    assert not ANSI.search(result.stdout)
    assert result.stdout.splitlines()[0].startswith("combat-brotherhood-2023\t2023\t")
    assert len(result.stdout.splitlines()) == 7


def test_terminal_default_is_a_coloured_table() -> None:
    screen = in_terminal("list", "--year", "2023", "--category", "exercise")
    assert ANSI.search(screen)
    assert "claim" in screen
    assert "combat-brotherhood-2023" in screen


def test_no_color_means_no_escape_codes_at_all() -> None:
    screen = in_terminal("list", "--year", "2023", env={"NO_COLOR": "1"})
    assert "combat-brotherhood-2023" in screen
    assert not ANSI.search(screen)


def test_term_dumb_means_no_escape_codes() -> None:
    screen = in_terminal("timeline", env={"TERM": "dumb"})
    assert "Undated" in screen
    assert not ANSI.search(screen)


def test_force_color_colours_a_piped_table() -> None:
    result = run("list", "--year", "2023", "--format", "table", env={"FORCE_COLOR": "1"})
    assert ANSI.search(result.stdout)


def test_claim_text_is_never_read_as_markup(tmp_path: Path) -> None:
    from helpers import DATA

    result = run("--data", str(DATA / "minimal.toml"), "list", "--format", "table", env={"FORCE_COLOR": "1"})
    assert "[with brackets]" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        "cstofacts list --format jsonl | head -n 1",
        "cstofacts list --format table | head -c 10",
        "cstofacts timeline --format table | head -n 1",
        "cstofacts stats --by year | head -n 1",
        "cstofacts show khujand-border minsk | head -n 1",
        "cstofacts --data {big} list --format jsonl | head -n 1",
        "cstofacts --data {big} list --format table | head -c 10",
        "cstofacts --data {big} timeline --format table | head -n 1",
        "cstofacts --data {big} list | cut -f1 | head -n 1",
    ],
)
def test_a_closed_pipe_ends_quietly_with_exit_0(command: str, big_dataset: Path) -> None:
    result = shell(command.format(big=big_dataset) + '; echo "exit=${PIPESTATUS[0]}" >&2')
    assert result.stderr == "exit=0\n"
    assert result.stdout


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "slow.toml"
    path.write_text(generate(40000), encoding="utf-8")  # takes seconds to parse
    proc = subprocess.Popen(
        [EXE, "--data", str(path), "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert out == ""


HOSTILE = {
    "ascii": {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
    "narrow": {"COLUMNS": "20"},
    "dumb": {"TERM": "dumb"},
    "no-color": {"NO_COLOR": "1"},
}
COMMANDS = [
    ["source"],
    ["show", "khujand-border", "minsk"],
    ["list", "--format", "table"],
    ["timeline", "--format", "table"],
    ["stats", "--by", "year", "--format", "table"],
]


@pytest.mark.parametrize("env_name", list(HOSTILE))
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_unfriendly_environments_lose_nothing(env_name: str, args: list[str]) -> None:
    result = run(*args, env=HOSTILE[env_name])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Traceback" not in result.stdout
    if env_name in ("no-color", "dumb"):
        assert not ANSI.search(result.stdout)
    if env_name == "ascii":
        assert result.stdout.isascii()
    if args[0] in ("list", "timeline"):
        ids = run("list", "--fields", "id").stdout.split()
        flat = re.sub(r"\s+", "", result.stdout)
        missing = [i for i in ids if i.replace("-", "") not in flat.replace("-", "")]
        assert not missing
    if args[0] == "source" and env_name == "ascii":
        assert "Arestova Tatyana" in result.stdout
        assert "Arestova Tat'yana" not in result.stdout


def test_ascii_terminal_transliterates_and_json_stays_exact() -> None:
    env = HOSTILE["ascii"]
    assert "byline\tArestova Tatyana\n" in run("source", env=env).stdout
    assert '"Combat Brotherhood - 2023"' in run("show", "combat", env=env).stdout
    raw = run("show", "combat", "--format", "json", env=env).stdout
    assert raw.isascii()
    assert "\\u2013" in raw


def test_narrow_terminal_never_cuts_facts_with_an_ellipsis() -> None:
    result = run("list", "--format", "table", env={"COLUMNS": "20"})
    assert "…" not in result.stdout
    assert all(len(line) <= 20 for line in result.stdout.splitlines())
