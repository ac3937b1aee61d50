"""The installed command in real pipes and terminals: defaults, colour, encodings, closed pipes, full disks,
Ctrl-C. One subprocess test per real-terminal behaviour."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from helpers import EXE, MINIMAL, child_env, docs_script, run, shell
from synthetic import generate

ANSI = re.compile(r"\x1b\[")


def in_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the command with stdout on a pseudo-terminal and return what the terminal got."""
    base = child_env({"COLUMNS": "100", "TERM": "xterm-256color", **(env or {})})
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
    assert (result.returncode, result.stderr) == (0, "")
    assert not ANSI.search(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "combat-brotherhood-2023\t2023\t\texercise\tBY\t10\t"
        'Five maneuvers held in Belarus in 2023 belonged to the "Combat Brotherhood – 2023" exercise.'
        "\tevent\tstated"
    )
    assert len(lines) == 7


def test_terminal_default_is_a_coloured_table() -> None:
    screen = in_terminal("list", "--year", "2023", "--category", "exercise")
    assert ANSI.search(screen)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)
    assert plain.splitlines()[0].split() == ["date", "category", "claim"]
    assert "combat-brotherhood-2023  BY  ¶10" in plain


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


def test_claim_text_is_never_read_as_markup() -> None:
    result = run("--data", str(MINIMAL), "list", "--format", "table", env={"FORCE_COLOR": "1"})
    assert result.returncode == 0
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


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_exits_74_with_one_line() -> None:
    result = shell('cstofacts list > /dev/full; echo "exit=$?" >&2')
    assert result.stderr == "cstofacts: error: cannot write results: No space left on device\nexit=74\n"


def test_ctrl_c_exits_130_without_a_traceback(big_dataset: Path) -> None:
    proc = subprocess.Popen(
        [EXE, "--data", str(big_dataset), "list", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        assert proc.stdout is not None
        # The first byte says it is writing; far more than a pipe holds is still to come, so the
        # process is blocked writing, mid-command, when the signal arrives.
        assert proc.stdout.read(1) == b"{"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert err == b""
    assert out.count(b"\n") < 1000  # interrupted: not every claim was written


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


@pytest.fixture(scope="module")
def all_ids() -> list[str]:
    return run("list", "--fields", "id").stdout.split()


@pytest.mark.parametrize("env_name", list(HOSTILE))
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_unfriendly_environments_lose_nothing(env_name: str, args: list[str], all_ids: list[str]) -> None:
    result = run(*args, env=HOSTILE[env_name])
    assert (result.returncode, result.stderr) == (0, "")
    assert "Traceback" not in result.stdout
    if env_name in ("no-color", "dumb"):
        assert not ANSI.search(result.stdout)
    if env_name == "ascii":
        assert result.stdout.isascii()
    if args[0] in ("list", "timeline"):
        flat = re.sub(r"\s+", "", result.stdout).replace("-", "")
        missing = [i for i in all_ids if i.replace("-", "") not in flat]
        assert not missing
        assert len(all_ids) > 40
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
    assert result.returncode == 0
    assert "…" not in result.stdout
    assert all(len(line) <= 20 for line in result.stdout.splitlines())


def test_forced_colour_never_changes_what_a_pipe_gets() -> None:
    # README: forcing colour colours the views; piped output stays plain rows, which have none.
    for env in ({"FORCE_COLOR": "1"}, {"CLICOLOR_FORCE": "1"}):
        result = shell("cstofacts list --year 2023 | cat", env=env)
        assert result.stdout == run("list", "--year", "2023").stdout
        assert not ANSI.search(result.stdout)
        assert ANSI.search(shell("cstofacts list --year 2023 --format table | cat", env=env).stdout)


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "never"], {}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "auto"], {"NO_COLOR": "1"}, False),
        (["--color", "auto"], {}, True),
        ([], {"CLICOLOR": "0"}, False),
        ([], {"FORCE_COLOR": "0"}, False),
        ([], {"FORCE_COLOR": "false"}, False),
    ],
)
def test_colour_switches_on_a_terminal(args: list[str], env: dict[str, str], coloured: bool) -> None:
    screen = in_terminal(*args, "list", "--year", "2023", env=env)
    assert "combat-brotherhood-2023" in screen
    assert bool(ANSI.search(screen)) is coloured


def test_color_always_colours_a_piped_view_and_a_bad_value_is_a_usage_error() -> None:
    assert ANSI.search(run("--color", "always", "list", "--format", "table").stdout)
    result = run("--color", "sometimes", "list")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "cstofacts: error: --color: 'sometimes' is not auto, always or never\n"
