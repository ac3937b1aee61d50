"""`cstofacts export`: the compiled SQLite database, for sqlite3, sqlite-utils and Datasette."""

import json
import os
import sqlite3
from typing import Annotated, Any

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError
from cstofacts.safe import one_line
from cstofacts.store import database_image, sql
from cstofacts.store import export as tools

app = o.command_app()

Target = Annotated[str, o.argument(metavar="PATH.db", help="The database file to write.")]
Force = Annotated[bool, typer.Option("--force", help="Replace PATH.db (and its metadata) if it exists.")]
Metadata = Annotated[
    str | None,
    o.value_option(
        "--metadata",
        metavar="PATH",
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
    described = tools.metadata_path(target, metadata)
    # The early, friendly refusals, before anything is written; publish() makes the last one sure.
    for path, option in ((target, "PATH.db"), (described, "--metadata")):
        if os.path.isdir(path):
            raise UsageError(f"{one_line(path)} is a folder; give a file's path", option)
        if not os.path.isdir(os.path.dirname(path) or "."):
            raise UsageError(f"there is no folder {one_line(os.path.dirname(path))} to write into", option)
    if os.path.realpath(target) == os.path.realpath(described):
        raise UsageError(
            "the metadata would replace the database: give --metadata another file", "--metadata"
        )
    if os.path.lexists(target) and not force:
        raise UsageError(f"{one_line(target)} exists; give --force to replace it", "PATH.db")
    if os.path.lexists(described) and not force:
        raise UsageError(f"{one_line(described)} exists; give --force to replace it", "--metadata")
    store = run.store()
    image, about = _prepared(store.connection, target, licence=tools.LICENCE if run.data is None else None)
    try:
        described_bytes = (json.dumps(about, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a file name of bytes no locale decodes: JSON's \u escapes hold it
        described_bytes = (json.dumps(about, indent=2) + "\n").encode("ascii")
    present.publish(target, image, force=force, option="PATH.db")
    present.publish(described, [described_bytes], force=force, option="PATH.db")
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
