"""How ask reads a reader's wording, pinned by behaviour rather than by one question of a set."""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Callable

import pytest
from helpers import ROOT, Result, bundled, ids, involved

from cstofacts import text
from cstofacts.query.asking import QUESTION_WORDS_ASK, asked_head, asks_for
from cstofacts.query.matching import _filler

CLAIMS = {claim["id"]: claim for claim in bundled()["claims"]}
# Every declared name, of one word or many, as a possessor.
NAMES = sorted(
    entry["name"] for table in ("countries", "organizations", "people") for entry in bundled()[table].values()
)

POST = (
    "the article it reports, author's post: the director of the Institute of China and Modern Asia"
    " of the Russian Academy of Sciences (¶1)\n"
)


@pytest.mark.parametrize("verb", ["hold", "holds", "holding", "held"])
def test_a_filler_verb_in_any_form_does_not_keep_a_source_question_from_its_record(
    cli: Callable[..., Result], verb: str
) -> None:
    result = cli("ask", f"what position does the analyst {verb}")
    assert (result.code, result.out) == (0, POST)


@pytest.mark.parametrize("word", ["happens", "happening", "taking", "conducted", "takes"])
def test_regular_forms_of_filler_verbs_are_filler(word: str) -> None:
    assert _filler(word)


@pytest.mark.parametrize("word", ["holder", "maker", "threats", "meeting"])
def test_other_words_made_from_them_are_not(word: str) -> None:
    assert not _filler(word)


def read_as(result: Result) -> str:
    return next(line for line in result.err.splitlines() if "read as:" in line)


def test_a_date_that_describes_what_is_asked_is_read_as_its_words(cli: Callable[..., Result]) -> None:
    # A claim is dated 2022 (the turning point), but none of the question's other words is in it;
    # the claim whose text says "January 2022" holds them all.
    result = cli("ask", "what crises like the January 2022 events did the csto want to prevent", "--explain")
    assert result.code == 0
    assert ids(result) == ["task-prevent-crises"]
    assert read_as(result) == "cstofacts: read as: cstofacts search crises prevent 'January 2022' --sort date"
    assert "cstofacts: 'January 2022': words claims hold (a description, not when)" in result.err


@pytest.mark.parametrize("question", ["which events took place in 2023–2025", "what happened in 2023-2025"])
def test_years_alone_say_when_though_a_claim_writes_them(cli: Callable[..., Result], question: str) -> None:
    # One claim's text writes "2023-2025" (Babaev's article covers those years); a question of
    # the years alone asks what happened then, not for that claim.
    result = cli("ask", question, "--explain")
    assert "--year 2023..2025" in read_as(result)
    assert len(ids(result)) > 10


def test_a_date_that_says_when_still_filters(cli: Callable[..., Result]) -> None:
    result = cli("ask", "which meetings were held in March 2023", "--explain")
    assert ids(result) == ["minsk-meeting-2023-03-06"]
    assert read_as(result) == "cstofacts: read as: cstofacts list --within 2023-03 --category meeting"


def test_a_kind_word_a_list_question_lists_filters(cli: Callable[..., Result]) -> None:
    result = cli("ask", "list events", "--explain")
    assert read_as(result) == "cstofacts: read as: cstofacts list --kind event"


def test_the_events_of_a_time_are_what_happened_then_background_dated_then_included(
    cli: Callable[..., Result],
) -> None:
    # A background claim dated in 2024 (the year's focus) happened then; undated background
    # (causes, goals) is left out by the date, and judgements by the kind.
    result = cli("ask", "list events in 2024", "--explain")
    assert read_as(result) == "cstofacts: read as: cstofacts list --year 2024 --kind background --kind event"
    assert "2024-focus-international-organizations" in ids(result)
    assert not any(CLAIMS[i]["kind"] == "assessment" for i in ids(result))


def test_a_kind_word_after_a_word_it_describes_does_not_filter(cli: Callable[..., Result]) -> None:
    result = cli(
        "ask", "which member states' January 2022 events was the secretariat meant to prevent", "--explain"
    )
    assert ids(result) == ["task-prevent-crises"]
    assert "--kind" not in read_as(result)


def test_which_organisations_asks_for_claims_involving_one_not_for_the_word(
    cli: Callable[..., Result],
) -> None:
    # The CSTO is on most claims, so it is not one of those asked for; "regional" describes them.
    result = cli("ask", "which regional organisations did the csto work with in 2025", "--explain")
    # "work with" says only that they worked together: both claims of 2025 involving the CIS and
    # the SCO answer it, the year's work and the roadmap signed with them.
    assert ids(result) == ["2025-work-with-cis-sco", "beijing-roadmap-2025-09-03"]
    assert read_as(result) == (
        "cstofacts: read as: cstofacts list --year 2025 --org CIS --org NATO --org SCO --org UN"
    )
    assert (
        "cstofacts: 'organisations': asks which organization: claims involving one of CIS, NATO, SCO, UN"
        in (result.err)
    )
    assert "cstofacts: 'regional': describes the organization asked for" in result.err


def test_which_organizations_signed_lists_the_claims_naming_one(cli: Callable[..., Result]) -> None:
    # "the roadmap" names a particular thing: the agreement itself, not the judgement of it that
    # also holds "signed" and "roadmap" (roadmap-against-transnational-threats).
    result = cli("ask", "which organizations signed the roadmap")
    assert ids(result) == ["beijing-roadmap-2025-09-03"]
    assert ids(cli("ask", "which organizations signed a roadmap")) == [
        "beijing-roadmap-2025-09-03",
        "roadmap-against-transnational-threats",
    ]


def test_which_countries_besides_one_asks_which_others(cli: Callable[..., Result]) -> None:
    # Kyrgyzstan is put out of the answer's sort, not made a filter: the agreement it signed with
    # others names them.
    result = cli("ask", "which countries besides Kyrgyzstan signed the border agreement", "--explain")
    assert "'kyrgyzstan': country KG: left out" in result.err
    assert "--country KG" not in read_as(result) and "--not-country" not in read_as(result)
    assert "khujand-border-agreement-2025-03-31" in ids(result)
    assert all(_involving(set(COUNTRY_CODES) - {"KG"}) >= {i} for i in ids(result))


