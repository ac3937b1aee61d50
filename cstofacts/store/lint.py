"""The fidelity lint: check one claim's summary, location, dates and evidence against its cited paragraphs."""

# What the lint checks, and how (every problem is a Finding on the claim key it sits on):
#
# Support text. A claim's support is the text of its cited paragraphs. Every valid evidence
# quote lies inside them (that is checked), and an invalid quote is a finding of its own, so a
# term found only in a bad quote never counts as supported.
#
# Matching. Names, numbers, titles and dates are compared after whitespace is folded, curly
# quotes and apostrophes are made straight and en dashes (and Unicode hyphens) become "-".
# Nothing else is forgiven: names are case-sensitive, and a term must stand as whole words
# ("Kyrgyz" is not found inside "Kyrgyzstan").
#
# evidence: each (N, quote) needs N among the cited paragraphs and the quote verbatim in ¶N,
#   whitespace folded and nothing else (quote_in); a claim needs at least one quote.
#
# summary:
# - Quoted spans ("..." or “...”) are titles or the article's words: each must occur in the support.
#   The rules below then skip them.
# - Dates in any written form ("March 31, 2025", "31 March 2025", "January 2022", "November 18",
#   "March", "2024-2025", "2025-03-31") must match a date written in the support with at least the
#   same parts: "March 2025" is found in "March 31, 2025", but "November 18, 2024" is not found in
#   "On November 18" plus a paragraph that opens "In 2024".
# - Numbers: every other run of digits must occur as a number in the support, and so must the
#   number words two to twenty, the tens, hundred, thousand, million, billion and dozen ("one" is
#   too often a pronoun to check).
# - Names: a capitalised word, an initials token such as "I.N." or a hyphenated word with a capitalised
#   part ("post-Soviet") is a name. Adjacent name words form one run, which must occur as a whole
#   ("Beijing Roadmap" is not found in "in Beijing of a Roadmap"); a possessive ("Babaev's",
#   "States'") ends its run. A hyphenated compound not found whole passes when each capitalised
#   part is found ("UN-CSTO"). The first word of a sentence is a name only if it is not an ordinary
#   word: a common function word, or a word the support itself writes in lower case.
#   Names the vocabulary declares get NO exemption here: the summary must write a name in the form
#   its cited paragraphs use. A declared form from a standard reference ("United Nations" where the
#   article says "UN", "China" on a claim about Beijing, "Kyrgyz" where the paragraph only says
#   "Kyrgyzstan") would be a word from outside the article, so it is reported like "Astana".
# - Copying: a run of six or more words shared with a cited paragraph (case and punctuation ignored,
#   words are runs of letters and digits, an apostrophe inside a word kept) is reported, unless the
#   run lies inside one quoted span of the summary or inside one declared name (the only use of
#   `names`: a long official name may be copied). An article ("the", "a", "an") just before the
#   quoted span or the name counts as part of it, so "the <declared name>" may be written.
#
# location: must occur in the support as written.
#
# date, end_date: ISO at reduced precision, findable in the support in some form. With date_basis
#   "inferred" only the month and day must be written in the support (with no other year), the
#   year need only appear in it, and a date_note must say why; any quoted words and numbers in the
#   note must come from the support too.
#
# Work is linear in the text: the copy rule uses a set of the paragraphs' six-word windows, names
# are looked up with str.find, and no rule compares every part of a summary with every other part.

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

_RUN = 6  # shortest shared run of words that counts as copying
_ABSENT = "is not in the evidence or cited paragraphs"

