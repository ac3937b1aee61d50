"""A Query written back as the command line that runs it: how `ask` shows its reading.

The core never names a flag; this table is where a Query's fields meet the options that
set them. Running the line gives the claims ask answered with (tests/test_ask_reading.py).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from cstofacts import dates
from cstofacts.query.filters import Query, Term


def _span(span: dates.Span) -> str:
    low, high = span
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
        return str(low.year) if low.year == high.year else f"{low.year}..{high.year}"
    return low.isoformat() if low == high else f"{low.isoformat()}..{high.isoformat()}"


def _within(span: dates.Span) -> str:
    low, high = span
    if low == high:
        return low.isoformat()
    if (low.day, high.month == low.month) == (1, True):
        return low.isoformat()[:7]  # a month
    if low.day == 1 and (high + timedelta(days=1)).day == 1:
        return f"{low.isoformat()[:7]}..{high.isoformat()[:7]}"  # whole months
    return _span(span)


def _sorted(values: Iterable[object]) -> list[str]:
    return sorted(str(getattr(v, "value", v)) for v in values)


def _day(value: date | None) -> list[str]:
    return [value.isoformat()] if value is not None else []


def _text(values: tuple[tuple[Term, ...], ...]) -> list[str]:
    return [" ".join(t.typed for t in terms) for terms in values]


# Query field -> (the option, its values as typed); in the order a reader expects them.
FLAGS: tuple[tuple[str, str, Callable[[Any], list[str]]], ...] = (
    ("years", "--year", lambda v: [_span(s) for s in v]),
    ("within", "--within", lambda v: [_within(s) for s in v]),
    ("since", "--since", _day),
    ("until", "--until", _day),
    ("categories", "--category", _sorted),
    ("countries", "--country", _sorted),
    ("all_countries", "--with-country", _sorted),
    ("organizations", "--org", _sorted),
    ("all_organizations", "--with-org", _sorted),
    ("kinds", "--kind", _sorted),
    ("attributions", "--attributed-to", _sorted),
    ("paragraphs", "--paragraph", lambda v: [str(n) for n in sorted(v)]),
    ("texts", "--text", _text),
)


def command_line(query: Query) -> str:
    """`cstofacts list …` or `cstofacts search …` with the options that make `query`."""
    parts = ["cstofacts", "search" if query.words else "list"]
    parts += [shlex.quote(t.typed) for t in query.words]
    if query.any_words:
        parts.append("--any")
    if query.best:
        parts.append("--best")
    for name, flag, values in FLAGS:
        for value in values(getattr(query, name)):
            parts += [flag, shlex.quote(value)]
    if query.prefer is not None:
        parts += ["--prefer", query.prefer.value]
    if query.sort is not None and not (query.sort.value == "date" and not query.words):
        parts += ["--sort", query.sort.value]
    if query.reverse:
        parts.append("--reverse")
    if query.limit is not None:
        parts += ["--limit", str(query.limit)]
    return " ".join(parts)
