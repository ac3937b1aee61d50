"""`cstofacts list`: the claims that match the filters, by date."""

import typer

from cstofacts.cli import filtering as f
from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared

app = o.command_app()


@app.command("list", cls=o.Command, context_settings=o.NO_WORDS)
@f.filter_options
@o.output_options("drafts", "no_parts", "fmt", "fields", "prefer", "sort", "reverse", "limit")
def list_claims(ctx: typer.Context, filters: f.Typed = f.UNTYPED, output: o.Outputs = o.NOTHING) -> int:
    """List the claims that match the filters, by date.

    Examples:

      cstofacts list --year 2023 --category exercise

      cstofacts list --country Kyrgyzstan --format json

      cstofacts list --org UN --year 2024 | cut -f1
    """
    o.refuse_words(ctx)
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    query = f.query_from(store, filters, **output.query())
    return present.matches(run, store, query, fmt_chosen, output.fields)
