"""The output package: machine formats that lose nothing, rows, references and safe terminal views."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstofacts.errors import NotFoundError, UsageError
from cstofacts.model import DEFAULT_FIELDS, FIELDS, Claim, Evidence, Kind
from cstofacts.output import citations, formats, listview, rows, views
from cstofacts.output.formats import Format
from cstofacts.records import Source, Work
from cstofacts.text import cell

ARTICLE = Path(__file__).resolve().parent / "data" / "article.numbered.txt"
BODY = tuple(re.findall(r"^\[¶\d+\] (.*)$", ARTICLE.read_text(encoding="utf-8"), re.MULTILINE))
HEADLINE = "CSTO has proven its ability to adapt to changes in the global situation"
BABAEV = Work(
    id="babaev-allies-csto-2023-2025",
    author="Kirill Babaev",
    author_post="the director of the Institute of China and Modern Asia of the Russian Academy of Sciences",
    author_titles=("Doctor of Philological Sciences", "professor"),
    venue="Allies. CSTO",
    venue_type="portal",
    period_start="2023",
    period_end="2025",
    voice="analyst",
    described_in=(1,),
)
SOURCE = Source(
    id="csto-adapts-to-global-changes",
    headline=HEADLINE,
    section="Politics",
    byline="Арестова Татьяна",
    byline_romanized="Arestova Tatyana",
    reports=(BABAEV,),
    paragraphs=20,
    body=BODY,
)
SOURCE_ID = SOURCE.id


def day(text: str) -> tuple[dt.date, dt.date]:
    first = dt.date.fromisoformat(text)
    return first, first


KHUJAND = Claim(
    id="khujand-border-agreement-2025-03-31",
    kind=Kind.EVENT,
    category="agreement",
    date="2025-03-31",
    date_basis="stated",
    summary="Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31, 2025.",
    countries=("TJ", "KG", "UZ"),
    location="Khujand",
    paragraphs=(13,),
    attributed_to="article",
    source=SOURCE_ID,
    evidence=(
        Evidence(
            13,
            "led to the signing on March 31, 2025, in Khujand of a border agreement between "
            "Tajikistan, Kyrgyzstan, and Uzbekistan",
        ),
    ),
    span=day("2025-03-31"),
)
RESOLUTION = Claim(
    id="un-general-assembly-resolution",
    kind=Kind.EVENT,
    category="decision",
    date="2024-11-18",
    date_basis="inferred",
    date_note="The year comes from the paragraph's opening, 'In 2024'.",
    summary="A resolution on CSTO cooperation was adopted by the UN General Assembly on November 18.",
    organizations=("UN", "CSTO"),
    paragraphs=(11,),
    attributed_to="article",
    source=SOURCE_ID,
    evidence=(
        Evidence(
            11, "On November 18, the UN General Assembly adopted a resolution on cooperation with the CSTO."
        ),
    ),
    span=day("2024-11-18"),
)
CONSULTATIONS = Claim(
    id="bilateral-consultations-2024-2025",
    kind=Kind.EVENT,
    category="meeting",
    date="2024",
    end_date="2025",
    date_basis="stated",
    summary="Bilateral consultations over 2024-2025 on the Kyrgyz-Tajik tensions paved the way for the Khujand border agreement.",
    countries=("KG", "TJ"),
    paragraphs=(13,),
    attributed_to="article",
    source=SOURCE_ID,
    span=(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
)
VERDICT = Claim(
    id="csto-key-security-structure",
    kind=Kind.ASSESSMENT,
    category="conclusion",
    summary="Babaev concludes that the CSTO's record shows it is a key security structure in Eurasia.",
    organizations=("CSTO",),
    paragraphs=(17, 18),
    attributed_to="analyst",
    source=SOURCE_ID,
    evidence=(
        Evidence(
            18,
            "\"The dynamics of the CSTO's activities... indicates its significance as a key security "
            'structure in the Eurasian space,"',
        ),
    ),
)
CLAIMS = (CONSULTATIONS, RESOLUTION, KHUJAND, VERDICT)

EVIL = "\x1b[2J\x1b]0;pwned\x07\x9b\u202e"
DANGEROUS = frozenset(
    [chr(c) for c in range(0x00, 0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    + ["\u200e", "\u200f", "\u061c"]
)
SGR = re.compile(r"\x1b\[[0-9;]*m")
# Removes the apostrophe the formula guard put at a line start (see the formats module docstring).
UNGUARD = re.compile(r"(?:^|(?<=\n)|(?<=\r)(?!\n))'(?='*[=+\-@\t\r])")


def records(claims: Sequence[Claim] = CLAIMS) -> list[dict[str, Any]]:
    return formats.claim_records(claims)


EVERY = formats.ALL_FIELDS  # the claim's fields and its day span


def unescape(text: str) -> str:
    """Undo the plain and tsv escapes."""
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], text)


def unguard(text: str) -> str:
    return UNGUARD.sub("", text)


def draw(view: Any, width: int = 100, colour: bool = False) -> str:
    return views.draw(view, views.make_console(width, colour))


def shown(text: str) -> str:
    """Drawn text without Rich's own style codes: what is left came from the data."""
    return SGR.sub("", text)


# Machine formats ---------------------------------------------------------------------------------


def test_default_fields_add_kind_and_date_basis_at_the_end() -> None:
    assert DEFAULT_FIELDS[:7] == ("id", "date", "end_date", "category", "countries", "paragraphs", "summary")
    assert DEFAULT_FIELDS[7:] == ("kind", "date_basis")
    assert set(DEFAULT_FIELDS) <= set(FIELDS)


