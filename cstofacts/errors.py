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
    WRITE = 74  # sysexits EX_IOERR: the results could not be written
    INTERRUPTED = 130


class CstoFactsError(Exception):
    """Base of every error the tool reports to the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def messages(self) -> list[str]:
        """The lines to print on stderr, without the program prefix."""
        return [str(self)]


class UsageError(CstoFactsError):
    """A bad value. The core raises it without an option; the CLI names the option it came from."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, option: str | None = None) -> None:
        self.option = option
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.option}: {self.message}" if self.option else self.message


class NotFoundError(CstoFactsError):
    """Something asked for that the dataset does not have: an id, or a name the article never uses."""

    exit_code = ExitCode.NO_MATCH


class WriteError(CstoFactsError):
    """stdout could not take the results (a full disk, a closed descriptor)."""

    exit_code = ExitCode.WRITE


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
    """A dataset that is missing, unreadable or invalid; carries every problem, in line order."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[Problem]) -> None:
        # Problems without a line (the file as a whole) first, then by line and column.
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        super().__init__("\n".join(str(p) for p in self.problems))

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]
