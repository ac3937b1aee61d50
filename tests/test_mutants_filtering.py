"""cstofacts.cli.filtering, pinned where mutation testing found the suite silent (docs/testing.md).

--attributed-to takes the name of a reported work's author for that work's attribution, also
when the author's name is the only spelling the dataset declares for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import HEAD, Result, claim_toml

# A person with one spelling, and a work of theirs whose statements the analyst voice carries.
PERSON = '[people.ivanov]\nname = "Ivan Ivanov"\naliases = []\n\n[[sources]]'
WORK = '\n[[sources.reports]]\nid = "ivanov-paper"\nauthor = "Ivan Ivanov"\nvoice = "analyst"\ndescribed_in = [1]\n'


def test_the_author_named_as_declared_means_the_work_s_attribution(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    data = tmp_path / "claims.toml"
    data.write_text(
        HEAD.replace("[[sources]]", PERSON)
        + WORK
        + claim_toml("talks-said", attributed_to="analyst")
        + claim_toml("talks-held"),
        encoding="utf-8",
    )
    result = cli(
        "--data", str(data), "list", "--attributed-to", "Ivan Ivanov", "-f", "plain", "--fields", "id"
    )
    assert (result.code, result.out, result.err) == (0, "talks-said\n", "")
