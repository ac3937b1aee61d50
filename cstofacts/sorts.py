"""Which sort of declared entity a list question asks for, against one dataset: "which
countries", "which organisations other than the UN", "which cities"; and a singular word for a
sort after "the" ("the alliance's drills"), which names the one most claims involve. What
plan.py makes of those words; the answer is the claims involving one of that sort."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

from cstofacts import english, text
from cstofacts.criteria import Query, Term
from cstofacts.query.asking import COPULA, SETTLEMENTS, singular
from cstofacts.query.question import Reading
from cstofacts.store.engine import Store

# An entity on more than this share of the claims (the CSTO, on almost all of them) does not
# narrow anything: it ranks a pointed question's answers and filters nothing.
COMMON = 0.5
# The sorts of declared entity a list question may ask which of, by the sort's English name.
SORTS = {"country": "country", "org": "organization"}
# The sorts' names in Russian, compared by their stems (text.stem_russian) with a Russian word.
_RUSSIAN_SORTS = {"country": ("страна", "государство"), "organization": ("организация",)}
_DEFINITE = frozenset("the this that its their our his her".split())


class Asked(NamedTuple):
    """What a list question's words for a sort ask: the typed words so read, each with how, and
    the query of the entities asked which of (empty when none is)."""

    read: dict[str, str]
    answer_type: Query = Query()  # "which countries": the entities of that sort, any of them
    sort_asked: str = ""  # and how a silence says it: "which country"
    sort_any: Query = Query()  # every entity of that sort some claim involves, common ones too
    sort_word: str = ""  # the word that asked for it, as typed
    excludes: bool = False  # "which organizations other than …": the sort leaves them out
    explained: tuple[tuple[str, str], ...] = ()


def involving(what: str, keys: set[str], drafts: bool = False) -> Query:
    """The claims involving any of some countries or organizations, or at any of some places."""
    if what == "country":
        return Query(countries=frozenset(keys), drafts=drafts)
    if what == "place":
        return Query(places=frozenset(keys), drafts=drafts)
    return Query(organizations=frozenset(keys), drafts=drafts)


def asked(store: Store, reading: Reading, terms: tuple[Term, ...], drafts: bool = False) -> Asked:
    """A list question's word for a sort of declared entity ("which countries", "which
    organisations") asks which of them: the claims must involve one, and need not hold the
    word. An adjective right before it ("international organisations") describes the
    entities, not the claims' words."""
    # Each sort's shares are counted once, however many of the question's words ask of it.
    shares_of = functools.cache(lambda what: _shares(store, what, drafts))
    settlement = _settlement(reading, shares_of)
    if settlement is not None:
        return settlement
    known = _the_one(reading, terms, shares_of)
    excludes = False
    for term in terms:
        if term.typed in known or not reading.listing or len(term.tokens) != 1:
            continue
        what = None if _category_before(reading, term) else _sort_named(term)
        if what is None:
            continue
        shares = shares_of(what)
        # "Which organizations other than the CSTO": the ones put out are not answers.
        facets = reading.facets
        out = facets.not_countries if what == "country" else facets.not_organizations
        shares = {k: share for k, share in shares.items() if k not in out}
        excludes = bool(out)
        narrowing = [k for k, share in shares.items() if 0 < share <= COMMON]  # some claims, not most
        if not narrowing and any(shares.values()):  # the only ones claims involve are on most
            said = f"asks which {SORTS[what]}: each is on most claims, so none filters"
            return Asked({**known, term.typed: said}, excludes=excludes)
        named = facets.countries if what == "country" else facets.organizations
        if not narrowing or set(narrowing) & named:
            continue  # "which other countries than …" is not read so
        read = {term.typed: f"asks which {SORTS[what]}: claims involving one of {', '.join(narrowing)}"}
        tokens = reading.tokens
        at = tokens.index(term.tokens[0]) if term.tokens[0] in tokens else 0
        before = tokens[at - 1] if at else ""
        if any(t.typed == before for t in terms) and store.sort_of(before) == "g":
            read[before] = f"describes the {SORTS[what]} asked for"
        # "Which countries were parties to …": a noun after the copula says what they were, which
        # the claims say by involving them.
        after = [t for t in tokens[at + 1 : at + 4] if t not in ("the", "a", "an")]
        noun = after[1] if len(after) > 1 and after[0] in COPULA else None
        if noun is not None and any(t.typed == noun for t in terms) and store.sort_of(noun) == "n":
            read[noun] = f"says what the {SORTS[what]} asked for were"
        return Asked(
            {**known, **read},
            answer_type=involving(what, set(narrowing)),
            sort_asked=f"which {SORTS[what]}",
            sort_any=involving(what, {k for k, share in shares.items() if share}),
            sort_word=term.typed,
            excludes=excludes,
        )
    return Asked(known, excludes=excludes)


