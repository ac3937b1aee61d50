"""cstofacts.store.lint and cstofacts.store.fidelity, pinned where mutation testing found the suite
silent (docs/testing.md).

Every rule of the fidelity lint that a valid dataset can break, each with the exact problems
`validate` reports for it: the line, the claim or work, and the message, and nothing else.
(The rules the validator enforces itself never reach the lint through `validate`: a quote from
an uncited paragraph, or not in its paragraph, or empty; a malformed date; an inferred date
without a date_note. tests/test_lint.py holds those.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import Result

from cstofacts.store.fidelity import lint_dataset
from cstofacts.store.lint import lint_claim
from cstofacts.store.reader import parse_toml
from cstofacts.store.validate import validate

NAME = "lint.toml"
HEAD = """\
schema = 3

[categories]
meeting = "A meeting."
exercise = { description = "An exercise.", synonyms = ["drill"] }

[attributions]
article = "The article's own reporting."
analyst = "The analyst."

[countries.KG]
alpha3 = "KGZ"
name = "Kyrgyzstan"
adjectives = ["Kyrgyz"]

[organizations.CSTO]
name = "Collective Security Treaty Organization"

[places.Minsk]
country = "KG"

[places.Osh]
country = "KG"

[[sources]]
id = "doc"
headline = "A test document"
body = [
    "On March 6, 2023, the CSTO held talks in Minsk with Kyrgyz officials on border tensions.",
    'In 2024 the sides met again. On November 18 the "Combat Brotherhood" exercise began, and 15 documents were signed.',
    'An analysis by Kirill Babaev, director of the Institute, appeared on the portal "Allies. CSTO" and covered 2023-2025.',
]

[[sources.reports]]
id = "analysis"
author = "Kirill Babaev"
author_post = "director of the Institute"
venue = "Allies. CSTO"
venue_type = "portal"
period_start = "2023"
period_end = "2025"
voice = "analyst"
described_in = [3]
"""
TALKS = """
[[claims]]
id = "talks"
source = "doc"
kind = "event"
category = "meeting"
summary = "The CSTO met Kyrgyz officials in Minsk on March 6, 2023."
location = "Minsk"
date = "2023-03-06"
date_basis = "stated"
countries = ["KG"]
organizations = ["CSTO"]
paragraphs = [1]
attributed_to = "article"
evidence = [{ paragraph = 1, quote = "the CSTO held talks in Minsk" }]
"""
EXERCISE = """
[[claims]]
id = "exercise"
source = "doc"
kind = "event"
category = "exercise"
summary = "The Combat Brotherhood exercise began on November 18."
date = "2024-11-18"
date_basis = "inferred"
date_note = 'The paragraph opens "In 2024".'
countries = []
organizations = ["CSTO"]
paragraphs = [2]
attributed_to = "article"
evidence = [
    { paragraph = 2, quote = "In 2024 the sides met again" },
    { paragraph = 2, quote = 'On November 18 the "Combat Brotherhood" exercise began' },
]
"""
TEXT = HEAD + TALKS + EXERCISE


def edit(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, marker: str, after: str) -> int:
    """The line of the first line holding `marker` after the first holding `after`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines) if i >= start and marker in line) + 1


def findings(text: str) -> list[str]:
    return [str(p) for p in lint_dataset(validate(parse_toml(text, NAME), text, NAME), text)]


def expect(text: str, owner: str, *found: tuple[str, str]) -> None:
    """The lint reports exactly these (key, message) problems of the claim or work `owner`, each
    at the line of its key ("" for the entry's header line)."""
    after = f'id = "{owner}"'
    what = "reported work" if owner == "analysis" else "claim"
    header = line_of(text, after, after) - 1
    assert findings(text) == [
        f"{NAME}:{line_of(text, f'{key} = ', after) if key else header}: {what} {owner!r}: {message}"
        for key, message in found
    ]


ABSENT = "is not in the evidence or cited paragraphs"


