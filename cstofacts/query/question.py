"""Read a question in a reader's own words into facets and words: pure, with no I/O.

Only the dataset's own vocabulary is used: years, dates and ranges; categories by
name, plural or declared synonym; countries, organizations, places and people by any
declared name; kinds; paragraphs. What is left becomes words to rank by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from cstofacts import english, text
from cstofacts.criteria import Query, Term
from cstofacts.lexicon import Lexicon, entity_tags, tag
from cstofacts.model import KIND_WORDS, Kind
from cstofacts.query.asking import (
    LIST_OPENERS,
    asked_as,
    asked_head,
    asks_for,
    did,
    in_phrase,
    is_list,
    singular,
    units,
)
from cstofacts.query.spans import take_dates, take_paragraphs

# Words that say what sort of statement is wanted.
ATTRIBUTION_WORDS = {"analyst": "analyst", "author": "analyst"}
# Verbs and fillers of questions that say nothing about which claim is meant. A verb is listed
# by its plain form, and its irregular forms beside it; the regular ones (holds, holding,
# happened) are found through english.verb_forms.
QUESTION_WORDS = frozenset(
    """
    hold held happen occur occurred take took taken place conduct carry carried out do done
    go went get got make made new also
    know known learn see look info information detail details many much
    involve involves involved involving concern concerns concerned concerning regard regards relate
    everything anything something thing things item items fact facts record records entry entries
    effort efforts activity activities work step steps measure measures action actions
    develop development developments news statement statements name names called as like
    both either neither
    """.split()
)
_QUOTES = str.maketrans("’‘“”", "''\"\"")
# Words that put the country or organization after them out of the answer ("held outside
# Belarus", "organizations other than the CSTO"), longest first.
_EXCLUDING: tuple[tuple[str, ...], ...] = (
    ("other", "than"), ("apart", "from"), ("aside", "from"), ("rather", "than"), ("except", "for"),
    ("not", "including"), ("outside", "of"), ("outside",), ("except",), ("excluding",),
    ("besides",), ("without",), ("beyond",),
)  # fmt: skip
# "not", "never", "weren't" (read as "weren", "t") negate what follows within a few words,
# unless they open "not only Belarus but …", which includes it.
_NEGATING = frozenset({"not", "never"})
_NOT_NEGATING = frozenset({"only", "just", "merely", "simply", "least"})
_NEGATION_REACH = 3  # words from a negation to the name it puts out: "not held in Belarus"
_SERIES_WORDS = frozenset({"and", "or", "nor", "the"})  # "other than Russia and Belarus"
# The first halves of English's negative contractions as words split them ("weren't": "weren",
# "t"): function words, never things the article might not mention. ("Won", "can" are words.)
_CONTRACTED = frozenset(
    """
    isn aren wasn weren don doesn didn hasn haven hadn wouldn shouldn couldn mustn needn mightn shan ain
    """.split()
)


class Reading(NamedTuple):  # not a frozen dataclass: cheaper to define at every start
    """How a question was read: facets to filter by, words to rank by, and what sort of answer."""

    listing: bool  # a list question wants every match; a pointed one the best few
    asks: str | None = None  # who, when, where, why, how many, or None
    # What the question names that a filter could say: years, dates, categories, countries,
    # organizations, places, kinds, attributions, paragraphs. What answer.py runs is built from it.
    facets: Query = Query()  # never changed: Query values are replaced, not mutated
    span_text: tuple[str, ...] = ()  # the date words as typed, to fall back on when no claim has the date
    names: tuple[Term, ...] = ()  # people and other declared names, matched whole
    words: tuple[Term, ...] = ()
    entity_terms: tuple[Term, ...] = ()  # countries, organizations, places as terms too
    category_terms: tuple[Term, ...] = ()  # the category words as typed: "roadmap", "drills"
    category_subject: bool = False  # the category is what a list question lists ("which exercises")
    # The categories a list is of: the first category word's, and those joined to it by and/or.
    listed_categories: frozenset[str] = frozenset()
    described: tuple[Term, ...] = ()  # category words after those, describing what is listed
    tokens: tuple[str, ...] = ()  # every word of the question, stop words too
    absent_paragraphs: frozenset[int] = frozenset()  # paragraph numbers the article does not have
    capitalised: frozenset[str] = frozenset()  # words written with a capital inside the question
    head: str | None = None  # the noun a "who was …" or "what is …" question asks for (asked_head)
    either: tuple[frozenset[str], ...] = ()  # words joined by "or" ("meetings or signings"): any one will do
    excluded: tuple[Term, ...] = ()  # countries and organizations put out ("outside Belarus"): facets.not_*


def read(question: str, lexicon: Lexicon, last_paragraph: int | None = None) -> Reading:
    """The facets and words of a question. Never raises: an unreadable part becomes words."""
    raw = question.translate(_QUOTES)
    raw, spans, span_text, since, until = take_dates(raw)
    raw, paragraphs, absent = take_paragraphs(raw, last_paragraph)
    # A word written with a capital inside the question is a name ("O'Brien"): never a typo.
    capitalised = {w.casefold() for w in re.findall(r"(?<=\w)\W+([A-Z][\w'’-]*)", raw)}
    tokens = text.words(raw)
    asks = asks_for(tokens)
    found = _match(tokens, lexicon)
    # The nouns for what a when or where question asks ("in which city", "the venues") are what
    # the answer gives, not words it holds.
    found.words = [w for w in found.words if asks not in ("when", "where") or asked_as(w.typed) != asks]
    # A plural category or kind asks for all of them ("exercises in Belarus", "what exercises"),
    # unless the question asks who, why or how, or what someone did ("what did the leaders …").
    asked = _question(raw, tokens)
    listing = is_list(asked) or (found.plural and asks not in ("who", "why", "how many") and not did(asked))
    # In a list, a kind word after a word it describes ("which country's January 2022 events") is
    # part of a description, not what is listed: it filters only where it is what is asked for.
    narrowed = found.facets or bool(spans or since or until or paragraphs or found.attributions)
    kinds = set() if listing and found.kind_described else set(found.kinds)
    if Kind.EVENT in kinds and (spans or since or until):
        # The events of a time are what happened then: a background claim dated then ("the
        # CSTO's focus in 2024") is one too. The date itself leaves out undated causes and goals.
        kinds.add(Kind.BACKGROUND)
    if asks is None and not found.words and not found.names and narrowed:
        listing = True  # nothing to rank by: the facets name a set, and all of it is the answer
    return Reading(
        listing=listing,
        asks=asks,
        facets=Query(
            years=tuple(spans),
            since=since,
            until=until,
            categories=frozenset(found.categories),
            countries=frozenset(found.countries),
            organizations=frozenset(found.organizations),
            not_countries=frozenset(found.not_countries),
            not_organizations=frozenset(found.not_organizations),
            places=frozenset(found.places),
            kinds=frozenset(kinds),
            attributions=frozenset(found.attributions),
            paragraphs=frozenset(paragraphs),
        ),
        span_text=tuple(span_text),
        names=tuple(found.names),
        words=tuple(found.words),
        entity_terms=tuple(found.entities),
        category_terms=tuple(found.category_words),
        category_subject=listing and found.category_first,
        listed_categories=frozenset(found.listed),
        described=tuple(found.described),
        tokens=tuple(tokens),
        absent_paragraphs=frozenset(absent),
        capitalised=frozenset(w for c in capitalised for w in text.words(c)),
        head=asked_head(asked, [t.tokens for t in (*found.names, *found.entities)]),
        either=either(tokens, [*found.words, *found.entities, *found.category_words], raw),
        excluded=tuple(found.excluded),
    )


# Words a question opens with, after a phrase put before it ("Besides the UN, which …").
_OPENERS = frozenset(("what", "who", "when", "where", "why", "how", *LIST_OPENERS))
_FRONTED = 8  # at most so many words before the comma: a phrase, not a question of its own


def _question(raw: str, tokens: list[str]) -> list[str]:
    """The question's own words, without a phrase put before it and a comma ("Other than the
    UN, which organizations …", "In 2024, what …"), so that it is read from its question word."""
    before, comma, after = raw.partition(",")
    if not comma:
        return tokens
    fronted, rest = text.words(before), text.words(after)
    if rest and rest[0] in _OPENERS and 0 < len(fronted) <= _FRONTED and fronted[0] not in _OPENERS:
        return rest
    return tokens


