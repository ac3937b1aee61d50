"""Evidence: every claim carries the article's own words, and the tool shows, cites and checks them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, ROOT, pty_run, run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BUNDLED = ROOT / "data" / "claims.toml"
ARTICLE = DATA / "article.numbered.txt"
KHUJAND = "khujand-border-agreement-2025-03-31"
KHUJAND_QUOTE = (
    "the signing on March 31, 2025, in Khujand of a border agreement between Tajikistan, Kyrgyzstan, "
    "and Uzbekistan"
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)}


def dataset() -> dict[str, Any]:
    with BUNDLED.open("rb") as handle:
        return tomllib.load(handle)


def article_paragraphs() -> dict[int, str]:
    """¶N -> text, parsed from the numbered article: `[¶N] text` on one line each; ¶0 is the headline."""
    found: dict[int, str] = {}
    for line in ARTICLE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\[¶(\d+)\] (.*)", line)
        if match:
            found[int(match[1])] = match[2]
        elif line.startswith("# Headline: "):
            found[0] = line.removeprefix("# Headline: ")
    return found


def fold(text: str) -> str:
    return " ".join(text.split())


def in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Exit code, screen (CRLF made LF) and stderr of a run with stdout on a pseudo-terminal."""
    code, screen, err = pty_run(args, env)
    return code, screen.decode("utf-8").replace("\r\n", "\n"), err


def test_the_source_body_is_the_article_word_for_word() -> None:
    paragraphs = article_paragraphs()
    assert sorted(paragraphs) == list(range(0, 21))
    (source,) = dataset()["sources"]
    assert source["headline"] == paragraphs[0]
    assert source["body"] == [paragraphs[n] for n in range(1, 21)]


def test_every_claim_has_evidence_found_verbatim_in_a_cited_paragraph() -> None:
    paragraphs = article_paragraphs()
    claims = dataset()["claims"]
    assert len(claims) == 46
    for claim in claims:
        assert claim.get("evidence"), claim["id"]
        for item in claim["evidence"]:
            assert set(item) == {"paragraph", "quote"}, claim["id"]
            assert item["paragraph"] in claim["paragraphs"], claim["id"]
            assert fold(item["quote"]) in fold(paragraphs[item["paragraph"]]), (claim["id"], item["quote"])


