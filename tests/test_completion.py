"""Shell completion offers the dataset's own values, through Typer's real completion protocol."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINIMAL, bundled, child_env, run


def complete(line: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completion offers for the last word of `line`."""
    words = line.split(" ")
    result = run(
        env={
            "_CSTOFACTS_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            **(env or {}),
        }
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("cstofacts list --category ex", ["exercise"]),
        ("cstofacts list --category p", ["priority-task", "publication"]),
        ("cstofacts list --country K", ["KG", "Kyrgyzstan", "KZ", "Kazakhstan"]),
        ("cstofacts timeline --org S", ["SCO"]),
        ("cstofacts stats --kind a", ["assessment"]),
        ("cstofacts list --attributed-to an", ["analyst"]),
        ("cstofacts show khujand", ["khujand-border-agreement-2025-03-31", "khujand-agreement-stability"]),
    ],
)
def test_values_complete_from_the_dataset(line: str, expected: list[str]) -> None:
    assert complete(line) == expected


def test_completion_follows_the_data_option() -> None:
    assert complete(f"cstofacts --data {MINIMAL} show ta") == ["talks"]
    assert complete("cstofacts show d", env={"CSTOFACTS_DATA": str(MINIMAL)}) == ["drill"]


def test_completion_with_a_broken_dataset_offers_nothing_and_never_fails() -> None:
    assert complete("cstofacts --data /nonexistent.toml list --category e") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("cstofacts read 1", ["1", *(str(n) for n in range(10, 20))]),
        ("cstofacts read 13 2", ["2", "20"]),
        ("cstofacts list --paragraph 2", ["2", "20"]),
        ("cstofacts list --country kg", ["kg"]),  # lower case, as typed: shells keep what starts with it
        ("cstofacts list --country kyr", ["kyrgyzstan"]),
        ("cstofacts timeline --org u", ["un"]),
        ("cstofacts help s", ["search", "show", "stats", "source"]),
        ("cstofacts help x", []),
        ("cstofacts --color a", ["auto", "always"]),
    ],
)
def test_paragraphs_codes_in_any_case_topics_and_switches_complete(line: str, expected: list[str]) -> None:
    assert complete(line) == expected


def test_years_complete_from_the_dates_the_dataset_has() -> None:
    years: set[str] = set()
    for claim in bundled()["claims"]:
        if claim.get("date"):
            last = claim.get("end_date") or claim["date"]
            years.update(str(y) for y in range(int(claim["date"][:4]), int(last[:4]) + 1))
    assert complete("cstofacts list --year ") == sorted(years)
    assert complete("cstofacts stats --year 2023") == ["2023"]


SHELL_ENV = {"PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
# What zsh's _arguments does with a '((value:description …))' action: eval the list into words.
ZSH_HARNESS = r"""
_arguments() { local inner=${1#*:*:\(\(}; inner=${inner%\)\)}; local -a ws; eval "ws=( $inner )"; print -rl -- $ws }
eval "$(cstofacts --show-completion zsh | grep -v '^compdef')"
words=( ${(z)1} ); CURRENT=${#words}
[[ $1 == *' ' ]] && { words+=(''); CURRENT=$(( CURRENT + 1 )); }
_cstofacts_completion
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_zsh_descriptions_keep_their_apostrophes(tmp_path: Path) -> None:
    script = tmp_path / "harness.zsh"
    script.write_text(ZSH_HARNESS, encoding="utf-8")
    result = subprocess.run(
        ["zsh", "-f", str(script), "cstofacts list --category "],
        capture_output=True, text=True, env=child_env(SHELL_ENV), timeout=120, check=False,
    )  # fmt: skip
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "leadership:The Secretary General's appointment and personal role." in lines
    assert "conclusion:An overall verdict on the CSTO's work, the analyst's or the article's." in lines
    assert len(lines) == len(bundled()["categories"])


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_fish_descriptions_keep_their_apostrophes() -> None:
    result = subprocess.run(
        ["fish", "--no-config", "-c", "cstofacts --show-completion fish | source; complete -C 'cstofacts list --category l'"],
        capture_output=True, text=True, env=child_env(SHELL_ENV), timeout=120, check=False,
    )  # fmt: skip
    assert result.stderr == ""
    assert result.stdout == "leadership\tThe Secretary General's appointment and personal role.\n"


def zsh_pairs(line: str) -> list[str]:
    """The value:description pairs zsh completion offers for the last word of `line`."""
    result = run(env={"_CSTOFACTS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.removeprefix("_arguments '*: :((").removesuffix("))'\n").split("\n")


def test_each_year_is_described_by_how_many_claims_it_has() -> None:
    counts: dict[int, int] = {}
    for claim in bundled()["claims"]:
        if claim.get("date"):
            last = claim.get("end_date") or claim["date"]
            for year in range(int(claim["date"][:4]), int(last[:4]) + 1):
                counts[year] = counts.get(year, 0) + 1
    expected = [f'"{y}":"{n} claim{"s" if n != 1 else ""}"' for y, n in sorted(counts.items())]
    assert zsh_pairs("cstofacts list --year ") == expected
    assert 1 in counts.values() and any(n > 1 for n in counts.values())  # both forms are checked


def test_each_paragraph_is_described_by_its_first_eight_words() -> None:
    body = bundled()["sources"][0]["body"]
    pairs = zsh_pairs("cstofacts read 1")
    first = " ".join(body[0].split()[:8]).replace('"', '\\"')
    assert pairs[0] == f'"1":"{first} …"'
    assert len(pairs) == 1 + sum(1 for n in range(1, len(body) + 1) if str(n).startswith("1") and n > 1)