def test_a_month_outside_another_date_of_the_question_is_no_reading_that_cannot_run(
    cli: Callable[..., Result],
) -> None:
    # Found by tests/test_ask_reading.py: the month and "before 2024" made --since after --until.
    asked = cli("ask", "--explain", "2023 March 2025 before 2024")
    assert (asked.code, asked.out) == (1, "")
    command = read_as(asked).removeprefix("cstofacts: read as: cstofacts ").split()
    assert cli(*command).code == 1


def test_the_analyst_ranks_when_claims_not_his_hold_more_of_the_question(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what does the analyst say about the csto's ability to adapt", "--explain")
    assert ids(result)[:2] == ["foundation-for-adaptation", "headline-csto-proved-adaptable"]
    assert read_as(result) == "cstofacts: read as: cstofacts search adapt csto --any --limit 3"
    assert (
        "cstofacts: 'analyst': the analyst: claims not his hold more of the words, so it does not filter"
        in (result.err)
    )


def test_the_analyst_filters_when_his_claims_hold_the_question(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what does the author say about the turning point", "--explain")
    assert ids(result) == ["2022-turning-point"]
    assert (
        read_as(result)
        == "cstofacts: read as: cstofacts search turning point --any --attributed-to analyst --limit 3"
    )


REPORT_AUTHOR = "the report, author: Арестова Татьяна (romanised: Arestova Tatyana; the page prints only the former) (header)\n"
ANALYST = "the article it reports, author: Kirill Babaev (¶1)\n"


@pytest.mark.parametrize(
    "question",
    [
        "Who is the author of the report?",  # "author" asks the field; it names no one work
        "Who wrote the original article?",  # an adjective no claim holds says nothing of the field
        "who is the journalist",  # asked who, a word for the author asks for the author
        # The years a work covers (its period_start..period_end) describe it: still the works'.
        "Who wrote the analysis of the CSTO's 2023–2025 work?",
        "who wrote the review of 2023-2025",
    ],
)
def test_who_wrote_it_is_answered_with_both_works_authors(cli: Callable[..., Result], question: str) -> None:
    result = cli("ask", question)
    assert (result.code, result.out) == (0, REPORT_AUTHOR + ANALYST)


def test_years_other_than_a_works_period_ask_the_claims(cli: Callable[..., Result]) -> None:
    for question in ("who wrote the review of 2024", "who wrote the analysis of 2023-2024"):
        result = cli("ask", "--explain", question)
        assert ANALYST not in result.out, question
        assert "cstofacts source" not in result.err, question


def test_a_field_word_as_typed_is_that_fields_alone(cli: Callable[..., Result]) -> None:
    # "titles" are the author's; its singular, "title", would also ask for the headline.
    result = cli("ask", "What academic titles does Babaev have?")
    assert (result.code, result.out) == (
        0,
        "the article it reports, author's titles: Doctor of Philological Sciences, professor (¶1)\n",
    )


def test_a_word_claims_hold_still_makes_it_a_question_for_the_claims(cli: Callable[..., Result]) -> None:
    # "peacekeeping" is a word claims hold: the question is for the claims, and the one saying
    # whose analysis it is comes first. Without it ("… of the CSTO's work?") the works' own
    # records answer who wrote what.
    result = cli("ask", "who wrote the analysis of the CSTO's peacekeeping?")
    assert ids(result)[0] == "babaev-analysis-published"
    works = cli("ask", "who wrote the analysis of the CSTO's work?")
    assert "the article it reports, author: Kirill Babaev (¶1)" in works.out.splitlines()


def test_a_day_of_a_month_is_not_a_count(cli: Callable[..., Result]) -> None:
    # The Minsk meeting's claim says "March 6, 2023": a date, not how many.
    result = cli("ask", "How many people died in the Kyrgyz-Tajik conflict?")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        "cstofacts: the article does not say how many (nearest claims, not an answer: "
    )


def test_a_count_is_still_a_count(cli: Callable[..., Result]) -> None:
    result = cli("ask", "how many maneuvers were held in belarus")
    assert result.code == 0
    assert ids(result)[0] == "combat-brotherhood-2023"


@pytest.mark.parametrize(("question", "verb"), [("When was the CSTO founded?", "founded"),
                                                ("Where is the CSTO headquartered?", "headquartered")])  # fmt: skip
def test_what_no_claim_says_of_an_entity_on_most_claims_is_not_answered(
    cli: Callable[..., Result], question: str, verb: str
) -> None:
    result = cli("ask", question)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"cstofacts: the article does not say anything about: {verb}\n"


def test_a_verb_claims_hold_is_answered(cli: Callable[..., Result]) -> None:
    result = cli("ask", "What did the CSTO achieve?")
    assert result.code == 0
    assert ids(result)[0] == "babaev-analysis-published"


@pytest.mark.parametrize(
    ("question", "first", "reading"),
    [
        # "which town" asks where, as "where" does: one place, the best few claims that say it
        # ("which towns" lists the claims at the declared places: test_which_cities_in_the_plural_still_lists)
        (
            "in which town was the border agreement signed",
            "khujand-border-agreement-2025-03-31",
            "--prefer where",
        ),
        ("what year was the roadmap signed", "beijing-roadmap-2025-09-03", "--prefer when"),
    ],
)
def test_which_town_asks_where_and_what_year_asks_when(
    cli: Callable[..., Result], question: str, first: str, reading: str
) -> None:
    result = cli("ask", question, "--explain")
    assert ids(result)[0] == first
    assert reading in read_as(result)
    assert "partial answer" not in result.err  # the noun asked by is not a word the answer must hold


def test_what_date_the_article_does_not_give_is_not_answered(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what date was the Dostuk order awarded")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("cstofacts: the article does not say when")


@pytest.mark.parametrize(
    ("british", "american"),
    [("defence", ["defense"]), ("organisations", ["organizations"]), ("centre", ["center"]),
     ("travelled", ["traveled"]), ("honour", ["honor"]), ("four", []), ("exercise", ["exercize", "exercice"])],
)  # fmt: skip
def test_british_spellings_have_their_american_candidates(british: str, american: list[str]) -> None:
    from cstofacts.english import american as spell

    assert spell(british) == american


def test_a_british_spelling_no_claim_holds_is_read_as_the_american_one_claims_hold(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "what did the defence chiefs approve", "--explain")
    assert ids(result)[0] == "military-cooperation-plan-2026-2030"
    assert read_as(result) == "cstofacts: read as: cstofacts search defense chiefs approve --any --limit 3"
    assert "cstofacts: 'defence': spelled 'defense' in the claims" in result.err


def test_a_filter_option_says_which_organisations_in_place_of_the_question(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "--explain", "--org", "UN", "which organisations did the csto cooperate with")
    assert read_as(result) == "cstofacts: read as: cstofacts search cooperate --org UN --sort date"


def test_a_filter_option_is_never_relaxed(cli: Callable[..., Result]) -> None:
    question = "does the author think the csto can adapt to global changes"
    result = cli("ask", "--explain", "--attributed-to", "analyst", question)
    assert "--attributed-to analyst" in read_as(result)
    result = cli(
        "ask",
        "--explain",
        "--year",
        "2022",
        "what crises like the January 2022 events did the csto want to prevent",
    )
    assert "--year 2022" in read_as(result)


def test_a_thesaurus_word_for_the_sort_asks_which_of_them(cli: Callable[..., Result]) -> None:
    # WordNet relates "nations" to the dataset's "countries", the plural of the sort's name.
    result = cli("ask", "which nations did the secretary general visit", "--explain")
    assert ids(result) == ["secretary-general-visits-kg-tj"]
    assert "cstofacts: 'nations': asks which country" in result.err


def test_which_organisations_with_a_verb_no_claim_holds_is_a_partial_answer(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "which organizations is the csto compared with")
    assert result.code == 0
    assert "cstofacts: partial answer: no answer holds compared\n" in result.err


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("question", "head"), [("who was {}'s predecessor", "predecessor"),
                                                ("what is {}'s budget for 2024", "budget"),
                                                ("what were the {}'s aims", "aims")])  # fmt: skip
def test_what_is_asked_for_comes_after_a_possessor_of_any_length(name: str, question: str, head: str) -> None:
    assert asked_head(text.words(question.format(name)), [text.words(name)]) == head


@pytest.mark.parametrize(
    ("question", "head"),
    [("who was the head of the CSTO's secretariat", "head"), ("what is the biggest exercise", "exercise"),
     ("which were the exercises of 2023", "exercises"), ("who is Tasmagambetov", "tasmagambetov"),
     ("when was the summit", None), ("what happened in 2024", None)],
)  # fmt: skip
def test_what_is_asked_for_is_the_last_word_of_the_first_phrase(question: str, head: str | None) -> None:
    assert asked_head(text.words(question)) == head


def _function_words() -> list[str]:
    """The words of spaCy's English stop list (scripts/sources/) that WordNet lacks: the closed
    class, read here from the two files rather than from the code that uses them."""
    import gzip
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = (root / "scripts" / "sources" / "spacy_en_stop_words.txt").read_text(encoding="utf-8")
    stop = {w for w in listed.splitlines() if w and not w.startswith("#")}
    english = gzip.decompress((root / "data" / "english.txt.gz").read_bytes()).decode("ascii").splitlines()
    return sorted(stop & {line.split("\t")[0] for line in english if line.endswith("\tg")} - text.STOP_WORDS)


@pytest.mark.parametrize("word", _function_words())
def test_a_function_word_is_neither_a_thing_the_article_lacks_nor_a_typo(
    cli: Callable[..., Result], word: str
) -> None:
    result = cli("ask", "--explain", "--fields", "id", f"what did the CSTO do {word} Kyrgyzstan")
    said = [line for line in result.err.splitlines() if line.startswith(f"cstofacts: '{word}'")]
    assert not any("nothing in the article" in line or "typo" in line for line in said), said
    assert result.code == 0


CATEGORIES: dict[str, list[dict[str, object]]] = {}
for _claim in CLAIMS.values():
    CATEGORIES.setdefault(str(_claim["category"]), []).append(_claim)


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_where_a_list_question_asks_is_said_to_be_unknown_when_none_of_its_claims_has_a_place(
    cli: Callable[..., Result], category: str
) -> None:
    result = cli("ask", f"Where were the {category}s held?", "--fields", "id")
    if any(c.get("location") for c in CATEGORIES[category]):
        assert result.code == 0 and any(CLAIMS[i].get("location") for i in ids(result))
    else:
        assert (result.code, result.out) == (1, "")
        assert result.err.startswith(
            "cstofacts: the article does not say where (nearest claims, not an answer: "
        )


LOCATED = sorted(i for i, c in CLAIMS.items() if c.get("location"))


@pytest.mark.parametrize("claim_id", LOCATED)
def test_the_name_of_a_thing_asks_for_the_thing(cli: Callable[..., Result], claim_id: str) -> None:
    claim = CLAIMS[claim_id]
    result = cli("ask", f"What was the name of the {claim['category']} held in {claim['location']}?")
    assert result.code == 0 and claim_id in ids(result)
    assert "name" not in result.err


@pytest.mark.parametrize("claim_id", sorted(i for i in LOCATED if CLAIMS[i]["attributed_to"] == "article"))
def test_the_analyst_does_not_filter_when_no_claim_of_his_answers(
    cli: Callable[..., Result], claim_id: str
) -> None:
    # The article reports his analysis: its own claims about the place answer, and say so.
    result = cli(
        "ask",
        "--explain",
        f"What does the analyst say about what happened in {CLAIMS[claim_id]['location']}?",
    )
    assert result.code == 0 and claim_id in ids(result)
    assert (
        "cstofacts: 'analyst': the analyst: no claim of his holds the question, so it does not filter"
        in result.err
    )


@pytest.mark.parametrize("connector", ["after", "since", "starting in"])
def test_a_date_no_dated_claim_answers_is_last_tried_as_its_year_alone(
    cli: Callable[..., Result], connector: str
) -> None:
    # The priority tasks are undated; their claims name 2022. Read as words, "after 2022" is the
    # year: the phrase "after 2022" is in no claim, and the reading printed is the one that ran.
    result = cli("ask", "--explain", f"what priority task of the new secretariat came {connector} 2022")
    assert result.code == 0 and ids(result)
    assert all(
        CLAIMS[i]["category"] == "priority-task" or "2022" in str(CLAIMS[i]["summary"]) for i in ids(result)
    )
    command = shlex.split(read_as(result).removeprefix("cstofacts: read as: cstofacts "))
    assert "2022" in command and connector.split()[0] not in " ".join(command)
    assert ids(cli(*command, "--fields", "id")) == ids(result)


COUNTRY_NAMES = sorted((code, entry["name"]) for code, entry in bundled()["countries"].items())
COUNTRY_CODES = [code for code, _ in COUNTRY_NAMES]


def _involving(codes: set[str]) -> set[str]:
    places = bundled()["places"]
    return {i for i, c in CLAIMS.items() if codes & involved(c, places)}


@pytest.mark.parametrize(
    ("a", "b"), [(a, b) for i, a in enumerate(COUNTRY_NAMES) for b in COUNTRY_NAMES[i + 1 :]][::3]
)
def test_two_countries_joined_by_or_are_either_of_them(
    cli: Callable[..., Result], a: tuple[str, str], b: tuple[str, str]
) -> None:
    result = cli("ask", "--explain", f"List everything about {a[1]} or {b[1]}")
    assert set(ids(result)) == _involving({a[0], b[0]})
    assert read_as(result) == f"cstofacts: read as: cstofacts list --country {a[0]} --country {b[0]}"


@pytest.mark.parametrize(
    ("question", "groups"),
    [
        ("which claims were signed or adopted", [{"signed", "adopted"}]),
        ("documents signed, adopted or approved", [{"signed", "adopted", "approved"}]),
        ("signed or adopted or approved", [{"signed", "adopted", "approved"}]),
        ("what did the UN or the SCO do", [{"un", "sco"}]),
        ("the Commonwealth of Independent States or NATO", [{"commonwealth of independent states", "nato"}]),
        ("border talks or visits", [{"talks", "visits"}]),
        ("a visit or a meeting", [{"visit", "meeting"}]),  # every article is passed over
        ("an award or an order", [{"award", "order"}]),
        ("signed and adopted", []),
        ("signed or or adopted", []),
        ("signed or signed", []),
    ],
)
def test_words_and_names_joined_by_or_are_one_choice(question: str, groups: list[set[str]]) -> None:
    from cstofacts.criteria import Term
    from cstofacts.query.question import either

    tokens = text.words(question)
    names = ["commonwealth of independent states", "nato", "un", "sco"]
    terms = [Term(n, tuple(n.split())) for n in names] + [
        Term(w, (w,)) for w in tokens if w not in text.STOP_WORDS and w not in " ".join(names).split()
    ]
    assert [set(g) for g in either(tokens, terms, question)] == groups


@pytest.mark.parametrize("quantifier", ["both", "either", "neither"])
def test_a_quantifier_is_no_word_a_claim_must_hold(cli: Callable[..., Result], quantifier: str) -> None:
    plain = cli("ask", "Which events involved Kyrgyzstan and Tajikistan?", "--explain")
    quantified = cli("ask", f"Which events involved {quantifier} Kyrgyzstan and Tajikistan?", "--explain")
    assert ids(quantified) == ids(plain) and len(ids(plain)) > 1
    assert read_as(quantified) == read_as(plain)


PARTS = [("first", "half", "H1", 1, 6), ("second", "half", "H2", 7, 12)] + [
    (word, "quarter", f"Q{n + 1}", 3 * n + 1, 3 * n + 3)
    for n, word in enumerate(["first", "second", "third", "fourth"])
]


@pytest.mark.parametrize("year", [2023, 2024, 2025])
@pytest.mark.parametrize(("ordinal", "part", "code", "first", "last"), PARTS)
def test_a_half_or_a_quarter_of_a_year_is_its_months(
    cli: Callable[..., Result], year: int, ordinal: str, part: str, code: str, first: int, last: int
) -> None:
    span = f"{year}-{first:02d}..{year}-{last:02d}"
    shown = cli("list", "--within", span, "--fields", "id")
    for question in (f"What happened in the {ordinal} {part} of {year}?", f"what happened in {code} {year}"):
        asked = cli("ask", "--explain", "--fields", "id", question)
        if shown.out:
            assert read_as(asked) == f"cstofacts: read as: cstofacts list --within {span}", question
            assert (asked.code, asked.out) == (0, shown.out), question
        else:  # nothing dated within it: the claims whose dates overlap it, as --since/--until read it
            import calendar

            until = f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]}"
            overlapping = cli("list", "--since", f"{year}-{first:02d}-01", "--until", until, "--fields", "id")
            assert (asked.code, asked.out) == (overlapping.code, overlapping.out), question


