"""Answer a question, as read by query.question, with what one ordinary query returns.

The answer is always the result of a single Query that `list` or `search` can run: ask
builds it from the reading, runs it, and shows it as its reading, so running that reading
gives the same claims. A list question ("which exercises …") gets every claim the query
finds; a pointed one ("when was … signed") gets the first few of a ranked search.

When the article does not answer, the answer says so and holds no claims: a date no claim
has, or a thing no claim, name, source or thesaurus word accounts for.
"""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts import asked_works, dating, text, verdict
from cstofacts.criteria import Prefer, Query, SortKey, Term
from cstofacts.cuts import near_best, repeating_parts, whole_named
from cstofacts.model import Claim
from cstofacts.plan import Answer, Plan, nearest_ids
from cstofacts.query.matching import ATTRIBUTION_WORDS
from cstofacts.query.question import Reading
from cstofacts.query.spans import DATE_CONNECTORS
from cstofacts.store.engine import Found, Store

POINTED = 3  # how many answers a pointed question gets unless --limit says otherwise
_PREFER = {
    "who": Prefer.WHO,
    "when": Prefer.WHEN,
    "where": Prefer.WHERE,
    "why": Prefer.WHY,
    "effect": Prefer.WHY,
    "how many": Prefer.HOW_MANY,
}


