"""cstofacts.store.claims, pinned where mutation testing found the suite silent (docs/testing.md).

Every rule of one [[claims]] entry, each with the exact problems `validate` reports for it (the
message and the line, and nothing else), and the Claim a valid entry becomes.
"""

from __future__ import annotations

from datetime import date

import pytest
from test_mutants_validate import BASE, NAME, at, edit, load, problems

from cstofacts.model import Kind

# BASE with the article's words, and a claim that uses every optional key.
TEXT = (
    edit(
        "paragraphs = 5\n",
        'body = [\n    "One.",\n    "Talks were   held in Minsk\\nin 2024.",\n    "Three.",\n]\n',
    ).split("[[claims]]")[0]
    + """[[claims]]
id = "talks"
source = "doc"
kind = "event"
category = "meeting"
summary = "Talks were held in Minsk."
countries = ["BY", "KG"]
organizations = ["CSTO"]
paragraphs = [2, 3]
attributed_to = "article"
attribution_note = "As reported."
evidence = [{ paragraph = 2, quote = "Talks were held in Minsk" }]
date = "2024-03"
end_date = "2024-05-02"
date_basis = "inferred"
date_note = "From the paragraph."
location = "Minsk"

[[claims]]
id = "part"
source = "doc"
kind = "background"
category = "exercise"
summary = "A part of the talks."
countries = []
organizations = []
paragraphs = [1]
attributed_to = "article"
parent = "talks"
"""
)


def claim_line(key: str, nth: int = 1) -> int:
    return at(TEXT, f"{key} = ", nth)


def expect(old: str, new: str, *found: tuple[str, str]) -> None:
    """Replacing `old` by `new` gives exactly these problems: (marker of the line, message)."""
    text = edit(old, new, TEXT)
    assert problems(text) == [f"{NAME}:{at(text, marker)}: {message}" for marker, message in found]


def test_a_claim_with_every_key_is_read_whole() -> None:
    talks, part = load(TEXT).claims
    assert talks.record() == {
        "id": "talks",
        "kind": "event",
        "category": "meeting",
        "date": "2024-03",
        "end_date": "2024-05-02",
        "date_basis": "inferred",
        "date_note": "From the paragraph.",
        "summary": "Talks were held in Minsk.",
        "countries": ["BY", "KG"],
        "organizations": ["CSTO"],
        "location": "Minsk",
        "paragraphs": [2, 3],
        "attributed_to": "article",
        "attribution_note": "As reported.",
        "parent": None,
        "source": "doc",
        "evidence": [{"paragraph": 2, "quote": "Talks were held in Minsk"}],
        "first_day": "2024-03-01",
        "last_day": "2024-05-02",
        "period": "2024-03/2024-05-02",
    }
    assert talks.kind is Kind.EVENT
    assert [(e.paragraph, e.quote) for e in talks.evidence] == [(2, "Talks were held in Minsk")]
    assert talks.span == (date(2024, 3, 1), date(2024, 5, 2))
    assert (part.kind, part.parent, part.span, part.evidence) == (Kind.BACKGROUND, "talks", None, ())


def test_a_claim_without_an_end_date_spans_its_date() -> None:
    [talks, _] = load(edit('end_date = "2024-05-02"\n', "", TEXT)).claims
    assert talks.span == (date(2024, 3, 1), date(2024, 3, 31))


def in_part(old: str, new: str) -> str:
    """TEXT with `old` replaced in the second claim, "part", only."""
    head, marker, tail = TEXT.rpartition("[[claims]]")
    assert tail.count(old) == 1, old
    return head + marker + tail.replace(old, new)


PART = TEXT.rpartition("[[claims]]")[2]
PART_LINE = at(TEXT, "[[claims]]", 2)


@pytest.mark.parametrize(
    "key",
    [
        "id",
        "source",
        "kind",
        "category",
        "summary",
        "paragraphs",
        "attributed_to",
        "countries",
        "organizations",
    ],
)
def test_each_required_key_of_a_claim_is_missing_by_name(key: str) -> None:
    old = next(line for line in PART.splitlines() if line.startswith(f"{key} = "))
    text = in_part(old + "\n", "")
    what = "claim #2" if key == "id" else "claim 'part'"
    assert problems(text)[0] == f"{NAME}:{PART_LINE}: {what}: missing key {key!r}"


def test_an_unknown_key_lists_the_known_ones() -> None:
    expect(
        'location = "Minsk"',
        'location = "Minsk"\nplace = "Minsk"',
        (
            "place = ",
            "claim 'talks': unknown key 'place'; known keys: id, source, kind, category, summary, paragraphs, "
            "attributed_to, countries, organizations, evidence, date, end_date, date_basis, date_note, "
            "location, parent, attribution_note, draft",
        ),
    )


