"""`cstofacts timeline`: claims in date order under a heading per year; undated ones last."""

import typer

from cstofacts.cli import filtering as f
from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode
from cstofacts.output.formats import Format

app = o.command_app()


@app.command("timeline", cls=o.Command, context_settings=o.NO_WORDS)
@f.filter_options
@o.output_options("drafts", "no_parts", "fmt", "fields", "reverse", "limit")
def timeline(ctx: typer.Context, filters: f.Typed = f.UNTYPED, output: o.Outputs = o.NOTHING) -> int:
    """Show claims in date order, grouped by year; undated ones last.

    A claim sits under the year it starts, or under the first year asked for when it
    started earlier: --year 2025 shows only 2025.

    Examples:

      cstofacts timeline

      cstofacts timeline --country TJ

      cstofacts timeline --kind event --format tsv
    """
    o.refuse_words(ctx)
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    query = f.query_from(store, filters, **output.query())
    if fmt_chosen is not Format.TABLE or output.fields:
        return present.matches(run, store, query, fmt_chosen, output.fields)
    found = store.claims(query)
    if not found:
        return present.no_match(run, fmt_chosen)
    from cstofacts.output import views

    starts = [low.year for low, _ in query.years] + ([query.since.year] if query.since else [])
    first_year = min(starts) if starts and not output.reverse else None
    environment = run.env
    present.draw(
        run,
        lambda width: views.timeline(
            found, width, colour=environment.colour, ascii_only=environment.ascii_only, first_year=first_year
        ),
    )
    return ExitCode.OK