def test_plain_is_one_record_a_line_without_a_header() -> None:
    assert formats.render(Format.PLAIN, records(CLAIMS[:2]), DEFAULT_FIELDS) == (
        "bilateral-consultations-2024-2025\t2024\t2025\tmeeting\tKG,TJ\t13\tBilateral consultations over "
        "2024-2025 on the Kyrgyz-Tajik tensions paved the way for the Khujand border agreement.\tevent\tstated\n"
        "un-general-assembly-resolution\t2024-11-18\t\tdecision\t\t11\tA resolution on CSTO cooperation was "
        "adopted by the UN General Assembly on November 18.\tevent\tinferred\n"
    )


def test_plain_and_tsv_escape_tabs_newlines_carriage_returns_and_backslashes() -> None:
    claim = Claim(
        id="x",
        kind=Kind.EVENT,
        category="c",
        summary="a\tb\nc\rd\\e\x1bf",
        paragraphs=(1,),
        attributed_to="a",
        source="s",
    )
    assert formats.plain(records([claim]), ("id", "summary")) == "x\ta\\tb\\nc\\rd\\\\e\x1bf\n"
    assert formats.tsv(records([claim]), ("id", "summary")) == "id\tsummary\nx\ta\\tb\\nc\\rd\\\\e\x1bf\n"


def test_tsv_and_csv_guard_every_line_of_a_cell_against_formulas() -> None:
    summaries = [
        "=1+2",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "ok\r=1+2",
        "ok\n@x",
        "ok\r\n-1",
        "'=1",
        "it's -1",
        "fine",
    ]
    claims = [
        Claim(
            id=f"c{n}",
            kind=Kind.EVENT,
            category="c",
            summary=s,
            paragraphs=(1,),
            attributed_to="a",
            source="s",
        )
        for n, s in enumerate(summaries)
    ]
    guarded = [
        "'=1+2",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "ok\r'=1+2",
        "ok\n'@x",
        "ok\r\n'-1",
        "''=1",
        "it's -1",
        "fine",
    ]
    tsv_rows = formats.tsv(records(claims), ("summary",)).split("\n")[1:-1]
    assert [unescape(r) for r in tsv_rows] == guarded
    csv_rows = list(csv.reader(io.StringIO(formats.csv_text(records(claims), ("summary",)), newline="")))
    assert csv_rows == [["summary"], *([g] for g in guarded)]
    assert [unguard(g) for g in guarded] == summaries
    # plain and json are never altered.
    assert formats.plain(records(claims), ("summary",)).split("\n")[0] == "=1+2"
    assert json.loads(formats.json_text(records(claims), ("summary",)))[5]["summary"] == "ok\r=1+2"


def test_csv_quotes_any_cell_with_a_carriage_return_so_rows_survive() -> None:
    claims = [
        Claim(
            id="bare-cr",
            kind=Kind.EVENT,
            category="c",
            summary="one\rtwo",
            paragraphs=(1,),
            attributed_to="a",
            source="s",
        ),
        Claim(
            id="formula",
            kind=Kind.EVENT,
            category="c",
            summary="ok\r=1+2",
            paragraphs=(1,),
            attributed_to="a",
            source="s",
        ),
        Claim(
            id="crlf",
            kind=Kind.EVENT,
            category="c",
            summary="a\r\nb",
            paragraphs=(1,),
            attributed_to="a",
            source="s",
        ),
    ]
    text = formats.csv_text(records(claims), ("id", "summary"))
    assert text == 'id,summary\nbare-cr,"one\rtwo"\nformula,"ok\r\'=1+2"\ncrlf,"a\r\nb"\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["id", "summary"],
        ["bare-cr", "one\rtwo"],
        ["formula", "ok\r'=1+2"],
        ["crlf", "a\r\nb"],
    ]


def test_csv_has_a_header_and_writes_lists_as_json_arrays() -> None:
    assert formats.render(Format.CSV, records([KHUJAND]), ("id", "countries", "paragraphs", "evidence")) == (
        "id,countries,paragraphs,evidence\n"
        'khujand-border-agreement-2025-03-31,"[""TJ"", ""KG"", ""UZ""]",[13],"¶13 ""led to the signing on March 31, 2025, in '
        'Khujand of a border agreement between Tajikistan, Kyrgyzstan, and Uzbekistan"""\n'
    )


def test_evidence_cell_names_each_paragraph_and_quotes_exactly() -> None:
    evidence = [{"paragraph": 13, "quote": "a"}, {"paragraph": 8, "quote": 'b "c"'}]
    assert cell(evidence) == '¶13 "a"; ¶8 "b "c""'
    assert cell([]) == ""
    assert cell(None) == ""
    assert cell([3, 6]) == "3,6"


def test_json_is_utf8_one_object_a_line_with_fields_in_order() -> None:
    text = formats.render(Format.JSON, records(CLAIMS[:2]), ("id", "date_basis"))
    assert text == (
        '[\n{"id": "bilateral-consultations-2024-2025", "date_basis": "stated"},\n'
        '{"id": "un-general-assembly-resolution", "date_basis": "inferred"}\n]\n'
    )
    assert formats.render(Format.JSON, [], ("id",)) == "[]\n"
    assert json.loads(formats.render(Format.JSON, records(), FIELDS)) == [
        {f: r[f] for f in FIELDS} for r in records()
    ]


def test_json_writes_utf8_or_ascii_and_escapes_every_control() -> None:
    claim = Claim(
        id="x",
        kind=Kind.EVENT,
        category="c",
        summary=f"Арестова – {EVIL}\x7f\x85\u2028",
        paragraphs=(1,),
        attributed_to="a",
        source="s",
    )
    for fmt in (Format.JSON, Format.JSONL):
        utf8 = formats.render(fmt, records([claim]), ("summary",))
        assert "Арестова –" in utf8
        assert not DANGEROUS & set(utf8.replace("\n", ""))
        assert "\u2028" not in utf8
        ascii_text = formats.render(fmt, records([claim]), ("summary",), ascii_only=True)
        assert ascii_text.isascii()
        assert "\\u0410\\u0440" in ascii_text
        for text in (utf8, ascii_text):
            lines = text.strip("[]\n").split(",\n") if fmt is Format.JSON else text.splitlines()
            assert [json.loads(line)["summary"] for line in lines] == [claim.summary]


