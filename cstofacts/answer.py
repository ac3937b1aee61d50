"""Answer a question, as read by query.question, with the claims of a compiled dataset.

A list question ("which exercises …") gets every claim its facets and words match,
and nothing else. A pointed question ("when was … signed") gets the best few: the
claims holding the most of its words first, then those of the kind of answer asked
for (a person for who, a day for when, a place for where), then by BM25.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from cstofacts import dates, text
from cstofacts.model import Claim
from cstofacts.query.filters import Query, Term, suggest
from cstofacts.query.question import Reading
from cstofacts.store.engine import Store

POINTED = 3  # how many answers a pointed question gets unless --limit says otherwise


@dataclass(frozen=True)
class Answer:
    claims: list[Claim]
    reading: Reading
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used instead)
    relaxed: tuple[str, ...] = ()  # what was set aside because nothing matched with it


def answer(store: Store, reading: Reading, limit: int | None = None) -> Answer:
    reading, corrections = _correct(store, reading)
    if not (reading.words or reading.names or facets(reading) != Query()):
        # Nothing in the question is something the dataset knows: no answer, rather than all claims.
        return Answer([], reading, tuple(corrections), ("everything",))
    relaxed: list[str] = []
    if reading.spans and not store.claims(_hard(reading, limit=1)):
        # No claim has that date: the number was part of a name ("Plan … for 2026-2030").
        words = tuple(Term(t, tuple(text.words(t))) for t in reading.span_text)
        reading = dataclasses.replace(reading, spans=(), words=reading.words + words)
        relaxed.append("dates")
    if reading.categories and not reading.listing and reading.spans:
        # A pointed question names what it asks about; a date in it may only describe it
        # ("the task of preventing crises like the one in January 2022").
        dated = store.claims(dataclasses.replace(_hard(reading), categories=reading.categories, limit=1))
        if not dated and store.claims(Query(categories=reading.categories, limit=1)):
            words = tuple(Term(t, tuple(text.words(t))) for t in reading.span_text)
            reading = dataclasses.replace(reading, spans=(), words=reading.words + words)
            relaxed.append("dates")
    if reading.listing:
        found = _listing(store, reading, relaxed)
        if limit is not None:
            found = found[:limit]
    else:
        found = _pointed(store, reading, limit or POINTED)
    return Answer(_precise(found, reading), reading, tuple(corrections), tuple(relaxed))


def _precise(found: list[Claim], reading: Reading) -> list[Claim]:
    """Asked for a day or a month, claims dated within it come first, and alone for a list question;
    claims dated only to the year follow, or make the answer when nothing is dated more closely."""
    fine = [
        (low, high)
        for low, high in reading.spans
        if (low.month, low.day, high.month, high.day) != (1, 1, 12, 31)
    ]
    if not fine:
        return found

    def within(claim: Claim) -> bool:
        return claim.span is not None and any(
            low <= claim.span[0] and claim.span[1] <= high for low, high in fine
        )

    inside = [c for c in found if within(c)]
    if not inside or reading.listing:
        return inside or found
    return inside + [c for c in found if not within(c)]


def _hard(reading: Reading, **extra: object) -> Query:
    """The facets every answer must have: dates, kinds, attribution and paragraphs."""
    return Query(
        years=reading.spans,
        since=reading.since,
        until=reading.until,
        kinds=reading.kinds,
        attributions=reading.attributions,
        paragraphs=reading.paragraphs,
        **extra,  # type: ignore[arg-type]
    )


def facets(reading: Reading, **extra: object) -> Query:
    """Every facet as a filter: what a list question's answers must all have."""
    return dataclasses.replace(
        _hard(reading),
        categories=reading.categories,
        countries=reading.countries,
        organizations=reading.organizations,
        places=reading.places,
        **extra,  # type: ignore[arg-type]
    )


def _listing(store: Store, reading: Reading, relaxed: list[str]) -> list[Claim]:
    required = reading.names + reading.words
    if required:
        found = store.claims(facets(reading, texts=(required,)))
        if found and reading.asks is not None:  # "how many documents …": the one with a number first
            return _rank(store, found, required, reading)
        if found:
            return found
        relaxed.append("words")
    found = store.claims(facets(reading))
    if not found:
        return []
    if reading.words or reading.names:
        return _rank(store, found, reading.names + reading.words, reading)
    return found


