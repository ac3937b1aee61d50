"""Dates at reduced precision ("2023", "2022-01", "2024-07-19") and as people type them, as day spans."""

from __future__ import annotations

import re
from datetime import date, timedelta

Span = tuple[date, date]


def whole_years(span: Span) -> bool:
    """Whether a span runs from a January 1 to a December 31: whole years, no month or day."""
    low, high = span
    return (low.month, low.day, high.month, high.day) == (1, 1, 12, 31)


# ASCII digits only: \d would also take "٢٠٢٤" and "２０２４" and print them as if they were ISO 8601.
_ISO = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"  # patterns as strings: re compiles on first use
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            # English, then Russian in the nominative, genitive ("6 марта") and prepositional ("в мае")
            ("january", "jan", "январь", "января", "январе"),
            ("february", "feb", "февраль", "февраля", "феврале"),
            ("march", "mar", "март", "марта", "марте"),
            ("april", "apr", "апрель", "апреля", "апреле"),
            ("may", "май", "мая", "мае"),
            ("june", "jun", "июнь", "июня", "июне"),
            ("july", "jul", "июль", "июля", "июле"),
            ("august", "aug", "август", "августа", "августе"),
            ("september", "sep", "sept", "сентябрь", "сентября", "сентябре"),
            ("october", "oct", "октябрь", "октября", "октябре"),
            ("november", "nov", "ноябрь", "ноября", "ноябре"),
            ("december", "dec", "декабрь", "декабря", "декабре"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = tuple(next(n.capitalize() for n, m in MONTHS.items() if m == number) for number in range(1, 13))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "March 2025", "Mar 2025", "31 March 2025", "March 31, 2025", "March 31 2025"
_HUMAN = rf"(?i:(?:([0-9]{{1,2}})\s+({_MONTH})\.?|({_MONTH})\.?(?:\s+([0-9]{{1,2}}))?,?)\s+([0-9]{{4}}))"
_YEARS = r"(?i:([0-9]{4})?\s*(\.\.|[-‐‑‒–—]|\bto\b)\s*([0-9]{4})?|([0-9]{4}))"


def span(text: str) -> Span:
    """The first and last day an ISO 8601 date at reduced precision covers.

    Raises ValueError with a reason a user can act on.
    """
    match = re.fullmatch(_ISO, text)
    if match is None:
        raise ValueError(f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    month, day = match[2], match[3]
    return _span(int(match[1]), int(month) if month else None, int(day) if day else None, text)


def _span(year: int, month: int | None, day: int | None, text: str) -> Span:
    if year < 1:
        raise ValueError(f"{text!r} has no year 0000")
    if not month:
        if month is not None:
            raise ValueError(f"{text!r} has no month 00")
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month:02}")
    last = days_in_month(year, month)
    if day is None:
        return date(year, month, 1), date(year, month, last)
    if not 1 <= day <= last:
        raise ValueError(f"{text!r} is not a real day: {year}-{month:02} has {last} days")
    return date(year, month, day), date(year, month, day)


def parse_when(text: str) -> Span:
    """A date as people type it: ISO 8601 at any precision, `March 2025`, `31 March 2025`, `Mar 31, 2025`."""
    text = " ".join(text.split())
    if re.fullmatch(_ISO, text):
        return span(text)
    match = re.fullmatch(_HUMAN, text)
    if match is None:
        raise ValueError(
            f"{text!r} is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, 'March 2025' or '31 March 2025'"
        )
    day_text = match[1] or match[4]
    month = MONTHS[(match[2] or match[3]).casefold()]
    return _span(int(match[5]), month, int(day_text) if day_text else None, text)


def parse_years(text: str) -> Span:
    """A year or an inclusive range: `2023`, `2023..2025`, `2023-2025`, `2023–2025`, `2024..`, `..2023`."""
    text = text.strip()
    match = re.fullmatch(_YEARS, text)
    if match is None:
        raise ValueError(f"{text!r} is not a year or range; use YYYY, YYYY..YYYY or YYYY-YYYY")
    if match[4]:
        low = high = match[4]
    else:
        low, high = match[1], match[3]
        if not (low or high):
            raise ValueError(f"{text!r} names no year; use YYYY or YYYY..YYYY")
        if match[2] != ".." and not (low and high):
            raise ValueError(f"{text!r} is not a range; open ranges are written 2024.. or ..2023")
    first = int(low) if low else 1
    last = int(high) if high else 9999
    if first < 1 or last < 1:
        raise ValueError("there is no year 0000")
    if first > last:
        raise ValueError(f"range {text} runs backwards; did you mean {last}..{first}?")
    return date(first, 1, 1), date(last, 12, 31)


def typed(span: Span) -> str:
    """A span as --year or --since types it, parse_years' and span's inverse: `2023`, `2023..2025`,
    `2024..` (an open end is year 1 or 9999), `2025-03-31`, `2025-03-01..2025-05-31`."""
    low, high = span
    if whole_years(span):
        first, last = f"{low.year:04d}", f"{high.year:04d}"
        if first == last:
            return first
        return f"{'' if low.year == 1 else first}..{'' if high.year == 9999 else last}"
    return low.isoformat() if low == high else f"{low.isoformat()}..{high.isoformat()}"


def typed_within(span: Span) -> str:
    """A span as --within types it: a day, a month (`2025-03`), whole months
    (`2025-03..2025-05`), or as `typed` writes it."""
    low, high = span
    if low == high:
        return low.isoformat()
    if low.day == 1 and high.month == low.month and high.year == low.year:
        return low.isoformat()[:7]  # a month
    if low.day == 1 and (high + timedelta(days=1)).day == 1:
        return f"{low.isoformat()[:7]}..{high.isoformat()[:7]}"  # whole months
    return typed(span)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def spoken_forms(iso: str) -> list[str]:
    """The ways people write an ISO date: `2025-05-28`, `May 28, 2025`, `28 May 2025`; `March 2025`."""
    match = re.fullmatch(_ISO, iso)
    if match is None:
        return [iso]
    month = MONTH_NAMES[int(match[2] or 1) - 1]
    if match[3]:
        day = int(match[3])
        return [iso, f"{month} {day}, {match[1]}", f"{day} {month} {match[1]}"]
    if match[2]:
        return [iso, f"{month} {match[1]}"]
    return [iso]
