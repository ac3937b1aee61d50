"""cstofacts.safe, pinned where mutation testing found the suite silent (docs/testing.md).

one_line keeps to its limit even when the limit leaves room for nothing but the "…".
"""

from __future__ import annotations

from cstofacts.safe import one_line


def test_a_limit_of_one_leaves_only_the_ellipsis() -> None:
    assert one_line("abc", 1) == "…"
    assert one_line("abc", 2) == "a…"
