"""`cstofacts source`: the article itself: headline, portal, analyst, byline, period, claim count."""

import functools
from typing import Any

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode
from cstofacts.output import formats, rows
from cstofacts.output.formats import Format

app = o.command_app()


@app.command("source", cls=o.Command)
def source(ctx: typer.Context, fmt: o.Format = None) -> int:
    """Show the source article: headline, portal, analyst, byline, period and claim count.

    The article gives no publication date or address, and none is invented.

    Examples:

      cstofacts source

      cstofacts source --format json
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, fmt)
    counts = {item.id: store.claim_count(item.id) for item in store.sources}
    if fmt_chosen in (Format.JSON, Format.JSONL):
        records = [{**item.record(), "claims": counts[item.id]} for item in store.sources]
        present.records(run, fmt_chosen, records, list(records[0]))
        return ExitCode.OK
    environment = run.env
    for number, item in enumerate(store.sources):
        if number:
            present.write(run, "\n")  # a blank line between sources
        pairs = rows.source_rows(item, counts[item.id])
        if fmt_chosen is Format.TABLE:
            from cstofacts.output import views

            present.draw(
                run,
                functools.partial(
                    _source_view, views, pairs, colour=environment.colour, ascii_only=environment.ascii_only
                ),
            )
        else:
            present.records(run, fmt_chosen, formats.field_records(pairs), ("field", "value"))
    return ExitCode.OK


def _source_view(views: Any, pairs: list[tuple[str, str]], width: int, **look: bool) -> Any:
    return views.source_view(pairs, width=width, **look)
