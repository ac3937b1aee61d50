"""`cstofacts stats`: how many claims have each value of a field."""

from typing import Annotated

import typer

from cstofacts.cli import filtering as f
from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import Shared, shared
from cstofacts.criteria import StatsBy
from cstofacts.errors import ExitCode
from cstofacts.output.formats import Format, stats_records
from cstofacts.query.filters import choose
from cstofacts.store.engine import Store

app = o.command_app()

By = Annotated[
    str,
    o.value_option(
        "--by",
        metavar="FIELD",
        complete=lambda incomplete: [b.value for b in StatsBy if b.value.startswith(incomplete)],
        help="year, category, country, org, kind, attribution or source; default: category.",
    ),
]


@app.command("stats", cls=o.Command, context_settings=o.NO_WORDS)
@f.filter_options
@o.output_options("drafts", "no_parts", "fmt", "reverse", "limit")
def stats(
    ctx: typer.Context, by: By = "category", filters: f.Typed = f.UNTYPED, output: o.Outputs = o.NOTHING
) -> int:
    """Count claims per year, category, country, organization, kind or attribution.

    Each claim counts once per value it has; a claim spanning 2024-2025 counts
    once, under 2024..2025. Claims are statements, not events: nine exercise
    claims include the umbrella exercise and a judgement about one.

    Examples:

      cstofacts stats --by year

      cstofacts stats --by country --kind event

      cstofacts stats --by attribution --format json
    """
    o.refuse_words(ctx)
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    dimension = _dimension(by)
    query = f.query_from(store, filters, drafts=output.drafts, no_parts=output.no_parts)
    pairs = store.count(query, dimension)
    if output.reverse:
        pairs.reverse()
    pairs = pairs[: output.limit]
    if not pairs:
        return present.no_match(run, fmt_chosen)
    labels = _labels(store, dimension)
    if fmt_chosen is Format.TABLE:
        _chart(run, pairs, dimension, labels)
    else:
        records, keys = stats_records(pairs, labels)
        present.records(run, fmt_chosen, records, keys)
    return ExitCode.OK


def _chart(run: Shared, pairs: list[tuple[str, int]], dimension: StatsBy, labels: dict[str, str]) -> None:
    """The bar chart, with a note that says what is counted."""
    from cstofacts.output import views

    environment = run.env
    note = f"{sum(n for _, n in pairs)} claims counted; a claim is a statement of the article, not an event"
    if dimension in (StatsBy.COUNTRY, StatsBy.ORG):
        note = "a claim counts once under each value it has; claims are statements, not events"
    present.draw(
        run,
        lambda width: views.stats_chart(
            pairs, dimension.value, labels, width, not environment.ascii_only, note, colour=environment.colour
        ),
    )


def _dimension(value: str) -> StatsBy:
    with o.option("--by"):
        return choose(value, StatsBy, "cannot count by", {"organization": StatsBy.ORG})


def _labels(store: Store, by: StatsBy) -> dict[str, str]:
    vocabulary = store.vocabulary
    if by is StatsBy.COUNTRY:
        return {code: c.name for code, c in vocabulary.countries.items()}
    if by is StatsBy.ORG:
        return {short: org.name for short, org in vocabulary.organizations.items()}
    if by is StatsBy.SOURCE:
        return {source.id: source.headline for source in store.sources}
    return {}
