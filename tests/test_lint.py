"""The fidelity lint catches invented names, numbers, dates, places, copied runs and bad evidence."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from helpers import DATA, ROOT

from cstofacts.store.lint import Finding, fold, lint_claim, quote_in

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

P8 = (
    "Immediately after his appointment, the new Secretary General of the CSTO intensified efforts to "
    "normalize the situation at the Kyrgyz-Tajik border. On March 6, 2023, a meeting was held in Minsk to "
    "discuss proposals for reducing tensions between Kyrgyz and Tajik people."
)
P9 = (
    "As a result of the CSTO summit, 15 documents were signed addressing current issues of international "
    "security and crisis response mechanisms, as well as a provision on the joint press center of the CSTO."
)
P10 = (
    'In 2023, five maneuvers were conducted in Belarus as part of the "Combat Brotherhood – 2023" exercise, '
    'including the "Interaction-2023" exercise.'
)
P11 = (
    "In 2024, the focus was on developing CSTO relations with international organizations. "
    "On November 18, the UN General Assembly adopted a resolution on cooperation with the CSTO."
)
P13 = (
    "Bilateral consultations held in 2024-2025 led to the signing on March 31, 2025, in Khujand of a border "
    "agreement between Tajikistan, Kyrgyzstan, and Uzbekistan, marking a significant step towards "
    "stability in the region."
)
NAMES = {"Kyrgyzstan", "Tajikistan", "Uzbekistan", "Collective Security Treaty Organization", "Khujand"}

# A clean claim: the border agreement of ¶13.
CLEAN: dict[str, Any] = {
    "summary": "Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31, 2025.",
    "location": "Khujand",
    "date": "2025-03-31",
    "end_date": None,
    "date_basis": "stated",
    "date_note": None,
    "evidence": [(13, "the signing on March 31, 2025, in Khujand of a border agreement")],
    "cited": {13: P13},
    "names": NAMES,
}


def lint(**changes: Any) -> list[Finding]:
    return lint_claim(**{**CLEAN, **changes})


def only(findings: list[Finding], key: str, term: str) -> None:
    """Exactly one finding, on `key`, and its message names `term`."""
    assert len(findings) == 1, findings
    [finding] = findings
    assert finding.key == key, finding
    assert term in finding.message, finding
    assert "\n" not in finding.message


def test_fold_and_quote_in() -> None:
    assert fold("  a \n\t b  ") == "a b"
    assert fold("“Quotes” – kept") == "“Quotes” – kept"
    assert quote_in("held in\n  Minsk", P8)
    assert not quote_in("held in Astana", P8)
    assert not quote_in("held in minsk", P8)


def test_a_clean_claim_passes() -> None:
    assert lint() == []


def test_a_mutated_number_is_reported() -> None:
    findings = lint(
        summary="The CSTO summit resulted in 16 signed documents on international security.",
        location=None,
        date=None,
        date_basis=None,
        evidence=[(9, "15 documents were signed")],
        cited={9: P9},
    )
    only(findings, "summary", "'16'")


def test_a_number_word_the_article_does_not_use_is_reported() -> None:
    findings = lint(
        summary="Six maneuvers were held in Belarus in 2023.",
        location=None,
        date=None,
        date_basis=None,
        evidence=[(10, "five maneuvers were conducted in Belarus")],
        cited={10: P10},
    )
    only(findings, "summary", "'six'")


def test_a_mutated_date_is_reported() -> None:
    only(lint(date="2025-03-30"), "date", "2025-03-30")
    summary = "Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 30, 2025."
    only(lint(summary=summary), "summary", "March 30, 2025")


def test_a_date_in_another_written_form_passes() -> None:
    assert lint(summary="The border agreement was signed in Khujand on 31 March 2025.") == []
    assert lint(summary="The border agreement was signed in Khujand in March 2025.") == []


def test_a_date_with_more_precision_than_the_article_is_reported() -> None:
    findings = lint(
        summary="A resolution about cooperating with the CSTO was adopted by the UN General Assembly on November 18, 2024.",
        location=None,
        date="2024-11-18",
        date_basis="inferred",
        date_note='The sentence says only "On November 18"; the paragraph opens "In 2024".',
        evidence=[
            (11, "In 2024, the focus was on developing CSTO relations"),
            (11, "On November 18, the UN General Assembly adopted a resolution"),
        ],
        cited={11: P11},
    )
    only(findings, "summary", "November 18, 2024")


def test_a_year_span_must_be_written_as_a_span_in_the_summary() -> None:
    assert lint(summary="Bilateral talks ran over 2024-2025 before the agreement.") == []
    only(lint(summary="Bilateral talks ran over 2023-2025 before the agreement."), "summary", "2023-2025")
    assert lint(date="2024", end_date="2025", location=None) == []
    only(lint(date="2024", end_date="2026", location=None), "end_date", "2026")


def test_an_invented_name_is_reported() -> None:
    summary = "Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Astana on March 31, 2025."
    only(lint(summary=summary), "summary", "'Astana'")
    only(lint(summary="Astana saw the border agreement signed on March 31, 2025."), "summary", "'Astana'")


def test_names_are_case_sensitive_and_whole_words() -> None:
    summary = "Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in KHUJAND on March 31, 2025."
    only(lint(summary=summary), "summary", "'KHUJAND'")
    # "Kyrgyz" is a declared adjective, but ¶13 only writes "Kyrgyzstan": the summary must use its form.
    only(lint(summary="A Kyrgyz border agreement was signed in Khujand."), "summary", "'Kyrgyz'")


def test_a_run_of_names_must_occur_as_a_whole() -> None:
    only(lint(summary="The Khujand Accord was signed on March 31, 2025."), "summary", "'Khujand Accord'")


def test_curly_quotes_and_en_dashes_match_straight_ones() -> None:
    findings = lint(
        summary="The “Combat Brotherhood - 2023” exercise brought together five maneuvers in Belarus.",
        location="Belarus",
        date="2023",
        evidence=[(10, 'as part of the "Combat Brotherhood – 2023" exercise')],
        cited={10: P10},
    )
    assert findings == []


def test_a_quoted_title_not_in_the_paragraphs_is_reported() -> None:
    findings = lint(
        summary='The "Combat Brotherhood – 2024" exercise brought together five maneuvers in Belarus.',
        location="Belarus",
        date="2023",
        evidence=[(10, "five maneuvers were conducted in Belarus")],
        cited={10: P10},
    )
    assert [f.key for f in findings] == ["summary", "summary"]
    assert "puts 'Combat Brotherhood – 2024' in quotation marks" in findings[0].message
    assert "the number '2024' is not in the evidence" in findings[1].message


def test_a_copied_run_of_six_words_is_reported() -> None:
    summary = "In Khujand a border agreement between Tajikistan, Kyrgyzstan, and Uzbekistan was signed."
    only(lint(summary=summary, date=None), "summary", "a border agreement between Tajikistan, Kyrgyzstan")


def test_a_copied_run_ignores_case_and_punctuation() -> None:
    # ¶13 writes "Bilateral consultations held in 2024-2025 led to the signing".
    summary = "In short, bilateral consultations held in 2024–2025 ... led to the agreement."
    run = "'bilateral consultations held in 2024–2025 ... led to the'"
    only(lint(summary=summary, date=None, location=None), "summary", run)


P2 = (
    'According to Babaev, "2022 became a turning point for a number of international political processes '
    'that led to changes in security both in the post-Soviet space and in the world as a whole."'
)


def test_a_copied_run_inside_quotes_the_article_has_is_allowed() -> None:
    base = {"date": None, "location": None, "evidence": [(2, P2)], "cited": {2: P2}}
    assert (
        lint(
            summary='Babaev calls 2022 "a turning point for a number of international political processes".',
            **base,
        )
        == []
    )
    # Part of a longer quotation may be quoted, with the article's punctuation left off at the end.
    assert lint(summary='Babaev speaks of "changes in security both in the post-Soviet space".', **base) == []


def test_quotation_marks_the_article_does_not_have_are_reported_and_do_not_hide_a_copied_run() -> None:
    summary = 'The article says the talks were "marking a significant step towards stability in the region".'
    findings = lint(summary=summary, date=None, location=None)
    assert [f.key for f in findings] == ["summary", "summary"]
    assert (
        "puts 'marking a significant step towards stability in the region' in quotation marks"
        in findings[0].message
    )
    assert (
        "copies the 9-word run 'marking a significant step towards stability in the region'"
        in findings[1].message
    )
    # Unquoted by the article, a quoted span's names and numbers are checked like any others.
    findings = lint(summary='Tajikistan signed "the Astana accord".', date=None, location=None)
    assert [f.message for f in findings] == [
        "puts 'the Astana accord' in quotation marks, which the cited paragraphs do not",
        "'Astana' is not in the evidence or cited paragraphs",
    ]


def test_an_evidence_quote_of_fewer_than_four_words_is_refused_unless_a_whole_name_or_title() -> None:
    only(lint(evidence=[(13, "in Khujand")]), "evidence", "shorter than 4 words")
    only(lint(evidence=[(13, "held in 2024-2025")]), "evidence", "held in 2024-2025")
    assert lint(evidence=[(13, "in Khujand of a")]) == []  # four words
    assert lint(evidence=[(13, "consultations held in 2024-2025")]) == []
    assert lint(evidence=[(13, "Khujand")]) == []  # a declared name, whole
    assert lint(summary="Khujand saw a border agreement.", date=None, evidence=[(13, "Khujand")]) == []
    # A title the paragraph puts in quotation marks, whole, with or without its marks.
    title = {
        "summary": 'The "Combat Brotherhood – 2023" exercise took place.',
        "date": None,
        "location": None,
    }
    for quote in ('"Combat Brotherhood – 2023"', "Combat Brotherhood – 2023", '"Interaction-2023"'):
        assert lint(**title, evidence=[(10, quote)], cited={10: P10}) == [], quote
    only(
        lint(**title, evidence=[(10, "Combat Brotherhood")], cited={10: P10}),
        "evidence",
        "Combat Brotherhood",
    )


def test_an_inferred_date_needs_a_quote_that_writes_its_year() -> None:
    claim = {
        "summary": "A resolution about cooperating with the CSTO was adopted by the UN General Assembly on November 18.",
        "location": None,
        "date": "2024-11-18",
        "date_basis": "inferred",
        "date_note": 'The paragraph opens "In 2024".',
        "cited": {11: P11},
    }
    resolution = (11, "On November 18, the UN General Assembly adopted a resolution")
    only(lint(**claim, evidence=[resolution]), "evidence", "no evidence quote writes the year 2024")
    assert (
        lint(**claim, evidence=[(11, "In 2024, the focus was on developing CSTO relations"), resolution])
        == []
    )
    # A stated date is in the sentence quoted already; nothing more is asked.
    assert lint(evidence=[(13, "the signing on March 31, 2025, in Khujand")]) == []


def test_a_copied_run_inside_a_declared_name_is_allowed() -> None:
    cited = {8: P8 + " It met the Organization for Security and Co-operation in Europe."}
    summary = "The Organization for Security and Co-operation in Europe was named."
    base = {"date": None, "location": None, "evidence": [(8, "On March 6, 2023")], "cited": cited}
    only(lint(summary=summary, **base), "summary", "Organization for Security and Co-operation in Europe")
    names = {"Organization for Security and Co-operation in Europe"}
    assert lint(summary=summary, names=names, **base) == []


def test_a_quote_not_in_its_paragraph_is_reported() -> None:
    only(
        lint(evidence=[(13, "in Astana of a border agreement")]),
        "evidence",
        "in Astana of a border agreement",
    )


def test_a_quote_from_an_uncited_paragraph_is_reported() -> None:
    findings = lint(evidence=[(13, "in Khujand of a border agreement"), (9, "15 documents were signed")])
    only(findings, "evidence", "¶9")


def test_a_claim_without_evidence_is_reported() -> None:
    only(lint(evidence=[]), "evidence", "no evidence")


def test_an_invented_location_is_reported() -> None:
    only(lint(location="Astana"), "location", "'Astana'")


def test_an_inferred_date_needs_a_note() -> None:
    claim = {
        "summary": "A resolution about cooperating with the CSTO was adopted by the UN General Assembly on November 18.",
        "location": None,
        "date": "2024-11-18",
        "date_basis": "inferred",
        "evidence": [
            (11, "In 2024, the focus was on developing CSTO relations"),
            (11, "On November 18, the UN General Assembly adopted a resolution"),
        ],
        "cited": {11: P11},
    }
    only(lint(**claim, date_note=None), "date_note", "2024-11-18")
    assert lint(**claim, date_note='The sentence says "On November 18"; the paragraph opens "In 2024".') == []
    only(lint(**claim, date_note='The paragraph opens "In 2023".'), "date_note", "In 2023")
    note = "The paragraph gives the year."
    only(lint(**{**claim, "date": "2024-11-19"}, date_note=note), "date", "November 19")
    findings = lint(**{**claim, "date": "2023-11-18"}, date_note=note)
    assert [f.key for f in findings] == ["date", "evidence"]  # nor does any quote write 2023
    assert "the year '2023' is not in the evidence" in findings[0].message
    # Stated, the full date would have to be written in the paragraph.
    only(lint(**{**claim, "date_basis": "stated"}, date_note=note), "date", "2024-11-18")


def test_a_malformed_date_is_reported() -> None:
    only(lint(date="2025-13-01"), "date", "2025-13-01")


def test_a_long_summary_lints_quickly() -> None:
    summary = "The Secretary General met Kyrgyz and Tajik people in Minsk on March 6, 2023, for talks. " * 120
    assert len(summary) > 10_000
    started = time.perf_counter()
    lint_claim(
        summary=summary,
        location="Minsk",
        date="2023-03-06",
        end_date=None,
        date_basis="stated",
        date_note=None,
        evidence=[(8, "On March 6, 2023, a meeting was held in Minsk")],
        cited={8: P8, 9: P9},
        names=NAMES,
    )
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------------------
# The bundled dataset
# ---------------------------------------------------------------------------

DATASET = tomllib.loads((ROOT / "data" / "claims.toml").read_text(encoding="utf-8"))
ARTICLE = (DATA / "article.numbered.txt").read_text(encoding="utf-8")
PARAGRAPHS = {int(n): text for n, text in re.findall(r"^\[¶(\d+)\] (.*)$", ARTICLE, re.MULTILINE)}
[SOURCE] = DATASET["sources"]
BODY: list[str] = SOURCE["body"]
CLAIMS: list[dict[str, Any]] = DATASET["claims"]


def vocabulary_names(data: Mapping[str, Any]) -> set[str]:
    """Every name the vocabulary tables declare."""

    def each() -> Iterator[str]:
        yield from data["categories"]
        for country in data["countries"].values():
            yield country["name"]
            yield from country.get("adjectives", [])
            yield from country.get("aliases", [])
        for short, organization in data["organizations"].items():
            yield short
            yield organization["name"]
            yield from organization.get("aliases", [])
        for place, table in data["places"].items():
            yield place
            yield from table.get("aliases", [])
        for person in data["people"].values():
            yield person["name"]
            yield from person.get("aliases", [])

    return set(each())


def test_the_source_body_is_the_article_exactly() -> None:
    assert DATASET["schema"] == 3
    assert "paragraphs" not in SOURCE
    assert len(BODY) == 20
    body = [PARAGRAPHS[n] for n in range(1, 21)]
    assert body == BODY


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_bundled_claim_has_no_findings(claim: dict[str, Any]) -> None:
    assert claim.get("evidence"), "no evidence"
    findings = lint_claim(
        summary=claim["summary"],
        location=claim.get("location"),
        date=claim.get("date"),
        end_date=claim.get("end_date"),
        date_basis=claim.get("date_basis"),
        date_note=claim.get("date_note"),
        evidence=[(e["paragraph"], e["quote"]) for e in claim["evidence"]],
        cited={n: BODY[n - 1] if n else SOURCE["headline"] for n in claim["paragraphs"]},
        names=vocabulary_names(DATASET),
    )
    assert findings == []


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_bundled_evidence_covers_every_cited_paragraph(claim: dict[str, Any]) -> None:
    quoted = {e["paragraph"] for e in claim["evidence"]}
    assert quoted == set(claim["paragraphs"])


def test_every_paragraph_is_cited() -> None:
    cited = {n for claim in CLAIMS for n in claim["paragraphs"]}
    assert cited == set(range(0, 21))  # ¶0 is the headline


def test_no_alias_is_shared() -> None:
    seen: dict[str, str] = {}
    for table in ("countries", "organizations", "places", "people"):
        for key, entry in DATASET[table].items():
            for alias in entry.get("aliases", []):
                assert seen.setdefault(alias.casefold(), f"{table}.{key}") == f"{table}.{key}", alias


def test_places_lie_in_declared_countries() -> None:
    for place in DATASET["places"].values():
        assert place["country"] in DATASET["countries"]
