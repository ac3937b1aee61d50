"""The verdict on the claims a reading found: an answer, a partial one, or a silence that says
what the article does not say (the question asked when, and no claim found has a date). Pure:
the plan's probes of the store are all it reads."""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts import english
from cstofacts.carries import CARRIES
from cstofacts.criteria import Query, Term
from cstofacts.lexicon import tag
from cstofacts.model import Claim
from cstofacts.plan import POINTED_NEAREST, Answer, Plan, nearest_ids
from cstofacts.query.asking import asked_by_noun, counted
from cstofacts.query.question import Reading
from cstofacts.sorts import SORTS


def judge(plan: Plan, found: Sequence[Claim], query: Query) -> Answer:
    asks = plan.reading.asks
    if plan.date_terms and not _holds_any(plan, found, plan.date_terms):
        # "Which exercises are planned for 2026": no claim is so dated, and no answer holds the
        # year as words (the plan for 2026-2030 does, but is no exercise): what the date asks is not said.
        return plan.silent(plan.no_date())
    pointed = bool(found) and not plan.reading.listing
    # "How many countries signed …": a claim that names them says how many.
    names_count = pointed and asks == "how many" and _names_counted(plan, found[0])
    if pointed and not names_count:
        nearest = ", ".join(c.id for c in found)
        if asks in CARRIES and not CARRIES[asks](found[0]):
            # "When was X appointed?" and no claim about X has a date: the article does not say.
            return plan.silent(f"the article does not say {asks} (nearest claims, not an answer: {nearest})")
        if asks == "how many" and not _counts_what(plan, found[0]):
            # "How many troops …": a claim that counts something else does not say.
            noun = counted(plan.reading.tokens)
            return plan.silent(
                f"the article does not say how many {noun} (nearest claims, not an answer: {nearest})"
            )
    if pointed and asks == "who":
        other = someone_else(plan.reading)
        if other is not None and not any(_names_another(plan, c, other[1]) for c in found):
            # "Who was Secretary General before Tasmagambetov?": the claims name only him.
            nearest = ", ".join(c.id for c in found)
            said = f"the article does not say who {other[0]} (nearest claims, not an answer: {nearest})"
            return plan.silent(said)
    by_noun = None
    if found and not pointed:
        by_noun = asked_by_noun(plan.reading.tokens) or (asks if asks in ("when", "where") else None)
    if by_noun is not None and not any(CARRIES[by_noun](c) for c in found):
        # "In which city was the summit held?", or "where were the documents signed": none
        # of the claims a list question finds names a place.
        nearest = nearest_ids(found)
        return plan.silent(f"the article does not say {by_noun} (nearest claims, not an answer: {nearest})")
    partial = tuple(plan.unaccounted) if found else ()
    if found and not query.words and plan.answer_type != Query():
        # "Which organizations is the CSTO compared with": those it names, but no claim says
        # what the question's verb asks of them.
        partial += tuple(plan.left_out)
    if found and (query.any_words or len(query.words) < len(plan.asked)):
        # Words a query that ran left out, or that no answer holds, are what the answer lacks.
        ids = {c.id for c in found}
        asked = (*plan.asked, *(t for t in query.words if t not in plan.asked))
        counts = counted(plan.reading.tokens) if names_count else None
        asked = tuple(t for t in asked if t not in plan.graded)  # "key": never what an answer lacks
        missing = [t for t in asked if not (plan.store.holding(t) & ids) and counts not in t.tokens]
        partial += tuple(dict.fromkeys(t.typed for t in missing if t.typed not in partial))
        held = [t for t in asked if t not in missing and t not in plan.ranking]
        head = plan.reading.head
        if any(t.tokens == (head,) and t.alternatives for t in missing):
            # "What was Kyrgyzstan's budget …": the claims hold the rest, not what is asked for,
            # nor the words standing in for it, the article's own word being none of them. (A
            # word the article uses elsewhere, "the name of …", is how a question is put.)
            nearest = nearest_ids(found)
            return plan.silent(f"no claim holds {head} (nearest claims, not an answer: {nearest})")
        if missing and not held and not _names_a_thing(plan, query):
            # Only a date, or an entity on most claims, in common with the question: the claims
            # do not cover part of it, they are about something else.
            nearest = nearest_ids(found)
            said = ", ".join(t.typed for t in missing)
            return plan.silent(f"no claim holds {said} (nearest claims, not an answer: {nearest})")
        undated = _said_at_another_time(plan, query, found, asked, missing)
        if undated is not None:
            return undated
        if plan.reading.listing and query.any_words and not partial:
            partial = ("every word together",)
    for term in plan.graded:
        if found and term not in query.words:
            plan.explained.append((term.typed, "how much it matters: the article does not grade claims so"))
    for term in plan.reading.names:
        plan.explained.append((term.typed, "a person or role"))
    # A later category word describes what is listed, unless the claims of every category named
    # were listed in the end (no claim of the first held the rest).
    subject = plan.reading.category_subject
    listed_only = subject and query.categories == plan.reading.listed_categories
    described = {t.typed for t in plan.reading.described} if listed_only else set()
    for typed in (t.typed for t in plan.reading.category_terms):
        how = "a category, listed" if plan.reading.listing else "a category word, ranking"
        if plan.reading.listing and (typed in described or not subject):
            how = "a category word, describing what is listed"
            if plan.particular_thing:
                how = "names a particular thing: the claims of its category"
        plan.explained.append((typed, how))
    return Answer(found, plan.reading, query, tuple(plan.corrections), "", partial, tuple(plan.explained))


