"""cstofacts.store.locate, pinned where mutation testing found the suite silent (docs/testing.md).

A quote that is not in its paragraph is reported at its own line, found by its first 30
characters as the TOML file writes them: with a quotation mark or a backslash escaped in a
basic string, as they are in a literal one, or on the first line of a multi-line string.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result
from test_mutants_lint import HEAD

CLAIM = """
[[claims]]
id = "talks"
source = "doc"
kind = "event"
category = "meeting"
summary = "The CSTO held talks."
date = "2023-03-06"
date_basis = "stated"
countries = []
organizations = ["CSTO"]
paragraphs = [1]
attributed_to = "article"
evidence = [
    { paragraph = 1, quote = "the CSTO held talks in Minsk" },
    { paragraph = 1, quote = QUOTE },
]
"""


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (r'"the CSTO held \"talks\" in Bishkek"', "'the CSTO held \"talks\" in Bishkek'"),
        (r'"the CSTO held talks\\meetings"', "'the CSTO held talks\\\\meetings'"),
        ("'the CSTO held \"talks\" in Osh'", "'the CSTO held \"talks\" in Osh'"),
    ],
)
def test_a_quote_not_in_its_paragraph_is_reported_at_its_own_line(
    cli: Callable[..., Result], tmp_path: Path, written: str, shown: str
) -> None:
    path = tmp_path / "quotes.toml"
    text = HEAD + CLAIM.replace("QUOTE", written)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"    {{ paragraph = 1, quote = {written} }},") + 1
    result = cli("--data", str(path), "validate")
    assert (result.code, result.out) == (3, "")
    assert (
        result.err
        == f"cstofacts: {path}:{line}: claim 'talks': evidence {shown} is not in ¶1 word for word\n"
    )


def test_of_two_quotes_alike_in_29_characters_the_second_is_found_by_its_30th(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    first, second = "the CSTO held talks in Minsk with", "the CSTO held talks in Minsk Xyz"
    assert first[:29] == second[:29] and first[:30] != second[:30]
    path = tmp_path / "quotes.toml"
    text = HEAD + CLAIM.replace('"the CSTO held talks in Minsk"', f'"{first}"').replace(
        "QUOTE", f'"{second}"'
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f'    {{ paragraph = 1, quote = "{second}" }},') + 1
    result = cli("--data", str(path), "validate")
    assert (result.code, result.out) == (3, "")
    assert (
        result.err
        == f"cstofacts: {path}:{line}: claim 'talks': evidence '{second}' is not in ¶1 word for word\n"
    )


def test_a_quote_continued_on_the_next_line_is_found_by_its_first_30_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A multi-line string whose first line ends, with a line-ending backslash, right after the
    quote's 30th character, a quotation mark escaped among them: the line holds those 30, as
    TOML writes them, and no more."""
    path = tmp_path / "quotes.toml"
    first = '    { paragraph = 1, quote = """the \\"CSTO\\" held talks in Minsk\\'
    written = first.removeprefix("    { paragraph = 1, quote = ") + '\n      ers met"""'
    text = HEAD + CLAIM.replace("QUOTE", written)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(first) + 1
    result = cli("--data", str(path), "validate")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"cstofacts: {path}:{line}: claim 'talks': evidence 'the \"CSTO\" held talks in Minskers met' "
        "is not in ¶1 word for word\n"
    )
