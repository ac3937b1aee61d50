"""search, show, timeline, stats, source, validate, help and --version as a user sees them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL, Result, bundled, ids, minimal_text

from cstofacts import __version__
from cstofacts.model import FIELDS

Cli = Callable[..., Result]
DATA = bundled()
CLAIMS = DATA["claims"]
[SOURCE] = DATA["sources"]
HEADLINE = SOURCE["headline"]


def with_org(short: str) -> set[str]:
    return {c["id"] for c in CLAIMS if short in c["organizations"]}


# -- search ---------------------------------------------------------------------------------------


def test_search_puts_the_khujand_agreement_first(cli: Cli) -> None:
    result = cli("search", "Khujand")
    assert (result.code, result.err) == (0, "")
    assert ids(result) == [
        "khujand-border-agreement-2025-03-31",
        "khujand-agreement-stability",
        "bilateral-consultations-2024-2025",
    ]


def test_search_needs_every_meaningful_word_and_takes_filters(cli: Cli) -> None:
    assert ids(cli("search", "border", "agreement", "--kind", "event")) == [
        "khujand-border-agreement-2025-03-31",
        "bilateral-consultations-2024-2025",
    ]
    # stop words are dropped: they do not have to occur
    assert ids(cli("search", "the", "border", "of", "agreement", "--kind", "event")) == ids(
        cli("search", "border", "agreement", "--kind", "event")
    )
    assert ids(cli("search", "peacekeeping", "UN"))[0] == "peacekeeping-ties-with-un"
    result = cli("search", "Khujand", "Minsk")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cstofacts: each word matches some claim, but no claim holds them all\ncstofacts: no claims match\n"
    )


def test_a_multi_word_argument_is_a_phrase(cli: Cli) -> None:
    assert ids(cli("search", "border agreement", "--kind", "event")) == [
        "khujand-border-agreement-2025-03-31",
        "bilateral-consultations-2024-2025",
    ]
    result = cli("search", "agreement border")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: no claim holds 'agreement border'\ncstofacts: no claims match\n"
    assert ids(cli("search", "agreement", "border"))  # as two words, both occur


def test_search_matches_whole_words_and_their_forms(cli: Cli) -> None:
    exercises = set(ids(cli("search", "exercises")))
    assert {c["id"] for c in CLAIMS if c["id"].endswith("-2023") and c["category"] == "exercise"} <= exercises
    signing = set(ids(cli("search", "signing")))  # the summaries say "signed"
    assert {"khujand-border-agreement-2025-03-31", "beijing-roadmap-2025-09-03"} <= signing
    # UN is a whole word: "Unbreakable" does not hold it
    assert set(ids(cli("search", "UN"))) == with_org("UN")


@pytest.mark.parametrize("spelling", ["UN", "United Nations", "ООН", "united nations"])
def test_search_finds_names_in_any_declared_spelling(cli: Cli, spelling: str) -> None:
    assert set(ids(cli("search", spelling))) == with_org("UN")


def test_search_finds_places_and_countries_by_name(cli: Cli) -> None:
    assert "minsk-meeting-2023-03-06" in ids(cli("search", "Belarus"))
    beijing = ids(cli("search", "Beijing"))
    assert "beijing-roadmap-2025-09-03" in beijing
    assert sorted(ids(cli("search", "Peking"))) == sorted(beijing)  # an alias of Beijing
    assert sorted(ids(cli("search", "Пекин"))) == sorted(beijing)


def test_search_says_which_word_matched_nothing_and_the_nearest_word(cli: Cli) -> None:
    result = cli("search", "Tasmagambetow")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cstofacts: no claim holds 'Tasmagambetow'; did you mean 'tasmagambetov'?\n"
        "cstofacts: no claims match\n"
    )


@pytest.mark.parametrize("word", ["shanghai", "Commonwealth"])
def test_a_suggestion_is_never_the_word_that_matched_nothing(cli: Cli, word: str) -> None:
    """Suggesting the very word typed, which matches nothing, sends the user in a circle."""
    result = cli("search", word)
    if result.code == 0:
        return  # found through the name it is part of: nothing to suggest
    assert result.code == 1
    assert f"did you mean '{word.casefold()}'" not in result.err, result.err


def test_search_with_only_stop_words_is_a_usage_error(cli: Cli) -> None:
    result = cli("search", "the", "of")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: WORDS: give at least one word with a letter or digit that is not a stop word "
        "(the, of, in …)\n"
    )


# -- show -----------------------------------------------------------------------------------------

KHUJAND = (
    "id\tkhujand-border-agreement-2025-03-31\n"
    "kind\tevent\n"
    "category\tagreement\n"
    "date\t2025-03-31\n"
    "date_basis\tstated\n"
    "summary\tTajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31, 2025.\n"
    "countries\tTJ,KG,UZ\n"
    "location\tKhujand\n"
    "paragraphs\t13\n"
    "attributed_to\tarticle\n"
    "source\tcsto-adapts-to-global-changes\n"
    f'stated_in\t¶13 of "{HEADLINE}"\n'
    "evidence\t¶13 the signing on March 31, 2025, in Khujand of a border agreement between Tajikistan, "
    "Kyrgyzstan, and Uzbekistan\n"
)


def test_show_prints_every_field_and_the_words_that_state_it(cli: Cli) -> None:
    result = cli("show", "khujand-border")
    assert (result.code, result.out, result.err) == (0, KHUJAND, "")


def test_show_ids_are_case_insensitive(cli: Cli) -> None:
    result = cli("show", "KHUJAND-BORDER")
    assert (result.code, result.out, result.err) == (0, KHUJAND, "")
    assert cli("show", "Khujand-Border-Agreement-2025-03-31").out == KHUJAND


def test_show_separates_claims_with_a_blank_line(cli: Cli) -> None:
    result = cli("show", "khujand-border", "un-general")
    first, second = result.out.split("\n\n")
    assert first + "\n" == KHUJAND
    lines = second.splitlines()
    assert lines[0] == "id\tun-general-assembly-resolution"
    assert (
        'date_note\tThe sentence says only "On November 18"; the year comes from the paragraph, which opens '
        '"In 2024, the focus was on developing CSTO relations" and names no other year.' in lines
    )
    assert lines[-2:] == [
        "evidence\t¶11 In 2024, the focus was on developing CSTO relations",
        "evidence\t¶11 On November 18, the UN General Assembly adopted a resolution on cooperation with the CSTO",
    ]
    assert all(line.count("\t") == 1 for line in result.out.splitlines() if line)
    assert all(" " not in line.split("\t")[0] for line in result.out.splitlines() if line)


def test_show_several_ids_as_json_with_every_key(cli: Cli) -> None:
    result = cli("show", "minsk", "un-general", "--format", "json")
    records = json.loads(result.out)
    assert [r["id"] for r in records] == ["minsk-meeting-2023-03-06", "un-general-assembly-resolution"]
    assert [list(r) for r in records] == [list(FIELDS)] * 2
    assert records[1]["date_basis"] == "inferred"
    assert "In 2024" in records[1]["date_note"]
    assert records[0]["evidence"] == [
        {
            "paragraph": 8,
            "quote": "On March 6, 2023, a meeting was held in Minsk to discuss proposals for reducing "
            "tensions between Kyrgyz and Tajik people",
        }
    ]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown"])
def test_show_in_a_table_format_gives_every_field(cli: Cli, fmt: str) -> None:
    result = cli("show", "minsk", "--format", fmt)
    assert result.code == 0
    header = result.out.splitlines()[0]
    separator = {"csv": ",", "tsv": "\t", "markdown": " | "}[fmt]
    assert header.strip("| ").split(separator) == list(FIELDS)
    assert "minsk-meeting-2023-03-06" in result.out
    assert "On March 6, 2023, a meeting was held in Minsk" in result.out


def test_show_prints_what_it_finds_and_names_each_missing_id(cli: Cli) -> None:
    result = cli("show", "khujand-border", "rock-2024", "nowhere")
    assert result.code == 1
    assert result.out == KHUJAND
    assert result.err == (
        "cstofacts: no claim with id 'rock-2024'; did you mean 'rock-2023'?\n"
        "cstofacts: no claim with id 'nowhere'\n"
    )


def test_show_unknown_id_exits_1_and_suggests(cli: Cli) -> None:
    result = cli("show", "rock-2024")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: no claim with id 'rock-2024'; did you mean 'rock-2023'?\n"


def test_a_year_is_not_an_id_prefix(cli: Cli) -> None:
    result = cli("show", "2024")
    assert (result.code, result.out) == (1, "")
    assert (
        result.err
        == "cstofacts: no claim with id '2024'; ids are like 2024-focus-international-organizations\n"
    )


def test_show_ambiguous_prefix_is_a_usage_error(cli: Cli) -> None:
    result = cli("show", "khujand")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: ID: 'khujand' is the start of several ids: khujand-agreement-stability, "
        "khujand-border-agreement-2025-03-31; give more of it\n"
    )


def test_show_plain_keeps_one_field_per_line(cli: Cli, tmp_path: Path) -> None:
    text = minimal_text().replace(
        'summary = "Talks on November 18."', 'summary = "Talks\\ton\\nNovember 18."'
    )
    path = tmp_path / "tabs.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("--data", str(path), "show", "talks")
    assert "summary\tTalks\\ton\\nNovember 18.\n" in result.out
    assert all(line.count("\t") == 1 for line in result.out.splitlines())


# -- timeline -------------------------------------------------------------------------------------


def test_timeline_groups_by_year_with_undated_last(cli: Cli) -> None:
    result = cli("timeline", "--format", "table", "--country", "Tajikistan")
    lines = result.out.splitlines()
    headings = [line for line in lines if line in ("2022", "2023", "2024", "2025", "Undated")]
    assert headings == ["2023", "2024", "2025", "Undated"]
    assert "[secretary-general-border-efforts]" in result.out
    flat = " ".join(result.out.split())
    for claim_id in (c["id"] for c in CLAIMS if "TJ" in c["countries"]):
        assert f"[{claim_id}]" in flat


def test_timeline_of_a_year_never_shows_an_earlier_year(cli: Cli) -> None:
    result = cli("timeline", "--format", "table", "--year", "2025")
    lines = result.out.splitlines()
    assert lines[0] == "2025"
    assert "2024" not in lines
    assert "[bilateral-consultations-2024-2025]" in result.out  # under 2025, where the query starts


def test_timeline_piped_is_plain_rows_by_date(cli: Cli) -> None:
    result = cli("timeline", "--year", "2024", "--fields", "date,id")
    assert result.out.splitlines() == [
        "2024\t2024-focus-international-organizations",
        "2024\tbilateral-consultations-2024-2025",
        "2024-07-19\tsecurity-council-meeting-2024-07-19",
        "2024-11-18\tun-general-assembly-resolution",
    ]


def test_timeline_limit_and_reverse_apply_to_the_table(cli: Cli) -> None:
    result = cli("timeline", "--format", "table", "--limit", "2", "--reverse")
    assert result.out == (
        "2025\n"
        "2025-09-03  A Roadmap for developing cooperation between the CSTO, the CIS and the SCO was signed in\n"
        "            Beijing on September 3, 2025.  [beijing-roadmap-2025-09-03]\n"
        "2025-05-28  On May 28, 2025 the Council of Defense Ministers approved a Plan for developing military\n"
        "            cooperation over the years 2026-2030, which covers better equipment and cooperation\n"
        "            among the states.  [military-cooperation-plan-2026-2030]\n"
    )
    headings = [line for line in cli("timeline", "-f", "table", "-r").out.splitlines() if line[:1].isalnum()]
    assert [h for h in headings if h in ("2022", "2023", "2024", "2025", "Undated")] == [
        "2025",
        "2024",
        "2023",
        "2022",
        "Undated",
    ]


def test_timeline_takes_no_sort(cli: Cli) -> None:
    result = cli("timeline", "--sort", "id")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("cstofacts: error: no such option: --sort")


# -- stats ----------------------------------------------------------------------------------------


def year_value(claim: dict[str, object]) -> str:
    date, end = claim.get("date"), claim.get("end_date")
    if not isinstance(date, str):
        return "undated"
    if isinstance(end, str) and end[:4] != date[:4]:
        return f"{date[:4]}..{end[:4]}"
    return date[:4]


def test_stats_by_year_counts_each_claim_once_and_a_span_under_its_own_value(cli: Cli) -> None:
    counts = Counter(year_value(c) for c in CLAIMS)
    expected = "".join(f"{v}\t{counts[v]}\n" for v in sorted(counts, key=lambda v: (v == "undated", v)))
    result = cli("stats", "--by", "year")
    assert (result.code, result.out) == (0, expected)
    assert "2024..2025\t1\n" in result.out
    assert sum(int(line.split("\t")[1]) for line in result.out.splitlines()) == len(CLAIMS)


def test_stats_by_country_names_each_code(cli: Cli) -> None:
    places = {name: p["country"] for name, p in DATA["places"].items()}
    counts = Counter(
        code
        for c in CLAIMS
        for code in {*c["countries"], *([places[c["location"]]] if c.get("location") in places else [])}
    )
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    result = cli("stats", "--by", "country", "--format", "json", "--limit", "2")
    assert json.loads(result.out) == [
        {"value": code, "count": n, "name": DATA["countries"][code]["name"]} for code, n in top
    ]


@pytest.mark.parametrize(
    ("by", "key"), [("kind", "kind"), ("attribution", "attributed_to"), ("category", "category")]
)
def test_stats_by_a_field_of_the_claim(cli: Cli, by: str, key: str) -> None:
    counts = Counter(str(c[key]) for c in CLAIMS)
    result = cli("stats", "--by", by, "--format", "csv")
    rows = [line.split(",") for line in result.out.splitlines()]
    assert rows[0] == ["value", "count"]
    assert {value: int(n) for value, n in rows[1:]} == dict(counts)
    assert [int(n) for _, n in rows[1:]] == sorted(counts.values(), reverse=True)


def test_stats_by_org(cli: Cli) -> None:
    result = cli("stats", "--by", "org")
    rows = [line.split("\t") for line in result.out.splitlines()]
    assert rows[0] == ["CSTO", str(len(with_org("CSTO"))), "Collective Security Treaty Organization"]
    assert {r[0]: int(r[1]) for r in rows} == {s: len(with_org(s)) for s in DATA["organizations"]}


def test_stats_table_has_proportional_bars(cli: Cli) -> None:
    result = cli("stats", "--by", "kind", "-f", "table")
    rows = [line.split() for line in result.out.splitlines()[2:] if "█" in line]
    counts = {row[0]: int(row[1]) for row in rows}
    bars = {row[0]: row[2].count("█") for row in rows}
    assert counts == dict(Counter(c["kind"] for c in CLAIMS))
    top = max(counts.values())
    assert max(bars.values()) == 40
    for kind, count in counts.items():
        assert abs(bars[kind] - 40 * count / top) <= 1


def test_stats_with_no_match_gives_json_an_empty_array(cli: Cli) -> None:
    result = cli("stats", "--year", "1999", "--format", "json")
    assert (result.code, result.out, result.err) == (1, "[]\n", "cstofacts: no claims match\n")


@pytest.mark.parametrize("option", [["--fields", "id"], ["--sort", "id"]])
def test_stats_takes_no_fields_or_sort(cli: Cli, option: list[str]) -> None:
    result = cli("stats", "--by", "year", *option)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"cstofacts: error: no such option: {option[0]}")
    assert result.err.count("\n") == 1


# -- source, validate, version, help --------------------------------------------------------------


def test_source_describes_the_article(cli: Cli) -> None:
    result = cli("source")
    analyst = sum(1 for c in CLAIMS if c["attributed_to"] == "analyst")
    assert result.out.splitlines() == [
        "work\tcsto-adapts-to-global-changes",
        "role\treport: the claims are its statements",
        f"headline\t{HEADLINE}",
        "byline\tАрестова Татьяна",
        "byline_romanized\tArestova Tatyana (a romanisation, not printed on the page)",
        "section\tPolitics",
        "venue\tnot stated in the source",
        "published\tnot stated in the source",
        f"paragraphs\t{len(SOURCE['body'])}",
        f"claims\t{len(CLAIMS)}",
        "",
        "work\tbabaev-allies-csto-2023-2025",
        "role\treported: described in csto-adapts-to-global-changes (¶1)",
        "author\tKirill Babaev",
        "post\tthe director of the Institute of China and Modern Asia of the Russian Academy of Sciences",
        "titles\tDoctor of Philological Sciences, professor",
        "venue\tAllies. CSTO (portal)",
        "period\t2023..2025",
        "title\tnot stated in the source",
        "published\tnot stated in the source",
        f"claims\t{analyst} attributed to analyst",
    ]


def test_source_as_json(cli: Cli) -> None:
    analyst = sum(1 for c in CLAIMS if c["attributed_to"] == "analyst")
    assert json.loads(cli("source", "-f", "json").out) == [
        {
            "id": "csto-adapts-to-global-changes",
            "seq": 0,
            "role": "report",
            "reported_in": None,
            "title": HEADLINE,
            "author": "Арестова Татьяна",
            "author_romanized": "Arestova Tatyana",
            "author_post": None,
            "author_titles": [],
            "section": "Politics",
            "venue": None,
            "venue_type": None,
            "published": None,
            "period_start": None,
            "period_end": None,
            "voice": None,
            "described_in": [],
            "paragraphs": 20,
            "claims": len(CLAIMS),
        },
        {
            "id": "babaev-allies-csto-2023-2025",
            "seq": 1,
            "role": "reported",
            "reported_in": "csto-adapts-to-global-changes",
            "title": None,
            "author": "Kirill Babaev",
            "author_romanized": None,
            "author_post": "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences",
            "author_titles": ["Doctor of Philological Sciences", "professor"],
            "section": None,
            "venue": "Allies. CSTO",
            "venue_type": "portal",
            "published": None,
            "period_start": "2023",
            "period_end": "2025",
            "voice": "analyst",
            "described_in": [1],
            "paragraphs": None,
            "claims": analyst,
        },
    ]


def test_validate_the_bundled_dataset(cli: Cli) -> None:
    result = cli("validate")
    assert (result.code, result.out, result.err) == (
        0,
        f"bundled dataset: ok, {len(CLAIMS)} claims, 1 source\n",
        "",
    )


def test_validate_the_minimal_dataset(cli: Cli) -> None:
    result = cli("validate", str(MINIMAL))
    assert (result.code, result.out, result.err) == (0, f"{MINIMAL}: ok, 3 claims, 1 source\n", "")


def test_validate_lists_every_problem_in_line_order(cli: Cli, tmp_path: Path) -> None:
    text = (
        minimal_text()
        .replace('countries = ["KG"]', 'countries = ["KGZ"]')
        .replace('category = "exercise"\nsummary = "A drill', 'category = "drills"\nsummary = "A drill')
        .replace("paragraphs = [1]", "paragraphs = [-1]")
        .replace('date = "2024-11-18"', 'date = "2024-02-30"')
    )
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def at(fragment: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if fragment in line)

    quote_line = at('quote = "an umbrella')
    country_line = at('countries = ["KGZ"]')
    result = cli("validate", str(path))
    assert (result.code, result.out) == (3, "")
    assert result.err.splitlines() == [
        f"cstofacts: {path}:{at('paragraphs = [-1]')}: claim 'umbrella': paragraph -1 is below 0 (¶0 is the headline)",
        f"cstofacts: {path}:{quote_line}: claim 'umbrella': evidence quotes ¶1, which the claim does not cite",
        f"cstofacts: {path}:{at('drills')}: claim 'drill': unknown category 'drills'; known: exercise, meeting",
        f"cstofacts: {path}:{at('2024-02-30')}: claim 'talks': date: '2024-02-30' is not a real day: 2024-02 has 29 days",
        f"cstofacts: {path}:{country_line}: claim 'talks': unknown country 'KGZ'; declared: BY, KG",
    ]


def test_validate_runs_the_fidelity_lint(cli: Cli, tmp_path: Path) -> None:
    text = minimal_text().replace(
        'summary = "A drill took place within the umbrella exercise."',
        'summary = "A drill in Minsk took place within the umbrella exercise."',
    )
    path = tmp_path / "unfaithful.toml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "A drill in Minsk" in ln)
    result = cli("validate", str(path))
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"cstofacts: {path}:{line}: claim 'drill': 'Minsk' is not in the evidence or cited paragraphs\n"
    )
    assert cli("--data", str(path), "list", "--fields", "id").code == 0  # lookups do not lint


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert (result.code, result.out, result.err) == (0, f"cstofacts {__version__}\n", "")


def test_help_and_help_of_a_command(cli: Cli) -> None:
    result = cli("help")
    assert result.code == 0
    assert result.out.startswith("Usage: cstofacts [OPTIONS] COMMAND [ARGS]...\n")
    for command in ("ask", "search", "list", "show", "timeline", "stats", "source", "validate"):
        assert f"\n  {command} " in result.out
    result = cli("help", "show")
    assert result.code == 0
    assert result.out.startswith(
        "Usage: cstofacts show [OPTIONS] ID...\n\n"
        "  Show every field of claims, with the paragraphs and quotes that state them.\n"
    )
    assert result.out == cli("show", "--help").out


def test_help_of_an_unknown_command(cli: Cli) -> None:
    result = cli("help", "nosuch")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: 'nosuch' is not a command; try: cstofacts search nosuch\n"


def test_a_declared_word_for_a_category_finds_what_the_claims_call_it(cli: Callable[..., Result]) -> None:
    # "ties" is declared a word for cooperation: it finds the claims of that category, and those
    # whose own words say cooperation though they are of another (a meeting, a resolution).
    import re

    claims = bundled()["claims"]
    by_category = {c["id"] for c in claims if c["category"] == "cooperation"}
    by_word = {c["id"] for c in claims if re.search(r"\bcooperat", c["summary"], re.I)}
    assert by_word - by_category  # the case this is about
    found = set(ids(cli("search", "ties")))
    assert found == by_category | by_word | {c["id"] for c in claims if re.search(r"\bties\b", c["summary"])}


def test_a_claim_holding_the_word_typed_outranks_one_holding_only_its_widening(
    cli: Callable[..., Result],
) -> None:
    # "roadmap" is declared a word for agreement: every agreement holds it as its category's word,
    # and the Khujand agreement holds "agreement" too; the Roadmap's own words say "roadmap".
    found = ids(cli("search", "--any", "signed", "roadmap", "--limit", "3"))
    assert found[0] == "beijing-roadmap-2025-09-03"
    assert found.index("beijing-roadmap-2025-09-03") < found.index("khujand-border-agreement-2025-03-31")
    # Two widened words: those holding both as typed ("roadmap" and "ties") first.
    assert ids(cli("search", "--any", "roadmap", "ties", "--limit", "2")) == [
        "roadmap-against-transnational-threats",
        "beijing-roadmap-2025-09-03",
    ]