def answer(store: Store, reading: Reading, limit: int | None = None, narrow: Query | None = None) -> Answer:
    drafts = narrow is not None and narrow.drafts  # --drafts: the probes below see drafts too
    # "Who succeeded Babaev" asks for someone else than the analyst: not his post (verdict.py).
    relates = reading.asks == "who" and verdict.someone_else(reading) is not None
    known = asked_works.facts(store, reading, drafts) if _unnarrowed(narrow) and not relates else []
    if known:
        return Answer([], reading, None, facts=tuple(known))
    reading = _graded_subject(store, reading)
    plan = Plan(store, reading, drafts)
    if reading.absent_paragraphs:
        numbers = ", ".join(f"¶{n}" for n in sorted(reading.absent_paragraphs))
        count = store.last_paragraph
        span = f" (its paragraphs are ¶1 to ¶{count}, and the headline)" if count else ""
        return plan.silent(f"the article has no {numbers}{span}")
    words = plan.words()
    head = reading.head
    if plan.unaccounted and (
        _outweighed(plan, words) or any(text.words(w) == [head] for w in plan.unaccounted)
    ):
        # The question is mostly about things nothing in the article accounts for, or the thing it
        # asks for is one of them. Fewer of them elsewhere in it are what a partial answer lacks.
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
        kinds=reading.facets.kinds,
        attributions=reading.facets.attributions,
        paragraphs=reading.facets.paragraphs,
        not_texts=reading.facets.not_texts,  # "apart from internal unity": no claim saying it
        not_years=reading.facets.not_years,  # "other than those in 2025"
    )
    entities, ranking = plan.entities()
    if not plan.sort_excludes:  # "held outside Belarus": no claim involving it
        facets = reading.facets
        base = base._replace(not_countries=facets.not_countries, not_organizations=facets.not_organizations)
    base = _narrowed(base, narrow)
    names = reading.names + plan.places()
    named = bool(
        names
        or words
        or reading.facets.categories
        or reading.facets.countries
        or reading.facets.organizations
        or plan.answer_type != Query()  # "which cities are named": the claims at one of them
    )
    if not named and _unnarrowed(base) and _unnarrowed(narrow):
        # Nothing in the question is something the dataset knows: no answer, rather than any claims.
        return plan.silent(
            "nothing in the question names a claim; try other words, or: cstofacts search WORDS"
        )
    asked_of_all = not (
        names or words or reading.category_terms or plan.entity_count or reading.facets.categories
        or plan.answer_type != Query()
    )  # fmt: skip
    if plan.left_out and asked_of_all and _unnarrowed(base) and _unnarrowed(narrow):
        # "When was the CSTO founded?": what is asked of the CSTO, which nearly every claim is
        # about, no claim holds; any of its claims would be a confident wrong answer.
        return plan.silent(f"the article does not say anything about: {', '.join(plan.left_out)}")
    listing = reading.listing
    if not (names or words or reading.category_terms or ranking):
        listing = True  # nothing left to rank by: the facets name a set, and all of it is the answer
    if listing:
        # A category filters when it is what the list question asks for ("which exercises …");
        # elsewhere in a list question its word must occur like any other.
        if reading.category_subject:  # "which tasks did the leadership face": tasks, holding "leadership"
            categories, described = reading.listed_categories, reading.described
        elif not reading.listing:  # the facets name a set (no word to rank by)
            categories, described = reading.facets.categories, ()
        else:
            categories, described = frozenset(), reading.category_terms
        required = (*names, *words, *described)
        query = entities(base)._replace(categories=categories)
        untyped = query  # before "which organisations" restricts it
        if plan.answer_type != Query():  # "which organisations …": any of them, and only those
            query = _or_entities(query, plan.answer_type)  # unless a filter option says which (--org UN)
        # "signed or adopted": a claim holding either word answers (--text a --text b).
        choices = [[t for t in required if t.typed in group] for group in reading.either]
        choices = [c for c in choices if len(c) > 1]
        if choices:
            chosen = {t for c in choices for t in c}
            required = tuple(t for t in required if t not in chosen)
            texts = tuple((t,) for c in choices[:1] for t in c)  # --text values are one set of choices
            required = (*required, *(t for c in choices[1:] for t in c))
            query = query._replace(texts=texts, sort=SortKey.DATE)
        if required:
            query = query._replace(words=required, sort=SortKey.DATE)
        query = query._replace(limit=limit)
        if required and plan.answer_type != Query() and not store.claims(query._replace(limit=1)):
            held = untyped._replace(words=required, texts=query.texts, sort=query.sort, limit=limit)
            anyone = store.claims(held._replace(limit=POINTED))
            held = _or_entities(held, plan.sort_any)  # of that sort, those on most claims too (the CSTO)
            if anyone and store.claims(held._replace(limit=1)):
                # "Which organization held the exercises": the one on most claims did.
                said = f"{plan.sort_asked}: only one on most claims holds the rest"
                plan.explained.append((plan.sort_word, said))
                query = held
            elif anyone:
                # "Which country awarded the order?": claims hold every word, but none involves any
                # country. The article says what happened, not which country: that is not an answer.
                return plan.silent(f"the article does not say {plan.sort_asked} "
                                   f"(nearest claims, not an answer: {nearest_ids(anyone)})")  # fmt: skip
        tries = [query]
        graded = tuple(t for t in required if len(t.tokens) == 1 and store.grades(t.tokens[0]))
        if graded and not choices:
            # "The key events of 2025", "which major agreements": the article does not grade its
            # claims by how much they matter; when no claim holds such a word with the rest, the
            # rest decides.
            plan.graded = graded
            tries.append(query._replace(words=tuple(t for t in query.words if t not in graded)))
        if described:
            # "Did the leaders … accept the CSTO as a mediator": no claim of the first category holds
            # the rest; the claims of any category the question names that hold the other words.
            rest = tuple(t for t in query.words if t not in described)
            tries.append(query._replace(categories=reading.facets.categories, words=rest))
        if required:  # no claim holds every word: the claims holding most of them, said to be partial
            tries.append(
                query._replace(any_words=True, best=True, sort=None, words=(*required, *ranking), limit=limit)
            )
            if query.dated or query.paragraphs or categories or entities(Query()) != Query():
                # The facets alone ("which claims cite ¶19"), when no claim holds the words; a
                # date no claim has, read as its words, stays ("which exercises were held in
                # 2026": none; never every exercise).
                tries.append(query._replace(words=relaxed, sort=SortKey.DATE if relaxed else None))
    else:
        terms = (*names, *words, *reading.category_terms, *ranking)
        query = entities(base)._replace(
            words=terms,
            any_words=bool(terms),
            prefer=_PREFER.get(reading.asks or ""),
            limit=limit or POINTED,
        )
        # "What medal did … get": first the claims of the category asked for, those holding every
        # name and place the question gives ("what medal was discussed in Minsk": none).
        every_name = (tuple(names),) if names else ()
        asked_for = query._replace(categories=reading.listed_categories, texts=every_name)
        tries = [asked_for, query] if reading.category_asked else [query]
        for some in plan.any_entity():  # no claim involves every entity named: any one of them
            either_one = _or_entities(base, some)
            tries.append(either_one._replace(words=(*terms, *plan.entity_terms()), any_words=True,
                                             prefer=query.prefer, limit=limit or POINTED))  # fmt: skip
    if base.attributions and not (narrow and narrow.attributions):
        # "What does the analyst see as …": when no claim of his holds the question, the article's
        # own may; where both do, the words decide (below).
        tries += [q._replace(attributions=frozenset()) for q in tries]
    attempts = dating.precise(tries, reading)
    if reading.latest is not None:
        attempts = dating.ordered(store, attempts, reading.latest, limit or POINTED)
    dated = any(q.dated for q in attempts)
    written = plan.date_words() if dated else ()
    asked = next((q.words for q in attempts if q.words), ())
    plan.asked = asked
    plan.given = not _unnarrowed(narrow)
    given = narrow or Query()  # what a filter option says is never relaxed below
    for query in attempts:
        # A list's answer is read as it is written: at a million claims it is never held whole.
        found = store.found(query) if listing and query.limit is None else store.claims(query)
        if (
            found
            and written
            and query.dated
            and (asked or dating.finer_than_found(query))
            and (query.any_words or not query.words)
            and not given.dated
        ):
            # The date may describe what is asked ("the January 2022 events" the CSTO would
            # prevent) rather than when: read as words, it wins where its best claim holds more
            # of the question's words, the date's own among them, than the best claim so dated
            # does ("what happened in January 2022": the claim that says so, not one of 2022).
            undated = query._replace(years=(), since=None, until=None, within=(), sort=None,
                                          words=(*asked, *written), any_words=True, best=listing)  # fmt: skip
            if listing:  # every word, if a claim holds them all; else the claims holding most
                every = undated._replace(any_words=False, best=False, sort=SortKey.DATE)
                undated = every if store.claims(every._replace(limit=1)) else undated
            other = _run(store, undated)
            # The date's own words among them: a claim of another time that holds the rest
            # ("approved by the defense ministers in 2023", the plan of 2025) does not win.
            holds_date = bool(other) and dating.says_the_date(store, other[0], written)
            if holds_date and _wins(store, other, found, (*asked, *written)):
                plan.explained[:] = [
                    (typed, "words claims hold (a description, not when)") if typed in reading.span_text
                    else (typed, how) for typed, how in plan.explained
                ]  # fmt: skip
                return plan.answer(other, undated)
        if found and query.attributions and query.any_words and not listing and not given.attributions:
            # "Does the author think …": the claims attributed to him may hold fewer of the
            # question's words than the article's own statement of it; the words decide.
            unattributed = query._replace(attributions=frozenset())
            other = store.claims(unattributed)
            if _wins(store, other, found, asked):
                plan.explained += [
                    (typed, "the analyst: claims not his hold more of the words, so it does not filter")
                    for typed in reading.tokens
                    if typed in ATTRIBUTION_WORDS
                ]
                return plan.answer(other, unattributed)
        # "Which exercises made up Combat Brotherhood – 2023": words, not a category's, name a whole.
        naming = tuple(t for t in query.words if t in (*names, *words))
        parts = listing and reading.asks is None and plan.answer_type == Query() and not given.part_of
        whole = whole_named(store, found, naming, query) if parts else None
        if whole is not None:
            plan.explained.append((whole, "the whole the question names: its parts are listed"))
            query = query._replace(part_of=frozenset({whole}))
            found = _run(store, query)
        # "Which countries signed the border agreement": the agreement's, not those of the talks
        # that led to it or of a judgement of it: the category's claims, when one is found.
        sort_asked = listing and plan.answer_type != Query()
        particular = reading.facets.categories if sort_asked and plan.names_particular() else frozenset()
        if found and particular and not query.categories and not given.categories:
            of_kind = query._replace(categories=particular)
            if store.claims(of_kind._replace(limit=1)):
                plan.particular_thing = True
                query = of_kind
                found = _run(store, query)
        facet = plan.answer_type != Query() or reading.asks == "where"  # which countries, where
        repeated = repeating_parts(found) if listing and facet and not query.no_parts else ()
        if repeated:
            plan.explained += [
                (whole, "its parts add no country, organization or place: --no-parts") for whole in repeated
            ]
            query = query._replace(no_parts=True)
            found = _run(store, query)
        fewest = None if listing else near_best(store, found, query)
        if fewest is not None:
            query = query._replace(at_least=fewest)
            found = store.claims(query)
        if found:
            if base.attributions and not query.attributions:
                plan.explained += [
                    (typed, "the analyst: no claim of his holds the question, so it does not filter")
                    for typed in reading.tokens
                    if typed in ATTRIBUTION_WORDS
                ]
            return plan.answer(found, query)
    last = attempts[-1]
    if dated and last.words:
        # A date that opens or joins ("after 2022") is read as its year when other words say what
        # it describes; a question of dates alone keeps them whole.
        written = plan.date_words(bare=True)
    if written:
        # No claim so dated answers: the date may describe what is asked ("the crises like the one
        # in January 2022"); its words, where claims hold them, are the last thing to try.
        undated = last._replace(years=(), since=None, until=None, within=())
        last = undated._replace(words=(*last.words, *written), any_words=True,
                                   best=listing, sort=None)  # fmt: skip
        found = store.claims(last)
        # "After 2022" may name an era the claims describe; "in 2023" is when, and a best claim
        # that holds the rest but not the date is said of another time.
        joined = any(set(text.words(typed)) & DATE_CONNECTORS for typed in reading.span_text)
        if found and (joined or dating.says_the_date(store, found[0], written)):
            return plan.answer(found, last)
        if found:
            when, nearest = " and ".join(reading.span_text), nearest_ids(found)
            return plan.silent(f"no claim dated {when} answers that (claims of another time: {nearest})")
    return plan.answer([], last)


