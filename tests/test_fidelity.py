"""The dataset keeps the fidelity rules: own words, the article's precision, nothing from outside."""

from __future__ import annotations

import re
from typing import Any

import pytest
from helpers import DATA, bundled

from cstofacts import store
from cstofacts.store.fidelity import lint_dataset
from cstofacts.text import normalize

ARTICLE = (DATA / "article.numbered.txt").read_text(encoding="utf-8")
HEADER = dict(re.findall(r"^# (Headline|Byline \(as printed on the page\)): (.+)$", ARTICLE, re.MULTILINE))
HEADLINE, BYLINE = HEADER["Headline"], HEADER["Byline (as printed on the page)"]
# The body ¶1–¶20, and the headline as ¶0, as the dataset cites it.
PARAGRAPHS = {0: HEADLINE} | {int(n): text for n, text in re.findall(r"\[¶(\d+)\] (.+)", ARTICLE)}


class Record(dict[str, Any]):
    """A TOML table read straight from the file, its keys as attributes (None where absent): the
    audit reads the dataset on its own, not through the loader it would then be checking."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


RAW = bundled()
CLAIMS = [
    Record(
        entry,
        countries=entry.get("countries", []),
        organizations=entry.get("organizations", []),
        evidence=[Record(item) for item in entry.get("evidence", [])],
    )
    for entry in RAW["claims"]
]
VOCABULARY = Record(
    places={name: Record(entry) for name, entry in RAW["places"].items()},
    countries={
        code: Record(entry, adjectives=entry.get("adjectives", []))
        for code, entry in RAW["countries"].items()
    },
    people={slug: Record(entry) for slug, entry in RAW["people"].items()},
)
SOURCES = [
    Record(s, reports=[Record(w, author_titles=w.get("author_titles", [])) for w in s.get("reports", [])])
    for s in RAW["sources"]
]
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


def cited(claim: Record) -> str:
    return " ".join(PARAGRAPHS[p] for p in claim.paragraphs)


def test_the_article_has_twenty_numbered_paragraphs_under_its_headline() -> None:
    assert sorted(PARAGRAPHS) == list(range(0, 21))


def test_the_bundled_dataset_passes_the_fidelity_lint() -> None:
    dataset, text = store.load(None)
    assert [str(p) for p in lint_dataset(dataset, text)] == []


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_summary_is_in_our_own_words(claim: Record) -> None:
    """No run of seven words of a summary (outside quoted names) appears in the article."""
    unquoted = re.sub(r'"[^"]*"', " ", claim.summary)
    words = normalize(unquoted).split()
    article = normalize(ARTICLE)
    copied = [
        " ".join(words[i : i + 7]) for i in range(len(words) - 6) if " ".join(words[i : i + 7]) in article
    ]
    assert not copied, copied


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_summary_is_one_sentence(claim: Record) -> None:
    body = re.sub(r"I\.N\.|\d\.|\"[^\"]*\"", "", claim.summary)
    assert claim.summary.rstrip().endswith((".", '."', '".'))
    assert body.rstrip(".").count(". ") == 0


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_quoted_names_are_copied_exactly(claim: Record) -> None:
    for name in re.findall(r'"([^"]+)"', claim.summary):
        assert name in cited(claim), name


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_evidence_is_quoted_word_for_word_from_a_cited_paragraph(claim: Record) -> None:
    assert claim.evidence
    for item in claim.evidence:
        assert item.paragraph in claim.paragraphs
        assert " ".join(item.quote.split()) in " ".join(PARAGRAPHS[item.paragraph].split()), item.quote


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_numbers_come_from_the_cited_paragraphs(claim: Record) -> None:
    for number in re.findall(r"\d+", claim.summary):
        assert re.search(rf"(?<!\d){number}(?!\d)", cited(claim)), number


@pytest.mark.parametrize("claim", [c for c in CLAIMS if c.date], ids=lambda c: c.id)
def test_dates_are_as_precise_as_the_article(claim: Record) -> None:
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
def test_places_and_countries_are_named_by_the_article(claim: Record) -> None:
    text = cited(claim)
    if claim.location:
        assert claim.location in text
    place = VOCABULARY.places.get(claim.location or "")
    for code in claim.countries:
        country = VOCABULARY.countries[code]
        named = any(re.search(rf"\b{re.escape(w)}\b", text) for w in (country.name, *country.adjectives))
        assert named or (place is not None and place.country == code), code


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_organizations_are_named_by_the_article(claim: Record) -> None:
    # The whole article is about the CSTO, so it may be involved without being named.
    for short in claim.organizations:
        assert short == "CSTO" or re.search(rf"\b{short}\b", cited(claim)), short


def test_the_two_works_are_as_the_article_presents_them() -> None:
    [source] = SOURCES
    assert source.headline == HEADLINE
    # The byline line prints the name, then the section.
    assert f"{source.byline} {source.section}" == BYLINE
    assert (
        source.byline_romanized is not None and source.byline_romanized not in ARTICLE
    )  # ours, marked as such
    assert source.venue is None  # the page does not say where the report appeared
    [work] = source.reports
    for value in (work.author, work.author_post, *work.author_titles, work.venue, work.venue_type):
        assert value and value in PARAGRAPHS[1], value
    assert f"{work.period_start}-{work.period_end}" in PARAGRAPHS[1]
    assert work.title is None  # ¶1 gives no title, and the report no date for either work


def test_every_person_and_place_is_named_by_the_article() -> None:
    for person in VOCABULARY.people.values():
        assert person.name in ARTICLE, person.name
    for name in VOCABULARY.places:
        assert name in ARTICLE, name


# -- the audit, claim by claim ------------------------------------------------------------------------
#
# Every claim was checked against the article, and this table records, for each, the rule its
# attribution and its date were checked against, and what the check found. It is written by hand,
# not derived from the data: a new claim has no entry until someone has checked it, and fails.
#
# Attribution (the dataset's rule: a view is the analyst's only where the text says so):
#   NAMED     attributed to the analyst: the quoted sentence names him ("According to Babaev",
#             "The author emphasizes", "concludes the author").
#   REPORT    the report's own voice: facts it reports, and its headline; no note needed.
#   UNNAMED   a judgement or account in a sentence that names no speaker: attributed to the
#             report ("article"), with an attribution_note saying the text leaves it open.
# Dating:
#   UNDATED   the article gives the claim no date of its own (a date it mentions stays in the summary).
#   STATED    the sentence that states the claim gives its date.
#   INFERRED  the date comes from a neighbouring sentence, which the evidence quotes, and a
#             date_note says how.
NAMED, REPORT, UNNAMED = "named speaker", "report's voice", "unnamed speaker"
UNDATED, STATED, INFERRED = "undated", "stated date", "inferred date"

AUDIT: dict[str, tuple[str, str, str]] = {
    "headline-csto-proved-adaptable": (REPORT, UNDATED, "the headline's verdict, cited as ¶0"),
    "babaev-analysis-published": (REPORT, UNDATED, "¶1: Babaev's article, not the report, is on the portal"),
    "csto-reaffirmed-regional-role": (NAMED, UNDATED, "¶1 'The author emphasizes'"),
    "2022-turning-point": (NAMED, STATED, "¶2 'According to Babaev'; the turning point is 2022"),
    "pressure-on-moscow-and-allies": (UNNAMED, UNDATED, "¶2's second sentence names no speaker"),
    "armenia-change-of-position": (UNNAMED, UNDATED, "same sentence as the pressure"),
    "priority-tasks-follow-from-2022-shift": (UNNAMED, UNDATED, "¶3 'In this regard' links ¶2 to the tasks"),
    "task-counter-nato": (UNNAMED, UNDATED, "¶3-¶4"),
    "task-prevent-crises": (UNNAMED, UNDATED, "¶3-¶5; January 2022 is the scenario's date, not the task's"),
    "task-internal-unity": (UNNAMED, UNDATED, "¶3, ¶6"),
    "task-transnational-threats": (UNNAMED, UNDATED, "¶3, ¶7"),
    "secretary-general-border-efforts": (REPORT, UNDATED, "'immediately after his appointment': no year"),
    "minsk-meeting-2023-03-06": (REPORT, STATED, "¶8 'On March 6, 2023'"),
    "secretary-general-visits-kg-tj": (REPORT, UNDATED, "¶8, no date given"),
    "peacekeeping-ties-with-un": (REPORT, UNDATED, "¶8, no date given"),
    "summit-15-documents": (REPORT, UNDATED, "¶9, the summit is not dated"),
    "joint-press-center-provision": (REPORT, UNDATED, "¶9"),
    "combat-brotherhood-2023": (REPORT, STATED, "¶10: five maneuvers in Belarus were part of it, no more"),
    "interaction-2023": (REPORT, STATED, "¶10, one of the five"),
    "search-2023": (REPORT, STATED, "¶10, one of the five"),
    "echelon-2023": (REPORT, STATED, "¶10, one of the five"),
    "barrier-2023": (REPORT, STATED, "¶10, one of the five"),
    "rock-2023": (REPORT, STATED, "¶10, one of the five"),
    "unbreakable-brotherhood-2023": (REPORT, INFERRED, "'also took place' after 'In 2023, five maneuvers'"),
    "unbreakable-brotherhood-deeper-cooperation": (UNNAMED, UNDATED, "¶10 'confirming the course'; in KG"),
    "2024-focus-international-organizations": (REPORT, STATED, "¶11 'In 2024, the focus was'"),
    "security-council-meeting-2024-07-19": (REPORT, STATED, "¶11 'July 19, 2024'; which council is not said"),
    "un-general-assembly-resolution": (REPORT, INFERRED, "'On November 18' in the paragraph on 2024"),
    "beijing-roadmap-2025-09-03": (REPORT, STATED, "¶12 'September 3, 2025, in Beijing'"),
    "roadmap-against-transnational-threats": (UNNAMED, UNDATED, "¶12 'an important step'"),
    "secretary-general-role-kg-tj": (UNNAMED, UNDATED, "¶13 'An important aspect'"),
    "bilateral-consultations-2024-2025": (REPORT, STATED, "¶13 'held in 2024-2025'; parties not named"),
    "khujand-border-agreement-2025-03-31": (REPORT, STATED, "¶13 'March 31, 2025, in Khujand'"),
    "khujand-agreement-stability": (UNNAMED, UNDATED, "¶13 'a significant step'"),
    "dostuk-order-award": (REPORT, UNDATED, "¶13; who awarded it is not said"),
    "2025-work-with-cis-sco": (REPORT, STATED, "¶14: an ongoing activity, so background"),
    "collective-forces-exercises-2025": (REPORT, INFERRED, "follows ¶14's 'In 2025, the CSTO continued'"),
    "military-cooperation-plan-2026-2030": (REPORT, STATED, "¶15 'May 28, 2025'; the plan's name unquoted"),
    "tasmagambetov-appointed": (REPORT, UNDATED, "¶8 and ¶16; the appointment is not dated"),
    "appointment-new-impetus": (UNNAMED, UNDATED, "¶16 'Thus', no speaker"),
    "key-player-in-eurasia": (UNNAMED, UNDATED, "¶17, no speaker"),
    "coordination-with-cis-sco-foundation": (UNNAMED, UNDATED, "¶17, no speaker"),
    "babaev-conclusion-key-structure": (NAMED, UNDATED, "¶18 'concludes the author'"),
    "reporting-period-successes": (UNNAMED, UNDATED, "¶19, after the author's conclusion"),
    "international-status-strengthened": (UNNAMED, UNDATED, "¶19, after the author's conclusion"),
    "foundation-for-adaptation": (UNNAMED, UNDATED, "¶20, after the author's conclusion"),
}
SPEAKER = re.compile(r"\bBabaev\b|\bthe author\b|\bThe author\b")


def test_every_claim_has_an_audit_entry_and_every_entry_a_claim() -> None:
    ids = [c.id for c in CLAIMS]
    assert [i for i in ids if i not in AUDIT] == [], "claims nobody has audited: add them to AUDIT"
    assert [i for i in AUDIT if i not in ids] == [], "AUDIT entries for claims that no longer exist"


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_attribution_follows_the_rule_the_audit_checked(claim: Record) -> None:
    rule = AUDIT[claim.id][0]
    names_speaker = any(SPEAKER.search(e.quote) for e in claim.evidence)
    if rule == NAMED:
        assert (claim.attributed_to, names_speaker) == ("analyst", True)
    elif rule == REPORT:
        assert (claim.attributed_to, claim.attribution_note) == ("article", None)
    else:
        assert claim.attributed_to == "article" and claim.attribution_note
        assert not names_speaker


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_dating_follows_the_rule_the_audit_checked(claim: Record) -> None:
    rule = AUDIT[claim.id][1]
    if rule == UNDATED:
        assert (claim.date, claim.date_basis) == (None, None)
        return
    assert claim.date is not None
    year = claim.date[:4]
    showing = [e.quote for e in claim.evidence if re.search(rf"(?<!\d){year}(?!\d)", e.quote)]
    if rule == STATED:
        assert claim.date_basis == "stated" and showing
    else:
        assert claim.date_basis == "inferred" and claim.date_note
        # The evidence quotes the words that date the claim, not a bare "In 2024".
        assert any(len(q.split()) >= 4 and q.startswith(f"In {year}") for q in showing), showing
