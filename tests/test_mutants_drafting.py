"""cstofacts.drafting, pinned where mutation testing found the suite silent (docs/testing.md).

A full stop inside quotation marks the sentence opened ends no sentence, whether the quote
opens the paragraph or opens with a curly mark; and an id drafted from a long headline is cut
to 60 characters, never ending on a hyphen; a headline of no telling word gives the id "claim".
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result

from cstofacts import drafting

if sys.version_info >= (3, 11):
    import tomllib
else:  # cstofacts depends on tomli before 3.11
    import tomli as tomllib


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # The quotation mark is the paragraph's first character.
        (
            '"The allies. CSTO members met here," he said. Next they left.',
            ['"The allies. CSTO members met here," he said.', "Next they left."],
        ),
        # ... or the next sentence's.
        (
            'They met. "The allies. CSTO members met here," he said.',
            ["They met.", '"The allies. CSTO members met here," he said.'],
        ),
        # Curly quotation marks, opened and not yet closed at the full stop.
        (
            "The portal “Allies. CSTO” printed it. Then he left.",
            ["The portal “Allies. CSTO” printed it.", "Then he left."],
        ),
    ],
)
def test_a_full_stop_inside_quotation_marks_ends_no_sentence(paragraph: str, expected: list[str]) -> None:
    assert list(drafting.sentences(paragraph)) == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz abcdefgh",
            "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-abcdef",
        ),
        # Cut at 60, the id would end on the hyphen before the fourth word.
        ("x" * 26 + " " + "y" * 26 + " zzzzz wwwwwwww", "x" * 26 + "-" + "y" * 26 + "-zzzzz"),
        ("It was all for them", "claim"),  # stop words only
    ],
)
def test_the_source_id_drafted_from_the_headline(
    cli: Callable[..., Result], tmp_path: Path, headline: str, expected: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        f"{headline}\n\nJane Holloway\nWorld\n\nDelegations from Kyrgyzstan met on March 4, 2025.\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.toml"
    result = cli("new", str(article), "-o", str(out))
    assert result.code == 0, result.err
    [source] = tomllib.loads(out.read_text(encoding="utf-8"))["sources"]
    assert source["id"] == expected
