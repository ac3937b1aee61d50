"""Answer a question, as read by query.question, with what one ordinary query returns.

The answer is always the result of a single Query that `list` or `search` can run: ask
builds it from the reading, runs it, and shows it as its reading, so running that reading
gives the same claims. A list question ("which exercises …") gets every claim the query
finds; a pointed one ("when was … signed") gets the first few of a ranked search.

When the article does not answer, the answer says so and holds no claims: a date no claim
has, or a thing no claim, name, source or thesaurus word accounts for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from cstofacts import dates, text
from cstofacts.model import Claim
from cstofacts.query import about
from cstofacts.query.about import Fact
from cstofacts.query.filters import Prefer, Query, SortKey, Term, suggest
from cstofacts.query.question import Reading
from cstofacts.store.engine import Store

POINTED = 3  # how many answers a pointed question gets unless --limit says otherwise
# An entity on more than this share of the claims (the CSTO, on almost all of them) does not
# narrow anything: it ranks a pointed question's answers and filters nothing.
COMMON = 0.5
_PREFER = {
    "who": Prefer.WHO,
    "when": Prefer.WHEN,
    "where": Prefer.WHERE,
    "why": Prefer.WHY,
    "effect": Prefer.WHY,
    "how many": Prefer.HOW_MANY,
}


@dataclass(frozen=True)
class Answer:
    claims: list[Claim]
    reading: Reading
    query: Query | None  # what ran; None when the article does not answer, or the works do
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used instead)
    silence: str = ""  # why the article does not answer, when it does not
    partial: tuple[str, ...] = ()  # what the question asks that no answer holds
    explained: tuple[tuple[str, str], ...] = ()  # (words as typed, what they became)
    facts: tuple[Fact, ...] = ()  # a question about the works themselves, answered from their records

    @property
    def command(self) -> str:
        return "search" if self.query is not None and self.query.words else "list"


def answer(store: Store, reading: Reading, limit: int | None = None, narrow: Query | None = None) -> Answer:
    drafts = narrow is not None and narrow.drafts  # --drafts: the probes below see drafts too
    known = _about(store, reading, drafts) if _unnarrowed(narrow) else []
    if known:
        return Answer([], reading, None, facts=tuple(known))
    plan = _Plan(store, reading, drafts)
    if reading.absent_paragraphs:
        numbers = ", ".join(f"¶{n}" for n in sorted(reading.absent_paragraphs))
        count = store.last_paragraph
        span = f" (its paragraphs are ¶1 to ¶{count}, and the headline)" if count else ""
        return plan.silent(f"the article has no {numbers}{span}")
    words = plan.words()
    if plan.unaccounted and len(plan.unaccounted) >= plan.things(words):
        # The question is mostly about things nothing in the article accounts for. Fewer of them
        # than things it does account for are what a partial answer lacks.
        said = ", ".join(plan.unaccounted)
        return plan.silent(f"the article does not say anything about: {said}")
    years, since, until, relaxed = plan.dates()
    if relaxed is None:
        return plan.silent(plan.no_date())
    words += relaxed
    base = Query(
        years=years,
        since=since,
        until=until,
        kinds=reading.kinds,
        attributions=reading.attributions,
        paragraphs=reading.paragraphs,
    )
    base = _narrowed(base, narrow)
    entities, ranking = plan.entities()
    names = reading.names + plan.places()
    named = bool(names or words or reading.categories or reading.countries or reading.organizations)
    if not named and _unnarrowed(base) and _unnarrowed(narrow):
        # Nothing in the question is something the dataset knows: no answer, rather than any claims.
        return plan.silent(
            "nothing in the question names a claim; try other words, or: cstofacts search WORDS"
        )
    listing = reading.listing
    if not (names or words or reading.category_terms or ranking):
        listing = True  # nothing left to rank by: the facets name a set, and all of it is the answer
    if listing:
        # A category filters when it is what the list question asks for ("which exercises …");
        # elsewhere in a list question its word must occur like any other.
        categories = reading.categories if reading.category_subject or not reading.listing else frozenset()
        required = (*names, *words)
        if not categories:
            required = (*required, *reading.category_terms)
        query = dataclasses.replace(entities(base), categories=categories)
        if required:
            query = dataclasses.replace(query, words=required, sort=SortKey.DATE)
        query = dataclasses.replace(query, limit=limit)
        tries = [query]
        if required:  # no claim holds every word: the claims holding most of them, said to be partial
            tries.append(
                dataclasses.replace(
                    query, any_words=True, best=True, sort=None, words=(*required, *ranking), limit=limit
                )
            )
            if query.dated or query.paragraphs or categories or entities(Query()) != Query():
                # The facets alone ("which claims cite ¶19"), when no claim holds the words.
                tries.append(dataclasses.replace(query, words=(), sort=None))
    else:
        terms = (*names, *words, *reading.category_terms, *ranking)
        query = dataclasses.replace(
            entities(base),
            words=terms,
            any_words=bool(terms),
            prefer=_PREFER.get(reading.asks or ""),
            limit=limit or POINTED,
        )
        tries = [query]
        if plan.entity_count:  # no claim involves every entity named: rank by them instead
            tries.append(dataclasses.replace(base, words=(*terms, *plan.entity_terms()), any_words=True,
                                             prefer=query.prefer, limit=limit or POINTED))  # fmt: skip
    attempts = _precise(tries, reading)
    for query in attempts:
        found = store.claims(query)
        if found:
            return plan.answer(found, query)
    last = attempts[-1]
    written = plan.date_words() if any(q.dated for q in attempts) else ()
    if written:
        # No claim so dated answers: the date may describe what is asked ("the crises like the one
        # in January 2022"); its words, where claims hold them, are the last thing to try.
        undated = dataclasses.replace(last, years=(), since=None, until=None, within=())
        last = dataclasses.replace(undated, words=(*last.words, *written), any_words=True,
                                   best=listing, sort=None)  # fmt: skip
        found = store.claims(last)
        if found:
            return plan.answer(found, last)
    return plan.answer([], last)


def _about(store: Store, reading: Reading, drafts: bool) -> list[Fact]:
    """The works' own facts, when that is what the question asks (query.about)."""
    words = [token for term in (*reading.words, *reading.category_terms) for token in term.tokens]
    # "article" and "report" name a work even where search takes them for stop words.
    works_words = about.stems(about.WORKS)
    words += [t for t in reading.tokens if t in text.STOP_WORDS and about.forms(t) & works_words]
    if not about.may_ask(words, bool(reading.names) and reading.asks == "who", bool(reading.attributions)):
        return []  # nothing in it is about a work: no need to read the works
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
        or (work.get("voice") and work["voice"] in reading.attributions)
    ]
    common = {
        short
        for short in reading.organizations
        if store.share(Query(organizations=frozenset({short}), drafts=drafts)) > COMMON
    }
    other = bool(
        reading.spans or reading.since or reading.until or reading.paragraphs or reading.countries
        or reading.places or reading.kinds or reading.organizations - common
        or (reading.names and not named)
    )  # fmt: skip
    return about.facts(words, named, store.works, other, reading.asks)


