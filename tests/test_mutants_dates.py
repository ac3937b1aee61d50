"""cstofacts.dates, pinned where mutation testing found the suite silent (docs/testing.md).

Each test names what a user types or reads: a month written in words, a year range, a date the
validator refuses, the spoken forms `search` finds a date by.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import Result, claim_toml, ids, write_dataset

from cstofacts import dates

Cli = Callable[..., Result]

# Every spelling of every month that --since, --until and `ask` take, with its number and length in 2023.
MONTH_SPELLINGS = [
    ("january", 1, 31),
    ("jan", 1, 31),
    ("february", 2, 28),
    ("feb", 2, 28),
    ("march", 3, 31),
    ("mar", 3, 31),
    ("april", 4, 30),
    ("apr", 4, 30),
    ("may", 5, 31),
    ("june", 6, 30),
    ("jun", 6, 30),
    ("july", 7, 31),
    ("jul", 7, 31),
    ("august", 8, 31),
    ("aug", 8, 31),
    ("september", 9, 30),
    ("sep", 9, 30),
    ("sept", 9, 30),
    ("october", 10, 31),
    ("oct", 10, 31),
    ("november", 11, 30),
    ("nov", 11, 30),
    ("december", 12, 31),
    ("dec", 12, 31),
]
# Russian month names in the three cases a date is written in: nominative ("май 2025"),
# genitive ("6 марта 2023 года") and prepositional ("в мае 2025 года").
RUSSIAN = [
    ("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
    ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
    ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
    ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"),
]  # fmt: skip
LENGTHS_2023 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MONTH_SPELLINGS += [
    (form, month, LENGTHS_2023[month - 1]) for month, forms in enumerate(RUSSIAN, start=1) for form in forms
]


@pytest.mark.parametrize(("name", "month", "last"), MONTH_SPELLINGS)
def test_every_month_name_and_abbreviation_is_a_whole_month(name: str, month: int, last: int) -> None:
    assert dates.parse_when(f"{name.capitalize()} 2023") == (date(2023, month, 1), date(2023, month, last))
    assert dates.parse_when(f"{name.upper()}. 2023") == (date(2023, month, 1), date(2023, month, last))


def test_the_month_table_holds_exactly_the_spellings_people_type() -> None:
    assert {name: month for name, month, _ in MONTH_SPELLINGS} == dates.MONTHS


@pytest.mark.parametrize(("forms", "month"), [(f, m) for m, f in enumerate(RUSSIAN, start=1)])
def test_a_russian_question_dates_by_a_month_in_any_of_its_cases(
    forms: tuple[str, str, str], month: int
) -> None:
    from cstofacts.query.question import read
    from cstofacts.store import open_store

    store = open_store(None, use_cache=False)
    try:
        for form in forms:
            reading = read(f"что было в {form} 2025 года", store.lexicon, store.last_paragraph)
            assert reading.facets.years == (
                (date(2025, month, 1), date(2025, month, LENGTHS_2023[month - 1])),
            )
            assert reading.span_text == (f"{form} 2025",)
        day = read(f"что было 6 {forms[1]} 2023 года", store.lexicon, store.last_paragraph)
        assert day.facets.years == ((date(2023, month, 6), date(2023, month, 6)),)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("какие учения прошли в 2023 году", [(2023, 2023)]),
        ("что подписали в 2025 г.", [(2025, 2025)]),
        ("итоги 2023-2025 гг.", [(2023, 2025)]),
        ("что было в 2024 годах", [(2024, 2024)]),
        ("ГОД 2024 ГОДА", [(2024, 2024)]),
    ],
)
def test_the_russian_word_for_year_after_a_year_is_part_of_the_date(
    question: str, years: list[tuple[int, int]]
) -> None:
    # "в 2023 году" is a date; "году" left behind was a word a Russian article's claims hold.
    from cstofacts.query.spans import take_dates

    rest, spans, _, _, _, _ = take_dates(question)
    assert [(low.year, high.year) for low, high in spans] == years
    assert not any(word.startswith(("год", "гг", "г.")) for word in rest.casefold().split()[1:])


def test_month_names_are_the_full_english_names_in_order() -> None:
    assert dates.MONTH_NAMES == (
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
    )


@pytest.mark.parametrize(
    "typed", ["31 March 2025", "March 31, 2025", "March 31 2025", "31 Mar 2025", "Mar. 31, 2025"]
)
def test_a_day_written_in_words_is_that_one_day(typed: str) -> None:
    assert dates.parse_when(typed) == (date(2025, 3, 31), date(2025, 3, 31))


def test_since_and_until_a_day_in_words_take_that_day_not_its_month(cli: Cli, tmp_path: Path) -> None:
    data = write_dataset(
        tmp_path / "days.toml",
        claim_toml("march-30", date="2025-03-30"),
        claim_toml("march-31", date="2025-03-31"),
        claim_toml("april-1", date="2025-04-01"),
    )
    assert ids(cli("--data", data, "list", "--since", "31 March 2025")) == ["march-31", "april-1"]
    assert ids(cli("--data", data, "list", "--until", "March 31, 2025")) == ["march-30", "march-31"]
    assert ids(cli("--data", data, "list", "--since", "Mar 31 2025", "--until", "31 Mar 2025")) == [
        "march-31"
    ]


@pytest.mark.parametrize(
    ("iso", "span"),
    [
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-05", (date(2024, 5, 1), date(2024, 5, 31))),
        ("2024-04", (date(2024, 4, 1), date(2024, 4, 30))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-05-07", (date(2024, 5, 7), date(2024, 5, 7))),
        ("0001", (date(1, 1, 1), date(1, 12, 31))),
        ("0001-01-01", (date(1, 1, 1), date(1, 1, 1))),
    ],
)
def test_a_reduced_precision_date_covers_its_first_to_its_last_day(iso: str, span: dates.Span) -> None:
    assert dates.span(iso) == span


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("18.11.2024", "'18.11.2024' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0000", "'0000' has no year 0000"),
        ("0000-05-01", "'0000-05-01' has no year 0000"),
        ("2024-00", "'2024-00' has no month 00"),
        ("2024-00-10", "'2024-00-10' has no month 00"),
        ("2024-13", "'2024-13' has no month 13"),
        ("2024-05-00", "'2024-05-00' is not a real day: 2024-05 has 31 days"),
        ("2024-05-32", "'2024-05-32' is not a real day: 2024-05 has 31 days"),
        ("2023-02-29", "'2023-02-29' is not a real day: 2023-02 has 28 days"),
    ],
)
def test_a_date_the_validator_refuses_says_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        dates.span(text)


@pytest.mark.parametrize(
    ("year", "days"),
    [(2023, 28), (2024, 29), (1900, 28), (2000, 29), (2100, 28), (1600, 29), (1700, 28)],
)
def test_february_follows_the_gregorian_leap_years(year: int, days: int) -> None:
    assert dates.days_in_month(year, 2) == days


def test_every_other_month_has_its_calendar_length() -> None:
    lengths = [dates.days_in_month(2023, month) for month in range(1, 13)]
    assert lengths == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


@pytest.mark.parametrize(
    ("typed", "span"),
    [
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2023..2025", (date(2023, 1, 1), date(2025, 12, 31))),
        ("2023 to 2025", (date(2023, 1, 1), date(2025, 12, 31))),
        ("2024..", (date(2024, 1, 1), date(9999, 12, 31))),
        ("..2023", (date(1, 1, 1), date(2023, 12, 31))),
        ("0001", (date(1, 1, 1), date(1, 12, 31))),
        ("0001..0001", (date(1, 1, 1), date(1, 12, 31))),
    ],
)
def test_a_year_or_range_covers_whole_years(typed: str, span: dates.Span) -> None:
    assert dates.parse_years(typed) == span


@pytest.mark.parametrize(
    ("span", "typed"),
    [
        ((date(2024, 1, 1), date(2024, 12, 31)), "2024"),
        ((date(2023, 1, 1), date(2025, 12, 31)), "2023..2025"),
        ((date(2024, 1, 1), date(9999, 12, 31)), "2024.."),
        ((date(1, 1, 1), date(2023, 12, 31)), "..2023"),
        ((date(1, 1, 1), date(1, 12, 31)), "0001"),
        ((date(2025, 3, 31), date(2025, 3, 31)), "2025-03-31"),
        ((date(2025, 3, 1), date(2025, 5, 31)), "2025-03-01..2025-05-31"),
    ],
)
def test_a_span_is_written_back_as_it_is_typed(span: dates.Span, typed: str) -> None:
    # What ask prints as its reading is run as typed: a year or range must read back the same.
    assert dates.typed(span) == typed
    if dates.whole_years(span):
        assert dates.parse_years(typed) == span


@pytest.mark.parametrize(
    ("span", "typed"),
    [
        ((date(2025, 3, 31), date(2025, 3, 31)), "2025-03-31"),
        ((date(2025, 3, 1), date(2025, 3, 31)), "2025-03"),
        ((date(2024, 2, 1), date(2024, 2, 29)), "2024-02"),
        ((date(2025, 3, 1), date(2025, 5, 31)), "2025-03..2025-05"),
        ((date(2025, 3, 2), date(2025, 5, 30)), "2025-03-02..2025-05-30"),
        ((date(2025, 1, 1), date(2025, 12, 31)), "2025-01..2025-12"),
    ],
)
def test_a_within_span_is_written_back_as_within_reads_it(span: dates.Span, typed: str) -> None:
    from cstofacts.query.filters import parse_period

    assert dates.typed_within(span) == typed
    assert parse_period(typed) == span


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("..", "'..' names no year; use YYYY or YYYY..YYYY"),
        ("-", "'-' names no year; use YYYY or YYYY..YYYY"),
        ("2024-", "'2024-' is not a range; open ranges are written 2024.. or ..2023"),
        ("0000", "there is no year 0000"),
        ("0000..2023", "there is no year 0000"),
        ("2023..0000", "there is no year 0000"),
        ("2025..2023", "range 2025..2023 runs backwards; did you mean 2023..2025?"),
        ("twenty", "'twenty' is not a year or range; use YYYY, YYYY..YYYY or YYYY-YYYY"),
    ],
)
def test_a_year_that_is_no_year_says_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        dates.parse_years(typed)


def test_year_dots_alone_is_a_usage_error_not_every_claim(cli: Cli) -> None:
    result = cli("list", "--year", "..")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: --year: '..' names no year; use YYYY or YYYY..YYYY\n"


@pytest.mark.parametrize(
    ("iso", "forms"),
    [
        ("2025-05-28", ["2025-05-28", "May 28, 2025", "28 May 2025"]),
        ("2025-01-09", ["2025-01-09", "January 9, 2025", "9 January 2025"]),
        ("2024-12-31", ["2024-12-31", "December 31, 2024", "31 December 2024"]),
        ("2025-03", ["2025-03", "March 2025"]),
        ("2025", ["2025"]),
        ("late 2025", ["late 2025"]),
    ],
)
def test_a_date_is_found_by_the_ways_people_write_it(iso: str, forms: list[str]) -> None:
    assert dates.spoken_forms(iso) == forms


def test_search_finds_a_claim_by_its_date_in_words(cli: Cli) -> None:
    assert ids(cli("search", "March 31, 2025", "--fields", "id")) == ["khujand-border-agreement-2025-03-31"]
    assert ids(cli("search", "31 March 2025", "--fields", "id")) == ["khujand-border-agreement-2025-03-31"]
