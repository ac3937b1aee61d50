"""The one exception hierarchy, and the exit codes it maps to."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Process exit codes, ripgrep-style; documented in the README."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    DATA = 3
    INTERRUPTED = 130


class CstoFactsError(Exception):
    """Base of every error the tool reports to the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def messages(self) -> list[str]:
        """The lines to print on stderr, without the program prefix."""
        return [str(self)]


class UsageError(CstoFactsError):
    """A bad command-line value; names the option it came from."""

    exit_code = ExitCode.USAGE

    def __init__(self, option: str | None, message: str) -> None:
        self.option = option
        self.message = message
        super().__init__(f"{option}: {message}" if option else message)


class NotFoundError(CstoFactsError):
    """An id that matches no claim."""

    exit_code = ExitCode.NO_MATCH


class Problem(NamedTuple):
    """One thing wrong with a dataset, located as precisely as we can.

    A NamedTuple rather than a dataclass: it is as immutable and costs less at start-up.
    """

    path: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DataError(CstoFactsError):
    """A dataset that is missing, unreadable or invalid; carries every problem."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]
