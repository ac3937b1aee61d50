"""When `ask` must say that the article does not answer, and when a partial answer is still one.

Each rule is checked over every declared value it could apply to, or against a question that
its opposite answers, so that a rule serving a single question would fail here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import helpers
import pytest
from helpers import HEAD, Result, bundled, claim_toml, ids

DATA = bundled()
CLAIMS = {claim["id"]: claim for claim in DATA["claims"]}
COUNTRY_NAMES = sorted((code, entry["name"]) for code, entry in DATA["countries"].items())


def involved(claim_id: str) -> set[str]:
    return helpers.involved(CLAIMS[claim_id], DATA["places"])


@pytest.mark.parametrize(("code", "name"), COUNTRY_NAMES)
def test_an_answer_to_a_question_naming_one_country_involves_that_country(
    cli: Callable[..., Result], code: str, name: str
) -> None:
    # "join" is a verb no claim holds; what is left is the country and the CSTO, which is on
    # most claims. Claims about other countries are not a partial answer about this one.
    result = cli("ask", f"When did {name} join the CSTO?")
    if result.code == 0:
        assert all(code in involved(i) for i in ids(result)), (name, ids(result))
    else:
        assert (result.code, result.out) == (1, "")


def test_a_question_naming_two_countries_no_claim_shares_gets_claims_of_either(
    cli: Callable[..., Result],
) -> None:
    # No claim involves both Armenia and Uzbekistan: each answer involves one of them, never
    # neither, and the reading says so with --country twice (either).
    both = [i for i, c in CLAIMS.items() if {"AM", "UZ"} <= set(c.get("countries", []))]
    assert both == []
    result = cli("ask", "when did Armenia and Uzbekistan sign", "--explain")
    assert result.code == 0
    assert ids(result)[0] == "khujand-border-agreement-2025-03-31"
    assert all(involved(i) & {"AM", "UZ"} for i in ids(result))
    assert (
        "cstofacts: read as: cstofacts search sign armenia uzbekistan --any --country AM --country UZ"
        " --prefer when --limit 3\n"
    ) in result.err
    assert "cstofacts: partial answer: no answer holds armenia\n" in result.err


def test_how_many_of_a_thing_no_claim_counts_is_not_answered(cli: Callable[..., Result]) -> None:
    result = cli("ask", "How many troops took part in Combat Brotherhood 2023?")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        "cstofacts: the article does not say how many troops (nearest claims, not an answer: "
    )


def test_how_many_of_a_thing_a_claim_counts_is_answered(cli: Callable[..., Result]) -> None:
    # The same question about what the claim does count: "Five maneuvers".
    result = cli("ask", "How many maneuvers made up Combat Brotherhood 2023?")
    assert result.code == 0
    assert ids(result)[0] == "combat-brotherhood-2023"
    result = cli("ask", "how many of the documents were signed at the summit")
    assert ids(result)[0] == "summit-15-documents"


def test_how_much_asks_for_a_number_too(cli: Callable[..., Result]) -> None:
    # "money" is held by no claim, and no claim states an amount of anything the question names.
    result = cli("ask", "How much money did the CSTO get in 2024?")
    assert (result.code, result.out) == (1, "")


def test_claims_sharing_only_a_date_with_the_question_are_not_a_partial_answer(
    cli: Callable[..., Result],
) -> None:
    # The article's summit has no claim dated 2023; the 2023 claims are about exercises.
    result = cli("ask", "Which country hosted the CSTO summit in 2023?")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("cstofacts: no claim holds summit (nearest claims, not an answer: ")
    # Asked without the year, the summit claims answer it.
    assert "summit-15-documents" in ids(cli("ask", "what was signed at the CSTO summit"))


def test_a_word_the_facets_alone_leave_out_is_said_to_be_missing(cli: Callable[..., Result]) -> None:
    # ¶19 is named, so its claims cover part of the question; "sanctions" is held by none of them,
    # and the answer must say so rather than pass for a whole one.
    result = cli("ask", "which claims cite paragraph 19 about sanctions")
    assert result.code == 0
    assert sorted(ids(result)) == sorted(i for i, c in CLAIMS.items() if 19 in c["paragraphs"])
    assert "cstofacts: partial answer: no answer holds sanctions\n" in result.err


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how many countries signed the border agreement in Khujand?", "khujand-border-agreement-2025-03-31"),
        ("how many organisations signed the roadmap in Beijing?", "beijing-roadmap-2025-09-03"),
    ],
)
def test_how_many_of_a_declared_sort_is_answered_by_a_claim_naming_them(
    cli: Callable[..., Result], question: str, first: str
) -> None:
    # No number is written, but the claim names the countries (or organizations): they are the count.
    result = cli("ask", question)
    assert result.code == 0
    assert ids(result)[0] == first
    assert "partial answer" not in result.err


@pytest.mark.parametrize("verb", ["want to fight", "try to fight", "seek to fight", "aim to fight"])
def test_a_word_after_to_after_a_verb_is_a_verb_not_a_thing_the_article_lacks(
    cli: Callable[..., Result], verb: str
) -> None:
    # "fight" and "combat" are mostly nouns, and no claim holds them; after "want to" they say
    # what is done, so the question is still about the threats the claims name.
    result = cli("ask", f"what threats does the CSTO {verb}")
    assert result.code == 0
    assert ids(result)[0] == "task-transnational-threats"


def test_a_thing_after_to_after_a_noun_is_still_a_thing(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what threats to pensions does the CSTO see")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: the article does not say anything about: pensions\n"


def test_a_month_no_claim_is_dated_in_is_answered_by_the_claim_that_names_it(
    cli: Callable[..., Result],
) -> None:
    # No claim is dated within January 2022; one says "January 2022" in its text, and a claim
    # dated only to 2022 says nothing of January: the one that names the month answers.
    result = cli("ask", "what happened in January 2022", "--explain")
    assert ids(result) == ["task-prevent-crises"]
    assert "cstofacts: 'January 2022': words claims hold (a description, not when)\n" in result.err


def test_an_answer_dated_only_to_the_year_of_the_month_asked_says_so(cli: Callable[..., Result]) -> None:
    exercises = [i for i, c in CLAIMS.items() if c["category"] == "exercise" and c.get("date") == "2023"]
    result = cli("ask", "which exercises were held in September 2023", "--format", "json")
    assert sorted(record["id"] for record in json.loads(result.out)) == sorted(exercises)
    assert (
        result.err
        == f"cstofacts: {len(exercises)} claims are dated only to the year, which overlaps the dates asked for\n"
    )


@pytest.mark.parametrize("noun", ["city", "cities", "place", "places"])
def test_which_place_is_answered_only_by_claims_that_name_one(cli: Callable[..., Result], noun: str) -> None:
    # Over every category: a list of claims none of which names a place does not say where. A
    # city is one of the places the dataset declares (each lies in a country); a place may be a
    # country too.
    towns = noun.startswith("cit")
    answered = set()
    for category in DATA["categories"]:
        result = cli("ask", f"In which {noun} did the {category}s take place?")
        if result.code == 0:
            located = [CLAIMS[i].get("location") for i in ids(result)]
            assert all(p in DATA["places"] for p in located) if towns else any(located), (category, located)
            answered.add(category)
        else:
            assert (result.code, result.out) == (1, ""), category
            assert "the article does not say" in result.err, (category, result.err)
    # Seven exercises say where they were held: in a country, never in a city.
    assert ("exercise" in answered) is not towns
    assert {c["category"] for c in CLAIMS.values() if c.get("location") in DATA["places"]} <= answered
    assert answered < set(DATA["categories"])  # and some sorts of claim never do
    if not towns:
        assert noun not in " ".join(
            cli("ask", "--explain", f"In which {noun} were exercises held?").err.split("read as")[0]
        )


PEOPLE = sorted(entry["name"].split()[-1] for entry in DATA["people"].values())


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("asked", ["predecessor", "successor"])
def test_the_thing_a_question_asks_for_the_article_lacks_is_no_answer(
    cli: Callable[..., Result], person: str, asked: str
) -> None:
    # The person, the role and the CSTO are all in the article; what is asked for is not.
    result = cli("ask", f"Who was {person}'s {asked} as head of the CSTO?")
    assert (result.code, result.out) == (1, "")
    assert result.err == f"cstofacts: the article does not say anything about: {asked}\n"


def test_a_word_the_article_lacks_before_the_thing_asked_for_does_not_silence_it(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "What was the fifth exercise held in Belarus?")
    assert result.code == 0
    assert "partial answer" in result.err and "fifth" in result.err
    assert ids(result) and all(CLAIMS[i]["category"] == "exercise" for i in ids(result))


@pytest.mark.parametrize(("code", "name"), COUNTRY_NAMES)
def test_what_a_possessive_question_asks_for_decides_when_no_claim_holds_it(
    cli: Callable[..., Result], code: str, name: str
) -> None:
    # The country and the CSTO are on claims; the budget, asked for past the possessor, is on none.
    result = cli("ask", f"What was {name}'s budget for the CSTO?")
    assert (result.code, result.out) == (1, "")
    assert "partial answer" not in result.err


@pytest.mark.parametrize("asked", ["casualties", "budget", "costs"])
def test_the_first_word_after_the_verb_can_be_what_is_asked_for(
    cli: Callable[..., Result], asked: str
) -> None:
    # The exercises held in Belarus in 2023 are in the article; their casualties or costs are not.
    result = cli("ask", f"What were {asked} in the exercises held in Belarus in 2023?")
    assert (result.code, result.out) == (1, "")
    assert asked.rstrip("s") in result.err


def _unshared_pairs() -> list[tuple[str, str, str, str]]:
    """Pairs of countries no claim involves together."""
    return [
        (a, an, b, bn)
        for i, (a, an) in enumerate(COUNTRY_NAMES)
        for b, bn in COUNTRY_NAMES[i + 1 :]
        if not any({a, b} <= involved(c) for c in CLAIMS)
    ]


@pytest.mark.parametrize(("a", "a_name", "b", "b_name"), _unshared_pairs())
def test_two_countries_no_claim_shares_give_claims_involving_either(
    cli: Callable[..., Result], a: str, a_name: str, b: str, b_name: str
) -> None:
    result = cli("ask", f"What did {a_name} and {b_name} do for security?")
    if result.code == 0:
        assert ids(result) and all({a, b} & involved(i) for i in ids(result)), ids(result)
    else:
        assert (result.code, result.out) == (1, "")


def test_which_country_did_what_no_claim_with_a_country_did_is_not_said(cli: Callable[..., Result]) -> None:
    # ¶15 says the Secretary General was awarded the Dostuk order, not who awarded it: the claims
    # that involve a country hold none of it, so a country would be a confident wrong answer.
    result = cli("ask", "Which country awarded the Dostuk order to the Secretary General?")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cstofacts: the article does not say which country (nearest claims, not an answer: dostuk-order-award)\n"
    )


def test_which_countries_did_what_claims_with_countries_did_is_answered(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--fields", "id", "Which countries signed the Khujand border agreement?")
    assert result.code == 0 and "khujand-border-agreement-2025-03-31" in ids(result)


def test_which_organization_did_what_only_the_common_one_did_is_answered_with_it(
    cli: Callable[..., Result],
) -> None:
    # The CSTO is on most claims, so it never narrows "which organization"; but the exercises
    # are its own (¶10, ¶14): the article does say which, and its claims answer.
    result = cli("ask", "--explain", "--fields", "id", "Which organization held the exercises?")
    assert result.code == 0
    assert "--org CSTO" in next(line for line in result.err.splitlines() if "read as:" in line)
    exercises = {i for i, c in CLAIMS.items() if c["category"] == "exercise"}
    # Each whole once: its parts, which name the same organization, country and place, stand
    # in it (--no-parts).
    wholes = {i for i in exercises if CLAIMS[i].get("parent") is None}
    assert wholes and wholes <= set(ids(result)) and not (exercises - wholes) & set(ids(result))
    assert "--no-parts" in next(line for line in result.err.splitlines() if "read as:" in line)
    assert "does not say" not in result.err


@pytest.mark.parametrize("between", ["of the", "of these", "of those", "of"])
def test_how_many_of_a_thing_counts_that_thing(cli: Callable[..., Result], between: str) -> None:
    # "How many of the troops": the noun after "of the" is what is counted, and no claim counts troops.
    result = cli("ask", f"How many {between} troops took part in the 2023 exercises?")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("cstofacts: the article does not say how many troops ("), result.err


# -- one thing the article lacks against one thing the question names ------------------------

_NARROWING = sorted(
    code for code in DATA["countries"] if 0 < sum(code in involved(i) for i in CLAIMS) <= len(CLAIMS) / 2
)


@pytest.mark.parametrize("code", _NARROWING)
def test_a_country_that_narrows_outweighs_one_thing_the_article_lacks(
    cli: Callable[..., Result], code: str
) -> None:
    # "unrest" is in no claim, name or source; the country is: its claims, the answer marked partial.
    name = DATA["countries"][code]["name"]
    result = cli(
        "ask", "--explain", "--fields", "id", f"what does the article say about the unrest in {name}"
    )
    assert result.code == 0 and ids(result)
    assert all(code in involved(i) for i in ids(result))
    assert "cstofacts: partial answer: no answer holds unrest\n" in result.err


@pytest.mark.parametrize(
    ("question", "lacking"),
    [
        ("tell me about the pensions and the border", "pensions"),  # a word claims hold is no thing named
        ("what did O'Brien say about Kyrgyzstan", "brien"),  # a name the article lacks outweighs any
        ("what's the O'Brien plan", "brien"),
    ],
)
def test_one_thing_the_article_lacks_against_a_mere_word_or_beside_a_missing_name_is_silence(
    cli: Callable[..., Result], question: str, lacking: str
) -> None:
    result = cli("ask", "--format", "json", question)
    assert (result.code, result.out) == (1, "")
    assert result.err.endswith(f"cstofacts: the article does not say anything about: {lacking}\n")


# -- who came before or after a person: someone else, whom the claims must name ----------------

_PEOPLE = (
    '[people.ivanova]\nname = "Anna Ivanova"\nroles = ["Chair"]\n\n'
    '[people.petrov]\nname = "Oleg Petrov"\n\n[[sources]]'
)


def _two_chairs(tmp_path: Path, successor_named: bool) -> str:
    summary = (
        "Oleg Petrov replaced Anna Ivanova as Chair." if successor_named else "Anna Ivanova left the post."
    )
    path = tmp_path / "chairs.toml"
    path.write_text(
        HEAD.replace("[[sources]]", _PEOPLE, 1)
        + claim_toml("handover", summary=summary, category="meeting")
        + claim_toml("elected", summary="Anna Ivanova was elected Chair in Minsk.", category="meeting"),
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Who was Chair before Anna Ivanova?", "came before anna ivanova"),
        ("who came after Ivanova", "came after ivanova"),
        ("Who replaced Ivanova?", "replaced ivanova"),
        ("who succeeded Anna Ivanova", "succeeded anna ivanova"),
        ("who preceded Ivanova as Chair", "preceded ivanova"),
        # An article between the verb and a role is passed over, one word at a time.
        ("Who replaced the Chair?", "replaced chair"),
        ("who came after a chair", "came after chair"),
    ],
)
def test_who_came_before_or_after_a_person_is_someone_the_claims_must_name(
    cli: Callable[..., Result], tmp_path: Path, question: str, said: str
) -> None:
    silent = cli("--data", _two_chairs(tmp_path, False), "ask", "--format", "json", question)
    assert (silent.code, silent.out) == (1, "")
    assert f"cstofacts: the article does not say who {said} (nearest claims, not an answer: " in silent.err
    # Where a claim names someone else beside her, that claim answers.
    answered = cli("--data", _two_chairs(tmp_path, True), "ask", "--fields", "id", question)
    assert answered.code == 0 and ids(answered)[0] == "handover"


@pytest.mark.parametrize(
    "question", ["who is Anna Ivanova", "who did Ivanova meet after the election in Minsk"]
)
def test_a_who_question_that_relates_no_one_to_the_person_is_answered_by_her_claims(
    cli: Callable[..., Result], tmp_path: Path, question: str
) -> None:
    result = cli("--data", _two_chairs(tmp_path, False), "ask", "--fields", "id", question)
    assert result.code == 0 and ids(result)


def test_someone_else_with_a_name_of_two_words_is_found_by_that_name(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # A person declared as `mark-ode` is indexed under the tag of his words; the claim naming him
    # answers who replaced her.
    people = '[people.ivanova]\nname = "Anna Ivanova"\n\n[people.mark-ode]\nname = "Mark Ode"\n\n[[sources]]'
    path = tmp_path / "chairs.toml"
    path.write_text(
        HEAD.replace("[[sources]]", people, 1)
        + claim_toml("handover", summary="Mark Ode replaced Anna Ivanova as Chair."),
        encoding="utf-8",
    )
    result = cli("--data", str(path), "ask", "--fields", "id", "Who replaced Ivanova?")
    assert (result.code, result.out) == (0, "handover\n")


@pytest.mark.parametrize("question", ["who succeeded Babaev as analyst", "Who replaced Babaev?"])
def test_who_came_after_the_analyst_is_not_answered_with_his_post(
    cli: Callable[..., Result], question: str
) -> None:
    # The works' records say who Babaev is; a question for someone who followed him is for the
    # claims, and none names another person.
    result = cli("ask", "--format", "json", question)
    assert (result.code, result.out) == (1, "")
    assert "the article does not say who " in result.err and "babaev" in result.err


def _undated_years() -> list[tuple[str, list[str]]]:
    """Years claims' summaries write that no claim is dated in ("the plan for 2026-2030"), each
    with the claims that write it."""
    dated = {str(c[key])[:4] for c in DATA["claims"] for key in ("date", "end_date") if c.get(key)}
    found: dict[str, list[str]] = {}
    for claim in DATA["claims"]:
        for year in re.findall(r"\b(?:19|20)\d\d\b", claim["summary"]):
            if year not in dated:
                found.setdefault(year, []).append(claim["id"])
    return sorted(found.items())


UNDATED_YEARS = _undated_years()


def test_the_bundled_claims_write_years_no_claim_is_dated_in() -> None:
    assert UNDATED_YEARS  # else the tests below test nothing


@pytest.mark.parametrize(("year", "holders"), UNDATED_YEARS)
def test_a_list_of_a_category_in_a_year_only_other_claims_write_is_silence(
    cli: Callable[..., Result], year: str, holders: list[str]
) -> None:
    # "Which exercises are planned for 2026": the plan for 2026-2030 writes the year, but no
    # exercise does; listing every exercise would answer what was not asked.
    categories = {CLAIMS[i]["category"] for i in holders}
    other = next(c for c in sorted(DATA["categories"]) if c not in categories)
    result = cli("ask", f"Which {other} claims are planned for {year}?")
    assert (result.code, result.out) == (1, "")
    assert f"the article has no claims dated {year} " in result.err


@pytest.mark.parametrize(("year", "holders"), UNDATED_YEARS)
def test_a_span_of_years_no_claim_is_dated_in_is_read_as_the_words_claims_write(
    cli: Callable[..., Result], year: str, holders: list[str]
) -> None:
    for claim_id in holders:
        written = re.search(rf"\b{year}\s*[-–]\s*(\d{{4}})\b", CLAIMS[claim_id]["summary"])
        if written is None:
            continue
        result = cli("ask", f"What does the plan for {year} to {written[1]} cover?", "--explain")
        assert result.code == 0
        assert ids(result)[0] == claim_id
        assert f"'{year} to {written[1]}': words claims hold (no claim is dated so)" in result.err


def _places_and_other_years() -> list[tuple[str, str, list[str]]]:
    """Each declared place, a year the claims are dated in but none at that place, and the
    claims at it."""
    years = sorted({str(c["date"])[:4] for c in DATA["claims"] if c.get("date")})
    found = []
    for place in sorted(DATA["places"]):
        at = [c for c in DATA["claims"] if c.get("location") == place or place in c["summary"]]
        dated = {str(c[k])[:4] for c in at for k in ("date", "end_date") if c.get(k)}
        for year in years:
            if year not in dated and at:
                found.append((place, year, sorted(c["id"] for c in at)))
    return found


@pytest.mark.parametrize(("place", "year", "there"), _places_and_other_years())
def test_what_happened_at_a_place_in_a_year_none_of_its_claims_has_is_said_of_another_time(
    cli: Callable[..., Result], place: str, year: str, there: list[str]
) -> None:
    # "What was signed in Beijing in 2024": the Roadmap was, in 2025; claims of 2024 elsewhere
    # are no answer, and the silence names the claim of another time.
    result = cli("ask", f"What was signed in {place} in {year}?")
    assert (result.code, result.out) == (1, "")
    assert f"no claim dated {year} " in result.err
    assert any(claim_id in result.err for claim_id in there)


PLAN = "military-cooperation-plan-2026-2030"


@pytest.mark.parametrize(
    "year", sorted({str(c["date"])[:4] for c in DATA["claims"] if c.get("date")} - {"2025"})
)
def test_what_a_claim_of_another_year_says_is_no_answer_for_this_one(
    cli: Callable[..., Result], year: str
) -> None:
    # The Council of Defense Ministers approved the plan in 2025: asked of another year, the
    # claims of that year lack it, and the plan is named as said of another time.
    assert str(CLAIMS[PLAN]["date"]).startswith("2025")
    for question in (f"What was approved by the defense ministers in {year}?",
                     f"When did the Council of Defense Ministers meet in {year}?"):  # fmt: skip
        result = cli("ask", question)
        assert (result.code, result.out) == (1, ""), question
        assert f"no claim dated {year} " in result.err and PLAN in result.err, question
    answered = cli("ask", "What was approved by the defense ministers in 2025?", "--fields", "id")
    assert answered.code == 0 and ids(answered)[0] == PLAN


def test_a_date_that_opens_an_era_still_describes_the_claims_of_it(cli: Callable[..., Result]) -> None:
    # "After 2022": the pressure the 2022 turning point brought; not a when the claims lack.
    result = cli(
        "ask", "What factors does Babaev say increased pressure on Moscow and its allies after 2022?"
    )
    assert result.code == 0 and ids(result)[0] == "armenia-change-of-position"
