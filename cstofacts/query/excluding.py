"""What a question puts out of its answer with words rather than a name: "Apart from
strengthening internal unity, which tasks …", "which exercises besides Interaction-2023 …". Pure.

The phrase after the marker runs to a comma, a verb that opens the question's clause ("were",
"did"), a question word, or the end. It is put out only when it holds a word no declared name
accounts for: "other than the UN" names an organization, which query.question puts out as one.
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


def phrases(
    tokens: Sequence[str], commas: frozenset[int], plain: Callable[[int], bool], named: Callable[[int], bool]
) -> list[range]:
    """The token positions of each phrase put out, after its marker. `commas` are the positions
    a comma comes before; `plain(i)` says whether token i is a word no declared name covers
    that says something (not a function word), `named(i)` whether a declared name starts there.
    A phrase without a plain word is not one here, nor one that opens with a name and runs to
    the end of the question ("besides Kyrgyzstan signed the agreement": the name is put out)."""
    found: list[range] = []
    at = 0
    while at < len(tokens):
        marker = next((m for m in MARKERS if tuple(tokens[at : at + len(m)]) == m), None)
        if marker is None:
            at += 1
            continue
        start = end = at + len(marker)
        while end < len(tokens) and end - start < _LONGEST and tokens[end] not in _ENDS:
            if end > start and end in commas:
                break
            end += 1
        span = range(start, end)
        opening = next((i for i in span if plain(i) or named(i)), None)
        closed = end < len(tokens) and end - start < _LONGEST  # by a comma, a verb or a question word
        # Run to the end of the question, a phrase that opens with a name puts out the name only.
        if (
            opening is not None
            and any(plain(i) for i in span)
            and (closed or (end == len(tokens) and plain(opening)))
        ):
            found.append(span)
        at = max(end, at + 1)
    return found


def comma_positions(raw: str, words: Callable[[str], list[str]]) -> frozenset[int]:
    """The token positions a comma comes before, counting tokens as `words` splits them."""
    positions: set[int] = set()
    count = 0
    for part in raw.split(",")[:-1]:
        count += len(words(part))
        positions.add(count)
    return frozenset(positions)