def test_a_category_word_and_another_word_joined_by_or_are_one_choice(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "Which cities hosted CSTO meetings or signings?")
    places = " ".join(f"--place {p}" for p in sorted(bundled()["places"]))
    assert read_as(result) == f"cstofacts: read as: cstofacts list {places} --text meetings --text signings"
    assert set(ids(result)) == {
        "minsk-meeting-2023-03-06", "khujand-border-agreement-2025-03-31", "beijing-roadmap-2025-09-03"
    }  # fmt: skip


@pytest.mark.parametrize("plural", ["exercises", "meetings", "agreements", "decisions"])
@pytest.mark.parametrize(
    ("question", "prefer"),
    [("Who held the {}?", "who"), ("Whom did the {} involve?", "who"), ("Whose {} were held?", "who"),
     ("Why were the {} held?", "why"), ("How many {} were held?", "how-many")],
)  # fmt: skip
def test_who_why_or_how_many_before_a_plural_category_asks_for_one_answer_not_a_list(
    cli: Callable[..., Result], question: str, prefer: str, plural: str
) -> None:
    result = cli("ask", "--explain", question.format(plural))
    if prefer == "how-many" and "does not say how many" in result.err:
        return  # no claim found counts them: said so, which a list would not have
    reading = read_as(result)
    assert f"--prefer {prefer}" in reading and "--limit 3" in reading and reading.split()[4] == "search"


