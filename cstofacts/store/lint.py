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
#   whitespace folded and nothing else (quote_in); a claim needs at least one quote. A quote of
#   fewer than SHORT words shows nothing ("In 2023" could date any sentence), so it is refused
#   unless it is a whole declared name or a whole title the paragraph puts in quotation marks.
#   A claim whose date is inferred needs a quote that writes the year: the evidence shows the
#   words that date it, and the date_note says how the date follows from them.
#
# summary:
# - Quoted spans ("..." or “...”) are titles or the article's words, and the article must put
#   them in quotation marks too (a quoted span may be part of a longer quotation). Quotation
#   marks the article does not have are reported, and the words inside them count as ours: the
#   copy rule and every rule below apply to them. A span the article does quote must occur in
#   the support, and the rules below skip it.
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
#
# This module words the findings; written.py recognises dates, numbers and words in a text, and
# names.py finds the names and copied runs a summary's support does not back.

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from cstofacts.store.names import copied_runs, missing_names
from cstofacts.store.written import (
    DATE,
    ISO,
    QUOTED,
    SAME,
    YEAR,
    Support,
    When,
    bare,
    fold,
    norm,
    occurs,
    parse_date,
    spoken,
    unbacked_numbers,
)

_ABSENT = "is not in the evidence or cited paragraphs"
SHORT = 4  # the fewest words an evidence quote needs, unless it is a whole name or title
_HIDDEN = "\x00"  # stands in for masked text: not a word character and not whitespace


class Finding(NamedTuple):
    """One problem of a claim: the claim key it sits on and a one-line message naming the term."""

    key: str
    message: str


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
    support = Support(cited)
    findings = _check_evidence(evidence, cited, support, names)
    findings += _check_summary(fold(summary), support, names)
    if location is not None and not occurs(norm(location), support.text):
        findings.append(Finding("location", f"'{_shorten(location)}' {_ABSENT}"))
    inferred = date_basis == "inferred"
    for key, value in (("date", date), ("end_date", end_date)):
        if value is not None:
            findings += _check_date(key, value, inferred, support)
    if inferred and (date or end_date):
        findings += _check_dating_quote(date or end_date or "", evidence)
    if inferred and (date or end_date) and not (date_note or "").strip():
        findings.append(
            Finding("date_note", f"date '{date or end_date}' is inferred but no date_note says why")
        )
    if date_note:
        findings += _check_note(norm(date_note), support)
    return findings


def lint_work(
    *,
    values: Mapping[str, str | Sequence[str] | None],
    period: tuple[str | None, str | None],
    described: Mapping[int, str] | None,
) -> list[Finding]:
    """What a source says of a work it reports on, held to the paragraphs that describe it.

    Every name, post, title and venue is the source's own words, found whole in those
    paragraphs; the period's years are written there. A work with nothing to check against
    (no `described_in`, or a source without its body) is left alone.
    """
    if not described:
        return []
    support = Support(described)
    findings = []
    for key, value in values.items():
        for item in [value] if isinstance(value, str) else value or ():
            if not occurs(norm(item), support.text):
                findings.append(Finding(key, f"'{_shorten(item)}' is not in the paragraphs that describe it"))
    for key, value in zip(("period_start", "period_end"), period, strict=True):
        if value is not None and int(value[:4]) not in support.years:
            findings.append(Finding(key, f"the year of '{value}' is not in the paragraphs that describe it"))
    return findings


# ---------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------


def _check_evidence(
    evidence: Sequence[tuple[int, str]], cited: Mapping[int, str], support: Support, names: Collection[str]
) -> list[Finding]:
    if not evidence:
        return [Finding("evidence", "no evidence quote")]
    findings = []
    folded: dict[int, str] = {}  # each cited paragraph folded once, however many quotes it has
    for number, quote in evidence:
        shown = _shorten(fold(quote))
        if not fold(quote):
            findings.append(Finding("evidence", f"empty quote for ¶{number}"))
            continue
        if number not in cited:
            findings.append(
                Finding("evidence", f"quote '{shown}' is from ¶{number}, which the claim does not cite")
            )
            continue
        if number not in folded:
            folded[number] = fold(cited[number])
        if fold(quote) not in folded[number]:
            findings.append(Finding("evidence", f"quote '{shown}' does not occur in ¶{number}"))
        elif _words(quote) < SHORT and not _whole_name(quote, support, names):
            findings.append(
                Finding(
                    "evidence",
                    f"quote '{shown}' is shorter than {SHORT} words and not a whole name or title: "
                    "quote enough of the sentence to show what it states",
                )
            )
    return findings


