"""Hostile terminals, hostile data and broken streams: each reproduced exactly as a user would meet it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import EXE, ROOT, Result, pty_run, run, shell
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

BUNDLED = ROOT / "data" / "claims.toml"

# Clear the screen, home the cursor, set the window title, write the clipboard (OSC 52), a hidden
# link (OSC 8), an 8-bit CSI and a right-to-left override.
EVIL = (
    "\x1b[2J\x1b[H\x1b]0;pwned\x07"
    "\x1b]52;c;cHduZWQ=\x07"
    "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    "\x9b31m"
    "\u202e"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)}


def toml_string(value: str) -> str:
    """A TOML basic string holding exactly `value`: everything but printable ASCII as \\u escapes."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def dataset(
    summary: str,
    *,
    location: str = "Minsk",
    date_note: str = "From the paragraph.",
    country: str = "Belarus",
    organization: str = "Collective Security Treaty Organization",
    headline: str = "A test document",
    byline: str = "A. Writer",
    body: str = "In 2023 a drill was held.",
) -> str:
    """A one-claim schema-2 dataset with the given strings where data reaches the screen."""
    return f"""\
schema = 3

[categories]
exercise = "An exercise."

[attributions]
article = "The article's own reporting."

[countries.BY]
alpha3 = "BLR"
name = {toml_string(country)}

[organizations.CSTO]
name = {toml_string(organization)}

[[sources]]
id = "doc"
headline = {toml_string(headline)}
byline = {toml_string(byline)}
body = [{toml_string(body)}, "Second."]

[[claims]]
id = "evil"
source = "doc"
kind = "event"
category = "exercise"
summary = {toml_string(summary)}
date = "2023"
date_basis = "inferred"
date_note = {toml_string(date_note)}
countries = ["BY"]
organizations = ["CSTO"]
location = {toml_string(location)}
paragraphs = [1]
attributed_to = "article"
evidence = [{{ paragraph = 1, quote = "In 2023 a drill was held" }}]
"""


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    path = tmp_path / "evil.toml"
    path.write_text(
        dataset(
            "Summary " + EVIL + " end",
            location="Place " + EVIL,
            date_note="Note " + EVIL,
            country="Belarus" + EVIL,
            organization="CSTO" + EVIL,
            headline="Headline" + EVIL,
            byline="Byline" + EVIL,
            body="Para " + EVIL + " In 2023 a drill was held.",
        ),
        encoding="utf-8",
    )
    return path


def in_terminal(
    args: list[str], env: dict[str, str], *, stdin: int | None = subprocess.DEVNULL, timeout: float = 60
) -> tuple[int, bytes, str]:
    """Run with stdout on a pseudo-terminal and stderr on a pipe: exit code, raw screen bytes, stderr."""
    return pty_run(args, env, stdin=stdin, timeout=timeout)


def assert_only_our_colours(screen: bytes) -> str:
    """Every ESC begins a plain SGR sequence; no C1 CSI, BEL or bidi override reaches the terminal."""
    text = screen.decode("utf-8", "surrogateescape")
    rest = SGR.sub("", text)
    assert "\x1b" not in rest, rest[max(rest.find("\x1b") - 40, 0) :][:120]
    for bad in ("\x9b", "\udc9b", "\x07", "\u202e"):
        assert bad not in rest, repr(bad)
    return rest


# -- hostile data on a colour terminal -------------------------------------------------------------------

TERMINAL_COMMANDS = [
    ["list"],
    ["list", "--fields", "all"],
    ["search", "Summary"],
    ["show", "evil"],
    ["timeline"],
    ["stats", "--by", "country"],
    ["stats", "--by", "org"],
    ["source"],
    ["read"],
    ["cite", "evil"],
]


@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=" ".join)
def test_data_never_drives_the_terminal(evil: Path, env: dict[str, str], args: list[str]) -> None:
    code, screen, err = in_terminal(
        ["--data", str(evil), *args], {**env, "COLUMNS": "100", "TERM": "xterm-256color"}
    )
    assert code == 0, err
    if args[0] != "cite":  # cite is text to paste, never coloured
        assert b"\x1b[" in screen  # colour is on: the tool's own codes are there
    rest = assert_only_our_colours(screen)
    assert "\\x1b" in re.sub(r"\s+", "", rest)  # the data's controls are shown, escaped (maybe wrapped)


def test_validate_on_a_terminal_never_echoes_raw_controls(evil: Path, env: dict[str, str]) -> None:
    result = run("validate", str(evil), env=env)
    assert result.returncode == 3
    assert_only_our_colours(result.stderr.encode())


