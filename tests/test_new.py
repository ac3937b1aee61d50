"""`cstofacts new`: a dataset for a new article, drafted from its plain text, and draft claims.

The two articles below are written for these tests (an English one and a Russian one); they name
countries, organizations and a place the bundled vocabulary declares.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import Result, bundled, claim_toml, dataset_text, ids, run

from cstofacts import drafting

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

Cli = Callable[..., Result]

ENGLISH_PARAGRAPHS = [
    "Delegations from Kyrgyzstan and Tajikistan met again on March 4, 2025, to review the "
    "water-sharing plan drafted last autumn. The talks lasted two days.",
    "The plan itself dates from 2024. Its authors hoped for a signature in May 2025, "
    "but the schedule slipped.",
    "- a joint survey of the upper valley;",
    "- a hotline between the two border services;",
    "- shared maintenance of 12 irrigation canals.",
    "Observers from the CSTO and the UN attended as guests. A further round is expected in Minsk.",
    "Nobody expects quick results. Yet the mood among the delegates was calm and businesslike.",
]
ENGLISH = "Border talks resume after a quiet winter\n\nJane Holloway\nWorld\n\n" + "\n\n".join(
    ENGLISH_PARAGRAPHS
)
RUSSIAN_PARAGRAPHS = [
    "Делегации Киргизии и Таджикистана снова встретились в Минске 4 марта 2025 года. "
    "Встреча длилась два дня.",
    "План совместного использования воды подготовлен ещё в 2024 году. Его обсуждение заняло "
    "несколько месяцев.",
    "Наблюдатели от ОДКБ и ООН присутствовали на встрече как гости. Следующий раунд пройдёт позже.",
]
RUSSIAN = "Переговоры о воде продолжатся весной\n\nИван Петров\nПолитика\n\n" + "\n\n".join(
    RUSSIAN_PARAGRAPHS
)
ARTICLES = {"english": (ENGLISH, ENGLISH_PARAGRAPHS), "russian": (RUSSIAN, RUSSIAN_PARAGRAPHS)}
HEADERS = {
    "english": ("Border talks resume after a quiet winter", "Jane Holloway", "World"),
    "russian": ("Переговоры о воде продолжатся весной", "Иван Петров", "Политика"),
}


def drafted(cli: Cli, tmp_path: Path, language: str, *options: str) -> tuple[Path, dict[str, Any], Result]:
    """Draft the language's article with `cstofacts new`: the file, its parsed TOML and the run."""
    article = tmp_path / f"{language}.txt"
    article.write_text(ARTICLES[language][0], encoding="utf-8")
    out = tmp_path / f"{language}.toml"
    result = cli("new", str(article), "-o", str(out), *options)
    assert result.code == 0, result.err
    return out, tomllib.loads(out.read_text(encoding="utf-8")), result


def sentences(text: str) -> list[str]:
    return [s for paragraph in text.split("\n\n") for s in drafting.sentences(paragraph)]


@pytest.mark.parametrize("language", list(ARTICLES))
def test_the_header_is_recognised_and_paragraphs_are_numbered_and_kept_word_for_word(
    cli: Cli, tmp_path: Path, language: str
) -> None:
    out, data, result = drafted(cli, tmp_path, language)
    [source] = data["sources"]
    assert (source["headline"], source["byline"], source["section"]) == HEADERS[language]
    paragraphs = ARTICLES[language][1]
    assert source["body"] == paragraphs
    for number, paragraph in enumerate(paragraphs, start=1):
        read = cli("--data", str(out), "read", str(number))
        assert (read.code, read.out) == (0, f"{number}\t{paragraph}\n")
    assert f"{len(paragraphs)} paragraphs, {len(data['claims'])} draft claims" in result.err


@pytest.mark.parametrize("language", list(ARTICLES))
def test_every_draft_quotes_a_sentence_of_its_paragraph_verbatim(
    cli: Cli, tmp_path: Path, language: str
) -> None:
    _, data, _ = drafted(cli, tmp_path, language)
    body = data["sources"][0]["body"]
    assert data["claims"]
    for claim in data["claims"]:
        assert claim["draft"] is True
        [evidence] = claim["evidence"]
        assert claim["paragraphs"] == [evidence["paragraph"]]
        assert evidence["quote"] in body[evidence["paragraph"] - 1]
        assert evidence["quote"] in sentences(ARTICLES[language][0])


