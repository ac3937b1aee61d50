"""cstofacts.store.validate, pinned where mutation testing found the suite silent (docs/testing.md).

Every rule of the vocabulary, source and claim sections, each with the exact problems `validate`
reports for it: the message and the line, and nothing else.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, long_folder, write_dataset

from cstofacts.errors import DataError
from cstofacts.records import Dataset
from cstofacts.store.reader import parse_toml
from cstofacts.store.validate import validate

NAME = "d.toml"
# Every section, and every optional key left out somewhere: a dataset with no problem at all.
BASE = """\
schema = 3

[categories]
meeting = "A meeting."

[categories.exercise]
description = "An exercise."

[attributions]
article = "The article's own reporting."

[countries.BY]
alpha3 = "BLR"
name = "Belarus"

[countries.KG]
alpha3 = "KGZ"
name = "Kyrgyzstan"
aliases = ["Kirghizia"]

[organizations.CSTO]
name = "Collective Security Treaty Organization"

[organizations.UN]
name = "United Nations"
aliases = ["UNO"]

[places.Minsk]
country = "BY"

[places.Osh]
country = "KG"
aliases = ["Oš"]

[people.kirill-babaev]
name = "Kirill Babaev"

[people.someone]
name = "Someone"
aliases = ["Some One"]

[[sources]]
id = "doc"
headline = "A test document"
paragraphs = 5

[[sources.reports]]
id = "analysis"
author = "Kirill Babaev"

