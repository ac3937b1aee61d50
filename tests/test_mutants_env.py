"""cstofacts.env, pinned where mutation testing found the suite silent (docs/testing.md).

A terminal that cannot show the typographic apostrophe gets a straight one, not a question
mark; and an Env's repr lists its fields separated as Python's own reprs are.
"""

from __future__ import annotations

import io

from cstofacts.env import Env, ascii_spelling, encode


class Ascii(io.StringIO):
    encoding = "ascii"  # type: ignore[assignment]


def test_a_typographic_apostrophe_is_spelled_as_a_straight_one() -> None:
    assert ascii_spelling("’") == "'"
    assert encode(Ascii(), "Babaev’s view") == b"Babaev's view"


def test_the_repr_of_an_env_separates_its_fields() -> None:
    env = Env.read({"COLUMNS": "80"}, stdout=io.StringIO(), stderr=io.StringIO())
    shown = repr(env)
    assert shown.startswith("Env(ascii_only=False, colour=False, json_ascii=False, pager=None, stderr=<")
    assert shown.endswith(">, stdout_isatty=False, width=80)")
