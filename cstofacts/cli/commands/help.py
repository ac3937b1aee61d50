"""`cstofacts help`: the help of the tool or of one command."""

from typing import Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli.context import shared
from cstofacts.errors import ExitCode, UsageError

app = o.command_app()

Command = Annotated[str | None, typer.Argument(metavar="[COMMAND]", show_default=False, help="A command.")]


def short_usage() -> str:
    from cstofacts.cli.app import COMMANDS, USAGE

    return USAGE.format(commands=", ".join(COMMANDS))


@app.command("help", cls=o.Command)
def help_(ctx: typer.Context, command: Command = None) -> int:
    """Show the help of cstofacts, or of one command.

    Examples:

      cstofacts help

      cstofacts help search
    """
    from cstofacts.cli.app import COMMANDS, unknown_command

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
