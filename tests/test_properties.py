"""Property tests: `list` answers exactly what an independent oracle computes from the TOML.

The oracle below reads the dataset with tomllib and resolves every filter on its own, in plain
Python, from the README's rules: it shares no code with cstofacts. Values are drawn mostly from
the dataset's own vocabulary (so most filters are valid and find something), sometimes broken.
The CLI must then print exactly the oracle's ids, and refuse (exit 2) exactly what the oracle
considers invalid.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import BUNDLED, claim_toml, write_dataset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstofacts.cli.app import run

if sys.version_info >= (3, 11):
    import tomllib
else:  # cstofacts depends on tomli before 3.11
    import tomli as tomllib

Span = tuple[dt.date, dt.date]
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]
KINDS = ("event", "assessment", "background")


class Invalid(Exception):
    """The oracle considers the value a usage error."""


class NotMentioned(Exception):
    """The oracle finds no such name in the dataset: an answer (exit 1), not a usage error."""


# -- the oracle ------------------------------------------------------------------------------------


def words(text: str) -> str:
    """Case, accents and punctuation folded away: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", bare))


def typed(value: str) -> str:
    """A value as typed: surrounding blanks ignored; empty, over-long or invisible characters refused."""
    value = value.strip()
    if not value or len(value) > 200 or not value.isprintable():
        raise Invalid(value)
    return value


def day_span(year: int, month: int | None = None, day: int | None = None) -> Span:
    if year < 1:
        raise Invalid(year)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise Invalid(month)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last)
    if not 1 <= day <= last:
        raise Invalid(day)
    return dt.date(year, month, day), dt.date(year, month, day)


def iso_span(value: str) -> Span:
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", value)
    if match is None:
        raise Invalid(value)
    year, month, day = match.groups()
    return day_span(int(year), int(month) if month else None, int(day) if day else None)


def date_span(value: str) -> Span:
    """YYYY, YYYY-MM, YYYY-MM-DD, 'March 2025', 'Mar 2025', '31 March 2025', 'March 31, 2025'."""
    value = " ".join(typed(value).split())
    if re.fullmatch(r"[0-9-]+", value):
        return iso_span(value)
    month_word = "|".join(MONTHS)
    patterns = (
        rf"(?P<month>{month_word}) (?P<year>[0-9]{{4}})",
        rf"(?P<day>[0-9]{{1,2}}) (?P<month>{month_word}) (?P<year>[0-9]{{4}})",
        rf"(?P<month>{month_word}) (?P<day>[0-9]{{1,2}}),? (?P<year>[0-9]{{4}})",
    )
    for pattern in patterns:
        match = re.fullmatch(pattern, value, re.IGNORECASE)
        if match:
            parts = match.groupdict()
            day = int(parts["day"]) if parts.get("day") else None
            return day_span(int(parts["year"]), MONTHS[parts["month"].casefold()], day)
    raise Invalid(value)


def year_span(value: str) -> Span:
    """YYYY, or an inclusive range YYYY..YYYY, YYYY-YYYY, YYYY–YYYY; open ends only with '..'."""
    value = typed(value)
    if re.fullmatch(r"[0-9]{4}", value):
        return day_span(int(value))
    match = re.fullmatch(r"([0-9]{4})?\s*(\.\.|-|–)\s*([0-9]{4})?", value)
    if match is None:
        raise Invalid(value)
    low, dash, high = match.groups()
    if not (low or high) or (dash != ".." and not (low and high)):
        raise Invalid(value)
    first = day_span(int(low))[0] if low else dt.date(1, 1, 1)
    last = day_span(int(high))[1] if high else dt.date(9999, 12, 31)
    if first > last:
        raise Invalid(value)
    return first, last


