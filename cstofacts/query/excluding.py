"""What a question puts out of its answer with words rather than a name: "Apart from
strengthening internal unity, which tasks …", "which exercises besides Interaction-2023 …". Pure.

The phrase after the marker runs to a comma, a verb that opens the question's clause ("were",
"did", "signed"), a question word, or the end. It is put out only when it holds a word that says
something besides a country or organization: "other than the UN" names an organization, which
query.matching puts out as one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# Markers that put a phrase out ("outside", "without", "beyond" put out places and names only).
MARKERS: tuple[tuple[str, ...], ...] = (
    ("other", "than"), ("apart", "from"), ("aside", "from"), ("rather", "than"), ("except", "for"),
    ("not", "including"), ("except",), ("excluding",), ("besides",),
)  # fmt: skip
# Words that end the phrase: the verbs that open a clause, and question words.
_ENDS = frozenset(
    """
    is are was were be been am do does did has have had will would can could should may might
    what which who whom whose when where why how
    """.split()
)
_LONGEST = 6  # words a phrase may hold: past that, it is no phrase put out
_LONGEST_TO_COMMA = 10  # words a phrase a comma closes may hold


def phrases(
    tokens: Sequence[str],
    commas: frozenset[int],
    plain: Callable[[int], bool],
    named: Callable[[int], bool],
    verb: Callable[[int], bool],
) -> list[range]:
    """The token positions of each phrase put out, after its marker. `commas` are the positions
    a comma comes before; `plain(i)` says whether token i says something (a word no declared
    name covers, not a function word, or the start of a declared place, person or category),
    `named(i)` whether a country's or organization's name starts there, and `verb(i)` whether
    the token is a verb's past or a question's filler verb ("signed", "held"). A phrase ends at a
    comma, a verb or question word, a past verb after its first word, or a word right after a
    country or organization ("besides Kyrgyzstan come up …"); without a plain word it is none
    here: "other than the UN" is put out as a name (query.matching)."""
    found: list[range] = []
    at = 0
    while at < len(tokens):
        marker = next((m for m in MARKERS if tuple(tokens[at : at + len(m)]) == m), None)
        if marker is None:
            at += 1
            continue
        start = end = at + len(marker)
        # Put before a comma ("Apart from NATO drills, which …"), the phrase is all up to it: the
        # comma bounds it, so it may be longer ("Besides the 15 documents on security and …,").
        comma = next((c for c in sorted(commas) if start < c <= start + _LONGEST_TO_COMMA), None)
        if comma is not None and not _ENDS.intersection(tokens[start:comma]):
            end = comma
        after_name = False
        while end < len(tokens) and end - start < _LONGEST and tokens[end] not in _ENDS and comma != end:
            if end > start and (end in commas or verb(end) or (after_name and plain(end))):
                break
            after_name = named(end) or (after_name and not plain(end) and tokens[end] in _SERIES)
            end += 1
        span = range(start, end)
        closed = end - start < _LONGEST or end == len(tokens) or end == comma
        if closed and any(plain(i) for i in span):
            found.append(span)
        at = max(end, at + 1)
    return found


# Words that join names put out: "Kyrgyzstan and Tajikistan". (A possessive "s" makes the name
# part of a phrase: "the CSTO's regional role".)
_SERIES = frozenset({"and", "or", "nor", "the"})


def comma_positions(raw: str, words: Callable[[str], list[str]]) -> frozenset[int]:
    """The token positions a comma comes before, counting tokens as `words` splits them."""
    positions: set[int] = set()
    count = 0
    for part in raw.split(",")[:-1]:
        count += len(words(part))
        positions.add(count)
    return frozenset(positions)
