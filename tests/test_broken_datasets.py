"""Broken datasets through --data and validate: exit 3, file and line, every problem, bounded work."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, minimal_text, run

Cli = Callable[..., Result]
MINIMAL = minimal_text()


def broken(tmp_path: Path, text: str | bytes, name: str = "claims.toml") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def assert_data_error(result: Result, expected: str) -> None:
    """Exit 3, nothing on stdout, and exactly these lines on stderr."""
    assert (result.code, result.out) == (3, ""), result.err
    assert result.err == expected


def line_of(marker: str) -> int:
    return MINIMAL[: MINIMAL.index(marker)].count("\n") + 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--data", "{path}", "list"], "--data {path}"),
        (["--data", "{path}", "validate"], "--data {path}"),
        (["validate", "{path}"], "{path}"),
    ],
)
def test_missing_file(cli: Cli, tmp_path: Path, args: list[str], named: str) -> None:
    """A file that cannot be read is named as the user gave it: with the option, if one named it."""
    path = str(tmp_path / "nope.toml")
    result = cli(*(a.format(path=path) for a in args))
    assert_data_error(result, f"cstofacts: {named.format(path=path)}: no such file\n")


def test_missing_file_named_by_the_environment(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "nope.toml")
    monkeypatch.setenv("CSTOFACTS_DATA", path)
    assert_data_error(cli("list"), f"cstofacts: CSTOFACTS_DATA {path}: no such file\n")


def test_directory(cli: Cli, tmp_path: Path) -> None:
    assert_data_error(
        cli("validate", str(tmp_path)), f"cstofacts: {tmp_path}: holds no dataset files (*.toml)\n"
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_as_a_user(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL)
    os.chmod(path, 0)
    assert_data_error(cli("--data", path, "list"), f"cstofacts: --data {path}: permission denied\n")


def test_unreadable_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads anything, so the permission failure is simulated where the file is opened."""
    path = broken(tmp_path, MINIMAL)
    real_open = os.open

    def refuse(file: object, *args: object, **kwargs: object) -> int:
        if os.fspath(file) == path:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", path)
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert_data_error(cli("--data", path, "list"), f"cstofacts: --data {path}: permission denied\n")
    assert_data_error(cli("validate", path), f"cstofacts: {path}: permission denied\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_rather_than_waited_on(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "claims.toml"
    os.mkfifo(fifo)
    expected = f"cstofacts: --data {fifo}: is not a regular file; use --data - for standard input\n"
    assert_data_error(cli("--data", str(fifo), "list"), expected)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused(cli: Cli) -> None:
    expected = "cstofacts: --data /dev/zero: is not a regular file; use --data - for standard input\n"
    assert_data_error(cli("--data", "/dev/zero", "list"), expected)


def test_a_broken_dataset_on_standard_input() -> None:
    result = run("--data", "-", "list", stdin=MINIMAL.replace("schema = 3", "schema = 1"))
    assert (result.returncode, result.stdout) == (3, "")
    assert (
        result.stderr == "cstofacts: <stdin>:1: schema 1 is not one this version reads (it reads schema 3)\n"
    )


def test_empty_file(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, "")
    assert_data_error(cli("validate", path), f"cstofacts: {path}:1: file is empty; expected a TOML dataset\n")


def test_binary_file(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_data_error(cli("validate", path), f"cstofacts: {path}:1:1: not valid UTF-8 (byte 0x89)\n")


def test_invalid_utf8_names_the_line_and_column(cli: Cli, tmp_path: Path) -> None:
    raw = MINIMAL.replace("Talks on November 18.", "Talks on \udcff.").encode("utf-8", "surrogateescape")
    path = broken(tmp_path, raw)
    line = line_of("Talks on November")
    column = len('summary = "Talks on ') + 1
    assert_data_error(
        cli("validate", path), f"cstofacts: {path}:{line}:{column}: not valid UTF-8 (byte 0xff)\n"
    )


def test_toml_syntax_error(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL.replace('id = "drill"', 'id = "drill'))
    line = line_of('id = "drill"')
    result = cli("--data", path, "list")
    assert (result.code, result.out) == (3, "")
    assert result.err.startswith(f"cstofacts: {path}:{line}:")
    assert "TOML syntax error" in result.err
    assert result.err.count("\n") == 1


def test_wrong_type(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL.replace('countries = ["KG"]', "countries = 7"))
    line = line_of('countries = ["KG"]')
    assert_data_error(
        cli("validate", path),
        f"cstofacts: {path}:{line}: claim 'talks': 'countries' must be a list of strings, not a whole number\n",
    )


def test_claims_not_an_array(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, "claims = 3\n" + MINIMAL.split("[[claims]]")[0])
    assert_data_error(
        cli("validate", path), f"cstofacts: {path}:1: 'claims' must be an array of tables ([[claims]])\n"
    )


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (None, "dataset: missing key 'schema'"),
        ("schema = 1", "schema 1 is not one this version reads (it reads schema 3)"),
        ('schema = "two"', "'schema' must be a whole number, not a string"),
        ("schema = 3.5", "'schema' must be a whole number, not a decimal number"),
    ],
)
def test_the_schema_must_be_3(cli: Cli, tmp_path: Path, schema: str | None, message: str) -> None:
    text = MINIMAL.replace("schema = 3\n", "" if schema is None else schema + "\n")
    path = broken(tmp_path, text)
    assert_data_error(cli("--data", path, "list"), f"cstofacts: {path}:1: {message}\n")


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
    assert (result.code, result.out) == (3, "")
    lines = result.err.splitlines()
    for fragment in (
        "unknown category 'summit'",
        "unknown country 'XX'",
        "is not a real day",
        "parent 'nowhere'",
    ):
        assert sum(fragment in line for line in lines) == 1, fragment
    assert len(lines) == 4
    assert all(line.startswith(f"cstofacts: {path}:") for line in lines)
    numbers = [int(line.split(":")[2]) for line in lines]
    assert numbers == sorted(numbers)
    # the duplicate id is only reported once the claim is otherwise valid
    fixed = (
        text.replace('category = "summit"', 'category = "meeting"')
        .replace('countries = ["XX"]', 'countries = ["KG"]')
        .replace('date = "2024-02-30"', 'date = "2024-02-29"')
    )
    result = cli("validate", broken(tmp_path, fixed, "fixed.toml"))
    assert "claim 'drill': duplicate id (first at line" in result.err
    assert "parent 'nowhere'" in result.err


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from cstofacts.store.reader import MAX_BYTES

    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.write(MINIMAL.encode("utf-8"))
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk is spent on it
    result = run("--data", str(path), "list", timeout=300)
    assert (result.returncode, result.stdout) == (3, "")
    limit = MAX_BYTES // (1024 * 1024)
    assert (
        result.stderr == f"cstofacts: --data {path}: file is larger than {limit} MiB; refusing to load it\n"
    )


def test_a_pathological_line_is_refused_at_its_line(cli: Cli, tmp_path: Path) -> None:
    path = broken(tmp_path, MINIMAL + "x" + ".a" * 30_000 + " = 1\n")
    line = MINIMAL.count("\n") + 1
    assert_data_error(
        cli("validate", path),
        f"cstofacts: {path}:{line}: line is 60,005 characters long; the limit is 20,000\n",
    )