# "a, b or c": the words before "b or c". Compiled only for a question that holds "or".
_SERIES = r"((?:[^\W\d_][\w'’-]*\s*,\s*)+)[^\W\d_][\w'’-]*,?\s+or\s+[^\W\d_]"


def either(tokens: Sequence[str], terms: Sequence[Term], raw: str = "") -> tuple[frozenset[str], ...]:
    """The words and names a question joins with "or", each group one choice, as typed:
    "signed or adopted", "Belarus or Kyrgyzstan" ask for either. A chain ("a or b or c", or
    "signed, adopted or approved" as `raw` writes it) is one group; a declared name of several
    words is one of them."""
    if "or" not in tokens:
        return ()
    listed = {w for m in re.finditer(_SERIES, raw) for w in text.words(m[1])}
    known = {t.typed for t in terms}
    # Each term as typed, "or", or None for any other word; articles are passed over ("the UN or the SCO").
    said = [
        unit if unit in known or unit == "or" else None
        for unit in units(tokens, [t.tokens for t in terms])
        if unit not in ("the", "a", "an")
    ]
    groups: list[set[str]] = []
    for i in range(1, len(said) - 1):
        left, right = said[i - 1], said[i + 1]
        if said[i] != "or" or left in (None, "or") or right in (None, "or") or left == right:
            continue
        assert left is not None and right is not None
        if groups and left in groups[-1]:
            groups[-1].add(right)
        else:
            groups.append({left, right})
        back = i - 2
        while back >= 0 and said[back] in listed:  # "signed, adopted or approved"
            groups[-1].add(str(said[back]))
            back -= 1
    return tuple(frozenset(g) for g in groups)


