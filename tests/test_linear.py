"""Hostile datasets cost time in proportion to their size: a long chain of parents, and one huge
paragraph with many quotes. Timed, as the work this guards against grew with the square of the
size; the bounds are generous and judged on growth (doubling the size), not on this machine's speed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, claim_toml

from cstofacts.store import load, open_store
from cstofacts.store.fidelity import lint_dataset

SENTENCE = "The ministers met again in the capital and spoke of peace and order.\n"


def chain(length: int) -> str:
    """`length` claims, each the parent of the next."""
    claims = [claim_toml("c0")] + [claim_toml(f"c{n}", parent=f"c{n - 1}") for n in range(1, length)]
    return HEAD + "".join(claims)


def big_paragraph(megabytes: float, quotes: int) -> str:
    """One source paragraph of `megabytes`, and one claim quoting it `quotes` times along its length."""
    body = SENTENCE * int(megabytes * 2**20 / len(SENTENCE))
    head = HEAD.replace("paragraphs = 5\n", f'paragraphs = 1\nbody = ["""{body}"""]\n')
    step = len(body) // quotes
    evidence = ",\n".join(
        f'{{ paragraph = 1, quote = "{" ".join(body[n * step : n * step + 60].split()[1:-1])}" }}'
        for n in range(quotes)
    )
    claim = claim_toml("big", summary="The ministers met.")
    return head + claim.rstrip("\n") + f"\nevidence = [\n{evidence}\n]\n"


def seconds(work: Callable[[], object]) -> float:
    """The best of two runs: the least disturbed by the other work on a shared machine."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def compile_it(path: str) -> Callable[[], object]:
    return lambda: open_store(path, use_cache=False).close()


def lint_it(path: str) -> Callable[[], object]:
    def work() -> object:
        dataset, text = load(path)
        return lint_dataset(dataset, text)

    return work


def assert_linear(small: float, large: float) -> None:
    # Linear work doubles; quadratic quadruples. 3 leaves room for a noisy neighbour.
    assert large < max(3 * small, 0.05), (small, large)


def test_a_chain_of_4000_parents_loads_in_linear_time(tmp_path: Path) -> None:
    small = seconds(compile_it(write(tmp_path, "2000.toml", chain(2000))))
    large = seconds(compile_it(write(tmp_path, "4000.toml", chain(4000))))
    assert large < 2.0
    assert_linear(small, large)


def test_a_circle_of_4000_parents_is_one_short_message_a_claim(tmp_path: Path) -> None:
    text = chain(4000).replace('id = "c0"\n', 'id = "c0"\nparent = "c3999"\n', 1)
    path = write(tmp_path, "circle.toml", text)
    from cstofacts.errors import DataError

    start = time.perf_counter()
    with pytest.raises(DataError) as caught:
        load(path)
    assert time.perf_counter() - start < 2.0
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 4000
    assert messages[1] == (
        "claim 'c1': parents go round in a circle: c1 → c0 → c3999 → c3998 → c3997 → … (4000 claims) → c1"
    )


@pytest.mark.parametrize("check", [compile_it, lint_it], ids=["load", "validate"])
def test_a_4_mb_paragraph_with_400_quotes_takes_linear_time(
    tmp_path: Path, check: Callable[[str], Callable[[], object]]
) -> None:
    small = seconds(check(write(tmp_path, "2mb.toml", big_paragraph(2, 200))))
    large = seconds(check(write(tmp_path, "4mb.toml", big_paragraph(4, 400))))
    assert large < 2.0 * 4  # the bound: 2 s per MB
    if check is compile_it:
        assert large < 2.0
    assert_linear(small, large)


def test_unknown_ids_cost_no_pass_over_every_id(tmp_path: Path) -> None:
    """show with many unknown ids at 10,000 claims: each miss is a few index lookups, so forty
    misses cost about what one does (a pass over every id for a suggestion made each one cost more)."""
    from helpers import run
    from synthetic import generate

    path = write(tmp_path, "10k.toml", generate(10000))
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert run("--data", path, "list", "--limit", "1", env=env).returncode == 0  # compiled and cached

    def show(count: int) -> Callable[[], object]:
        missing = [f"zq-no-such-claim-{n}" for n in range(count)]
        return lambda: run("--data", path, "show", *missing, env=env)

    one, forty = seconds(show(1)), seconds(show(40))
    assert forty < 2 * one, (one, forty)