def test_jsonl_is_one_object_a_line() -> None:
    lines = formats.render(Format.JSONL, records(), ("id", "paragraphs")).split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == [
        {"id": c.id, "paragraphs": list(c.paragraphs)} for c in CLAIMS
    ]


def test_markdown_escapes_pipes_backslashes_and_line_breaks_and_shows_controls() -> None:
    claim = Claim(
        id="x",
        kind=Kind.EVENT,
        category="a|b",
        summary=f"1\\2\r\n3\r4\n5 {EVIL}",
        paragraphs=(1, 2),
        attributed_to="a",
        source="s",
    )
    assert formats.render(Format.MARKDOWN, records([claim]), ("id", "category", "paragraphs", "summary")) == (
        "| id | category | paragraphs | summary |\n"
        "|---|---|---|---|\n"
        "| x | a\\|b | 1,2 | 1\\\\2<br>3<br>4<br>5 \\x1b[2J\\x1b]0;pwned\\x07\\x9b\\u202e |\n"
    )


def test_table_is_not_a_machine_format() -> None:
    with pytest.raises(ValueError, match=r"output\.views"):
        formats.render(Format.TABLE, records(), DEFAULT_FIELDS)


def test_stats_records_name_values_only_when_there_are_names() -> None:
    assert formats.stats_records([("KG", 3)], {"KG": "Kyrgyzstan"}) == (
        [{"value": "KG", "count": 3, "name": "Kyrgyzstan"}],
        ("value", "count", "name"),
    )
    assert formats.stats_records([("2024", 2)], {}) == (
        [{"value": "2024", "count": 2, "name": None}],
        ("value", "count"),
    )


def test_field_records_for_show_and_source() -> None:
    assert formats.field_records([("id", "x")]) == [{"field": "id", "value": "x"}]


# --fields ----------------------------------------------------------------------------------------


def test_parse_fields_defaults_all_and_order() -> None:
    assert formats.parse_fields(None, DEFAULT_FIELDS) == DEFAULT_FIELDS
    assert formats.parse_fields("all", DEFAULT_FIELDS) == (*FIELDS, "period", "first_day", "last_day")
    assert formats.parse_fields(" summary ,id,summary,", DEFAULT_FIELDS) == ("summary", "id")
    assert formats.parse_fields("id,all", DEFAULT_FIELDS) == formats.ALL_FIELDS


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("id,sumary", "unknown field 'sumary'; did you mean 'summary'?"),
        ("evidense", "unknown field 'evidense'; did you mean 'evidence'?"),
        ("zzz", f"unknown field 'zzz'; valid fields: {', '.join(formats.ALL_FIELDS)}, all"),
        ("\x1b[2J", f"unknown field '\\x1b[2J'; valid fields: {', '.join(formats.ALL_FIELDS)}, all"),
        (",", f"needs at least one field name; valid fields: {', '.join(formats.ALL_FIELDS)}, all"),
    ],
)
def test_parse_fields_rejects_unknown_names_with_a_suggestion(value: str, message: str) -> None:
    with pytest.raises(UsageError) as error:
        formats.parse_fields(value, DEFAULT_FIELDS)
    assert error.value.message == message
    assert error.value.option is None


# Rows and references -----------------------------------------------------------------------------


def test_detail_rows_are_every_field_with_a_value_then_where_it_is_stated() -> None:
    assert rows.detail_rows(RESOLUTION, SOURCE) == [
        ("id", "un-general-assembly-resolution"),
        ("kind", "event"),
        ("category", "decision"),
        ("date", "2024-11-18"),
        ("date_basis", "inferred"),
        ("date_note", "The year comes from the paragraph's opening, 'In 2024'."),
        (
            "summary",
            "A resolution on CSTO cooperation was adopted by the UN General Assembly on November 18.",
        ),
        ("organizations", "UN,CSTO"),
        ("paragraphs", "11"),
        ("attributed_to", "article"),
        ("source", "csto-adapts-to-global-changes"),
        ("stated_in", f'¶11 of "{HEADLINE}"'),
    ]
    assert rows.detail_rows(VERDICT, SOURCE, pilcrow="P")[-1] == ("stated_in", f'P17, P18 of "{HEADLINE}"')


def test_evidence_rows() -> None:
    assert rows.evidence_rows(VERDICT) == [(18, VERDICT.evidence[0].quote)]
    assert rows.evidence_rows(CONSULTATIONS) == []


def test_source_rows_describe_the_report_and_say_what_it_does_not_state() -> None:
    assert rows.source_rows(SOURCE, 44) == [
        ("work", "csto-adapts-to-global-changes"),
        ("role", "report: the claims are its statements"),
        ("headline", HEADLINE),
        ("byline", "Арестова Татьяна"),
        ("byline_romanized", "Arestova Tatyana (a romanisation, not printed on the page)"),
        ("section", "Politics"),
        ("venue", "not stated in the source"),
        ("published", "not stated in the source"),
        ("paragraphs", "20"),
        ("claims", "44"),
    ]
    assert rows.source_rows(Source(id="s", headline="h"), 0) == [
        ("work", "s"),
        ("role", "report: the claims are its statements"),
        ("headline", "h"),
        ("venue", "not stated in the source"),
        ("published", "not stated in the source"),
        ("claims", "0"),
    ]


