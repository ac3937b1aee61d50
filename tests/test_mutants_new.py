"""cstofacts.cli.commands.new, pinned where mutation testing found the suite silent (docs/testing.md).

`new` asks for a missing header line only on a terminal: a caller whose standard input is
closed gets the draft without any question, the missing byline left out.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result

if sys.version_info >= (3, 11):
    import tomllib
else:  # cstofacts depends on tomli before 3.11
    import tomli as tomllib

# A headline, no byline nor section: the lines a terminal would be asked for.
ARTICLE = "Border talks resume after a quiet winter\n\nDelegations from Kyrgyzstan met on March 4, 2025.\n"


def test_a_closed_standard_input_is_asked_nothing(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, out = tmp_path / "article.txt", tmp_path / "draft.toml"
    article.write_text(ARTICLE, encoding="utf-8")
    closed = io.StringIO()
    closed.close()  # isatty() now raises ValueError
    monkeypatch.setattr(sys, "stdin", closed)
    result = cli("new", str(article), "-o", str(out))
    assert (result.code, result.out) == (0, ""), result.err
    assert "as printed" not in result.err
    [source] = tomllib.loads(out.read_text(encoding="utf-8"))["sources"]
    assert source["headline"] == "Border talks resume after a quiet winter"
    assert "byline" not in source


@pytest.mark.parametrize("output", [" ", "drafts/"])
def test_an_output_that_names_no_file_is_refused(
    cli: Callable[..., Result], tmp_path: Path, output: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("One paragraph.\n", encoding="utf-8")
    result = cli("new", str(article), "--output", output)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err == "cstofacts: error: --output: give the path of the file to write, such as article.toml\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]