def test_the_dataset_is_clean() -> None:
    assert findings(TEXT) == []


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            'evidence = [{ paragraph = 1, quote = "the CSTO held talks in Minsk" }]\n',
            "",
            [("", "no evidence quote")],  # no `evidence` key: placed at the claim's header
        ),
        (
            'quote = "the CSTO held talks in Minsk"',
            'quote = "talks in Minsk"',
            [
                (
                    "evidence",
                    "quote 'talks in Minsk' is shorter than 4 words and not a whole name or title: "
                    "quote enough of the sentence to show what it states",
                )
            ],
        ),
        ('quote = "the CSTO held talks in Minsk"', 'quote = "Minsk"', []),  # a declared name, whole
        (
            "met Kyrgyz officials in Minsk",
            'met \\"Kyrgyz officials\\" in Minsk',
            [("summary", "puts 'Kyrgyz officials' in quotation marks, which the cited paragraphs do not")],
        ),
        ("on March 6, 2023.", "on March 7, 2023.", [("summary", f"the date 'March 7, 2023' {ABSENT}")]),
        ("met Kyrgyz officials", "met 12 Kyrgyz officials", [("summary", f"the number '12' {ABSENT}")]),
        (
            "met Kyrgyz officials",
            "met twelve Kyrgyz officials",
            [("summary", f"the number 'twelve' {ABSENT}")],
        ),
        ("in Minsk on", "in Astana on", [("summary", f"'Astana' {ABSENT}")]),
        (
            'summary = "The CSTO met Kyrgyz officials in Minsk on March 6, 2023."',
            'summary = "The CSTO held talks in Minsk with Kyrgyz officials."',
            [
                (
                    "summary",
                    "copies the 9-word run 'The CSTO held talks in Minsk with Kyrgyz officials' from ¶1",
                )
            ],
        ),
        ('location = "Minsk"', 'location = "Osh"', [("location", f"'Osh' {ABSENT}")]),
        (
            'date = "2023-03-06"',
            'date = "2023-03-07"',
            [("date", f"'2023-03-07' ('March 7, 2023') {ABSENT} in any form")],
        ),
        (
            'date = "2023-03-06"',
            'date = "2023-03-06"\nend_date = "2023-04"',
            [("end_date", f"'2023-04' ('April 2023') {ABSENT} in any form")],
        ),
        ('date = "2023-03-06"', 'date = "2023-03"', []),  # less precise than the article: fine
        ('date = "2023-03-06"', 'date = "2023"', []),
        ('date = "2023-03-06"', 'date = "2024"', [("date", f"'2024' ('2024') {ABSENT} in any form")]),
    ],
)
def test_each_rule_of_a_claim(old: str, new: str, found: list[tuple[str, str]]) -> None:
    expect(edit(old, new), "talks", *found)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            'date = "2024-11-18"',
            'date = "2024-11-19"',
            [("date", f"inferred date '2024-11-19': 'November 19' {ABSENT}")],
        ),
        (
            'date = "2024-11-18"',
            'date = "2023-11-18"',
            [
                ("date", f"inferred date '2023-11-18': the year '2023' {ABSENT}"),
                (
                    "evidence",
                    "inferred date '2023-11-18': no evidence quote writes the year 2023; quote the words that date it",
                ),
            ],
        ),
        (
            'The paragraph opens "In 2024".',
            'The paragraph opens "In 2022".',
            [("date_note", f"the quoted 'In 2022' {ABSENT}")],
        ),
        (
            'The paragraph opens "In 2024".',
            "It is 3 days after the talks.",
            [("date_note", f"the number '3' {ABSENT}")],
        ),
        (
            '{ paragraph = 2, quote = "In 2024 the sides met again" },\n',
            "",
            [
                (
                    "evidence",
                    "inferred date '2024-11-18': no evidence quote writes the year 2024; quote the words that date it",
                )
            ],
        ),
        (
            "The Combat Brotherhood exercise",
            'The \\"Combat Brotherhood.\\" exercise',
            [("summary", f"the quoted 'Combat Brotherhood.' {ABSENT}")],
        ),
        ("The Combat Brotherhood exercise", 'The \\"Combat Brotherhood\\" exercise', []),
    ],
)
def test_each_rule_of_an_inferred_date(old: str, new: str, found: list[tuple[str, str]]) -> None:
    expect(edit(old, new), "exercise", *found)