def _precise(tries: list[Query], reading: Reading) -> list[Query]:
    """Asked for a day or a month, first the claims dated within it, then those whose dates
    overlap it (dated only to the year), as --since and --until say it."""
    fine = tuple(
        (low, high)
        for low, high in reading.spans
        if (low.month, low.day, high.month, high.day) != (1, 1, 12, 31)
    )
    if not fine:
        return tries
    coarse = tuple(span for span in reading.spans if span not in fine)
    inside, overlapping = [], []
    for q in tries:
        if not set(fine) <= set(q.years):
            inside.append(q)
            continue
        inside.append(dataclasses.replace(q, years=coarse, within=fine))
        low = min(s[0] for s in fine)
        high = max(s[1] for s in fine)
        since = max(low, q.since) if q.since else low
        until = min(high, q.until) if q.until else high
        overlapping.append(dataclasses.replace(q, years=coarse, since=since, until=until))
    return [*inside, *overlapping]


def _unnarrowed(query: Query | None) -> bool:
    """Whether a query holds no filter: --drafts shows more claims, it narrows nothing."""
    return query is None or dataclasses.replace(query, drafts=False) == Query()


def _narrowed(base: Query, narrow: Query | None) -> Query:
    """The question's facets, with each filter option given to ask in place of the question's."""
    if narrow is None:
        return base
    changes = {
        f.name: getattr(narrow, f.name)
        for f in dataclasses.fields(Query)
        if getattr(narrow, f.name) != f.default and f.name not in ("limit", "sort", "reverse")
    }
    return dataclasses.replace(base, **changes)