def test_a_claim_id_is_lowercase_letters_digits_and_hyphens() -> None:
    expect(
        'id = "part"',
        'id = "Part 2"',
        ('id = "Part 2"', "claim 'Part 2': id must be lowercase letters, digits and hyphens"),
    )


def test_a_claim_without_a_string_id_is_named_by_its_number() -> None:
    expect('id = "part"', "id = 2", ("id = 2", "claim #2: 'id' must be a string, not a whole number"))


@pytest.mark.parametrize(
    ("key", "value", "known"),
    [
        ("source", "other", "doc"),
        ("kind", "happening", "assessment, background, event"),
        ("category", "summit", "exercise, meeting"),
        ("attributed_to", "analyst", "article"),
    ],
)
def test_a_choice_must_be_declared(key: str, value: str, known: str) -> None:
    old = next(line for line in PART.splitlines() if line.startswith(f"{key} = "))
    new = f'{key} = "{value}"'
    text = in_part(old, new)
    assert problems(text) == [
        f"{NAME}:{at(text, new)}: claim 'part': unknown {key} {value!r}; known: {known}"
    ]


def test_a_blank_claim_id_says_it_is_empty() -> None:
    expect('id = "part"', 'id = ""', ('id = ""', "claim '': 'id' must have text; it is empty"))


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("summary", '""', "claim 'talks': 'summary' must have text; it is empty"),
        ("location", '" "', "claim 'talks': 'location' must have text; it is only white space"),
        ("attribution_note", '""', "claim 'talks': 'attribution_note' must have text; it is empty"),
        ("date_note", '""', "claim 'talks': 'date_note' must have text; it is empty"),
    ],
)
def test_a_claims_text_must_have_text(key: str, value: str, message: str) -> None:
    old = next(line for line in TEXT.splitlines() if line.startswith(f"{key} = "))
    assert problems(edit(old, f"{key} = {value}", TEXT)) == [f"{NAME}:{claim_line(key)}: {message}"]


def test_a_blank_parent_must_have_text() -> None:
    text = in_part('parent = "talks"', 'parent = ""')
    assert problems(text) == [
        f"{NAME}:{at(text, 'parent = ')}: claim 'part': 'parent' must have text; it is empty"
    ]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("countries", '["BY", "TJ", "UZ"]', "claim 'talks': unknown country 'TJ'; declared: BY, KG"),
        ("countries", '["BY", "BY"]', "claim 'talks': 'countries' lists a value twice"),
        (
            "organizations",
            '["CSTO", "NATO"]',
            "claim 'talks': unknown organization 'NATO'; declared: CSTO, UN",
        ),
        ("organizations", '["UN", "UN"]', "claim 'talks': 'organizations' lists a value twice"),
    ],
)
def test_countries_and_organizations_are_declared_and_listed_once(key: str, value: str, message: str) -> None:
    old = next(line for line in TEXT.splitlines() if line.startswith(f"{key} = "))
    expected = [f"{NAME}:{claim_line(key)}: {message}"]
    if "'UZ'" in message or "TJ" in value:
        expected.append(f"{NAME}:{claim_line(key)}: claim 'talks': unknown country 'UZ'; declared: BY, KG")
    assert problems(edit(old, f"{key} = {value}", TEXT)) == expected


@pytest.mark.parametrize(
    ("value", "messages"),
    [
        ("3", ["'paragraphs' must be a list of paragraph numbers, not a whole number"]),
        ('[2, "3"]', ["paragraph '3' is not a whole number but a string"]),
        ("[2, true]", ["paragraph True is not a whole number but a boolean"]),
        ("[]", ["cites no paragraph"]),
        (
            "[-2, 2, -1]",
            ["paragraph -2 is below 0 (¶0 is the headline)", "paragraph -1 is below 0 (¶0 is the headline)"],
        ),
        ("[2, 3, 4]", ["paragraph 4 is past the source's last (¶3)"]),
        ("[2, 3, 2]", ["'paragraphs' lists a number twice"]),
    ],
)
def test_paragraphs_are_distinct_numbers_within_the_source(value: str, messages: list[str]) -> None:
    text = edit("paragraphs = [2, 3]", f"paragraphs = {value}", TEXT)
    found = [p for p in problems(text) if "evidence" not in p]
    assert found == [f"{NAME}:{claim_line('paragraphs')}: claim 'talks': {m}" for m in messages]


