"""The bundled dataset, the engine that loads, validates, compiles and caches it, and the validator's rules."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DATA, MINIMAL, REAL_HOME, ROOT, Result, bundled, ids, minimal_text

from cstofacts import store
from cstofacts.criteria import Query, StatsBy
from cstofacts.errors import DataError
from cstofacts.model import Kind
from cstofacts.records import Dataset
from cstofacts.store.reader import BUNDLED, bundled_bytes, parse_toml
from cstofacts.store.validate import validate

Cli = Callable[..., Result]
MINIMAL_TEXT = minimal_text()
TOML = bundled()
EXERCISES_2023 = [
    "combat-brotherhood-2023",
    "interaction-2023",
    "search-2023",
    "echelon-2023",
    "barrier-2023",
    "rock-2023",
    "unbreakable-brotherhood-2023",
]


def parse(text: str, name: str = "bad.toml") -> Dataset:
    """Parse and validate a dataset's text, as every command does before it compiles one."""
    return validate(parse_toml(text, name), text, name)


@pytest.fixture(scope="module")
def data() -> Dataset:
    dataset, _ = store.load(None)
    return dataset


def test_bundled_dataset_validates(data: Dataset) -> None:
    assert data.path == BUNDLED
    assert [c.id for c in data.claims] == [c["id"] for c in TOML["claims"]]
    assert TOML["schema"] == 3
    assert bundled_bytes() == (ROOT / "data" / "claims.toml").read_bytes()


def test_every_body_paragraph_is_cited(data: Dataset) -> None:
    [source] = data.sources
    cited = {p for claim in data.claims for p in claim.paragraphs}
    assert cited == set(range(0, len(source.body) + 1))  # ¶0, the headline, too
    assert source.paragraphs == len(source.body) == 20


def test_every_claim_has_evidence_from_a_cited_paragraph(data: Dataset) -> None:
    [source] = data.sources
    for claim in data.claims:
        assert claim.evidence, claim.id
        for item in claim.evidence:
            assert item.paragraph in claim.paragraphs, claim.id
            body = source.paragraph(item.paragraph)
            assert body is not None and " ".join(item.quote.split()) in " ".join(body.split()), claim.id


def test_the_body_is_the_article_word_for_word(data: Dataset) -> None:
    import re

    article = (DATA / "article.numbered.txt").read_text(encoding="utf-8")
    paragraphs = dict(re.findall(r"\[¶(\d+)\] (.+)", article))
    [source] = data.sources
    assert {int(n): text for n, text in paragraphs.items()} == dict(enumerate(source.body, start=1))


def test_every_2023_exercise_is_found_by_year_and_category() -> None:
    engine = store.open_store(None)
    try:
        query = Query(
            years=((dt.date(2023, 1, 1), dt.date(2023, 12, 31)),), categories=frozenset({"exercise"})
        )
        assert [c.id for c in engine.claims(query)] == EXERCISES_2023
    finally:
        engine.close()


def test_the_store_answers_with_records() -> None:
    engine = store.open_store(None, use_cache=False)
    try:
        assert len(engine.claims(Query())) == len(TOML["claims"])
        counts = dict(engine.count(Query(), StatsBy.KIND))
        kinds = {c["kind"] for c in TOML["claims"]}
        assert counts == {k: sum(1 for c in TOML["claims"] if c["kind"] == k) for k in kinds}
        assert set(engine.vocabulary.countries) == set(TOML["countries"])
        assert set(engine.vocabulary.places) == set(TOML["places"])
        assert set(engine.vocabulary.people) == set(TOML["people"])
        assert engine.vocabulary.categories["exercise"].synonyms == tuple(
            TOML["categories"]["exercise"]["synonyms"]
        )
        [source] = engine.sources
        assert source.body == tuple(TOML["sources"][0]["body"])
    finally:
        engine.close()


def test_the_five_maneuvers_belong_to_combat_brotherhood(data: Dataset) -> None:
    children = {c.id for c in data.claims if c.parent == "combat-brotherhood-2023"}
    assert children == {"interaction-2023", "search-2023", "echelon-2023", "barrier-2023", "rock-2023"}


