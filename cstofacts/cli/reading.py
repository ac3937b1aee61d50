"""A Query written back as the command line that runs it: how `ask` shows its reading.

The core never names a flag: each filter's record (cli/filtering.py) says how its Query
field is typed back. Running the line gives the claims ask answered with (tests/test_ask_reading.py).
"""

from __future__ import annotations

import shlex

from cstofacts.cli.filtering import FILTER_TABLE
from cstofacts.criteria import Query


def command_line(query: Query) -> str:
    """`cstofacts list …` or `cstofacts search …` with the options that make `query`."""
    parts = ["cstofacts", "search" if query.words else "list"]
    parts += [shlex.quote(t.typed) for t in query.words]
    if query.any_words:
        parts.append("--any")
    if query.best:
        parts.append("--best")
    if query.at_least is not None:
        parts += ["--at-least", str(query.at_least)]
    for kind in FILTER_TABLE:
        for value in kind.typed(getattr(query, kind.field)):
            parts += [kind.flag, shlex.quote(value)]
    if query.no_parts:
        parts.append("--no-parts")
    if query.drafts:
        parts.append("--drafts")
    if query.prefer is not None:
        parts += ["--prefer", query.prefer.value]
    if query.sort is not None and not (query.sort.value == "date" and not query.words):
        parts += ["--sort", query.sort.value]
    if query.reverse:
        parts.append("--reverse")
    if query.limit is not None:
        parts += ["--limit", str(query.limit)]
    return " ".join(parts)
