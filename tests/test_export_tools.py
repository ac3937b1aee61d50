"""The exported database in the tools people open it with: Datasette and sqlite-utils, run for real.

Both tools are in the test extra. Their command lines run once each; the twenty searches use
their Python APIs, which are the same code the command lines call.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import bundled, run

BIN = Path(sys.executable).parent
# Plain words and names from the article's own vocabulary, chosen before the export was tried on
# them: events, topics, places, countries, organizations and people.
WORDS = (
    "border", "exercises", "peacekeeping", "meeting", "resolution", "security", "cooperation", "threats",
    "signed", "stability", "Khujand", "Minsk", "Kyrgyzstan", "Tajikistan", "Belarus", "UN",
    "United Nations", "SCO", "Tasmagambetov", "Dostuk",
)  # fmt: skip


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    result = run("export", str(folder / "claims.db"), cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "claims.db"


def cstofacts_ids(words: str) -> set[str]:
    result = run("search", words, "--fields", "id", "--format", "plain", "--limit", "1000")
    assert result.returncode in (0, 1), result.stderr
    return set(result.stdout.split())


def datasette_get(database: Path, path: str, *, metadata: bool = True) -> dict[str, object]:
    args = [tool("datasette"), str(database), "--get", path]
    if metadata:
        args[2:2] = ["-m", str(database.with_suffix(".metadata.json"))]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    value = json.loads(result.stdout)
    assert isinstance(value, dict)
    return value


def test_datasette_searches_the_claims_table_without_a_server(exported: Path) -> None:
    for metadata in (True, False):  # detected from the schema alone, and named in the metadata
        path = "/claims/claims.json?_search=border&_col=id&_size=100&_shape=objects"
        page = datasette_get(exported, path, metadata=metadata)
        rows = page["rows"]
        assert isinstance(rows, list)
        assert {row["id"] for row in rows} == cstofacts_ids("border")
        assert len(rows) == 4


def test_sqlite_utils_search_finds_what_cstofacts_finds(exported: Path) -> None:
    result = subprocess.run(
        [tool("sqlite-utils"), "search", str(exported), "claims", "Khujand", "-c", "id"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert {row["id"] for row in json.loads(result.stdout)} == cstofacts_ids("Khujand")


def multi_word_names(database: Path) -> set[str]:
    """The words of the declared names of more than one word, as the export's names column spells them."""
    with sqlite3.connect(database) as db:
        spellings = [
            s
            for table, columns in (("countries", "name, aliases"), ("organizations", "name, aliases"))
            for row in db.execute(f"SELECT {columns} FROM {table}")
            for s in [row[0], *json.loads(row[1])]
        ]
    db.close()
    return {w.casefold() for s in spellings if len(s.split()) > 1 for w in s.split()}


def test_datasette_and_sqlite_utils_agree_with_search_on_twenty_words(exported: Path) -> None:
    pytest.importorskip("sqlite_utils")
    datasette_app = pytest.importorskip("datasette.app")
    import sqlite_utils

    table = sqlite_utils.Database(exported)["claims"]
    instance = datasette_app.Datasette([str(exported)])

    async def datasette_ids(words: str) -> set[str]:
        response = await instance.client.get(
            "/claims/claims.json",
            params={"_search": words, "_col": "id", "_size": "max", "_shape": "objects"},
        )
        assert response.status_code == 200
        return {row["id"] for row in response.json()["rows"]}

    in_names = multi_word_names(exported)
    exact = 0
    for words in WORDS:
        expected = cstofacts_ids(words)
        assert expected, words
        found = {row["id"] for row in table.search(words, columns=["id"], limit=1000)}
        assert asyncio.run(datasette_ids(words)) == found, words
        if found == expected:
            exact += 1
            continue
        # A word of a longer name (Security, of Collective Security Treaty Organization) also
        # finds the claims of that name, as any indexed word does (README); nothing else differs.
        assert words.casefold() in in_names, words
        assert found >= expected, words
        with sqlite3.connect(exported) as db:
            for claim_id in found - expected:
                names = db.execute("SELECT names FROM claims WHERE id = ?", (claim_id,)).fetchone()[0]
                assert words.casefold() in names.casefold(), (words, claim_id)
        db.close()
    # The target is all twenty; "security" is the one word of a longer name that differs.
    assert exact >= 19