def test_four_priority_tasks_each_cite_the_intro_and_their_item(data: Dataset) -> None:
    tasks = [c for c in data.claims if c.category == "priority-task"]
    assert sorted(c.paragraphs for c in tasks) == [(3, 4), (3, 5), (3, 6), (3, 7)]


def test_the_kazakhstan_scenario_is_one_undated_task_not_a_january_2022_claim(data: Dataset) -> None:
    claims = {c.id: c for c in data.claims}
    task = claims["task-prevent-crises"]
    assert (task.date, task.countries) == (None, ("KZ",))
    assert "January 2022" in task.summary
    assert [c.id for c in data.claims if 5 in c.paragraphs] == ["task-prevent-crises"]
    assert not [c.id for c in data.claims if (c.date or "").startswith("2022-01")]


def test_inferred_dates_say_why(data: Dataset) -> None:
    inferred = {c.id: c for c in data.claims if c.date_basis == "inferred"}
    expected = {c["id"]: c["date"] for c in TOML["claims"] if c.get("date_basis") == "inferred"}
    assert {k: v.date for k, v in inferred.items()} == expected
    assert "un-general-assembly-resolution" in expected
    assert all(c.date_note for c in inferred.values())


def test_dated_meetings_signings_and_decisions_are_claims_of_their_own(data: Dataset) -> None:
    dated = {c.date: c.id for c in data.claims if c.date and len(c.date) == 10}
    assert dated == {
        "2023-03-06": "minsk-meeting-2023-03-06",
        "2024-07-19": "security-council-meeting-2024-07-19",
        "2024-11-18": "un-general-assembly-resolution",
        "2025-09-03": "beijing-roadmap-2025-09-03",
        "2025-03-31": "khujand-border-agreement-2025-03-31",
        "2025-05-28": "military-cooperation-plan-2026-2030",
    }


def test_source_metadata_is_the_article_and_has_no_publication_date(data: Dataset) -> None:
    [source] = data.sources
    assert source.headline == "CSTO has proven its ability to adapt to changes in the global situation"
    assert source.venue is None  # the page does not say where the report appeared
    assert source.section == "Politics"
    assert source.byline == "Арестова Татьяна"
    assert source.byline_romanized == "Arestova Tatyana"
    [work] = source.reports
    assert work.author == "Kirill Babaev"
    assert work.author_post == (
        "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences"
    )
    assert work.author_titles == ("Doctor of Philological Sciences", "professor")
    assert (work.venue, work.venue_type) == ("Allies. CSTO", "portal")
    assert (work.period_start, work.period_end) == ("2023", "2025")
    assert work.title is None  # the report does not give its title
    assert (work.voice, work.described_in) == ("analyst", (1,))
    assert not hasattr(source, "published")
    assert source.record()["published"] is None
    assert "published" not in TOML["sources"][0]


def test_claims_are_typed(data: Dataset) -> None:
    claim = data.claims[0]
    assert isinstance(claim.kind, Kind)
    assert isinstance(claim.paragraphs, tuple)
    assert all(isinstance(p, int) for p in claim.paragraphs)
    assert isinstance(claim.evidence, tuple)


def test_minimal_fixture_is_valid_and_faithful() -> None:
    from cstofacts.store.fidelity import lint_dataset

    dataset = parse(MINIMAL_TEXT, "minimal.toml")
    assert [c.id for c in dataset.claims] == ["umbrella", "drill", "talks"]
    assert lint_dataset(dataset, MINIMAL_TEXT) == []


def test_categories_may_be_tables_with_synonyms() -> None:
    text = MINIMAL_TEXT.replace(
        '[categories]\nexercise = "An exercise."\nmeeting = "A meeting."',
        '[categories.exercise]\ndescription = "An exercise."\nsynonyms = ["drill", "war game"]\n\n'
        '[categories.meeting]\ndescription = "A meeting."',
    )
    dataset = parse(text)
    assert dataset.vocabulary.categories["exercise"].synonyms == ("drill", "war game")
    assert dataset.vocabulary.categories["meeting"].synonyms == ()


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


