"""cstofacts.cli.commands.show, pinned where mutation testing found the suite silent (docs/testing.md).

An empty id is refused; a prefix of many ids names the first eight; a draft claim is shown when
asked for by id.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import Result, claim_toml, write_dataset


def test_an_empty_id_is_refused(cli: Callable[..., Result]) -> None:
    result = cli("show", "")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: ID: an empty string is not a claim id\n"


def test_a_prefix_of_many_ids_names_the_first_eight(cli: Callable[..., Result], tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "nine.toml", *(claim_toml(f"alpha-{n}") for n in range(1, 10)))
    result = cli("--data", data, "show", "alpha")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: ID: 'alpha' is the start of several ids: alpha-1, alpha-2, alpha-3, alpha-4,"
        " alpha-5, alpha-6, alpha-7, alpha-8; give more of it\n"
    )


def test_a_draft_is_shown_when_asked_for_by_id(cli: Callable[..., Result], tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "draft.toml", claim_toml("drafted-one", draft=True))
    assert cli("--data", data, "list").code == 1  # hidden from lookups
    result = cli("--data", data, "show", "drafted-one", "--format", "plain", "--fields", "id,summary")
    assert (result.code, result.out, result.err) == (0, "drafted-one\tClaim drafted-one.\n", "")


def test_an_id_that_starts_others_opens_its_own_claim(cli: Callable[..., Result], tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "prefix.toml", claim_toml("alpha"), claim_toml("alpha-2"))
    result = cli("--data", data, "show", "alpha", "--format", "plain", "--fields", "id")
    assert (result.code, result.out, result.err) == (0, "alpha\n", "")


def test_a_missed_id_in_a_large_dataset_that_starts_like_no_id_gets_no_suggestion(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    from synthetic import generate

    data = tmp_path / "large.toml"
    data.write_text(generate(1001), encoding="utf-8")  # over 1,000 claims: compared by prefix only
    result = cli("--data", str(data), "show", "qqqq")
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claim with id 'qqqq'\n")


def test_a_missed_id_among_many_claims_still_gets_a_suggestion(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # Past a thousand claims the miss is compared with the ids sharing its longest prefix.
    data = write_dataset(tmp_path / "many.toml", *(claim_toml(f"claim-{n}") for n in range(1, 1002)))
    result = cli("--data", data, "show", "claim-1001x")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: no claim with id 'claim-1001x'; did you mean 'claim-1001'?\n"


def test_a_missed_id_past_the_first_thousand_in_order_gets_its_suggestion(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # The id sorts after a thousand others: a miss is compared by prefix, not with the first
    # thousand ids alone.
    claims = (*(claim_toml(f"claim-{n}") for n in range(1, 1001)), claim_toml("zeta-last"))
    data = write_dataset(tmp_path / "many.toml", *claims)
    result = cli("--data", data, "show", "zeta-lst")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: no claim with id 'zeta-lst'; did you mean 'zeta-last'?\n"
