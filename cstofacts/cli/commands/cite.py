"""`cstofacts cite`: references for claims, with the report's words quoted, and CSL-JSON per work."""

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.commands.show import Ids, resolve
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError
from cstofacts.output import citations
from cstofacts.output.formats import Format

app = o.command_app()
# Text references, or CSL-JSON: the formats a reference has.
FORMATS = (Format.TABLE, Format.PLAIN, Format.JSON, Format.JSONL)


@app.command("cite", cls=o.Command)
@o.output_options("fmt", formats=FORMATS)
def cite(ctx: typer.Context, ids: Ids, output: o.Outputs = o.NOTHING) -> int:
    """Print a reference for claims: the report's byline and headline, the paragraphs, the quotes.

    An analyst's view is cited as his article, as reported in the report. Each reference
    is followed by a pandoc citation to paste, such as [@key, para. 13]. --format json
    gives CSL-JSON, one item per work, for Zotero and pandoc; the pandoc citations then
    go to stderr. Nothing the report does not state is invented: no date, no address.

    Examples:

      cstofacts cite khujand-border

      cstofacts cite khujand-border 2022-turning --format json > refs.json
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    if fmt_chosen not in FORMATS:
        names = o.listed([f.value for f in FORMATS])
        raise UsageError(f"cite writes text or CSL-JSON: use {names}", "--format")
    found, missing = resolve(store, ids)
    for message in missing:
        present.note(run, message)
    sources = {s.id: s for s in store.sources}
    if fmt_chosen in (Format.JSON, Format.JSONL):
        from cstofacts.output.formats import objects

        items = citations.csl_items(found, sources)
        lines = fmt_chosen is Format.JSONL
        if items or not lines:
            present.write(run, objects(items, lines=lines, ascii_only=run.env.json_ascii))
        for claim in found:
            present.note(run, f"cite {claim.id} as {citations.pandoc(claim, sources[claim.source])}")
    elif found:
        from cstofacts.safe import visible

        texts = [
            f"{citations.citation_text(c, sources[c.source])}\n"
            f"pandoc: {citations.pandoc(c, sources[c.source])}"
            for c in found
        ]
        text = "\n\n".join(texts) + "\n"
        present.write(run, visible(text, layout=True) if run.env.stdout_isatty else text)
    return ExitCode.NO_MATCH if missing else ExitCode.OK