def test_work_rows_describe_the_reported_work_as_the_report_gives_it() -> None:
    assert rows.work_rows(BABAEV, SOURCE, 3) == [
        ("work", "babaev-allies-csto-2023-2025"),
        ("role", "reported: described in csto-adapts-to-global-changes (¶1)"),
        ("author", "Kirill Babaev"),
        ("post", "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences"),
        ("titles", "Doctor of Philological Sciences, professor"),
        ("venue", "Allies. CSTO (portal)"),
        ("period", "2023..2025"),
        ("title", "not stated in the source"),
        ("published", "not stated in the source"),
        ("claims", "3 attributed to analyst"),
    ]
    assert rows.work_rows(Work(id="w", author="A"), Source(id="s", headline="h"), 0) == [
        ("work", "w"),
        ("role", "reported: described in s"),
        ("author", "A"),
        ("venue", "not stated in the source"),
        ("title", "not stated in the source"),
        ("published", "not stated in the source"),
    ]


def test_paragraph_rows_give_the_text_and_the_claims_citing_it() -> None:
    citing = {13: ["khujand-border-agreement-2025-03-31", "bilateral-consultations-2024-2025"]}
    assert rows.paragraph_rows(SOURCE, [13, 3], citing) == [
        (13, BODY[12], ("khujand-border-agreement-2025-03-31", "bilateral-consultations-2024-2025")),
        (3, "In this regard, the new leadership of the CSTO Secretariat faced several priority tasks:", ()),
    ]
    assert [n for n, _, _ in rows.paragraph_rows(SOURCE, [], {})] == list(range(1, 21))
    with pytest.raises(NotFoundError, match="there is no ¶21: the source has ¶1–¶20"):
        rows.paragraph_rows(SOURCE, [21], {})
    with pytest.raises(NotFoundError, match="does not hold the text"):
        rows.paragraph_rows(Source(id="s", headline="h"), [1], {})


REPORT = f'Арестова Татьяна (romanised: Arestova Tatyana), "{HEADLINE}", Politics section'


def test_citation_text_cites_the_analysts_article_as_reported_in_the_report() -> None:
    assert citations.citation_text(VERDICT, SOURCE) == (
        'Kirill Babaev, article on the portal "Allies. CSTO" (title and date not stated), '
        f"as reported in {REPORT}, ¶18: "
        '""The dynamics of the CSTO\'s activities... indicates its significance as a key security '
        'structure in the Eurasian space,"".'
    )
    assert citations.pandoc(VERDICT, SOURCE) == (
        "[@babaev-allies-csto-2023-2025; as reported in @csto-adapts-to-global-changes, para. 17, 18]"
    )


def test_citation_text_credits_the_byline_as_printed_for_the_reports_own_words() -> None:
    assert citations.citation_text(RESOLUTION, SOURCE) == (
        f"{REPORT}, ¶11: "
        '"On November 18, the UN General Assembly adopted a resolution on cooperation with the CSTO.".'
    )
    assert citations.citation_text(CONSULTATIONS, SOURCE) == f"{REPORT}, ¶13."
    assert citations.citation_text(CONSULTATIONS, Source(id="s", headline="h")) == '"h", ¶13.'
    assert citations.pandoc(RESOLUTION, SOURCE) == "[@csto-adapts-to-global-changes, para. 11]"
    headline = RESOLUTION.replace(paragraphs=(0,), evidence=(Evidence(0, HEADLINE),))
    assert citations.citation_text(headline, SOURCE) == f'{REPORT}, headline: "{HEADLINE}".'
    assert citations.pandoc(headline, SOURCE) == "[@csto-adapts-to-global-changes]"


def test_an_analysts_view_of_a_source_without_reported_works_is_cited_as_the_report() -> None:
    bare = Source(id="s", headline="h", byline="B")
    assert citations.citation_text(VERDICT, bare) == 'B, "h", ¶18: "' + VERDICT.evidence[0].quote + '".'
    assert citations.pandoc(VERDICT, bare) == "[@s, para. 17, 18]"


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_references_invent_no_date_and_no_address(claim: Claim) -> None:
    text = citations.citation_text(claim, SOURCE)
    quotes = " ".join(e.quote for e in claim.evidence)
    for year in re.findall(r"\b(?:19|20)\d\d\b", text):
        assert year in quotes  # a year may only come from a quote
    assert "http" not in text and "www" not in text
    for quote in quotes.split(" "):
        assert quote in text
    for item in citations.csl_items([claim], {SOURCE.id: SOURCE}):
        assert not {"issued", "URL", "accessed", "DOI", "available-date"} & set(item)
        assert "http" not in json.dumps(item)


def test_csl_items_are_one_per_work_in_the_order_first_cited() -> None:
    sources = {SOURCE.id: SOURCE}
    report = {
        "id": "csto-adapts-to-global-changes",
        "type": "article",
        "title": HEADLINE,
        "author": [{"literal": "Арестова Татьяна"}],
        "section": "Politics",
    }
    babaev = {
        "id": "babaev-allies-csto-2023-2025",
        "type": "article",
        "author": [{"literal": "Kirill Babaev"}],
        "container-title": "Allies. CSTO",
    }
    assert citations.csl_items([RESOLUTION, CONSULTATIONS], sources) == [report]
    assert citations.csl_items([RESOLUTION, VERDICT, CONSULTATIONS, VERDICT], sources) == [report, babaev]
    assert citations.csl_items([VERDICT], sources) == [babaev, report]
    assert citations.csl_items([], sources) == []
    # Where the report appeared is never the reported work's venue.
    assert "container-title" not in citations.report_item(SOURCE)


# Terminal views: layout --------------------------------------------------------------------------


