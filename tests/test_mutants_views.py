"""cstofacts.output.views, pinned where mutation testing found the suite silent (docs/testing.md).

The Rich views draw no field of a claim raw: its category, countries, id, summary and
evidence quotes are shown with visible escapes, whatever the validator lets through. In colour,
`show` gives a quote in its whole paragraph: the words before and after it, to the last one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml

from cstofacts.model import Claim, Evidence, Kind
from cstofacts.output import views

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def hostile() -> Claim:
    return Claim(
        id="odd\x1b[2Jid",
        kind=Kind.EVENT,
        category="exer\x1b]0;owned\x07cise",
        date="2023",
        summary="A summary \u202eevil.",
        countries=("B\x9bY",),
        paragraphs=(1,),
        attributed_to="article",
        source="doc",
        evidence=(Evidence(1, "a quote \x1b[31mred and \u2066isolated"),),
    )


@pytest.mark.parametrize("width", [100, 40])  # the list view, and the stacked one
@pytest.mark.parametrize("fields", [None, ("id", "category", "countries", "summary", "evidence")])
def test_the_claims_table_draws_no_field_raw(width: int, fields: tuple[str, ...] | None) -> None:
    console = views.make_console(width, False)
    drawn = views.draw(
        views.claims_table([hostile()], fields, console.width, colour=False, evidence=True), console
    )
    assert RAW.search(drawn) is None, drawn
    flat = "".join(drawn.split())  # wrapped anywhere: compare without the breaks
    shown = [r"\x1b]0;owned\x07", r"B\x9bY", r"\u202eevil", r"\x1b[2Jid"]
    if width > 60 or fields is not None:  # the stacked list view shows no evidence
        shown += [r"\x1b[31mred", r"\u2066isolated"]
    for text in shown:
        assert text.replace(" ", "") in flat, (text, drawn)


def test_show_in_colour_gives_the_whole_paragraph_round_a_quote(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    data = tmp_path / "claims.toml"
    data.write_text(
        HEAD.replace("paragraphs = 5", 'body = ["Talks in Minsk went on, said the envoy."]')
        + claim_toml("talks")
        + 'evidence = [{ paragraph = 1, quote = "Talks in Minsk went on" }]\n',
        encoding="utf-8",
    )
    result = cli("--data", str(data), "--color", "always", "show", "talks", "-f", "table")
    assert (result.code, result.err) == (0, "")
    assert "\x1b[" in result.out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
    assert plain.endswith("\n¶1\n  Talks in Minsk went on, said the envoy.\n")