def _counts(claim: Claim) -> bool:
    """A claim that states a number, a year aside ("15 documents", "five maneuvers")."""
    return any(
        (w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20"))) or w in text.NUMBER_WORDS
        for w in text.words(claim.summary)
    )


def _dated(claim: Claim) -> bool:
    """A claim with a date, or one that states one ("the January 2022 events")."""
    words = text.words(claim.summary)
    return claim.date is not None or any((w.isdigit() and len(w) == 4) or w in dates.MONTHS for w in words)


# What a claim must carry to answer what a pointed question asks for.
_CARRIES: dict[str, Callable[[Claim], bool]] = {
    "when": _dated,
    "where": lambda c: c.location is not None,
    "how many": _counts,
}


class _Plan:
    """What ask makes of each part of a reading, against one dataset."""

    def __init__(self, store: Store, reading: Reading, drafts: bool = False) -> None:
        self.store = store
        self.reading = reading
        self.drafts = drafts  # whether the probes count draft claims, as the answer's query will
        self.corrections: list[tuple[str, str]] = []
        self.unaccounted: list[str] = []
        self.explained: list[tuple[str, str]] = []
        self.entity_count = 0

    def words(self) -> tuple[Term, ...]:
        """The question's other words: those claims hold, the thesaurus's words for the rest,
        near-certain typos corrected. A thing nothing accounts for is noted; other words go."""
        kept: list[Term] = []
        vocabulary: list[str] | None = None
        for term in self.store.widen(self.reading.words):
            if len(term.tokens) == 1 and about.forms(term.tokens[0]) & about.stems(about.WORKS):
                # "the report", "the article": every claim is the report's, so the word names none.
                self.explained.append((term.typed, "the report itself: every claim is from it"))
                continue
            if term.alternatives:
                shown = ", ".join(" ".join(a) for a in term.alternatives)
                self.explained.append((term.typed, f"a word for: {shown}"))
                kept.append(term)
                continue
            if self.store.matches(term):
                self.explained.append((term.typed, "a word claims hold"))
                kept.append(term)
                continue
            word = " ".join(term.tokens)
            # WordNet is English: a word of another script that names nothing declared cannot be
            # judged (что, делал), so it is left out rather than taken for a thing.
            sort = self.store.sort_of(word) if word.isascii() else "g"
            near = None
            if sort is None and len(term.typed) > 3:
                # A word that is no English word, close to one claims hold, is a typo for it; a
                # name written with a capital is one only for another name ("Dostyk", "Dostuk"),
                # never for an ordinary word ("O'Brien" is not "bring").
                vocabulary = vocabulary if vocabulary is not None else self._vocabulary()
                near = suggest(term.typed, vocabulary, cutoff=0.8)
                if near is not None and word in self.reading.capitalised and self.store.sort_of(near):
                    near = None
            if near is not None:
                self.corrections.append((term.typed, near))
                self.explained.append((term.typed, f"a typo for {near!r}"))
                kept.append(Term(near, tuple(text.words(near))))
            elif sort != "g" and not term.typed.isdigit() and not self.store.in_article(term):
                # A thing or a name no claim, name, source or thesaurus word accounts for.
                self.unaccounted.append(term.typed)
                self.explained.append((term.typed, "nothing in the article"))
            else:
                self.explained.append((term.typed, "left out: a word no claim holds"))
        return tuple(kept)

    def things(self, words: tuple[Term, ...]) -> float:
        """How many things the question names that the article accounts for: names, places,
        categories, countries and organizations that narrow (not one on most claims), and
        words for things ("decide" alone says little of what is asked)."""
        entities = 0
        for term in self.reading.entity_terms:
            tag = term.tags[0] if term.tags else ""
            if tag.startswith("xp"):
                entities += 1
            elif tag.startswith(("xc", "xo")):
                code = tag[2:]
                countries = [c for c in self.reading.countries if "".join(text.words(c)) == code]
                organizations = [o for o in self.reading.organizations if "".join(text.words(o)) == code]
                probe = Query(countries=frozenset(countries), organizations=frozenset(organizations))
                shown = dataclasses.replace(probe, drafts=self.drafts)
                entities += probe != Query() and self.store.share(shown) <= COMMON
        # A word that may as well be a verb or an adjective ("force", "decide") counts half.
        named = sum(1.0 if self.store.sort_of(" ".join(w.tokens)) != "g" else 0.5 for w in words)
        return named + entities + len(self.reading.names) + len(self.reading.category_terms)

    def _vocabulary(self) -> list[str]:
        # Never "correct" a word into a function word or a month: "many" is not "may".
        months = {m.casefold() for m in dates.MONTH_NAMES}
        return [w for w in self.store.words() if w not in text.STOP_WORDS and w not in months]

    def dates(
        self,
    ) -> tuple[tuple[dates.Span, ...], date | None, date | None, tuple[Term, ...] | None]:
        """The question's dates as filters; a date no claim has but claims' text holds ("the plan
        for 2026-2030") as words; None when no claim has the date and no text holds it."""
        r = self.reading
        if not (r.spans or r.since or r.until):
            return (), None, None, ()
        if self.store.claims(Query(years=r.spans, since=r.since, until=r.until, limit=1, drafts=self.drafts)):
            for typed in r.span_text:
                self.explained.append((typed, "a date"))
            return r.spans, r.since, r.until, ()
        words = self.date_words()
        if words:
            for typed in r.span_text:
                self.explained.append((typed, "words claims hold (no claim is dated so)"))
            return (), None, None, words
        return (), None, None, None

    def date_words(self) -> tuple[Term, ...]:
        """The question's dates as words, when claims' text holds every one of them."""
        words = tuple(Term(t, tuple(text.words(t))) for t in self.reading.span_text)
        return words if words and all(self.store.matches(w) for w in words) else ()

    def no_date(self) -> str:
        asked = " and ".join(self.reading.span_text) or "then"
        span = self.store.date_range()
        known = f" (its claims run from {span[0]} to {span[1]})" if span else ""
        return f"the article has no claims dated {asked}{known}"

    def entities(self) -> tuple[Callable[[Query], Query], tuple[Term, ...]]:
        """Countries and organizations as filters, every one required; one on most claims only ranks."""
        r = self.reading
        countries = sorted(r.countries)
        organizations = sorted(r.organizations)
        ranking: list[Term] = []
        for term in r.entity_terms:
            code = term.tags[0][2:] if term.tags else ""
            what = "country" if term.tags and term.tags[0].startswith("xc") else "org"
            if not term.tags or term.tags[0].startswith("xp"):
                continue
            chosen = countries if what == "country" else organizations
            key = next((k for k in chosen if "".join(text.words(k)) == code), None)
            if key is None:
                continue
            probe = Query(all_countries=(key,)) if what == "country" else Query(all_organizations=(key,))
            if self.store.share(dataclasses.replace(probe, drafts=self.drafts)) > COMMON:
                chosen.remove(key)
                ranking.append(term)
                self.explained.append((term.typed, f"{what} {key}: on most claims, so it only ranks"))
            else:
                self.explained.append((term.typed, f"{what} {key}: required"))
        self.entity_count = len(countries) + len(organizations)

        def apply(q: Query) -> Query:
            if len(countries) == 1:
                q = dataclasses.replace(q, countries=frozenset(countries))
            elif countries:
                q = dataclasses.replace(q, all_countries=tuple(countries))
            if len(organizations) == 1:
                q = dataclasses.replace(q, organizations=frozenset(organizations))
            elif organizations:
                q = dataclasses.replace(q, all_organizations=tuple(organizations))
            return q

        return apply, tuple(ranking)

    def entity_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.reading.entity_terms if t.tags and not t.tags[0].startswith("xp"))

    def places(self) -> tuple[Term, ...]:
        """Places as words: a claim held there, or one that names the place, holds them."""
        found = tuple(t for t in self.reading.entity_terms if t.tags and t.tags[0].startswith("xp"))
        for term in found:
            self.explained.append((term.typed, "a place"))
        return found

    def silent(self, why: str) -> Answer:
        return Answer([], self.reading, None, tuple(self.corrections), why, (), tuple(self.explained))

    def answer(self, found: list[Claim], query: Query) -> Answer:
        asks = self.reading.asks
        if found and not self.reading.listing and asks in _CARRIES and not _CARRIES[asks](found[0]):
            # "When was X appointed?" and no claim about X has a date: the article does not say.
            nearest = ", ".join(c.id for c in found)
            return self.silent(f"the article does not say {asks} (nearest claims, not an answer: {nearest})")
        partial = tuple(self.unaccounted) if found else ()
        if found and query.any_words:
            ids = {c.id for c in found}
            partial += tuple(t.typed for t in query.words if not (self.store.holding(t) & ids))
            if self.reading.listing and not partial:
                partial = ("every word together",)
        for term in self.reading.names:
            self.explained.append((term.typed, "a person or role"))
        for typed in (t.typed for t in self.reading.category_terms):
            how = "a category, listed" if self.reading.listing else "a category word, ranking"
            self.explained.append((typed, how))
        return Answer(found, self.reading, query, tuple(self.corrections), "", partial, tuple(self.explained))
