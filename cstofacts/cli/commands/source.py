"""`cstofacts source`: the works behind the claims: the report, and the work it reports on."""

import functools
from typing import Annotated, Any

import typer

from cstofacts.cli import completers, present
from cstofacts.cli import options as o
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode
from cstofacts.output import formats, rows
from cstofacts.output.formats import Format
from cstofacts.query import filters

app = o.command_app()


Ids = Annotated[
    list[str] | None,
    o.argument(
        metavar="[ID...]",
        complete=completers.complete_source,
        help="Sources or reported works to show, by id; default: every source of the dataset or corpus.",
    ),
]


@app.command("source", cls=o.Command)
@o.output_options("fmt")
def source(ctx: typer.Context, ids: Ids = None, output: o.Outputs = o.NOTHING) -> int:
    """Show the works behind the claims: the report and the work it reports on.

    The report: headline, byline as printed (and a romanisation, marked as one), section.
    The reported work: author, post and titles, venue, period. Whatever the report does
    not state (its venue, any date, the reported work's title) is said to be unstated.

    Examples:

      cstofacts source

      cstofacts source --format json
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    # A source's id shows it and the works it reports; a reported work's id, that work alone.
    known = [item.id for item in store.sources]
    reported = [work.id for item in store.sources for work in item.reports]
    with o.option("ID"):
        wanted = {filters.resolve_source([*known, *reported], i) for i in ids or ()} or set(known)
    if fmt_chosen in (Format.JSON, Format.JSONL):
        records = [
            {**row, "claims": store.claim_count(row["reported_in"] or row["id"], row["voice"])}
            for row in store.works
            if row["id"] in wanted or row["reported_in"] in wanted
        ]
        present.records(run, fmt_chosen, records, list(records[0]))
        return ExitCode.OK
    blocks = [
        block
        for item in store.sources
        for block in (
            *([rows.source_rows(item, store.claim_count(item.id))] if item.id in wanted else []),
            *(
                rows.work_rows(w, item, store.claim_count(item.id, w.voice))
                for w in item.reports
                if item.id in wanted or w.id in wanted
            ),
        )
    ]
    environment = run.env
    for number, pairs in enumerate(blocks):
        if number:
            present.write(run, "\n")  # a blank line between works
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