def _shared_category_words() -> list[tuple[str, list[str]]]:
    """Each synonym the bundled dataset declares for more than one category, with those
    categories, read from the TOML."""
    named: dict[str, list[str]] = {}
    for name, category in bundled()["categories"].items():
        for word in (name, *category.get("synonyms", ())):
            named.setdefault(word.casefold(), []).append(name)
    return sorted((w, sorted(c)) for w, c in named.items() if len(c) > 1 and " " not in w and w.isascii())


@pytest.mark.parametrize(("word", "categories"), _shared_category_words())
def test_a_word_declared_for_several_categories_lists_the_claims_of_each(
    cli: Callable[..., Result], word: str, categories: list[str]
) -> None:
    result = cli("ask", "--explain", "--fields", "id", f"which {word}s are mentioned")
    assert all(f"--category {c}" in read_as(result) for c in categories), read_as(result)
    assert {str(CLAIMS[i]["category"]) for i in ids(result)} == set(categories)


def test_documents_adopted_in_a_year_are_the_resolutions_as_well_as_the_agreements(
    cli: Callable[..., Result],
) -> None:
    # "document" names the agreements signed and the resolutions and plans adopted: the one
    # document adopted in 2024 is the UN General Assembly's resolution (¶11).
    result = cli("ask", "--fields", "id", "Which documents were adopted in 2024?")
    assert ids(result) == ["un-general-assembly-resolution"]