def _graded_subject(store: Store, reading: Reading) -> Reading:
    """A list whose first category word follows only words of how much it matters ("which major
    agreements", "the key exercises") lists that category, as without them: the article does not
    grade its claims so (Store.grades)."""
    if not reading.listing or reading.category_subject or not reading.category_terms:
        return reading
    first = reading.category_terms[0].tokens[0]
    if first not in reading.tokens:
        return reading
    before = set(reading.tokens[: reading.tokens.index(first)])
    words = [t for t in reading.words if t.tokens[0] in before]
    if words and all(len(t.tokens) == 1 and store.grades(t.tokens[0]) for t in words):
        return reading._replace(category_subject=True)
    return reading


def _outweighed(plan: Plan, words: tuple[Term, ...]) -> bool:
    """Whether the things the article lacks outweigh those the question names that it accounts
    for. A tie goes to the question when it names something the dataset declares (a country that
    narrows, a category, a person, a date: "the unrest in Kazakhstan"); not when only words claims
    merely hold are left ("the CSTO's annual budget"), nor beside a name the article lacks, written
    with a capital ("the O'Brien plan")."""
    reading, lacking, things = plan.reading, len(plan.unaccounted), plan.things(words)
    if lacking != things:
        return lacking > things
    if any(w in reading.capitalised for w in plan.unaccounted):
        return True
    return not (plan.things(()) > 0 or reading.span_text or reading.facets.paragraphs)


