"""Questions about the works themselves: who wrote the report, who the analyst is, where his
article appeared, the headline, the period. Pure: a question's words and the works' rows in,
the facts asked for out.

Each field of a work (cstofacts.provenance) is declared once, with the words a reader asks
for it by. A question is about the works when it names a field and a work (a word for a
report or an article, or its author's name), and nothing else a claim would answer.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from cstofacts import english, text


class Field(NamedTuple):  # a NamedTuple, not a dataclass: cheaper to define at every start
    column: str  # the works column (cstofacts.provenance.WORK_COLUMNS)
    label: str  # how an answer names it
    words: frozenset[str]  # words a question asks for it by
    stated_in: str  # where the work's record comes from: the page's header, or the paragraphs
    when_asked: str | None = None  # the question word (where, when) that `also` words need
    also: frozenset[str] = frozenset()  # words that ask for it only with that question word


def forms(word: str) -> set[str]:
    """A question's word and the plain forms it may be: English inflections undone, a Russian
    word's stem."""
    if text.is_cyrillic(word):
        return {text.stem_russian(word)}
    return set(english.bases(word))


def _words(spaced: str) -> frozenset[str]:
    """Field words as written, in their plain forms."""
    return frozenset(spaced.split())


@functools.cache
def stems(words: frozenset[str], russian: bool = False) -> frozenset[str]:
    """Field words as a question's words are compared with them: the English ones, and for a
    question with Russian in it the Russian ones as their stems (so the stemmer is loaded only
    for a Russian question)."""
    if not russian:
        return frozenset(w for w in words if not text.is_cyrillic(w))
    return frozenset(text.stem_russian(w) if text.is_cyrillic(w) else w for w in words)


# English words, then Russian ones (search aids, like the vocabulary's Russian names).
FIELDS = (
    Field("title", "headline", _words("headline title titled called заголовок название"), "header"),
    Field(
        "author",
        "author",
        _words("write wrote written writer author byline bylined journalist reporter автор написал"),
        "header",
    ),
    Field(
        "author_post",
        "author's post",
        _words("post position job director direct head institute occupation должность"),
        "¶1",
    ),
    Field(
        "author_titles",
        "author's titles",
        _words("titles degree professor doctor academic звание степень"),
        "¶1",
    ),
    Field(
        "venue",
        "where it appeared",
        _words("portal site website outlet venue портал"),
        "¶1",
        "where",
        _words("publish appear опубликована вышла"),  # "what did he publish" asks what, not where
    ),
    Field("published", "date published", _words("date dated дата"), "¶1", "when", _words("publish appear")),
    Field("period_start", "period covered", _words("period cover период"), "¶1"),
    Field("section", "section", _words("section rubric рубрика"), "header"),
)
# Words for a work itself, as a reader names it.
WORKS = _words("report article analysis piece story text paper review статья доклад материал отчёт")
# Words that name a part of the work itself, so they ask about it even alone ("the headline?").
ALONE = _words("headline byline заголовок")


class Fact(NamedTuple):
    work: str  # the work's id
    role: str  # report, or reported (the work the report retells)
    field: str  # the field's label
    value: str | None  # None: the work does not state it
    stated_in: str

    def record(self) -> dict[str, Any]:
        return self._asdict()


def names_work(word: str) -> bool:
    """Whether a word is one for a work ("paper", "статье"), in any of its forms."""
    return bool(forms(word) & stems(WORKS, text.is_cyrillic(word)))


def knows(word: str) -> bool:
    """Whether a word is one a field or a work is asked for by, in any of its forms."""
    russian = text.is_cyrillic(word)
    known = stems(WORKS, russian).union(*(stems(f.words | f.also, russian) for f in FIELDS))
    return bool(forms(word) & known)


def periods(works: Sequence[Mapping[str, Any]]) -> frozenset[tuple[int, int]]:
    """The years each work covers, first and last ("2023", "2025" -> (2023, 2025))."""
    return frozenset(
        (int(w["period_start"][:4]), int((w.get("period_end") or w["period_start"])[:4]))
        for w in works
        if w.get("period_start")
    )


