"""Paper cuts a newcomer meets in the first minutes: words that are not commands, help that says
exactly what a command takes, dates written the way people write them, and tidy terminal views."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import typer
from helpers import ROOT, pty_run, run

from cstofacts.cli.app import COMMANDS

BUNDLED = ROOT / "data" / "claims.toml"
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)}


def in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run with stdout on a pseudo-terminal, stderr on a pipe; exit code, screen (colour codes
    removed, CRLF made LF), stderr."""
    code, screen, err = pty_run(args, {"COLUMNS": "100", "TERM": "xterm-256color", **env})
    return code, SGR.sub("", screen.decode("utf-8").replace("\r\n", "\n")), err


def ids(stdout: str) -> list[str]:
    return [line.split("\t", 1)[0] for line in stdout.splitlines()]


# -- words that are not commands -----------------------------------------------------------------------


def test_help_command_prints_the_tools_help(env: dict[str, str]) -> None:
    result = run("help", env=env)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == run("--help", env=env).stdout
    assert result.stdout.startswith("Usage: cstofacts [OPTIONS] COMMAND [ARGS]...\n")


def test_help_of_one_command(env: dict[str, str]) -> None:
    result = run("help", "search", env=env)
    assert result.returncode == 0
    assert result.stdout == run("search", "--help", env=env).stdout
    assert result.stdout.startswith("Usage: cstofacts search [OPTIONS] ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["version"], "cstofacts: error: 'version' is not a command; try: cstofacts --version\n"),
        (["find", "x"], "cstofacts: error: 'find' is not a command; try: cstofacts search x\n"),
        (["Khujand"], "cstofacts: error: 'Khujand' is not a command; try: cstofacts search Khujand\n"),
    ],
)
def test_a_word_that_is_not_a_command_gets_a_suggestion(
    env: dict[str, str], args: list[str], message: str
) -> None:
    result = run(*args, env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_words_given_to_list_point_to_search(env: dict[str, str]) -> None:
    result = run("list", "Khujand", env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("cstofacts: error: ")
    assert "cstofacts search Khujand" in line


def test_no_arguments_print_short_usage_on_stderr(env: dict[str, str]) -> None:
    result = run(env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "usage: cstofacts COMMAND [OPTIONS]"
    assert 5 <= len(lines) <= 15
    assert "Commands: " + ", ".join(COMMANDS) in lines


def test_version(env: dict[str, str]) -> None:
    import cstofacts

    for flag in ("--version", "-V"):
        result = run(flag, env=env)
        assert result.returncode == 0
        assert result.stdout == f"cstofacts {cstofacts.__version__}\n"


# -- help lists exactly what a command takes -----------------------------------------------------------


def declared_options(name: str) -> set[str]:
    app = importlib.import_module(f"cstofacts.cli.commands.{COMMANDS[name]}").app
    command = typer.main.get_command(app)
    found = {"-h", "--help"}  # the group's help_option_names, which every command inherits
    for param in command.params:
        if param.param_type_name == "option":
            found.update(param.opts)
            found.update(param.secondary_opts)
    return found


def options_in_plain_help(text: str) -> set[str]:
    """The options of the `Options:` section of Click's plain help."""
    found: set[str] = set()
    section = None
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            section = line
            continue
        if section == "Options:" and re.match(r"  -", line):
            head = re.split(r"\s{2,}", line.strip())[0]
            found.update(re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", head))
    return found


@pytest.mark.parametrize("name", list(COMMANDS))
def test_piped_help_lists_exactly_the_options_the_command_takes(env: dict[str, str], name: str) -> None:
    result = run(name, "--help", env=env)
    assert result.returncode == 0
    assert options_in_plain_help(result.stdout) == declared_options(name)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_terminal_help_lists_exactly_the_options_the_command_takes(env: dict[str, str], name: str) -> None:
    code, screen, _ = in_terminal([name, "--help"], env)
    assert code == 0
    assert options_in_plain_help(screen) == declared_options(name)


LEFTOVERS = [
    (r"\[\w+>=\d+\]", "a range such as [x>=1]"),
    (r"\{[^{}\s]+\}", "braces around an argument, {WORDS...}"),
    (r"<\w+(?:\|\w+)+>", "a choice list such as <year|category|...>"),
    (r"<(?:str|int|float|text|path|integer|boolean)>", "a Python type name such as <str>"),
    (r"\[default: None\]", "[default: None]"),
]


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_no_typer_leftovers_in_help(env: dict[str, str], name: str | None) -> None:
    args = [name, "--help"] if name else ["--help"]
    piped = run(*args, env=env).stdout
    _, screen, _ = in_terminal(args, env)
    for text in (piped, screen):
        for pattern, what in LEFTOVERS:
            found = re.search(pattern, text)
            assert found is None, f"{what}: {found[0] if found else ''!r} in\n{text[:400]}"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_only_the_tool_offers_shell_completion(env: dict[str, str], name: str) -> None:
    """Completion is installed for `cstofacts`, once: commands do not each offer it again."""
    assert "--show-completion" not in declared_options(name)
    assert "--install-completion" not in declared_options(name)
    assert "--install-completion" not in run(name, "--help", env=env).stdout


def test_completion_scripts_are_for_the_shell_named(env: dict[str, str]) -> None:
    zsh = run("--show-completion", "zsh", env=env)
    assert zsh.returncode == 0
    assert "compdef" in zsh.stdout
    fish = run("--show-completion", "fish", env=env)
    assert fish.returncode == 0
    assert fish.stdout.startswith("complete --command cstofacts ")
    bash = run("--show-completion", "bash", env=env)
    assert bash.returncode == 0
    assert "complete -o default -F _cstofacts_completion cstofacts" in bash.stdout
    assert "compdef" not in bash.stdout and "compdef" not in fish.stdout


# -- dates as people write them ------------------------------------------------------------------------


def test_a_year_range_with_a_hyphen(env: dict[str, str]) -> None:
    hyphen = run("list", "--year", "2023-2025", env=env)
    dots = run("list", "--year", "2023..2025", env=env)
    assert hyphen.returncode == 0
    assert hyphen.stdout == dots.stdout
    assert len(ids(hyphen.stdout)) == 17


def test_since_a_month_in_words(env: dict[str, str]) -> None:
    words = run("list", "--since", "March 2025", env=env)
    iso = run("list", "--since", "2025-03", env=env)
    assert words.returncode == 0
    assert words.stdout == iso.stdout
    assert ids(words.stdout) == [
        "bilateral-consultations-2024-2025",
        "2025-work-with-cis-sco",
        "collective-forces-exercises-2025",
        "khujand-border-agreement-2025-03-31",
        "military-cooperation-plan-2026-2030",
        "beijing-roadmap-2025-09-03",
    ]


def test_a_month_filter_notes_claims_dated_only_to_the_year(env: dict[str, str]) -> None:
    code, screen, err = in_terminal(["list", "--since", "March 2025"], {**env, "NO_COLOR": "1"})
    assert code == 0
    assert "khujand-border-agreement-2025-03-31" in screen
    assert err == "cstofacts: 3 claims are dated only to the year, which overlaps the dates asked for\n"


def test_a_whole_year_filter_needs_no_note(env: dict[str, str]) -> None:
    code, _, err = in_terminal(["list", "--year", "2025"], {**env, "NO_COLOR": "1"})
    assert code == 0
    assert err == ""


# -- names the article does not use ----------------------------------------------------------------------


def test_a_country_the_article_never_mentions(env: dict[str, str]) -> None:
    result = run("list", "--country", "USA", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "does not mention 'USA'" in line


def test_a_misspelt_country(env: dict[str, str]) -> None:
    result = run("list", "--country", "Kyrgystan", env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "did you mean 'Kyrgyzstan'" in line


def test_show_prints_what_it_finds_and_exits_1_for_the_rest(env: dict[str, str]) -> None:
    result = run("show", "minsk", "nonexistent", env=env)
    assert result.returncode == 1
    assert result.stdout.startswith("id\tminsk-meeting-2023-03-06\n")
    assert result.stderr == "cstofacts: no claim with id 'nonexistent'\n"


def test_show_a_year_opens_nothing(env: dict[str, str]) -> None:
    result = run("show", "2024", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("cstofacts: no claim with id '2024'")


# -- tidy terminal views -----------------------------------------------------------------------------


def test_timeline_dates_line_up_across_year_groups(env: dict[str, str]) -> None:
    code, screen, _ = in_terminal(["timeline"], {**env, "NO_COLOR": "1"})
    assert code == 0
    lines = screen.rstrip("\n").split("\n")
    body = [line for line in lines[:-1] if line and not re.fullmatch(r"\d{4}|Undated", line)]
    starts = set()
    for line in body:
        match = re.match(r"(\S+ +| +)\S", line)
        assert match, line
        starts.add(len(match[1]))
    assert len(starts) == 1, starts
    headings = [line for line in lines if re.fullmatch(r"\d{4}|Undated", line)]
    assert headings == ["2022", "2023", "2024", "2025", "Undated"]


VIEWS = [
    ["list"],
    ["list", "--fields", "id,date,summary"],
    ["search", "Khujand"],
    ["ask", "which exercises were held in 2023"],
    ["show", "khujand-border", "minsk"],
    ["timeline"],
    ["timeline", "--year", "2025"],
    ["stats"],
    ["stats", "--by", "year"],
    ["stats", "--by", "country"],
    ["stats", "--by", "org"],
    ["stats", "--by", "kind"],
    ["stats", "--by", "attribution"],
    ["source"],
    ["read"],
    ["read", "13"],
    ["cite", "minsk"],
]


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_terminal_view_has_trailing_spaces(env: dict[str, str], args: list[str], colour: bool) -> None:
    code, screen, err = in_terminal(args, env if colour else {**env, "NO_COLOR": "1"})
    assert code == 0, err
    trailing = [line for line in screen.split("\n") if line != line.rstrip()]
    assert trailing == []


# -- the cache stays small ---------------------------------------------------------------------------


def test_the_cache_keeps_at_most_eight_entries(tmp_path: Path, env: dict[str, str]) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    for n in range(12):
        path = tmp_path / f"claims-{n}.toml"
        path.write_text(text + f"\n# variant {n}\n", encoding="utf-8")
        result = run("--data", str(path), "list", env=env)
        assert result.returncode == 0, result.stderr
    folder = Path(env["XDG_CACHE_HOME"]) / "cstofacts"
    assert len(list(folder.glob("*.sqlite3"))) == 8
    assert [p for p in folder.iterdir() if not p.name.endswith(".sqlite3")] == []


@pytest.mark.parametrize(
    ("name", "aliases"),
    [("Khujand", ["Худжанд", "Leninabad", "Khojand"]), ("Beijing", ["Peking", "北京"]), ("Minsk", ["Минск"])],
)
def test_a_place_is_found_by_any_of_its_declared_names(
    env: dict[str, str], name: str, aliases: list[str]
) -> None:
    expected = sorted(ids(run("search", name, env=env).stdout))
    assert expected
    for alias in aliases:
        assert sorted(ids(run("search", alias, env=env).stdout)) == expected, alias
