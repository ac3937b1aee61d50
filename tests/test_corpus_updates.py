"""A corpus kept up to date: a changed file recompiles its own part only, an unchanged one is
not even read (its stat is as recorded), and either way the answers are exactly those of a
compile from scratch.

The articles are written by the tests, as in test_corpus.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml
from test_corpus import article

from cstofacts.store import corpusdb, statmap

Cli = Callable[..., Result]
# Every table a query reads, with an order that makes two databases comparable row by row.
TABLES = {
    "claims": "seq",
    "claims_fts": "rowid",
    "claim_countries": "claim, country",
    "claim_organizations": "claim, organization",
    "claim_paragraphs": "claim, paragraph",
    "evidence": "claim, position",
    "works": "seq",
    "paragraphs": "source, number",
    "article_fts": "rowid",
    "terms": "word, part",
    "related": "word, target",
    "parts": "part",
    "categories": "name",
    "countries": "code",
    "organizations": "short",
    "places": "name",
    "people": "slug",
    "lexicon": "phrase, what, value",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, (country, place) in enumerate((("BY", "Minsk"), ("KG", "Bishkek"), ("BY", "Brest"))):
        (folder / f"{number}.toml").write_text(
            article(
                f"article-{number}",
                f"Article {number}",
                claim_toml(f"talks-{number}", date="2024", countries=[country], summary=f"Talks in {place}."),
                claim_toml(f"drill-{number}", date="2023", category="exercise", summary="A drill was held."),
            ),
            encoding="utf-8",
        )
    return folder


def entries(cache_dir: Path, suffix: str) -> list[Path]:
    return sorted(cache_dir.glob(f"*{suffix}")) if cache_dir.exists() else []


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            table: connection.execute(f"SELECT rowid, * FROM {table} ORDER BY {order}").fetchall()
            if table in ("claims_fts", "article_fts")
            else connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            for table, order in TABLES.items()
        }
    finally:
        connection.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_file_recompiles_its_part_and_matches_a_compile_from_scratch(
    cli: Cli, corpus: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "json").code == 0
    edit(corpus / "1.toml", "Talks in Bishkek.", "Talks in Bishkek ended with a joint statement.")
    with monkeypatch.context() as patch:
        patch.setattr(corpusdb, "_built", lambda *a: pytest.fail("the whole corpus was compiled"))
        updated = cli(*data, "search", "statement", "-f", "plain", "--fields", "id")
    assert (updated.code, updated.out) == (0, "talks-1\n")
    # The superseded database is gone: one database and one stat map are left.
    [database] = entries(cache_dir, ".sqlite3")
    assert len(entries(cache_dir, ".files")) == 1
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("XDG_CACHE_HOME", str(fresh))
    assert cli(*data, "search", "statement", "-f", "plain", "--fields", "id").out == "talks-1\n"
    [scratch] = entries(fresh / "cstofacts", ".sqlite3")
    assert database.name == scratch.name  # the same content makes the same key
    assert rows(database) == rows(scratch)


def answers(cli: Cli, data: tuple[str, ...]) -> list[str]:
    """What a reader sees of a corpus: every claim in order, a search, counts by source."""
    results = [
        cli(*data, "list", "-f", "json"),
        cli(*data, "search", "talks", "-f", "json"),
        cli(*data, "stats", "--by", "source", "-f", "json"),
    ]
    assert all(r.code == 0 and r.out for r in results), results
    return [r.out for r in results]


def scratch(cli: Cli, data: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setenv("CSTOFACTS_NO_CACHE", "1")
        return answers(cli, data)


@pytest.mark.parametrize("name", ["3.toml", "0b.toml", "-first.toml"])
def test_a_file_added_to_the_folder_is_compiled_alone(
    cli: Cli, corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "json").code == 0
    (corpus / name).write_text(
        article("added", "Added", claim_toml("talks-added", date="2023", summary="Talks were added.")),
        encoding="utf-8",
    )
    with monkeypatch.context() as patch:
        patch.setattr(corpusdb, "_built", lambda *a: pytest.fail("the whole corpus was compiled"))
        updated = answers(cli, data)
    assert "talks-added" in updated[0]
    assert updated == scratch(cli, data, monkeypatch)
    assert len(entries(cache_dir, ".sqlite3")) == 1


def test_a_file_removed_from_the_folder_is_dropped_alone(
    cli: Cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "json").code == 0
    (corpus / "1.toml").unlink()
    with monkeypatch.context() as patch:
        patch.setattr(corpusdb, "_built", lambda *a: pytest.fail("the whole corpus was compiled"))
        updated = answers(cli, data)
    assert "talks-1" not in updated[0] and "talks-2" in updated[0]
    assert updated == scratch(cli, data, monkeypatch)


def test_an_added_file_that_declares_something_new_recompiles_the_whole_corpus(
    cli: Cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "json").code == 0
    added = article("added", "Added", claim_toml("talks-added", date="2023", summary="Talks were added."))
    (corpus / "3.toml").write_text(
        added.replace('adjectives = ["Kyrgyz"]', 'adjectives = ["Kyrgyz"]\naliases = ["Kirghizia"]'),
        encoding="utf-8",
    )
    found = cli(*data, "search", "Kirghizia", "-f", "plain", "--fields", "id")
    assert (found.code, found.out) == (0, "talks-1\n")  # a claim of another file
    assert answers(cli, data) == scratch(cli, data, monkeypatch)


def test_a_file_that_declares_something_new_recompiles_the_whole_corpus(cli: Cli, corpus: Path) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "search", "Kirghizia", "-f", "plain", "--fields", "id").code == 1
    # A new spelling declared in one file reaches the claims of every file.
    edit(corpus / "0.toml", 'adjectives = ["Kyrgyz"]', 'adjectives = ["Kyrgyz"]\naliases = ["Kirghizia"]')
    found = cli(*data, "search", "Kirghizia", "-f", "plain", "--fields", "id")
    assert (found.code, found.out) == (0, "talks-1\n")


def test_an_id_taken_from_another_file_is_reported_with_both_files(cli: Cli, corpus: Path) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "plain", "--fields", "id").code == 0
    edit(corpus / "2.toml", 'id = "drill-2"', 'id = "drill-0"')
    result = cli(*data, "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (3, "")
    line = (corpus / "2.toml").read_text(encoding="utf-8").splitlines().index('id = "drill-0"') + 1
    assert (
        result.err
        == f"cstofacts: {corpus / '2.toml'}:{line}: claim id 'drill-0' is also used in {corpus / '0.toml'}\n"
    )


def test_unchanged_files_are_not_read_and_a_touched_one_is_hashed_not_compiled(
    cli: Cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ("--data", str(corpus))
    past = 1_600_000_000_000_000_000  # long enough ago not to be racy
    for path in corpus.iterdir():
        os.utime(path, ns=(past, past))
    monkeypatch.setattr(statmap, "RACY_NS", -(10**20))  # the change times are recent: trust them anyway
    assert cli(*data, "list", "-f", "plain", "--fields", "id").code == 0
    hashed: list[str] = []
    real = corpusdb.digest_file
    monkeypatch.setattr(corpusdb, "digest_file", lambda path: hashed.append(path) or real(path))
    monkeypatch.setattr(corpusdb, "_built", lambda *a: pytest.fail("compiled again"))
    monkeypatch.setattr(corpusdb, "_updated", lambda *a: pytest.fail("compiled again"))
    assert (
        cli(*data, "list", "-f", "plain", "--fields", "id").out
        == "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n"
    )
    assert hashed == []
    os.utime(corpus / "1.toml", ns=(past + 10**9, past + 10**9))
    assert cli(*data, "list", "-f", "plain", "--fields", "id").code == 0
    assert hashed == [str(corpus / "1.toml")]
    assert cli(*data, "list", "-f", "plain", "--fields", "id").code == 0  # the new stat is recorded
    assert hashed == [str(corpus / "1.toml")]


def test_a_file_changed_just_before_it_was_hashed_is_hashed_again(cli: Cli, corpus: Path) -> None:
    data = ("--data", str(corpus))
    assert (
        cli(*data, "list", "-f", "plain", "--fields", "id").code == 0
    )  # the files were written a moment ago
    edit(corpus / "0.toml", "Talks in Minsk.", "Talks in Minsk went on.")
    # Same size or not, same second or not: the stat was never trusted, so the change is seen.
    assert cli(*data, "search", "went", "-f", "plain", "--fields", "id").out == "talks-0\n"


def test_a_damaged_stat_map_is_ignored(cli: Cli, corpus: Path, cache_dir: Path) -> None:
    data = ("--data", str(corpus))
    assert cli(*data, "list", "-f", "plain", "--fields", "id").code == 0
    [found] = entries(cache_dir, ".files")
    document = json.loads(found.read_text(encoding="ascii"))
    document["files"][0][2] = "0" * 64  # another digest, well formed: only the map's check can tell
    damaged = json.dumps(document).encode("ascii")
    assert statmap.parse(damaged) == []
    found.write_bytes(damaged)
    result = cli(*data, "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (0, "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n")


def test_show_reads_the_claim_s_own_article(cli: Cli, corpus: Path) -> None:
    shown = cli("--data", str(corpus), "show", "talks-2")
    assert shown.code == 0, shown.err
    assert 'stated_in\t¶1 of "Article 2"\n' in shown.out
    assert "source\tarticle-2\n" in shown.out


def test_a_temporary_directory_others_can_write_to_is_not_built_in(
    cli: Cli, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # anyone may rename what is in it: no sticky bit
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    result = cli("--data", str(corpus), "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (0, "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n")
    assert result.err == (
        f"cstofacts: not compiling in the temporary directory: {shared} is writable by others; compiling in memory\n"
    )
    assert list(shared.iterdir()) == []  # nothing left behind
    # The database compiled in memory was cached: the next run needs no temporary directory.
    again = cli("--data", str(corpus), "list", "-f", "plain", "--fields", "id")
    assert (again.code, again.out, again.err) == (0, result.out, "")


def test_a_corpus_with_an_untrusted_cache_is_compiled_and_said_so_once(
    cli: Cli, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_dir = tmp_path / "open"
    (open_dir / "deeper").mkdir(parents=True)
    open_dir.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(open_dir / "deeper"))
    result = cli("--data", str(corpus), "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (0, "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n")
    assert (
        result.err == f"cstofacts: not using the cache: {open_dir} is writable by others; working in memory\n"
    )
    assert list((open_dir / "deeper").iterdir()) == []


def test_no_temporary_directory_means_compiling_in_memory(
    cli: Cli, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    result = cli("--data", str(corpus), "list", "-f", "plain", "--fields", "id")
    assert (result.code, result.out) == (0, "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n")
    assert result.err == (
        "cstofacts: cannot make a temporary directory (No such file or directory); compiling in memory\n"
    )


def test_a_stat_taken_too_close_to_the_hashing_is_not_recorded(tmp_path: Path) -> None:
    from cstofacts.store.cache import Cache

    cache = Cache(tmp_path / "cache")
    path = tmp_path / "a.toml"
    path.write_text("x", encoding="utf-8")
    st = os.stat(path)
    changed = max(st.st_mtime_ns, st.st_ctime_ns)
    for now, recorded in ((changed + 1, None), (changed + statmap.RACY_NS, statmap.fingerprint(st))):
        statmap.write(cache, [str(tmp_path)], [str(path)], [st], ["a" * 64], now)
        assert statmap.read(cache, [str(tmp_path)]) == [statmap.Recorded(str(path), recorded, "a" * 64)]
