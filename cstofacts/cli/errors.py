"""Errors as the user reads them: one voice and one prefix, built from exception fields, never from text."""

from __future__ import annotations

from typing import Any

from cstofacts.errors import CstoFactsError, ExitCode, NotFoundError
from cstofacts.safe import one_line

PREFIX = "cstofacts: "


def message_lines(exc: CstoFactsError) -> list[str]:
    """The stderr lines for an error: dataset problems as `file:line: …`, anything else as `error: …`."""
    if exc.exit_code == ExitCode.DATA:
        return [PREFIX + one_line(line, 400) for line in exc.messages()]
    if isinstance(exc, NotFoundError):
        return [PREFIX + one_line(line, 400) for line in exc.messages()]
    return [PREFIX + "error: " + one_line(line, 400) for line in exc.messages()]


def click_message(exc: Any, command: str | None = None) -> str:
    """Click's usage errors in our words, from the exception's fields (option, parameter, command).

    `command` names the command the line ran, for the help hint when Click's error carries no
    context (a missing option value is found before the command's context exists).
    """
    option = getattr(exc, "option_name", None)
    param = getattr(exc, "param", None)
    if option and hasattr(exc, "possibilities"):  # an option that does not exist
        from cstofacts.query.filters import suggest

        names = {p.lstrip("-"): p for p in exc.possibilities or ()}
        near = suggest(option.lstrip("-"), sorted(names))
        hint = f"; did you mean {names[near]}?" if near else ""
        return f"no such option: {one_line(option, 40)}{hint}; see {_command(exc, command)} --help"
    if option:  # an option used wrongly, such as one that needs a value given none
        return f"{one_line(option, 40)} needs a value; see {_command(exc, command)} --help"
    if param is not None and hasattr(exc, "param_type"):  # a required argument or option left out
        if getattr(param, "param_type_name", "") == "argument":
            name = getattr(param, "metavar", None) or param.name
            return f"missing {name}; see {_command(exc, command)} --help"
        return f"missing option {'/'.join(param.opts)}; see {_command(exc, command)} --help"
    # Anything else Click raises keeps Click's sentence, made one line and harmless; the hint
    # says where to look.
    text = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    return f"{one_line(text, 200)}; see {_command(exc, command)} --help"


def _command(exc: Any, command: str | None) -> str:
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None)
    return str(path or (f"cstofacts {command}" if command else "cstofacts"))
