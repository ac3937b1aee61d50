"""cstofacts.store.checks, pinned where mutation testing found the suite silent (docs/testing.md).

The checks every section shares, seen through `validate`: a value of the wrong type named in
words, blank text, lists of strings item by item, sections that are not tables, quotes cut short.
"""

from __future__ import annotations

import pytest
from test_mutants_validate import BASE, NAME, at, edit, load, problems

from cstofacts.store.checks import cut, describe


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("true", "a boolean"),
        ("3", "a whole number"),
        ("2.5", "a decimal number"),
        ("[]", "a list"),
        ("{}", "a table"),
    ],
)
def test_a_value_of_the_wrong_type_is_named_in_words(value: str, named: str) -> None:
    text = edit('alpha3 = "KGZ"', f"alpha3 = {value}")
    assert problems(text) == [
        f"{NAME}:{at(text, 'alpha3 = ', 2)}: country 'KG': 'alpha3' must be a string, not {named}"
    ]


def test_describe_names_every_toml_type() -> None:
    assert [describe(v) for v in (True, 1, 1.5, "s", [], {})] == [
        "a boolean",
        "a whole number",
        "a decimal number",
        "a string",
        "a list",
        "a table",
    ]


def test_an_optional_text_may_be_empty() -> None:
    [source] = load(edit("paragraphs = 5\n", 'paragraphs = 5\nsection = ""\n')).sources
    assert source.section == ""


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ('["Kirghizia", 3]', "country 'KG': 'aliases' item 2 must be a string, not a whole number"),
        ('[7, "Kirghizia"]', "country 'KG': 'aliases' item 1 must be a string, not a whole number"),
        ('["Kirghizia", ""]', "country 'KG': 'aliases' item 2 must have text; it is empty"),
        ('["Kirghizia", "  "]', "country 'KG': 'aliases' item 2 must have text; it is only white space"),
        ('"Kirghizia"', "country 'KG': 'aliases' must be a list of strings, not a string"),
    ],
)
def test_a_list_of_strings_is_checked_item_by_item(aliases: str, message: str) -> None:
    text = edit('aliases = ["Kirghizia"]', f"aliases = {aliases}")
    assert problems(text) == [f"{NAME}:{at(text, 'aliases = ')}: {message}"]


@pytest.mark.parametrize(
    ("countries", "message"),
    [
        ('["BY", 3]', "claim 'talks': 'countries' item 2 must be a string, not a whole number"),
        ('["BY", " "]', "claim 'talks': 'countries' item 2 must have text; it is only white space"),
    ],
)
def test_a_bad_item_in_a_claims_list_is_one_problem(countries: str, message: str) -> None:
    text = edit("countries = []", f"countries = {countries}")
    assert problems(text) == [f"{NAME}:{at(text, 'countries = [')}: {message}"]


@pytest.mark.parametrize(
    "name", ["countries", "organizations", "places", "people", "categories", "attributions"]
)
def test_a_vocabulary_section_must_be_a_table(name: str) -> None:
    kept = [b for b in BASE.split("\n\n") if not (b.startswith(f"[{name}]") or b.startswith(f"[{name}."))]
    text = f"{name} = 3\n" + "\n\n".join(kept)
    assert f"{NAME}:1: {name!r} must be a table, not a whole number" in problems(text)


def test_cut_keeps_40_characters_and_marks_the_cut() -> None:
    assert cut("q" * 40) == "q" * 40
    assert cut("q" * 41) == "q" * 40 + "…"
    assert cut("abcdef", 3) == "abc…"
