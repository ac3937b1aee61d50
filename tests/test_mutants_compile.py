"""cstofacts.store.compile, pinned where mutation testing found the suite silent (docs/testing.md).

What compiling puts in the database, seen where a user meets it: the exported database's
paragraph numbers, the category synonyms that search and its suggestions know, and the
people and places a summary names, found as whole words only.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from helpers import DATA, Result, bundled, claim_toml, write_dataset

ARTICLE = (DATA / "article.numbered.txt").read_text(encoding="utf-8")
PARAGRAPHS = {int(n): text for n, text in re.findall(r"\[¶(\d+)\] (.+)", ARTICLE)}


def test_the_exported_paragraphs_carry_the_articles_numbers(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A Datasette or sqlite3 user looks paragraphs up by the number the claims cite."""
    target = tmp_path / "claims.db"
    assert cli("export", str(target)).code == 0
    db = sqlite3.connect(target)
    try:
        rows = db.execute("SELECT number, text FROM paragraphs ORDER BY number").fetchall()
        # Every evidence quote lies in the paragraph its number names, joined as a user would
        # (¶0 is the headline, which is in the works table, not among the paragraphs).
        pairs = db.execute(
            "SELECT e.paragraph, e.quote, p.text FROM evidence e JOIN claims c ON c.seq = e.claim "
            "JOIN paragraphs p ON p.source = c.source AND p.number = e.paragraph WHERE e.paragraph > 0"
        ).fetchall()
        evidence = db.execute("SELECT count(*) FROM evidence WHERE paragraph > 0").fetchone()[0]
    finally:
        db.close()
    assert [number for number, _ in rows] == list(range(1, 21))
    assert {number: " ".join(text.split()) for number, text in rows} == {
        n: " ".join(t.split()) for n, t in PARAGRAPHS.items()
    }
    assert len(pairs) == evidence > 0
    for number, quote, text in pairs:
        assert " ".join(quote.split()) in " ".join(text.split()), (number, quote)


def exercise_ids() -> set[str]:
    return {c["id"] for c in bundled()["claims"] if c["category"] == "exercise"}


def test_a_category_synonym_finds_the_categorys_claims(cli: Callable[..., Result]) -> None:
    """`drill` is a synonym of `exercise` (data/claims.toml): no exercise summary says it."""
    result = cli("search", "drills", "--fields", "id,category")
    assert result.code == 0, result.err
    rows = [line.split("\t") for line in result.out.splitlines()]
    assert {row[0] for row in rows} == exercise_ids()
    assert {row[1] for row in rows} == {"exercise"}


def test_a_misspelt_category_synonym_is_suggested(cli: Callable[..., Result]) -> None:
    result = cli("search", "drils")
    assert (result.code, result.out) == (1, "")
    assert (
        result.err == "cstofacts: no claim holds 'drils'; did you mean 'drill'?\ncstofacts: no claims match\n"
    )


def test_a_place_is_found_where_a_summary_names_it_as_a_whole_word(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Minsk is a declared place (tests/helpers.py HEAD): "Minskers" does not name it."""
    path = write_dataset(
        tmp_path / "places.toml",
        claim_toml("named", summary="Talks were held in Minsk."),
        claim_toml("inside-a-word", summary="The Minskers met the press."),
        claim_toml("other", summary="Nothing about the city."),
    )
    result = cli("--data", path, "search", "Minsk", "--fields", "id")
    assert (result.code, result.out, result.err) == (0, "named\n", "")
    result = cli("--data", path, "search", "minskers", "--fields", "id")
    assert (result.code, result.out) == (0, "inside-a-word\n")


def test_a_claim_in_a_reported_work_s_voice_is_found_by_its_author_s_name(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The analyst's claim names no one: it is Kirill Babaev's view because his analysis speaks
    as the analyst (its `voice`), and he is a declared person."""
    from test_mutants_lint import HEAD

    head = HEAD.replace("[[sources]]", '[people.kirill-babaev]\nname = "Kirill Babaev"\n\n[[sources]]', 1)
    claims = (
        claim_toml(
            "outlook",
            kind="assessment",
            summary="An analysis appeared on a portal.",
            paragraphs=[3],
            attributed_to="analyst",
            evidence=None,
        )
        + 'evidence = [{ paragraph = 3, quote = "appeared on the portal" }]\n'
        + claim_toml("talks", summary="Talks were held.", paragraphs=[1], evidence=None)
        + 'evidence = [{ paragraph = 1, quote = "the CSTO held talks" }]\n'
    )
    path = tmp_path / "voice.toml"
    path.write_text(head + claims, encoding="utf-8")
    assert cli("--data", str(path), "validate").code == 0
    for words in (["Babaev"], ["Kirill", "Babaev"]):
        result = cli("--data", str(path), "search", *words, "--fields", "id")
        assert (result.code, result.out, result.err) == (0, "outlook\n", "")