def test_what_makes_a_draft_a_date_a_number_or_a_declared_name(cli: Cli, tmp_path: Path) -> None:
    _, data, _ = drafted(cli, tmp_path, "english")
    quotes = [c["evidence"][0]["quote"] for c in data["claims"]]
    assert quotes == [
        "Delegations from Kyrgyzstan and Tajikistan met again on March 4, 2025, to review the "
        "water-sharing plan drafted last autumn.",
        "The talks lasted two days.",  # a number in words
        "The plan itself dates from 2024.",
        "Its authors hoped for a signature in May 2025, but the schedule slipped.",
        "a hotline between the two border services;",  # the bullet is not part of the sentence
        "shared maintenance of 12 irrigation canals.",
        "Observers from the CSTO and the UN attended as guests.",
        "A further round is expected in Minsk.",  # a declared place
    ]
    first, *_, minsk = data["claims"]
    assert (first["countries"], first["organizations"]) == (["KG", "TJ"], [])
    assert data["claims"][6]["organizations"] == ["CSTO", "UN"]
    assert minsk["location"] == "Minsk" and minsk["countries"] == []
    # What the article names is declared, with the country its place lies in.
    assert set(data["countries"]) == {"KG", "TJ", "BY"}
    assert set(data["organizations"]) == {"CSTO", "UN"}
    assert set(data["places"]) == {"Minsk"}


def test_dates_are_as_precise_as_written(cli: Cli, tmp_path: Path) -> None:
    _, data, _ = drafted(cli, tmp_path, "english")

    def dated(opening: str) -> tuple[str | None, str | None]:
        [claim] = [c for c in data["claims"] if c["evidence"][0]["quote"].startswith(opening)]
        return claim.get("date"), claim.get("date_basis")

    assert dated("Delegations") == ("2025-03-04", "stated")  # "on March 4, 2025": a day
    assert dated("The plan") == ("2024", "stated")  # "from 2024": a year stays a year
    assert dated("Its authors") == ("2025-05", "stated")  # "in May 2025": a month
    assert dated("The talks") == dated("Observers") == (None, None)
    assert not any("end_date" in c for c in data["claims"])


def test_a_span_of_years_is_a_date_and_an_end_date() -> None:
    assert drafting.written_date("Talks held in 2024-2025 led nowhere.") == ("2024", "2025")
    assert drafting.written_date("The talks of 2023 set a plan for 2026-2030.") == ("2023", None)
    assert drafting.written_date("Signed on March 31, 2025 under the 2024 plan.") == ("2025-03-31", None)
    assert drafting.written_date("Signed on 2025-02-30, they say.") is None  # no such day
    assert drafting.written_date("On November 18, the assembly voted.") is None  # no year: not drafted


def test_russian_names_in_any_case_form_and_ids_in_ascii(cli: Cli, tmp_path: Path) -> None:
    _, data, _ = drafted(cli, tmp_path, "russian")
    first, second, third, fourth = data["claims"]
    assert first["countries"] == ["KG", "TJ"]  # Киргизии, Таджикистана
    assert "location" not in first  # "в Минске" is not the place's declared name as written
    # the lint (store/written.py) reads a Russian month in any case: "4 марта 2025 года" is a day
    assert (first["date"], second.get("date"), third["date"]) == ("2025-03-04", None, "2024")
    assert fourth["organizations"] == ["CSTO", "UN"]  # ОДКБ, ООН
    assert set(data["places"]) == {"Minsk"}
    for claim in data["claims"]:
        assert claim["id"].isascii()
    assert first["id"] == "delegatsii-kirgizii-tadzhikistana-snova-2025-03-04"


@pytest.mark.parametrize("language", list(ARTICLES))
def test_a_summary_is_a_placeholder_never_a_sentence_of_the_article(
    cli: Cli, tmp_path: Path, language: str
) -> None:
    _, data, _ = drafted(cli, tmp_path, language)
    article = ARTICLES[language][0]
    for claim in data["claims"]:
        summary = claim["summary"]
        assert summary == f"draft: summarise ¶{claim['paragraphs'][0]} in your own words"
        assert summary not in article
        assert all(summary not in s and s not in summary for s in sentences(article))


