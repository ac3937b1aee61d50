"""cstofacts.drafttoml, pinned where mutation testing found the suite silent (docs/testing.md).

What `new` writes is TOML a person edits and cstofacts reads back: every text must come back
exactly, whatever characters the article holds, and a line too long to read back is refused,
at the limit and not one character before it. A list of strings stays on one line up to 90
characters, as data/claims.toml writes its lists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import BUNDLED, Result
from hypothesis import given
from hypothesis import strategies as st

from cstofacts.drafttoml import _ROOM, string
from cstofacts.store.reader import MAX_LINE

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

# Any text but lone surrogates, which no UTF-8 file can hold.
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)))


@given(TEXTS)
def test_any_text_comes_back_exactly(value: str) -> None:
    written = string(value)
    assert tomllib.loads(f"v = {written}")["v"] == value
    # A control character never reaches the file as itself, so no editor or terminal acts on it.
    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in written)


@given(TEXTS)
def test_ascii_only_text_comes_back_exactly(value: str) -> None:
    written = string(value, ascii_only=True)
    assert written.isascii()
    assert tomllib.loads(f"v = {written}")["v"] == value


def test_every_control_character_is_escaped_and_printable_ascii_is_not() -> None:
    for code in [*range(0x20), 0x7F]:
        assert string(chr(code)) != f'"{chr(code)}"', code
    printable = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in '"\\')
    assert string(printable) == f'"{printable}"' == string(printable, ascii_only=True)  # "~" too
    assert string("é") == '"é"' and string("é", ascii_only=True) == '"\\u00E9"'


def _article(tmp_path: Path, headline: str, paragraph: str) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(f"{headline}\n\nJane Holloway\nWorld\n\n{paragraph}\n", encoding="utf-8")
    return article


def test_a_paragraph_at_the_line_limit_is_kept_and_one_character_more_is_refused(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # The paragraph is written with its quotes: two characters more than its text.
    longest = MAX_LINE - _ROOM - 2
    words = ("talks " * MAX_LINE)[: longest - len(" in 2024.")] + " in 2024."
    assert len(words) == longest
    kept = cli("new", str(_article(tmp_path, "Talks", words)), "-o", str(tmp_path / "kept.toml"))
    assert kept.code == 0, kept.err
    assert cli("--data", str(tmp_path / "kept.toml"), "validate").code in (0, 1)  # drafts only warn
    refused = cli("new", str(_article(tmp_path, "Talks", "x" + words)), "-o", str(tmp_path / "no.toml"))
    assert refused.code == 2
    assert refused.err.startswith(f"cstofacts: error: paragraph ¶1 is {longest + 1:,} characters long")


def test_a_headline_too_long_is_named_as_the_headline(cli: Callable[..., Result], tmp_path: Path) -> None:
    headline = "Talks " * (MAX_LINE // 6)
    refused = cli("new", str(_article(tmp_path, headline.strip(), "They met in 2024.")))
    assert refused.code == 2
    assert refused.err.startswith("cstofacts: error: the headline is ")


MINSK = 'aliases = ["Минск", "Mensk", "Менск"]'


@pytest.mark.parametrize(
    ("extra", "written"),
    [
        # The list is 90 characters long: it stays on one line.
        (
            "Capital Minsk",
            [
                'aliases = ["Минск", "Mensk", "Менск", "Minsk City", "City of Minsk", "Horad Minsk",'
                ' "Capital Minsk"]'
            ],
        ),
        # 91 characters: one alias a line, as data/claims.toml writes a long list.
        (
            "Minsk the City",
            [
                "aliases = [",
                '    "Минск",',
                '    "Mensk",',
                '    "Менск",',
                '    "Minsk City",',
                '    "City of Minsk",',
                '    "Horad Minsk",',
                '    "Minsk the City",',
                "]",
            ],
        ),
    ],
)
def test_a_list_of_90_characters_is_written_on_one_line_and_a_longer_one_is_not(
    cli: Callable[..., Result], tmp_path: Path, extra: str, written: list[str]
) -> None:
    vocabulary = tmp_path / "vocabulary.toml"
    aliases = (
        f'aliases = ["Минск", "Mensk", "Менск", "Minsk City", "City of Minsk", "Horad Minsk", "{extra}"]'
    )
    vocabulary.write_text(BUNDLED.read_text(encoding="utf-8").replace(MINSK, aliases), encoding="utf-8")
    article = _article(tmp_path, "Talks in Minsk", "The ministers met in Minsk in 2024.")
    out = tmp_path / "draft.toml"
    result = cli("new", str(article), "--vocabulary", str(vocabulary), "-o", str(out))
    assert result.code == 0, result.err
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("[places.Minsk]")
    assert lines[at + 1 : at + 2 + len(written)] == ['country = "BY"', *written]
