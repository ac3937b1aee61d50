"""`cstofacts read`: the article's paragraphs, each with the claims that cite it."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from cstofacts.cli import completers, present
from cstofacts.cli import options as o
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, NotFoundError, UsageError
from cstofacts.output import rows
from cstofacts.output.formats import Format
from cstofacts.query import filters

if TYPE_CHECKING:
    from cstofacts.records import Source

app = o.command_app()

Numbers = Annotated[
    list[str] | None,
    o.argument(
        metavar="[SOURCE] [N...]",
        complete=completers.complete_paragraph,
        help=(
            "Paragraph numbers (13 or ¶13; 0 is the headline); default: all."
            " In a corpus, the source's id first."
        ),
    ),
]


@app.command("read", cls=o.Command)
@o.output_options("fmt")
def read(ctx: typer.Context, numbers: Numbers = None, output: o.Outputs = o.NOTHING) -> int:
    """Print the article's paragraphs, each followed by the ids of the claims that cite it.

    Piped, one paragraph a line: N, a tab, the text (tabs and newlines escaped).

    Examples:

      cstofacts read 13

      cstofacts read | grep -i beijing

      cstofacts read 10 --format json
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    typed = list(numbers or ())
    source = _source(store.sources, typed)
    if not source.body:
        raise NotFoundError(f"the dataset does not carry the text of {source.headline!r}")
    with o.option("N"):
        wanted = [filters.resolve_paragraph(n, len(source.body)) for n in typed]
    selected = list(dict.fromkeys(wanted)) or list(range(1, len(source.body) + 1))
    table = rows.paragraph_rows(source, selected, store.citing(source.id))
    if fmt_chosen is Format.TABLE:
        from cstofacts.output import views

        environment = run.env
        present.draw(
            run,
            lambda width: views.paragraphs_view(
                table, colour=environment.colour, ascii_only=environment.ascii_only, width=width
            ),
        )
        return ExitCode.OK
    records = [{"paragraph": n, "text": body, "claims": list(ids)} for n, body, ids in table]
    keys = ("paragraph", "text", "claims") if fmt_chosen is not Format.PLAIN else ("paragraph", "text")
    present.records(run, fmt_chosen, records, keys)
    return ExitCode.OK


def _source(sources: "Sequence[Source]", typed: list[str]) -> "Source":
    """The source to read: named first among the numbers (taken off them), or the only one."""
    ids = [s.id for s in sources]
    if typed and not typed[0].lstrip("¶").strip().isdigit():
        with o.option("SOURCE"):
            wanted = filters.resolve_source(ids, typed.pop(0))
        return next(s for s in sources if s.id == wanted)
    if len(sources) > 1:
        raise UsageError(f"the corpus has {len(sources)} sources; name one first: {', '.join(ids)}", "SOURCE")
    return sources[0]
