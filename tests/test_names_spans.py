"""The fidelity lint's reading of a summary's names and quoted spans, as `validate` reports it.

A full stop after initials such as "e.g." does not end the sentence, so the capitalised word after
it is a name to find in the paragraphs. The article word just before a quoted title belongs with
that title (a run of it and the title is no copying), but an article word that closes one quoted
title stays with it: a run across it and the next title is copying.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import HEAD, Result, claim_toml

Cli = Callable[..., Result]
BODY = (
    "Several members of the union signed the treaty in Minsk.",
    'The drills were once called "Plan A"; a "Shield of the Union 2024" exercise followed in Minsk.',
)
TITLE_QUOTE = 'a "Shield of the Union 2024" exercise followed'


def checked(cli: Cli, tmp_path: Path, summary: str, paragraph: int, quote: str) -> tuple[str, Result]:
    """Validate a dataset of one claim citing `paragraph` of BODY with one evidence quote."""
    body = "body = [" + ", ".join(f"'{text}'" for text in BODY) + "]"
    claim = claim_toml("c", summary=summary, paragraphs=[paragraph])
    evidence = f"evidence = [{{ paragraph = {paragraph}, quote = '{quote}' }}]\n"
    text = HEAD.replace("paragraphs = 5", body) + claim + evidence
    path = tmp_path / "names.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("summary = " + '"' + summary.replace('"', '\\"') + '"') + 1
    return f"cstofacts: {path}:{line}: claim 'c': ", cli("validate", str(path))


def test_a_capitalised_word_after_e_g_is_a_name_not_a_sentence_s_first_word(cli: Cli, tmp_path: Path) -> None:
    # The paragraph writes "union" in lower case only: at a sentence's start "Union" would be that
    # word, capitalised; after "e.g." the sentence goes on, and "Union" is a name it does not hold.
    at, result = checked(
        cli,
        tmp_path,
        "Several members, e.g. Union delegates, signed the treaty.",
        1,
        "Several members of the union signed the treaty",
    )
    assert (result.code, result.out) == (3, "")
    assert result.err == f"{at}'Union' is not in the evidence or cited paragraphs\n"


def test_the_article_word_before_a_quoted_title_belongs_with_it(cli: Cli, tmp_path: Path) -> None:
    # "a" and the five words of the title are six words of the paragraph, but quoted, not copied.
    summary = 'Drills in Minsk followed a "Shield of the Union 2024" plan.'
    _, result = checked(cli, tmp_path, summary, 2, TITLE_QUOTE)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"{tmp_path / 'names.toml'}: ok, 1 claims, 1 source\n"


def test_an_article_word_ending_one_quoted_title_is_not_taken_into_the_next(cli: Cli, tmp_path: Path) -> None:
    # The "A" of "Plan A" is quoted with its own title: the six words from it to the end of the
    # next title run across two quotations, as the paragraph writes them in a row.
    summary = 'Drills named "Plan A", "Shield of the Union 2024" were held.'
    at, result = checked(cli, tmp_path, summary, 2, TITLE_QUOTE)
    assert (result.code, result.out) == (3, "")
    assert result.err == f"{at}copies the 6-word run 'A\", \"Shield of the Union 2024' from ¶2\n"
