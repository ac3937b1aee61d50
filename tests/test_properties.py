"""Property-based tests: any filter values give either the tool's own usage error or true matches."""

from __future__ import annotations

import contextlib
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstofacts import dataset, query
from cstofacts.cli import main
from cstofacts.errors import UsageError
from cstofacts.model import Claim, Kind

DATA = dataset.load()
CATEGORIES = list(DATA.categories)
COUNTRY_WORDS = [w for c in DATA.countries.values() for w in (c.code, c.alpha3, c.name, *c.adjectives)]
ORG_WORDS = [w for o in DATA.organizations.values() for w in (o.short, o.name, *o.aliases)]
WORDS = sorted({w for c in DATA.claims for w in query.normalize(c.summary).split()})

junk = st.text(max_size=30)
years = st.one_of(
    st.integers(2018, 2030).map(str),
    st.tuples(st.integers(2018, 2030), st.integers(2018, 2030)).map(lambda t: f"{t[0]}..{t[1]}"),
    junk,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()[: [4, 7, 10][d.day % 3]]),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    junk,
)
filter_values = st.fixed_dictionaries(
    {},
    optional={
        "years": st.lists(years, max_size=2),
        "since": dates,
        "until": dates,
        "categories": st.lists(st.one_of(st.sampled_from(CATEGORIES), junk), max_size=2),
        "countries": st.lists(st.one_of(st.sampled_from(COUNTRY_WORDS), junk), max_size=2),
        "organizations": st.lists(st.one_of(st.sampled_from(ORG_WORDS), junk), max_size=2),
        "kinds": st.lists(st.sampled_from(list(Kind)), max_size=2),
        "texts": st.lists(st.one_of(st.sampled_from(WORDS), junk), max_size=2),
    },
)


def year_span(claim: Claim) -> tuple[int, int] | None:
    if claim.date is None:
        return None
    return int(claim.date[:4]), int((claim.end_date or claim.date)[:4])


def truly_matches(claim: Claim, filters: query.Filters) -> bool:
    """An independent statement of what each filter means."""
    checks = [
        not filters.categories or claim.category in filters.categories,
        not filters.kinds or claim.kind in filters.kinds,
        not filters.countries or bool(set(claim.countries) & filters.countries),
        not filters.organizations or bool(set(claim.organizations) & filters.organizations),
    ]
    span = year_span(claim)
    if filters.years:
        checks.append(
            span is not None
            and any(low.year <= span[1] and span[0] <= high.year for low, high in filters.years)
        )
    if filters.since:
        checks.append(claim.span is not None and claim.span[1] >= filters.since)
    if filters.until:
        checks.append(claim.span is not None and claim.span[0] <= filters.until)
    if filters.texts:
        text = query.haystack(claim, DATA)
        checks.append(any(all(word in text for word in words) for words in filters.texts))
    return all(checks)


@settings(max_examples=300, deadline=None)
@given(filter_values)
def test_query_layer_returns_exactly_the_true_matches(values: dict[str, object]) -> None:
    try:
        filters = query.build_filters(DATA, **values)  # type: ignore[arg-type]
    except UsageError as error:
        assert error.option and error.option.startswith("--")
        return
    selected = query.select(DATA, filters)
    assert all(truly_matches(c, filters) for c in selected)
    assert [c for c in DATA.claims if truly_matches(c, filters)] == selected


OPTION = {
    "years": "--year",
    "since": "--since",
    "until": "--until",
    "categories": "--category",
    "countries": "--country",
    "organizations": "--org",
    "kinds": "--kind",
    "texts": "--text",
}


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(filter_values)
def test_cli_gives_a_usage_error_or_true_matches(values: dict[str, object]) -> None:
    args = ["list", "--fields", "id"]
    for key, value in values.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            args += [OPTION[key], item.value if isinstance(item, Kind) else str(item)]
    code, out, err = run_cli(args)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    if code == 2:
        assert out == ""
        assert err.count("\n") == 1
        return
    filters = query.build_filters(DATA, **values)  # type: ignore[arg-type]
    expected = [c.id for c in query.sort_claims(c for c in DATA.claims if truly_matches(c, filters))]
    assert out.splitlines() == expected
    assert code == (0 if expected else 1)
