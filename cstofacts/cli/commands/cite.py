"""`cstofacts cite`: a ready-to-paste reference for claims, with the article's words quoted."""

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.commands.show import Ids, resolve
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError
from cstofacts.output import rows
from cstofacts.output.formats import Format

app = o.command_app()


@app.command("cite", cls=o.Command)
def cite(ctx: typer.Context, ids: Ids, fmt: o.Format = None) -> int:
    """Print a reference for claims: analyst, headline, portal, paragraphs and the quoted evidence.

    --format json gives CSL-JSON, which Zotero and pandoc read as it is. The
    article has no date or address, and none is invented.

    Examples:

      cstofacts cite khujand-border

      cstofacts cite khujand-border minsk --format json > refs.json
    """
    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, fmt)
    if fmt_chosen not in (Format.TABLE, Format.PLAIN, Format.JSON, Format.JSONL):
        raise UsageError("cite writes text or CSL-JSON: use table, plain, json or jsonl", "--format")
    found, missing = resolve(store, ids)
    for message in missing:
        present.note(run, message)
    if fmt_chosen in (Format.JSON, Format.JSONL):
        import json

        items = [rows.csl_json(c, store.source(c.source)) for c in found]
        ascii_only = run.env.json_ascii
        if fmt_chosen is Format.JSON:
            present.write(run, json.dumps(items, ensure_ascii=ascii_only, indent=2) + "\n")
        else:
            present.write(run, "".join(json.dumps(i, ensure_ascii=ascii_only) + "\n" for i in items))
    elif found:
        from cstofacts.output.safe import visible

        texts = [rows.citation_text(c, store.source(c.source)) for c in found]
        text = "\n\n".join(texts) + "\n"
        present.write(run, visible(text, layout=True) if run.env.stdout_isatty else text)
    return ExitCode.NO_MATCH if missing else ExitCode.OK