WORK = "the paragraphs that describe it"


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            'author = "Kirill Babaev"',
            'author = "Kirill Babayev"',
            [("author", f"'Kirill Babayev' is not in {WORK}")],
        ),
        (
            'author_post = "director of the Institute"',
            'author_post = "head of the Institute"',
            [("author_post", f"'head of the Institute' is not in {WORK}")],
        ),
        (
            'author_post = "director of the Institute"',
            'author_post = "director of the Institute"\nauthor_titles = ["director", "professor"]',
            [("author_titles", f"'professor' is not in {WORK}")],
        ),
        (
            'venue = "Allies. CSTO"',
            'venue = "Allies. CSTO"\ntitle = "Ten Years"',
            [("title", f"'Ten Years' is not in {WORK}")],
        ),
        ('venue = "Allies. CSTO"', 'venue = "Allies"', []),  # whole words of the paragraph
        ('venue = "Allies. CSTO"', 'venue = "Allie"', [("venue", f"'Allie' is not in {WORK}")]),
        ('venue_type = "portal"', 'venue_type = "journal"', [("venue_type", f"'journal' is not in {WORK}")]),
        (
            'period_start = "2023"',
            'period_start = "2022"',
            [("period_start", f"the year of '2022' is not in {WORK}")],
        ),
        (
            'period_end = "2025"',
            'period_end = "2026-01"',
            [("period_end", f"the year of '2026-01' is not in {WORK}")],
        ),
        (
            "described_in = [3]",
            "described_in = [1]",
            [
                ("author", f"'Kirill Babaev' is not in {WORK}"),
                ("author_post", f"'director of the Institute' is not in {WORK}"),
                ("venue", f"'Allies. CSTO' is not in {WORK}"),
                ("venue_type", f"'portal' is not in {WORK}"),
                ("period_end", f"the year of '2025' is not in {WORK}"),
            ],
        ),
        ("described_in = [3]\n", "", []),  # nothing to hold it to
    ],
)
def test_each_rule_of_a_reported_work(old: str, new: str, found: list[tuple[str, str]]) -> None:
    expect(edit(old, new), "analysis", *found)


def test_a_source_without_its_body_is_not_linted() -> None:
    text = HEAD.split("body = [")[0] + "paragraphs = 3\n\n" + HEAD.split("]\n\n", 3)[-1]
    text += TALKS.replace("met Kyrgyz officials", "met 12 Kyrgyz officials in Astana")
    assert "body" not in text and findings(text) == []


