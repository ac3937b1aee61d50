"""Names a summary writes and runs of words it copies, held against its cited paragraphs."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

from cstofacts.store.written import NUMBER_WORD_SET, TOKEN, WORD, Support, norm, occurs

RUN = 6  # shortest shared run of words that counts as copying
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
    for match in TOKEN.finditer(text):
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


def _ordinary(token: str, support: Support) -> bool:
    """Whether a sentence's capitalised first word is a plain word rather than a name."""
    word = _bare(token).lower()
    # A number word is the number rule's business; a word the support writes in lower case is ordinary.
    return word in _OPENERS or word in NUMBER_WORD_SET or word in support.words


def _missing_name(run: list[str], initial: bool, support: Support) -> str | None:
    """The part of a run of name words the support does not hold, or None when it holds it all."""
    name = " ".join([*run[:-1], _bare(run[-1])])
    if occurs(name, support.text):
        return None
    if initial and _ordinary(run[0], support):
        return _missing_name(run[1:], False, support) if len(run) > 1 else None
    if len(run) == 1 and "-" in name:
        parts = [part for part in name.split("-") if part[:1].isupper()]
        if parts and all(occurs(part, support.text) for part in parts):
            return None
    return name


class Copied(NamedTuple):
    """A run of words copied from a cited paragraph: its span in the summary, its length, the paragraph."""

    start: int
    end: int
    words: int
    paragraph: int


def missing_names(text: str, support: Support) -> list[str]:
    """The names the text writes that the support does not hold, each once, in the order written."""
    missing: dict[str, None] = {}
    for run, initial in _runs(text):
        name = _missing_name(run, initial, support)
        if name:
            missing.setdefault(name)
    return list(missing)


def copied_runs(
    summary: str, quotes: list[tuple[int, int]], support: Support, names: Collection[str]
) -> list[Copied]:
    """The runs of RUN or more words the summary shares with a cited paragraph, overlapping
    windows joined; a run inside one quoted span or one declared name is not copying.
    """
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(summary)]
    if len(words) < RUN:
        return []
    windows = _windows(support)
    ours = [w for _, _, w in words]
    inside = _quoted(words, quotes)
    covered = _name_cover(ours, names)
    hits: list[tuple[int, int]] = []  # (first word, paragraph) of each copied window
    for i in range(len(ours) - RUN + 1):
        source = windows.get(tuple(ours[i : i + RUN]))
        if source is None:
            continue
        if inside[i] >= 0 and inside[i] == inside[i + RUN - 1]:
            continue
        if covered[i] >= i + RUN:
            continue
        hits.append((i, source))
    runs = []
    k = 0
    while k < len(hits):
        first, number = hits[k]
        last = first + RUN - 1
        while k + 1 < len(hits) and hits[k + 1][0] <= last:  # overlapping windows: one run
            k += 1
            last = hits[k][0] + RUN - 1
        k += 1
        runs.append(Copied(words[first][0], words[last][1], last - first + 1, number))
    return runs


def _windows(support: Support) -> dict[tuple[str, ...], int]:
    """Every run of RUN words in the cited paragraphs, lower-cased, with the first paragraph holding it."""
    windows: dict[tuple[str, ...], int] = {}
    for number, paragraph in support.paragraphs.items():
        theirs = [w.lower() for w in WORD.findall(paragraph)]
        for i in range(len(theirs) - RUN + 1):
            windows.setdefault(tuple(theirs[i : i + RUN]), number)
    return windows


def _quoted(words: list[tuple[int, int, str]], quotes: list[tuple[int, int]]) -> list[int]:
    """Which quoted span each word lies in (-1: none); quotes are sorted and disjoint."""
    inside = [-1] * len(words)
    q = 0
    for i, (start, end, _) in enumerate(words):
        while q < len(quotes) and quotes[q][1] <= start:
            q += 1
        if q < len(quotes) and quotes[q][0] <= start and end <= quotes[q][1]:
            inside[i] = q
    # The article word just before a quoted span belongs with it: 'the "Kazakhstan scenario"'.
    for i in range(1, len(words)):
        if inside[i] >= 0 and inside[i - 1] < 0 and words[i - 1][2] in _ARTICLES:
            inside[i - 1] = inside[i]
    return inside


def _name_cover(words: list[str], names: Collection[str]) -> list[int]:
    """For each word, the furthest end (exclusive) of a declared name that starts at or before it."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        tokens = tuple(w.lower() for w in WORD.findall(norm(name)))
        if len(tokens) >= RUN:  # only a name of RUN words or more can hold a copied run
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