# Words that relate the person after them to someone else in time: "before Tasmagambetov",
# "who replaced Babaev". Each as its plain form (english.bases). ("His successor" is a noun no
# claim holds, which says the article does not say, before this is asked.)
_RELATING = frozenset("before after precede succeed replace".split())


def someone_else(reading: Reading) -> tuple[str, set[str]] | None:
    """When a who-question asks for someone other than the person it names, related in time
    ("who was … before Tasmagambetov", "who succeeded Babaev"): how to say so, and the index tags
    of the people the question names. None for any other who-question ("who is Tasmagambetov")."""
    tokens = reading.tokens
    named = {t for n in reading.names for t in n.tags if t.startswith("xh")}
    for term in reading.names:
        if named.isdisjoint(term.tags) or term.tokens[0] not in tokens:
            continue  # not a person's name or role
        at = tokens.index(term.tokens[0])
        before = at - 1
        while before >= 0 and tokens[before] in ("the", "a", "an"):
            before -= 1
        if before >= 0 and _RELATING.intersection(english.bases(tokens[before])):
            verb = "came " if tokens[before] in ("before", "after") else ""
            return f"{verb}{tokens[before]} {term.typed}", named  # "came before tasmagambetov", "replaced …"
    return None


def _names_another(plan: Plan, claim: Claim, named: set[str]) -> bool:
    """Whether a claim names a declared person other than those the question names (`named`:
    their index tags)."""
    others = (tag("h", p) for p in plan.store.lexicon.values("person"))
    return any(plan.store.holds(claim.id, Term(t, (), (t,))) for t in others if t not in named)


def _counts_what(plan: Plan, claim: Claim) -> bool:
    """Whether a claim holds the noun "how many" asks about, when the question names one
    (a thing nothing in the article accounts for is held by no claim)."""
    noun = counted(plan.reading.tokens)
    if noun is None:
        return True
    if noun in plan.unaccounted:
        return False
    terms = [t for t in plan.asked if noun in t.tokens or t.typed == noun]
    return not terms or any(plan.store.holds(claim.id, t) for t in terms)


def _names_counted(plan: Plan, claim: Claim) -> bool:
    """Whether "how many" counts a sort of declared entity ("how many countries") that the
    claim names: the entities it involves are the count."""
    noun = counted(plan.reading.tokens)
    if noun is None:
        return False
    forms = {b for w in (noun, *english.american(noun)) for b in english.bases(w)}
    involved = {"country": claim.countries, "org": claim.organizations}
    return any(SORTS[what] in forms and involved[what] for what in SORTS)


def _holds_any(plan: Plan, found: Sequence[Claim], terms: tuple[Term, ...]) -> bool:
    """Whether any claim found holds any of the terms."""
    ids = {c.id for c in found}
    return any(plan.store.holding(t) & ids for t in terms)


def _said_at_another_time(
    plan: Plan, query: Query, found: Sequence[Claim], asked: tuple[Term, ...], missing: list[Term]
) -> Answer | None:
    """ "When did the Council of Defense Ministers meet in 2024": the claims of 2024 lack part
    of what is asked, and a claim of another time (or of none) holds all of that and more of the
    question than any claim of 2024 (or holds a declared name they lack). The article says it
    of then, not of the date asked: silence, naming that claim. ("The three countries' border
    agreement of 2025": the exercises in various countries hold "countries", but less of the
    question than the agreement does.)"""
    dated = plan.reading.facets
    if plan.reading.listing or not missing or not query.dated or plan.given:
        return None
    if not (dated.years or dated.since or dated.until):
        return None  # the date came from a filter option, not from the question
    elsewhere = plan.store.claims(Query(words=tuple(missing), limit=POINTED_NEAREST, drafts=plan.drafts))
    if not elsewhere or {c.id for c in found} & {c.id for c in elsewhere}:
        return None
    # A declared place or name the claims of the date lack ("signed in Minsk in 2025") is what
    # the question is about, whatever else they share with it.
    named = any(t.tags for t in missing)
    best_elsewhere = max(plan.store.held(c.id, asked) for c in elsewhere)
    if not named and best_elsewhere <= plan.store.held(found[0].id, asked):
        return None
    said = ", ".join(t.typed for t in missing)
    when = " and ".join(plan.reading.span_text) or "then"
    nearest = nearest_ids(elsewhere)
    return plan.silent(f"no claim dated {when} holds {said} (claims of another time do: {nearest})")


def _names_a_thing(plan: Plan, query: Query) -> bool:
    """Whether a query filters by something the question names, beyond a date or the sort of
    answer asked for: a filter option given to ask, a paragraph, a category, an entity that narrows."""
    asked = plan.answer_type
    return bool(
        plan.given or query.paragraphs or query.categories
        or query.all_countries or query.all_organizations
        or query.countries - asked.countries or query.organizations - asked.organizations
    )  # fmt: skip
