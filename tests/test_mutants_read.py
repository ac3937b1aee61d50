"""cstofacts.cli.commands.read, pinned where mutation testing found the suite silent (docs/testing.md).

The source's id may come first, before the paragraph numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers import Result


def test_a_source_named_first_reads_its_paragraphs(cli: Callable[..., Result]) -> None:
    result = cli("read", "csto-adapts-to-global-changes", "1", "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith('[\n{"paragraph": 1, "text": "')
    assert result.out.count('"paragraph"') == 1


def test_an_unknown_source_named_first_is_refused(cli: Callable[..., Result]) -> None:
    result = cli("read", "no-such-source", "1")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("cstofacts: error: SOURCE: ")
