"""cstofacts.cli.commands.new, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

`new` names the user's paths and the article's own words on stderr: a tab reads as `\\t`, a long
path is cut to 80 characters, a headline or byline to 60 and a source id to 40, so each message
stays one readable line; and the command it suggests next quotes the file it wrote for the
shell, so that it runs as shown.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml, long_folder

if sys.version_info >= (3, 11):
    import tomllib
else:  # cstofacts depends on tomli before 3.11
    import tomli as tomllib

ARTICLE = (
    "Border talks resume after a quiet winter\n\nJane Holloway\nWorld\n\n"
    "Delegations from Kyrgyzstan met on March 4, 2025.\n"
)


def test_the_notes_show_a_tab_and_the_next_command_quotes_the_file(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(ARTICLE, "utf-8")
    result = cli("new", "article.txt", "-o", "my\tdraft one.toml")
    assert (result.code, result.out) == (0, "")
    assert (tmp_path / "my\tdraft one.toml").is_file()
    assert result.err.splitlines()[1:] == [
        "cstofacts: wrote my\\tdraft one.toml",
        "cstofacts: next: write each draft's summary in your own words, then: "
        "cstofacts --data 'my\\tdraft one.toml' validate",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "cannot read {}: No such file or directory"),
        ("empty.txt", b"", "{} holds no text"),
        ("latin1.txt", b"\xff\xfe caf\xe9", "{} is not UTF-8 text (byte 0)"),
        ("huge.txt", 17 * 2**20, "{} is over 16 MiB: not an article"),
    ],
)
def test_a_long_article_path_is_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path, name: str, content: bytes | int | None, message: str
) -> None:
    article = long_folder(tmp_path) / name
    if isinstance(content, bytes):
        article.write_bytes(content)
    elif isinstance(content, int):
        with open(article, "wb") as file:
            file.truncate(content)  # sparse: nothing is written
    result = cli("new", str(article))
    assert (result.code, result.out) == (2, "")
    shown = str(article)[:79] + "…"
    assert result.err == "cstofacts: error: ARTICLE.txt: " + message.format(shown) + "\n"


def test_a_long_output_path_that_exists_is_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, "utf-8")
    target = long_folder(tmp_path) / "draft.toml"
    target.write_bytes(b"")
    result = cli("new", str(tmp_path / "article.txt"), "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert (
        result.err == f"cstofacts: error: --output: {str(target)[:79]}… exists; give --force to replace it\n"
    )
    assert target.read_bytes() == b""


def test_a_long_source_id_is_cut_to_forty_characters(cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, "utf-8")
    wrong = "Border-Talks-" * 5
    result = cli("new", str(tmp_path / "article.txt"), "--source-id", wrong)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"cstofacts: error: --source-id: '{wrong[:39]}…' is not lowercase letters, digits and hyphens\n"
    )


def test_a_long_headline_and_byline_are_cut_to_sixty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, "utf-8")
    headline = "Border talks resume " * 4
    byline = "Jane Holloway and " * 5
    result = cli(
        "new", str(tmp_path / "article.txt"), "--headline", headline, "--byline", byline, "--section", ""
    )
    assert result.code == 0
    assert result.err.splitlines()[0] == (
        f"cstofacts: '{headline[:59]}…' (byline '{byline[:59]}…', no section): 1 paragraph, 1 draft claim"
    )


def test_a_place_whose_name_holds_brackets_is_a_drafts_location_where_written(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    vocabulary = tmp_path / "vocabulary.toml"
    place = '[places.Minsk]\ncountry = "BY"'
    vocabulary.write_text(
        HEAD.replace(place, place + '\n\n[places."Osh (city)"]\ncountry = "KG"') + claim_toml("talks"),
        "utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("Border talks resume\n\nDelegations met in Osh (city) on March 4, 2025.\n", "utf-8")
    result = cli("new", str(article), "--vocabulary", str(vocabulary))
    assert result.code == 0
    draft = tomllib.loads(result.out)
    assert [c.get("location") for c in draft["claims"]] == ["Osh (city)"]
    assert draft["places"]["Osh (city)"]["country"] == "KG"


def test_a_russian_place_and_a_role_holding_brackets_are_found_as_written(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    declared = (
        '\n[places."Ош (город)"]\ncountry = "KG"\n\n'
        '[people.jane-holloway]\nname = "Jane Holloway"\nroles = ["director (acting)"]\n\n[[sources]]'
    )
    vocabulary = tmp_path / "vocabulary.toml"
    vocabulary.write_text(HEAD.replace("[[sources]]", declared) + claim_toml("talks"), "utf-8")
    article = tmp_path / "article.txt"
    article.write_text(
        "Border talks resume\n\nДелегации встретились в Ош (город) 4 марта 2025 года.\n\n"
        "Jane Holloway, director (acting), met them on March 4, 2025.\n",
        "utf-8",
    )
    result = cli("new", str(article), "--vocabulary", str(vocabulary))
    assert result.code == 0
    draft = tomllib.loads(result.out)
    assert list(draft["places"]) == ["Ош (город)"]
    assert draft["people"]["jane-holloway"]["roles"] == ["director (acting)"]
    assert draft["claims"][0]["location"] == "Ош (город)"


def test_the_next_command_is_never_cut_so_it_runs_as_shown(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, "utf-8")
    target = long_folder(tmp_path) / "my draft.toml"
    result = cli("new", str(tmp_path / "article.txt"), "-o", str(target))
    assert result.code == 0, result.err
    shown = shlex.quote(str(target))
    assert len(shown) > 80
    assert result.err.splitlines()[-1].endswith(f"then: cstofacts --data {shown} validate")
    assert shlex.split(result.err.splitlines()[-1].split("then: ", 1)[1])[2] == str(target)
