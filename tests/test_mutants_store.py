"""cstofacts.store (the engine's entry point), pinned where mutation testing found the suite
silent (docs/testing.md).

A cache directory whose path holds characters a URI gives a meaning to (`#`, `?`, `%`) still
serves its entries, silently; and a cache directory opened to others while a dataset compiles
is not written to, and the user is told why, once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

import cstofacts.store

Cli = Callable[..., Result]


def dataset(tmp_path: Path) -> str:
    return write_dataset(
        tmp_path / "claims.toml",
        claim_toml("talks", date="2024", countries=["BY"], summary="Talks in Minsk."),
        claim_toml("drill", date="2023", category="exercise", summary="A drill was held."),
    )


def test_a_cache_path_with_uri_characters_serves_its_entries(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "a #1? 100%25 sure"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    data = ("--data", dataset(tmp_path))
    for _ in range(3):
        result = cli(*data, "list", "-f", "plain", "--fields", "id")
        assert (result.code, result.out, result.err) == (0, "drill\ntalks\n", "")
    assert [p.suffix for p in (home / "cstofacts").iterdir()] == [".sqlite3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [home.name, "claims.toml"]


def test_a_cache_opened_to_others_during_the_compile_is_not_written_to(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = tmp_path / "open"
    (opened / "deeper").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(opened / "deeper"))
    real = cstofacts.store._compile

    def compile_then_open(*args: object) -> object:
        connection = real(*args)  # type: ignore[arg-type]
        opened.chmod(0o777)  # after the lookup found nothing, before the entry is written
        return connection

    monkeypatch.setattr(cstofacts.store, "_compile", compile_then_open)
    result = cli("--data", dataset(tmp_path), "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (0, "drill\ntalks\n")
    assert (
        result.err == f"cstofacts: not using the cache: {opened} is writable by others; working in memory\n"
    )
    assert list((opened / "deeper").iterdir()) == []
