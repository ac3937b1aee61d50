"""The engine as a user meets it: one compile per content, a private cache that cannot be tricked,
bounded work on any input, and `export` to a SQLite file other tools open."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from helpers import EXE, ROOT, run

BUNDLED = ROOT / "data" / "claims.toml"
# Generous: these guard against hangs, never measure speed.
HANG = 60


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private cache and home for one test."""
    cache, home = tmp_path / "cache", tmp_path / "home"
    home.mkdir()
    return {"XDG_CACHE_HOME": str(cache), "HOME": str(home)}


def cache_folder(env: dict[str, str]) -> Path:
    return Path(env["XDG_CACHE_HOME"]) / "cstofacts"


def entries(env: dict[str, str]) -> list[Path]:
    folder = cache_folder(env)
    return sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []


def listing(env: dict[str, str], *args: str, **kwargs: object) -> str:
    result = run(*args, "list", env=env, timeout=HANG, **kwargs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    no_traceback(result)
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cstofacts: ")
    return lines[0]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What `cstofacts list` prints for the bundled dataset with no cache at all."""
    home = tmp_path_factory.mktemp("reference")
    result = run("--no-cache", "list", env={"XDG_CACHE_HOME": str(home / "c"), "HOME": str(home)})
    assert result.returncode == 0
    assert not (home / "c").exists()
    return result.stdout


# -- the cache --------------------------------------------------------------------------------


def test_one_lookup_leaves_one_private_entry(env: dict[str, str], reference: str) -> None:
    assert listing(env) == reference
    found = entries(env)
    assert len(found) == 1
    assert stat.S_IMODE(found[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_folder(env).stat().st_mode) == 0o700
    assert [p.name for p in cache_folder(env).iterdir()] == [found[0].name]  # no temporary file left


def test_a_second_lookup_answers_the_same_from_the_same_entry(env: dict[str, str], reference: str) -> None:
    assert listing(env) == reference
    first = entries(env)
    assert listing(env) == reference
    assert entries(env) == first


@pytest.mark.parametrize(
    ("args", "extra"), [(("--no-cache",), {}), ((), {"CSTOFACTS_NO_CACHE": "1"})], ids=["option", "env"]
)
def test_no_cache_writes_nothing_and_answers_the_same(
    env: dict[str, str], reference: str, args: tuple[str, ...], extra: dict[str, str]
) -> None:
    assert listing({**env, **extra}, *args) == reference
    assert not Path(env["XDG_CACHE_HOME"]).exists()
    assert list(Path(env["HOME"]).iterdir()) == []


def test_a_relative_cache_home_writes_nothing_into_the_working_directory(
    tmp_path: Path, env: dict[str, str], reference: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    assert listing({**env, "XDG_CACHE_HOME": "relative-cache"}, cwd=work) == reference
    assert list(work.iterdir()) == []


def test_a_group_writable_cache_directory_is_skipped_with_one_note(
    env: dict[str, str], reference: str
) -> None:
    folder = cache_folder(env)
    folder.mkdir(parents=True)
    folder.chmod(0o770)
    result = run("list", env=env, timeout=HANG)
    assert (result.returncode, result.stdout) == (0, reference)
    assert (
        result.stderr
        == f"cstofacts: not using the cache: {folder} is writable by others; working in memory\n"
    )
    assert list(folder.iterdir()) == []
    assert stat.S_IMODE(folder.stat().st_mode) == 0o770  # not "fixed": it may not be ours to fix


def test_a_cache_directory_that_is_a_symlink_is_never_written_through(
    tmp_path: Path, env: dict[str, str], reference: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    Path(env["XDG_CACHE_HOME"]).mkdir(mode=0o700)
    cache_folder(env).symlink_to(elsewhere)
    result = run("list", env=env, timeout=HANG)
    assert (result.returncode, result.stdout) == (0, reference)
    assert (
        result.stderr
        == f"cstofacts: not using the cache: {cache_folder(env)} is not a directory; working in memory\n"
    )
    assert list(elsewhere.iterdir()) == []


def _entry_name(env: dict[str, str]) -> str:
    """The name the bundled dataset's entry takes, learnt by one lookup, then the entry removed."""
    listing(env)
    (entry,) = entries(env)
    entry.unlink()
    return entry.name


def test_a_symlink_planted_at_the_entry_name_is_never_followed(
    tmp_path: Path, env: dict[str, str], reference: str
) -> None:
    name = _entry_name(env)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    victim.chmod(0o600)
    (cache_folder(env) / name).symlink_to(victim)
    assert listing(env) == reference
    assert victim.read_bytes() == b"precious\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600


def test_a_dangling_symlink_at_the_entry_name_creates_nothing(
    tmp_path: Path, env: dict[str, str], reference: str
) -> None:
    name = _entry_name(env)
    target = tmp_path / "created-by-an-attacker"
    (cache_folder(env) / name).symlink_to(target)
    assert listing(env) == reference
    assert not target.exists()
    assert listing(env) == reference


@pytest.mark.parametrize("plant", ["fifo", "symlink to /dev/zero"])
def test_an_entry_replaced_by_a_fifo_or_a_device_does_not_hang(
    env: dict[str, str], reference: str, plant: str
) -> None:
    name = _entry_name(env)
    path = cache_folder(env) / name
    if plant == "fifo":
        os.mkfifo(path, 0o600)
    else:
        path.symlink_to("/dev/zero")
    assert listing(env) == reference  # run() has a timeout: a hang fails the test
    assert listing(env) == reference


def test_a_forged_file_of_the_same_length_never_changes_the_bundled_answer(
    tmp_path: Path, env: dict[str, str], reference: str
) -> None:
    original = BUNDLED.read_text(encoding="utf-8")
    forged_text = original.replace("Babaev sees 2022", "Babaev eyes 2022", 1)
    assert forged_text != original
    forged = tmp_path / "forged.toml"
    forged.write_text(forged_text, encoding="utf-8")
    assert forged.stat().st_size == BUNDLED.stat().st_size
    assert listing(env) == reference
    run("--data", str(forged), "validate", env=env, timeout=HANG)
    forged_listing = listing(env, "--data", str(forged))
    assert "Babaev eyes 2022" in forged_listing
    assert listing(env) == reference
    assert "Babaev eyes 2022" not in listing(env)


def test_a_file_rewritten_in_place_with_the_same_length_and_mtime_is_read_afresh(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path = tmp_path / "claims.toml"
    original = BUNDLED.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    before = path.stat()
    assert "Babaev sees 2022" in listing(env, "--data", str(path))
    path.write_text(original.replace("Babaev sees 2022", "Babaev eyes 2022", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    after = listing(env, "--data", str(path))
    assert "Babaev eyes 2022" in after
    assert "Babaev sees 2022" not in after


def test_a_syntax_error_is_reported_even_when_a_good_cache_exists(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path = tmp_path / "claims.toml"
    lines = BUNDLED.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    listing(env, "--data", str(path))
    assert len(entries(env)) == 1
    number = lines.index("schema = 3") + 1
    lines[number - 1] = "schema = = 2"
    path.write_text("\n".join(lines), encoding="utf-8")
    checked = run("validate", str(path), env=env, timeout=HANG)
    line = one_error_line(checked)
    assert line.startswith(f"cstofacts: {path}:{number}:"), line
    assert "TOML syntax error" in line
    looked_up = run("--data", str(path), "list", env=env, timeout=HANG)
    assert one_error_line(looked_up) == line


def _lint_failing_copy(tmp_path: Path) -> tuple[Path, int]:
    """A copy that parses and compiles but fails the fidelity lint, and the line of the fault."""
    lines = BUNDLED.read_text(encoding="utf-8").split("\n")
    old = 'summary = "The CSTO summit resulted in 15 signed documents'
    number = next(i for i, line in enumerate(lines, 1) if line.startswith(old))
    lines[number - 1] = lines[number - 1].replace("15 signed", "16 signed")
    path = tmp_path / "lint-fails.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, number


def test_validate_never_trusts_a_warm_cache(tmp_path: Path, env: dict[str, str]) -> None:
    path, number = _lint_failing_copy(tmp_path)
    assert "16 signed documents" in listing(env, "--data", str(path))  # a lookup compiles and caches it
    assert len(entries(env)) == 1
    result = run("validate", str(path), env=env, timeout=HANG)
    assert result.returncode == 3, result.stdout
    assert f"{path}:{number}: claim 'summit-15-documents'" in result.stderr
    no_traceback(result)


def test_validate_never_trusts_a_forged_entry(tmp_path: Path, env: dict[str, str]) -> None:
    """Even an entry built from good data under the bad file's own key does not make it valid."""
    good = tmp_path / "good.toml"
    good.write_bytes(BUNDLED.read_bytes())
    listing(env, "--data", str(good))
    (good_entry,) = entries(env)
    bad, _ = _lint_failing_copy(tmp_path)
    listing(env, "--data", str(bad))
    (bad_entry,) = [e for e in entries(env) if e != good_entry]
    with sqlite3.connect(bad_entry) as db:
        bad_key = db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()[0]
    db.close()
    forged = bad_entry.with_suffix(".forging")
    forged.write_bytes(good_entry.read_bytes())
    forged.chmod(0o600)
    with sqlite3.connect(forged) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'key'", (bad_key,))
    db.close()
    forged.replace(bad_entry)
    result = run("validate", str(bad), env=env, timeout=HANG)
    assert result.returncode == 3
    assert "summit-15-documents" in result.stderr


def test_validate_writes_no_cache(env: dict[str, str]) -> None:
    result = run("validate", env=env, timeout=HANG)
    assert result.returncode == 0
    assert result.stdout == "bundled dataset: ok, 46 claims, 1 source\n"
    assert entries(env) == []


# -- bounded work on hostile files --------------------------------------------------------------


def test_deep_nesting_in_a_small_file_is_one_clear_error(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "nested.toml"
    path.write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    assert path.stat().st_size < 1100
    line = one_error_line(run("--data", str(path), "list", env=env, timeout=HANG))
    assert line == f"cstofacts: --data {path}: nesting is too deep to parse"


def test_twenty_thousand_unknown_keys_each_get_their_own_line(tmp_path: Path, env: dict[str, str]) -> None:
    lines = BUNDLED.read_text(encoding="utf-8").split("\n")
    at = lines.index("schema = 3") + 1  # the keys start on the next line
    keys = [f"k{n} = {n}" for n in range(20_000)]
    path = tmp_path / "keys.toml"
    path.write_text("\n".join([*lines[:at], *keys, *lines[at:]]), encoding="utf-8")
    result = run("--data", str(path), "list", env=env, timeout=HANG)
    no_traceback(result)
    assert result.returncode == 3
    messages = result.stderr.splitlines()
    assert len(messages) == 20_000
    for n, message in enumerate(messages):
        assert message.startswith(f"cstofacts: {path}:{at + 1 + n}: dataset: unknown key 'k{n}';"), message


def test_twenty_thousand_unknown_keys_in_one_claim(tmp_path: Path, env: dict[str, str]) -> None:
    lines = BUNDLED.read_text(encoding="utf-8").split("\n")
    at = lines.index('id = "babaev-analysis-published"') + 1
    keys = [f"x{n} = {n}" for n in range(20_000)]
    path = tmp_path / "claim-keys.toml"
    path.write_text("\n".join([*lines[:at], *keys, *lines[at:]]), encoding="utf-8")
    result = run("validate", str(path), env=env, timeout=HANG)
    no_traceback(result)
    assert result.returncode == 3
    messages = result.stderr.splitlines()
    assert len(messages) == 20_000
    assert messages[0].startswith(f"cstofacts: {path}:{at + 1}: ")
    assert "'x0'" in messages[0]
    assert messages[-1].startswith(f"cstofacts: {path}:{at + 20_000}: ")
    assert "'x19999'" in messages[-1]


def test_a_100_kb_line_of_dotted_keys_is_refused_at_its_line(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "dotted.toml"
    path.write_text("schema = 3\n" + ".".join(["a"] * 50_000) + " = 1\n", encoding="utf-8")
    line = one_error_line(run("--data", str(path), "list", env=env, timeout=HANG))
    assert line.startswith(f"cstofacts: {path}:2: ")


def test_a_short_key_of_many_dotted_parts_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "dotted.toml"
    path.write_text("schema = 3\n" + ".".join(["a"] * 5_000) + " = 1\n", encoding="utf-8")
    line = one_error_line(run("--data", str(path), "list", env=env, timeout=HANG))
    assert line.startswith(f"cstofacts: {path}:2: ")


def test_a_fifo_with_no_writer_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    line = one_error_line(run("--data", str(fifo), "list", env=env, timeout=HANG))
    assert line == f"cstofacts: --data {fifo}: is not a regular file; use --data - for standard input"


def test_dev_zero_is_refused(env: dict[str, str]) -> None:
    line = one_error_line(run("--data", "/dev/zero", "list", env=env, timeout=HANG))
    assert line == "cstofacts: --data /dev/zero: is not a regular file; use --data - for standard input"


# The README's promise: a dataset file larger than 128 MiB is refused before it is parsed.
CAP = 128 * 1024 * 1024
LINE = b"# " + b"x" * 1000 + b"\n"
OVER_CAP = CAP // len(LINE) + 2  # lines, so the file is just over the cap


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.write(b"schema = 3\n")
        for _ in range(OVER_CAP // 1024 + 1):
            handle.write(LINE * 1024)
    assert path.stat().st_size > CAP
    line = one_error_line(run("--data", str(path), "list", env=env, timeout=HANG))
    assert line == f"cstofacts: --data {path}: file is larger than 128 MiB; refusing to load it"
    line = one_error_line(run("validate", str(path), env=env, timeout=HANG))
    assert line == f"cstofacts: {path}: file is larger than 128 MiB; refusing to load it"


def test_more_than_the_size_cap_on_stdin_is_refused(env: dict[str, str]) -> None:
    big = b"schema = 3\n" + LINE * OVER_CAP
    assert len(big) > CAP
    result = subprocess.run(
        [EXE, "--data", "-", "list"],
        input=big,
        capture_output=True,
        env={**os.environ, **env},
        timeout=HANG,
        check=False,
    )
    assert result.returncode == 3
    assert result.stdout == b""
    assert result.stderr == b"cstofacts: --data <stdin>: file is larger than 128 MiB; refusing to load it\n"


def test_data_dash_reads_standard_input(env: dict[str, str], reference: str) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    result = run("--data", "-", "list", env=env, stdin=text, timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert result.stdout == reference


# -- export ----------------------------------------------------------------------------------------


def test_export_writes_a_database_sqlite3_opens(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "claims.db"
    result = run("export", str(target), env=env, timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    metadata = tmp_path / "claims.metadata.json"
    assert result.stderr == (
        f"cstofacts: wrote {target}: 46 claims\ncstofacts: wrote {metadata}: metadata for datasette -m\n"
    )
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "cache" and p.name != "home")
    assert written == ["claims.db", "claims.metadata.json"]
    db = sqlite3.connect(target)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        expected = {
            "claims",
            "claim_countries",
            "claim_organizations",
            "claim_paragraphs",
            "evidence",
            "works",
            "paragraphs",
            "categories",
            "countries",
            "organizations",
            "places",
            "people",
            "claims_fts",
        }
        assert expected <= tables
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 46
        assert db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 20
        hits = db.execute(
            "SELECT c.id FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid "
            "WHERE claims_fts MATCH 'Khujand' ORDER BY c.id"
        ).fetchall()
        assert ("khujand-border-agreement-2025-03-31",) in hits
        in_sql = sorted(
            row[0]
            for row in db.execute(
                "SELECT id FROM claims WHERE first_day <= '2023-12-31' AND last_day >= '2023-01-01'"
            )
        )
    finally:
        db.close()
    listed = run("list", "--year", "2023", "--format", "json", env=env, timeout=HANG)
    assert listed.returncode == 0
    assert in_sql == sorted(record["id"] for record in json.loads(listed.stdout))
    assert len(in_sql) == 8


def test_export_refuses_an_existing_file_without_force(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "claims.db"
    target.write_bytes(b"keep me")
    result = run("export", str(target), env=env, timeout=HANG)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"cstofacts: error: PATH.db: {target} exists; give --force to replace it\n"
    assert target.read_bytes() == b"keep me"


def test_export_with_force_replaces_the_file_by_renaming(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "claims.db"
    target.write_bytes(b"old")
    old_inode = target.stat().st_ino
    keep = tmp_path / "hardlink-to-old"
    os.link(target, keep)  # a reader holding the old file keeps it whole
    result = run("export", str(target), "--force", env=env, timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert keep.read_bytes() == b"old"
    assert target.stat().st_ino != old_inode
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 46
    db.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["cache", "claims.db", "claims.metadata.json", "hardlink-to-old", "home"]


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "a-directory"
    target.mkdir()
    result = run("export", str(target), "--force", env=env, timeout=HANG)
    no_traceback(result)
    # A folder is refused as a usage error before anything is written.
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "is a folder" in result.stderr
    assert list(target.iterdir()) == []
    assert {p.name for p in tmp_path.iterdir()} - {"cache", "home"} == {"a-directory"}
