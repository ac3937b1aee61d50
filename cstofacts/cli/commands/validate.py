"""`cstofacts validate`: check a dataset, its quotes and its fidelity, listing every problem by line."""

from typing import Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import Shared, shared
from cstofacts.errors import DataError, ExitCode
from cstofacts.records import Dataset

app = o.command_app()

Path = Annotated[
    str | None,
    o.argument(metavar="[PATH]", help="Dataset file; default: --data, or the bundled one."),
]


@app.command("validate", cls=o.Command)
def validate(ctx: typer.Context, path: Path = None) -> int:
    """Check a dataset and list every problem with its file and line.

    Checks the schema, every value against the declared vocabularies, that every
    evidence quote is in its paragraph word for word, and the fidelity lint: every
    number, date and name of a summary is in its evidence or cited paragraphs, and
    no run of six or more words is copied. A claim marked draft = true, as the
    new command writes them, gets a warning, not an error. Never uses the cache.

    Examples:

      cstofacts validate

      cstofacts validate data/claims.toml
    """
    from cstofacts import store
    from cstofacts.store.fidelity import lint_dataset

    run = shared(ctx)
    target = path if path is not None else run.data
    try:
        dataset, files = store.load_all(target)
    except DataError as exc:
        raise (run.named(exc) if path is None else exc) from None
    problems = []
    for one, text in files:  # each file of a corpus is linted against its own article
        problems += lint_dataset(one, text)
        _warn_drafts(run, one, text)
    if problems:
        raise DataError(problems)
    sources = len(dataset.sources)
    from cstofacts.safe import one_line

    plural = "s" if sources != 1 else ""
    present.write(
        run, f"{one_line(dataset.path, 200)}: ok, {len(dataset.claims)} claims, {sources} source{plural}\n"
    )
    return ExitCode.OK


def _warn_drafts(run: Shared, dataset: Dataset, text: str) -> None:
    """One warning per draft claim, at its line: a draft is valid, but waits for a person to review it."""
    from cstofacts.errors import Problem
    from cstofacts.safe import one_line
    from cstofacts.store.locate import Locator

    where: Locator | None = None
    for index, claim in enumerate(dataset.claims):
        if not claim.draft:
            continue
        where = where or Locator(text)
        line = where.key(where.entry("claims", index), "draft")
        message = f"claim {claim.id!r} is a draft: review it and remove `draft = true`"
        present.note(run, one_line(str(Problem(dataset.path, line, message)), 400))