def test_the_last_paragraph_of_the_source_may_be_cited() -> None:
    [talks, _] = load(edit("paragraphs = [2, 3]", "paragraphs = [3, 2]", TEXT)).claims
    assert talks.paragraphs == (3, 2)


def test_paragraphs_are_not_bounded_when_the_source_has_no_count() -> None:
    text = edit("paragraphs = 5\n", "", BASE).replace("paragraphs = [1]", "paragraphs = [1, 99]")
    [talks] = load(text).claims
    assert talks.paragraphs == (1, 99)


EVIDENCE = 'evidence = [{ paragraph = 2, quote = "Talks were held in Minsk" }]'


@pytest.mark.parametrize(
    ("value", "messages"),
    [
        ("3", ["claim 'talks': 'evidence' must be a list of { paragraph, quote } tables"]),
        ('["Talks"]', ["claim 'talks': 'evidence' must be a list of { paragraph, quote } tables"]),
        ("[]", ["claim 'talks': 'evidence' quotes nothing"]),
        (
            '[{ paragraph = 2, quote = "Talks were", page = 1 }]',
            ["claim 'talks' evidence: unknown key 'page'; known keys: paragraph, quote"],
        ),
        (
            "[{ paragraph = 2 }]",
            [
                "claim 'talks' evidence: missing key 'quote'",
                "claim 'talks': evidence needs a paragraph number and a quote with text",
            ],
        ),
        (
            '[{ paragraph = "2", quote = "Talks" }]',
            ["claim 'talks': evidence needs a paragraph number and a quote with text"],
        ),
        (
            "[{ paragraph = 2, quote = 3 }]",
            ["claim 'talks': evidence needs a paragraph number and a quote with text"],
        ),
        (
            '[{ paragraph = 2, quote = "  " }]',
            ["claim 'talks': evidence needs a paragraph number and a quote with text"],
        ),
        (
            '[{ paragraph = 2, quote = "Talks\\u0007" }]',
            ["claim 'talks': evidence 'Talks\\x07' holds a control character"],
        ),
        (
            '[{ paragraph = 1, quote = "Talks" }]',
            ["claim 'talks': evidence quotes ¶1, which the claim does not cite"],
        ),
        (
            '[{ paragraph = 3, quote = "Talks" }]',
            ["claim 'talks': evidence 'Talks' is not in ¶3 word for word"],
        ),
        (
            '[{ paragraph = 2, quote = "Talkswere held" }]',
            ["claim 'talks': evidence 'Talkswere held' is not in ¶2 word for word"],
        ),
        (
            '[{ paragraph = 2, quote = "Talks were held in Minsk in 2024, in spring, say the sides" }]',
            [
                "claim 'talks': evidence 'Talks were held in Minsk in 2024, in spr…' is not in ¶2 word for word"
            ],
        ),
    ],
)
def test_evidence_is_the_articles_words_from_a_cited_paragraph(value: str, messages: list[str]) -> None:
    text = edit(EVIDENCE, f"evidence = {value}", TEXT)
    assert problems(text) == [f"{NAME}:{claim_line('evidence')}: {m}" for m in messages]


def test_evidence_may_differ_from_the_article_in_white_space_only() -> None:
    text = edit(EVIDENCE, 'evidence = [{ paragraph = 2, quote = "were held in    Minsk in 2024" }]', TEXT)
    [talks, _] = load(text).claims
    assert [(e.paragraph, e.quote) for e in talks.evidence] == [(2, "were held in    Minsk in 2024")]


def test_a_quote_of_40_characters_is_shown_whole() -> None:
    quote = "Talks were held in Minsk in the spring o"
    assert len(quote) == 40
    text = edit(EVIDENCE, f'evidence = [{{ paragraph = 2, quote = "{quote}" }}]', TEXT)
    assert problems(text) == [
        f"{NAME}:{claim_line('evidence')}: claim 'talks': evidence {quote!r} is not in ¶2 word for word"
    ]


