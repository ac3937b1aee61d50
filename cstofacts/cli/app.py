"""The Typer app: global options, commands loaded lazily by name, and the one place errors become exits."""

import importlib
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from cstofacts import __version__, env
from cstofacts.cli.context import DATA_ENV, Shared
from cstofacts.errors import CstoFactsError, ExitCode, UsageError

HELP = (
    'Look up the claims of the report "CSTO has proven its ability to adapt to changes in the global '
    "situation\", which retells Kirill Babaev's article on the CSTO's work in 2023-2025."
)
EPILOG = "Exit codes: 0 found, 1 nothing found, 2 usage error, 3 bad dataset, 74 output failed."
# Command name -> module in cstofacts.cli.commands. Only the command that runs is imported and
# built: Typer turns a command's signature into options on every start, which costs more than a lookup.
COMMANDS = {
    "ask": "ask",
    "search": "search",
    "list": "list_",
    "show": "show",
    "read": "read",
    "cite": "cite",
    "timeline": "timeline",
    "stats": "stats",
    "source": "source",
    "validate": "validate",
    "export": "export",
    "new": "new",
    "help": "help",
}
USAGE = """\
usage: cstofacts COMMAND [OPTIONS]

  cstofacts ask which exercises were held in 2023
  cstofacts search Khujand
  cstofacts list --country Kyrgyzstan
  cstofacts show khujand-border
  cstofacts read 13

Commands: {commands}
Run 'cstofacts help COMMAND' or 'cstofacts COMMAND --help' for more."""


class LazyGroup(TyperGroup):
    """A group that imports a command's module only when that command is asked for.

    Click documents overriding list_commands and get_command for lazy loading; each
    command module holds a one-command Typer app, turned into a Click command with
    typer.main.get_command, Typer's documented bridge to Click.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        module = COMMANDS.get(name)
        if module is None:
            return None
        app = importlib.import_module(f"cstofacts.cli.commands.{module}").app
        return typer.main.get_command(app)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if name not in COMMANDS:
            raise UsageError(unknown_command(name, args[1:]))
        return super().resolve_command(ctx, args)


def unknown_command(name: str, rest: list[str]) -> str:
    """What to say for a word that is not a command: a near command, else search or ask with the words."""
    from cstofacts.query.filters import suggest
    from cstofacts.safe import one_line

    near = suggest(name, [*COMMANDS, "version"]) if name.isascii() else None
    aliases = {"find": "search", "version": "--version", "query": "ask", "grep": "search"}
    shown = one_line(name, 40)
    rest_words = " ".join(one_line(w, 40) for w in rest if not w.startswith("-"))
    if name in aliases:
        return f"'{shown}' is not a command; try: cstofacts {aliases[name]} {rest_words}".rstrip()
    if near is not None and near != "version":
        return f"'{shown}' is not a command; did you mean '{near}'?"
    if name.startswith("-"):
        return f"no such option: {shown}; try: cstofacts --help"
    words = " ".join(one_line(w, 40) for w in [name, *rest] if not w.startswith("-"))
    verb = "ask" if len(words.split()) > 2 else "search"
    return f"'{shown}' is not a command; try: cstofacts {verb} {words}"


def _version(value: bool) -> None:
    if value:
        raise Finished(f"cstofacts {__version__}\n")


class Finished(Exception):
    """Raised by eager options that answer on their own (--version)."""

    def __init__(self, output: str) -> None:
        self.output = output


def _root(
    ctx: typer.Context,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            metavar="PATH",
            show_default=False,
            help="Use this dataset file (same schema) instead of the bundled one, or every *.toml file "
            "of a directory, one article each; repeat it for several; - reads standard input. "
            f"Also ${DATA_ENV}.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Compile the dataset in memory; never read or write the cache."),
    ] = False,
    color: Annotated[
        str | None,
        typer.Option(
            "--color",
            metavar="WHEN",
            autocompletion=lambda incomplete: [c for c in env.COLOUR_CHOICES if c.startswith(incomplete)],
            help="auto (colour on a terminal, as NO_COLOR and the other variables say), always or never.",
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager", help="Never page long output on a terminal (as PAGER=cat or an empty PAGER)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Look up the claims of one article on the CSTO's work in 2023-2025."""
    shared = ctx.obj
    assert isinstance(shared, Shared)
    if (color is not None or no_pager) and not shared.given:
        choice = _colour_choice(color) if color is not None else "auto"
        shared.env = env.Env.read(colour=choice, paging=not no_pager)
    if data:
        shared.data, shared.data_option = data[0] if len(data) == 1 else tuple(data), "--data"
    elif os.environ.get(DATA_ENV):
        shared.data, shared.data_option = os.environ[DATA_ENV], DATA_ENV
    shared.use_cache = not no_cache