def test_list_columns_are_json_arrays_that_datasette_facets(exported: Path) -> None:
    page = datasette_get(exported, "/claims/claims.json?_facet_array=countries&_size=0")
    facets = page["facet_results"]
    assert isinstance(facets, dict)
    counts = {item["value"]: item["count"] for item in facets["countries"]["results"]}
    listed = run("list", "--format", "json").stdout
    expected: dict[str, int] = {}
    for record in json.loads(listed):
        for code in record["countries"]:
            expected[code] = expected.get(code, 0) + 1
    assert counts == expected
    with sqlite3.connect(exported) as db:
        row = db.execute(
            "SELECT countries, organizations, paragraphs, evidence FROM claims WHERE id = ?",
            ("khujand-border-agreement-2025-03-31",),
        ).fetchone()
    db.close()
    assert [json.loads(v) for v in row[:3]] == [["TJ", "KG", "UZ"], [], [13]]
    assert json.loads(row[3])[0]["paragraph"] == 13


def test_the_search_index_is_the_one_sqlite_utils_enable_fts_makes(exported: Path) -> None:
    import sqlite_utils

    table = sqlite_utils.Database(exported)["claims"]
    assert table.detect_fts() == "claims_fts"
    assert {t.name for t in table.triggers} == {"claims_ai", "claims_ad", "claims_au"}
    # The triggers keep it in step: a row changed by hand is found by its new words.
    table.update(1, {"summary": "A zeppelin over Khujand."})
    assert [r["id"] for r in table.search("zeppelin", columns=["id"])] == [table.get(1)["id"]]


def test_metadata_describes_the_data_for_a_reader(exported: Path) -> None:
    metadata = json.loads(exported.with_suffix(".metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"].startswith("cstofacts: CSTO has proven its ability")
    assert "Kirill Babaev" in metadata["source"]
    assert '"Allies. CSTO"' in metadata["source"]
    assert metadata["license"] == "MIT"
    tables = metadata["databases"]["claims"]["tables"]
    assert tables["claims"]["fts_table"] == "claims_fts"
    assert {"array": "countries"} in tables["claims"]["facets"]
    labels = {name: t["label_column"] for name, t in tables.items() if "label_column" in t}
    assert labels == {
        "claims": "id", "works": "id", "countries": "name", "organizations": "name", "places": "name",
        "people": "name", "categories": "name", "attributions": "name",
    }  # fmt: skip
    hidden = {"parts", "terms", "lexicon", "meta", "related", "english", "article_fts"}
    assert {name for name, t in tables.items() if t.get("hidden")} == hidden
    evidence = datasette_get(exported, "/claims/evidence.json?_size=1&_labels=on&_shape=objects")
    rows = evidence["rows"]
    assert isinstance(rows, list)
    assert rows[0]["claim"] == {"value": 1, "label": bundled()["claims"][0]["id"]}  # the first claim
    tables_page = datasette_get(exported, "/claims.json")
    shown = {t["name"] for t in tables_page["tables"] if not t["hidden"]}  # type: ignore[union-attr]
    assert "claims" in shown
    assert not shown & {"parts", "terms", "lexicon", "meta"}


def test_metadata_goes_where_asked_and_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target, elsewhere = tmp_path / "out.db", tmp_path / "about.json"
    result = run("export", str(target), "--metadata", str(elsewhere))
    assert result.returncode == 0, result.stderr
    assert json.loads(elsewhere.read_text(encoding="utf-8"))["databases"].keys() == {"out"}
    assert not (tmp_path / "out.metadata.json").exists()
    target.unlink()
    again = run("export", str(target), "--metadata", str(elsewhere))
    assert again.returncode == 2
    assert again.stderr == f"cstofacts: error: --metadata: {elsewhere} exists; give --force to replace it\n"
    assert not target.exists()


def test_another_dataset_states_no_licence(tmp_path: Path) -> None:
    from helpers import MINIMAL

    result = run("--data", str(MINIMAL), "export", str(tmp_path / "mine.db"))
    assert result.returncode == 0, result.stderr
    metadata = json.loads((tmp_path / "mine.metadata.json").read_text(encoding="utf-8"))
    assert "license" not in metadata
    assert metadata["source"].startswith('"')
