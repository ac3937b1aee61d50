"""A question about the works themselves (who wrote the report, where the analysis appeared),
told from one about the claims, and answered from the works' records (query.about): the words
of the reading that name a field or a work, the people it names as the lexicon spells them, and
whatever else it asks that only a claim would answer."""

from __future__ import annotations

from cstofacts import text
from cstofacts.criteria import Query, Term
from cstofacts.query import about
from cstofacts.query.about import Fact
from cstofacts.query.matching import ATTRIBUTION_WORDS
from cstofacts.query.question import Reading
from cstofacts.sorts import COMMON
from cstofacts.store.engine import Store


def facts(store: Store, reading: Reading, drafts: bool) -> list[Fact]:
    """The works' own facts, when that is what the question asks (query.about)."""
    terms = (*reading.words, *reading.category_terms)
    words = [token for term in terms for token in term.tokens]
    # "article" and "report" name a work even where search takes them for stop words.
    works_words = about.stems(about.WORKS)
    words += [t for t in reading.tokens if t in text.STOP_WORDS and about.forms(t) & works_words]
    # "the author" is a field's word as well as the analyst: asked for, it names no one work.
    fields = [t for t in reading.tokens if t in ATTRIBUTION_WORDS and about.knows(t)]
    words += fields
    attributions = reading.facets.attributions
    if fields and all(t in fields for t in reading.tokens if t in ATTRIBUTION_WORDS):
        attributions = frozenset()
    if not about.may_ask(words, bool(reading.names) and reading.asks == "who", bool(attributions)):
        return []  # nothing in it is about a work: no need to read the works
    # Years that are a work's period describe it ("the analysis of the CSTO's 2023–2025 work").
    covered = about.periods(store.works)
    period = {t for term in terms if term.tokens and all(t.isdigit() for t in term.tokens)
              and about.of_period([int(t) for t in term.tokens], covered) for t in term.tokens}  # fmt: skip
    words = [w for w in words if w not in period]
    # The people the question names, as the lexicon spells them, to match a work's author.
    slugs = {t[2:] for term in reading.names for t in term.tags if t.startswith("xh")}
    spelled = {
        " ".join(phrase)
        for phrase, meanings in store.lexicon.entries.items()
        if any(what == "person" and value in slugs for what, value in meanings)
    }
    named = [
        work
        for work in store.works
        if text.normalize(str(work.get("author") or "")) in spelled
        or (work.get("voice") and work["voice"] in attributions)
    ]
    common = {
        short
        for short in reading.facets.organizations
        if store.share(Query(organizations=frozenset({short}), drafts=drafts)) > COMMON
    }
    facets = reading.facets
    other = bool(
        any(not about.of_period([low.year, high.year], covered) for low, high in facets.years)
        or facets.since or facets.until or facets.paragraphs or facets.countries
        or facets.places or facets.kinds or facets.organizations - common
        or (reading.names and not named)
    )  # fmt: skip
    # A verb or an adjective that neither a field nor a claim knows ("the original article")
    # says nothing of what is asked; any other word no field knows makes the question one for
    # the claims.
    words = [
        w
        for w in words
        if about.knows(w) or text.is_cyrillic(w) or store.sort_of(w) != "g" or store.matches(Term(w, (w,)))
    ]
    return about.facts(words, named, store.works, other, reading.asks)