@dataclass(repr=False)
class Oracle:
    """A dataset read with tomllib, and what each filter means on it."""

    claims: list[dict[str, Any]]
    countries: dict[str, str]  # every spelling, folded, to the code
    organizations: dict[str, str]
    categories: dict[str, str]
    attributions: tuple[str, ...]
    places: dict[str, str]  # place name to the country it lies in
    last_paragraph: int
    country_spellings: list[str]  # as declared: what strategies draw from
    org_spellings: list[str]
    category_spellings: list[str]

    def __repr__(self) -> str:
        return f"Oracle({len(self.claims)} claims)"

    @classmethod
    def read(cls, path: Path) -> Oracle:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        country_spellings = [
            (spelling, code)
            for code, c in data["countries"].items()
            for spelling in (code, c["alpha3"], c["name"], *c.get("adjectives", []), *c.get("aliases", []))
        ]
        org_spellings = [
            (spelling, short)
            for short, o in data["organizations"].items()
            for spelling in (short, o["name"], *o.get("aliases", []))
        ]
        categories: dict[str, str] = {}
        for name, entry in data["categories"].items():
            synonyms = entry.get("synonyms", []) if isinstance(entry, dict) else []
            for spelling in (name, *synonyms):
                categories.setdefault(words(spelling), name)
        [source] = data["sources"]
        return cls(
            claims=data["claims"],
            countries={words(spelling): code for spelling, code in country_spellings},
            organizations={words(spelling): short for spelling, short in org_spellings},
            categories=categories,
            attributions=tuple(data["attributions"]),
            places={name: p["country"] for name, p in data.get("places", {}).items()},
            last_paragraph=len(source["body"]) if "body" in source else source["paragraphs"],
            country_spellings=[spelling for spelling, _ in country_spellings],
            org_spellings=[spelling for spelling, _ in org_spellings],
            category_spellings=[
                spelling
                for name, entry in data["categories"].items()
                for spelling in (name, *(entry.get("synonyms", []) if isinstance(entry, dict) else []))
            ],
        )

    def span(self, claim: dict[str, Any]) -> Span | None:
        if "date" not in claim:
            return None
        return iso_span(claim["date"])[0], iso_span(claim.get("end_date", claim["date"]))[1]

    # Each resolver gives the dataset value a typed value stands for, or raises.

    def country(self, value: str) -> str:
        found = self.countries.get(words(typed(value)))
        if found is None:
            raise NotMentioned(value)
        return found

    def organization(self, value: str) -> str:
        found = self.organizations.get(words(typed(value)))
        if found is None:
            raise NotMentioned(value)
        return found

    def category(self, value: str) -> str:
        folded = words(typed(value))
        singulars = [folded, folded.removesuffix("s"), folded.removesuffix("es")]
        if folded.endswith("ies"):
            singulars.append(folded[:-3] + "y")
        for singular in singulars:
            if singular in self.categories:
                return self.categories[singular]
        raise Invalid(value)

    def kind(self, value: str) -> str:
        folded = words(typed(value))
        for kind in KINDS:
            if folded in (kind, kind + "s"):
                return kind
        raise Invalid(value)

    def attribution(self, value: str) -> str:
        folded = words(typed(value))
        for name in self.attributions:
            if folded in (name, name + "s", f"the {name}"):
                return name
        raise Invalid(value)

    def paragraph(self, value: str) -> int:
        digits = value.strip().lstrip("¶")
        if not re.fullmatch(r"[0-9]+", digits) or not 0 <= int(digits) <= self.last_paragraph:
            raise Invalid(value)
        return int(digits)


RESOLVE = {
    "--country": Oracle.country,
    "--org": Oracle.organization,
    "--category": Oracle.category,
    "--kind": Oracle.kind,
    "--attributed-to": Oracle.attribution,
    "--paragraph": Oracle.paragraph,
}


@dataclass
class Expected:
    invalid: set[str]  # options the oracle refuses
    unmentioned: list[str]  # names the dataset does not have
    ids: set[str]


def expect(oracle: Oracle, filters: dict[str, list[str]]) -> Expected:
    invalid: set[str] = set()
    unmentioned: list[str] = []
    resolved: dict[str, set[Any]] = {}
    spans: dict[str, list[Span]] = {}
    for option, values in filters.items():
        for value in values:
            try:
                if option == "--year":
                    found = year_span(value)
                    spans.setdefault(option, []).append(found)
                elif option in ("--since", "--until"):
                    found = date_span(value)
                    spans.setdefault(option, []).append(found)
                else:
                    key = RESOLVE[option](oracle, value)
                    resolved.setdefault(option, set()).add(key)
            except Invalid:
                invalid.add(option)
            except NotMentioned:
                unmentioned.append(value)
    since = spans["--since"][0][0] if "--since" in spans else None
    until = spans["--until"][0][1] if "--until" in spans else None
    if since and until and since > until:
        invalid.add("--since")
    ids = set()
    for claim in oracle.claims:
        span = oracle.span(claim)
        countries = {*claim["countries"], oracle.places.get(claim.get("location", ""), "")}
        checks = [
            "--country" not in resolved or bool(resolved["--country"] & countries),
            "--org" not in resolved or bool(resolved["--org"] & set(claim["organizations"])),
            "--category" not in resolved or claim["category"] in resolved["--category"],
            "--kind" not in resolved or claim["kind"] in resolved["--kind"],
            "--attributed-to" not in resolved or claim["attributed_to"] in resolved["--attributed-to"],
            "--paragraph" not in resolved or bool(resolved["--paragraph"] & set(claim["paragraphs"])),
        ]
        if "--year" in spans:
            checks.append(
                span is not None and any(lo <= span[1] and span[0] <= hi for lo, hi in spans["--year"])
            )
        if since is not None:
            checks.append(span is not None and span[1] >= since)
        if until is not None:
            checks.append(span is not None and span[0] <= until)
        if all(checks):
            ids.add(claim["id"])
    return Expected(invalid, unmentioned, ids)


