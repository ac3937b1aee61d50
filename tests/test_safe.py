"""Data never drives the terminal: controls and bidi characters become visible escapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cstofacts.safe import one_line, visible

# Written out here rather than imported, so the test checks the module against the rule itself.
DANGEROUS = frozenset(
    [chr(c) for c in range(0x00, 0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
    + ["\u2066", "\u2067", "\u2068", "\u2069"]
    + ["\u200e", "\u200f", "\u061c"]
)
# Text with plenty of dangerous characters, and every other character Hypothesis likes.
TEXT = st.text(st.one_of(st.characters(), st.sampled_from(sorted(DANGEROUS)), st.just("\\")))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),  # ESC: CSI erase screen
        ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),  # OSC 52 writes the clipboard
        (
            "\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\",
            "\\x1b]8;;https://x.example\\x1b\\link\\x1b]8;;\\x1b\\",
        ),
        ("\x9b31mred", "\\x9b31mred"),  # the one-character C1 CSI
        ("\x85next", "\\x85next"),
        ("abc\u202edcba", "abc\\u202edcba"),  # RLO would show "abcabcd"
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
        ("nul\x00", "nul\\x00"),
        ("del\x7f", "del\\x7f"),
        ("bell\x07 back\x08", "bell\\x07 back\\x08"),
        ("a\nb\tc\rd", "a\\x0ab\\x09c\\x0dd"),
    ],
)
def test_dangerous_characters_are_shown_as_escapes(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_a_literal_backslash_stays_as_it_is() -> None:
    assert visible("C:\\path\\x1b") == "C:\\path\\x1b"


def test_layout_keeps_newlines_and_tabs_but_not_carriage_returns() -> None:
    assert visible("a\nb\tc\rd\x1b", layout=True) == "a\nb\tc\\x0dd\\x1b"


def test_printable_text_is_returned_as_it_is() -> None:
    text = "Khujand – Худжанд, «Dostuk» ¶13 [view] 😀 \u200b"
    assert visible(text) is text
    assert visible(text, layout=True) is text


def test_one_line_escapes_line_breaks_readably() -> None:
    assert one_line("data\n/claims.toml\r\t\x1b") == "data\\n/claims.toml\\r\\t\\x1b"


def test_one_line_cuts_long_text_with_an_ellipsis() -> None:
    assert one_line("x" * 100) == "x" * 79 + "…"
    assert one_line("x" * 80) == "x" * 80
    assert one_line("abcdef", limit=4) == "abc…"
    assert len(one_line("\x1b" * 50)) == 80


@given(TEXT)
def test_visible_never_lets_a_dangerous_character_through(text: str) -> None:
    assert not DANGEROUS & set(visible(text))
    assert not (DANGEROUS - {"\n", "\t"}) & set(visible(text, layout=True))
    assert not DANGEROUS & set(one_line(text))


@given(st.text(st.characters().filter(lambda c: c not in DANGEROUS)))
def test_visible_is_the_identity_on_safe_text(text: str) -> None:
    assert visible(text) == text
    assert visible(text, layout=True) == text


@given(TEXT)
def test_visible_changes_only_the_dangerous_characters(text: str) -> None:
    # Undo the escapes by position: every escape stands for exactly one dangerous character.
    shown = visible(text)
    index = 0
    for char in text:
        if char in DANGEROUS:
            width = 4 if ord(char) < 0x100 else 6
            assert shown[index : index + width] == (
                f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
            )
            index += width
        else:
            assert shown[index] == char
            index += 1
    assert index == len(shown)


def test_every_message_on_stderr_is_shown_never_obeyed() -> None:
    # env.error is where every note and error is written: it escapes whatever a caller let through.
    import io

    from cstofacts.env import Env, error

    environment = Env.read({}, stderr=io.StringIO())
    error(environment, "cannot read /tmp/a\x1b[2Jb\nc \u202eevil\x9b")
    assert environment.stderr is not None
    assert environment.stderr.getvalue() == "cannot read /tmp/a\\x1b[2Jb c \\u202eevil\\x9b\n"  # type: ignore[attr-defined]