def test_show_piped_lists_the_evidence_lines(env: dict[str, str]) -> None:
    result = run("show", "khujand-border", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"id\t{KHUJAND}"
    assert [line for line in lines if line.startswith("evidence\t")] == [f"evidence\t¶13 {KHUJAND_QUOTE}"]


def test_show_evidence_of_a_claim_with_several_quotes(env: dict[str, str]) -> None:
    result = run("show", "tasmagambetov-appointed", env=env)
    assert result.returncode == 0
    assert [line for line in result.stdout.splitlines() if line.startswith("evidence\t")] == [
        "evidence\t¶8 Immediately after his appointment, the new Secretary General of the CSTO",
        "evidence\t¶16 the appointment of I.N. Tasmagambetov as the Secretary General of the CSTO",
    ]


def test_show_json_carries_evidence_as_paragraph_and_quote(env: dict[str, str]) -> None:
    result = run("show", "khujand-border", "--format", "json", env=env)
    assert result.returncode == 0
    (record,) = json.loads(result.stdout)
    assert record["id"] == KHUJAND
    assert record["evidence"] == [{"paragraph": 13, "quote": KHUJAND_QUOTE}]


def test_list_json_carries_every_claims_evidence_exactly(env: dict[str, str]) -> None:
    result = run("list", "--format", "json", "--sort", "id", env=env)
    assert result.returncode == 0
    shown = {record["id"]: record["evidence"] for record in json.loads(result.stdout)}
    assert shown == {claim["id"]: claim["evidence"] for claim in dataset()["claims"]}


# -- read ---------------------------------------------------------------------------------------------


def test_read_one_paragraph_piped_is_one_line(env: dict[str, str]) -> None:
    result = run("read", "13", env=env)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == f"13\t{article_paragraphs()[13]}\n"


def test_read_with_no_arguments_prints_every_paragraph(env: dict[str, str]) -> None:
    result = run("read", env=env)
    assert result.returncode == 0
    paragraphs = article_paragraphs()
    assert result.stdout.splitlines() == [f"{n}\t{paragraphs[n]}" for n in range(1, 21)]


def test_read_json_names_the_claims_citing_the_paragraph(env: dict[str, str]) -> None:
    result = run("read", "13", "--format", "json", env=env)
    assert result.returncode == 0
    citing = [c["id"] for c in dataset()["claims"] if 13 in c["paragraphs"]]
    assert json.loads(result.stdout) == [
        {"paragraph": 13, "text": article_paragraphs()[13], "claims": citing}
    ]


def test_read_outside_the_article_is_a_usage_error(env: dict[str, str]) -> None:
    result = run("read", "21", env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "cstofacts: error: N: there is no paragraph 21; "
        "the article's paragraphs are numbered 1 to 20, and 0 is the headline\n"
    )


def test_read_0_is_the_headline_that_claims_may_cite(env: dict[str, str]) -> None:
    citing = [c["id"] for c in dataset()["claims"] if 0 in c["paragraphs"]]
    assert citing
    result = run("read", "0", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    headline = dataset()["sources"][0]["headline"]
    assert json.loads(result.stdout) == [{"paragraph": 0, "text": headline, "claims": citing}]
    listed = run("list", "--paragraph", "0", "--fields", "id", env=env)
    assert listed.stdout.split() == citing


# -- cite ----------------------------------------------------------------------------------------------


HEADLINE = "CSTO has proven its ability to adapt to changes in the global situation"
REPORT = f'Арестова Татьяна (romanised: Arestova Tatyana), "{HEADLINE}", Politics section'
SCHEMA = DATA / "csl" / "csl-data.json"


def test_cite_text_cites_the_report_by_its_byline_and_never_a_venue_date_or_url(env: dict[str, str]) -> None:
    result = run("cite", "khujand-border", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f'{REPORT}, ¶13: "{KHUJAND_QUOTE}".\npandoc: [@csto-adapts-to-global-changes, para. 13]\n'
    )


def test_cite_names_babaevs_article_as_what_the_report_reports_for_his_views(env: dict[str, str]) -> None:
    result = run("cite", "2022-turning", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    quote = (
        'According to Babaev, "2022 became a turning point for a number of international political processes '
        'that led to changes in security both in the post-Soviet space and in the world as a whole."'
    )
    assert result.stdout == (
        'Kirill Babaev, article on the portal "Allies. CSTO" (title and date not stated), '
        f'as reported in {REPORT}, ¶2: "{quote}".\n'
        "pandoc: [@babaev-allies-csto-2023-2025; as reported in @csto-adapts-to-global-changes, para. 2]\n"
    )


def every_id() -> list[str]:
    return [c["id"] for c in dataset()["claims"]]


def test_no_reference_says_the_report_appeared_on_the_portal(env: dict[str, str]) -> None:
    """ "Allies. CSTO" is where Babaev's article appeared: it is only ever written as that article's venue."""
    text = run("cite", *every_id(), env=env).stdout
    for reference in text.split("\n\n"):
        # Who and where, before the quotes (which are the article's words, and may name the portal).
        lead = re.split(r", (?:¶\d+|headline): ", reference.splitlines()[0])[0]
        if "Allies. CSTO" in lead:
            assert lead.startswith('Kirill Babaev, article on the portal "Allies. CSTO"'), lead
            assert lead.count("Allies. CSTO") == 1
    items = json.loads(run("cite", *every_id(), "--format", "json", env=env).stdout)
    report = next(item for item in items if item["id"] == "csto-adapts-to-global-changes")
    assert "Allies. CSTO" not in json.dumps(report, ensure_ascii=False)
    source = json.loads(run("source", "--format", "json", env=env).stdout)
    assert [w["venue"] for w in source] == [None, "Allies. CSTO"]


def test_cite_json_is_one_csl_item_per_work_and_the_pandoc_citations_go_to_stderr(
    env: dict[str, str],
) -> None:
    result = run("cite", "khujand-border", "minsk", "2022-turning", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items == [
        {
            "id": "csto-adapts-to-global-changes",
            "type": "article",
            "title": HEADLINE,
            "author": [{"literal": "Арестова Татьяна"}],
            "section": "Politics",
        },
        {
            "id": "babaev-allies-csto-2023-2025",
            "type": "article",
            "author": [{"literal": "Kirill Babaev"}],
            "container-title": "Allies. CSTO",
        },
    ]
    assert result.stderr.splitlines() == [
        f"cstofacts: cite {KHUJAND} as [@csto-adapts-to-global-changes, para. 13]",
        "cstofacts: cite minsk-meeting-2023-03-06 as [@csto-adapts-to-global-changes, para. 8]",
        "cstofacts: cite 2022-turning-point as "
        "[@babaev-allies-csto-2023-2025; as reported in @csto-adapts-to-global-changes, para. 2]",
    ]
    lines = run("cite", "khujand-border", "minsk", "2022-turning", "--format", "jsonl", env=env).stdout
    assert [json.loads(line) for line in lines.splitlines()] == items


def test_cite_json_escapes_as_every_json_output_does(tmp_path: Path, env: dict[str, str]) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        'section = "Politics"', 'section = "Politics\\u009b\\u202e"'
    )
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    result = run("--data", str(path), "cite", "khujand-border", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert "\\u009b\\u202e" in result.stdout and "\u009b" not in result.stdout
    assert json.loads(result.stdout)[0]["section"] == "Politics\u009b\u202e"


def test_cite_json_is_valid_csl_json_for_every_claim(env: dict[str, str]) -> None:
    import jsonschema  # in the test extra: never skipped

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    ids = every_id()
    for claim in ids:  # each claim's own references
        items = json.loads(run("cite", claim, "--format", "json", env=env).stdout)
        jsonschema.validate(items, schema)
        for item in items:
            assert not {"issued", "URL", "accessed", "DOI", "locator", "label"} & set(item), claim
    every = json.loads(run("cite", *ids, "--format", "json", env=env).stdout)
    jsonschema.validate(every, schema)
    assert [item["id"] for item in every] == ["csto-adapts-to-global-changes", "babaev-allies-csto-2023-2025"]


def test_pandoc_renders_one_bibliography_entry_per_work(tmp_path: Path, env: dict[str, str]) -> None:
    import shutil
    import subprocess

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    ids = every_id()
    result = run("cite", *ids, "--format", "json", env=env)
    bibliography = tmp_path / "refs.json"
    bibliography.write_text(result.stdout, encoding="utf-8")
    citations = re.findall(r"as (\[@.*\])$", result.stderr, re.MULTILINE)
    assert len(citations) == len(ids)
    document = tmp_path / "doc.md"
    document.write_text("".join(f"Claim {n}. {c}\n\n" for n, c in enumerate(citations)), encoding="utf-8")
    html = subprocess.run(
        [pandoc, "--citeproc", "--bibliography", str(bibliography), "-t", "html", str(document)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    entries = re.findall(r'<div id="ref-([^"]+)"', html)
    assert sorted(entries) == ["babaev-allies-csto-2023-2025", "csto-adapts-to-global-changes"]
    assert "n.d.-a" not in html and "n.d.-b" not in html
    assert "para. 13" in html  # the locator reached the citation
    assert "Арестова Татьяна" in html


# -- validate rejects what the article does not say ----------------------------------------------------


def mutated(tmp_path: Path, old: str, new: str, *, after: str | None = None) -> tuple[Path, int]:
    """A copy of the bundled dataset with `old` replaced by `new` once (after `after` if given), and
    the line the change is on."""
    text = BUNDLED.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path = tmp_path / "mutated.toml"
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return path, text.count("\n", 0, at) + 1


def rejected(path: Path, env: dict[str, str]) -> list[str]:
    result = run("validate", str(path), env=env)
    assert result.returncode == 3, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_validate_rejects_a_mutated_number(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = mutated(tmp_path, "in 15 signed documents", "in 16 signed documents")
    assert rejected(path, env) == [
        f"cstofacts: {path}:{line}: claim 'summit-15-documents': the number '16' is not in the "
        "evidence or cited paragraphs"
    ]


def test_validate_rejects_a_mutated_date(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = mutated(tmp_path, 'date = "2025-03-31"', 'date = "2025-03-30"', after=f'id = "{KHUJAND}"')
    (message,) = rejected(path, env)
    assert message.startswith(f"cstofacts: {path}:{line}: claim '{KHUJAND}': '2025-03-30'")


def test_validate_rejects_an_invented_name(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = mutated(tmp_path, "A meeting in Minsk on", "A meeting in Astana on")
    assert rejected(path, env) == [
        f"cstofacts: {path}:{line}: claim 'minsk-meeting-2023-03-06': 'Astana' is not in the evidence "
        "or cited paragraphs"
    ]


def test_validate_rejects_a_summary_copying_six_words(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = mutated(
        tmp_path,
        "also yielded a signed provision on the CSTO's joint press center.",
        "also yielded a provision on the joint press center of the CSTO.",
    )
    (message,) = rejected(path, env)
    assert message.startswith(f"cstofacts: {path}:{line}: claim 'joint-press-center-provision': copies ")
    assert "from ¶9" in message


def test_validate_rejects_a_quote_not_in_its_paragraph(tmp_path: Path, env: dict[str, str]) -> None:
    # The problem is placed at the quote's own line, where the fix is made.
    path, line = mutated(
        tmp_path,
        'quote = "At the meeting of the Council',
        'quote = "At the session of the Council',
    )
    (message,) = rejected(path, env)
    assert message.startswith(f"cstofacts: {path}:{line}: claim 'military-cooperation-plan-2026-2030': ")
    assert "is not in ¶15 word for word" in message


def test_validate_accepts_the_bundled_dataset(env: dict[str, str]) -> None:
    result = run("validate", str(BUNDLED), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{BUNDLED}: ok, 46 claims, 1 source\n"


# -- --paragraph ------------------------------------------------------------------------------------


def citing(*numbers: int) -> set[str]:
    return {c["id"] for c in dataset()["claims"] if set(c["paragraphs"]) & set(numbers)}


def ids(stdout: str) -> list[str]:
    return [line.split("\t", 1)[0] for line in stdout.splitlines()]


@pytest.mark.parametrize("command", ["list", "timeline"])
def test_paragraph_filters_with_or_when_repeated(env: dict[str, str], command: str) -> None:
    one = run(command, "--paragraph", "13", env=env)
    assert one.returncode == 0
    assert set(ids(one.stdout)) == citing(13)
    assert len(ids(one.stdout)) == len(citing(13)) == 5
    both = run(command, "--paragraph", "13", "-p", "8", env=env)
    assert both.returncode == 0
    assert sorted(ids(both.stdout)) == sorted(citing(13, 8))


def test_paragraph_filters_search_results(env: dict[str, str]) -> None:
    everything = run("search", "CSTO", env=env)
    assert everything.returncode == 0
    filtered = run("search", "CSTO", "--paragraph", "13", "--paragraph", "8", env=env)
    assert filtered.returncode == 0
    expected = [i for i in ids(everything.stdout) if i in citing(13, 8)]
    assert expected
    assert ids(filtered.stdout) == expected


def test_paragraph_filters_stats(env: dict[str, str]) -> None:
    result = run("stats", "--by", "category", "-p", "13", "-p", "8", env=env)
    assert result.returncode == 0
    counts: dict[str, int] = {}
    for claim in dataset()["claims"]:
        if claim["id"] in citing(13, 8):
            counts[claim["category"]] = counts.get(claim["category"], 0) + 1
    shown = dict(line.split("\t") for line in result.stdout.splitlines())
    assert {k: int(v) for k, v in shown.items()} == counts


# -- show on a terminal ------------------------------------------------------------------------------

SHOW_KHUJAND = """\
khujand-border-agreement-2025-03-31
id             khujand-border-agreement-2025-03-31
kind           event
category       agreement
date           2025-03-31
date_basis     stated
summary        Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March
               31, 2025.
countries      TJ,KG,UZ
location       Khujand
paragraphs     13
attributed_to  article
source         csto-adapts-to-global-changes
stated_in      ¶13 of "CSTO has proven its ability to adapt to changes in the global situation"

¶13
  “the signing on March 31, 2025, in Khujand of a border agreement between Tajikistan, Kyrgyzstan,
  and Uzbekistan”
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_show_on_a_terminal_puts_the_evidence_under_its_paragraph(env: dict[str, str]) -> None:
    code, screen, err = in_terminal(
        ["show", "khujand-border"], {**env, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "xterm"}
    )
    assert code == 0
    assert err == ""
    assert screen == SHOW_KHUJAND


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('venue = "Allies. CSTO"', 'venue = "Allies. CSTO Today"', "'Allies. CSTO Today' is not in"),
        ('author = "Kirill Babaev"', 'author = "Kirill Babayev"', "'Kirill Babayev' is not in"),
        ('period_end = "2025"', 'period_end = "2026"', "the year of '2026' is not in"),
        ('venue_type = "portal"', 'venue_type = "journal"', "'journal' is not in"),
    ],
)
def test_validate_holds_the_reported_work_to_the_paragraph_that_describes_it(
    tmp_path: Path, env: dict[str, str], old: str, new: str, message: str
) -> None:
    path, line = mutated(tmp_path, old, new, after="[[sources.reports]]")
    assert rejected(path, env) == [
        f"cstofacts: {path}:{line}: reported work 'babaev-allies-csto-2023-2025': {message} "
        "the paragraphs that describe it"
    ]


def test_validate_refuses_a_bare_year_as_the_evidence_of_an_inferred_date(
    tmp_path: Path, env: dict[str, str]
) -> None:
    old = '{ paragraph = 11, quote = "In 2024, the focus was on developing CSTO relations" }'
    path, line = mutated(tmp_path, old, '{ paragraph = 11, quote = "In 2024" }')
    assert rejected(path, env) == [  # the lint places evidence findings at the `evidence` key, a line up
        f"cstofacts: {path}:{line - 1}: claim 'un-general-assembly-resolution': quote 'In 2024' is shorter than "
        "4 words and not a whole name or title: quote enough of the sentence to show what it states"
    ]


def test_validate_refuses_quotation_marks_the_article_does_not_have(
    tmp_path: Path, env: dict[str, str]
) -> None:
    old = "crises along the lines of the January 2022 Kazakhstan scenario."
    path, _ = mutated(tmp_path, old, 'crises along the lines of the January 2022 \\"Kazakhstan scenario\\".')
    (message,) = rejected(path, env)
    assert message.endswith(
        "claim 'task-prevent-crises': puts 'Kazakhstan scenario' in quotation marks, "
        "which the cited paragraphs do not"
    )