class _Found:
    """What a question's words name: facets, declared names, and the words left to rank by.
    A plain class: a dataclass costs start-up time to define."""

    def __init__(self) -> None:
        self.plural = False  # a plural category or kind asks for all of them
        self.categories: set[str] = set()
        self.countries: set[str] = set()
        self.organizations: set[str] = set()
        self.places: set[str] = set()
        self.kinds: set[Kind] = set()
        self.attributions: set[str] = set()
        self.names: list[Term] = []
        self.category_first = False  # a category word comes before any other word to rank by or name
        self.kind_described = False  # a word to rank by comes before a kind word ("the country's events")
        self.entities: list[Term] = []
        self.category_words: list[Term] = []
        self.words: list[Term] = []
        self.listed: set[str] = set()  # the categories of the first category word, and those joined to it
        self.listed_end = -1
        self.described: list[Term] = []  # later category words
        self.not_countries: set[str] = set()
        self.not_organizations: set[str] = set()
        self.excluded: list[Term] = []
        self.excluded_end = -1  # where the last name put out ends: a series after it is out too
        self.named: list[str] = []  # the tokens read so far, a declared name's as "" (its "of" is no phrase)

    @property
    def facets(self) -> bool:
        return bool(self.categories or self.countries or self.organizations or self.places or self.kinds)