def test_list_view_marks_inferred_dates_and_views_with_a_legend() -> None:
    assert listview.claim_list(CLAIMS, 100, colour=False, ascii_only=False, evidence=False) == (
        "date          category     claim\n" + "─" * 100 + "\n"
        "2024..2025    meeting      Bilateral consultations over 2024-2025 on the Kyrgyz-Tajik tensions paved\n"
        "                           the way for the Khujand border agreement.\n"
        "                           bilateral-consultations-2024-2025  KG,TJ  ¶13\n"
        "2024-11-18*   decision     A resolution on CSTO cooperation was adopted by the UN General Assembly\n"
        "                           on November 18.\n"
        "                           un-general-assembly-resolution  ¶11\n"
        "2025-03-31    agreement    Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in\n"
        "                           Khujand on March 31, 2025.\n"
        "                           khujand-border-agreement-2025-03-31  TJ,KG,UZ  ¶13\n"
        "undated       conclusion   [view: analyst] Babaev concludes that the CSTO's record shows it is a key\n"
        "                           security structure in Eurasia.\n"
        "                           csto-key-security-structure  ¶17, ¶18\n"
        "\n"
        "* date inferred from the paragraph's context; [view: who] an assessment, not a reported event\n"
    )


def test_list_view_has_no_legend_without_marks() -> None:
    text = listview.claim_list([KHUJAND], 80, colour=False, ascii_only=False, evidence=False)
    assert text.splitlines()[-1] == " " * 25 + "khujand-border-agreement-2025-03-31  TJ,KG,UZ  ¶13"
    assert "*" not in text and "view" not in text


def test_list_view_in_ascii_uses_only_ascii() -> None:
    text = listview.claim_list(CLAIMS, 100, colour=False, ascii_only=True, evidence=False)
    assert text.isascii()
    assert "-" * 100 in text
    assert "csto-key-security-structure  P17, P18" in text
    assert "[view: analyst]" in text and "2024-11-18*" in text


def test_narrow_list_stacks_and_breaks_ids_at_hyphens() -> None:
    assert draw(views.claims_table([KHUJAND, VERDICT], None, 30, colour=False)) == (
        "id: khujand-border-agreement-\n"
        "  2025-03-31\n"
        "date: 2025-03-31\n"
        "category: agreement\n"
        "countries: TJ,KG,UZ\n"
        "paragraphs: ¶13\n"
        "summary: Tajikistan,\n"
        "  Kyrgyzstan and Uzbekistan\n"
        "  signed a border agreement in\n"
        "  Khujand on March 31, 2025.\n"
        "\n"
        "id: csto-key-security-\n"
        "  structure\n"
        "date: undated\n"
        "category: conclusion\n"
        "paragraphs: ¶17, ¶18\n"
        "summary: [view: analyst]\n"
        "  Babaev concludes that the\n"
        "  CSTO's record shows it is a\n"
        "  key security structure in\n"
        "  Eurasia.\n"
        "\n"
        "[view: who] an assessment, not\n"
        "a reported event\n"
    )


def test_table_with_fields_breaks_ids_at_hyphens() -> None:
    text = draw(views.claims_table([KHUJAND], ["id", "kind", "paragraphs"], 60, colour=False))
    assert text == (
        "id                                    kind    ¶\n" + "─" * 49 + "\n"
        "khujand-border-agreement-2025-03-31   event   ¶13\n"
    )
    fields = ["id", "summary", "date", "category", "location", "countries"]
    narrow = draw(views.claims_table([KHUJAND], fields, 60, colour=False)).splitlines()
    ids = [line.split(" ")[0] for line in narrow[2:] if line[:1] != " "]
    assert ids[0] != KHUJAND.id  # the id column is too narrow for the whole id
    assert "".join(line.split(" ")[0] for line in narrow[2:] if line[:1] != " ") == KHUJAND.id
    assert all(piece.endswith("-") for piece in ids[:-1])


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("one two three", 7, ["one two", "three"]),
        ("khujand-border-agreement-2025-03-31", 12, ["khujand-", "border-", "agreement-", "2025-03-31"]),
        ("see khujand-border-agreement", 16, ["see khujand-", "border-agreement"]),
        ("see khujand-border", 16, ["see", "khujand-border"]),  # a word that fits a line moves whole
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no space or hyphen: cut, the last resort
        ("  lead   and    gaps  ", 8, ["  lead", "and", "gaps"]),
        ("", 5, [""]),
        ("宽字符宽字符", 5, ["宽字", "符宽", "字符"]),  # wide characters take two cells
    ],
)
def test_lines_break_at_spaces_then_hyphens_then_anywhere(text: str, width: int, lines: list[str]) -> None:
    assert [text[a:b] for a, b in views.line_spans(text, width)] == lines


def test_a_label_is_never_left_alone_when_the_value_can_break_at_a_hyphen() -> None:
    spans = views.line_spans("khujand-border-agreement", 10, 30)
    assert [("khujand-border-agreement"[a:b]) for a, b in spans] == ["khujand-", "border-agreement"]
    spans = views.line_spans("Tajikistan, and", 4, 30)
    assert [("Tajikistan, and"[a:b]) for a, b in spans] == ["", "Tajikistan, and"]


@given(st.text(st.sampled_from("ab- 宽\u0301")), st.integers(1, 12), st.integers(1, 12))
def test_lines_fit_their_width_and_keep_every_character_but_spaces(text: str, width: int, rest: int) -> None:
    from rich.cells import cell_len

    spans = views.line_spans(text, width, rest)
    pieces = [text[a:b] for a, b in spans]
    for number, piece in enumerate(pieces):
        assert cell_len(piece) <= (width if number == 0 else rest) or len(piece) == 1
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert all(b <= a2 for (_, b), (a2, _) in itertools.pairwise(spans))