AT_TOWNS = sorted(i for i, c in CLAIMS.items() if c.get("location") in bundled()["places"])


@pytest.mark.parametrize(
    "question", ["which cities are named?", "Name the towns the article mentions", "list all the cities"]
)
def test_which_cities_lists_the_claims_at_a_declared_place(cli: Callable[..., Result], question: str) -> None:
    # A city is one of the places the dataset declares, each in a country: the claims at one of
    # them, read as --place, and not those set in a country alone (the exercises in Belarus).
    result = cli("ask", "--explain", "--fields", "id", question)
    places = " ".join(f"--place {p}" for p in sorted(bundled()["places"]))
    assert read_as(result) == f"cstofacts: read as: cstofacts list {places}"
    assert sorted(ids(result)) == AT_TOWNS


@pytest.mark.parametrize(
    ("word", "judging"),
    [("assessed", True), ("assesses", True), ("judged", True), ("opined", True), ("opine", True), ("viewed", True),
     ("assessment", False), ("view", False), ("concluded", False), ("signed", False), ("rated", False)],
)  # fmt: skip
def test_a_verb_whose_noun_names_a_judgement_asks_for_one(
    cli: Callable[..., Result], word: str, judging: bool
) -> None:
    # "assessed" is the verb of "assessment", a kind word; "concluded" may mean signed, and its noun
    # is not made by a suffix, so it is not read so; the kind nouns themselves filter instead.
    result = cli("ask", "--explain", "--fields", "id", f"how was the Khujand border agreement {word}")
    assert ("--prefer why" in read_as(result)) is judging, read_as(result)
    if judging:
        assert ids(result)[0] == "khujand-agreement-stability"  # the assessment of ¶13, not the signing


def test_a_choice_left_with_one_word_the_claims_hold_is_that_word(cli: Callable[..., Result]) -> None:
    # "ratified" is in no claim and is left out: what is left of "signed or ratified" is "signed",
    # a word to search for, not a choice of one.
    result = cli("ask", "--explain", "--fields", "id", "list everything signed or ratified in 2025")
    assert read_as(result) == "cstofacts: read as: cstofacts search signed --year 2025 --sort date"


EXERCISES = {i for i, c in CLAIMS.items() if c["category"] == "exercise"}


@pytest.mark.parametrize(
    "wording",
    ["held outside {}", "held outside of {}", "not held in {}", "that weren't held in {}", "other than in {}",
     "held anywhere except {}", "excluding {}", "apart from those in {}", "held without {}"],
)  # fmt: skip
@pytest.mark.parametrize(("code", "name"), COUNTRY_NAMES)
def test_a_country_put_out_of_a_list_leaves_out_the_claims_involving_it(
    cli: Callable[..., Result], wording: str, code: str, name: str
) -> None:
    result = cli("ask", "--explain", "--fields", "id", "which exercises were " + wording.format(name))
    assert f"--not-country {code}" in read_as(result) and f"--country {code}" not in read_as(result)
    assert set(ids(result)) == EXERCISES - _involving({code})


@pytest.mark.parametrize("wording", ["not only in {}", "held in {}, not only elsewhere"])
def test_not_only_includes_what_follows(cli: Callable[..., Result], wording: str) -> None:
    result = cli("ask", "--explain", "--fields", "id", "which exercises were " + wording.format("Belarus"))
    assert "--not-country" not in read_as(result)
    assert set(ids(result)) == EXERCISES & _involving({"BY"})


def test_a_negative_question_opening_with_its_subject_keeps_the_subject(cli: Callable[..., Result]) -> None:
    # "Didn't Armenia …" asks about Armenia: the negation is the question's, not a name put out.
    result = cli("ask", "--explain", "--fields", "id", "didn't Armenia change its position?")
    assert "--country AM" in read_as(result)
    assert ids(result)[0] == "armenia-change-of-position"


ORGANIZATIONS = sorted({o for c in CLAIMS.values() for o in c.get("organizations", ())} - {"CSTO"})


@pytest.mark.parametrize("left", ORGANIZATIONS)
@pytest.mark.parametrize(
    "wording", ["other than the {}", "besides the {}", "apart from the {}", "except the {}"]
)
def test_which_organizations_other_than_one_asks_for_the_others_not_for_claims_without_it(
    cli: Callable[..., Result], wording: str, left: str
) -> None:
    # The organization put out is not an answer; a claim naming it and another still names one.
    others = [o for o in ORGANIZATIONS if o != left]
    question = f"which organizations {wording.format(left)} does the article mention"
    result = cli("ask", "--explain", "--fields", "id", question)
    assert read_as(result) == "cstofacts: read as: cstofacts list " + " ".join(f"--org {o}" for o in others)
    assert set(ids(result)) == {i for i, c in CLAIMS.items() if set(others) & set(c.get("organizations", ()))}


def test_names_in_a_series_after_other_than_are_all_put_out(cli: Callable[..., Result]) -> None:
    question = "which exercises were held outside Belarus and Kyrgyzstan"
    result = cli("ask", "--explain", "--fields", "id", question)
    assert "--not-country BY --not-country KG" in read_as(result)
    assert set(ids(result)) == EXERCISES - _involving({"BY", "KG"})


CATEGORY_NAMES = sorted(bundled()["categories"])
ENTITY_NAMES = sorted(
    entry["name"] for table in ("countries", "organizations") for entry in bundled()[table].values()
)