def test_json_and_csv_keep_hostile_data_exactly(evil: Path, env: dict[str, str]) -> None:
    as_json = run("--data", str(evil), "list", "--format", "json", "--fields", "all", env=env)
    assert as_json.returncode == 0
    assert "\x1b" not in as_json.stdout  # escaped as \u001b, so cat-ing the file is safe too
    (record,) = json.loads(as_json.stdout)
    assert record["summary"] == "Summary " + EVIL + " end"
    assert record["location"] == "Place " + EVIL
    assert record["date_note"] == "Note " + EVIL
    as_csv = run("--data", str(evil), "list", "--format", "csv", "--fields", "all", env=env)
    header, row = list(csv.reader(io.StringIO(as_csv.stdout, newline="")))
    values = dict(zip(header, row, strict=True))
    assert values["summary"] == "Summary " + EVIL + " end"
    assert values["location"] == "Place " + EVIL
    assert values["date_note"] == "Note " + EVIL
    source = run("--data", str(evil), "source", "--format", "json", env=env)
    (item,) = json.loads(source.stdout)
    assert item["title"] == "Headline" + EVIL
    assert item["author"] == "Byline" + EVIL
    by_country = run("--data", str(evil), "stats", "--by", "country", "--format", "json", env=env)
    assert json.loads(by_country.stdout) == [{"value": "BY", "count": 1, "name": "Belarus" + EVIL}]


@pytest.mark.parametrize("name", ["bad\x1b[31m.toml", "bad\nname.toml", "bad\u202eeman.toml"])
def test_a_hostile_dataset_path_is_escaped_in_errors(tmp_path: Path, env: dict[str, str], name: str) -> None:
    path = str(tmp_path / name)
    result = run("--data", path, "list", env=env)
    assert result.returncode == 3
    shown = path.replace("\x1b", "\\x1b").replace("\n", "\\n").replace("\u202e", "\\u202e")
    assert result.stderr == f"cstofacts: --data {shown}: no such file\n"


def test_a_hostile_dataset_path_is_escaped_in_problems(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "e\x1b]0;x\x07\nv\u202e.toml"
    text = BUNDLED.read_text(encoding="utf-8")
    path.write_text(text.replace("schema = 3", "schema = 9"), encoding="utf-8")
    at = text.splitlines().index("schema = 3") + 1
    result = run("validate", str(path), env=env)
    assert result.returncode == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"cstofacts: {tmp_path}/e\\x1b]0;x\\x07\\nv\\u202e.toml:{at}: schema 9")


def test_validate_ok_on_a_terminal_shows_a_hostile_path_escaped(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "g\x1b]0;pwned\x07\u202e.toml"
    path.write_bytes(BUNDLED.read_bytes())
    code, screen, err = in_terminal(["validate", str(path)], {**env, "TERM": "xterm-256color"})
    assert code == 0, err
    assert_only_our_colours(screen)
    assert b"ok, 46 claims, 1 source" in screen


# -- broken streams --------------------------------------------------------------------------------------


def test_a_full_disk_exits_74_with_one_line(env: dict[str, str]) -> None:
    result = shell("cstofacts list > /dev/full", env=env)
    assert result.returncode == 74
    assert result.stderr == "cstofacts: error: cannot write results: No space left on device\n"


def test_a_closed_stdout_never_gives_a_traceback(env: dict[str, str]) -> None:
    result = shell("cstofacts list >&-", env=env)
    assert "Traceback" not in result.stderr
    assert result.returncode not in (0, 1)
    assert result.returncode == 74
    assert result.stderr == "cstofacts: error: cannot write results: stdout is closed\n"


def test_closed_stderr_keeps_the_exit_codes(env: dict[str, str]) -> None:
    ok = shell("cstofacts list 2>&- | wc -l", env=env)
    assert ok.stdout.strip() == "46"
    assert shell("cstofacts list 2>&- >/dev/null", env=env).returncode == 0
    assert shell("cstofacts list --no-such-option 2>&-", env=env).returncode == 2
    assert shell("cstofacts show no-such-claim 2>&- >/dev/null", env=env).returncode == 1


def test_stderr_on_a_full_disk_keeps_the_exit_code(env: dict[str, str]) -> None:
    result = shell("cstofacts --data /no/such/file.toml list 2>/dev/full", env=env)
    assert result.returncode == 3
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command",
    ["cstofacts --help", "cstofacts list --help", "cstofacts --show-completion bash", "cstofacts read"],
)
def test_a_reader_that_stops_early_is_not_an_error(env: dict[str, str], command: str) -> None:
    result = shell(f'{command} | head -n1 >/dev/null; echo "${{PIPESTATUS[@]}}"', env=env)
    assert result.stdout == "0 0\n"
    assert "Traceback" not in result.stderr
    assert result.stderr == ""


