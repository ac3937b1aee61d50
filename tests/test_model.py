"""The claim record: its fields, in the order every machine format writes them."""

from __future__ import annotations

import inspect

from cstofacts.model import FIELDS, Claim, Evidence, Kind


def test_the_slots_of_a_claim_are_its_constructor_s_fields_in_order() -> None:
    # __slots__ gives FIELDS its order; __init__ is written out beside it, and must not drift.
    assert list(inspect.signature(Claim).parameters) == list(Claim.__slots__)
    assert tuple(n for n in Claim.__slots__ if n not in ("draft", "span")) == FIELDS


def test_a_claim_is_built_by_keyword_and_replaced_field_by_field() -> None:
    claim = Claim(id="a", kind=Kind.EVENT, category="meeting", summary="S.", paragraphs=(1,),
                  attributed_to="article", source="doc", evidence=(Evidence(1, "q"),))  # fmt: skip
    changed = claim.replace(summary="T.", countries=("KG",))
    assert (changed.id, changed.summary, changed.countries, changed.evidence) == (
        "a",
        "T.",
        ("KG",),
        claim.evidence,
    )
    assert (claim.summary, claim.countries) == ("S.", ())
    assert changed is not claim and claim != claim.replace()  # records compare by identity
    assert claim.record()["evidence"] == [{"paragraph": 1, "quote": "q"}]