@pytest.mark.parametrize("category", CATEGORY_NAMES)
@pytest.mark.parametrize("name", ENTITY_NAMES[::2])
def test_a_name_before_the_category_a_list_asks_for_describes_it(
    cli: Callable[..., Result], name: str, category: str
) -> None:
    # "Which CSTO exercises …": the category is still what is listed, the name narrows or ranks.
    result = cli("ask", "--explain", "--fields", "id", f"which {name} {category} are there")
    assert f"--category {category}" in read_as(result), read_as(result)
    assert all(CLAIMS[i]["category"] == category for i in ids(result))


def _holding(word: str) -> set[str]:
    return {i for i, c in CLAIMS.items() if word in c["summary"]}


@pytest.mark.parametrize("category", CATEGORY_NAMES)
def test_a_year_no_claim_is_dated_stays_in_a_list_as_its_words(
    cli: Callable[..., Result], category: str
) -> None:
    # 2026 is no claim's date, only words of one claim (the plan for 2026-2030): a list of a
    # category "in 2026" is the claims of it holding the year, never every claim of the category.
    result = cli("ask", "--explain", "--fields", "id", f"which {category} claims are dated 2026?")
    expected = {i for i in _holding("2026") if CLAIMS[i]["category"] == category}
    assert set(ids(result)) == expected
    assert result.code == (0 if expected else 1)


@pytest.mark.parametrize(
    "fronted", ["Other than the UN,", "Apart from the UN,", "Besides the UN,", "Except for the UN,"]
)
def test_a_phrase_before_the_question_word_leaves_it_a_list_question(
    cli: Callable[..., Result], fronted: str
) -> None:
    # The question is read from "which", after the comma: a list of the organizations, the UN left out.
    result = cli(
        "ask", "--explain", "--fields", "id", f"{fronted} which organizations does the CSTO work with?"
    )
    others = [o for o in ORGANIZATIONS if o != "UN"]
    assert read_as(result) == "cstofacts: read as: cstofacts list " + " ".join(f"--org {o}" for o in others)


@pytest.mark.parametrize("category", ["drills", "exercises", "meetings", "agreements"])
def test_a_category_listed_before_a_word_for_a_sort_is_what_is_listed(
    cli: Callable[..., Result], category: str
) -> None:
    # "Which drills did the alliance stage": the alliance did them; the list is of drills, not of
    # organizations ("alliance" is a word for one).
    result = cli("ask", "--explain", "--fields", "id", f"which military {category} did the alliance hold")
    assert "asks which organization" not in result.err
    assert "--org " not in read_as(result)


@pytest.mark.parametrize(
    ("question", "sort"),
    [
        ("С какими организациями сотрудничает ОДКБ?", "organization"),
        ("Какие организации упоминаются?", "organization"),
        ("В каких странах проходили учения?", "country"),
        ("In which countries were exercises held?", "country"),
    ],
)
def test_which_sort_asked_after_a_preposition_or_in_russian_is_a_list_of_that_sort(
    cli: Callable[..., Result], question: str, sort: str
) -> None:
    result = cli("ask", "--explain", "--fields", "id", question)
    assert f"asks which {sort}: claims involving one of" in result.err
    flag = "--org" if sort == "organization" else "--country"
    assert f"{flag} " in read_as(result) and result.code == 0


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("which tasks did the CSTO leadership face", ["priority-task"]),
        ("Какие задачи стояли перед новым руководством?", ["priority-task"]),
        ("list the exercises and meetings", ["exercise", "meeting"]),
        ("which meetings or agreements were there in 2025", ["agreement", "meeting"]),
    ],
)
def test_a_list_is_of_its_first_category_and_those_joined_to_it(
    cli: Callable[..., Result], question: str, listed: list[str]
) -> None:
    # A later category word describes what is listed ("the tasks of the leadership"): the claims
    # must hold it, they need not be of its category.
    result = cli("ask", "--explain", "--fields", "id", question)
    words = read_as(result).split()
    assert [words[i + 1] for i, w in enumerate(words) if w == "--category"] == listed, words
    said = "a category word, describing what is listed"
    assert (said in result.err) is (len(listed) == 1), result.err
    assert result.code == 0 and all(CLAIMS[i]["category"] in listed for i in ids(result))


def test_when_no_claim_of_the_first_category_holds_the_rest_every_category_named_is_listed(
    cli: Callable[..., Result],
) -> None:
    # (A yes-or-no question, "did the leaders … accept", is answered, not listed: see below.)
    question = "which leaders of Kyrgyzstan and Tajikistan accepted the CSTO as a mediator?"
    result = cli("ask", "--explain", "--fields", "id", question)
    assert "--category leadership --category mediation" in read_as(result)
    assert "cstofacts: 'mediator': a category, listed\n" in result.err
    assert ids(result) == ["secretary-general-visits-kg-tj"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("list every event the article ties to Kyrgyzstan", "event"),
        ("which events does the article tie to Kyrgyzstan", "event"),
        ("which opinions about the exercises does the article give", "assessment"),
    ],
)
def test_a_list_of_a_kind_is_of_that_kind_and_a_later_category_word_describes_it(
    cli: Callable[..., Result], question: str, kind: str
) -> None:
    # "Every event the article ties to Kyrgyzstan": events are what is listed; "ties" (a word
    # for cooperation) comes after them and is no category the list is of.
    result = cli("ask", "--explain", "--fields", "id", question)
    assert "--category" not in read_as(result), result.err
    assert f"--kind {kind}" in read_as(result)
    assert result.code == 0 and ids(result)
    assert all(CLAIMS[i]["kind"] == kind for i in ids(result))
    if "Kyrgyzstan" in question:
        expected = [c for c in CLAIMS.values() if "KG" in c.get("countries", []) and c["kind"] == "event"]
        assert sorted(ids(result)) == sorted(c["id"] for c in expected)


_CATEGORIES = sorted(bundled()["categories"])


@pytest.mark.parametrize("category", _CATEGORIES)
def test_a_category_word_in_a_phrase_after_the_question_word_describes_rather_than_lists(
    cli: Callable[..., Result], category: str
) -> None:
    # "What happened in 2024 in the CSTO's relations with the UN": the claims of 2024, holding the
    # word (or its category's names); "which exercises …" lists the category.
    word = category.replace("-", " ")
    phrased = cli("ask", "--explain", "--fields", "id", f"what happened in 2024 in the {word}s")
    if phrased.code == 0:
        assert f"'{word}s': a category word, describing what is listed" in phrased.err
        assert "--category" not in read_as(phrased)
    else:  # no claim of 2024 holds the word: said so, not "no claim of that category"
        assert f"cstofacts: no claim holds {word}s (nearest claims, not an answer: " in phrased.err
    listed = cli("ask", "--explain", "--fields", "id", f"which {word}s were there in 2024")
    assert f"--category {category}" in read_as(listed)


