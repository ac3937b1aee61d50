"""ISO 8601 dates at reduced precision ("2023", "2022-01", "2024-07-19") as day spans."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def span(text: str) -> tuple[date, date]:
    """The first and last day a reduced-precision date covers.

    Raises ValueError with a reason a user can act on.
    """
    match = _ISO.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match[1])
    if year < 1:
        raise ValueError(f"{text!r} has no year 0000")
    if match[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(match[2])
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {match[2]}")
    last = _days_in_month(year, month)
    if match[3] is None:
        return date(year, month, 1), date(year, month, last)
    day = int(match[3])
    if not 1 <= day <= last:
        raise ValueError(f"{text!r} is not a real day: {year}-{match[2]} has {last} days")
    return date(year, month, day), date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
