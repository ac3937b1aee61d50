"""cstofacts.store.written, pinned where mutation testing found the suite silent (docs/testing.md).

Compared, typographic quotation marks are straight ones, each one character for one, so a
summary's quoted title is found in a paragraph that quotes it with the other marks.
"""

from __future__ import annotations

from cstofacts.store.written import norm


def test_curly_quotation_marks_are_straight_ones() -> None:
    assert norm("the  “Allies. CSTO” portal") == 'the "Allies. CSTO" portal'
    assert norm("„Союзники”") == '"Союзники"'
    assert norm("Babaev’s ‘view’") == "Babaev's 'view'"