# -- odd widths ----------------------------------------------------------------------------------------

WIDTHS = ["0", "-5", "abc", "99999999999999999999", "", " 80 "]


@pytest.mark.parametrize("columns", [*WIDTHS, "1"])
def test_odd_columns_still_show_every_claim(env: dict[str, str], columns: str) -> None:
    code, screen, err = in_terminal(
        ["list", "--format", "table"], {**env, "COLUMNS": columns, "TERM": "xterm-256color"}
    )
    assert "Traceback" not in err
    assert code == 0, err
    text = SGR.sub("", screen.decode("utf-8"))
    ids = [line.split("\t", 1)[0] for line in run("list", env=env).stdout.splitlines()]
    assert len(ids) == 46
    joined = re.sub(r"\s+", "", text)  # a narrow view may break an id over lines
    for claim_id in ids:
        assert claim_id in joined, claim_id


@pytest.mark.parametrize("columns", WIDTHS)
def test_odd_columns_still_give_help(env: dict[str, str], columns: str) -> None:
    code, screen, err = in_terminal(["--help"], {**env, "COLUMNS": columns, "TERM": "xterm-256color"})
    assert "Traceback" not in err
    assert code == 0, err
    text = SGR.sub("", screen.decode("utf-8"))
    for word in ("Usage:", "cstofacts", "--data", "search", "validate", "Exit codes"):
        assert word in text, text[:300]


def test_a_huge_columns_value_does_not_blow_up_help(env: dict[str, str]) -> None:
    """Views are at most 500 columns wide; help is a view too, not megabytes of padding."""
    code, screen, err = in_terminal(["--help"], {**env, "COLUMNS": "1000000", "TERM": "xterm-256color"})
    assert code == 0, err
    widest = max(len(SGR.sub("", line)) for line in screen.decode("utf-8").split("\n"))
    assert widest <= 500


@pytest.mark.parametrize("setting", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["NO_COLOR", "TERM=dumb"])
@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--help"], ["timeline"], ["stats"]])
def test_no_colour_means_no_escape_at_all(
    env: dict[str, str], setting: dict[str, str], args: list[str]
) -> None:
    code, screen, err = in_terminal(args, {**env, "COLUMNS": "100", "TERM": "xterm-256color", **setting})
    assert code == 0, err
    assert b"\x1b" not in screen


# -- machine formats ------------------------------------------------------------------------------------


def unguard(text: str) -> str:
    """Undo the formula guard: one apostrophe off each line start followed by apostrophes and
    a formula character (formats.py documents the rule)."""
    return re.sub(r"(?:^|(?<=\n)|(?<=\r)(?!\n))'(?='*[=+\-@\t\r])", "", text)


