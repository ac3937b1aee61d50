"""The dataset keeps the fidelity rules: own words, the article's precision, nothing from outside."""

from __future__ import annotations

import re

import pytest
from helpers import DATA

from cstofacts import store
from cstofacts.model import Claim
from cstofacts.store.fidelity import lint_dataset
from cstofacts.text import normalize

ARTICLE = (DATA / "article.numbered.txt").read_text(encoding="utf-8")
PARAGRAPHS = {int(n): text for n, text in re.findall(r"\[¶(\d+)\] (.+)", ARTICLE)}
DATASET, TEXT = store.load(None)
CLAIMS = DATASET.claims
VOCABULARY = DATASET.vocabulary
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def cited(claim: Claim) -> str:
    return " ".join(PARAGRAPHS[p] for p in claim.paragraphs)


def test_the_article_has_twenty_numbered_paragraphs() -> None:
    assert sorted(PARAGRAPHS) == list(range(1, 21))


def test_the_bundled_dataset_passes_the_fidelity_lint() -> None:
    assert [str(p) for p in lint_dataset(DATASET, TEXT)] == []


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_summary_is_in_our_own_words(claim: Claim) -> None:
    """No run of seven words of a summary (outside quoted names) appears in the article."""
    unquoted = re.sub(r'"[^"]*"', " ", claim.summary)
    words = normalize(unquoted).split()
    article = normalize(ARTICLE)
    copied = [
        " ".join(words[i : i + 7]) for i in range(len(words) - 6) if " ".join(words[i : i + 7]) in article
    ]
    assert not copied, copied


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_summary_is_one_sentence(claim: Claim) -> None:
    body = re.sub(r"I\.N\.|\d\.|\"[^\"]*\"", "", claim.summary)
    assert claim.summary.rstrip().endswith((".", '."', '".'))
    assert body.rstrip(".").count(". ") == 0


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_quoted_names_are_copied_exactly(claim: Claim) -> None:
    for name in re.findall(r'"([^"]+)"', claim.summary):
        assert name in cited(claim), name


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_evidence_is_quoted_word_for_word_from_a_cited_paragraph(claim: Claim) -> None:
    assert claim.evidence
    for item in claim.evidence:
        assert item.paragraph in claim.paragraphs
        assert " ".join(item.quote.split()) in " ".join(PARAGRAPHS[item.paragraph].split()), item.quote


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_numbers_come_from_the_cited_paragraphs(claim: Claim) -> None:
    for number in re.findall(r"\d+", claim.summary):
        assert re.search(rf"(?<!\d){number}(?!\d)", cited(claim)), number


@pytest.mark.parametrize("claim", [c for c in CLAIMS if c.date], ids=lambda c: c.id)
def test_dates_are_as_precise_as_the_article(claim: Claim) -> None:
    text = cited(claim)
    for value in filter(None, (claim.date, claim.end_date)):
        parts = value.split("-")
        assert parts[0] in text, value
        if len(parts) >= 2:
            month = MONTHS[int(parts[1]) - 1]
            assert month in text, value
        if len(parts) == 3:
            assert re.search(rf"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}\b", text), value
        if claim.date_basis == "stated" and len(parts) == 3:
            assert re.search(rf"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}", text), value


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_places_and_countries_are_named_by_the_article(claim: Claim) -> None:
    text = cited(claim)
    if claim.location:
        assert claim.location in text
    place = VOCABULARY.places.get(claim.location or "")
    for code in claim.countries:
        country = VOCABULARY.countries[code]
        named = any(re.search(rf"\b{re.escape(w)}\b", text) for w in (country.name, *country.adjectives))
        assert named or (place is not None and place.country == code), code


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_organizations_are_named_by_the_article(claim: Claim) -> None:
    # The whole article is about the CSTO, so it may be involved without being named.
    for short in claim.organizations:
        assert short == "CSTO" or re.search(rf"\b{short}\b", cited(claim)), short


def test_source_names_are_copied_exactly() -> None:
    [source] = DATASET.sources
    assert source.analyst is not None
    for value in (source.portal, source.analyst.name, source.analyst.post, *source.analyst.titles):
        assert value and value in ARTICLE, value
    assert source.headline in ARTICLE


def test_every_person_and_place_is_named_by_the_article() -> None:
    for person in VOCABULARY.people.values():
        assert person.name in ARTICLE, person.name
    for name in VOCABULARY.places:
        assert name in ARTICLE, name
