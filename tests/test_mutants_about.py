"""cstofacts.query.about, pinned where mutation testing found the suite silent (docs/testing.md).

facts() answers [] (a list, as documented) for a question whose only word names a field of a work:
"author" or "date" alone may be about anything a claim says.
"""

from __future__ import annotations

from cstofacts.query.about import facts

WORK = {
    "id": "piece",
    "role": "report",
    "author": "A. Writer",
    "published": "2024-05-01",
    "headline": "A piece",
}


def test_a_field_word_alone_asks_about_no_work() -> None:
    assert facts(["author"], [], [WORK], False) == []
    assert facts(["date"], [], [WORK], False, "when") == []


def test_a_field_word_with_a_word_for_the_work_asks_about_it() -> None:
    assert [(f.work, f.field, f.value) for f in facts(["author", "article"], [], [WORK], False)] == [
        ("piece", "author", "A. Writer")
    ]