def _match(tokens: Sequence[str], lexicon: Lexicon) -> _Found:
    """Tokens matched against the lexicon, the longest run first; a token no run starts at is a
    kind word, an attribution word, or a word to rank by unless it is filler."""
    found = _Found()
    longest = lexicon.longest
    index = 0
    while index < len(tokens):
        for size in range(min(longest, len(tokens) - index), 0, -1):
            run = tuple(tokens[index : index + size])
            entry = lexicon.first(run) or lexicon.first(singular(run))
            if entry is None or entry[0] == "attribution":  # "analyst" is read below, "article" is filler
                continue
            what, value = entry
            typed = " ".join(run)
            if what == "category":
                # "Which exercises …", "which CSTO exercises …": a name before it describes it,
                # as a phrase it is part of does ("what happened in the CSTO's relations").
                if not (found.words or found.names or found.category_words or in_phrase(found.named, index)):
                    found.category_first = True
                # A word declared for several categories ("document": an agreement signed, a
                # resolution adopted) names any of them, as --category repeated does.
                meanings = lexicon.meanings(run) or lexicon.meanings(singular(run))
                named = {v for w, v in meanings if w == "category"}
                found.categories.update(named)
                term = Term(typed, run, alternatives=lexicon.category_names(run))
                found.category_words.append(term)
                # The first category word is what a list is of, with those joined to it ("meetings
                # and agreements"); a later one describes it ("the tasks of the leadership").
                if not found.listed or set(tokens[found.listed_end : index]) <= _SERIES_WORDS:
                    found.listed.update(named)
                    found.listed_end = index + size
                else:
                    found.described.append(term)
                if run[-1] != singular(run)[-1]:
                    found.plural = True
            elif what in ("country", "org") and _put_out(tokens, index, found):
                out = found.not_countries if what == "country" else found.not_organizations
                out.add(value)
                found.excluded.append(Term(typed, run, (tag(what[0], value),)))
                found.excluded_end = index + size
            elif what == "country":
                found.countries.add(value)
                found.entities.append(Term(typed, run, (tag("c", value),)))
            elif what == "org":
                found.organizations.add(value)
                found.entities.append(Term(typed, run, (tag("o", value),)))
            elif what == "place":
                found.places.add(value)
                found.entities.append(Term(typed, run, (tag("p", value),)))
            elif what == "person":
                found.names.append(Term(typed, run, entity_tags("person", value)))
            index += size
            found.named += [""] * size
            break
        else:
            _word(tokens[index], lexicon, found)
            found.named.append(tokens[index])
            index += 1
    return found


def _put_out(tokens: Sequence[str], at: int, found: _Found) -> bool:
    """Whether the name starting at `at` is put out of the answer by the words before it ("other
    than", "outside", "not held in"), or follows one put out in a series ("other than Russia and
    Belarus"). The words that put it out are no longer words to rank by. Between them and the name
    only a few function words may come ("other than in", "apart from those in")."""
    if found.excluded_end >= 0 and set(tokens[found.excluded_end : at]) <= _SERIES_WORDS:
        return True
    end = at
    while end > 0 and at - end <= _NEGATION_REACH:
        marker = next((m for m in _EXCLUDING if tuple(tokens[max(0, end - len(m)) : end]) == m), None)
        if marker is not None:
            _drop_words(found, marker)
            return True
        word = tokens[end - 1]
        if word in _NEGATING or (word == "t" and end > 1 and tokens[end - 2].endswith("n")):
            if tokens[end] in _NOT_NEGATING:
                return False  # "not only in Belarus"
            if word == "t" and set(tokens[end:at]) <= {"the", "a", "an"}:
                return False  # "didn't Armenia …" opens a question: the name is its subject
            _drop_words(found, (word,))
            return True
        if not (word in text.STOP_WORDS or _filler(word)):
            return False
        end -= 1
    return False


def _drop_words(found: _Found, typed: Sequence[str]) -> None:
    """Take the last words read back out of the words to rank by, where they are these."""
    for word in reversed(typed):
        if found.words and found.words[-1].typed == word:
            found.words.pop()


def _word(word: str, lexicon: Lexicon, found: _Found) -> None:
    """A token no declared name starts at: a kind, an attribution, or a word to rank by. (A kind
    word that a dataset also declares, as the bundled one declares the category conclusion, was
    read as that declared name already.)"""
    single = singular((word,))[0]
    if single in KIND_WORDS:
        found.kinds.add(KIND_WORDS[single])
        found.kind_described = found.kind_described or bool(found.words)
        found.plural = found.plural or word != single
    elif word in ATTRIBUTION_WORDS and lexicon.first((ATTRIBUTION_WORDS[word],)) is not None:
        found.attributions.add(ATTRIBUTION_WORDS[word])
    elif (
        word not in text.STOP_WORDS
        and word not in _CONTRACTED
        and not (word in LIST_OPENERS and text.is_cyrillic(word))  # "какими": which, as "which" is
        and not _filler(word)
        and len(word) > 1
    ):
        found.words.append(Term(word, (word,)))


def _filler(word: str) -> bool:
    """A verb or filler of questions in any of its forms ("hold", "holds", "holding", "held")."""
    return any(base in QUESTION_WORDS for base in english.verb_forms(word))
