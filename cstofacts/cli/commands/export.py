"""`cstofacts export`: the compiled SQLite database, for sqlite3, sqlite-utils and Datasette."""

import os
from typing import Annotated

import typer

from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError, WriteError
from cstofacts.output.safe import one_line

app = typer.Typer()

Target = Annotated[
    str, typer.Argument(metavar="PATH.db", show_default=False, help="The database file to write.")
]
Force = Annotated[bool, typer.Option("--force", help="Replace PATH.db if it exists.")]


@app.command("export")
def export(ctx: typer.Context, target: Target, force: Force = False) -> int:
    """Write the dataset as a SQLite database (schema in the README).

    Written atomically: a temporary file beside PATH.db, renamed into place.
    sqlite3, sqlite-utils and Datasette open it as it is (datasette claims.db).

    Examples:

      cstofacts export claims.db

      cstofacts --data mine.toml export mine.db --force
    """
    import sqlite3
    import tempfile

    run = shared(ctx)
    if os.path.lexists(target) and not force:
        raise UsageError(f"{one_line(target)} exists; give --force to replace it", "PATH.db")
    store = run.store()
    folder = os.path.dirname(os.path.abspath(target))
    try:
        handle, partial = tempfile.mkstemp(prefix=".cstofacts-", suffix=".partial", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    try:
        copy = sqlite3.connect(partial)
        try:
            store.connection.backup(copy)
            copy.execute("PRAGMA query_only = 0")
        finally:
            copy.close()
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        if os.path.exists(partial):
            os.unlink(partial)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise WriteError(f"cannot write {one_line(target)}: {reason}") from None
    present.note(run, f"wrote {one_line(target)}: {len(store.ids())} claims")
    return ExitCode.OK
