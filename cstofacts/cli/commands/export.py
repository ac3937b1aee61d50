"""`cstofacts export`: the compiled SQLite database, for sqlite3, sqlite-utils and Datasette."""

import contextlib
import json
import os
import sqlite3
from typing import Annotated, Any

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError, WriteError
from cstofacts.output.safe import one_line
from cstofacts.store import database_image, sql
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

    Written atomically: a temporary file beside PATH.db, then given its name;
    a file that appears there meanwhile is never replaced without --force.
    sqlite3, sqlite-utils and Datasette open it as it is, full-text search and
    facets included: datasette claims.db -m claims.metadata.json

    Examples:

      cstofacts export claims.db

      cstofacts --data mine.toml export mine.db --force
    """
    run = shared(ctx)
    if target.strip() in ("", "-") or target.endswith(("/", os.sep)):
        raise UsageError("export writes a database file; give its path, such as claims.db", "PATH.db")
    if os.path.lexists(target) and not force:  # the early, friendly refusal; publish() makes it sure
        raise UsageError(f"{one_line(target)} exists; give --force to replace it", "PATH.db")
    described = tools.metadata_path(target, metadata)
    if os.path.lexists(described) and not force:
        raise UsageError(f"{one_line(described)} exists; give --force to replace it", "--metadata")
    store = run.store()
    image, about = _prepared(store.connection, target, licence=tools.LICENCE if run.data is None else None)
    try:
        described_bytes = (json.dumps(about, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a file name of bytes no locale decodes: JSON's \u escapes hold it
        described_bytes = (json.dumps(about, indent=2) + "\n").encode("ascii")
    _publish(target, image, force=force)
    _publish(described, [described_bytes], force=force)
    count = len(store.ids())
    present.note(run, f"wrote {one_line(target)}: {count} claim{'s' if count != 1 else ''}")
    present.note(run, f"wrote {one_line(described, 400)}: metadata for datasette -m")
    return ExitCode.OK


def _prepared(
    connection: sqlite3.Connection, target: str, *, licence: str | None
) -> tuple[list[bytes | memoryview], dict[str, Any]]:
    """The exported database's file image, reshaped in memory for the tools that read it
    (store.export), and Datasette's metadata for it."""
    copy = sqlite3.connect(":memory:")
    try:
        connection.backup(copy)
        copy.execute(sql.WRITABLE)
        tools.prepare(copy)
        name = os.path.splitext(os.path.basename(target))[0]
        return database_image(copy), tools.metadata(copy, name, licence=licence)
    finally:
        copy.close()


def _publish(target: str, image: list[bytes | memoryview], *, force: bool) -> None:
    """Write the database beside the target under a fresh name, then give it the target's name:
    replacing only with --force, and never a file that appeared while the dataset compiled.
    Interrupted (Ctrl-C, SIGTERM, SIGHUP) or failed, the partial file is removed; partial files
    a killed export left in that directory are removed once they are stale."""
    import time

    from cstofacts.store import files

    folder, name = os.path.split(target)
    try:
        dir_fd = os.open(folder or ".", os.O_RDONLY | files.O_DIRECTORY | files.O_CLOEXEC)
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    try:
        with contextlib.suppress(OSError):
            files.sweep(dir_fd, _PREFIX, time.time())
        umask = os.umask(0o022)  # read the umask (only by setting it), then put it back
        os.umask(umask)
        # As any file the user creates: the partial file itself is 0600 until it is complete.
        files.save(dir_fd, _PREFIX, name, image, 0o666 & ~umask, replace=force)
    except FileExistsError:
        raise UsageError(
            f"{one_line(target)} appeared meanwhile; give --force to replace it", "PATH.db"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    finally:
        os.close(dir_fd)


_PREFIX = ".cstofacts-"
