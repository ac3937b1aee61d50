"""The dates and paragraph numbers a question writes, taken out of it: pure, with no I/O.

"in March 2025", "between July 2024 and May 2025", "the first half of 2025", "since 2024", "¶13":
each becomes a span of days, a start or an end, or a paragraph number; the words left are the
rest of the question (query.question reads them).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from cstofacts import dates, text
from cstofacts.query.excluding import MARKERS

_YEAR = r"(?:19|20|21)[0-9]{2}"
_MONTH = dates._MONTH
# A day or a month as a question writes it: "May 31, 2025", "31 May 2025", "May 2025".
_MONTH_DAY_YEAR = rf"(?:{_MONTH})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
_DAY_MONTH_YEAR = rf"[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\.?,?\s+{_YEAR}"
_MONTH_YEAR = rf"(?:{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR}"
_DATED = f"(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR}|{_MONTH_YEAR})"  # a day or a month
_WHEN = f"(?:{_DATED}|{_YEAR})"  # or a year
# Years put out: "other than those in 2025", "excluding 2023 and 2024", "not in 2023-2024". Only
# function words may stand between the marker and the year: "except events in 2025" keeps its noun.
# The markers are those that put a phrase out (query.excluding), and "outside", "not in".
_OUT_MARKER = "|".join(
    (*(r"\s+".join(m) for m in MARKERS), r"outside(?:\s+of)?", r"not(?=\s+(?:in|from|during|dated)\b)")
)
_OUT_FILLER = r"(?:(?:those|the|ones?|that|anything|in|of|from|during|dated|year|years)\s+){0,4}"
_OUT_WORDS = frozenset((*(m[0] for m in MARKERS), "outside", "not"))
_RANGE = r"(?:\.\.|[-‐‑‒–—]|\bto\b|\bthrough\b)"
_YEARS = rf"{_YEAR}(?:\s*{_RANGE}\s*{_YEAR}|(?:\s*,\s*|\s+(?:and|or|nor)\s+){_YEAR})*"
_DATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("out", rf"(?:\b(?:in\s+)?(?:the\s+)?years?\s+)?\b(?:{_OUT_MARKER})\s+{_OUT_FILLER}({_YEARS})(?![\w-])"),
    # "between July 2024 and May 2025": from the first day of one to the last of the other.
    ("between", rf"\b(?:between|from)\s+({_WHEN})\s+(?:and|to|until|till|through)\s+({_WHEN})\b"),
    # "after March 2024", "before May 31, 2025": a start or an end at a month or a day (the
    # years alone are read below, where a pattern that names no month costs less).
    (
        "since",
        rf"\b(since|after|starting)\s+(?:from\s+|in\s+|on\s+)?({_DATED})\b|\b(from)\s+({_DATED})\s+(?:on|onwards?|forwards?)\b",
    ),
    ("until", rf"\b(before|until|till|up\s+to|by)\s+(?:the\s+end\s+of\s+)?({_DATED})\b"),
    ("day", r"\b([0-9]{4}-[0-9]{2}-[0-9]{2})\b"),
    ("day", rf"\b({_MONTH_DAY_YEAR})\b"),
    ("day", rf"\b({_DAY_MONTH_YEAR})\b"),
    ("month", rf"\b({_MONTH_YEAR})\b"),
    ("month", r"\b([0-9]{4}-[0-9]{2})\b(?!-)"),
    ("range", rf"\b(?:between|from)\s+({_YEAR})\s+(?:and|to|until|till)\s+({_YEAR})\b"),
    ("range", rf"(?<![\w-])({_YEAR})\s*(?:\.\.|[-‐‑‒–—]|\bto\b|\bthrough\b|\buntil\b)\s*({_YEAR})\b(?!-\w)"),
    ("season", rf"\b(spring|summer|autumn|fall)\s+(?:of\s+)?({_YEAR})\b"),
    # "the first half of 2025", "the third quarter of 2024", "Q3 2024": the months of that part.
    ("part", rf"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(half|quarter)\s+(?:of\s+)?({_YEAR})\b"),
    ("part", rf"\b(q[1-4]|h[12])\s+({_YEAR})\b"),
    # "from 2024" alone names the year ("the news from 2024"); "from 2024 on" is a start.
    (
        "since",
        rf"\b(since|after|starting)\s+(?:from\s+|in\s+)?({_YEAR})\b|\b(from)\s+({_YEAR})\s+(?:on|onwards?|forwards?)\b",
    ),
    ("until", rf"\b(before|until|till|up\s+to|by)\s+({_YEAR})\b"),
    ("year", rf"(?<![\w-])({_YEAR})(?![\w-])"),
)
_RUSSIAN_YEAR_WORD = rf"({_YEAR})\s*(?:гг?\.|год(?:а|у|ом|ах|ы|ов)?(?![^\W\d_]))"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# The words the patterns above join or open dates with: no part of what a date describes.
DATE_CONNECTORS = frozenset(
    """
    between from and to until till through since after starting on onwards onward forwards forward
    before up by of in
    """.split()
)
_PARAGRAPH = r"(?:¶|§|\bparagraphs?\s*|\bparas?\.?\s*)([0-9]{1,3})((?:\s*(?:,|and|&)\s*[0-9]{1,3})*)"


def take_dates(
    raw: str,
) -> tuple[str, list[dates.Span], list[str], date | None, date | None, list[dates.Span]]:
    """The question without its dates; the days each date names, each date as typed, a start,
    an end, and the years put out ("other than those in 2025"). (A plain tuple: a NamedTuple
    costs start-up time.)"""
    spans: list[dates.Span] = []
    typed: list[str] = []
    out: list[dates.Span] = []
    since = until = None
    if not any(ch.isdigit() for ch in raw):
        return raw, spans, typed, since, until, out  # every date form has a year in digits
    if "г" in raw or "Г" in raw:
        # Russian writes the word for year after one: "в 2023 году", "2023-2025 гг.", "2024 г.".
        raw = re.sub(_RUSSIAN_YEAR_WORD, r"\1", raw, flags=re.IGNORECASE)
    # Patterns that name a month or a season cost the most to compile: only where one is written.
    words = set(text.words(raw))
    named = {
        "month": bool(words & dates.MONTHS.keys()),
        "season": bool(words & _SEASONS.keys()),
        "part": bool(words & _PARTS),
        "out": bool(words & _OUT_WORDS),
    }
    for what, pattern in _DATE_PATTERNS:
        if (_MONTH in pattern and not named["month"]) or (what in named and not named[what]):
            continue
        for match in list(re.finditer(pattern, raw, re.IGNORECASE)):
            try:
                if what in ("day", "month"):
                    spans.append(_when(match[1]))
                elif what == "out":
                    out.extend(_years(match[1]))
                elif what == "between":
                    if re.fullmatch(_YEAR, match[1]) and re.fullmatch(_YEAR, match[2]):
                        spans.append(dates.parse_years(f"{match[1]}..{match[2]}"))  # as "range" reads it
                    else:
                        since, until = _when(match[1])[0], _when(match[2])[1]
                elif what == "range":
                    spans.append(dates.parse_years(f"{match[1]}..{match[2]}"))
                elif what == "part":
                    spans.append(_part(*match.groups()))
                elif what == "season":  # the meteorological seasons of the northern hemisphere
                    first, last = _SEASONS[match[1].lower()]
                    year = int(match[2])
                    spans.append((date(year, first, 1), dates.parse_when(f"{year}-{last:02d}")[1]))
                elif what == "since":  # after 2024: from 2025 on; after March 2024: from April
                    bound = _when(match[2] or match[4])
                    after = (match[1] or "").lower() == "after"
                    since = bound[1] + timedelta(days=1) if after else bound[0]
                elif what == "until":  # before 2024: up to the end of 2023
                    bound = _when(match[2])
                    before = match[1].lower() == "before"
                    until = bound[0] - timedelta(days=1) if before else bound[1]
                else:
                    spans.append(dates.parse_years(match[1]))
            except ValueError:
                continue
            typed.append(match.group(0))
        raw = re.sub(pattern, " ", raw, flags=re.IGNORECASE)
    return raw, spans, typed, since, until, out


def _years(typed: str) -> list[dates.Span]:
    """ "2023-2025" as one range, "2023, 2024 and 2025" as each year."""
    if re.search(_RANGE, typed):
        return [dates.parse_years("..".join(re.findall(_YEAR, typed)))]
    return [dates.parse_years(y) for y in re.findall(_YEAR, typed)]


_PARTS = frozenset("half quarter q1 q2 q3 q4 h1 h2".split())
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _part(*groups: str) -> dates.Span:
    """The months of a half or a quarter of a year: ("first", "half", "2025"), or ("q3", "2024")."""
    if len(groups) == 2:  # "Q3 2024", "H1 2025"
        code, year = groups[0].lower(), groups[1]
        which, size = int(code[1]), 6 if code[0] == "h" else 3
    else:
        which, size, year = _ORDINALS[groups[0].lower()], 6 if groups[1].lower() == "half" else 3, groups[2]
    if which * size > 12:
        raise ValueError(f"no {groups}")  # "the third half": read as words
    first = (which - 1) * size + 1
    return date(int(year), first, 1), dates.parse_when(f"{year}-{first + size - 1:02d}")[1]


def _when(typed: str) -> dates.Span:
    return dates.parse_when(re.sub(r"(?<=[0-9])(st|nd|rd|th)|\bof\b|,", " ", typed))


def take_paragraphs(raw: str, last: int | None) -> tuple[str, set[int], set[int]]:
    """The paragraph numbers a question names: those the article has, and those it has not."""
    numbers: set[int] = set()
    absent: set[int] = set()
    for match in re.finditer(_PARAGRAPH, raw, re.IGNORECASE):
        for value in [match[1], *re.findall(r"[0-9]{1,3}", match[2] or "")]:
            number = int(value)
            if last is None or number <= last:  # ¶0 is the headline
                numbers.add(number)
            else:
                absent.add(number)
    return re.sub(_PARAGRAPH, " ", raw, flags=re.IGNORECASE), numbers, absent