def _words(quote: str) -> int:
    """How many words a quote has, as a reader counts them: "held in 2024-2025" is three."""
    return sum(1 for word in quote.split() if any(ch.isalnum() for ch in word))


def _whole_name(quote: str, support: Support, names: Collection[str]) -> bool:
    """Whether a quote is exactly a declared name, or exactly a title the paragraphs put in quotes."""
    words = bare(norm(quote).strip('"'))
    if any(words == bare(norm(name)) for name in names):
        return True
    return bool(words) and words in support.quoted


def _check_dating_quote(value: str, evidence: Sequence[tuple[int, str]]) -> list[Finding]:
    year = value[:4]
    if any(year in YEAR.findall(quote) for _, quote in evidence):
        return []
    message = (
        f"inferred date '{value}': no evidence quote writes the year {year}; quote the words that date it"
    )
    return [Finding("evidence", message)]


def _shorten(text: str, limit: int = 80) -> str:
    """A term for a one-line message: folded, and cut with an ellipsis when long."""
    text = fold(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------


def _check_summary(shown: str, support: Support, names: Collection[str]) -> list[Finding]:
    # `summary` is normalised character for character, so its spans index `shown`, the summary as
    # written (folded), which is what the messages quote.
    summary = shown.translate(SAME)
    findings: list[Finding] = []
    masked = list(summary)
    quotes: list[tuple[int, int]] = []
    for match in QUOTED.finditer(summary):
        title = match.group(1).strip()
        written = shown[match.start(1) : match.end(1)].strip()
        if title and not support.quotes(title):
            # Marks the article does not have: the words are ours, and every rule applies to them.
            findings.append(
                Finding(
                    "summary",
                    f"puts '{_shorten(written)}' in quotation marks, which the cited paragraphs do not",
                )
            )
            continue
        quotes.append(match.span())
        _hide(masked, *match.span())
        if title and not occurs(title, support.text):
            findings.append(Finding("summary", f"the quoted '{_shorten(written)}' {_ABSENT}"))
    unquoted = "".join(masked)
    for match in DATE.finditer(unquoted):
        _hide(masked, *match.span())
        if not support.has(parse_date(match)):
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


def _check_numbers(text: str, support: Support, key: str) -> list[Finding]:
    return [Finding(key, f"the number '{_shorten(n)}' {_ABSENT}") for n in unbacked_numbers(text, support)]


def _check_names(text: str, support: Support) -> list[Finding]:
    return [Finding("summary", f"'{_shorten(name)}' {_ABSENT}") for name in missing_names(text, support)]


def _check_copying(
    summary: str, shown: str, quotes: list[tuple[int, int]], support: Support, names: Collection[str]
) -> list[Finding]:
    findings = []
    for run in copied_runs(summary, quotes, support, names):
        written = _shorten(shown[run.start : run.end])
        findings.append(
            Finding("summary", f"copies the {run.words}-word run '{written}' from ¶{run.paragraph}")
        )
    return findings


# ---------------------------------------------------------------------------
# Dates and the date note
# ---------------------------------------------------------------------------


def _check_date(key: str, value: str, inferred: bool, support: Support) -> list[Finding]:
    match = ISO.fullmatch(value)
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
        part = When(None, month, day)
        if month is not None and not support.has(When(year, month, day), loose_year=True):
            findings.append(Finding(key, f"inferred date '{value}': '{spoken(part)}' {where}"))
        if year not in support.years:
            findings.append(Finding(key, f"inferred date '{value}': the year '{year}' {where}"))
        return findings
    when = When(year, month, day)
    if (year in support.years) if month is None else support.has(when):
        return []
    return [Finding(key, f"'{value}' ('{spoken(when)}') {where} in any form")]


def _check_note(note: str, support: Support) -> list[Finding]:
    findings = []
    masked = list(note)
    for match in QUOTED.finditer(note):
        _hide(masked, *match.span())
        words = match.group(1).strip()
        if words and not occurs(words, support.text):
            findings.append(Finding("date_note", f"the quoted '{_shorten(words)}' {_ABSENT}"))
    return findings + _check_numbers("".join(masked), support, "date_note")
