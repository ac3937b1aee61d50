"""`cstofacts export`: the compiled SQLite database, for sqlite3, sqlite-utils and Datasette."""

import os
from typing import Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError, WriteError
from cstofacts.output.safe import one_line
from cstofacts.store import export as tools

app = o.command_app()

Target = Annotated[
    str, typer.Argument(metavar="PATH.db", show_default=False, help="The database file to write.")
]
Force = Annotated[bool, typer.Option("--force", help="Replace PATH.db (and its metadata) if it exists.")]
Metadata = Annotated[
    str | None,
    typer.Option(
        "--metadata",
        metavar="PATH",
        show_default=False,
        help="Write Datasette's metadata here; default: PATH.metadata.json beside PATH.db.",
    ),
]


@app.command("export", cls=o.Command)
def export(ctx: typer.Context, target: Target, force: Force = False, metadata: Metadata = None) -> int:
    """Write the dataset as a SQLite database (schema in the README), and its metadata.

    Written atomically: a temporary file beside PATH.db, renamed into place.
    sqlite3, sqlite-utils and Datasette open it as it is, full-text search and
    facets included: datasette claims.db -m claims.metadata.json

    Examples:

      cstofacts export claims.db

      cstofacts --data mine.toml export mine.db --force
    """
    import sqlite3
    import tempfile

    run = shared(ctx)
    if target.strip() in ("", "-"):
        raise UsageError("export writes a database file; give its path, such as claims.db", "PATH.db")
    if os.path.lexists(target) and not force:
        raise UsageError(f"{one_line(target)} exists; give --force to replace it", "PATH.db")
    described = tools.metadata_path(target, metadata)
    if os.path.lexists(described) and not force:
        raise UsageError(f"{one_line(described)} exists; give --force to replace it", "--metadata")
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
            tools.prepare(copy)
            name = os.path.splitext(os.path.basename(target))[0]
            about = tools.metadata(copy, name, licence=tools.LICENCE if run.data is None else None)
        finally:
            copy.close()
        umask = os.umask(0o022)  # read the umask (only by setting it), then put it back
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)  # as any file the user creates; mkstemp made it 0600
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        if os.path.exists(partial):
            os.unlink(partial)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise WriteError(f"cannot write {one_line(target)}: {reason}") from None
    try:
        tools.write_json(described, about)
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(described)}: {exc.strerror or exc}") from None
    count = len(store.ids())
    present.note(run, f"wrote {one_line(target)}: {count} claim{'s' if count != 1 else ''}")
    present.note(run, f"wrote {one_line(described, 400)}: metadata for datasette -m")
    return ExitCode.OK