CLAIM_3 = "<header of the third claim>"
# (case, text to replace, replacement, expected message, marker of the expected line)
RULES = [
    ("missing schema", "schema = 3\n", "", "dataset: missing key 'schema'", "<line 1>"),
    ("unknown schema", "schema = 3", "schema = 4", "schema 4 is not one this version reads", "schema = 4"),
    ("schema not a number", "schema = 3", 'schema = "2"', "'schema' must be a whole number", "schema = "),
    ("unknown key", 'location = "Belarus"', 'place = "Belarus"', "unknown key 'place'", 'place = "Belarus"'),
    ("missing key", 'summary = "Talks on November 18."\n', "", "missing key 'summary'", CLAIM_3),
    ("missing paragraphs", "paragraphs = [3]\n", "", "missing key 'paragraphs'", CLAIM_3),
    ("no paragraph", "paragraphs = [3]", "paragraphs = []", "cites no paragraph", "paragraphs = []"),
    (
        "unknown kind",
        'kind = "event"\ncategory = "meeting"',
        'kind = "happening"\ncategory = "meeting"',
        "unknown kind 'happening'",
        'kind = "happening"',
    ),
    (
        "unknown category",
        'category = "meeting"',
        'category = "summit"',
        "unknown category 'summit'",
        'category = "summit"',
    ),
    (
        "unknown country",
        'countries = ["KG"]',
        'countries = ["KZ"]',
        "unknown country 'KZ'",
        'countries = ["KZ"]',
    ),
    (
        "unknown organization",
        'organizations = ["UN"]',
        'organizations = ["NATO"]',
        "unknown organization 'NATO'",
        'organizations = ["NATO"]',
    ),
    ("malformed date", 'date = "2024-11-18"', 'date = "18.11.2024"', "is not a date", 'date = "18.11.2024"'),
    ("non-ASCII digits", 'date = "2024-11-18"', 'date = "٢٠٢٤-11-18"', "is not a date", 'date = "٢٠٢٤'),
    ("full-width digits", 'date = "2024-11-18"', 'date = "２０２４"', "is not a date", 'date = "２０２４"'),
    (
        "impossible date",
        'date = "2024-11-18"',
        'date = "2024-02-30"',
        "is not a real day",
        'date = "2024-02-30"',
    ),
    ("impossible month", 'date = "2024-11-18"', 'date = "2024-13"', "has no month 13", 'date = "2024-13"'),
    (
        "date after end_date",
        'date = "2024-11-18"',
        'date = "2024-11-18"\nend_date = "2023"',
        "is after end_date",
        'end_date = "2023"',
    ),
    ("duplicate id", 'id = "talks"', 'id = "drill"', "duplicate id", CLAIM_3),
    (
        "duplicate source id",
        "[[claims]]",
        '[[sources]]\nid = "doc"  # again\nheadline = "Again"\n\n[[claims]]',
        "source 'doc': duplicate id (first at line 29)",
        'id = "doc"  # again',
    ),
    (
        "dangling parent",
        'parent = "umbrella"',
        'parent = "nowhere"',
        "parent 'nowhere' is not the id",
        'parent = "nowhere"',
    ),
    (
        "paragraph below 0",
        "paragraphs = [3]",
        "paragraphs = [3, -1]",
        "paragraph -1 is below 0 (¶0 is the headline)",
        "paragraphs = [3, -1]",
    ),
    (
        "paragraph past the source",
        "paragraphs = [3]",
        "paragraphs = [3, 9]",
        "paragraph 9 is past the source's last (¶5)",
        "paragraphs = [3, 9]",
    ),
    (
        "wrong type",
        "paragraphs = [3]",
        'paragraphs = "3"',
        "must be a list of paragraph numbers",
        'paragraphs = "3"',
    ),
    (
        "evidence not in its paragraph",
        'quote = "On November 18, officials',
        'quote = "On November 19, officials',
        "is not in ¶3 word for word",
        "November 19, officials",
    ),
    (
        "evidence from an uncited paragraph",
        "{ paragraph = 3, quote",
        "{ paragraph = 4, quote",
        "evidence quotes ¶4, which the claim does not cite",
        "{ paragraph = 4",
    ),
    (
        "inferred without note",
        'date_note = "The year comes from the paragraph."\n',
        "",
        "an inferred date needs a 'date_note'",
        'date_basis = "inferred"',
    ),
    ("dated without basis", 'date_basis = "inferred"\n', "", "needs 'date_basis'", 'date = "2024-11-18"'),
    (
        "unknown source",
        'source = "doc"\nkind = "event"\ncategory = "meeting"',
        'source = "other"\nkind = "event"\ncategory = "meeting"',
        "unknown source 'other'",
        'source = "other"',
    ),
    ("bad id", 'id = "talks"', 'id = "Talks Now"', "id must be lowercase", 'id = "Talks Now"'),
    (
        "organization short name",
        "[organizations.UN]",
        '[organizations."-UN"]',
        "organization '-UN': a short name is letters and digits",
        '[organizations."-UN"]',
    ),
    (
        "organization short name with a comma",
        "[organizations.UN]",
        '[organizations."U,N"]',
        "organization 'U,N': a short name is letters and digits",
        '[organizations."U,N"]',
    ),
    (
        "place in an undeclared country",
        "[[sources]]",
        '[places.Osh]\ncountry = "TJ"\n\n[[sources]]',
        "place 'Osh': unknown country 'TJ'; declared: BY, KG",
        'country = "TJ"',
    ),
    (
        "category table with an unknown key",
        '[categories]\nexercise = "An exercise."',
        '[categories.exercise]\ndescription = "An exercise."\nsynonym = ["drill"]\n\n[categories]',
        "category 'exercise': unknown key 'synonym'",
        'synonym = ["drill"]',
    ),
]


