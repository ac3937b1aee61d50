"""`ask` answers with exactly what its printed reading returns when run.

The reading ask prints ("read as: cstofacts search … --any --limit 3") is a real command
line. Run as it is, it must give the same claims in the same order: all of them for a list
question, the first few for a pointed one. Checked over generated questions made of the
dataset's own names, dates, categories and ordinary words, in English and Russian, and
over a few written ones. When the article does not answer, ask prints no reading and
nothing on stdout.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable

import pytest
from helpers import Result, bundled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

READ_AS = "cstofacts: read as: "

OPENERS = [
    "",
    "which",
    "what",
    "when was",
    "who",
    "where did",
    "why",
    "how many",
    "list the",
    "tell me about",
]
WORDS = [
    # the dataset's names and categories, in several spellings and Russian case forms
    "exercises", "exercise", "meetings", "agreement", "roadmap", "award", "drills", "war games", "deal",
    "Kyrgyzstan", "Tajikistan", "Belarus", "Беларуси", "Таджикистане", "Киргизии", "ОДКБ", "ООН",
    "CSTO", "UN", "CIS", "SCO", "NATO", "Khujand", "Minsk", "Beijing", "Худжанде",
    "Tasmagambetov", "Secretary General", "Babaev", "analyst", "opinion", "events",
    # ordinary words, some in the claims, some not, some typos
    "border", "signed", "held", "peacekeeping", "terrorism", "plan", "tensions", "pensions",
    "budget", "weapons", "leaders", "accept", "chief", "talks", "accord", "borderr", "the", "of",
    # dates
    "2023", "2024", "2025", "2017", "2026-2030", "March 2025", "March 31, 2025", "July 2024",
    "spring 2025", "before 2024", "after 2023", "since 2024",
    "paragraph 13", "¶19",
]  # fmt: skip


def reading(result: Result) -> list[str] | None:
    lines = [line for line in result.err.splitlines() if line.startswith(READ_AS)]
    if not lines:
        return None
    words = shlex.split(lines[-1][len(READ_AS) :])
    assert words[0] == "cstofacts"
    return words[1:]


def ids(result: Result) -> list[str]:
    return [claim["id"] for claim in json.loads(result.out)] if result.out.strip() else []


def check(cli: Callable[..., Result], question: str) -> None:
    asked = cli("ask", "--explain", "--format", "json", "--", question)
    assert asked.code in (0, 1), asked.err
    if "answered from the works' own records" in asked.err:  # a question about the works themselves
        assert asked.code == 0
        assert asked.out
        return
    command = reading(asked)
    if command is None:  # the article does not answer: nothing on stdout, and a reason why
        assert asked.code == 1
        assert asked.out == ""
        assert asked.err.strip(), "silent without saying why"
        return
    ran = cli(*command, "--format", "json")
    assert ran.code == asked.code, (question, command, ran.err)
    assert ids(ran) == ids(asked), (question, command)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    opener=st.sampled_from(OPENERS),
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
)
def test_the_reading_gives_the_answer(cli: Callable[..., Result], opener: str, words: list[str]) -> None:
    check(cli, " ".join([opener, *words]).strip())


@pytest.mark.parametrize(
    "question",
    [
        "which exercises were held in 2023",
        "when was the Khujand border agreement signed",
        "Таджикистане",
        "which transnational threats are named",
        "what did the CSTO and the UN do",
        "what did the leaders of Kyrgyzstan and Tajikistan accept",
        "what happened on March 31, 2025",
        "which claims cite ¶19",
        "who is the boss of the CSTO",
    ],
)
def test_written_questions(cli: Callable[..., Result], question: str) -> None:
    check(cli, question)


def test_a_question_naming_two_entities_wants_both(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "what did the CSTO and the UN do")
    assert reading(result) == ["list", "--org", "UN"]  # the CSTO is on most claims: it only ranks
    both = cli("ask", "--format", "json", "what did Kyrgyzstan and Tajikistan agree")
    for claim in json.loads(both.out):
        assert {"KG", "TJ"} <= set(claim["countries"]), claim["id"]


def test_a_date_the_article_has_no_claim_for_is_said_plainly(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what happened in 2017")
    assert result.code == 1
    assert result.out == ""
    assert (
        result.err == "cstofacts: the article has no claims dated 2017 (its claims run from 2022 to 2025)\n"
    )


def test_a_thing_the_article_never_mentions_is_said_plainly(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--format", "json", "what did the CSTO decide about pensions")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: the article does not say anything about: pensions\n"


def test_a_year_that_is_part_of_a_name_is_read_as_words(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "the plan for 2026-2030")
    assert "military-cooperation-plan-2026-2030" in ids(result)


def test_russian_case_forms_reach_the_name(cli: Callable[..., Result]) -> None:
    for form in ("Таджикистан", "Таджикистане", "Таджикистана"):
        result = cli("ask", "--explain", "--format", "json", form)
        assert reading(result) == ["list", "--country", "TJ"], form


@pytest.mark.parametrize(
    "question",
    [
        "What does the paper say about Tajikistan?",
        "What does the analysis say about Tajikistan?",
        "Which claims about Tajikistan are in the paper?",
        "In the paper, what is said about Tajikistan?",
        "Что говорится в статье о Таджикистане?",
        "Что сказано о Таджикистане в докладе?",
    ],
)
def test_a_word_for_the_report_itself_names_no_category(cli: Callable[..., Result], question: str) -> None:
    # "paper", "analysis" and "статья" are declared words of the publication category; "in the
    # paper", "в статье", "the analysis says" put the question to the report, so they filter nothing.
    result = cli("ask", "--explain", "--format", "json", question)
    assert reading(result) == ["list", "--country", "TJ"], result.err
    assert sorted(ids(result)) == sorted(
        c["id"] for c in bundled()["claims"] if "TJ" in c.get("countries", [])
    )
    assert "the report itself: every claim is from it" in result.err


def test_a_word_for_a_work_asked_for_is_its_category(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "what analysis did Babaev publish")
    assert "--category" in (reading(result) or [])
    assert ids(result) == [c["id"] for c in bundled()["claims"] if c["category"] == "publication"]


def test_a_role_reaches_the_person_and_the_person_the_role(cli: Callable[..., Result]) -> None:
    by_name = set(ids(cli("search", "--format", "json", "Tasmagambetov")))
    by_role = set(ids(cli("search", "--format", "json", "Secretary General")))
    assert "dostuk-order-award" in by_name  # its summary says only "the CSTO Secretary General"
    assert "tasmagambetov-appointed" in by_role
    assert by_name == by_role


def test_filter_options_narrow_the_reading(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "--year", "2024", "which meetings were held")
    assert reading(result) == ["list", "--year", "2024", "--category", "meeting"]
    assert ids(result) == ["bilateral-consultations-2024-2025", "security-council-meeting-2024-07-19"]


def test_explain_says_what_each_word_became(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "which war games were held in Belarus in 2023")
    assert "cstofacts: 'war games': a category, listed\n" in result.err
    assert "cstofacts: 'belarus': country BY: required\n" in result.err
    assert "cstofacts: '2023': a date\n" in result.err


# -- questions about the works themselves -------------------------------------------------------


def test_who_wrote_it_names_both_works_and_marks_the_romanisation(cli: Callable[..., Result]) -> None:
    result = cli("ask", "who wrote the article?")
    assert result.code == 0
    assert result.out == (
        "the report, author: Арестова Татьяна (romanised: Arestova Tatyana; the page prints only the former)"
        " (header)\n"
        "the article it reports, author: Kirill Babaev (¶1)\n"
    )


def test_where_the_report_appeared_is_not_stated(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--format", "json", "where did the report appear")
    facts = json.loads(result.out)
    assert {(f["role"], f["field"], f["value"]) for f in facts} == {
        ("report", "where it appeared", None),
        ("reported", "where it appeared", "Allies. CSTO"),
    }
    assert "Allies" not in [f["value"] for f in facts if f["role"] == "report"]


def test_the_analyst_is_answered_with_his_post_and_titles(cli: Callable[..., Result]) -> None:
    for question in ("who is the analyst?", "who is Kirill Babaev", "кто такой Бабаев"):
        facts = json.loads(cli("ask", "--format", "json", question).out)
        values = {f["field"]: f["value"] for f in facts}
        assert values == {
            "author's post": "the director of the Institute of China and Modern Asia of the Russian Academy"
            " of Sciences",
            "author's titles": "Doctor of Philological Sciences, professor",
        }, question
        assert {f["stated_in"] for f in facts} == {"¶1"}


def test_the_headline_and_the_period(cli: Callable[..., Result]) -> None:
    headline = json.loads(cli("ask", "--format", "json", "what is the headline").out)
    assert headline[0]["value"] == "CSTO has proven its ability to adapt to changes in the global situation"
    period = json.loads(cli("ask", "--format", "json", "what period does the analysis cover").out)
    assert [f["value"] for f in period] == ["2023–2025"]


def test_a_question_about_what_the_author_says_is_about_the_claims(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "what does the author conclude about NATO")
    assert "works' own records" not in result.err
    assert reading(result) is not None


# -- what a reader types that the article cannot answer, said plainly ----------------------------


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "what happened in paragraph 21",
            "the article has no ¶21 (its paragraphs are ¶1 to ¶20, and the headline)",
        ),
        ("what?", "nothing in the question names a claim; try other words, or: cstofacts search WORDS"),
        (
            "tell me everything",
            "nothing in the question names a claim; try other words, or: cstofacts search WORDS",
        ),
        ("what's the O'Brien plan", "the article does not say anything about: brien"),
    ],
)
def test_nothing_is_made_of_a_question_the_article_cannot_answer(
    cli: Callable[..., Result], question: str, reason: str
) -> None:
    result = cli("ask", "--format", "json", question)
    assert (result.code, result.out, result.err) == (1, "", f"cstofacts: {reason}\n")


@pytest.mark.parametrize(
    ("question", "options"),
    [
        ("what happened before 2024", ["--until", "2023-12-31"]),
        ("what happened after 2024", ["--since", "2025-01-01"]),
        ("what happened since 2024", ["--since", "2024-01-01"]),
        ("what did the CSTO do in spring 2025", ["--within", "2025-03..2025-05"]),
        ("what happened starting in 2025", ["--since", "2025-01-01"]),
        ("what happened from 2024 onwards", ["--since", "2024-01-01"]),
        ("the news from 2024", ["--year", "2024"]),  # "from" alone names the year, not a start
        ("what happened between July 2024 and May 2025", ["--since", "2024-07-01", "--until", "2025-05-31"]),
        (
            "events from 31 March 2025 until 3 September 2025",
            ["--since", "2025-03-31", "--until", "2025-09-03"],
        ),
        ("what happened between 2024 and March 2025", ["--since", "2024-01-01", "--until", "2025-03-31"]),
        ("what happened between 2023 and 2024", ["--year", "2023..2024"]),
        # Years put out: the claims of the other years.
        ("Other than those in 2025, which exercises were held", ["--not-year", "2025"]),
        ("which exercises were held, excluding 2023", ["--not-year", "2023"]),
        ("what happened outside 2023-2024", ["--not-year", "2023..2024"]),
        ("what happened apart from 2023 and 2024", ["--not-year", "2023", "--not-year", "2024"]),
        ("which meetings were not in 2024", ["--not-year", "2024"]),
        ("which agreements were signed in years other than 2025", ["--not-year", "2025"]),
        ("which events besides the ones from 2023 does it report", ["--not-year", "2023"]),
    ],
)
def test_before_after_and_seasons_mean_what_they_say(
    cli: Callable[..., Result], question: str, options: list[str]
) -> None:
    command = reading(cli("ask", "--explain", "--format", "json", question))
    assert command is not None
    assert " ".join(options) in " ".join(command)


def test_a_question_of_bytes_no_locale_decodes_is_refused_plainly(cli: Callable[..., Result]) -> None:
    result = cli("ask", "учения в \udcd0\udc91")
    assert result.code == 2
    assert "not text in this locale's encoding" in result.err
    assert "Traceback" not in result.err


def test_a_question_with_nothing_left_to_rank_by_gets_the_whole_set(cli: Callable[..., Result]) -> None:
    russian = ids(cli("ask", "--format", "json", "что произошло в Таджикистане"))
    english = ids(cli("ask", "--format", "json", "Tajikistan"))
    assert russian == english
    assert len(russian) > 3


def test_a_pointed_question_whose_best_claim_lacks_what_it_asks_for_is_not_answered(
    cli: Callable[..., Result],
) -> None:
    # The article states the appointment but not its date, and the summit but not its place.
    when = cli("ask", "--format", "json", "when did Tasmagambetov become Secretary General")
    assert (when.code, when.out) == (1, "")
    assert when.err.startswith("cstofacts: the article does not say when (nearest claims, not an answer: ")
    assert "tasmagambetov-appointed" in when.err
    where = cli("ask", "where did the CSTO summit take place")
    assert (where.code, where.out) == (1, "")
    assert where.err.startswith("cstofacts: the article does not say where (nearest claims, not an answer: ")
    many = cli("ask", "how many member states does the CSTO have")
    assert (many.code, many.out) == (1, "")
    assert many.err.startswith("cstofacts: the article does not say how many (")
    # A claim that states what is asked still answers: the date, the place, the number.
    assert ids(cli("ask", "--format", "json", "when was the Khujand agreement signed"))[0] == (
        "khujand-border-agreement-2025-03-31"
    )
    assert ids(cli("ask", "--format", "json", "how many documents did the summit sign"))[0] == (
        "summit-15-documents"
    )


def test_one_thing_the_article_lacks_among_several_it_has_is_a_partial_answer(
    cli: Callable[..., Result],
) -> None:
    result = cli(
        "ask", "--format", "json", "by which ambassador was the Beijing roadmap with the CIS and SCO signed"
    )
    assert "beijing-roadmap-2025-09-03" in ids(result)[:3]
    assert "cstofacts: partial answer: no answer holds ambassador\n" in result.err
    # "In what town" asks where, and the roadmap's claim says where: the answer is whole.
    town = cli("ask", "--format", "json", "in what town was the Beijing roadmap with the CIS and SCO signed")
    assert ids(town)[0] == "beijing-roadmap-2025-09-03"
    assert "partial" not in town.err


@pytest.mark.parametrize("word", ["почему", "зачем"])
def test_a_russian_why_asks_for_reasons(cli: Callable[..., Result], word: str) -> None:
    result = cli("ask", f"{word} ОДКБ проводит учения", "--explain", "-f", "plain", "--fields", "id")
    assert result.code == 0, result.err
    assert "cstofacts: read as: cstofacts search 'учения' 'одкб' --any --prefer why --limit 3\n" in result.err


@pytest.mark.parametrize(
    "question",
    [
        "What was the CSTO's work in 2024?",  # a generic activity noun, like "activities"
        "Anything relating to 2024?",  # a verb of aboutness, like "concerning"
        "What did the CSTO develop in 2024?",  # the verb of "development"
        "CSTO-related news from 2024",
    ],
)
def test_words_of_activity_and_aboutness_do_not_narrow_a_year(
    cli: Callable[..., Result], question: str
) -> None:
    whole = ids(cli("list", "--year", "2024", "--format", "json"))
    assert len(whole) > 1
    assert sorted(ids(cli("ask", "--format", "json", question))) == sorted(whole)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "plain", "csv", "tsv", "markdown"])
@pytest.mark.parametrize(
    "question",
    ["which exercises were held in 2023", "what happened in 2025", "list the meetings in Kyrgyzstan"],
)
def test_a_list_answer_is_written_byte_for_byte_as_its_reading_writes_it(
    cli: Callable[..., Result], question: str, fmt: str
) -> None:
    asked = cli("ask", "--explain", "--format", fmt, question)
    command = reading(asked)
    assert command is not None and command[0] == "list", asked.err
    assert asked.code == 0
    assert asked.out == cli(*command, "--format", fmt).out


def test_explain_says_which_word_was_read_as_a_typo_and_for_what(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "--format", "json", "when was the Khujand border agreemnt signed")
    assert "cstofacts: 'agreemnt': a typo for 'agreement'\n" in result.err
    assert "cstofacts: read 'agreemnt' as 'agreement'\n" in result.err
    assert ids(result)[0] == "khujand-border-agreement-2025-03-31"


@pytest.mark.parametrize("typed", ["marhc", "jully"])
def test_a_typo_is_never_read_as_a_month(cli: Callable[..., Result], typed: str) -> None:
    # A month read in a typo's place would become a date the question never wrote (and "many"
    # is not "may"): the word is one nothing in the article accounts for, and said so.
    result = cli("ask", "--explain", "--format", "json", f"what happened in {typed}")
    assert "a typo for" not in result.err
    assert result.code == 1 and result.out == ""
    assert f"cstofacts: the article does not say anything about: {typed}\n" in result.err


@pytest.mark.parametrize(
    ("season", "first", "last"),
    [("spring", "03", "05"), ("summer", "06", "08"), ("autumn", "09", "11"), ("fall", "09", "11")],
)
def test_a_season_is_its_three_months_of_the_northern_hemisphere(
    cli: Callable[..., Result], season: str, first: str, last: str
) -> None:
    # The Beijing roadmap, signed on September 3, 2025, is the autumn's, and no other season's.
    # Read as the months (--within), or, where no claim is dated inside them, from the first
    # day to the last (--since, --until).
    result = cli("ask", "--explain", "--format", "json", f"what happened in {season} 2025")
    days = {"05": "31", "08": "31", "11": "30"}
    within = f"--within 2025-{first}..2025-{last}"
    overlapping = f"--since 2025-{first}-01 --until 2025-{last}-{days[last]}"
    assert within in result.err or overlapping in result.err, result.err
    autumn = season in ("autumn", "fall")
    assert ("beijing-roadmap-2025-09-03" in ids(result)) is autumn


def test_a_year_put_out_leaves_the_dated_claims_of_the_other_years(cli: Callable[..., Result]) -> None:
    out = set(ids(cli("ask", "--format", "json", "which exercises were held, excluding 2023")))
    assert out == {"collective-forces-exercises-2025"}  # the 2023 ones, and the undated one, are out
    # Only function words may stand between the marker and the year: a noun there stays a word.
    command = reading(
        cli("ask", "--explain", "--format", "json", "what was signed other than Khujand in 2025")
    )
    assert command is not None and "--not-year" not in command and "2025" in command


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("In which city was the roadmap signed?", "beijing-roadmap-2025-09-03"),
        ("On which day did Tajikistan, Kyrgyzstan and Uzbekistan sign the border agreement?", None),
        ("what date was the plan approved", "military-cooperation-plan-2026-2030"),
    ],
)
def test_which_day_or_city_in_the_singular_asks_one_thing(
    cli: Callable[..., Result], question: str, first: str | None
) -> None:
    command = reading(cli("ask", "--explain", "--format", "json", question))
    assert command is not None and "--limit" in command  # pointed: the best few, not every match
    found = ids(cli("ask", "--format", "json", question))
    # The claim dated to the day comes before the consultations of 2024-2025 that led to it.
    assert found[0] == (first or "khujand-border-agreement-2025-03-31")


@pytest.mark.parametrize(
    "question",
    [
        "which cities hosted meetings",
        # "every" and "all" ask for each one, whatever the noun's number
        "on which day was every agreement signed",
        "in which year was all of the signing done",
    ],
)
def test_which_cities_in_the_plural_or_of_every_one_still_lists(
    cli: Callable[..., Result], question: str
) -> None:
    command = reading(cli("ask", "--explain", "--format", "json", question))
    assert command is not None and "--limit" not in command


def test_a_long_phrase_put_out_before_a_comma_leaves_out_the_claim_it_describes(
    cli: Callable[..., Result],
) -> None:
    question = (
        "Besides the 15 documents on security and crisis response, which provision did the summit sign?"
    )
    found = ids(cli("ask", "--format", "json", question))
    assert "summit-15-documents" not in found
    assert found[0] == "joint-press-center-provision"


@pytest.mark.parametrize(
    "question",
    [
        "Which countries were parties to the border agreement signed in Khujand?",
        "Which countries were the parties to the border agreement signed in Khujand?",  # an article between
    ],
)
def test_a_noun_after_which_countries_were_says_what_they_were_not_a_word_to_hold(
    cli: Callable[..., Result], question: str
) -> None:
    found = ids(cli("ask", "--format", "json", question))
    # The agreement names its three countries but not the word "parties"; it is an answer.
    assert "khujand-border-agreement-2025-03-31" in found
    explained = cli("ask", "--explain", "--format", "json", question).err
    assert "'parties': says what the country asked for were" in explained


@pytest.mark.parametrize(
    ("question", "category", "first"),
    [
        ("what medal did the head of the alliance get?", "award", "dostuk-order-award"),
        ("what agreement was signed in Khujand", "agreement", "khujand-border-agreement-2025-03-31"),
    ],
)
def test_a_category_word_right_after_what_is_what_a_pointed_question_asks_for(
    cli: Callable[..., Result], question: str, category: str, first: str
) -> None:
    result = cli("ask", "--explain", "--format", "json", question)
    assert f"--category {category}" in " ".join(reading(result) or [])
    assert ids(result)[0] == first


def test_a_category_asked_for_that_no_claim_of_it_answers_falls_back_to_ranking(
    cli: Callable[..., Result],
) -> None:
    # No award claim holds "Minsk": the claims that do answer, as any pointed question's would.
    result = cli("ask", "--explain", "--format", "json", "what medal was discussed in Minsk")
    assert "--category" not in " ".join(reading(result) or [])
    assert ids(result)[0] == "minsk-meeting-2023-03-06"


def test_a_question_not_about_the_works_does_not_read_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading the works' records costs a query and their rows at every start: only a question
    # that may be about them (a field's or a work's word) reads them.
    from cstofacts import answer, store
    from cstofacts.query import question
    from cstofacts.store.engine import Store

    engine = store.open_store(None, use_cache=False)
    try:
        reading = question.read("which exercises were held in 2023", engine.lexicon, engine.last_paragraph)

        def unread(_: Store) -> None:
            raise AssertionError("the works were read")

        monkeypatch.setattr(Store, "works", property(unread))
        assert answer.answer(engine, reading).claims
    finally:
        engine.close()


@pytest.mark.parametrize(
    "question",
    [
        "Which exercises made up Combat Brotherhood – 2023?",
        "which maneuvers were part of combat brotherhood 2023",
        'List the maneuvers held under "Combat Brotherhood – 2023".',
    ],
)
def test_a_list_of_a_whole_and_its_parts_named_by_the_question_lists_the_parts(
    cli: Callable[..., Result], question: str
) -> None:
    # Every claim holding the question's words is Combat Brotherhood – 2023 or one of its parts
    # (their parent field): the words name the whole, the question asks for its parts.
    claims = bundled()["claims"]
    parts = [c["id"] for c in claims if c.get("parent") == "combat-brotherhood-2023"]
    result = cli("ask", "--explain", "--format", "json", question)
    assert sorted(ids(result)) == sorted(parts) and len(parts) == 5
    command = reading(result)
    assert command is not None and command[command.index("--part-of") + 1] == "combat-brotherhood-2023"


@pytest.mark.parametrize(
    "question",
    [
        "Which exercises were held in Belarus in 2023?",
        "List all the Brotherhood exercises",
        "which military drills did the bloc stage in Belarus",
        "Which country hosted the Combat Brotherhood 2023 maneuvers?",
    ],
)
def test_a_whole_stays_where_the_question_does_not_single_it_out(
    cli: Callable[..., Result], question: str
) -> None:
    # Facets alone name no whole; "Brotherhood" is also Unbreakable Brotherhood's word, "military"
    # other claims' too; a question of which country asks for the country, not the parts.
    result = cli("ask", "--explain", "--format", "json", question)
    assert "combat-brotherhood-2023" in ids(result)
    assert "--part-of" not in (reading(result) or [])


def test_a_pointed_answer_leaves_out_claims_holding_less_than_half_what_the_first_holds(
    cli: Callable[..., Result],
) -> None:
    # The plan holds all five words; the claims after it hold "cooperation" or "military" alone.
    result = cli(
        "ask", "--explain", "--format", "json", "what does the 2026-2030 military cooperation plan cover"
    )
    assert ids(result) == ["military-cooperation-plan-2026-2030"]
    assert reading(result) == [
        "search", "military", "cover", "2026-2030", "cooperation", "plan",
        "--any", "--at-least", "3", "--limit", "3",
    ]  # fmt: skip
    # Claims holding half as many as the first stay beside it: two of three words, then one.
    kept = cli("ask", "--explain", "--format", "json", "what transnational security threats are named")
    assert len(ids(kept)) == 3 and reading(kept) == [
        "search", "transnational", "security", "threats", "--any", "--limit", "3"
    ]  # fmt: skip


def test_a_list_of_which_countries_names_a_whole_once_not_again_by_its_parts(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "--explain", "--format", "json", "which countries hosted exercises in 2023")
    assert ids(result) == ["combat-brotherhood-2023", "unbreakable-brotherhood-2023"]
    assert reading(result) is not None and "--no-parts" in (reading(result) or [])
    assert (
        "cstofacts: 'combat-brotherhood-2023': its parts add no country, organization or place: --no-parts\n"
        in (result.err)
    )
    # Which exercises: the maneuvers are exercises of their own, and listed.
    listed = cli("ask", "--format", "json", "which exercises were held in 2023")
    assert "search-2023" in ids(listed) and "combat-brotherhood-2023" in ids(listed)
    # A part asked for by name, its whole not found with it, stays.
    named = cli("ask", "--format", "json", "which countries hosted Echelon-2023")
    assert ids(named) == ["echelon-2023"]


def test_a_category_word_after_the_names_a_particular_thing_whose_facet_is_asked(
    cli: Callable[..., Result],
) -> None:
    # "the border agreement": the agreement's countries, not those of the talks that led to it
    # or of a judgement of it, which hold the same words.
    signed = cli(
        "ask", "--explain", "--format", "json", "Which countries signed the border agreement in Khujand?"
    )
    assert ids(signed) == ["khujand-border-agreement-2025-03-31"]
    assert "--category" in (reading(signed) or [])
    assert "cstofacts: 'agreement': names a particular thing: the claims of its category\n" in signed.err
    roadmap = cli("ask", "--format", "json", "Which organizations signed the Beijing roadmap?")
    assert ids(roadmap) == ["beijing-roadmap-2025-09-03"]
    # A noun phrase of names and nouns ("the Khujand border agreement"), or an adjective right
    # after "the", names one thing as well.
    for phrase in ("the Khujand border agreement", "the new border agreement", "this border agreement"):
        one = cli("ask", "--format", "json", f"Which countries signed {phrase}?")
        assert ids(one) == ["khujand-border-agreement-2025-03-31"], phrase
    # A category word with no "the" before it is the category's idea: every claim holding it.
    ties = cli(
        "ask",
        "--explain",
        "--format",
        "json",
        "which international organizations did the CSTO develop cooperation with",
    )
    assert "--category" not in (reading(ties) or []) and len(ids(ties)) > 3
    # A verb ends the phrase: "the CSTO develop cooperation" names no cooperation in particular.
    assert "names a particular thing" not in ties.err