def test_timeline_groups_by_year_with_one_date_column() -> None:
    text = draw(views.timeline(CLAIMS, 100, colour=False))
    assert text == (
        "2024\n"
        "2024..2025   Bilateral consultations over 2024-2025 on the Kyrgyz-Tajik tensions paved the way for\n"
        "             the Khujand border agreement.  [bilateral-consultations-2024-2025]\n"
        "2024-11-18*  A resolution on CSTO cooperation was adopted by the UN General Assembly on November 18.\n"
        "             [un-general-assembly-resolution]\n"
        "\n"
        "2025\n"
        "2025-03-31   Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31,\n"
        "             2025.  [khujand-border-agreement-2025-03-31]\n"
        "\n"
        "Undated\n"
        "             [view: analyst] Babaev concludes that the CSTO's record shows it is a key security\n"
        "             structure in Eurasia.  [csto-key-security-structure]\n"
        "\n"
        "* date inferred from the paragraph's context; [view: who] an assessment, not a reported event\n"
    )


def test_timeline_never_heads_a_year_before_first_year() -> None:
    text = draw(views.timeline(CLAIMS, 100, colour=False, first_year=2025))
    assert [line for line in text.splitlines() if re.fullmatch(r"\d{4}|Undated", line)] == ["2025", "Undated"]
    # The 2024..2025 span sits under 2025, its own dates shown.
    assert text.startswith("2025\n2024..2025   Bilateral consultations")
    assert views.year_groups(CLAIMS, 2025) == [
        ("2025", [CONSULTATIONS, RESOLUTION, KHUJAND]),
        ("Undated", [VERDICT]),
    ]
    assert views.year_groups(CLAIMS) == [
        ("2024", [CONSULTATIONS, RESOLUTION]),
        ("2025", [KHUJAND]),
        ("Undated", [VERDICT]),
    ]


def test_timeline_dates_line_up_across_years() -> None:
    short = Claim(
        id="y",
        kind=Kind.EVENT,
        category="c",
        date="2023",
        summary="Short date.",
        paragraphs=(1,),
        attributed_to="a",
        source="s",
    )
    text = draw(views.timeline([short, *CLAIMS], 100, colour=False))
    dated = [line for line in text.splitlines() if line[:1].isdigit() and " " in line]
    assert len(dated) == 4
    assert {len(line) - len(line.split(" ", 1)[1].lstrip(" ")) for line in dated} == {13}


def test_year_groups_without_a_span_read_the_date() -> None:
    claim = Claim(
        id="z",
        kind=Kind.EVENT,
        category="c",
        date="2023-05",
        summary="s",
        paragraphs=(1,),
        attributed_to="a",
        source="s",
    )
    assert views.year_groups([claim]) == [("2023", [claim])]


def test_stats_chart_with_a_note() -> None:
    chart = views.stats_chart(
        [("exercise", 9), ("award", 1)], "category", {}, 80, True, "counts claims, not events", colour=False
    )
    assert draw(chart, 80) == (
        "category   count\n" + "─" * 59 + "\n"
        "exercise       9   ████████████████████████████████████████\n"
        "award          1   ████\n"
        "\n"
        "counts claims, not events\n"
    )
    ascii_chart = views.stats_chart([("KG", 2)], "country", {"KG": "Kyrgyzstan"}, 80, False, colour=False)
    assert (
        draw(ascii_chart, 80)
        == "country   name         count\n" + "-" * 71 + "\nKG        Kyrgyzstan       2   " + "#" * 40 + "\n"
    )


def test_show_without_colour_quotes_the_evidence_under_its_paragraph() -> None:
    assert draw(views.claim_details(VERDICT, SOURCE, colour=False), 100) == (
        "csto-key-security-structure\n"
        "id             csto-key-security-structure\n"
        "kind           assessment\n"
        "category       conclusion\n"
        "summary        Babaev concludes that the CSTO's record shows it is a key security structure in\n"
        "               Eurasia.\n"
        "organizations  CSTO\n"
        "paragraphs     17,18\n"
        "attributed_to  analyst\n"
        "source         csto-adapts-to-global-changes\n"
        f'stated_in      ¶17, ¶18 of "{HEADLINE}"\n'
        "\n"
        "¶18\n"
        "  “\"The dynamics of the CSTO's activities... indicates its significance as a key security structure\n"
        '  in the Eurasian space,"”\n'
    )


def test_show_with_colour_highlights_the_quote_in_its_paragraph() -> None:
    text = draw(views.claim_details(KHUJAND, SOURCE, colour=True), 100, colour=True)
    plain = shown(text)
    assert "  An important aspect was the active participation" in plain  # the paragraph, dimmed
    assert "\x1b[2mAn important aspect" in text
    assert "\x1b[1mled to the\x1b[0m" in text
    assert "“" not in plain


def test_show_shows_a_quote_alone_when_the_paragraph_does_not_hold_it() -> None:
    claim = Claim(
        id="q",
        kind=Kind.EVENT,
        category="c",
        summary="s",
        paragraphs=(8,),
        attributed_to="article",
        source="s",
        evidence=(Evidence(8, "words the paragraph lacks"), Evidence(99, "no such paragraph")),
    )
    for colour in (True, False):
        text = shown(draw(views.claim_details(claim, SOURCE, colour=colour), 100))
        assert "¶8\n  “words the paragraph lacks”\n" in text
        assert "¶99\n  “no such paragraph”\n" in text
        assert "Immediately after" not in text


def test_source_view() -> None:
    assert draw(views.source_view(rows.work_rows(BABAEV, SOURCE, 3), colour=False), 100) == (
        "work       babaev-allies-csto-2023-2025\n"
        "role       reported: described in csto-adapts-to-global-changes (¶1)\n"
        "author     Kirill Babaev\n"
        "post       the director of the Institute of China and Modern Asia of the Russian Academy of Sciences\n"
        "titles     Doctor of Philological Sciences, professor\n"
        "venue      Allies. CSTO (portal)\n"
        "period     2023..2025\n"
        "title      not stated in the source\n"
        "published  not stated in the source\n"
        "claims     3 attributed to analyst\n"
    )


