"""The terminal views, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

A source's id is any non-empty string a dataset gives (the validator asks a slug only of the
works a source reports): the list view names it under each claim of a dataset of several
sources, with its control and bidi characters as visible escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from helpers import HEAD, Result, claim_toml

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE_ID = "doc\\u001b[31m\\u202e"  # as TOML writes it
SHOWN_ID = "doc\\x1b[31m\\u202e"  # as cstofacts shows it


def two_sources(tmp_path: Path) -> str:
    head = HEAD.replace('id = "doc"', f'id = "{HOSTILE_ID}"')
    head = head.replace('"A test document"', '"A test\\u001b[31m document\\u202e"')
    head += '\n[[sources]]\nid = "other"\nheadline = "Other"\nparagraphs = 2\n'
    first = claim_toml("talks").replace('source = "doc"', f'source = "{HOSTILE_ID}"')
    path = tmp_path / "sources.toml"
    path.write_text(head + first + claim_toml("second", source="other"), "utf-8")
    return str(path)


def test_the_list_view_names_a_hostile_source_id_escaped(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("--data", two_sources(tmp_path), "list", "--format", "table")
    assert (result.code, result.err) == (0, "")
    assert RAW.search(result.out.replace("\n", "")) is None
    assert f"talks  ¶1 of {SHOWN_ID}\n" in result.out, result.out
    assert "second  ¶1 of other\n" in result.out


def hostile_text(tmp_path: Path) -> str:
    """A source whose id, headline and paragraph hold control and bidi characters."""
    head = HEAD.replace('id = "doc"', f'id = "{HOSTILE_ID}"')
    head = head.replace('"A test document"', '"A test\\u001b[31m document\\u202e"')
    head = head.replace(
        "paragraphs = 5", 'body = ["Talks in Minsk\\u202e on March 6, 2023\\u001b]0;x\\u0007."]'
    )
    claim = claim_toml("talks").replace('source = "doc"', f'source = "{HOSTILE_ID}"')
    path = tmp_path / "hostile.toml"
    path.write_text(head + claim, "utf-8")
    return str(path)


def drawn(cli: Callable[..., Result], *args: str) -> str:
    result = cli(*args, "--format", "table")
    assert (result.code, result.err) == (0, ""), result.err
    assert RAW.search(result.out.replace("\n", "")) is None, result.out
    return result.out


def test_the_source_view_shows_a_hostile_id_and_headline_escaped(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = drawn(cli, "--data", hostile_text(tmp_path), "source")
    assert f"work        {SHOWN_ID}\n" in out, out
    assert "headline    A test\\x1b[31m document\\u202e\n" in out, out


def test_read_shows_a_hostile_paragraph_escaped(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = drawn(cli, "--data", hostile_text(tmp_path), "read")
    assert "Talks in Minsk\\u202e on March 6, 2023\\x1b]0;x\\x07.\n" in out, out


def test_stats_by_source_shows_a_hostile_id_and_headline_escaped(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = drawn(cli, "--data", two_sources(tmp_path), "stats", "--by", "source")
    assert RAW.search(out.replace("\n", "")) is None
    assert f"\n{SHOWN_ID}   A test\\x1b[31m document\\u202e       1 " in out, out
    assert "\nother               Other " in out, out


def test_show_in_colour_escapes_the_paragraph_around_a_quote(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = Path(hostile_text(tmp_path))
    evidence = 'evidence = [{ paragraph = 1, quote = "on March 6, 2023" }]\n'
    path.write_text(path.read_text("utf-8") + evidence, "utf-8")
    result = cli("--data", str(path), "--color", "always", "show", "talks", "--format", "table")
    assert (result.code, result.err) == (0, ""), result.err
    # Colour is on, so SGR sequences are expected; nothing else the terminal would obey is.
    assert "\u202e" not in result.out and "\x1b]" not in result.out and "\x07" not in result.out
    plain = re.sub("\x1b\\[[0-9;]*m", "", result.out)
    assert "Talks in Minsk\\u202e on March 6, 2023\\x1b]0;x\\x07." in plain, plain
