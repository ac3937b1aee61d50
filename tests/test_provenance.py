"""The two works behind the claims, as the compiled database and the accessor give them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import run

from cstofacts import provenance, store
from cstofacts.records import Source, Work

DATASET, _ = store.load(None)
REPORT_ID = "csto-adapts-to-global-changes"
BABAEV_ID = "babaev-allies-csto-2023-2025"


def test_the_works_table_has_one_row_per_work_with_what_the_report_states() -> None:
    compiled = store.open_store(None, use_cache=False)
    try:
        report, babaev = compiled.works
    finally:
        compiled.close()
    assert (report["id"], report["role"], report["reported_in"]) == (REPORT_ID, "report", None)
    assert (report["title"], report["author"], report["author_romanized"], report["section"]) == (
        "CSTO has proven its ability to adapt to changes in the global situation",
        "Арестова Татьяна",
        "Arestova Tatyana",
        "Politics",
    )
    assert (report["venue"], report["published"], report["paragraphs"]) == (None, None, 20)
    assert (report["author_titles"], report["described_in"]) == ([], [])  # lists, as for every work
    assert (babaev["id"], babaev["role"], babaev["reported_in"]) == (BABAEV_ID, "reported", REPORT_ID)
    assert (babaev["author"], babaev["author_titles"]) == (
        "Kirill Babaev",
        ["Doctor of Philological Sciences", "professor"],
    )
    assert babaev["author_post"] == (
        "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences"
    )
    assert (babaev["venue"], babaev["venue_type"], babaev["title"], babaev["published"]) == (
        "Allies. CSTO",
        "portal",
        None,
        None,
    )
    assert (babaev["period_start"], babaev["period_end"], babaev["voice"], babaev["described_in"]) == (
        "2023",
        "2025",
        "analyst",
        [1],
    )
    assert set(report) == set(babaev) == set(provenance.WORK_COLUMNS)


def test_rows_read_back_into_the_same_sources() -> None:
    rows = [provenance.from_sql(provenance.to_sql(row)) for row in provenance.work_rows(DATASET.sources)]
    bodies = {s.id: s.body for s in DATASET.sources}
    [again] = provenance.sources_from(rows, bodies)
    [source] = DATASET.sources
    assert again.record() == source.record()
    assert again.body == source.body


def test_a_claim_in_a_reported_works_voice_is_that_works_and_any_other_is_the_reports() -> None:
    [source] = DATASET.sources
    claims = {c.id: c for c in DATASET.claims}
    work = provenance.reported_work(claims["2022-turning-point"], source)
    assert work is not None and work.id == BABAEV_ID
    assert provenance.reported_work(claims["khujand-border-agreement-2025-03-31"], source) is None
    assert provenance.reported_work(claims["2022-turning-point"], Source(id="s", headline="h")) is None


def test_a_report_with_two_reported_works_keeps_both_in_order() -> None:
    source = Source(
        id="r",
        headline="H",
        reports=(Work(id="a", author="A", voice="analyst"), Work(id="b", author="B", voice="expert")),
    )
    rows = provenance.work_rows([source])
    assert [(r["id"], r["seq"], r["role"], r["reported_in"]) for r in rows] == [
        ("r", 0, "report", None),
        ("a", 1, "reported", "r"),
        ("b", 2, "reported", "r"),
    ]
    [again] = provenance.sources_from(rows, {})
    assert [w.id for w in again.reports] == ["a", "b"]
    assert again.voice("expert") is again.reports[1]


def test_a_report_that_states_its_venue_keeps_it() -> None:
    [row] = provenance.work_rows([Source(id="r", headline="H", venue="The Weekly", section="World")])
    assert (row["venue"], row["section"], row["author_titles"], row["described_in"]) == (
        "The Weekly",
        "World",
        [],
        [],
    )


def test_export_writes_the_works_table(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)}
    target = tmp_path / "claims.db"
    assert run("export", str(target), env=env).returncode == 0
    with sqlite3.connect(target) as db:
        rows = db.execute("SELECT id, role, reported_in, venue, author FROM works ORDER BY seq").fetchall()
        sources = {row[0] for row in db.execute("SELECT DISTINCT source FROM claims")}
    db.close()
    assert rows == [
        (REPORT_ID, "report", None, None, "Арестова Татьяна"),
        (BABAEV_ID, "reported", REPORT_ID, "Allies. CSTO", "Kirill Babaev"),
    ]
    assert sources == {REPORT_ID}