def test_paragraphs_view_for_read() -> None:
    paragraphs = rows.paragraph_rows(SOURCE, [3, 9], {9: ["summit-15-documents"]})
    assert draw(views.paragraphs_view(paragraphs, colour=False), 80) == (
        "¶3\n"
        "In this regard, the new leadership of the CSTO Secretariat faced several\n"
        "priority tasks:\n"
        "cited by: no claim\n"
        "\n"
        "¶9\n"
        "As a result of the CSTO summit, 15 documents were signed addressing current\n"
        "issues of international security and crisis response mechanisms, as well as a\n"
        "provision on the joint press center of the CSTO.\n"
        "cited by: summit-15-documents\n"
    )


def test_make_console_clamps_the_width_and_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "33")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert views.make_console(5, False).width == 20
    assert views.make_console(10_000, False).width == 500
    assert views.make_console(None, False).width == 80
    assert "\x1b" not in draw(views.claims_table(CLAIMS, None, 100, colour=False), colour=False)
    assert "\x1b[1m" in draw(views.claims_table(CLAIMS, None, 100, colour=True), colour=True)


# Terminal views: safety --------------------------------------------------------------------------


def every_view(
    claims: Sequence[Claim], source: Source, width: int, colour: bool, ascii_only: bool = False
) -> dict[str, Any]:
    labels = {c.category: c.summary for c in claims}
    pairs = [(c.category, n + 1) for n, c in enumerate(claims)]
    paragraphs = [(n, text, tuple(c.id for c in claims)) for n, text in enumerate(source.body[:2], 1)]
    return {
        "list": views.claims_table(claims, None, width, colour=colour, ascii_only=ascii_only),
        "table": views.claims_table(
            claims, ["id", "date", "summary", "location"], width, colour=colour, ascii_only=ascii_only
        ),
        "timeline": views.timeline(claims, width, colour=colour, ascii_only=ascii_only),
        "stats": views.stats_chart(
            pairs, claims[0].summary, labels, width, not ascii_only, claims[0].summary, colour=colour
        ),
        "show": views.claim_details(claims[0], source, colour=colour, ascii_only=ascii_only),
        "source": views.source_view(
            rows.source_rows(source, len(claims)), colour=colour, ascii_only=ascii_only
        ),
        "work": views.source_view(
            rows.work_rows(source.reports[0], source, len(claims)), colour=colour, ascii_only=ascii_only
        ),
        "read": views.paragraphs_view(paragraphs, colour=colour, ascii_only=ascii_only),
    }


def assert_safe(text: str, colour: bool) -> None:
    if not colour:
        assert "\x1b" not in text
    data = shown(text)
    assert not (DANGEROUS - {"\n"}) & set(data), [c for c in data if c in DANGEROUS and c != "\n"]
    for line in data.split("\n"):
        assert line == line.rstrip(" "), repr(line)


def evil(claim: Claim) -> Claim:
    return claim.replace(
        id=claim.id + EVIL,
        category=EVIL,
        summary=f"{claim.summary} {EVIL}",
        location=EVIL,
        countries=(EVIL,),
        date=claim.date and claim.date + EVIL,
        attributed_to=f"analyst{EVIL}",
        evidence=(Evidence(13, f"quote {EVIL}"), Evidence(13, BODY[12][:40])),
    )


EVIL_SOURCE = Source(
    id=EVIL,
    headline=f"headline {EVIL}",
    venue=EVIL,
    byline=EVIL,
    byline_romanized=f"Family {EVIL}",
    reports=(Work(id=EVIL, author=EVIL, author_post=EVIL, author_titles=(EVIL,), venue=EVIL, voice=EVIL),),
    body=tuple(f"{p} {EVIL}" for p in BODY),
)


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "no-colour"])
@pytest.mark.parametrize("width", [20, 45, 100])
def test_no_view_lets_data_drive_the_terminal(colour: bool, width: int) -> None:
    claims = [evil(c) for c in CLAIMS]
    for name, view in every_view(claims, EVIL_SOURCE, width, colour).items():
        text = draw(view, width, colour)
        assert_safe(text, colour)
        assert "\\x1b[2J\\x1b]0;pwned\\x07\\x9b\\u202e" in shown(text).replace("\n", "").replace(" ", ""), (
            name
        )


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "no-colour"])
def test_views_have_no_trailing_spaces(colour: bool) -> None:
    for width in (20, 40, 60, 80, 120):
        for view in every_view(CLAIMS, SOURCE, width, colour).values():
            assert_safe(draw(view, width, colour), colour)


def test_ascii_views_are_ascii_for_ascii_data() -> None:
    source = Source(id="s", headline="h", body=("one two", "three"), reports=(Work(id="w", author="A"),))
    for width in (20, 100):
        for name, view in every_view(CLAIMS, source, width, colour=False, ascii_only=True).items():
            assert draw(view, width).isascii(), name


# Everything, for any text ------------------------------------------------------------------------

CHARS = st.one_of(st.characters(), st.sampled_from(sorted(DANGEROUS) + list("\r\n\t=+-@'\"\\,| ")))
TEXT = st.text(CHARS, max_size=40)