def _sort_named(term: Term) -> str | None:
    """The sort of declared entity a one-word term names ("countries", "alliance": through the
    thesaurus, an organization), or None."""
    typed = (term.tokens[0], *(w for a in term.alternatives for w in a))
    forms = {b for w in typed for b in english.bases(w)}
    if text.is_cyrillic(term.tokens[0]):  # "организациями": by its stem
        stem = text.stem_russian(term.tokens[0])
        forms = {n for n, words in _RUSSIAN_SORTS.items() if stem in map(text.stem_russian, words)}
    return next((w for w, name in SORTS.items() if name in forms), None)


def _the_one(
    reading: Reading, terms: tuple[Term, ...], shares_of: Callable[[str], dict[str, float]]
) -> dict[str, str]:
    """In a list question, "the alliance's drills": a singular word for a sort after "the" or a
    possessive names the one the article is about, when most claims involve one; a word for it
    that only ranks, not a question of which. The typed words so read, with how."""
    known: dict[str, str] = {}
    for term in terms:
        if not reading.listing or len(term.tokens) != 1 or not _definite(reading, term):
            continue
        what = _sort_named(term)
        if what is not None:
            main = ", ".join(k for k, share in shares_of(what).items() if share > COMMON)
            if main:
                known[term.typed] = f"the {SORTS[what]} most claims involve ({main}): it only ranks"
    return known


def _definite(reading: Reading, term: Term) -> bool:
    """Whether a one-word term is singular and follows "the", "this" or a possessive: it names
    one thing the reader knows ("the alliance"), where "which alliances" asks."""
    word = term.tokens[0]
    tokens = reading.tokens
    if word not in tokens or singular((word,)) != (word,):
        return False
    at = tokens.index(word)
    return at > 0 and tokens[at - 1] in _DEFINITE


def _category_before(reading: Reading, term: Term) -> bool:
    """Whether a category word comes before the word: "which military drills did the alliance
    stage" lists drills, not the alliance's sort; "which organizations signed the roadmap" lists
    organizations."""
    tokens = reading.tokens
    at = tokens.index(term.tokens[0]) if term.tokens[0] in tokens else len(tokens)
    return any(t.tokens[0] in tokens[:at] for t in reading.category_terms)


def _shares(store: Store, what: str, drafts: bool) -> dict[str, float]:
    """Each declared entity of one sort (say country), with the share of the claims it is on."""
    return {k: store.share(involving(what, {k}, drafts)) for k in store.lexicon.values(what)}


def _settlement(reading: Reading, shares_of: Callable[[str], dict[str, float]]) -> Asked | None:
    """ "Which cities …", a list asking where by a word for a town: the places the dataset
    declares (each lies in a country) that claims name as where they happened, any of them.
    ("Which places" may mean countries too: the claims with a place answer it, as ever.)"""
    if not reading.listing or reading.asks != "where":
        return None
    typed = next((t for t in reading.tokens if SETTLEMENTS.intersection(english.bases(t))), None)
    if typed is None:
        return None
    shares = shares_of("place")
    at = [k for k, share in shares.items() if 0 < share <= COMMON]
    if not at:
        return None
    noun = min(SETTLEMENTS.intersection(english.bases(typed)))
    return Asked(
        {typed: ""},
        answer_type=involving("place", set(at)),
        sort_asked=f"which {noun}",
        sort_any=involving("place", {k for k, share in shares.items() if share}),
        sort_word=typed,
        explained=((typed, f"asks which {noun}: claims at one of {', '.join(at)}"),),
    )