@pytest.mark.parametrize(
    "question",
    ["list claims about the {}s", "which of the {}s are named", "which facts about the {}s are there"],
)
def test_a_preposition_after_a_word_for_anything_or_of_after_which_still_lists_the_category(
    cli: Callable[..., Result], question: str
) -> None:
    for category in _CATEGORIES:
        result = cli("ask", "--explain", "--fields", "id", question.format(category.replace("-", " ")))
        assert f"--category {category}" in read_as(result), (question, category, read_as(result))


def _distinct_words(claim_id: str, among: list[str]) -> list[str]:
    """Two lower-case words of a claim's summary that no other claim of `among` holds, nor are
    function or filler words (longest first)."""
    others = {w for i in among if i != claim_id for w in text.words(CLAIMS[i]["summary"])}
    lower = re.findall(r"\b[a-z]+\b", CLAIMS[claim_id]["summary"])
    own = [w for w in lower if w not in others and w not in text.STOP_WORDS and not _filler(w)]
    return sorted(dict.fromkeys(own), key=lambda w: (-len(w), w))[:2]


_TASKS = sorted(i for i, c in CLAIMS.items() if c["category"] == "priority-task")


@pytest.mark.parametrize("claim_id", _TASKS)
@pytest.mark.parametrize(
    "form",
    ["Apart from {}, which tasks were on the list?", "Which tasks other than {} were on the list?"],
)
def test_a_phrase_put_out_with_words_leaves_out_the_claims_holding_them(
    cli: Callable[..., Result], claim_id: str, form: str
) -> None:
    words = _distinct_words(claim_id, _TASKS)
    assert len(words) == 2, claim_id
    result = cli("ask", "--explain", "--fields", "id", form.format(" ".join(words)))
    assert f"--not-text '{' '.join(words)}'" in read_as(result)
    assert result.code == 0
    assert claim_id not in ids(result)
    assert set(ids(result)) == set(_TASKS) - {claim_id}


def test_a_name_put_out_is_not_a_phrase_even_before_a_verb(cli: Callable[..., Result]) -> None:
    # "besides Kyrgyzstan signed the border agreement": Kyrgyzstan is put out, the verb and what
    # follows are the question's own words.
    result = cli("ask", "--explain", "which countries besides Kyrgyzstan signed the border agreement")
    assert "--not-text" not in read_as(result)


_PLACED = sorted(
    (i, c["location"], c["category"])
    for i, c in CLAIMS.items()
    if c.get("location") in bundled()["places"] and c["category"] in ("meeting", "agreement")
)


@pytest.mark.parametrize(("claim_id", "place", "category"), _PLACED)
def test_a_declared_place_and_category_put_out_are_a_phrase_not_what_is_asked(
    cli: Callable[..., Result], claim_id: str, place: str, category: str
) -> None:
    # "Which meetings were held apart from the Minsk meeting?": every other meeting.
    result = cli(
        "ask",
        "--explain",
        "--fields",
        "id",
        f"Which {category}s were there apart from the {place} {category}?",
    )
    assert "--not-text" in read_as(result) and f"--category {category}" in read_as(result)
    assert claim_id not in ids(result)
    assert set(ids(result)) <= {i for i, c in CLAIMS.items() if c["category"] == category}


_TITLED_2023 = sorted(
    i for i, c in CLAIMS.items() if c["category"] == "exercise" and re.fullmatch(r"[a-z]+-2023", i)
)


@pytest.mark.parametrize("pair", list(itertools.pairwise(_TITLED_2023)))
def test_each_of_a_series_put_out_is_put_out_on_its_own(
    cli: Callable[..., Result], pair: tuple[str, str]
) -> None:
    first, second = (i.capitalize() for i in pair)
    result = cli(
        "ask",
        "--explain",
        "--fields",
        "id",
        f"Which exercises were held in 2023 excluding {first} and {second}?",
    )
    assert read_as(result).count("--not-text") == 2
    assert not set(pair) & set(ids(result)) and ids(result)


@pytest.mark.parametrize(
    "marker",
    ["outside", "outside of", "except", "except for", "other than", "apart from", "besides", "excluding"],
)
def test_each_marker_puts_a_country_after_it_out(cli: Callable[..., Result], marker: str) -> None:
    result = cli("ask", "--explain", "--fields", "id", f"which exercises were held {marker} Belarus")
    assert "--not-country BY" in read_as(result)
    assert set(ids(result)) == EXERCISES - _involving({"BY"})


@pytest.mark.parametrize("clause", ["when", "where", "who", "whom", "why", "когда", "где", "кто"])
@pytest.mark.parametrize("opener", ["what did", "which leaders", "how did", "что", "какие"])
def test_a_question_word_after_what_which_or_how_opens_a_clause_not_the_question(
    opener: str, clause: str
) -> None:
    # "What did the leaders do when the Secretary General visited": it asks what, not when.
    assert asks_for(f"{opener} the leaders do {clause} the secretary general visited".split()) is None


@pytest.mark.parametrize("word", ["when", "where", "who", "why", "когда", "где"])
def test_a_question_word_before_what_or_which_still_asks(word: str) -> None:
    # "When was the agreement signed, and what did it settle?", "tell me where …"
    asked = asks_for(f"tell me {word} the agreement was signed and what it settled".split())
    assert asked == QUESTION_WORDS_ASK[word]


def test_a_clause_with_when_leaves_a_what_question_answered_by_what_was_done(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "What did both the Kyrgyz and Tajik leaders do when the Secretary General visited?")
    assert result.code == 0
    assert ids(result)[0] == "secretary-general-visits-kg-tj"


def _grading() -> list[str]:
    """The adjectives WordNet's word list marks as grading how much something matters."""
    import gzip

    lines = gzip.decompress((ROOT / "data" / "english.txt.gz").read_bytes()).decode().splitlines()
    return sorted(word for word, _, sort in (line.partition("\t") for line in lines) if sort.endswith("i"))


