"""cstofacts.cli.completers, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

Completion offers a dataset's own values and their descriptions to the shell, which draws them
on the terminal: a control or bidi character in a dataset (an OSC title sequence, a colour, a
right-to-left override) is offered as a visible escape, in the value and in its description.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import HEAD, claim_toml, run

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def hostile(tmp_path: Path) -> str:
    text = HEAD.replace('exercise = "An exercise."', 'exercise = "An \\u001b]0;owned\\u0007exercise\\u202e."')
    text = text.replace('name = "Kyrgyzstan"', 'name = "Kyrgyz\\u001b[31mstan"')
    path = tmp_path / "hostile.toml"
    path.write_text(text + claim_toml("talks"), "utf-8")
    return str(path)


def zsh_offers(line: str) -> str:
    result = run(env={"_CSTOFACTS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert RAW.search(result.stdout.replace("\n", "")) is None, result.stdout
    return result.stdout


def test_a_description_with_control_characters_is_offered_escaped(tmp_path: Path) -> None:
    offered = zsh_offers(f"cstofacts --data {hostile(tmp_path)} list --category ex")
    assert offered == r"""_arguments '*: :(("exercise":"An \\x1b]0;owned\\x07exercise\\u202e."))'""" + "\n"


def test_a_value_with_control_characters_is_offered_escaped(tmp_path: Path) -> None:
    offered = zsh_offers(f"cstofacts --data {hostile(tmp_path)} list --country K")
    assert offered == (
        r"""_arguments '*: :(("KG":"Kyrgyz\\x1b[31mstan"""
        + '"\n'
        + r""""Kyrgyz\\x1b[31mstan":"KG"))'"""
        + "\n"
    )
