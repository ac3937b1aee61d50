"""Broken datasets through --data and validate: exit 3, file and line, every problem, bounded time."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DATA, Result, run

Cli = Callable[..., Result]
MINIMAL = (DATA / "minimal.toml").read_text(encoding="utf-8")


def broken(tmp_path: Path, text: str | bytes, name: str = "claims.toml") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def assert_data_error(result: Result, path: str, fragment: str, line: int | None = None) -> None:
    assert result.code == 3, (result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    where = f"cstofacts: {path}:{line}:" if line else f"cstofacts: {path}:"
    assert any(ln.startswith(where) and fragment in ln for ln in result.err.splitlines()), result.err


@pytest.mark.parametrize("command", [["list"], ["validate"]])
def test_missing_file(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    path = str(tmp_path / "nope.toml")
    assert_data_error(cli("--data", path, *command), path, "no such file")


def test_directory(cli: Cli, tmp_path: Path) -> None:
    assert_data_error(cli("validate", str(tmp_path)), str(tmp_path), "is a directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_as_a_user(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL)
    os.chmod(path, 0)
    assert_data_error(cli("--data", path, "list"), path, "permission denied")


def test_unreadable_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads anything, so the permission failure is simulated at the open() call."""
    path = broken(tmp_path, MINIMAL)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert_data_error(cli("--data", path, "list"), path, "permission denied")


def test_empty_file(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, "")
    assert_data_error(cli("validate", path), path, "file is empty", 1)


def test_binary_file(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_data_error(cli("validate", path), path, "not valid UTF-8", 1)


def test_invalid_utf8_names_the_line(cli: Cli, tmp_path: Path) -> None:
    raw = MINIMAL.replace("Talks on November 18.", "Talks on \udcff.").encode("utf-8", "surrogateescape")
    path = broken(tmp_path, raw)
    line = MINIMAL[: MINIMAL.index("Talks on November")].count("\n") + 1
    assert_data_error(cli("validate", path), path, "not valid UTF-8 (byte 0xff)", line)


def test_toml_syntax_error(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL.replace('id = "drill"', 'id = "drill'))
    line = MINIMAL[: MINIMAL.index('id = "drill"')].count("\n") + 1
    result = cli("--data", path, "list")
    assert_data_error(result, path, "TOML syntax error", line)


def test_wrong_type(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL.replace('countries = ["KG"]', "countries = 7"))
    line = MINIMAL[: MINIMAL.index('countries = ["KG"]')].count("\n") + 1
    assert_data_error(
        cli("validate", path), path, "'countries' must be a list of strings, not a number", line
    )


def test_claims_not_an_array(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, 'claims = 3\n[categories]\nx = "y"\n')
    result = cli("validate", path)
    assert result.code == 3
    assert "'claims' must be an array of tables" in result.err


def test_validate_lists_every_problem(cli: Cli, tmp_path: Path) -> None:
    text = (
        MINIMAL.replace('id = "talks"', 'id = "drill"')
        .replace('category = "meeting"', 'category = "summit"')
        .replace('countries = ["KG"]', 'countries = ["XX"]')
        .replace('date = "2024-11-18"', 'date = "2024-02-30"')
        .replace('parent = "umbrella"', 'parent = "nowhere"')
    )
    path = broken(tmp_path, text)
    result = cli("validate", path)
    assert result.code == 3
    lines = result.err.splitlines()
    for fragment in (
        "unknown category 'summit'",
        "unknown country 'XX'",
        "is not a real day",
        "parent 'nowhere'",
    ):
        assert any(fragment in line for line in lines), fragment
    assert all(line.startswith(f"cstofacts: {path}:") for line in lines)
    # the duplicate id is only reported once the claim is otherwise valid
    fixed = (
        text.replace('category = "summit"', 'category = "meeting"')
        .replace('countries = ["XX"]', 'countries = ["KG"]')
        .replace('date = "2024-02-30"', 'date = "2024-02-29"')
    )
    result = cli("validate", broken(tmp_path, fixed, "fixed.toml"))
    assert "duplicate id (first at line" in result.err
    assert "parent 'nowhere'" in result.err


def test_a_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(MINIMAL)
        filler = "# " + "x" * 1000 + "\n"
        for _ in range(50_000):
            handle.write(filler)
    assert path.stat().st_size > 50_000_000
    start = time.monotonic()
    result = run("--data", str(path), "list", timeout=30)
    assert time.monotonic() - start < 10
    assert result.returncode == 3
    assert "larger than 40 MiB" in result.stderr
    assert "Traceback" not in result.stderr
