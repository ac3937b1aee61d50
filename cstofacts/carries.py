"""Whether a claim carries what a question asks for: a date for "when", a place for "where",
a number for "how many". Read from the claim's own fields and summary, never from the question."""

from __future__ import annotations

from collections.abc import Callable

from cstofacts import dates, text
from cstofacts.model import Claim


def _counts(claim: Claim) -> bool:
    """A claim that states a number, a year or a day of a month aside ("15 documents", "five
    maneuvers"; not "March 6, 2023")."""
    words = text.words(claim.summary)
    return any(
        (w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20")) and not _day(words, i))
        or w in text.NUMBER_WORDS
        for i, w in enumerate(words)
    )


def _day(words: list[str], at: int) -> bool:
    """Whether a number is a day written beside its month ("March 6", "6 March")."""
    beside = words[max(at - 1, 0) : at] + words[at + 1 : at + 2]
    return len(words[at]) <= 2 and any(w in dates.MONTHS for w in beside)


def _dated(claim: Claim) -> bool:
    """A claim with a date, or one that states one ("the January 2022 events")."""
    words = text.words(claim.summary)
    return claim.date is not None or any((w.isdigit() and len(w) == 4) or w in dates.MONTHS for w in words)


# What a claim must carry to answer what a question asks for: "when", "where", "how many".
CARRIES: dict[str, Callable[[Claim], bool]] = {
    "when": _dated,
    "where": lambda c: c.location is not None,
    "how many": _counts,
}
