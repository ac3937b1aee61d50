"""What every command shares: the environment read once, and the dataset the global options name."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import typer

from cstofacts.env import Env, error
from cstofacts.errors import CstoFactsError, DataError

if TYPE_CHECKING:
    from cstofacts.store import Spec
    from cstofacts.store.engine import Store

DATA_ENV = "CSTOFACTS_DATA"


class Shared:
    """The root command's options, and what is opened from them once per run.

    A plain class, not a dataclass: it is defined at every start, where a dataclass costs
    about half a millisecond more."""

    def __init__(self, env: Env, given: bool = False) -> None:
        self.env = env
        self.given = given  # env was handed to run() (a test's terminal): --color and --no-pager keep it
        self.data: Spec | None = None  # a file or directory, or several (repeated --data)
        self.data_option = "--data"  # how the dataset was named, for messages: --data or CSTOFACTS_DATA
        self.use_cache = True
        # Machine formats on a terminal: show controls as visible escapes (cli/present.py).
        self.escape_controls = False
        self._store: Store | None = None

    def close(self) -> None:
        """Close what the run opened; run() calls it last, which is what lets the process os._exit."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def store(self) -> Store:
        if self._store is None:
            from cstofacts import store

            try:
                self._store = store.open_store(self.data, use_cache=self.use_cache, note=self.note)
            except DataError as exc:
                raise self.named(exc) from None
        return self._store

    def note(self, message: str) -> None:
        """One line on stderr about how the run went (the cache), with any path in it made safe to show."""
        from cstofacts.safe import visible

        error(self.env, "cstofacts: " + visible(message))

    def named(self, exc: DataError) -> DataError:
        """A file that cannot be read at all is reported with the option that named it."""
        if self.data is None or any(p.line is not None for p in exc.problems):
            return exc
        return DataError([p._replace(path=f"{self.data_option} {p.path}") for p in exc.problems])


def shared(ctx: typer.Context) -> Shared:
    root = ctx.find_root()
    if not isinstance(root.obj, Shared):
        root.obj = Shared(Env.read())
    return root.obj


def completion_store(ctx: typer.Context) -> Store | None:
    """The dataset for shell completion, which must never fail loudly."""
    given = ctx.find_root().params.get("data") or []
    data: Spec | None = (given[0] if len(given) == 1 else tuple(given)) if given else None
    data = data or os.environ.get(DATA_ENV) or None
    try:
        from cstofacts import store

        return store.open_store(data)
    except (CstoFactsError, OSError):
        return None
