"""cstofacts.lexicon, pinned where mutation testing found the suite silent (docs/testing.md).

A declared place is found by any of its names: a search for an alias the claims never write
("Peking", "Khodjent") finds the claims held at that place, through the place's index tag.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, ids


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Peking", ["beijing-roadmap-2025-09-03", "roadmap-against-transnational-threats"]),
        ("Пекин", ["beijing-roadmap-2025-09-03", "roadmap-against-transnational-threats"]),
        (
            "Khodjent",
            [
                "bilateral-consultations-2024-2025",
                "khujand-agreement-stability",
                "khujand-border-agreement-2025-03-31",
            ],
        ),
    ],
)
def test_a_search_for_a_places_alias_finds_the_claims_held_there(
    cli: Callable[..., Result], alias: str, expected: list[str]
) -> None:
    result = cli("search", alias, "--fields", "id")
    assert (result.code, sorted(ids(result)), result.err) == (0, expected, "")