@pytest.mark.parametrize("language", list(ARTICLES))
def test_the_draft_validates_with_one_warning_per_draft(cli: Cli, tmp_path: Path, language: str) -> None:
    out, data, _ = drafted(cli, tmp_path, language)
    result = run("--data", str(out), "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{out}: ok, {len(data['claims'])} claims, 1 source\n"
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(data["claims"])
    for claim, warning in zip(data["claims"], warnings, strict=True):
        assert warning.startswith(f"cstofacts: {out}:")
        assert warning.endswith(f"claim {claim['id']!r} is a draft: review it and remove `draft = true`")


def test_lookups_hide_drafts_unless_asked(cli: Cli, tmp_path: Path) -> None:
    out, data, _ = drafted(cli, tmp_path, "english")
    every = [c["id"] for c in data["claims"]]
    hidden = cli("--data", str(out), "list")
    assert (hidden.code, hidden.out) == (1, "")
    assert (
        hidden.err == "cstofacts: only draft claims match; --drafts shows them\ncstofacts: no claims match\n"
    )
    shown = cli("--data", str(out), "list", "--drafts", "--sort", "id")
    assert (shown.code, ids(shown)) == (0, sorted(every))
    assert ids(cli("--data", str(out), "list", "--drafts", "--year", "2025")) == every[:1] + every[3:4]


def test_every_lookup_hides_a_draft_and_show_finds_it_by_id(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mixed.toml"
    path.write_text(
        dataset_text(
            claim_toml("kept", date="2024", summary="Claim kept about the border."),
            claim_toml("drafted", date="2025", summary="Claim drafted about the border.", draft=True),
        ),
        encoding="utf-8",
    )
    data = ("--data", str(path))
    for command in (("list",), ("search", "border"), ("timeline",)):
        assert ids(cli(*data, *command)) == ["kept"], command
        assert ids(cli(*data, *command, "--drafts")) == ["kept", "drafted"], command
    assert cli(*data, "stats", "--by", "year").out == "2024\t1\n"
    assert cli(*data, "stats", "--by", "year", "--drafts").out == "2024\t1\n2025\t1\n"
    assert ids(cli(*data, "ask", "which", "meetings", "were", "held")) == ["kept"]
    asked = run(*data, "ask", "--drafts", "--explain", "which", "meetings", "were", "held")
    assert asked.stdout.splitlines()[1].startswith("drafted\t")
    assert "read as: cstofacts list --category meeting --drafts" in asked.stderr
    shown = cli(*data, "show", "drafted")
    assert (shown.code, shown.out.splitlines()[0]) == (0, "id\tdrafted")


def test_draft_must_be_true_or_false(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(dataset_text(claim_toml("a", draft="yes")), encoding="utf-8")
    result = cli("--data", str(path), "validate")
    assert result.code == 3
    assert "claim 'a': 'draft' must be true or false, not a string" in result.err


def test_it_never_overwrites_a_file_without_force(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.toml"
    out.write_text("mine\n", encoding="utf-8")
    refused = cli("new", str(article), "-o", str(out))
    assert refused.code == 2
    assert refused.err == f"cstofacts: error: --output: {out} exists; give --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = cli("new", str(article), "-o", str(out), "--force")
    assert forced.code == 0
    assert tomllib.loads(out.read_text(encoding="utf-8"))["sources"][0]["body"] == ENGLISH_PARAGRAPHS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "out.toml"]


@pytest.mark.parametrize("existing", [True, False])
def test_a_failed_write_leaves_no_partial_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.toml"
    if existing:
        out.write_text("mine\n", encoding="utf-8")

    def no_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_disk)  # the dataset is written in full, then the disk fails
    result = cli("new", str(article), "-o", str(out), "--force")
    assert result.code == 74
    assert result.err == f"cstofacts: error: cannot write {out}: No space left on device\n"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == (["article.txt", "out.toml"] if existing else ["article.txt"])
    if existing:
        assert out.read_text(encoding="utf-8") == "mine\n"


def test_without_output_the_dataset_goes_to_stdout_and_the_next_step_to_stderr(
    cli: Cli, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("new", str(article))
    assert result.code == 0
    assert tomllib.loads(result.out)["sources"][0]["body"] == ENGLISH_PARAGRAPHS
    assert result.err.splitlines() == [
        "cstofacts: 'Border talks resume after a quiet winter' (byline 'Jane Holloway', section 'World'): "
        "7 paragraphs, 8 draft claims",
        "cstofacts: next: save it as a file, write each draft's summary in your own words, then: "
        "cstofacts --data FILE.toml validate",
    ]


def test_options_take_the_place_of_the_header_as_recognised(cli: Cli, tmp_path: Path) -> None:
    _, data, _ = drafted(
        cli,
        tmp_path,
        "english",
        "--headline",
        "Water talks",
        "--byline",
        "",
        "--section",
        "Asia",
        "--source-id",
        "water",
    )
    [source] = data["sources"]
    assert (source["id"], source["headline"], source.get("byline"), source["section"]) == (
        "water",
        "Water talks",
        None,
        "Asia",
    )
    assert {c["source"] for c in data["claims"]} == {"water"}


def test_a_missing_byline_and_section_are_asked_for_on_a_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    article = tmp_path / "article.txt"
    article.write_text("Quiet talks\n\n" + "\n\n".join(ENGLISH_PARAGRAPHS), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", Terminal("Jane Holloway\n\n"))
    out = tmp_path / "out.toml"
    result = cli("new", str(article), "-o", str(out))
    assert result.code == 0, result.err
    [source] = tomllib.loads(out.read_text(encoding="utf-8"))["sources"]
    assert (source["byline"], source.get("section"), source["body"]) == (
        "Jane Holloway",
        None,
        ENGLISH_PARAGRAPHS,
    )
    assert "Byline as printed (Enter for none):" in result.err


def test_without_a_terminal_nothing_is_asked_and_nothing_made_up(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Quiet talks\n\n" + "\n\n".join(ENGLISH_PARAGRAPHS), encoding="utf-8")
    result = run("new", str(article), stdin="")
    assert result.returncode == 0
    [source] = tomllib.loads(result.stdout)["sources"]
    assert "byline" not in source and "section" not in source
    assert "(no byline, no section)" in result.stderr


def test_the_vocabulary_can_come_from_another_dataset(cli: Cli, tmp_path: Path) -> None:
    vocabulary = tmp_path / "vocabulary.toml"
    vocabulary.write_text(dataset_text(claim_toml("a")), encoding="utf-8")  # declares KG and BY, not TJ
    _, data, _ = drafted(cli, tmp_path, "english", "--vocabulary", str(vocabulary))
    assert data["claims"][0]["countries"] == ["KG"]
    assert set(data["countries"]) == {"KG", "BY"}


def test_a_page_header_and_its_furniture_are_not_paragraphs() -> None:
    page = (
        "A headline\n\nИван Петров Politics\nVK X OK WhatsApp Telegram\n\n\nFirst paragraph, as a\n"
        "hard-wrapped block.\n- one item;\n- another item.\nVK X OK WhatsApp Telegram\n\nRead also:\n\n"
        "Write a comment:\n"
    )
    article = drafting.read(page)
    assert (article.headline, article.byline, article.section) == ("A headline", "Иван Петров", "Politics")
    assert article.body == ("First paragraph, as a hard-wrapped block.", "- one item;", "- another item.")


def test_the_bundled_reports_page_gives_the_bundled_body() -> None:
    # The page as a browser's "save as text" lays it out: the byline and section on one line,
    # share buttons above and below the body, and the comment form's headings at the end.
    [source] = bundled()["sources"]
    share = "VK X OK WhatsApp Telegram"
    page = (
        f"{source['headline']}\n\n{source['byline']} {source['section']}\n{share}\n\n\n"
        + "\n\n".join(source["body"])
        + f"\n{share}\n\nRead also:\n\nWrite a comment:"
    )
    article = drafting.read(page)
    assert (article.headline, article.byline, article.section) == (
        source["headline"],
        source["byline"],
        source["section"],
    )
    assert list(article.body) == source["body"]


def test_sentences_end_where_a_reader_ends_them() -> None:
    paragraph = (
        'Under I.N. Petrov the "Allies. Today" portal grew. It said: "We are ready." Then came 2024, '
        "with more to do... and less time. Dr. Smith left."
    )
    assert list(drafting.sentences(paragraph)) == [
        'Under I.N. Petrov the "Allies. Today" portal grew.',
        'It said: "We are ready."',
        "Then came 2024, with more to do... and less time.",
        "Dr. Smith left.",
    ]


def test_errors_are_one_line_and_name_what_is_wrong(cli: Cli, tmp_path: Path) -> None:
    missing = cli("new", str(tmp_path / "nothing.txt"))
    assert missing.code == 2 and missing.err.count("\n") == 1 and "cannot read" in missing.err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert cli("new", str(empty)).err == f"cstofacts: error: ARTICLE.txt: {empty} holds no text\n"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 talks\n\nThey met in 2024, all four of them.\n".encode("latin-1"))
    assert "is not UTF-8 text" in cli("new", str(latin1)).err
    bad_id = cli("new", str(empty), "--source-id", "Not An Id")
    assert (bad_id.code, bad_id.err.count("\n")) == (2, 1)
    long = tmp_path / "long.txt"
    long.write_text("A headline\n\n" + "word " * 5000 + "in 2024.\n", encoding="utf-8")
    refused = cli("new", str(long), "-o", str(tmp_path / "long.toml"))
    assert refused.code == 2 and "more than a dataset line holds (20,000)" in refused.err
    assert not (tmp_path / "long.toml").exists()  # a dataset no one could read is not written


def test_counts_citations_and_date_ranges_leave_drafts_out_as_lookups_do(cli: Cli, tmp_path: Path) -> None:
    out, _, _ = drafted(cli, tmp_path, "english")
    data = ("--data", str(out))
    assert "claims\t0\n" in cli(*data, "source", "--format", "plain").out
    cited = cli(*data, "read", "--format", "json").out
    assert '"claims": []' in cited and '"claims": ["' not in cited
    silent = cli(*data, "ask", "what happened in 2019")
    assert (silent.code, silent.err) == (1, "cstofacts: the article has no claims dated 2019\n")


@pytest.mark.parametrize(("writes_role", "roles"), [(True, ["Secretary General"]), (False, [])])
def test_a_person_keeps_only_the_roles_the_article_writes(
    cli: Cli, tmp_path: Path, writes_role: bool, roles: list[str]
) -> None:
    # A role is the article's own word for a person: one this article never writes is not carried
    # over from the vocabulary it was drafted with.
    body = "Tasmagambetov met delegations in Minsk on 4 March 2025 to discuss the border."
    if writes_role:
        body += "\n\nThe Secretary General praised the talks in 2025."
    article = tmp_path / "talks.txt"
    article.write_text(f"Talks resume\n\nBy A. Writer\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "talks.toml"
    assert cli("new", str(article), "-o", str(out), "--section", "World").code == 0
    assert tomllib.loads(out.read_text(encoding="utf-8"))["people"]["tasmagambetov"]["roles"] == roles


def test_drafts_that_would_share_an_id_are_numbered_from_2_and_the_body_by_paragraph(
    cli: Cli, tmp_path: Path
) -> None:
    # The same opening words and year in three paragraphs: ids a reader can tell apart, in order,
    # the first without a number, as a second `-2` and a third `-3`; each body paragraph is
    # marked with its number as `read` numbers it.
    sentence = "Tasmagambetov met delegations in Minsk in 2025"
    body = f"{sentence}.\n\n{sentence} again, the report says.\n\n{sentence} for a third time."
    article = tmp_path / "talks.txt"
    article.write_text(f"Talks resume\n\nBy A. Writer\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "talks.toml"
    assert cli("new", str(article), "-o", str(out), "--section", "World").code == 0
    written = out.read_text(encoding="utf-8")
    ids = [c["id"] for c in tomllib.loads(written)["claims"]]
    assert ids == [f"tasmagambetov-met-delegations-minsk-2025{n}" for n in ("", "-2", "-3")]
    marks = [line.strip() for line in written.splitlines() if line.strip().startswith("# ¶")]
    assert marks == ["# ¶1", "# ¶2", "# ¶3"]
    assert written.index("# ¶1") < written.index(f'"{sentence}."') < written.index("# ¶2")
