"""What an answer leaves out of what its query found: a pointed answer's claims that answer
something else (near_best), and in a list the parts whose whole stands for them (repeating_parts),
or the whole itself when the question names it and lists its parts (whole_named). Each is said
in ask's reading by a filter (--at-least, --no-parts, --part-of), so the reading stays the
command that ran."""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts.criteria import Query, Term
from cstofacts.model import Claim
from cstofacts.store.engine import Store

# A whole and its parts are a few claims: a longer answer is not read for one.
_WHOLE_AND_PARTS = 50


def _whole(found: Sequence[Claim]) -> str | None:
    """The claim that every other claim found is a part of (its parent), if there is one."""
    head = [c for _, c in zip(range(_WHOLE_AND_PARTS + 1), found, strict=False)]
    wholes = [c.id for c in head if c.parent is None and any(o.parent == c.id for o in head)]
    if len(head) > _WHOLE_AND_PARTS or len(wholes) != 1:
        return None
    return wholes[0] if all(c.id == wholes[0] or c.parent == wholes[0] for c in head) else None


def whole_named(store: Store, found: Sequence[Claim], words: tuple[Term, ...], query: Query) -> str | None:
    """The claim a list answer is the whole of, named by the question's words: the answer is it
    and its parts ("Combat Brotherhood – 2023" and its five maneuvers, each with it as parent),
    and so is every claim holding those words, whatever else the question says ("military" in
    Belarus names no whole: other claims hold it). What the question lists are the parts."""
    whole = _whole(found)
    if whole is None or not words:
        return None
    alone = Query(words=words, any_words=query.any_words, best=query.best, limit=_WHOLE_AND_PARTS + 1)
    return whole if _whole(store.claims(alone)) == whole else None


def _where_and_who(claim: Claim) -> tuple[object, ...]:
    return claim.countries, claim.organizations, claim.location


def repeating_parts(found: Sequence[Claim]) -> tuple[str, ...]:
    """The wholes whose parts, every one found beside it, say its countries, organizations and
    place again: a list of which countries or where ("which countries hosted exercises in 2023")
    names Belarus once, by Combat Brotherhood – 2023, not again by each of its five maneuvers.
    Empty when a part adds one, or its whole is not found (a part asked for by name stays)."""
    head = [c for _, c in zip(range(_WHOLE_AND_PARTS + 1), found, strict=False)]
    parts = [c for c in head if c.parent is not None]
    if len(head) > _WHOLE_AND_PARTS or not parts:
        return ()
    by_id = {c.id: c for c in head}
    wholes: list[Claim] = []
    for part in parts:
        whole = by_id.get(part.parent or "")
        if whole is None or _where_and_who(whole) != _where_and_who(part):
            return ()
        wholes.append(whole)
    return tuple(dict.fromkeys(w.id for w in wholes))


def near_best(store: Store, found: Sequence[Claim], query: Query) -> int | None:
    """The fewest of a pointed answer's words a claim must hold to stand beside the first: half
    of what the first holds. A claim that holds less answers something else: "what does the
    2026-2030 plan cover" is the plan, not a claim holding "cooperation" alone. None when every
    claim found holds that many, or the query is not ranked by how many words a claim holds."""
    ranked = query.any_words and query.words and query.sort is None  # the first holds the most
    if not ranked or query.best or query.at_least is not None or len(found) < 2:
        return None
    fewest = (store.held(found[0].id, query.words) + 1) // 2
    if all(store.held(c.id, query.words) >= fewest for c in found[1:]):
        return None
    return fewest
