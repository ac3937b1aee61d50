"""A corpus: --data names a directory of dataset files (or repeats), one article each, read as one.

The articles here are written by the tests: two small datasets of the test vocabulary, each its
own source, and the bundled one beside them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml, run

from cstofacts.store.reader import bundled_bytes

Cli = Callable[..., Result]


def article(source: str, headline: str, *claims: str) -> str:
    """A dataset of the test vocabulary whose one source is `source`."""
    head = HEAD.replace('id = "doc"', f'id = "{source}"').replace("A test document", headline)
    return head + "".join(claim.replace('source = "doc"', f'source = "{source}"') for claim in claims)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "minsk.toml").write_text(
        article(
            "minsk-talks",
            "Talks in Minsk",
            claim_toml(
                "minsk-talks-2024", date="2024", countries=["BY"], summary="Talks were held in Minsk."
            ),
            claim_toml("minsk-drill-2023", date="2023", category="exercise", summary="A drill took place."),
        ),
        encoding="utf-8",
    )
    (folder / "un.toml").write_text(
        article(
            "un-resolution",
            "A resolution at the UN",
            claim_toml("un-vote-2024", date="2024", organizations=["UN"], summary="The UN voted on a text."),
        ),
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not a dataset: only *.toml files are read\n", encoding="utf-8")
    (folder / ".hidden.toml").write_text("not = [valid", encoding="utf-8")  # hidden files are skipped
    return folder


def listed(result: Result) -> list[dict[str, object]]:
    assert result.code == 0, result.err
    return list(json.loads(result.out))


def test_a_directory_is_a_corpus_of_its_articles(cli: Cli, corpus: Path) -> None:
    rows = listed(cli("--data", str(corpus), "list", "--format", "json", "--fields", "id,source"))
    assert rows == [
        {"id": "minsk-drill-2023", "source": "minsk-talks"},
        {"id": "minsk-talks-2024", "source": "minsk-talks"},
        {"id": "un-vote-2024", "source": "un-resolution"},
    ]
    assert cli("--data", str(corpus), "validate").out == f"{corpus}: ok, 3 claims, 2 sources\n"


def test_repeated_data_and_the_environment_name_a_corpus_too(cli: Cli, corpus: Path) -> None:
    both = cli("--data", str(corpus / "un.toml"), "--data", str(corpus / "minsk.toml"), "list", "-f", "json")
    # Files in the order given: of two claims of 2024, un.toml's comes first.
    assert [r["id"] for r in listed(both)] == ["minsk-drill-2023", "un-vote-2024", "minsk-talks-2024"]
    result = run("list", "--fields", "id", env={"CSTOFACTS_DATA": str(corpus)})
    assert result.stdout.split() == ["minsk-drill-2023", "minsk-talks-2024", "un-vote-2024"]


def test_source_filters_counts_and_lists(cli: Cli, corpus: Path) -> None:
    data = ("--data", str(corpus))
    only = listed(cli(*data, "list", "--source", "UN-RESOLUTION", "--format", "json", "--fields", "id"))
    assert only == [{"id": "un-vote-2024"}]
    counted = cli(*data, "stats", "--by", "source", "--format", "plain").out
    assert counted == "minsk-talks\t2\tTalks in Minsk\nun-resolution\t1\tA resolution at the UN\n"
    wrong = cli(*data, "list", "--source", "minsk")
    assert (wrong.code, wrong.out) == (2, "")
    assert "--source: unknown source 'minsk'" in wrong.err
    shown = cli(*data, "source", "un-resolution", "--format", "plain").out
    assert "headline\tA resolution at the UN\n" in shown and "Talks in Minsk" not in shown
    assert cli(*data, "search", "drill", "--source", "un-resolution").code == 1


def test_read_names_the_article_first_in_a_corpus(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "bundled.toml").write_bytes(bundled_bytes())
    shutil.copy(Path(__file__).parent / "data" / "minimal.toml", folder / "minimal.toml")
    data = ("--data", str(folder))
    unnamed = cli(*data, "read", "13")
    assert unnamed.code == 2
    assert unnamed.err == (
        "cstofacts: error: SOURCE: the corpus has 2 sources; name one first: "
        "csto-adapts-to-global-changes, doc\n"
    )
    third = cli(*data, "read", "doc", "3", "--format", "plain")
    assert third.out.startswith("3\tIn 2024 the sides met often.")
    assert cli(*data, "read", "csto-adapts-to-global-changes", "13", "-f", "plain").out.startswith("13\t")


def test_a_claim_id_used_by_two_articles_names_both_files(cli: Cli, corpus: Path) -> None:
    (corpus / "zz.toml").write_text(
        article("another", "Another", claim_toml("un-vote-2024", date="2024")), encoding="utf-8"
    )
    result = cli("--data", str(corpus), "list")
    assert (result.code, result.out) == (3, "")
    zz = corpus / "zz.toml"
    line = zz.read_text(encoding="utf-8").splitlines().index('id = "un-vote-2024"') + 1
    assert f"{zz}:{line}: claim id 'un-vote-2024' is also used in {corpus / 'un.toml'}" in result.err


def test_a_name_declared_two_ways_is_an_error_and_other_spellings_are_pooled(cli: Cli, corpus: Path) -> None:
    text = article("belarus-news", "News", claim_toml("belarus-news-2024", date="2024", countries=["BY"]))
    (corpus / "spelling.toml").write_text(
        text.replace('adjectives = ["Belarusian"]', 'adjectives = ["Belarusian"]\naliases = ["Byelorussia"]'),
        encoding="utf-8",
    )
    pooled = listed(
        cli("--data", str(corpus), "list", "--country", "Byelorussia", "-f", "json", "--fields", "id")
    )
    assert pooled == [{"id": "minsk-talks-2024"}, {"id": "belarus-news-2024"}]
    (corpus / "spelling.toml").write_text(
        text.replace('name = "Belarus"', 'name = "Belorussia"'), encoding="utf-8"
    )
    clash = cli("--data", str(corpus), "list")
    assert clash.code == 3
    assert (
        f"{corpus / 'spelling.toml'}: [countries.BY] gives name 'Belorussia', where {corpus / 'minsk.toml'}"
        " gives 'Belarus'"
    ) in clash.err


def test_every_file_s_problems_are_reported_at_once(cli: Cli, corpus: Path) -> None:
    (corpus / "minsk.toml").write_text("schema = 3\n[categories\n", encoding="utf-8")
    (corpus / "un.toml").write_text("schema = 3\n", encoding="utf-8")
    result = cli("--data", str(corpus), "validate")
    assert result.code == 3
    assert str(corpus / "minsk.toml") in result.err and str(corpus / "un.toml") in result.err


def test_a_changed_file_makes_a_new_compile_and_an_empty_directory_is_refused(
    cli: Cli, corpus: Path, tmp_path: Path
) -> None:
    data = ("--data", str(corpus))
    assert len(listed(cli(*data, "list", "-f", "json"))) == 3
    (corpus / "un.toml").unlink()
    assert len(listed(cli(*data, "list", "-f", "json"))) == 2  # the cache is keyed by every file
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = cli("--data", str(empty), "list")
    assert (refused.code, refused.err) == (3, f"cstofacts: --data {empty}: holds no dataset files (*.toml)\n")


@pytest.mark.parametrize(
    ("declared", "changed", "clash"),
    [
        (
            'name = "United Nations"',
            'name = "The United Nations"',
            "[organizations.UN] gives name 'The United Nations', where {} gives 'United Nations'",
        ),
        (
            '[places.Minsk]\ncountry = "BY"',
            '[places.Minsk]\ncountry = "KG"',
            "[places.Minsk] gives country 'KG', where {} gives 'BY'",
        ),
    ],
)
def test_an_organization_or_place_declared_two_ways_names_the_files(
    cli: Cli, corpus: Path, declared: str, changed: str, clash: str
) -> None:
    text = article("other", "Other", claim_toml("other-2024", date="2024"))
    assert declared in text
    (corpus / "other.toml").write_text(text.replace(declared, changed), encoding="utf-8")
    result = cli("--data", str(corpus), "list")
    assert (result.code, result.out) == (3, "")
    assert f"{corpus / 'other.toml'}: {clash.format(corpus / 'minsk.toml')}" in result.err


def test_a_file_named_twice_is_read_once(cli: Cli, corpus: Path) -> None:
    # The same file by two spellings, and a folder with a file of it named again: no file clashes
    # with itself, and the order is that of each file's first naming.
    minsk = corpus / "minsk.toml"
    twice = cli("--data", str(minsk), "--data", str(corpus / "." / "minsk.toml"), "list", "-f", "json")
    assert [r["id"] for r in listed(twice)] == ["minsk-drill-2023", "minsk-talks-2024"]
    named = cli("--data", str(corpus / "un.toml"), "--data", str(corpus), "list", "-f", "json")
    assert [r["id"] for r in listed(named)] == ["minsk-drill-2023", "un-vote-2024", "minsk-talks-2024"]
    assert cli("--data", str(corpus), "--data", str(minsk), "validate").out == (
        f"{corpus} + {minsk}: ok, 3 claims, 2 sources\n"
    )