def of_period(years: Sequence[int], covered: frozenset[tuple[int, int]]) -> bool:
    """Whether years a question writes ("2023–2025") are the period a work covers: in "the
    analysis of the CSTO's 2023–2025 work" they describe the work, not what is asked."""
    return bool(years) and (min(years), max(years)) in covered


def may_ask(words: Sequence[str], who_is: bool, analyst: bool) -> bool:
    """Whether a question may be about the works at all: it holds a word of a field or for a
    work, or asks who someone is, or names the analyst. Cheap: no work is read."""
    if who_is or analyst:
        return True
    russian = any(text.is_cyrillic(w) for w in words)
    known = stems(WORKS, russian).union(*(stems(f.words | f.also, russian) for f in FIELDS))
    return any(forms(w) & known for w in words)


def facts(
    words: Sequence[str],
    named: Sequence[Mapping[str, Any]],
    works: Sequence[Mapping[str, Any]],
    other: bool,
    asks: str | None = None,
) -> list[Fact]:
    """The facts a question asks about the works, or [] when it asks about something else.

    `words` are the question's words that are neither stop words nor declared names; `named`
    the works whose author the question names (by name, or as "the analyst"); `other` whether
    it names anything else a claim would answer (a date, a country, a place). A question naming
    only an author, and asking who ("who is Babaev?"), asks for the author's post and titles. `asks`
    is the question word's sort (query.question).
    """
    if other:
        return []
    russian = any(text.is_cyrillic(w) for w in words)
    fields = [
        f._replace(words=stems(f.words | f.also, russian))
        if f.when_asked is not None and f.when_asked == asks
        else f._replace(words=stems(f.words, russian))
        for f in FIELDS
    ]
    works_words = stems(WORKS, russian)
    known = works_words.union(*(f.words for f in fields))
    # A Russian word no field knows is left out: it may be a function word (кто, что). A word a
    # field knows as typed is that field's alone ("titles" are the author's, not the headline).
    typed = [
        {w} if w in known else forms(w) for w in words if not (text.is_cyrillic(w) and not forms(w) & known)
    ]
    asked = [f for f in fields if any(f.words & t for t in typed)]
    if any(not (t & known) for t in typed) or not (asked or named):
        return []  # a word no field or work accounts for: the question is about something else
    if not asked:  # "who is Kirill Babaev?"
        if asks != "who":
            return []  # "Babaev" alone: his claims, not his post
        asked = [f for f in FIELDS if f.column in ("author_post", "author_titles")]
    elif not (
        named
        or any(t & stems(WORKS | ALONE, russian) for t in typed)
        or (asks == "who" and all(f.column == "author" for f in asked))  # "who is the journalist"
    ):
        return []  # a field word alone ("published") may be about anything a claim says
    chosen = list(named) or list(works)
    return [
        Fact(str(work["id"]), str(work["role"]), field.label, _value(work, field.column), _where(work, field))
        for work in chosen
        for field in asked
        if work["role"] == "reported" or field.column in _REPORT_FIELDS
    ]


# What a report's own record holds; the rest (post, titles, period) describe a reported work.
_REPORT_FIELDS = frozenset({"title", "author", "venue", "section", "published"})


def _where(work: Mapping[str, Any], field: Field) -> str:
    if work["role"] == "report":
        return "header"
    described = work.get("described_in") or ()
    return ", ".join(f"¶{n}" for n in described) or field.stated_in


def _value(work: Mapping[str, Any], column: str) -> str | None:
    if column == "period_start":
        start, end = work.get("period_start"), work.get("period_end")
        return f"{start}–{end}" if start and end and start != end else start
    if column == "author_titles":
        return ", ".join(work.get("author_titles") or ()) or None
    if column == "author" and work.get("author_romanized"):
        return f"{work['author']} (romanised: {work['author_romanized']}; the page prints only the former)"
    value = work.get(column)
    return str(value) if value is not None else None