# -- strategies: mostly the dataset's own values ---------------------------------------------------


def spelled(values: Sequence[str]) -> st.SearchStrategy[str]:
    """A declared value as a user may type it: any case, blanks around it."""
    cases = st.sampled_from([str, str.upper, str.lower, str.title])
    pads = st.sampled_from(["", " "])
    return st.builds(lambda v, case, pad: pad + case(v) + pad, st.sampled_from(list(values)), cases, pads)


def mostly(valid: st.SearchStrategy[str], invalid: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A valid value nine times in ten."""
    return st.integers(0, 9).flatmap(lambda n: valid if n < 9 else invalid)


junk = st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=12)
any_year = st.integers(1990, 2030)
broken_years = st.one_of(
    junk,
    st.tuples(any_year, any_year).filter(lambda t: t[0] > t[1]).map(lambda t: f"{t[0]}..{t[1]}"),
    any_year.map(lambda y: f"{y}-"),
    st.sampled_from(["0000", "٢٠٢٣", "..", "2023..2024..2025"]),
)
broken_dates = st.one_of(
    junk,
    st.from_regex(r"20[0-9]{2}-(1[3-9]|00)", fullmatch=True),
    st.sampled_from(["2023-02-29", "2024-02-30", "2025-04-31", "31 June 2025", "2025/03/01", "0000"]),
)


def year_values(years: st.SearchStrategy[int]) -> st.SearchStrategy[str]:
    pairs = st.tuples(years, years).map(sorted)
    return st.one_of(
        years.map(str),
        pairs.map(lambda t: f"{t[0]}..{t[1]}"),
        pairs.map(lambda t: f"{t[0]}-{t[1]}"),
        pairs.map(lambda t: f"{t[0]}–{t[1]}"),
        years.map(lambda y: f"..{y}"),
        years.map(lambda y: f"{y}.."),
    )


def date_values(days: st.SearchStrategy[dt.date]) -> st.SearchStrategy[str]:
    return st.one_of(
        days.map(lambda d: d.isoformat()),
        days.map(lambda d: d.isoformat()[:7]),
        days.map(lambda d: d.isoformat()[:4]),
        days.map(lambda d: f"{MONTH_NAMES[d.month - 1]} {d.year}"),
        days.map(lambda d: f"{MONTH_NAMES[d.month - 1][:3]} {d.year}"),
        days.map(lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"),
        days.map(lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"),
    )


@st.composite
def filter_values(draw: st.DrawFn, oracle: Oracle) -> dict[str, list[str]]:
    """One to three filters, each with one or two values, mostly taken from the dataset itself."""
    spans = [span for claim in oracle.claims if (span := oracle.span(claim)) is not None]
    edges = sorted({d + dt.timedelta(days=k) for span in spans for d in span for k in (-1, 0, 1)})
    seen_years = sorted({d.year for d in edges})
    years = st.one_of(st.sampled_from(seen_years), st.sampled_from(seen_years), any_year)
    days = st.one_of(
        st.sampled_from(edges), st.sampled_from(edges), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
    )
    categories = [*oracle.category_spellings, *(w + "s" for w in oracle.category_spellings)]
    # ¶0 is the headline.
    paragraphs = st.integers(0, oracle.last_paragraph).flatmap(lambda n: st.sampled_from([str(n), f"¶{n}"]))
    options = {
        "--year": mostly(year_values(years), broken_years),
        "--since": mostly(date_values(days), broken_dates),
        "--until": mostly(date_values(days), broken_dates),
        "--category": mostly(spelled(categories), junk),
        "--country": spelled(oracle.country_spellings),
        "--org": spelled(oracle.org_spellings),
        "--kind": mostly(spelled([*KINDS, *(k + "s" for k in KINDS)]), junk),
        "--attributed-to": mostly(
            spelled([*oracle.attributions, *(a + "s" for a in oracle.attributions)]), junk
        ),
        "--paragraph": mostly(paragraphs, st.sampled_from([str(oracle.last_paragraph + 1), "x", "-3", "¶"])),
    }
    single = {"--since", "--until"}
    chosen = draw(st.lists(st.sampled_from(list(options)), min_size=1, max_size=3, unique=True))
    return {
        option: draw(st.lists(options[option], min_size=1, max_size=1 if option in single else 2))
        for option in chosen
    }


# -- running the CLI in-process --------------------------------------------------------------------


def cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(args)
    return int(code), out.getvalue(), err.getvalue()


def argv(path: Path, filters: dict[str, list[str]]) -> list[str]:
    args = ["--data", str(path), "list", "--format", "json"]
    for option, values in filters.items():
        args += [f"{option}={value}" for value in values]  # `=`: a value may start with a dash
    return args


EDGES = [
    claim_toml("long-ago", date="1999", countries=["BY"]),
    claim_toml("last-day-of-2023", date="2023-12-31", organizations=["UN"], paragraphs=[2]),
    claim_toml("first-day-of-2024", date="2024-01-01", category="exercise", kind="assessment"),
    claim_toml("new-year-span", date="2023-12", end_date="2024-01", attributed_to="analyst"),
    claim_toml("leap-day", date="2024-02-29", countries=["KG"], paragraphs=[1, 5]),
    claim_toml("in-february", date="2023-02", kind="background"),
    claim_toml("in-minsk", location="Minsk", organizations=["CSTO"]),
    claim_toml("undated", category="exercise", paragraphs=[3]),
]


@pytest.fixture(scope="module", params=["bundled", "edges"])
def dataset(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Oracle]:
    if request.param == "bundled":
        path = BUNDLED
    else:
        path = Path(write_dataset(tmp_path_factory.mktemp("edges") / "edges.toml", *EDGES))
    return path, Oracle.read(path)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_list_answers_exactly_what_the_oracle_computes(
    dataset: tuple[Path, Oracle], data: st.DataObject
) -> None:
    path, oracle = dataset
    filters = data.draw(filter_values(oracle), label="filters")
    expected = expect(oracle, filters)
    code, out, err = cli(argv(path, filters))
    assert "Traceback" not in err
    if expected.invalid:
        assert (code, out) == (2, ""), (filters, err)
        assert err.count("\n") == 1, err
        named = re.match(r"cstofacts: error: (--[a-z-]+): ", err)
        assert named is not None and named.group(1) in expected.invalid, (err, expected.invalid)
        return
    assert not expected.unmentioned  # the strategies draw only declared names
    assert code == (0 if expected.ids else 1), (filters, err)
    found = [record["id"] for record in json.loads(out)]
    assert set(found) == expected.ids, filters
    assert len(found) == len(expected.ids)
    claims = {c["id"]: c for c in oracle.claims}
    firsts = [span[0] if (span := oracle.span(claims[i])) else dt.date.max for i in found]
    assert firsts == sorted(firsts), "not in date order, undated last"
    if not expected.ids:
        assert err == "cstofacts: no claims match\n"


unmentioned = st.from_regex(r"[0-9]{2,6}", fullmatch=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_name_the_dataset_lacks_is_an_answer(dataset: tuple[Path, Oracle], data: st.DataObject) -> None:
    path, oracle = dataset
    filters = data.draw(filter_values(oracle), label="filters")
    expected = expect(oracle, filters)
    option = data.draw(st.sampled_from(["--country", "--org"]), label="option")
    name = data.draw(unmentioned, label="name")
    filters = {k: v for k, v in filters.items() if k not in expected.invalid and k != option}
    filters[option] = [name]
    code, out, err = cli(argv(path, filters))
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    named = ", ".join(raw["countries" if option == "--country" else "organizations"])
    assert (code, out, err) == (
        1,
        "",
        f"cstofacts: the article does not mention '{name}' (it names: {named})\n",
    )
