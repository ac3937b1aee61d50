"""The bundled dataset, its loader and the validator's rules."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import DATA, ROOT

from cstofacts import dataset, query
from cstofacts.errors import DataError
from cstofacts.model import Kind

MINIMAL = (DATA / "minimal.toml").read_text(encoding="utf-8")
EXERCISES_2023 = [
    "combat-brotherhood-2023",
    "interaction-2023",
    "search-2023",
    "echelon-2023",
    "barrier-2023",
    "rock-2023",
    "unbreakable-brotherhood-2023",
]


def test_bundled_dataset_validates() -> None:
    data = dataset.load()
    assert 35 <= len(data.claims) <= 50
    assert data.path == dataset.BUNDLED


def test_every_body_paragraph_is_cited() -> None:
    cited = {p for claim in dataset.load().claims for p in claim.paragraphs}
    assert cited == set(range(1, 21))


def test_every_2023_exercise_is_found_by_year_and_category() -> None:
    data = dataset.load()
    filters = query.build_filters(data, years=["2023"], categories=["exercise"])
    assert [c.id for c in query.select(data, filters)] == EXERCISES_2023


def test_the_five_maneuvers_belong_to_combat_brotherhood() -> None:
    children = {c.id for c in dataset.load().claims if c.parent == "combat-brotherhood-2023"}
    assert children == {"interaction-2023", "search-2023", "echelon-2023", "barrier-2023", "rock-2023"}


def test_four_priority_tasks_each_cite_the_intro_and_their_item() -> None:
    tasks = [c for c in dataset.load().claims if c.category == "priority-task"]
    assert sorted(c.paragraphs for c in tasks) == [(3, 4), (3, 5), (3, 6), (3, 7)]


def test_inferred_dates_are_exactly_these_and_say_why() -> None:
    inferred = {c.id: c for c in dataset.load().claims if c.date_basis == "inferred"}
    assert {k: v.date for k, v in inferred.items()} == {
        "unbreakable-brotherhood-2023": "2023",
        "un-general-assembly-resolution": "2024-11-18",
        "collective-forces-exercises-2025": "2025",
    }
    assert all(c.date_note for c in inferred.values())


def test_dated_meetings_signings_and_decisions_are_claims_of_their_own() -> None:
    dated = {c.date: c.id for c in dataset.load().claims if c.date and len(c.date) == 10}
    assert dated == {
        "2023-03-06": "minsk-meeting-2023-03-06",
        "2024-07-19": "security-council-meeting-2024-07-19",
        "2024-11-18": "un-general-assembly-resolution",
        "2025-09-03": "beijing-roadmap-2025-09-03",
        "2025-03-31": "khujand-border-agreement-2025-03-31",
        "2025-05-28": "military-cooperation-plan-2026-2030",
    }


def test_source_metadata_is_the_article_and_has_no_publication_date() -> None:
    data = dataset.load()
    [source] = data.sources
    assert source.headline == "CSTO has proven its ability to adapt to changes in the global situation"
    assert source.portal == "Allies. CSTO"
    assert source.section == "Politics"
    assert source.byline == "Арестова Татьяна"
    assert source.byline_latin == "Arestova Tatyana"
    assert (source.period_start, source.period_end) == ("2023", "2025")
    assert source.analyst is not None
    assert source.analyst.name == "Kirill Babaev"
    assert source.analyst.post == (
        "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences"
    )
    assert source.analyst.titles == ("Doctor of Philological Sciences", "professor")
    assert not hasattr(source, "published")
    assert "published" not in dataset.bundled_text().split("[[claims]]")[0].replace("# The page", "")


def test_claims_are_frozen_and_typed() -> None:
    claim = dataset.load().claims[0]
    with pytest.raises(AttributeError):
        claim.id = "other"  # type: ignore[misc]
    assert isinstance(claim.kind, Kind)
    assert isinstance(claim.paragraphs, tuple)


def test_minimal_fixture_is_valid() -> None:
    data = dataset.parse(MINIMAL, "minimal.toml")
    assert [c.id for c in data.claims] == ["umbrella", "drill", "talks"]


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


CLAIM_3 = "<header of the third claim>"
# (case, text to replace, replacement, expected message, marker of the expected line)
RULES = [
    ("unknown key", 'location = "Belarus"', 'place = "Belarus"', "unknown key 'place'", 'place = "Belarus"'),
    ("missing key", 'summary = "Talks on November 18."\n', "", "missing key 'summary'", CLAIM_3),
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
        "dangling parent",
        'parent = "umbrella"',
        'parent = "nowhere"',
        "parent 'nowhere' is not the id",
        'parent = "nowhere"',
    ),
    (
        "paragraph below 1",
        "paragraphs = [3]",
        "paragraphs = [0]",
        "paragraph 0 is below 1",
        "paragraphs = [0]",
    ),
    (
        "paragraph past the source",
        "paragraphs = [3]",
        "paragraphs = [9]",
        "past the source's last",
        "paragraphs = [9]",
    ),
    (
        "wrong type",
        "paragraphs = [3]",
        'paragraphs = "3"',
        "must be a list of paragraph numbers",
        'paragraphs = "3"',
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
]


@pytest.mark.parametrize(("case", "old", "new", "message", "marker"), RULES, ids=[r[0] for r in RULES])
def test_each_rule_reports_its_message_and_line(
    case: str, old: str, new: str, message: str, marker: str
) -> None:
    assert old in MINIMAL, case
    text = _replace_last(MINIMAL, old, new)
    with pytest.raises(DataError) as error:
        dataset.parse(text, "bad.toml")
    expected_line = _claim_line(text, 2) if marker == CLAIM_3 else _line_of(text, marker)
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


def test_every_problem_is_reported_at_once() -> None:
    text = (
        MINIMAL.replace('category = "meeting"', 'category = "summit"')
        .replace('parent = "umbrella"', 'parent = "nowhere"')
        .replace('date = "2024-11-18"', 'date = "2024-02-30"')
    )
    with pytest.raises(DataError) as error:
        dataset.parse(text, "bad.toml")
    messages = " | ".join(p.message for p in error.value.problems)
    assert "unknown category 'summit'" in messages
    assert "parent 'nowhere'" in messages
    assert "is not a real day" in messages
    assert len(error.value.problems) == 3


def test_toml_syntax_error_reports_the_parsers_line_and_column() -> None:
    text = MINIMAL.replace('summary = "A drill', "summary = A drill")
    with pytest.raises(DataError) as error:
        dataset.parse(text, "bad.toml")
    [problem] = error.value.problems
    assert problem.line == _line_of(text, "summary = A drill")
    assert problem.column == len("summary = ") + 1
    assert str(problem).startswith(f"bad.toml:{problem.line}:{problem.column}: TOML syntax error")


def test_the_built_wheel_contains_the_dataset(tmp_path: Path) -> None:
    source = tmp_path / "src"
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name if source.exists() else _mkdir(source) / name)
    shutil.copytree(ROOT / "cstofacts", source / "cstofacts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", source / "data", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = (tmp_path / "dist").glob("cstofacts-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("cstofacts/data/claims.toml")
    assert shipped == (ROOT / "data" / "claims.toml").read_bytes()


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def test_parse_cache_is_used_and_a_broken_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = dataset.parse(MINIMAL, "a.toml")
    [cached] = (tmp_path / "cstofacts").glob("*.marshal")
    again = dataset.parse(MINIMAL, "a.toml")
    assert [c.id for c in again.claims] == [c.id for c in first.claims]
    cached.write_bytes(b"not marshal data")
    assert [c.id for c in dataset.parse(MINIMAL, "a.toml").claims] == ["umbrella", "drill", "talks"]
    # a cached parse never hides a problem: validation runs on every load
    broken = MINIMAL.replace('category = "meeting"', 'category = "summit"')
    for _ in range(2):
        with pytest.raises(DataError):
            dataset.parse(broken, "b.toml")


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a directory should be
    assert len(dataset.parse(MINIMAL, "a.toml").claims) == 3


def test_large_texts_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    big = MINIMAL + "#" * (dataset.CACHE_MAX_CHARS + 1) + "\n"
    dataset.parse(big, "big.toml")
    assert not (tmp_path / "cstofacts").exists()
