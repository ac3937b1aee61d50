"""cstofacts.cli.completion, pinned where mutation testing found the suite silent (docs/testing.md).

zsh reads each completion as a double-quoted item of a single-quoted shell word: every
character that means something there (backslash, double quote, dollar, backquote, colon,
apostrophe) is escaped, so a dataset's value or help text arrives whole and runs nothing.
"""

from __future__ import annotations

from types import SimpleNamespace

from cstofacts.cli.completion import Zsh, _zsh_quoted


def test_each_special_character_is_escaped() -> None:
    assert _zsh_quoted("plain") == "plain"
    assert _zsh_quoted('a\\b"c$d`e:f') == 'a\\\\b\\"c\\$d\\`e\\\\:f'
    assert _zsh_quoted("it's") == "it'\\''s"
    assert _zsh_quoted("two\n  lines\there") == "two lines here"


def test_an_item_is_its_value_and_its_help() -> None:
    zsh = Zsh.__new__(Zsh)
    assert (
        zsh.format_completion(SimpleNamespace(value="$x", help="it's `y`")) == '"\\$x":"it\'\\\'\'s \\`y\\`"'
    )
    assert zsh.format_completion(SimpleNamespace(value="a:b", help=None)) == '"a\\\\:b"'
