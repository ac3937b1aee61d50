"""cstofacts.cli.completers, pinned where mutation testing found the suite silent (docs/testing.md).

A value or description longer than 200 characters is offered cut to 200, ending in "…"; a value
typed in upper case is offered in upper case; a fixed list of choices (--format) completes too.
"""

from __future__ import annotations

from pathlib import Path

from helpers import HEAD, claim_toml, run


def bash_offers(line: str) -> list[str]:
    words = line.split(" ")
    result = run(
        env={"_CSTOFACTS_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.split()


def zsh_offers(line: str) -> str:
    result = run(env={"_CSTOFACTS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def long_dataset(tmp_path: Path) -> str:
    text = HEAD.replace('exercise = "An exercise."', f'exercise = "{"d" * 250}"')
    path = tmp_path / "long.toml"
    path.write_text(text + claim_toml("x" * 250), "utf-8")
    return str(path)


def test_a_long_description_is_offered_cut_to_200_characters(tmp_path: Path) -> None:
    offered = zsh_offers(f"cstofacts --data {long_dataset(tmp_path)} list --category ex")
    assert offered == '_arguments \'*: :(("exercise":"' + "d" * 199 + "…\"))'\n"


def test_a_long_value_is_offered_cut_to_200_characters(tmp_path: Path) -> None:
    offered = zsh_offers(f"cstofacts --data {long_dataset(tmp_path)} show xx")
    assert offered == "_arguments '*: :((\"" + "x" * 199 + "…\"))'\n"


def test_a_value_typed_in_upper_case_is_offered_in_upper_case() -> None:
    assert bash_offers("cstofacts list --country KYR") == ["KYRGYZSTAN"]


def test_a_format_completes_from_the_formats_offered() -> None:
    assert bash_offers("cstofacts list --format j") == ["json", "jsonl"]