[[claims]]
id = "talks"
source = "doc"
kind = "event"
category = "meeting"
summary = "Talks were held."
countries = []
organizations = []
paragraphs = [1]
attributed_to = "article"
"""


def load(text: str) -> Dataset:
    return validate(parse_toml(text, NAME), text, NAME)


def problems(text: str) -> list[str]:
    """Every problem validate reports, as `d.toml:LINE: message`; none for a valid dataset."""
    try:
        load(text)
    except DataError as error:
        return error.messages()
    return []


def messages(text: str) -> list[str]:
    """The problems' messages alone, for problems whose line is not what the test is about."""
    return [problem.split(": ", 1)[1] for problem in problems(text)]


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def at(text: str, marker: str, nth: int = 1) -> int:
    """The line of the nth line holding `marker`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    return lines[nth - 1]


# -- a valid dataset ------------------------------------------------------------------------------


def test_a_dataset_without_any_optional_key_is_valid_and_read_whole() -> None:
    dataset = load(BASE)
    vocabulary = dataset.vocabulary
    assert {n: (c.description, c.synonyms) for n, c in vocabulary.categories.items()} == {
        "meeting": ("A meeting.", ()),
        "exercise": ("An exercise.", ()),
    }
    assert vocabulary.attributions == {"article": "The article's own reporting."}
    assert {c: (k.alpha3, k.name, k.adjectives, k.aliases) for c, k in vocabulary.countries.items()} == {
        "BY": ("BLR", "Belarus", (), ()),
        "KG": ("KGZ", "Kyrgyzstan", (), ("Kirghizia",)),
    }
    assert {s: (o.name, o.aliases) for s, o in vocabulary.organizations.items()} == {
        "CSTO": ("Collective Security Treaty Organization", ()),
        "UN": ("United Nations", ("UNO",)),
    }
    assert {n: (p.country, p.aliases) for n, p in vocabulary.places.items()} == {
        "Minsk": ("BY", ()),
        "Osh": ("KG", ("Oš",)),
    }
    assert {s: (p.name, p.aliases) for s, p in vocabulary.people.items()} == {
        "kirill-babaev": ("Kirill Babaev", ()),
        "someone": ("Someone", ("Some One",)),
    }
    [source] = dataset.sources
    assert (source.id, source.headline, source.paragraphs, source.body) == ("doc", "A test document", 5, ())
    assert (source.venue, source.section, source.byline, source.byline_romanized) == (None, None, None, None)
    [work] = source.reports
    assert (work.id, work.author, work.author_post, work.author_titles) == (
        "analysis",
        "Kirill Babaev",
        None,
        (),
    )
    assert (work.title, work.venue, work.venue_type, work.voice, work.described_in) == (None,) * 4 + ((),)
    assert (work.period_start, work.period_end) == (None, None)
    assert [c.id for c in dataset.claims] == ["talks"]


def test_every_source_field_is_read() -> None:
    text = edit(
        "paragraphs = 5\n",
        'venue = "Allies"\nsection = "Analysis"\nbyline = "Б. К."\nbyline_romanized = "B. K."\n'
        'body = ["One.", "Two."]\n',
    )
    text = edit(
        'author = "Kirill Babaev"\n\n[[claims]]',
        'author = "Kirill Babaev"\nauthor_post = "Rector"\nauthor_titles = ["Dr"]\ntitle = "T"\n'
        'venue = "V"\nvenue_type = "portal"\nperiod_start = "2023"\nperiod_end = "2025-06"\n'
        'voice = "article"\ndescribed_in = [2]\n\n[[claims]]',
        text,
    )
    [source] = load(text).sources
    assert (source.venue, source.section, source.byline, source.byline_romanized) == (
        "Allies",
        "Analysis",
        "Б. К.",
        "B. K.",
    )
    assert (source.body, source.paragraphs) == (("One.", "Two."), 2)
    [work] = source.reports
    assert (work.author_post, work.author_titles, work.title) == ("Rector", ("Dr",), "T")
    assert (work.venue, work.venue_type, work.voice, work.described_in) == ("V", "portal", "article", (2,))
    assert (work.period_start, work.period_end) == ("2023", "2025-06")
    assert source.voice("article") is work
    assert source.voice("analyst") is None


def test_validating_leaves_the_garbage_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    load(BASE)
    assert gc.isenabled()
    gc.disable()
    try:
        load(BASE)
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- required keys ------------------------------------------------------------------------------


def section(name: str) -> tuple[str, str]:
    """The text of a [name] or [name.*] block of BASE, and BASE without it."""
    lines = BASE.splitlines(keepends=True)
    kept, removed, inside = [], [], False
    for line in lines:
        if line.startswith("["):
            header = line.strip("[]\n")
            inside = header == name or header.startswith(name + ".")
        (removed if inside else kept).append(line)
    return "".join(removed), "".join(kept)


@pytest.mark.parametrize(
    ("key", "also"),
    [
        ("categories", ["claim 'talks': unknown category 'meeting'; known: none declared"]),
        ("attributions", ["claim 'talks': unknown attributed_to 'article'; known: none declared"]),
    ],
)
def test_each_required_section_is_missing_by_name(key: str, also: list[str]) -> None:
    _, text = section(key)
    found = problems(text)
    assert found[0] == f"{NAME}:1: dataset: missing key {key!r}"
    assert [p.split(": ", 1)[1] for p in found[1:]] == also


def test_countries_and_organizations_may_be_left_out_and_then_none_is_declared() -> None:
    # An article may name no country: only what uses one is a problem, not the missing table.
    _, text = section("countries")
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        "place 'Minsk': unknown country 'BY'; declared: none declared",
        "place 'Osh': unknown country 'KG'; declared: none declared",
    ]
    _, text = section("organizations")
    assert problems(text) == []


@pytest.mark.parametrize("key", ["places", "people"])
def test_places_and_people_may_be_left_out(key: str) -> None:
    _, text = section(key)
    assert problems(text) == []


def test_a_dataset_without_sources_or_claims_says_both_are_missing() -> None:
    found = problems(BASE.split("[[sources]]")[0])
    assert f"{NAME}:1: dataset: missing key 'sources'" in found
    assert f"{NAME}:1: dataset: missing key 'claims'" in found


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'description = "An exercise."\n',
            'synonyms = ["drill"]\n',
            "category 'exercise': missing key 'description'",
        ),
        ('alpha3 = "KGZ"\n', "", "country 'KG': missing key 'alpha3'"),
        ('name = "Kyrgyzstan"\n', "", "country 'KG': missing key 'name'"),
        ('name = "United Nations"\n', "", "organization 'UN': missing key 'name'"),
        ('country = "KG"\n', "", "place 'Osh': missing key 'country'"),
        ('name = "Someone"\n', "", "person 'someone': missing key 'name'"),
        ('headline = "A test document"\n', "", "source #1: missing key 'headline'"),
        (
            'author = "Kirill Babaev"\n\n[[claims]]',
            'author_post = "Rector"\n\n[[claims]]',
            "source #1 reported work #1: missing key 'author'",
        ),
    ],
)
def test_a_missing_required_key_is_reported_at_its_table(old: str, new: str, message: str) -> None:
    text = edit(old, new)
    header = {
        "category": "[categories.exercise]",
        "country": "[countries.KG]",
        "organization": "[organizations.UN]",
        "place": "[places.Osh]",
        "person": "[people.someone]",
        "source #1:": "[[sources]]",
        "source #1 reported work #1": "[[sources.reports]]",
    }
    marker = next(v for k, v in header.items() if message.startswith(k))
    assert problems(text) == [f"{NAME}:{at(text, marker)}: {message}"]


def test_a_missing_source_id_leaves_its_claims_without_a_source() -> None:
    text = edit('id = "doc"\n', "")
    assert problems(text) == [
        f"{NAME}:{at(text, '[[sources]]')}: source #1: missing key 'id'",
        f"{NAME}:{at(text, 'source = ')}: claim 'talks': unknown source 'doc'; known: none declared",
    ]


# -- the vocabulary sections --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["categories", "attributions"])
def test_an_empty_vocabulary_section_declares_no_values(name: str) -> None:
    _, text = section(name)
    text = text.replace("[countries.BY]", f"[{name}]\n\n[countries.BY]")
    found = problems(text)
    assert found[0] == f"{NAME}:{at(text, f'[{name}]')}: {name}: declares no values"


def test_a_category_is_named_in_lowercase_with_hyphens() -> None:
    text = edit('meeting = "A meeting."', '"Big Meeting" = 3')
    assert messages(text) == [
        "category 'Big Meeting': not a lowercase-hyphenated name",
        "claim 'talks': unknown category 'meeting'; known: exercise",
    ]


def test_a_category_is_a_description_or_a_table() -> None:
    text = edit('meeting = "A meeting."', "meeting = 3")
    assert messages(text) == [
        "category 'meeting': must be a description or a table, not a whole number",
        "claim 'talks': unknown category 'meeting'; known: exercise",
    ]


def test_a_blank_short_category_is_reported_at_its_own_line_and_still_declared() -> None:
    text = edit('meeting = "A meeting."', 'meeting = "  "')
    assert problems(text) == [
        f"{NAME}:{at(text, 'meeting = ')}: category 'meeting': 'description' must have text; it is only white space"
    ]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            '"The Article" = "Its reporting."',
            "attributions: 'The Article' is not a lowercase-hyphenated name",
        ),
        ("article = 3", "attributions: 'article' needs a one-line description"),
        ('article = "  "', "attributions: 'article' needs a one-line description"),
    ],
)
def test_an_attribution_is_a_slug_with_a_description(new: str, message: str) -> None:
    text = edit('article = "The article\'s own reporting."', new)
    name = new.split(" = ")[0]
    assert problems(text) == [
        f"{NAME}:{at(text, name + ' = ')}: {message}",
        f"{NAME}:{at(text, 'attributed_to = ')}: claim 'talks': unknown attributed_to 'article'; known: none declared",
    ]


def test_a_country_code_is_two_capital_letters() -> None:
    text = edit('[countries.KG]\nalpha3 = "KGZ"\n', "[countries.Kg]\n")
    assert problems(text) == [
        f"{NAME}:{at(text, '[countries.Kg]')}: country 'Kg': not an ISO 3166-1 alpha-2 code (two capital letters)",
        f"{NAME}:{at(text, 'country = ' + chr(34) + 'KG')}: place 'Osh': unknown country 'KG'; declared: BY",
    ]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ('alpha3 = ""', "country 'KG': 'alpha3' must have text; it is empty"),
        ('alpha3 = "KGz"', "country 'KG': alpha3 'KGz' is not three capital letters"),
        ('alpha3 = "KG"', "country 'KG': alpha3 'KG' is not three capital letters"),
    ],
)
def test_a_country_alpha3_is_three_capital_letters(new: str, message: str) -> None:
    text = edit('alpha3 = "KGZ"', new)
    assert problems(text) == [f"{NAME}:{at(text, 'alpha3 = ', 2)}: {message}"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('name = "Kyrgyzstan"', 'name = ""', "country 'KG': 'name' must have text; it is empty"),
        (
            'name = "United Nations"',
            'name = " "',
            "organization 'UN': 'name' must have text; it is only white space",
        ),
        ('country = "KG"', 'country = ""', "place 'Osh': 'country' must have text; it is empty"),
        ('name = "Someone"', 'name = ""', "person 'someone': 'name' must have text; it is empty"),
        ('id = "doc"', 'id = ""', "source #1: 'id' must have text; it is empty"),
        (
            'headline = "A test document"',
            'headline = ""',
            "source #1: 'headline' must have text; it is empty",
        ),
        (
            'author = "Kirill Babaev"\n\n[[claims]]',
            'author = ""\n\n[[claims]]',
            "source #1 reported work #1: 'author' must have text; it is empty",
        ),
    ],
)
def test_a_name_must_have_text(old: str, new: str, message: str) -> None:
    text = edit(old, new)
    found = problems(text)
    assert found[0] == f"{NAME}:{at(text, new.splitlines()[0])}: {message}"


@pytest.mark.parametrize(
    ("short", "valid"),
    [("A" * 32, True), ("A" * 33, False), ("CSTO-2", True), ("-UN", False), ("U,N", False)],
)
def test_an_organization_short_name_is_at_most_32_letters_and_digits(short: str, valid: bool) -> None:
    text = edit("[organizations.UN]", f'[organizations."{short}"]')
    message = f"organization {short!r}: a short name is letters and digits, like CSTO or UN"
    assert problems(text) == ([] if valid else [f"{NAME}:{at(text, short)}: {message}"])


def test_a_refused_entry_is_not_checked_further() -> None:
    """A bad name is one problem, even when the entry has nothing else right either."""
    for header, message in [
        ('[countries."K1"]', "country 'K1': not an ISO 3166-1 alpha-2 code (two capital letters)"),
        ('[organizations."-X"]', "organization '-X': a short name is letters and digits, like CSTO or UN"),
        (
            '[places."Osh\u202e"]',
            "place 'Osh\\u202e': a place is named by printable text of at most 80 characters",
        ),
        ('[people."Some One"]', "person 'Some One': not a lowercase-hyphenated name"),
        ('[categories."Some Thing"]', "category 'Some Thing': not a lowercase-hyphenated name"),
    ]:
        text = edit("[[sources]]", f"{header}\nunknown = 1\n\n[[sources]]")
        assert problems(text) == [f"{NAME}:{at(text, header)}: {message}"], header


def test_a_refused_organization_is_not_declared_for_the_claims() -> None:
    text = edit("[organizations.UN]", '[organizations."-UN"]')
    text = edit("organizations = []", 'organizations = ["-UN"]', text)
    assert problems(text) == [
        f"{NAME}:{at(text, '-UN')}: organization '-UN': a short name is letters and digits, like CSTO or UN",
        f"{NAME}:{at(text, 'organizations = [')}: claim 'talks': unknown organization '-UN'; declared: CSTO",
    ]


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("O" * 80, True),
        ("O" * 81, False),
        ("  ", False),
        ("Osh\u202e", False),
        ("Osh\\tBazaar", False),
        ("Osh Bazaar", True),
    ],
)
def test_a_place_is_named_by_printable_text_of_at_most_80_characters(name: str, valid: bool) -> None:
    text = edit("[places.Osh]", f'[places."{name}"]')
    shown = name.replace("\\t", "\t")
    message = f"place {shown!r}: a place is named by printable text of at most 80 characters"
    assert messages(text) == ([] if valid else [message])


def test_a_place_lies_in_a_declared_country() -> None:
    text = edit('country = "KG"', 'country = "TJ"')
    line = at(text, 'country = "TJ"')
    assert problems(text) == [f"{NAME}:{line}: place 'Osh': unknown country 'TJ'; declared: BY, KG"]


def test_a_person_is_named_in_lowercase_with_hyphens() -> None:
    text = edit("[people.someone]", "[people.Someone]")
    assert problems(text) == [
        f"{NAME}:{at(text, '[people.Someone]')}: person 'Someone': not a lowercase-hyphenated name"
    ]


@pytest.mark.parametrize("name", ["countries", "organizations", "places", "people"])
def test_a_vocabulary_entry_must_be_a_table(name: str) -> None:
    _, text = section(name)
    text = edit("[[sources]]", f"[{name}]\nodd = 3\n\n[[sources]]", text)
    assert f"{name} 'odd': must be a table, not a whole number" in messages(text)


# -- sources ----------------------------------------------------------------------------------------

SOURCE = BASE[BASE.index("[[sources]]") : BASE.index("[[claims]]")]
NO_SOURCE = BASE.replace(SOURCE, "")
UNKNOWN_DOC = "claim 'talks': unknown source 'doc'; known: none declared"


@pytest.mark.parametrize("value", ["3", "[1, 2]", '"doc"'])
def test_sources_must_be_an_array_of_tables(value: str) -> None:
    text = f"sources = {value}\n" + NO_SOURCE
    assert problems(text) == [
        f"{NAME}:1: 'sources' must be an array of tables ([[sources]])",
        f"{NAME}:{at(text, 'source = ')}: {UNKNOWN_DOC}",
    ]


def test_a_schema_written_as_a_table_is_reported_at_its_line() -> None:
    text = "schema.version = 2\n" + BASE.replace("schema = 3\n", "")
    assert problems(text) == [f"{NAME}:1: 'schema' must be a whole number, not a table"]


@pytest.mark.parametrize("key", ["sources", "claims"])
def test_a_misplaced_array_is_reported_at_its_own_line(key: str) -> None:
    rest = NO_SOURCE if key == "sources" else BASE.replace(CLAIM, "")
    text = edit("schema = 3\n", f"schema = 3\n{key} = 3\n", rest)
    assert problems(text)[0] == f"{NAME}:2: {key!r} must be an array of tables ([[{key}]])"


def test_sources_written_as_a_dotted_table_are_located_at_their_line() -> None:
    text = "sources.doc = 1\n" + NO_SOURCE
    assert problems(text)[0] == f"{NAME}:1: 'sources' must be an array of tables ([[sources]])"


def test_an_empty_sources_array_declares_no_sources() -> None:
    text = edit("schema = 3\n", "schema = 3\nsources = []\n", NO_SOURCE)
    assert problems(text) == [
        f"{NAME}: dataset: declares no [[sources]]",
        f"{NAME}:{at(text, 'source = ')}: {UNKNOWN_DOC}",
    ]


def test_a_duplicate_source_id_is_reported_once_and_not_checked_further() -> None:
    text = edit("[[claims]]", '[[sources]]\nid = "doc"\nheadline = "Again"\nparagraphs = 0\n\n[[claims]]')
    first = at(text, "[[sources]]")
    line = at(text, 'id = "doc"', 2)
    assert problems(text) == [f"{NAME}:{line}: source 'doc': duplicate id (first at line {first})"]


def test_reports_must_be_an_array_of_tables() -> None:
    text = edit(
        '[[sources.reports]]\nid = "analysis"\nauthor = "Kirill Babaev"\n',
        "",
        edit("paragraphs = 5\n", 'paragraphs = 5\nreports = "Babaev"\n'),
    )
    assert messages(text) == ["source #1: 'reports' must be an array of tables ([[sources.reports]])"]


def test_a_reported_work_has_known_keys() -> None:
    text = edit('author = "Kirill Babaev"\n\n[[claims]]', 'author = "Kirill Babaev"\nrank = 1\n\n[[claims]]')
    known = ", ".join(
        "id author author_post author_titles title venue venue_type period_start period_end voice "
        "described_in".split()
    )
    assert problems(text) == [
        f"{NAME}:{at(text, 'rank = ')}: source #1 reported work #1: unknown key 'rank'; known keys: {known}"
    ]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("period_start", '"2023-13"', "period_start: '2023-13' has no month 13"),
        ("period_end", '"2025-02-30"', "period_end: '2025-02-30' is not a real day: 2025-02 has 28 days"),
        ("period_start", "2023", "'period_start' must be a string, not a whole number"),
        ("voice", '"reporter"', "unknown voice 'reporter'; known: article"),
        ("described_in", "[6]", "described_in: the source has no ¶6"),
        ("described_in", '"1"', "'described_in' must be a list of paragraph numbers"),
        ("id", '"Not A Slug"', "id must be lowercase letters, digits and hyphens"),
        ("id", '"doc"', "id 'doc' is already a work's"),
    ],
)
def test_a_reported_work_is_checked_like_a_source(key: str, value: str, message: str) -> None:
    text = edit('author = "Kirill Babaev"\n\n', f'author = "Kirill Babaev"\n{key} = {value}\n\n')
    if key == "id":
        text = edit('id = "analysis"\n', "", text)
    line = at(text, f"{key} = {value}", 2 if value == '"doc"' else 1)  # the source's own id comes first
    assert problems(text) == [f"{NAME}:{line}: source #1 reported work #1: {message}"]


def test_two_reported_works_cannot_share_a_voice() -> None:
    work = '[[sources.reports]]\nid = "{}"\nauthor = "A"\nvoice = "article"\n\n'
    text = edit("[[claims]]", work.format("one") + work.format("two") + "[[claims]]")
    line = at(text, 'voice = "article"', 2)
    assert problems(text) == [f"{NAME}:{line}: source #1 reported work #3: voice 'article' is another work's"]


@pytest.mark.parametrize("count", ["0", "-1", '"5"', "true", "2.0"])
def test_a_paragraph_count_is_a_positive_whole_number(count: str) -> None:
    text = edit("paragraphs = 5\n", f"paragraphs = {count}\n")
    assert problems(text) == [
        f"{NAME}:{at(text, 'paragraphs = ')}: source #1: 'paragraphs' must be a positive count"
    ]


def test_a_paragraph_count_of_one_is_allowed() -> None:
    [source] = load(edit("paragraphs = 5\n", "paragraphs = 1\n")).sources
    assert source.paragraphs == 1


def test_a_paragraph_count_must_agree_with_the_body() -> None:
    text = edit("paragraphs = 5\n", 'paragraphs = 3\nbody = ["One.", "Two."]\n')
    assert problems(text) == [
        f"{NAME}:{at(text, 'paragraphs = ')}: source #1: 'paragraphs' says 3 but 'body' has 2"
    ]
    [source] = load(edit("paragraphs = 5\n", 'paragraphs = 2\nbody = ["One.", "Two."]\n')).sources
    assert source.paragraphs == 2


def test_without_a_count_or_a_body_a_source_has_no_paragraph_count() -> None:
    [source] = load(edit("paragraphs = 5\n", "")).sources
    assert (source.paragraphs, source.body) == (None, ())


# -- claims as a whole ---------------------------------------------------------------------------

CLAIM = BASE[BASE.index("[[claims]]") :]


def claim(claim_id: str, *extra: str, category: str = "meeting") -> str:
    text = CLAIM.replace('id = "talks"', f'id = "{claim_id}"').replace('"meeting"', f'"{category}"')
    return "\n" + text + "".join(line + "\n" for line in extra)


@pytest.mark.parametrize("value", ["3", "[1]", '"talks"'])
def test_claims_must_be_an_array_of_tables(value: str) -> None:
    text = f"claims = {value}\n" + BASE.replace(CLAIM, "")
    assert problems(text) == [f"{NAME}:1: 'claims' must be an array of tables ([[claims]])"]


def test_claims_written_as_a_dotted_table_are_located_at_their_line() -> None:
    text = "claims.talks = 1\n" + BASE.replace(CLAIM, "")
    assert problems(text) == [f"{NAME}:1: 'claims' must be an array of tables ([[claims]])"]


def test_a_duplicate_claim_id_names_the_first() -> None:
    text = BASE + claim("talks") + claim("talks", 'parent = "talks"')
    first, second, third = (at(text, "[[claims]]", n) for n in (1, 2, 3))
    assert problems(text) == [
        f"{NAME}:{second}: claim 'talks': duplicate id (first at line {first})",
        f"{NAME}:{third}: claim 'talks': duplicate id (first at line {first})",
    ]


def test_a_child_of_an_invalid_claim_is_not_reported_too() -> None:
    text = BASE + claim("broken", category="summit") + claim("child", 'parent = "broken"')
    assert messages(text) == ["claim 'broken': unknown category 'summit'; known: exercise, meeting"]


def test_an_invalid_claim_with_a_duplicate_id_is_reported_for_its_own_problem() -> None:
    text = BASE + claim("talks", category="summit")
    assert messages(text) == ["claim 'talks': unknown category 'summit'; known: exercise, meeting"]


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([("a", "a")], ["claim 'a': 'parent' cannot be the claim itself"]),
        ([("a", "nowhere")], ["claim 'a': parent 'nowhere' is not the id of any claim"]),
        (
            [("a", "b"), ("b", "a")],
            [
                "claim 'a': parents go round in a circle: a → b → a",
                "claim 'b': parents go round in a circle: b → a → b",
            ],
        ),
        (
            [("a", "b"), ("b", "c"), ("c", "b")],  # a leads into the circle without being in it
            [
                "claim 'b': parents go round in a circle: b → c → b",
                "claim 'c': parents go round in a circle: c → b → c",
            ],
        ),
        ([("a", "b"), ("b", "c"), ("c", "talks")], []),
    ],
)
def test_parents_lead_to_a_root(claims: list[tuple[str, str]], expected: list[str]) -> None:
    text = BASE + "".join(claim(child, f'parent = "{parent}"') for child, parent in claims)
    assert messages(text) == expected
    lines = [at(text, "parent = ", n) for n in range(1, len(claims) + 1)]
    assert [p.split(":")[1] for p in problems(text)] == [
        str(line)
        for line, (child, _) in zip(lines, claims, strict=True)
        if any(f"claim '{child}'" in m for m in expected)
    ]


def test_an_unknown_dotted_key_is_reported_at_its_own_line() -> None:
    # `extra.part = 1` makes the key `extra`, which tomllib keeps no line for: the locator finds
    # the dotted key's first part as it finds a plain key.
    text = BASE.replace("schema = 3\n", "schema = 3\nextra.part = 1\n", 1)
    assert problems(text)[0] == (
        f"{NAME}:2: dataset: unknown key 'extra'; known keys: schema, categories, attributions, countries, "
        "organizations, places, people, sources, claims"
    )


# cstofacts.cli.commands.validate: the command's own report.


def test_validate_names_a_long_path_cut_to_200_characters(cli: Callable[..., Result], tmp_path: Path) -> None:
    folder = long_folder(long_folder(tmp_path), "e")
    path = write_dataset(folder / "doc.toml", claim_toml("first"))
    assert len(path) > 200
    result = cli("--data", path, "validate")
    assert (result.code, result.err) == (0, "")
    assert result.out == path[:199] + "…: ok, 1 claims, 1 source\n"
