"""cstofacts.store.corpus, pinned where mutation testing found the suite silent (docs/testing.md).

A corpus whose files declare one country two ways is refused, the message naming the field
that differs; and a directory that cannot be listed is refused with the system's reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml
from test_corpus import article

Cli = Callable[..., Result]


def test_a_country_declared_with_another_alpha3_is_refused_by_name(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(article("one", "One", claim_toml("talks-1")), encoding="utf-8")
    other = article("two", "Two", claim_toml("talks-2")).replace('alpha3 = "KGZ"', 'alpha3 = "KGX"')
    (tmp_path / "b.toml").write_text(other, encoding="utf-8")
    result = cli("--data", str(tmp_path), "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"cstofacts: --data {tmp_path}/b.toml: [countries.KG] gives alpha3 'KGX', "
        f"where {tmp_path}/a.toml gives 'KGZ'\n"
    )


def test_a_directory_that_cannot_be_listed_is_refused_with_the_reason(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root lists any directory, so the permission failure is simulated where it is listed."""
    folder = tmp_path / "articles"
    folder.mkdir()
    real = os.listdir

    def refuse(path: object = ".") -> list[str]:
        if os.fspath(path) == str(folder):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(folder))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listdir", refuse)
    result = cli("--data", str(folder), "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == f"cstofacts: --data {folder}: cannot list: Permission denied\n"
