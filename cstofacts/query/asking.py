"""What a question asks for, from its words alone: who, when, where, why, how many, a
judgement, or a list; the noun it asks by ("which cities", "how many troops") and the noun it
asks about ("who is the Secretary General"). Pure, with no I/O; question.py reads the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts import english, text
from cstofacts.model import KIND_WORDS, Kind

# Words asking what something meant or changed: a judgement answers them.
EFFECT_WORDS = frozenset(
    "difference effect effects impact result results outcome significance significant important mean".split()
)
# Words that open a list question.
# English, then Russian: "какой" (which) in every case and number, and "list" as a command.
LIST_OPENERS = (
    "which", "list", "name", "enumerate", "all",
    "какие", "каких", "каким", "какими", "какой", "какая", "какое", "какую", "каком", "какого", "какому",
    "перечислите", "перечисли",
)  # fmt: skip


def units(tokens: Sequence[str], names: Sequence[Sequence[str]]) -> list[str]:
    """The tokens, each run that spells one of `names` joined into one unit, the longest first."""
    runs = sorted({tuple(n) for n in names if n}, key=len, reverse=True)
    units: list[str] = []
    at = 0
    while at < len(tokens):
        run = next((r for r in runs if tuple(tokens[at : at + len(r)]) == r), None)
        units.append(" ".join(run) if run else tokens[at])
        at += len(run) if run else 1
    return units


# The question words, English and Russian, and what sort of answer each asks for.
QUESTION_WORDS_ASK = {
    "who": "who", "whom": "who", "whose": "who", "when": "when", "where": "where", "why": "why",
    "кто": "who", "кого": "who", "чей": "who", "когда": "when", "где": "where", "почему": "why",
    "зачем": "why", "сколько": "how many",
}  # fmt: skip


# "Which" or "what" before a word for a time or a place asks when or where ("in which city").
# Words for a town: "which cities" asks which of the places a dataset declares, each in a country.
SETTLEMENTS = frozenset(("city", "town", "capital"))
_ASKED_BY_NOUN = {
    **dict.fromkeys("year years date day month".split(), "when"),
    **dict.fromkeys((*SETTLEMENTS, "place", "location", "venue"), "where"),
}


# Question words that ask by what follows them ("what", "which", "how"): one of these first makes
# a later "when" or "who" a clause's word ("what did the leaders do when the Secretary General
# visited", "what is the post of the man who heads it"), not what the question asks.
_ASKING_BY_WHAT_FOLLOWS = frozenset(
    ("what", "which", "how", "что", "как", *(w for w in LIST_OPENERS if w.startswith("как")))
)


def asks_for(tokens: Sequence[str]) -> str | None:
    """What sort of answer the question word asks for."""
    if "how" in tokens and ("many" in tokens or "much" in tokens):
        return "how many"  # a count or an amount: the answer must state a number
    for word in tokens:
        if word in QUESTION_WORDS_ASK:
            return QUESTION_WORDS_ASK[word]
        if word in _ASKING_BY_WHAT_FOLLOWS:
            break
    by_noun = asked_by_noun(tokens)
    if by_noun is not None:
        return by_noun
    if EFFECT_WORDS.intersection(tokens) or any(_judging(t) for t in tokens):
        return "effect"  # significance is a judgement, as is what a question says is assessed
    return None


def _judging(word: str) -> bool:
    """Whether a word is a verb whose noun names a judgement ("assessed": assessment, "judges":
    judgement, "opined": opinion, "viewed": view), by the English ways of making a noun of a verb."""
    if singular((word,))[0] in KIND_WORDS:
        return False  # the noun itself is a kind, which filters (_word)
    for base in english.bases(word):
        stem = base[:-1] if base.endswith("e") else base
        # "{base}ion" would be "{stem}ion", or no word ("assesseion").
        for noun in (base, f"{base}ment", f"{stem}ment", f"{stem}ion"):
            if KIND_WORDS.get(noun) is Kind.ASSESSMENT:
                return True
    return False


def counted(tokens: Sequence[str]) -> str | None:
    """The noun "how many" or "how much" counts ("how many troops", "how many of the documents"),
    if one follows it: an answer must say how many of that, not of something else."""
    for at in range(1, len(tokens)):
        if tokens[at - 1] == "how" and tokens[at] in ("many", "much"):
            rest = [t for t in tokens[at + 1 : at + 4] if t not in ("of", "the", "these", "those")]
            return rest[0] if rest and rest[0] not in text.STOP_WORDS and rest[0].isalpha() else None
    return None


COPULA = frozenset("is are was were".split())
# Words that end a noun phrase: function words, and prepositions search keeps as words.
_PHRASE_ENDS = text.STOP_WORDS | frozenset("as like than".split())


def asked_head(tokens: Sequence[str], names: Sequence[Sequence[str]] = ()) -> str | None:
    """The noun a "who was …" or "what is …" question asks for: the last word of the phrase after
    the verb, past a possessor and up to the first function word ("predecessor" in "who was
    Tasmagambetov's predecessor as head of the CSTO", "exercise" in "what was the biggest
    exercise"). A declared name is one word here, so a possessor may hold a function word ("the
    Commonwealth of Independent States' aims"). If the article lacks the noun, a claim holding the
    rest of the question is no answer; a modifier it lacks ("biggest") leaves a partial one."""
    if len(tokens) < 3 or tokens[0] not in ("who", "what", "which") or tokens[1] not in COPULA:
        return None
    phrase: list[str] = []
    for word in units(tokens[2:], names):
        if word == "s" and phrase:  # "Tasmagambetov's predecessor": the possessor is not what is asked
            phrase = []
        elif word not in _PHRASE_ENDS:
            phrase.append(word)
        elif phrase:
            break
    return phrase[-1] if phrase else None


def asked_by_noun(tokens: Sequence[str]) -> str | None:
    """ "when" or "where", if "which" or "what" asks by a word for a time or a place."""
    noun = _asking_noun(tokens)
    return None if noun is None else _ASKED_BY_NOUN[noun]


def _asking_noun(tokens: Sequence[str]) -> str | None:
    """The word for a time or a place that "which" or "what" asks by, if any, or that a list
    opens with ("name the cities", "list all the dates")."""
    at = 1 if tokens and tokens[0] in _OPENING_VERBS else len(tokens)
    while at < len(tokens) and tokens[at] in ("the", "all", "me", "every"):
        at += 1
    opened = (at,) if at < len(tokens) else ()
    for at in (*opened, *(i for i in range(1, len(tokens)) if tokens[i - 1] in ("which", "what"))):
        for base in english.bases(tokens[at]):  # "which cities" asks as "which city"
            if base in _ASKED_BY_NOUN:
                return base
    return None


def asks_one(tokens: Sequence[str]) -> bool:
    """Whether "which" or "what" asks by a word for a time or a place in the singular ("on which
    day", "in which city"): one date or one place is the answer, not a list of every match."""
    noun = _asking_noun(tokens)
    return noun is not None and noun in tokens and "all" not in tokens and "every" not in tokens


def asked_as(word: str) -> str | None:
    """ "when" or "where", if the word is one for a time or a place."""
    return next((_ASKED_BY_NOUN[b] for b in english.bases(word) if b in _ASKED_BY_NOUN), None)


_OPENING_VERBS = frozenset(("list", "name", "enumerate"))


# Prepositions a question word may follow: "in which cities", "с какими организациями".
_LEADING = frozenset(
    "in at on for from with by to of about among between during under over through "
    "с со в во на о об по из к у за для от при".split()
)


# The words a question opens with ("which" is a list's opener too).
OPENERS = frozenset(("what", "who", "when", "where", "why", "how", *LIST_OPENERS))


def in_phrase(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at `at` follows a preposition after the question word: part of a phrase
    that describes ("what happened in 2024 in the CSTO's relations with the UN"), not what the
    question asks for ("which exercises"). "Which of the exercises" keeps "of" beside it."""
    start = next((i for i in range(at) if tokens[i] in OPENERS), None)
    if start is None:
        return False
    between = list(tokens[start + 1 : at])
    if between[:1] == ["of"]:
        between = between[1:]
    return any(t in _LEADING and (i == 0 or between[i - 1] not in _TOPIC) for i, t in enumerate(between))


# Nouns for what a question asks for in general: a preposition after them names the topic, which
# is what a list is of ("claims about the leadership", "news on the exercises").
_TOPIC = frozenset(
    "claim claims fact facts thing things everything anything something information info detail "
    "details news statement statements record records entry entries item items".split()
)


def is_list(tokens: Sequence[str]) -> bool:
    if not tokens:
        return False
    first = next((t for t in tokens if t not in _LEADING), "")
    if first in LIST_OPENERS or "all" in tokens or "every" in tokens:
        return True
    opening = " ".join(tokens[:3])
    return opening.startswith(("what happened", "what were", "what are the", "show me all"))


# Verbs that, right after "what", make it a question about what someone did or said.
_AUXILIARIES = frozenset("did does do has have had will would can could was is".split())


def did(tokens: Sequence[str]) -> bool:
    return len(tokens) > 1 and tokens[0] == "what" and tokens[1] in _AUXILIARIES


def whether(tokens: Sequence[str]) -> bool:
    """Whether a question asks yes or no: it opens with an auxiliary ("did the leaders agree …",
    "were exercises held in Belarus"), and its answer is the claim that says so, not a list."""
    return bool(tokens) and (tokens[0] in _AUXILIARIES or tokens[0] in ("were", "are", "should"))


# Superlatives of time: the answer is the claims so dated, latest (True) or earliest first.
_ORDERING = {"latest": True, "newest": True, "earliest": False, "oldest": False}


def ordering(tokens: Sequence[str]) -> tuple[bool | None, frozenset[int]]:
    """Whether a question asks for the latest or the earliest ("the most recent meeting", "the
    earliest exercise"), and the positions of the words that say so; None if it asks neither."""
    for at, word in enumerate(tokens):
        if word in _ORDERING:
            return _ORDERING[word], frozenset({at})
        if word == "most" and at + 1 < len(tokens) and tokens[at + 1] in ("recent", "recently"):
            return True, frozenset({at, at + 1})
    return None, frozenset()


def singular(run: tuple[str, ...]) -> tuple[str, ...]:
    return (*run[:-1], text.singular(run[-1]))