_SAME = str.maketrans(
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
_MONTHS = (
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
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS, 1)}
_M = r"\b(?:" + "|".join(_MONTHS) + r")\b"
_TH = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?P<md_m>{_M})\s+(?P<md_d>\d{{1,2}}){_TH}(?![\w])(?:,?\s+(?P<md_y>\d{{4}})(?!\d))?"
    rf"|(?<![\d.,])(?P<dm_d>\d{{1,2}}){_TH}\s+(?:of\s+)?(?P<dm_m>{_M})(?:,?\s+(?P<dm_y>\d{{4}})(?!\d))?"
    rf"|(?P<my_m>{_M})(?:\s+of)?,?\s+(?P<my_y>\d{{4}})(?!\d)"
    r"|(?<![\d-])(?P<r_a>\d{4})\s*-\s*(?P<r_b>\d{4})(?![\d-])"
    r"|(?<![\d-])(?P<i_y>\d{4})-(?P<i_m>\d{2})(?:-(?P<i_d>\d{2}))?(?![\d-])"
    rf"|(?P<m_m>{_M})"
)
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMBER = re.compile(r"(?<![\d¶])\d+(?:[.,]\d+)*(?!\d)")
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion dozen"
)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split())
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]*)"')
# A word for the copy rule: letters and digits, an apostrophe inside a word kept ("csto's").
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# A word for the name rule: initials ("I.N."), or letters and digits joined by apostrophes and
# hyphens, with an optional closing possessive apostrophe ("States'").
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?![^\W_])|[^\W_]+(?:['-][^\W_]+)*'?")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")
# Words that often open a sentence capitalised without being names.
_OPENER_WORDS = """a about above according across after against ahead all along also although amid
    among an and another any as at because before behind below beside besides between both but by despite
    during each either even every following for from here however if in inside instead into it its
    later like many meanwhile more most much neither no none nor not of off on once one only or
    other others our outside over several she since so some still such than that the their then
    there these they this those though through throughout thus to together toward towards under
    unlike until up upon we what when where whereas which while who whose why with within without
    yet he his her i"""
_OPENERS = frozenset(_OPENER_WORDS.split())
_ARTICLES = frozenset(("the", "a", "an"))
_HIDDEN = "\x00"  # stands in for masked text: not a word character and not whitespace


class Finding(NamedTuple):
    """One problem of a claim: the claim key it sits on and a one-line message naming the term."""

    key: str
    message: str


def fold(text: str) -> str:
    """Whitespace folded to single spaces, stripped; nothing else changed."""
    return " ".join(text.split())


def quote_in(quote: str, paragraph: str) -> bool:
    """Whether the quote occurs verbatim in the paragraph once whitespace is folded in both."""
    return fold(quote) in fold(paragraph)


def lint_claim(
    *,
    summary: str,
    location: str | None,
    date: str | None,
    end_date: str | None,
    date_basis: str | None,
    date_note: str | None,
    evidence: Sequence[tuple[int, str]],
    cited: Mapping[int, str],
    names: Collection[str],
) -> list[Finding]:
    """Every fidelity problem of one claim, in the order evidence, summary, location, dates, note."""
    findings = _check_evidence(evidence, cited)
    support = _Support(cited)
    findings += _check_summary(fold(summary), support, names)
    if location is not None and not _occurs(_norm(location), support.text):
        findings.append(Finding("location", f"'{_shorten(location)}' {_ABSENT}"))
    inferred = date_basis == "inferred"
    for key, value in (("date", date), ("end_date", end_date)):
        if value is not None:
            findings += _check_date(key, value, inferred, support)
    if inferred and (date or end_date) and not (date_note or "").strip():
        findings.append(
            Finding("date_note", f"date '{date or end_date}' is inferred but no date_note says why")
        )
    if date_note:
        findings += _check_note(_norm(date_note), support)
    return findings


# ---------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------


def _check_evidence(evidence: Sequence[tuple[int, str]], cited: Mapping[int, str]) -> list[Finding]:
    if not evidence:
        return [Finding("evidence", "no evidence quote")]
    findings = []
    for number, quote in evidence:
        shown = _shorten(fold(quote))
        if not fold(quote):
            findings.append(Finding("evidence", f"empty quote for ¶{number}"))
        elif number not in cited:
            findings.append(
                Finding("evidence", f"quote '{shown}' is from ¶{number}, which the claim does not cite")
            )
        elif not quote_in(quote, cited[number]):
            findings.append(Finding("evidence", f"quote '{shown}' does not occur in ¶{number}"))
    return findings


def _shorten(text: str, limit: int = 80) -> str:
    """A term for a one-line message: folded, and cut with an ellipsis when long."""
    text = fold(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# The support text and what it states
# ---------------------------------------------------------------------------


class _When(NamedTuple):
    """A written date: its parts, None where not written; a year range has `last` set and no month."""

    year: int | None
    month: int | None
    day: int | None
    last: int | None = None


class _Support:
    """The cited paragraphs, normalised, with the words, dates and years written in them."""

    def __init__(self, cited: Mapping[int, str]) -> None:
        self.paragraphs = {number: _norm(text) for number, text in cited.items()}
        # One paragraph a line: a name or a quote never matches across two paragraphs.
        self.text = "\n".join(self.paragraphs.values())
        self.words = {m.group() for m in _TOKEN.finditer(self.text)}
        self.dates = [_parse_date(match) for match in _DATE.finditer(self.text)]
        self.years = {int(y) for y in _YEAR.findall(self.text)}

    def has(self, when: _When, *, loose_year: bool = False) -> bool:
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


def _parse_date(match: re.Match[str]) -> _When:
    """A date expression matched by _DATE as its parts."""
    g = match.groupdict()
    if g["r_a"]:
        return _When(int(g["r_a"]), None, None, int(g["r_b"]))
    if g["i_y"]:
        return _When(int(g["i_y"]), int(g["i_m"]), int(g["i_d"]) if g["i_d"] else None)
    prefix = next(p for p in ("md", "dm", "my", "m") if g[f"{p}_m"])
    year = g.get(f"{prefix}_y")
    day = g.get(f"{prefix}_d")
    return _When(int(year) if year else None, _MONTH_NUMBER[g[f"{prefix}_m"]], int(day) if day else None)


def _spoken(when: _When) -> str:
    """A date as the article would write it: 'March 31, 2025', 'January 2022', 'November 18', '2023'."""
    year, month, day = when.year, when.month, when.day
    if month is None:
        return str(year)
    name = _MONTHS[month - 1]
    if day is None:
        return f"{name} {year}" if year is not None else name
    return f"{name} {day}, {year}" if year is not None else f"{name} {day}"


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------


def _check_summary(shown: str, support: _Support, names: Collection[str]) -> list[Finding]:
    # `summary` is normalised character for character, so its spans index `shown`, the summary as
    # written (folded), which is what the messages quote.
    summary = shown.translate(_SAME)
    findings: list[Finding] = []
    masked = list(summary)
    quotes: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(summary):
        quotes.append(match.span())
        _hide(masked, *match.span())
        title = match.group(1).strip()
        if title and not _occurs(title, support.text):
            written = shown[match.start(1) : match.end(1)].strip()
            findings.append(Finding("summary", f"the quoted '{_shorten(written)}' {_ABSENT}"))
    unquoted = "".join(masked)
    for match in _DATE.finditer(unquoted):
        _hide(masked, *match.span())
        if not support.has(_parse_date(match)):
            findings.append(
                Finding(
                    "summary",
                    f"the date '{_shorten(shown[match.start() : match.end()])}' {_ABSENT}",
                )
            )
    plain = "".join(masked)
    findings += _check_numbers(plain, support, "summary")
    findings += _check_names(plain, support)
    findings += _check_copying(summary, shown, quotes, support, names)
    return findings


def _hide(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = _HIDDEN * (end - start)


def _check_numbers(text: str, support: _Support, key: str) -> list[Finding]:
    findings = []
    for number in dict.fromkeys(_NUMBER.findall(text)):
        if not re.search(rf"(?<!\d){re.escape(number)}(?![\d])(?![.,]\d)", support.text):
            findings.append(Finding(key, f"the number '{_shorten(number)}' {_ABSENT}"))
    for word in dict.fromkeys(w.lower() for w in _NUMBER_WORD.findall(text)):
        if not re.search(rf"\b{word}\b", support.text, re.IGNORECASE):
            findings.append(Finding(key, f"the number '{word}' {_ABSENT}"))
    return findings


def _is_name_word(token: str) -> bool:
    if token[0].isupper():
        return True
    return "-" in token and any(part[:1].isupper() for part in token.split("-"))


def _possessive(token: str) -> bool:
    return token.endswith(("'s", "'"))


def _bare(token: str) -> str:
    """The token without a possessive ending."""
    if token.endswith("'s"):
        return token[:-2]
    return token.rstrip("'")


def _runs(text: str) -> Iterable[tuple[list[str], bool]]:
    """The runs of adjacent name words, each with whether it opens a sentence."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if not _ends_initials(text, m.start())]
    next_start = 0  # index into starts of the first sentence start not yet passed
    run: list[str] = []
    run_initial = False
    previous_end = 0
    at_sentence_start = True
    for match in _TOKEN.finditer(text):
        while next_start < len(starts) and starts[next_start] <= match.start():
            if starts[next_start] >= previous_end:
                at_sentence_start = True
            next_start += 1
        token = match.group()
        adjacent = bool(run) and text[previous_end : match.start()].isspace()
        if _is_name_word(token) and token != "I":
            # A lower-case compound such as "post-Soviet" is a name on its own, never part of a longer run.
            compound = not token[0].isupper()
            if run and (not adjacent or compound or not run[-1][0].isupper()):
                yield run, run_initial
                run = []
            if not run:
                run_initial = at_sentence_start
            run.append(token)
            if _possessive(token):
                yield run, run_initial
                run = []
        elif run:
            yield run, run_initial
            run = []
        at_sentence_start = False
        previous_end = match.end()
    if run:
        yield run, run_initial


def _ends_initials(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes initials such as "I.N." rather than a sentence."""
    i = dot
    while i >= 1 and text[i] == "." and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalnum()):
        i -= 2
    return i != dot


def _check_names(text: str, support: _Support) -> list[Finding]:
    findings = []
    reported: set[str] = set()
    for run, initial in _runs(text):
        missing = _missing_name(run, initial, support)
        if missing and missing not in reported:
            reported.add(missing)
            message = f"'{_shorten(missing)}' {_ABSENT}"
            findings.append(Finding("summary", message))
    return findings


def _ordinary(token: str, support: _Support) -> bool:
    """Whether a sentence's capitalised first word is a plain word rather than a name."""
    word = _bare(token).lower()
    # A number word is the number rule's business; a word the support writes in lower case is ordinary.
    return word in _OPENERS or word in _NUMBER_WORD_SET or word in support.words


def _missing_name(run: list[str], initial: bool, support: _Support) -> str | None:
    """The part of a run of name words the support does not hold, or None when it holds it all."""
    name = " ".join([*run[:-1], _bare(run[-1])])
    if _occurs(name, support.text):
        return None
    if initial and _ordinary(run[0], support):
        return _missing_name(run[1:], False, support) if len(run) > 1 else None
    if len(run) == 1 and "-" in name:
        parts = [part for part in name.split("-") if part[:1].isupper()]
        if parts and all(_occurs(part, support.text) for part in parts):
            return None
    return name


def _occurs(term: str, text: str) -> bool:
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


def _check_copying(
    summary: str, shown: str, quotes: list[tuple[int, int]], support: _Support, names: Collection[str]
) -> list[Finding]:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(summary)]
    if len(words) < _RUN:
        return []
    windows: dict[tuple[str, ...], int] = {}
    for number, paragraph in support.paragraphs.items():
        theirs = [w.lower() for w in _WORD.findall(paragraph)]
        for i in range(len(theirs) - _RUN + 1):
            windows.setdefault(tuple(theirs[i : i + _RUN]), number)
    ours = [w for _, _, w in words]
    # Which quoted span each word lies in (-1: none); quotes are sorted and disjoint.
    inside = [-1] * len(words)
    q = 0
    for i, (start, end, _) in enumerate(words):
        while q < len(quotes) and quotes[q][1] <= start:
            q += 1
        if q < len(quotes) and quotes[q][0] <= start and end <= quotes[q][1]:
            inside[i] = q
    # The article word just before a quoted span belongs with it: 'the "Kazakhstan scenario"'.
    for i in range(1, len(words)):
        if inside[i] >= 0 and inside[i - 1] < 0 and ours[i - 1] in _ARTICLES:
            inside[i - 1] = inside[i]
    covered = _name_cover(ours, names)
    hits: list[tuple[int, int]] = []  # (first word, paragraph) of each copied window
    for i in range(len(ours) - _RUN + 1):
        source = windows.get(tuple(ours[i : i + _RUN]))
        if source is None:
            continue
        if inside[i] >= 0 and inside[i] == inside[i + _RUN - 1]:
            continue
        if covered[i] >= i + _RUN:
            continue
        hits.append((i, source))
    findings = []
    k = 0
    while k < len(hits):
        first, number = hits[k]
        last = first + _RUN - 1
        while k + 1 < len(hits) and hits[k + 1][0] <= last:  # overlapping windows: one run
            k += 1
            last = hits[k][0] + _RUN - 1
        k += 1
        run = shown[words[first][0] : words[last][1]]
        findings.append(
            Finding(
                "summary",
                f"copies the {last - first + 1}-word run '{_shorten(run)}' from ¶{number}",
            )
        )
    return findings


def _name_cover(words: list[str], names: Collection[str]) -> list[int]:
    """For each word, the furthest end (exclusive) of a declared name that starts at or before it."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        tokens = tuple(w.lower() for w in _WORD.findall(_norm(name)))
        if len(tokens) >= _RUN:  # only a name of _RUN words or more can hold a copied run
            by_first.setdefault(tokens[0], set()).add(tokens)
    ends = [0] * len(words)  # the furthest end of a name starting at each word
    for i, word in enumerate(words):
        for tokens in by_first.get(word, ()):
            if tuple(words[i : i + len(tokens)]) == tokens:
                # The article word just before a name belongs with it: "the Organization for ...".
                start = i - 1 if i and words[i - 1] in _ARTICLES else i
                ends[start] = max(ends[start], i + len(tokens))
    cover = []
    furthest = 0
    for end in ends:
        furthest = max(furthest, end)
        cover.append(furthest)
    return cover


# ---------------------------------------------------------------------------
# Dates and the date note
# ---------------------------------------------------------------------------


def _check_date(key: str, value: str, inferred: bool, support: _Support) -> list[Finding]:
    match = _ISO.fullmatch(value)
    month = int(match.group(2)) if match and match.group(2) else None
    day = int(match.group(3)) if match and match.group(3) else None
    if (
        match is None
        or (month is not None and not 1 <= month <= 12)
        or (day is not None and not 1 <= day <= 31)
    ):
        return [
            Finding(
                key,
                f"'{_shorten(value)}' is not an ISO date at reduced precision: YYYY, YYYY-MM or YYYY-MM-DD",
            )
        ]
    year = int(match.group(1))
    where = _ABSENT
    if inferred:
        findings = []
        part = _When(None, month, day)
        if month is not None and not support.has(_When(year, month, day), loose_year=True):
            findings.append(Finding(key, f"inferred date '{value}': '{_spoken(part)}' {where}"))
        if year not in support.years:
            findings.append(Finding(key, f"inferred date '{value}': the year '{year}' {where}"))
        return findings
    when = _When(year, month, day)
    if (year in support.years) if month is None else support.has(when):
        return []
    return [Finding(key, f"'{value}' ('{_spoken(when)}') {where} in any form")]


def _check_note(note: str, support: _Support) -> list[Finding]:
    findings = []
    masked = list(note)
    for match in _QUOTED.finditer(note):
        _hide(masked, *match.span())
        words = match.group(1).strip()
        if words and not _occurs(words, support.text):
            findings.append(Finding("date_note", f"the quoted '{_shorten(words)}' {_ABSENT}"))
    return findings + _check_numbers("".join(masked), support, "date_note")


def _norm(text: str) -> str:
    """Folded text with straight quotes and apostrophes and plain hyphens for en dashes."""
    return fold(text).translate(_SAME)