def _colour_choice(value: str) -> str:
    folded = value.strip().casefold()
    if folded in env.COLOUR_CHOICES:
        return folded
    from cstofacts.safe import one_line

    raise UsageError(f"'{one_line(value, 40)}' is not auto, always or never", "--color")


def build_app() -> typer.Typer:
    """The Typer app.

    Help is Click's plain text everywhere: Typer's Rich help shows type names and braces,
    pads lines with spaces, reads COLUMNS on its own and stays bold under NO_COLOR.
    """
    app = typer.Typer(
        cls=LazyGroup,
        name="cstofacts",
        help=HELP,
        epilog=EPILOG,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    return app


def run(argv: list[str] | None = None, environment: env.Env | None = None) -> int:
    """Run one command line and return its exit code: the one place errors become messages.

    `environment` is read from the process unless given: a test may hand in an Env whose
    stdout is a terminal of its own making, as httpie's MockEnvironment does.
    """
    given = environment is not None
    if environment is None:
        environment = env.Env.read()
        env.harden(environment)
    args = sys.argv[1:] if argv is None else list(argv)
    shared = Shared(environment, given=given)
    try:
        completion = _completion_request(args)
        if completion is not None:
            return _completion(environment, *completion)
        if not args and not os.environ.get(COMPLETE_VAR):
            from cstofacts.cli.commands.help import short_usage

            for line in short_usage().splitlines():
                env.error(environment, line)
            return ExitCode.USAGE
        if environment.stdout is None and _asks_for_help(args):
            # Click's echo drops text meant for a closed stdout without a word; --version says 74.
            from cstofacts.errors import WriteError

            return report(environment, WriteError("cannot write results: stdout is closed"))
        command = typer.main.get_command(build_app())
        if os.environ.get(COMPLETE_VAR):  # the shell asks what to complete: after Typer's own classes
            from cstofacts.cli import completion as shells

            shells.register()
            return _shell_complete(command, args, shared)
        result = command.main(args=args, prog_name="cstofacts", standalone_mode=False, obj=shared)
        _finish_output()
        return result if isinstance(result, int) else ExitCode.OK
    except Finished as done:
        return _write(environment, done.output)
    except CstoFactsError as exc:
        return report(environment, exc)
    except (env.PipeClosed, BrokenPipeError):  # Click's own writing (help, completion) raises the latter
        env.silence_stdout()
        return ExitCode.OK
    except OSError as exc:  # help or completion text that stdout could not take
        from cstofacts.errors import WriteError

        return report(environment, WriteError(f"cannot write results: {exc.strerror or exc}"))
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # Click's own usage errors: missing values, unknown options
        from cstofacts.cli.errors import click_message

        named = next((a for a in args if a in COMMANDS), None)
        return report(environment, UsageError(click_message(exc, named)))
    except Exception as exc:
        # A compiled database damaged after it was opened. sqlite3 is looked up, not imported:
        # --version never loads it, and an error before any database is opened need not.
        database = sys.modules.get("sqlite3")
        if database is None or not isinstance(exc, database.Error):
            raise
        from cstofacts.errors import DataError, Problem

        reason = f"the compiled dataset cannot be read ({exc}); run again with --no-cache"
        named = shared.data if isinstance(shared.data, str) else " + ".join(shared.data or ())
        return report(environment, DataError([Problem(named or "bundled dataset", None, reason)]))
    finally:
        shared.close()
        try:  # output held back for the pager when an error cut the run short; quietly, as the error said
            _finish_output()
        except (CstoFactsError, env.PipeClosed):
            env.silence_stdout()


def _finish_output() -> None:
    """Write what the pager session held back, or wait for the pager (only a terminal ever has one)."""
    paging = sys.modules.get("cstofacts.paging")  # looked up, not imported: a pipe never loads it
    if paging is not None:
        paging.finish()


def _asks_for_help(args: list[str]) -> bool:
    words = args[: args.index("--")] if "--" in args else args
    return bool(words) and (words[0] == "help" or "--help" in words or "-h" in words)


def _shell_complete(command: Any, args: list[str], shared: Shared) -> int:
    """Answer the shell's request for completions (Click reads it from the environment).

    A malformed request (COMP_CWORD not a number, COMP_WORDS missing, an unknown instruction)
    gets nothing, quietly, with exit 1: a traceback would land in the middle of the user's prompt.
    """
    import contextlib
    import io

    try:
        with contextlib.redirect_stderr(io.StringIO()):  # Click's own complaints, as for a bad instruction
            command.main(args=args, prog_name="cstofacts", standalone_mode=False, obj=shared)
    except SystemExit as done:  # how Click ends a completion
        return done.code if isinstance(done.code, int) else ExitCode.OK
    except (KeyboardInterrupt, env.PipeClosed, BrokenPipeError):
        raise
    except Exception:
        return ExitCode.NO_MATCH
    return ExitCode.NO_MATCH


COMPLETE_VAR = "_CSTOFACTS_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_request(args: list[str]) -> tuple[str, str] | None:
    """`--show-completion zsh` or `--install-completion fish`: the action and the shell named.

    Typer's own options take no value and detect the shell; naming it is what a user
    setting up another shell, or writing a script to a file, needs.
    """
    if len(args) == 1 and "=" in args[0]:
        args = args[0].split("=", 1)
    if len(args) == 2 and args[0] in ("--show-completion", "--install-completion"):
        if args[1] not in SHELLS:
            from cstofacts.safe import one_line

            choices = ", ".join(SHELLS)
            raise UsageError(
                f"no completion for the shell '{one_line(args[1], 40)}'; choose {choices}", args[0]
            )
        return args[0].removeprefix("--").removesuffix("-completion"), args[1]
    return None


def _completion(environment: env.Env, action: str, shell: str) -> int:
    # Typer's completion module, where its own --show-completion and --install-completion live.
    from typer.completion import get_completion_script, install  # type: ignore[attr-defined]

    if action == "show":
        script = get_completion_script(prog_name="cstofacts", complete_var=COMPLETE_VAR, shell=shell)
        return _write(environment, script + "\n")
    installed, path = install(shell=shell, prog_name="cstofacts", complete_var=COMPLETE_VAR)
    return _write(environment, f"{installed} completion installed in {path}\n")


def _write(environment: env.Env, text: str) -> int:
    try:
        env.write(environment, text)
        _finish_output()
    except env.PipeClosed:
        env.silence_stdout()
    except CstoFactsError as exc:
        return report(environment, exc)
    return ExitCode.OK


def report(environment: env.Env, exc: CstoFactsError) -> int:
    """Print an error's lines on stderr, in one voice, and return its exit code."""
    from cstofacts.cli.errors import message_lines

    if exc.exit_code == ExitCode.WRITE:
        env.silence_stdout()  # the unwritten text would fail again at the interpreter's last flush
    for line in message_lines(exc):
        env.error(environment, line)
    return int(exc.exit_code)


def main(argv: list[str] | None = None) -> None:
    """Run a command line and exit with its code (what tests and embedders call)."""
    sys.exit(run(argv))
