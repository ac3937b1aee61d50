"""`cstofacts help`: the help of the tool or of one command."""

from typing import Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError

app = o.command_app()

Command = Annotated[
    str | None,
    o.argument(
        metavar="[COMMAND]",
        complete=lambda incomplete: [c for c in _topics() if c.startswith(incomplete)],
        help="A command.",
    ),
]
Man = Annotated[
    bool, typer.Option("--man", help="Print the manual page (roff), for man -l - or a MANPATH folder.")
]


def _topics() -> list[str]:
    from cstofacts.cli.app import COMMANDS

    return list(COMMANDS)


def short_usage() -> str:
    from cstofacts.cli.app import COMMANDS, USAGE

    return USAGE.format(commands=", ".join(COMMANDS))


@app.command("help", cls=o.Command)
def help_(ctx: typer.Context, command: Command = None, man: Man = False) -> int:
    """Show the help of cstofacts, or of one command, or the manual page.

    Examples:

      cstofacts help

      cstofacts help search

      cstofacts help --man | man -l -
    """
    from cstofacts.cli.app import COMMANDS, unknown_command

    if man:
        if command is not None:
            raise UsageError("--man prints the whole manual page; give no command with it", "--man")
        from importlib.resources import files

        from cstofacts.cli import present

        page = files("cstofacts.docs").joinpath("cstofacts.1").read_text(encoding="utf-8")
        present.write(shared(ctx), page)
        return ExitCode.OK
    root = ctx.find_root()
    group = root.command
    if command is None:
        shared(ctx)
        typer.echo(group.get_help(root))
        return ExitCode.OK
    if command not in COMMANDS:
        raise UsageError(unknown_command(command, []))
    sub = group.get_command(root, command)  # type: ignore[attr-defined]
    with typer.Context(sub, info_name=command, parent=root) as sub_ctx:
        typer.echo(sub.get_help(sub_ctx))
    return ExitCode.OK