def test_a_quote_on_its_own_line_is_reported_there() -> None:
    text = edit(
        EVIDENCE, 'evidence = [\n    { paragraph = 2, quote = "Talks were held in Moscow" },\n]', TEXT
    )
    assert problems(text) == [
        f"{NAME}:{at(text, 'Moscow')}: claim 'talks': evidence 'Talks were held in Moscow' is not in ¶2 word for word"
    ]


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        (
            'end_date = "2024-05-02"',
            'end_date = "2024-02"',
            "end_date = ",
            "claim 'talks': date 2024-03 is after end_date 2024-02",
        ),
        (
            'date_basis = "inferred"\n',
            "",
            "date = ",
            "claim 'talks': a dated claim needs 'date_basis' (stated or inferred)",
        ),
        (
            'date_basis = "inferred"',
            'date_basis = "guessed"',
            "date_basis = ",
            "claim 'talks': unknown date_basis 'guessed'; known: stated, inferred",
        ),
        (
            'date_note = "From the paragraph."\n',
            "",
            "date_basis = ",
            "claim 'talks': an inferred date needs a 'date_note' saying why",
        ),
        (
            'date = "2024-03"',
            'date = "2024-3"',
            "date = ",
            "claim 'talks': date: '2024-3' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            'end_date = "2024-05-02"',
            'end_date = "2024-05-32"',
            "end_date = ",
            "claim 'talks': end_date: '2024-05-32' is not a real day: 2024-05 has 31 days",
        ),
    ],
)
def test_dates_say_how_they_are_known(old: str, new: str, marker: str, message: str) -> None:
    expect(old, new, (marker, message))


def test_an_end_date_and_a_basis_need_a_date() -> None:
    text = edit('date = "2024-03"\n', "", TEXT)
    assert problems(text) == [
        f"{NAME}:{at(text, 'end_date = ')}: claim 'talks': 'end_date' without 'date'",
        f"{NAME}:{at(text, 'date_basis = ')}: claim 'talks': 'date_basis' without 'date'",
    ]


def test_a_date_basis_needs_a_date() -> None:
    text = in_part('parent = "talks"', 'parent = "talks"\ndate_basis = "stated"')
    assert problems(text) == [
        f"{NAME}:{at(text, 'date_basis = ', 2)}: claim 'part': 'date_basis' without 'date'"
    ]


def test_a_stated_date_needs_no_note() -> None:
    text = edit(
        'date_basis = "inferred"\ndate_note = "From the paragraph."\n', 'date_basis = "stated"\n', TEXT
    )
    [talks, _] = load(text).claims
    assert (talks.date_basis, talks.date_note) == ("stated", None)


def test_an_end_date_on_the_day_the_date_begins_is_allowed() -> None:
    [talks, _] = load(edit('end_date = "2024-05-02"', 'end_date = "2024-03-01"', TEXT)).claims
    assert talks.span == (date(2024, 3, 1), date(2024, 3, 1))


def test_evidence_without_a_paragraph_number_is_reported() -> None:
    text = edit(EVIDENCE, 'evidence = [{ quote = "Talks were held" }]', TEXT)
    line = claim_line("evidence")
    assert problems(text) == [
        f"{NAME}:{line}: claim 'talks' evidence: missing key 'paragraph'",
        f"{NAME}:{line}: claim 'talks': evidence needs a paragraph number and a quote with text",
    ]


@pytest.mark.parametrize("key", ["source", "kind", "category", "attributed_to"])
def test_a_blank_choice_says_it_is_empty(key: str) -> None:
    old = next(line for line in PART.splitlines() if line.startswith(f"{key} = "))
    text = in_part(old, f'{key} = ""')
    assert (
        problems(text)[0]
        == f"{NAME}:{at(text, f'{key} = ', 2)}: claim 'part': {key!r} must have text; it is empty"
    )


def test_with_no_organization_declared_a_claim_says_so() -> None:
    text = TEXT.replace(TEXT[TEXT.index("[organizations.CSTO]") : TEXT.index("[places.Minsk]")], "")
    assert problems(text) == [
        f"{NAME}:{at(text, 'organizations = ')}: claim 'talks': unknown organization 'CSTO'; declared: none declared",
    ]


@pytest.mark.parametrize("key", ["date", "end_date", "date_basis"])
def test_a_blank_date_field_is_one_problem(key: str) -> None:
    old = next(line for line in TEXT.splitlines() if line.startswith(f"{key} = "))
    text = edit(old, f'{key} = ""', TEXT)
    line = at(text, f'{key} = ""')
    # Only that: a blank date is not also "'end_date' without 'date'", a blank basis not also
    # "a dated claim needs 'date_basis'".
    assert problems(text) == [f"{NAME}:{line}: claim 'talks': {key!r} must have text; it is empty"]


def test_an_end_date_given_as_a_month_may_hold_the_date() -> None:
    text = edit('date = "2024-03"', 'date = "2024-03-15"', TEXT)
    [talks, _] = load(edit('end_date = "2024-05-02"', 'end_date = "2024-03"', text)).claims
    assert talks.span == (date(2024, 3, 15), date(2024, 3, 31))