@pytest.mark.parametrize(("case", "old", "new", "message", "marker"), RULES, ids=[r[0] for r in RULES])
def test_each_rule_reports_its_message_and_line(
    case: str, old: str, new: str, message: str, marker: str
) -> None:
    assert old in MINIMAL_TEXT, case
    text = _replace_last(MINIMAL_TEXT, old, new)
    with pytest.raises(DataError) as error:
        parse(text)
    if marker == CLAIM_3:
        expected_line = _claim_line(text, 2)
    elif marker == "<line 1>":
        expected_line = 1
    else:
        expected_line = _line_of(text, marker)
    matching = [p for p in error.value.problems if message in p.message]
    assert matching, [str(p) for p in error.value.problems]
    assert matching[0].path == "bad.toml"
    assert matching[0].line == expected_line, str(matching[0])


def _replace_last(text: str, old: str, new: str) -> str:
    head, _, tail = text.rpartition(old)
    return head + new + tail


def _claim_line(text: str, index: int) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[claims]]"]
    return lines[index]


def test_every_problem_is_reported_at_once_in_line_order() -> None:
    text = (
        MINIMAL_TEXT.replace('category = "meeting"', 'category = "summit"')
        .replace('parent = "umbrella"', 'parent = "nowhere"')
        .replace('date = "2024-11-18"', 'date = "2024-02-30"')
        .replace("schema = 3", "schema = 1")
    )
    with pytest.raises(DataError) as error:
        parse(text)
    problems = error.value.problems
    assert [p.message for p in problems] == [
        "schema 1 is not one this version reads (it reads schema 3)",
        "claim 'drill': parent 'nowhere' is not the id of any claim",
        "claim 'talks': unknown category 'summit'; known: exercise, meeting",
        "claim 'talks': date: '2024-02-30' is not a real day: 2024-02 has 29 days",
    ]
    lines = [p.line for p in problems]
    assert lines == sorted(lines)  # type: ignore[type-var]
    assert (
        str(error.value).splitlines()[0]
        == "bad.toml:1: schema 1 is not one this version reads (it reads schema 3)"
    )


def test_toml_syntax_error_reports_the_parsers_line_and_column() -> None:
    text = MINIMAL_TEXT.replace('summary = "A drill', "summary = A drill")
    with pytest.raises(DataError) as error:
        parse(text)
    [problem] = error.value.problems
    assert problem.line == _line_of(text, "summary = A drill")
    assert problem.column == len("summary = ") + 1
    assert str(problem) == f"bad.toml:{problem.line}:{problem.column}: TOML syntax error: Invalid value"