def unescape_plain(text: str) -> str:
    return re.sub(r"\\([\\tnr])", lambda m: {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[m[1]], text)


def raw(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run with bytes out: text mode would turn a bare CR into a newline before csv sees it."""
    return subprocess.run(
        [EXE, *args], capture_output=True, env={**os.environ, **env}, timeout=60, check=False
    )


def test_a_bare_cr_and_a_formula_survive_csv(tmp_path: Path, env: dict[str, str]) -> None:
    summary = "Line one\rline two\r=1+2"
    path = tmp_path / "cr.toml"
    path.write_text(dataset(summary), encoding="utf-8")
    result = raw("--data", str(path), "list", "--format", "csv", "--fields", "id,summary", env=env)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert rows == [["id", "summary"], ["evil", "Line one\rline two\r'=1+2"]]
    assert unguard(rows[1][1]) == summary


def test_a_formula_at_the_start_is_guarded_in_csv_and_tsv(tmp_path: Path, env: dict[str, str]) -> None:
    summary = '=HYPERLINK("http://x")'
    path = tmp_path / "formula.toml"
    path.write_text(dataset(summary), encoding="utf-8")
    as_csv = run("--data", str(path), "list", "--format", "csv", "--fields", "summary", env=env)
    assert list(csv.reader(io.StringIO(as_csv.stdout, newline=""))) == [["summary"], ["'" + summary]]
    as_tsv = run("--data", str(path), "list", "--format", "tsv", "--fields", "summary", env=env)
    assert as_tsv.stdout == "summary\n'" + summary + "\n"


def test_json_stays_utf8_whatever_the_locale_encoding(env: dict[str, str]) -> None:
    result = subprocess.run(
        [EXE, "list", "--format", "json"],
        capture_output=True,
        env={**os.environ, **env, "PYTHONIOENCODING": "cp1251"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    records = json.loads(result.stdout.decode("utf-8"))
    assert len(records) == 46
    assert any("–" in r["summary"] for r in records)  # the en dash came through exactly


# -- Ctrl-C ---------------------------------------------------------------------------------------------


def test_ctrl_c_at_start_up_is_quiet(env: dict[str, str]) -> None:
    """SIGINT the moment the process exists (Popen returns after exec), several times.

    Where the signal lands is a race. Before any of cstofacts runs (the interpreter importing
    site, pip's wrapper importing re) Python itself may print a KeyboardInterrupt traceback or a
    fatal start-up error: nothing of ours can be in place yet, so such a run proves nothing either
    way. From cstofacts.cli on, the promise holds: no traceback from our code, exit 130.
    """
    for _ in range(8):
        proc = subprocess.Popen(
            [EXE, "list"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **env},
            # A shell's background job inherits SIGINT ignored; a user's Ctrl-C never is.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        if b"/cstofacts/" not in err and (b"Traceback" in err or b"Fatal Python error" in err):
            continue  # interrupted inside the interpreter's start-up, before our code existed
        assert b"Traceback" not in err, err.decode()
        # Dying of the signal itself, before Python's handler is in place, is what a shell shows as 130.
        assert proc.returncode in (130, -signal.SIGINT), (proc.returncode, err.decode())


# -- validation gaps -------------------------------------------------------------------------------------


def bundled_with(old: str, new: str, tmp_path: Path, count: int = 1) -> tuple[Path, int]:
    text = BUNDLED.read_text(encoding="utf-8")
    at = text.index(old)
    path = tmp_path / "changed.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path, text.count("\n", 0, at) + 1


def problems(path: Path, env: dict[str, str]) -> list[str]:
    result = run("validate", str(path), env=env)
    assert result.returncode == 3, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_a_date_in_other_digits_is_rejected(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = bundled_with('date = "2022"', 'date = "٢٠٢٢"', tmp_path)
    assert problems(path, env) == [
        f"cstofacts: {path}:{line}: claim '2022-turning-point': date: '٢٠٢٢' is not a date; "
        "use YYYY, YYYY-MM or YYYY-MM-DD"
    ]


def test_a_duplicate_source_id_is_rejected(tmp_path: Path, env: dict[str, str]) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    first = text.count("\n", 0, text.index("\n[[sources]]\n")) + 2
    second_source = '\n[[sources]]\nid = "csto-adapts-to-global-changes"\nheadline = "Another"\n'
    at = text.index("[[sources.reports]]")
    path = tmp_path / "dup.toml"
    path.write_text(text[:at] + text[at:].replace("\n[[claims]]", second_source + "\n[[claims]]", 1))
    line = path.read_text().split("\n").index('headline = "Another"')  # the header is one line up
    found = problems(path, env)
    assert (
        f"cstofacts: {path}:{line}: source 'csto-adapts-to-global-changes': duplicate id (first at line {first})"
        in (found)
    )


def test_an_organization_key_with_a_comma_is_rejected_at_its_line(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path, line = bundled_with("[organizations.NATO]", '[organizations."UN,CSTO"]', tmp_path)
    found = problems(path, env)
    assert found[0].startswith(f"cstofacts: {path}:{line}: organization 'UN,CSTO': "), found


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            'summary = "I.N. Tasmagambetov was appointed Secretary General of the CSTO."',
            'summary = "   "',
            "summary",
        ),
        ('adjectives = ["Armenian"]', 'adjectives = ["   "]', "adjectives"),
        ('aliases = ["СНГ", ', 'aliases = ["  ", ', "aliases"),
    ],
    ids=["string", "adjectives", "aliases"],
)
def test_a_blank_string_gets_a_message_that_does_not_contradict_itself(
    tmp_path: Path, env: dict[str, str], old: str, new: str, key: str
) -> None:
    path, line = bundled_with(old, new, tmp_path)
    found = problems(path, env)
    mine = [p for p in found if f"'{key}'" in p]
    assert len(mine) == 1, found
    assert mine[0].startswith(f"cstofacts: {path}:{line}: "), mine
    # "must be a list of non-empty strings, not a list" names the type it asks for as the fault.
    assert not re.search(r"must be (a|an) (list|string)\b.*, not (a|an) \2\b", mine[0]), mine[0]
    assert "white space" in mine[0] or "blank" in mine[0] or "empty" in mine[0], mine[0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('location = "Belarus"', 'location = "  "'),  # on combat-brotherhood-2023, a parent
        ('description = "A military or peacekeeping exercise or manoeuvre."', 'description = " "'),
    ],
    ids=["location", "category description"],
)
def test_one_blank_value_is_one_problem(tmp_path: Path, env: dict[str, str], old: str, new: str) -> None:
    """A blank value is reported once, not again as an unknown category or a missing claim."""
    path, line = bundled_with(old, new, tmp_path)
    found = problems(path, env)
    assert len(found) == 1, found
    assert found[0].startswith(f"cstofacts: {path}:{line}: ")


def test_problems_come_in_line_order(tmp_path: Path, env: dict[str, str]) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    for old, new in [
        ('kind = "assessment"', 'kind = "opinion"'),  # early claims
        ('alpha3 = "KGZ"', 'alpha3 = "kg"'),  # the vocabulary, before them
        ('category = "decision"', 'category = "decisions"'),  # late claims
        ('section = "Politics"', "section = 5"),  # the source
    ]:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    found = problems(path, env)
    assert len(found) >= 4
    lines = [int(re.match(rf"cstofacts: {re.escape(str(path))}:(\d+): ", p)[1]) for p in found]  # type: ignore[index]
    assert lines == sorted(lines)


# -- random text through every machine format ------------------------------------------------------------

SUMMARIES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(summary=SUMMARIES)
@example(summary="a\r\nb\rc\nd")
@example(summary="=1+2\r'=3\n''-4\r\n@5")
@example(summary="\\t is not a tab\\")
@example(summary="x\x00\x1b[2J\x7f\x85\x9b\u2028\u2029\u202e\ufeff")
@example(summary="\t=tab first")
def test_random_text_survives_every_machine_format(
    cli: Callable[..., Result], tmp_path: Path, summary: str
) -> None:
    path = tmp_path / "random.toml"
    path.write_text(dataset(summary), encoding="utf-8")
    data = ("--no-cache", "--data", str(path))

    def out(fmt: str) -> str:
        result = cli(*data, "list", "--format", fmt, "--fields", "summary")
        assert result.code == 0, result.err
        return result.out

    assert json.loads(out("json")) == [{"summary": summary}]
    assert [json.loads(line) for line in out("jsonl").split("\n") if line] == [{"summary": summary}]
    plain = out("plain")
    assert plain.endswith("\n") and plain.count("\n") == 1
    assert unescape_plain(plain[:-1]) == summary
    tsv = out("tsv")
    assert tsv.count("\n") == 2
    assert unguard(unescape_plain(tsv.split("\n")[1])) == summary
    rows = list(csv.reader(io.StringIO(out("csv"), newline="")))
    assert rows[0] == ["summary"] and len(rows) == 2
    assert unguard(rows[1][0]) == summary
    markdown = out("markdown")
    assert markdown.count("\n") == 3
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", markdown)


def test_a_parent_cycle_is_rejected(tmp_path: Path, env: dict[str, str]) -> None:
    path, _ = bundled_with(
        'id = "combat-brotherhood-2023"\n', 'id = "combat-brotherhood-2023"\nparent = "rock-2023"\n', tmp_path
    )
    found = problems(path, env)
    assert any("combat-brotherhood-2023" in p and "rock-2023" in p for p in found), found


def test_a_paragraph_that_is_not_a_whole_number_gets_a_clear_message(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path, line = bundled_with("paragraphs = [20]", "paragraphs = [20.0]", tmp_path)
    found = problems(path, env)
    assert found[0].startswith(f"cstofacts: {path}:{line}: claim 'foundation-for-adaptation': "), found
    assert not re.search(r"must be a list\b.*, not a list\b", found[0]), found[0]


# -- odd values from the command line --------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["list"], ["search", "CSTO"], ["timeline"], ["ask", "what happened in 2024"]]
)
@pytest.mark.parametrize("limit", ["9223372036854775808", "99999999999999999999999"])
def test_a_limit_beyond_64_bits_never_gives_a_traceback(
    env: dict[str, str], command: list[str], limit: str
) -> None:
    result = run(*command, "--limit", limit, env=env)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 2), result.stderr


def test_completion_never_offers_raw_controls_from_the_data(evil: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [EXE],
        capture_output=True,
        env={
            **os.environ,
            **env,
            "CSTOFACTS_DATA": str(evil),
            "_CSTOFACTS_COMPLETE": "complete_bash",
            "COMP_WORDS": "cstofacts list --country B",
            "COMP_CWORD": "3",
        },
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"BY" in result.stdout.split(b"\n")
    for bad in (b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode()):
        assert bad not in result.stdout, result.stdout