def _or_entities(query: Query, other: Query) -> Query:
    """The query, with the countries, organizations and places of another where it names none."""
    return query._replace(
        countries=query.countries or other.countries,
        organizations=query.organizations or other.organizations,
        places=query.places or other.places,
    )


def _wins(store: Store, other: Sequence[Claim], found: Sequence[Claim], words: tuple[Term, ...]) -> bool:
    """Whether another reading's best claim holds more of the question's words than the best
    claim found: where a date or the analyst may describe rather than filter, the words decide."""
    return bool(other) and store.held(other[0].id, words) > store.held(found[0].id, words)


def _run(store: Store, query: Query) -> Found | list[Claim]:
    """What a query finds, as its answer reads it: every match read as it is written (a million
    claims are never held whole), the first few of a limited one held."""
    return store.found(query) if query.limit is None else store.claims(query)


def _unnarrowed(query: Query | None) -> bool:
    """Whether a query holds no filter: --drafts shows more claims, it narrows nothing."""
    return query is None or query._replace(drafts=False) == Query()


def _narrowed(base: Query, narrow: Query | None) -> Query:
    """The question's facets, with each filter option given to ask in place of the question's."""
    if narrow is None:
        return base
    defaults = Query._field_defaults
    changes = {
        name: value
        for name, value in narrow._asdict().items()
        if value != defaults[name] and name not in ("limit", "sort", "reverse")
    }
    return base._replace(**changes)
