"""`cstofacts show`: every field of claims, with the article's own words that state them."""

import functools
import re
from typing import Annotated, Any

import typer

from cstofacts.cli import completers, present
from cstofacts.cli import options as o
from cstofacts.cli.context import Shared, shared
from cstofacts.errors import ExitCode, UsageError
from cstofacts.model import FIELDS, Claim
from cstofacts.output.formats import Format
from cstofacts.query.filters import show as quoted
from cstofacts.query.filters import suggest
from cstofacts.records import Source
from cstofacts.store.engine import Store

app = o.command_app()

Ids = Annotated[
    list[str],
    o.argument(
        metavar="ID...", complete=completers.complete_id, help="Claim ids; a unique prefix is enough."
    ),
]


@app.command("show", cls=o.Command)
@o.output_options("fmt", "fields")
def show(ctx: typer.Context, ids: Ids, output: o.Outputs = o.NOTHING) -> int:
    """Show every field of claims, with the paragraphs and quotes that state them.

    Prints what it finds and names each id it cannot find (exit 1 if any is missing).

    Examples:

      cstofacts show khujand-border-agreement-2025-03-31

      cstofacts show khujand-border minsk

      cstofacts list --category exercise | cut -f1 | xargs cstofacts show
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    fields = output.fields
    if fields is None and fmt_chosen not in (Format.TABLE, Format.PLAIN):
        fields = ",".join(FIELDS)  # show promises every field, in every format
    present.choose_fields(fmt_chosen, fields)  # a bad --fields is an error before any lookup
    found, missing = resolve(store, ids)
    for message in missing:
        present.note(run, message)
    if found:
        if fields is None and fmt_chosen is Format.TABLE:
            _details(run, store, found)
        elif fields is None:
            present.write(run, plain_details(store, found))
        else:
            present.claims(run, found, fmt_chosen, fields)
    elif fmt_chosen is Format.JSON:
        present.write(run, "[]\n")
    return ExitCode.NO_MATCH if missing else ExitCode.OK


def _details(run: Shared, store: Store, found: list[Claim]) -> None:
    from cstofacts.output import views

    environment = run.env
    for number, claim in enumerate(found):
        if number:
            present.write(run, "\n")
        source = store.source(claim.source)
        present.draw(
            run,
            functools.partial(
                _claim_view,
                views,
                claim,
                source,
                colour=environment.colour,
                ascii_only=environment.ascii_only,
            ),
        )


def _claim_view(views: Any, claim: Claim, source: Source, width: int, **look: bool) -> Any:
    return views.claim_details(claim, source, width=width, **look)


def plain_details(store: Store, found: list[Claim]) -> str:
    """Key-value blocks, one line a field, a blank line between claims; keys are single tokens."""
    from cstofacts.output import formats, rows

    blocks = []
    for claim in found:
        pairs = rows.detail_rows(claim, store.source(claim.source))
        pairs += [("evidence", f"¶{p} {quote}") for p, quote in rows.evidence_rows(claim)]
        blocks.append(formats.plain(formats.field_records(pairs), ("field", "value")))
    return "\n".join(blocks)


def resolve(store: Store, ids: list[str]) -> tuple[list[Claim], list[str]]:
    """Claims by id or unique id prefix, in the order asked; and a message for each id not found."""
    found: list[Claim] = []
    missing: list[str] = []
    for raw in ids:
        wanted = raw.strip().casefold()
        if not wanted:
            raise UsageError("an empty string is not a claim id", "ID")
        candidates = store.ids_for(wanted)
        if re.fullmatch(r"[0-9]+", wanted) and candidates != [wanted]:
            # A year or a number is no id: opening the one claim it prefixes would surprise.
            example = candidates[0] if candidates else "khujand-border-agreement-2025-03-31"
            missing.append(f"no claim with id {quoted(raw)}; ids are like {example}")
            continue
        if len(candidates) == 1:
            found += _by_ids(store, candidates)
        elif candidates:
            names = ", ".join(candidates[:8])
            raise UsageError(f"{quoted(raw)} is the start of several ids: {names}; give more of it", "ID")
        else:
            near = suggest(raw, store.ids_near(wanted))
            hint = f"; did you mean {near!r}?" if near else ""
            missing.append(f"no claim with id {quoted(raw)}{hint}")
    return found, missing


def _by_ids(store: Store, ids: list[str]) -> list[Claim]:
    from cstofacts.criteria import Query

    return store.claims(Query(ids=tuple(ids), drafts=True))  # asked for by id: drafts too