@st.composite
def any_claim(draw_value: Callable[..., Any]) -> Claim:
    return Claim(
        id=draw_value(TEXT),
        kind=draw_value(st.sampled_from(Kind)),
        category=draw_value(TEXT),
        date=draw_value(st.none() | TEXT),
        end_date=draw_value(st.none() | TEXT),
        date_basis=draw_value(st.sampled_from([None, "stated", "inferred"])),
        date_note=draw_value(st.none() | TEXT),
        summary=draw_value(TEXT),
        countries=tuple(draw_value(st.lists(TEXT, max_size=3))),
        organizations=tuple(draw_value(st.lists(TEXT, max_size=2))),
        location=draw_value(st.none() | TEXT),
        paragraphs=tuple(draw_value(st.lists(st.integers(1, 20), min_size=1, max_size=3))),
        attributed_to=draw_value(TEXT),
        attribution_note=draw_value(st.none() | TEXT),
        parent=draw_value(st.none() | TEXT),
        source=draw_value(TEXT),
        evidence=tuple(
            Evidence(p, q) for p, q in draw_value(st.lists(st.tuples(st.integers(1, 3), TEXT), max_size=2))
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_claim(), min_size=1, max_size=3))
def test_machine_formats_lose_nothing(claims: list[Claim]) -> None:
    recs = [{f: r[f] for f in EVERY} for r in records(claims)]
    cells = [[cell(r[f]) for f in EVERY] for r in recs]
    typed = [[formats.typed_cell(r[f]) for f in EVERY] for r in recs]
    for ascii_only in (False, True):
        assert json.loads(formats.json_text(recs, EVERY, ascii_only)) == recs
        lines = formats.jsonl(recs, EVERY, ascii_only).split("\n")
        assert [json.loads(line) for line in lines[:-1]] == recs
    plain = formats.plain(recs, EVERY).split("\n")
    assert plain[-1] == ""
    assert [[unescape(v) for v in line.split("\t")] for line in plain[:-1]] == cells
    tsv = formats.tsv(recs, EVERY).split("\n")
    assert tsv[0].split("\t") == list(EVERY)
    assert [[unguard(unescape(v)) for v in line.split("\t")] for line in tsv[1:-1]] == typed
    if sys.version_info >= (3, 11) or not any(
        "\x00" in c for row in cells for c in row
    ):  # NUL: csv reads it from 3.11
        read = list(csv.reader(io.StringIO(formats.csv_text(recs, EVERY), newline="")))
        assert read[0] == list(EVERY)
        assert [[unguard(v) for v in row] for row in read[1:]] == typed
    assert not (DANGEROUS - {"\n"}) & set(formats.markdown(recs, EVERY))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_claim(), min_size=1, max_size=3), TEXT, st.sampled_from([20, 45, 100]), st.booleans())
def test_terminal_views_never_show_a_dangerous_character(
    claims: list[Claim], text: str, width: int, colour: bool
) -> None:
    source = Source(
        id=text,
        headline=text,
        venue=text,
        byline_romanized=text,
        reports=(Work(id=text, author=text, author_titles=(text,), venue=text),),
        body=(text, f"{text} {text}", text[::-1]),
    )
    for view in every_view(claims, source, width, colour).values():
        assert_safe(draw(view, width, colour), colour)


def test_machine_formats_and_rows_never_import_rich() -> None:
    import subprocess

    probe = (
        "import sys\n"
        "from cstofacts import safe\nfrom cstofacts.output import formats, rows\n"
        "formats.markdown([{'a': 'x'}], ['a']); formats.csv_text([{'a': '=x'}], ['a'])\n"
        "formats.parse_fields('id', ()); safe.visible('\\x1b')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_list_view_and_timeline_do_without_rich_table() -> None:
    import subprocess

    tests = str(Path(__file__).resolve().parent)
    probe = (
        "import sys\n"
        f"sys.path.insert(0, {tests!r})\n"
        "import test_output as t\n"
        "from cstofacts.output import views\n"
        "t.draw(views.claims_table(t.CLAIMS, None, 100)); t.draw(views.timeline(t.CLAIMS, 100))\n"
        "t.draw(views.claim_details(t.KHUJAND, t.SOURCE))\n"
        "print('rich.table' in sys.modules, 'rich.console' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_the_headline_is_cited_as_the_headline_not_as_a_paragraph_number() -> None:
    claim = RESOLUTION.replace(paragraphs=(0,), evidence=(Evidence(0, HEADLINE),))
    assert rows.where((0, 13)) == "headline, ¶13"
    assert rows.where((0,), pilcrow="P") == "headline"
    assert ("stated_in", f'headline of "{HEADLINE}"') in rows.detail_rows(claim, SOURCE)
    shown = draw(views.claim_details(claim, SOURCE, colour=False), 100)
    assert f"\nheadline\n  “{HEADLINE}”\n" in shown
    assert "¶0" not in shown


def test_a_reported_works_title_is_cited_when_the_report_states_it() -> None:
    titled = SOURCE._replace(reports=(BABAEV._replace(title="On the CSTO"),))
    assert citations.citation_text(VERDICT, titled).startswith(
        'Kirill Babaev, "On the CSTO", article on the portal "Allies. CSTO" (date not stated), as reported in '
    )
    assert citations.work_item(titled.reports[0])["title"] == "On the CSTO"
    untitled = Source(id="s", headline="h", reports=(Work(id="w", author="A", voice="analyst"),))
    assert citations.citation_text(VERDICT, untitled).startswith(
        'A (title and date not stated), as reported in "h", '
    )


def test_the_narrow_list_view_stacks_each_claim_and_its_evidence() -> None:
    # listview draws the columned view; too narrow for its columns, views stacks the same claims.
    assert not listview.fits([KHUJAND], 40)
    text = draw(views.claims_table([KHUJAND], None, 40, colour=False, evidence=True))
    lines = text.splitlines()
    assert lines[0] == "id: khujand-border-agreement-2025-03-31"
    assert "date: 2025-03-31" in lines
    quoted = [line for line in lines if line.startswith("¶13 “")]
    assert len(quoted) == len(KHUJAND.evidence) == 1
    assert "date: 2025-03-31" in draw(views.claims_table([KHUJAND], None, 40, colour=False))
    assert "¶13 “" not in draw(views.claims_table([KHUJAND], None, 40, colour=False))
