"""Shell completion offers the dataset's own values, through Typer's real completion protocol."""

from __future__ import annotations

import pytest
from helpers import MINIMAL, run


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
