"""What a text writes, as the lint reads it: dates, numbers and whole words, normalised for comparison."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from cstofacts.dates import MONTH_NAMES, MONTHS

SAME = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
    }
)
# A Russian article writes its months in lower case, in the case the sentence needs: "14 ноября
# 2024 года", "в ноябре 2024 года", "ноябрь 2024" (dates.MONTHS; a capital opens a sentence).
_RUSSIAN_MONTHS = {
    form: number
    for name, number in MONTHS.items()
    if not name.isascii()
    for form in (name, name.capitalize())
}
_MONTH_NUMBER = {**{name: number for number, name in enumerate(MONTH_NAMES, 1)}, **_RUSSIAN_MONTHS}
_M = r"\b(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\b"
_TH = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"(?P<md_m>{_M})\s+(?P<md_d>\d{{1,2}}){_TH}(?![\w])(?:,?\s+(?P<md_y>\d{{4}})(?!\d))?"
    rf"|(?<![\d.,])(?P<dm_d>\d{{1,2}}){_TH}\s+(?:of\s+)?(?P<dm_m>{_M})(?:,?\s+(?P<dm_y>\d{{4}})(?!\d))?"
    rf"|(?P<my_m>{_M})(?:\s+of)?,?\s+(?P<my_y>\d{{4}})(?!\d)"
    r"|(?<![\d-])(?P<r_a>\d{4})\s*-\s*(?P<r_b>\d{4})(?![\d-])"
    r"|(?<![\d-])(?P<i_y>\d{4})-(?P<i_m>\d{2})(?:-(?P<i_d>\d{2}))?(?![\d-])"
    rf"|(?P<m_m>{_M})"
)
ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
NUMBER = re.compile(r"(?<![\d¶])\d+(?:[.,]\d+)*(?!\d)")
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion dozen"
)
NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split())
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b", re.IGNORECASE)
QUOTED = re.compile(r'"([^"]*)"')
# A word for the copy rule: letters and digits, an apostrophe inside a word kept ("csto's").
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# A word for the name rule: initials ("I.N."), or letters and digits joined by apostrophes and
# hyphens, with an optional closing possessive apostrophe ("States'").
TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?![^\W_])|[^\W_]+(?:['-][^\W_]+)*'?")


def fold(text: str) -> str:
    """Whitespace folded to single spaces, stripped; nothing else changed."""
    return " ".join(text.split())


def norm(text: str) -> str:
    """Folded text with straight quotes and apostrophes and plain hyphens for en dashes."""
    return fold(text).translate(SAME)


def bare(text: str) -> str:
    """Quoted words without the spaces and trailing punctuation around them: 'Rock-2023.' is 'Rock-2023'."""
    return text.strip().rstrip(",.;:!?").strip()


def occurs(term: str, text: str) -> bool:
    """Whether term occurs in text as whole words (no letter or digit either side of an alphanumeric edge)."""
    if not term:
        return True
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        before_ok = not term[0].isalnum() or start == 0 or not text[start - 1].isalnum()
        after_ok = not term[-1].isalnum() or end == len(text) or not text[end].isalnum()
        if before_ok and after_ok:
            return True
        start = text.find(term, start + 1)
    return False


class When(NamedTuple):
    """A written date: its parts, None where not written; a year range has `last` set and no month."""

    year: int | None
    month: int | None
    day: int | None
    last: int | None = None


class Support:
    """The cited paragraphs, normalised, with the words, dates and years written in them."""

    def __init__(self, cited: Mapping[int, str]) -> None:
        self.paragraphs = {number: norm(text) for number, text in cited.items()}
        # One paragraph a line: a name or a quote never matches across two paragraphs.
        self.text = "\n".join(self.paragraphs.values())
        self.words = {m.group() for m in TOKEN.finditer(self.text)}
        self.dates = [parse_date(match) for match in DATE.finditer(self.text)]
        self.years = {int(y) for y in YEAR.findall(self.text)}
        # What the paragraphs put in quotation marks, each paragraph on its own: titles and
        # quoted words, with the punctuation the article keeps inside the marks ("Search-2023,").
        self.quoted = [bare(m.group(1)) for text in self.paragraphs.values() for m in QUOTED.finditer(text)]

    def quotes(self, words: str) -> bool:
        """Whether the paragraphs hold these words inside quotation marks of their own."""
        words = bare(words)
        return bool(words) and any(occurs(words, quoted) for quoted in self.quoted)

    def has(self, when: When, *, loose_year: bool = False) -> bool:
        """Whether a written date has every part `when` gives; with loose_year, one with no year counts."""
        for written in self.dates:
            if when.last is not None or written.last is not None:
                if (written.year, written.last) == (when.year, when.last):
                    return True
                continue
            if when.month is not None and written.month != when.month:
                continue
            if when.day is not None and written.day != when.day:
                continue
            year_differs = when.year is not None and written.year != when.year
            if year_differs and not (loose_year and written.year is None):
                continue
            return True
        return False


def parse_date(match: re.Match[str]) -> When:
    """A date expression matched by DATE as its parts."""
    g = match.groupdict()
    if g["r_a"]:
        return When(int(g["r_a"]), None, None, int(g["r_b"]))
    if g["i_y"]:
        return When(int(g["i_y"]), int(g["i_m"]), int(g["i_d"]) if g["i_d"] else None)
    prefix = next(p for p in ("md", "dm", "my", "m") if g[f"{p}_m"])
    year = g.get(f"{prefix}_y")
    day = g.get(f"{prefix}_d")
    return When(int(year) if year else None, _MONTH_NUMBER[g[f"{prefix}_m"]], int(day) if day else None)


def spoken(when: When) -> str:
    """A date as the article would write it: 'March 31, 2025', 'January 2022', 'November 18', '2023'."""
    year, month, day = when.year, when.month, when.day
    if month is None:
        return str(year)
    name = MONTH_NAMES[month - 1]
    if day is None:
        return f"{name} {year}" if year is not None else name
    return f"{name} {day}, {year}" if year is not None else f"{name} {day}"


def unbacked_numbers(text: str, support: Support) -> list[str]:
    """The numbers text writes, in digits or as words, that the support does not write."""
    missing = []
    for number in dict.fromkeys(NUMBER.findall(text)):
        if not re.search(rf"(?<!\d){re.escape(number)}(?![\d])(?![.,]\d)", support.text):
            missing.append(number)
    for word in dict.fromkeys(w.lower() for w in NUMBER_WORD.findall(text)):
        if not re.search(rf"\b{word}\b", support.text, re.IGNORECASE):
            missing.append(word)
    return missing