def _pointed(store: Store, reading: Reading, count: int) -> list[Claim]:
    terms = reading.names + reading.entity_terms + reading.words
    # The category as the question words it ("roadmap", "drills"): in a summary that word is what
    # tells the claim asked about from the rest of its category.
    terms += reading.category_terms
    if not terms:
        return _precise(store.claims(facets(reading)), reading)[:count]
    candidates = store.claims(_hard(reading, texts=tuple((t,) for t in terms)))
    if not candidates:
        candidates = store.claims(facets(reading))
    return _rank(store, candidates, terms, reading)[:count]


def _rank(store: Store, claims: Sequence[Claim], terms: Sequence[Term], reading: Reading) -> list[Claim]:
    holding = [store.holding(t) for t in terms]
    scores = store.scores(terms)
    people = store.lexicon.phrases("person")
    wanted = reading.categories

    def key(claim: Claim) -> tuple[float, ...]:
        coverage = sum(1 for ids in holding if claim.id in ids)
        return (
            -coverage,
            -_fits(claim, reading.asks, people),
            -(claim.category in wanted),
            scores.get(claim.id, 0.0),
        )

    return sorted(claims, key=key)


def _fits(claim: Claim, asks: str | None, people: Sequence[str]) -> int:
    """How well a claim is the kind of answer the question word asks for."""
    if asks == "who":
        summary = f" {text.normalize(claim.summary)} "
        return int(any(f" {p} " in summary for p in people))
    if asks == "when":
        return len(claim.date or "")
    if asks == "where":
        return int(claim.location is not None)
    if asks == "how many":
        return int(any(ch.isdigit() for ch in claim.summary))
    if asks in ("why", "effect"):
        return int(claim.kind.value != "event")
    return 0


def _correct(store: Store, reading: Reading) -> tuple[Reading, list[tuple[str, str]]]:
    """Words no claim holds are replaced by the nearest word the dataset has, when one is close."""
    corrections: list[tuple[str, str]] = []
    words: list[Term] = []
    vocabulary: list[str] | None = None
    for term in reading.words:
        if store.matches(term):
            words.append(term)
            continue
        if vocabulary is None:
            # Never "correct" a word into a function word or a month: "many" is not "may".
            months = {m.casefold() for m in dates.MONTH_NAMES}
            vocabulary = [w for w in store.words() if w not in text.STOP_WORDS and w not in months]
        # Stricter than a hint: a word ask replaces on its own must be a near-certain typo.
        near = suggest(term.typed, vocabulary, cutoff=0.8) if len(term.typed) > 3 else None
        if near is not None:
            corrections.append((term.typed, near))
            words.append(Term(near, tuple(text.words(near))))
        # A word nothing holds and nothing resembles cannot help any answer: it is left out.
    return dataclasses.replace(reading, words=tuple(words)), corrections


def read_as(answer: Answer, vocabulary_names: dict[str, str] | None = None) -> str:
    """The question as the equivalent command line, so that people learn the options."""
    import shlex

    reading = answer.reading
    words = [t.typed for t in (*reading.names, *reading.words)]
    if not reading.listing:
        words += [t.typed for t in reading.entity_terms]
    parts = ["cstofacts", "search" if words else "list", *(shlex.quote(w) for w in words)]
    for low, high in reading.spans:
        if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
            value = str(low.year) if low.year == high.year else f"{low.year}..{high.year}"
            parts += ["--year", value]
        else:
            parts += ["--since", low.isoformat(), "--until", high.isoformat()]
    if reading.since:
        parts += ["--since", reading.since.isoformat()]
    if reading.until:
        parts += ["--until", reading.until.isoformat()]
    if reading.listing or not words:
        for place in sorted(reading.places):
            parts += ["--text", shlex.quote(place)]
        for category in sorted(reading.categories):
            parts += ["--category", category]
        for code in sorted(reading.countries):
            parts += ["--country", code]
        for short in sorted(reading.organizations):
            parts += ["--org", short]
    for kind in sorted(k.value for k in reading.kinds):
        parts += ["--kind", kind]
    for who in sorted(reading.attributions):
        parts += ["--attributed-to", who]
    for number in sorted(reading.paragraphs):
        parts += ["--paragraph", str(number)]
    return " ".join(parts)
