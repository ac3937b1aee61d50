"""cstofacts.store.reader, pinned where mutation testing found the suite silent (docs/testing.md).

A key of more than 256 dotted parts is refused before the TOML parser sees it, at its line, in
any file that has a line over 1,000 characters; a file of shorter lines goes to the parser
whole, since nothing that short can be costly (the key is then an unknown one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml

KEY = ".".join(["a"] * 300)


def dataset(tmp_path: Path, width: int) -> str:
    line = f'{KEY} = "'
    line += "x" * (width - len(line) - 1) + '"'
    assert len(line) == width
    path = tmp_path / "keys.toml"
    path.write_text(HEAD.replace("schema = 3\n", f"schema = 3\n{line}\n", 1) + claim_toml("talks"), "utf-8")
    return str(path)


@pytest.mark.parametrize("width", [1001, 1002])
def test_a_key_of_too_many_parts_is_refused_in_a_file_with_a_line_over_1000(
    cli: Callable[..., Result], tmp_path: Path, width: int
) -> None:
    path = dataset(tmp_path, width)
    result = cli("--data", path, "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == f"cstofacts: {path}:2: a key of more than 256 dotted parts; refusing to parse it\n"


@pytest.mark.parametrize("width", [999, 1000])
def test_a_file_of_lines_up_to_1000_characters_goes_to_the_parser_whole(
    cli: Callable[..., Result], tmp_path: Path, width: int
) -> None:
    result = cli("--data", dataset(tmp_path, width), "list")
    assert (result.code, result.out) == (3, "")
    assert "dataset: unknown key 'a'; known keys: schema, categories," in result.err
    assert "dotted parts" not in result.err
