"""cstofacts.cli.commands.export, pinned where mutation testing found the suite silent (docs/testing.md).

The paths export names in its notes and errors come from the user, and may hold anything a
file name can: control characters are shown as visible escapes, never sent to the terminal.
A --metadata that names the database itself is refused in words that name the option; the
note of the metadata written shows a path of 400 characters whole; and the metadata names the
database as Datasette does, by its file name without the extension.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, long_folder

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_the_notes_show_a_hostile_file_name_escaped(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "a\x1b[31mb.db"
    result = cli("export", str(target))
    assert (result.code, result.out) == (0, "")
    shown = str(target).replace("\x1b", "\\x1b")
    assert result.err == (
        f"cstofacts: wrote {shown}: 46 claims\n"
        f"cstofacts: wrote {shown.removesuffix('.db')}.metadata.json: metadata for datasette -m\n"
    )
    assert target.exists()


def test_the_errors_show_a_hostile_file_name_escaped(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "a\x1b[31mb.db"
    target.write_bytes(b"")
    result = cli("export", str(target))
    assert (result.code, result.out) == (2, "")
    assert RAW.search(result.err) is None
    assert "a\\x1b[31mb.db exists; give --force to replace it" in result.err
    missing = tmp_path / "no\x1bdir" / "x.db"
    result = cli("export", str(missing))
    assert result.code == 2  # refused before anything is written (tests/test_export_paths.py)
    assert RAW.search(result.err) is None
    assert "no\\x1bdir" in result.err


def test_a_long_path_is_cut_to_eighty_characters_in_an_error(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    folder = long_folder(tmp_path)
    target = folder / "claims.db"
    target.write_bytes(b"")
    result = cli("export", str(target))
    assert (result.code, result.out) == (2, "")
    assert (
        result.err == f"cstofacts: error: PATH.db: {str(target)[:79]}… exists; give --force to replace it\n"
    )
    result = cli("export", str(folder / "missing" / "x.db"))
    assert result.code == 2
    assert result.err == (
        f"cstofacts: error: PATH.db: there is no folder {str(folder / 'missing')[:79]}… to write into\n"
    )


def test_each_claim_s_evidence_is_exported_as_the_dataset_gives_it(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    import json
    import sqlite3

    from helpers import bundled

    out = tmp_path / "claims.db"
    assert cli("export", str(out)).code == 0
    with sqlite3.connect(out) as db:
        exported = {i: json.loads(e) for i, e in db.execute("SELECT id, evidence FROM claims")}
    db.close()
    expected = {c["id"]: [{"paragraph": e["paragraph"], "quote": e["quote"]} for e in c["evidence"]]
                for c in bundled()["claims"]}  # fmt: skip
    assert exported == expected


@pytest.mark.parametrize("target", ["-", "", "  ", "nothere/"])
def test_a_target_that_is_no_file_is_refused_before_anything_is_written(
    cli: Callable[..., Result], target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", target)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "cstofacts: error: PATH.db: export writes a database file; give its path, such as claims.db\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_names_column_spells_a_person_named_by_name_or_by_role(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """store/sql/export.py: a person is indexed under one tag where named, another where only
    their role is; the export spells both."""
    import sqlite3

    from helpers import HEAD, claim_toml

    person = '[people.ivanov]\nname = "Ivan Ivanov"\naliases = []\nroles = ["the envoy"]\n\n[[sources]]'
    data = tmp_path / "claims.toml"
    data.write_text(
        HEAD.replace("[[sources]]", person)
        + claim_toml("talks-named", summary="Ivan Ivanov led the talks.")
        + claim_toml("talks-role", summary="The envoy led the talks.")
        + claim_toml("talks-none", summary="The talks ended."),
        encoding="utf-8",
    )
    out = tmp_path / "claims.db"
    assert cli("--data", str(data), "export", str(out)).code == 0
    with sqlite3.connect(out) as db:
        names = dict(db.execute("SELECT id, names FROM claims"))
    db.close()
    spelled = "Ivan Ivanov (the envoy)"
    assert names == {"talks-named": spelled, "talks-role": spelled, "talks-none": ""}


def test_metadata_that_would_replace_the_database_is_refused_by_name(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", "x.db", "--metadata", "x.db")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: --metadata: the metadata would replace the database: give --metadata another file\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_metadata_path_of_400_characters_is_noted_whole(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ("d" * 200)).mkdir()
    described = "d" * 200 + "/" + "m" * 194 + ".json"
    assert len(described) == 400
    result = cli("export", "mine.db", "--metadata", described)
    assert (result.code, result.out) == (0, "")
    assert result.err.splitlines()[-1] == f"cstofacts: wrote {described}: metadata for datasette -m"


def test_the_metadata_describes_the_database_by_its_file_name(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Datasette names a database by its file name without the extension: mine.db is "mine".
    monkeypatch.chdir(tmp_path)
    result = cli("export", "mine.db")
    assert result.code == 0, result.err
    about = json.loads((tmp_path / "mine.metadata.json").read_text(encoding="utf-8"))
    assert list(about["databases"]) == ["mine"]


def test_the_names_column_spells_each_entity_of_a_claim_its_place_too(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """store/sql/export.py and store/export.py: every entity a claim involves is spelled, each
    with its other spellings, one after another with "; ": a place as well as a country."""
    import sqlite3

    from helpers import HEAD, claim_toml

    data = tmp_path / "claims.toml"
    data.write_text(
        HEAD.replace(
            '[places.Minsk]\ncountry = "BY"\n', '[places.Minsk]\ncountry = "BY"\naliases = ["Менск"]\n'
        )
        + claim_toml(
            "talks-minsk", summary="Talks were held in Minsk.", location="Minsk", organizations=["UN"]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "claims.db"
    assert cli("--data", str(data), "export", str(out)).code == 0, "export"
    with sqlite3.connect(out) as db:
        ((names,),) = db.execute("SELECT names FROM claims")
    db.close()
    assert sorted(names.split("; ")) == [
        "Belarus (BY, BLR, Belarusian)",
        "Minsk (Менск)",
        "UN (United Nations, ООН)",
    ]