def test_the_built_wheel_contains_the_dataset(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "cstofacts", source / "cstofacts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", source / "data", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", source / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=600,
        # pip reads its index settings from the real home; it caches nothing
        env={**os.environ, "HOME": REAL_HOME, "PIP_NO_CACHE_DIR": "1"},
    )
    [wheel] = (tmp_path / "dist").glob("cstofacts-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("cstofacts/data/claims.toml")
        manual = archive.read("cstofacts/docs/cstofacts.1")
        docs = sorted(n for n in archive.namelist() if n.startswith("cstofacts/docs/"))
    assert shipped == (ROOT / "data" / "claims.toml").read_bytes()
    assert manual == (ROOT / "docs" / "cstofacts.1").read_bytes()
    assert docs == ["cstofacts/docs/__init__.py", "cstofacts/docs/cstofacts.1"]  # not the images


# -- the cache of compiled databases ------------------------------------------------------------


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The label of every dataset parsed and validated from here on (the work a cache hit skips)."""
    import cstofacts.store.validate as module

    calls: list[str] = []
    real = module.validate

    def counting(document: dict[str, object], text: str, path: str) -> Dataset:
        calls.append(path)
        return real(document, text, path)

    monkeypatch.setattr(module, "validate", counting)
    return calls


def entries(cache_dir: Path) -> list[str]:
    return sorted(p.name for p in cache_dir.glob("*.sqlite3")) if cache_dir.exists() else []


def test_the_cache_is_written_once_and_then_read(cli: Cli, cache_dir: Path, validations: list[str]) -> None:
    first = cli("list", "--fields", "id")
    assert (first.code, validations) == (0, [BUNDLED])
    [entry] = entries(cache_dir)
    second = cli("list", "--fields", "id")
    assert second.out == first.out
    assert validations == [BUNDLED]  # the second run read the compiled database, and parsed nothing
    assert entries(cache_dir) == [entry]


def test_the_cache_is_keyed_by_content_not_by_path(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    one.write_text(MINIMAL_TEXT, encoding="utf-8")
    two.write_text(MINIMAL_TEXT, encoding="utf-8")
    for path in (one, two):
        engine = store.open_store(str(path))
        assert [c.id for c in engine.claims(Query())] == ["umbrella", "drill", "talks"]
        engine.close()
    assert validations == [str(one)]
    assert len(entries(cache_dir)) == 1
    two.write_text(MINIMAL_TEXT.replace("Talks on", "Talks held on"), encoding="utf-8")
    store.open_store(str(two)).close()
    assert validations == [str(one), str(two)]
    assert len(entries(cache_dir)) == 2


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_cache_can_be_turned_off(
    cli: Cli, cache_dir: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    args = ["--no-cache", "list"] if how == "option" else ["list"]
    if how == "environment":
        monkeypatch.setenv("CSTOFACTS_NO_CACHE", "1")
    for _ in range(2):
        assert cli(*args).code == 0
    assert validations == [BUNDLED, BUNDLED]
    assert not cache_dir.exists()


def test_a_relative_xdg_cache_home_is_ignored(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(home))
    assert cli("list").code == 0
    assert not (tmp_path / "relative-cache").exists()
    assert len(entries(home / ".cache" / "cstofacts")) == 1


def test_a_broken_cache_entry_is_rebuilt(cli: Cli, cache_dir: Path, validations: list[str]) -> None:
    expected = cli("list").out
    [entry] = cache_dir.glob("*.sqlite3")
    entry.write_bytes(b"not a database")
    damaged = cli("list")
    assert (damaged.code, damaged.out) == (0, expected)
    assert damaged.err == "cstofacts: the cached copy of the dataset was damaged; compiled it again\n"
    assert validations == [BUNDLED, BUNDLED]
    assert cli("list") == Result(0, expected, "")
    assert validations == [BUNDLED, BUNDLED]  # the rebuilt entry is used again


def test_a_cache_never_hides_a_problem(cli: Cli, tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINIMAL_TEXT.replace('category = "meeting"', 'category = "summit"'), encoding="utf-8")
    for _ in range(2):
        assert cli("--data", str(path), "list").code == 3
    assert entries(cache_dir) == []
    assert cli("--data", str(MINIMAL), "list").code == 0
    assert cli("validate", str(MINIMAL)).code == 0  # validate never trusts the cache, and still passes


def test_an_unwritable_cache_is_no_error(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a directory should be
    result = cli("--data", str(MINIMAL), "list")
    note = f"cstofacts: not using the cache: {blocker} is not a directory; working in memory\n"
    assert (result.code, ids(result), result.err) == (0, ["umbrella", "drill", "talks"], note)