GRADING = _grading()
YEARS = sorted({str(c["date"])[:4] for c in CLAIMS.values() if c.get("date")})


def test_the_word_list_marks_the_adjectives_of_importance_and_no_others() -> None:
    assert {"key", "main", "major", "crucial", "important", "significant", "pivotal"} <= set(GRADING)
    # Not "last" or "big" (their first sense is of time or size), nor a word mostly a noun ("chief").
    assert not {"last", "new", "big", "joint", "signed", "capital", "recent", "chief", "peanut"} & set(
        GRADING
    )


SUMMARIES = " ".join(c["summary"].casefold() for c in CLAIMS.values())


# Each category and a year its claims are dated in.
CATEGORY_YEARS = sorted({(c["category"], str(c["date"])[:4]) for c in CLAIMS.values() if c.get("date")})


@pytest.mark.parametrize("word", GRADING)
def test_a_word_of_importance_before_a_category_lists_that_category(
    cli: Callable[..., Result], word: str
) -> None:
    # "The key exercises of 2023", "which major agreements": the article does not grade its
    # claims by how much they matter. (Where a claim of the list holds the word, it narrows:
    # the next test.)
    if word[:6] in SUMMARIES:  # "coordinate": the claims' "coordination"
        return
    category, year = CATEGORY_YEARS[len(word) % len(CATEGORY_YEARS)]
    plural = f"{category.replace('-', ' ')}s"
    plain = cli("ask", f"List the {plural} of {year}", "--explain")
    graded = cli("ask", f"List the {word} {plural} of {year}", "--explain")
    assert plain.code == 0
    assert f"--category {category}" in plain.err
    assert (graded.code, ids(graded)) == (0, ids(plain)), word


@pytest.mark.parametrize(("category", "year"), CATEGORY_YEARS)
def test_a_word_of_importance_claims_hold_but_not_in_the_list_says_it_did_not_filter(
    cli: Callable[..., Result], category: str, year: str
) -> None:
    plural = f"{category.replace('-', ' ')}s"
    plain = cli("ask", f"Which {plural} are from {year}?")
    graded = cli("ask", f"Which key {plural} are from {year}?", "--explain")
    assert plain.code == 0
    if not set(ids(plain)) & {i for i, c in CLAIMS.items() if "key" in c["summary"].split()}:
        assert (graded.code, ids(graded)) == (0, ids(plain))
        assert "cstofacts: 'key': how much it matters: the article does not grade claims so\n" in graded.err


@pytest.mark.parametrize("year", YEARS)
def test_a_word_of_importance_some_claims_hold_narrows_where_the_rest_allows(
    cli: Callable[..., Result], year: str
) -> None:
    # "Key" is a word two claims hold ("a key security structure"): asked of claims that hold
    # it, it narrows; asked with a year none of them has, the year's claims are the answer.
    holding = sorted(i for i, c in CLAIMS.items() if re.search(r"\bkey\b", c["summary"], re.IGNORECASE))
    assert holding
    result = cli("ask", "Which claims call the CSTO a key structure?")
    assert result.code == 0 and set(ids(result)) <= set(holding)
    dated = cli("ask", f"Which key claims are dated {year}?")
    assert dated.code == 0
    assert all(
        any(str(CLAIMS[i].get(k, "")).startswith(year) for k in ("date", "end_date")) for i in ids(dated)
    )


@pytest.mark.parametrize(
    "opener", ["Did", "Do", "Does", "Have", "Has", "Were", "Are", "Can", "Could", "Would"]
)
def test_a_yes_or_no_question_with_a_plural_category_word_is_answered_not_listed(
    cli: Callable[..., Result], opener: str
) -> None:
    # "Did the leaders … agree": it asks whether, and the claim that says so answers; "leaders"
    # does not turn it into the list of leadership claims.
    result = cli(
        "ask", f"{opener} the leaders of Kyrgyzstan and Tajikistan agree to the mediation?", "--explain"
    )
    assert result.code == 0
    assert "--limit 3" in read_as(result) and "--category" not in read_as(result)
    assert "secretary-general-visits-kg-tj" in ids(result)


@pytest.mark.parametrize("claim_id", _TASKS)
def test_ones_after_a_phrase_put_out_stands_for_what_is_listed(
    cli: Callable[..., Result], claim_id: str
) -> None:
    # "Which exercises other than the Combat Brotherhood ones": "ones" is no word a claim holds.
    words = _distinct_words(claim_id, _TASKS)
    plain = cli(
        "ask", "--explain", "--fields", "id", f"Which tasks other than the {' '.join(words)} were set?"
    )
    ones = cli(
        "ask", "--explain", "--fields", "id", f"Which tasks other than the {' '.join(words)} ones were set?"
    )
    assert f"--not-text '{' '.join(words)}'" in read_as(ones)
    assert (ones.code, ids(ones)) == (plain.code, ids(plain))
    assert claim_id not in ids(ones)


def _dated_by_category() -> dict[str, list[tuple[str, str]]]:
    """Each category's dated claims, (first day as written, id), read from the TOML."""
    found: dict[str, list[tuple[str, str]]] = {}
    for claim_id, claim in CLAIMS.items():
        if claim.get("date"):
            found.setdefault(claim["category"], []).append((str(claim["date"]), claim_id))
    return found


DATED = _dated_by_category()


@pytest.mark.parametrize(
    "category", sorted(c for c, dated in DATED.items() if len({d for d, _ in dated}) > 1)
)
@pytest.mark.parametrize(("wording", "latest"), [("the latest", True), ("the most recent", True),
                                                 ("the newest", True), ("the earliest", False),
                                                 ("the oldest", False)])  # fmt: skip
def test_the_latest_or_earliest_of_a_category_is_its_claim_of_that_date(
    cli: Callable[..., Result], category: str, wording: str, latest: bool
) -> None:
    # "What was the latest agreement?": the category's dated claims by date, the first first.
    dated = sorted(DATED[category], reverse=latest)
    result = cli("ask", "--explain", f"What was {wording} {category.replace('-', ' ')}?")
    assert result.code == 0
    assert "--sort date" in read_as(result) or read_as(result).startswith(
        "cstofacts: read as: cstofacts list"
    )
    first = ids(result)[0]
    assert str(CLAIMS[first]["date"]) == dated[0][0], (first, dated[:2])
    assert ("--reverse" in read_as(result)) is latest
