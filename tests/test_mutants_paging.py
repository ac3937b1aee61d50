"""cstofacts.paging, pinned where mutation testing found the suite silent (docs/testing.md).

paging.rows counts the rows a text takes at a width; a terminal one column wide (or one that
reports no width at all) shows one character a row, never two.
"""

from __future__ import annotations

import pytest

from cstofacts import paging


@pytest.mark.parametrize("width", [1, 0])
def test_a_terminal_one_column_wide_shows_one_character_a_row(width: int) -> None:
    assert paging.rows("abc\nde\n", width) == 5
