"""cstofacts.cli.commands.ask, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

What ask says about its reading is cut to a readable length, whatever a dataset's words or a
question hold: a corrected or missing word at 40 characters, the command line it read the
question as never, since it is a command to run. An answer from the works' records is a line of the dataset's text on
stdout, and a control or bidi character in it is shown as an escape, even piped.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from helpers import Result
from test_mutants_lint import edit

LONG = "supercalifragilisticexpialidociousmanoeuvrings"  # 46 letters, no English word
WORDS = [p + LONG for p in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")]
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def dataset(tmp_path: Path, text: str) -> str:
    path = tmp_path / "works.toml"
    path.write_text(text, "utf-8")
    return str(path)


def long_words(tmp_path: Path) -> str:
    return dataset(
        tmp_path,
        edit(
            "The Combat Brotherhood exercise began",
            f"The Combat Brotherhood exercise of the {LONG} {' '.join(WORDS)} began",
        ),
    )


def test_a_long_corrected_word_is_cut_to_forty_characters(cli: Callable[..., Result], tmp_path: Path) -> None:
    typo = LONG.replace("manoeuvrings", "manouvrings")
    result = cli("--data", long_words(tmp_path), "ask", "--explain", f"when did the {typo} begin")
    assert result.code == 0
    assert f"cstofacts: read '{typo[:39]}…' as '{LONG}'\n" in result.err, result.err


def test_a_long_word_no_answer_holds_is_cut_to_forty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli("--data", long_words(tmp_path), "ask", "--explain", f"the {LONG} and the Kyrgyz officials")
    assert result.code == 0
    assert result.out.startswith("talks\t")
    assert result.err.endswith(f"cstofacts: partial answer: no answer holds {LONG[:39]}…\n"), result.err


def test_the_command_line_read_is_never_cut_so_it_runs_as_shown(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    data = long_words(tmp_path)
    result = cli("--data", data, "ask", "--explain", " ".join(WORDS))
    assert result.code == 0
    line = "cstofacts search " + " ".join(WORDS) + " --any --limit 3"
    assert len(line) > 300
    assert f"cstofacts: read as: {line}\n" in result.err, result.err
    assert cli("--data", data, *shlex.split(line)[1:]).out == result.out


def test_an_answer_from_the_works_records_shows_control_characters_as_escapes(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    hostile = dataset(
        tmp_path, edit('author = "Kirill Babaev"', 'author = "Kirill \\u001b[31mBabaev\\u202e"')
    )
    result = cli("--data", hostile, "ask", "who wrote the article")
    assert result.code == 0
    assert RAW.search(result.out) is None
    assert "the article it reports, author: Kirill \\x1b[31mBabaev\\u202e (¶3)\n" in result.out, result.out


def test_a_filter_value_of_several_words_is_quoted_in_the_reading_and_runs_as_shown(
    cli: Callable[..., Result],
) -> None:
    asked = cli("ask", "--explain", "--text", "border agreement", "what was signed in Khujand")
    assert asked.code == 0
    line = next(x for x in asked.err.splitlines() if x.startswith("cstofacts: read as: "))
    command = line.removeprefix("cstofacts: read as: ")
    assert "--text 'border agreement'" in command
    words = shlex.split(command)
    assert words[0] == "cstofacts"
    again = cli(*words[1:])
    assert (again.code, again.out) == (0, asked.out)