def test_validate_reports_every_finding_with_its_file_and_line(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text = edit("in Minsk on", "in Astana on", edit('venue_type = "portal"', 'venue_type = "journal"'))
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert (result.code, result.out) == (3, "")
    venue_type = line_of(text, "venue_type = ", 'id = "analysis"')
    summary = line_of(text, "summary = ", 'id = "talks"')
    assert result.err.splitlines() == [
        f"cstofacts: {path}:{venue_type}: reported work 'analysis': 'journal' is not in {WORK}",
        f"cstofacts: {path}:{summary}: claim 'talks': 'Astana' {ABSENT}",
    ]


def test_each_reported_work_is_placed_at_its_own_entry() -> None:
    """[[sources.reports]] entries are counted through the file: the second one's finding is on its own line."""
    second = '\n[[sources.reports]]\nid = "second"\nauthor = "Kirill Babaev"\nvenue = "Nowhere"\ndescribed_in = [3]\n'
    text = HEAD + second + TALKS + EXERCISE
    line = line_of(text, "venue = ", 'id = "second"')
    assert line > line_of(text, "venue = ", 'id = "analysis"')
    assert findings(text) == [f"{NAME}:{line}: reported work 'second': 'Nowhere' is not in {WORK}"]


# -- rules the validator enforces first, and long terms: lint_claim on its own ------------------------

P1 = "On March 6, 2023, the CSTO held talks in Minsk with Kyrgyz officials on border tensions."


def lint_one(**changes: object) -> list[tuple[str, str]]:
    claim: dict[str, Any] = {
        "summary": "The CSTO met Kyrgyz officials in Minsk on March 6, 2023.",
        "location": None,
        "date": None,
        "end_date": None,
        "date_basis": None,
        "date_note": None,
        "evidence": [(1, "the CSTO held talks in Minsk")],
        "cited": {1: P1},
        "names": {"Minsk"},
    }
    return [(f.key, f.message) for f in lint_claim(**{**claim, **changes})]


def test_an_empty_quote_is_one_finding() -> None:
    assert lint_one(evidence=[(1, " \n ")]) == [("evidence", "empty quote for ¶1")]


NOT_ISO = "is not an ISO date at reduced precision: YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-03-06", None),
        ("2025-01-01", f"'2025-01-01' ('January 1, 2025') {ABSENT} in any form"),
        ("2025-12-31", f"'2025-12-31' ('December 31, 2025') {ABSENT} in any form"),
        ("2025-12", f"'2025-12' ('December 2025') {ABSENT} in any form"),
        ("2025-00-05", f"'2025-00-05' {NOT_ISO}"),
        ("2025-13", f"'2025-13' {NOT_ISO}"),
        ("2025-01-00", f"'2025-01-00' {NOT_ISO}"),
        ("2025-01-32", f"'2025-01-32' {NOT_ISO}"),
    ],
)
def test_a_date_is_a_real_month_and_day_before_it_is_looked_for(value: str, message: str | None) -> None:
    assert lint_one(date=value, date_basis="stated") == ([] if message is None else [("date", message)])


RU = "14 ноября 2024 года в Минске прошла сессия. В марте 2025 года стороны встретились снова."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-11-14", None),  # "14 ноября 2024 года": the genitive
        ("2024-11", None),
        ("2025-03", None),  # "в марте 2025 года": the prepositional
        ("2024", None),
        ("2024-11-15", f"'2024-11-15' ('November 15, 2024') {ABSENT} in any form"),
        ("2025-04", f"'2025-04' ('April 2025') {ABSENT} in any form"),
    ],
)
def test_a_russian_paragraph_states_its_dates_in_any_case_of_the_month(
    value: str, message: str | None
) -> None:
    quote = [(1, "в Минске прошла сессия")]
    found = lint_one(summary="Сессия прошла.", date=value, date_basis="stated", evidence=quote, cited={1: RU})
    assert found == ([] if message is None else [("date", message)])


def test_a_long_term_is_cut_to_eighty_characters_in_its_message() -> None:
    title = "a" + " very" * 20 + " long title"  # 112 characters
    shown = title[:79] + "…"
    summary = f'The CSTO met Kyrgyz officials in Minsk under "{title}".'
    assert lint_one(summary=summary) == [
        ("summary", f"puts '{shown}' in quotation marks, which the cited paragraphs do not")
    ]
    exact = "b" + " long" * 15 + " word"  # 81 characters: cut
    assert lint_one(summary=f'The CSTO met Kyrgyz officials in Minsk under "{exact}".') == [
        ("summary", f"puts '{exact[:79]}…' in quotation marks, which the cited paragraphs do not")
    ]
    fits = "c" + " long" * 15 + " wor"  # 80 characters: whole
    assert len(fits) == 80 and len(exact) == 81
    assert lint_one(summary=f'The CSTO met Kyrgyz officials in Minsk under "{fits}".') == [
        ("summary", f"puts '{fits}' in quotation marks, which the cited paragraphs do not")
    ]
