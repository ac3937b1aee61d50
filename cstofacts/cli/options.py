"""The output options commands list explicitly, the commands' shape, and the parsers of their values.

The filter options are declared in cli/filtering.py. Values arrive as plain strings and are
checked by the core's resolvers, not by Click's types, so every bad value gets the same one-line
message and suggestion.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from cstofacts import criteria
from cstofacts.cli import completers
from cstofacts.criteria import SortKey
from cstofacts.errors import UsageError
from cstofacts.output.formats import Format as OutputFormat
from cstofacts.query import filters

FILTERS = "Filters"
OUTPUT = "Output"
_FORMAT_NAMES = [f.value for f in OutputFormat]
FORMATS = ", ".join(_FORMAT_NAMES[:-1]) + " or " + _FORMAT_NAMES[-1]


@contextmanager
def option(name: str) -> Iterator[None]:
    """Name the option a core error came from: the core never knows flag names."""
    try:
        yield
    except UsageError as exc:
        if exc.option is None:
            exc.option = name
        raise


# -- the commands' shape ------------------------------------------------------------------


class Command(TyperCommand):
    """A command whose usage line reads `search [OPTIONS] WORDS...`, without Typer's braces.

    Typer marks required arguments `{WORDS...}`, a notation no other tool uses.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


def command_app() -> typer.Typer:
    """The one-command app each command module builds: plain help, no completion options of its own."""
    return typer.Typer(add_completion=False, rich_markup_mode=None)


# -- the options ----------------------------------------------------------------------

Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        rich_help_panel=OUTPUT,
        show_default=False,
        autocompletion=completers.choices(_FORMAT_NAMES),
        help=f"{FORMATS}; default: a view on a terminal, plain when piped.",
    ),
]
Fields = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        rich_help_panel=OUTPUT,
        help="Columns or keys to show, comma-separated (the JSON keys, period, first_day, last_day), or all.",
    ),
]
Sort = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="KEY",
        rich_help_panel=OUTPUT,
        show_default=False,
        autocompletion=completers.choices([k.value for k in SortKey]),
        help="date, id or category; undated claims come last.",
    ),
]
AnyWords = Annotated[
    bool,
    typer.Option(
        "--any",
        rich_help_panel=OUTPUT,
        help="Claims holding any of the words, those holding the most of them first.",
    ),
]
Best = Annotated[
    bool,
    typer.Option(
        "--best",
        rich_help_panel=OUTPUT,
        help="With --any: only the claims holding the most of the words.",
    ),
]
Prefer = Annotated[
    str | None,
    typer.Option(
        "--prefer",
        metavar="WORD",
        rich_help_panel=OUTPUT,
        show_default=False,
        autocompletion=completers.choices([k.value for k in criteria.Prefer]),
        help="Among equal matches, first the claims that answer who (name a person), when (the most "
        "precise date), where (a place), why (a view or background) or how-many (a number).",
    ),
]
Reverse = Annotated[bool, typer.Option("--reverse", "-r", rich_help_panel=OUTPUT, help="Reverse the order.")]
# Declared here, not in cli/filtering.py's table: it takes no value and narrows nothing, it only
# shows the claims every lookup hides (Query.drafts; store/sql.py leaves drafts out).
Drafts = Annotated[
    bool,
    typer.Option(
        "--drafts",
        rich_help_panel=FILTERS,
        help="Include draft claims (draft = true, as cstofacts new writes them), which are hidden otherwise.",
    ),
]
Limit = Annotated[
    str | None,
    typer.Option("--limit", "-n", metavar="N", rich_help_panel=OUTPUT, help="Show at most N results."),
]


# Commands that take no words let the parser keep stray ones in ctx.args (Typer's documented
# extra arguments), so that `cstofacts list Khujand` gets a hint rather than Click's refusal.
NO_WORDS = {"allow_extra_args": True}


def refuse_words(ctx: typer.Context) -> None:
    """Refuse words typed after a command that takes none, pointing at search."""
    if ctx.args:
        from cstofacts.safe import one_line

        shown = " ".join(one_line(str(w), 40) for w in ctx.args)
        hint = f"to find claims by words: cstofacts search {shown}"
        raise UsageError(f"{ctx.info_name} takes no words ({shown}); {hint}")


def parse_limit(value: str | None) -> int | None:
    if value is None:
        return None
    with option("--limit"):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise UsageError(f"{filters.show(value)} is not a whole number of 1 or more")
        return min(int(text), 2**62)  # SQLite's LIMIT is a 64-bit integer; more than this is "all"


def parse_prefer(value: str | None) -> criteria.Prefer | None:
    if value is None:
        return None
    with option("--prefer"):
        return filters.choose(value, criteria.Prefer, "unknown question word")


def parse_sort(value: str | None) -> SortKey | None:
    if value is None:
        return None
    with option("--sort"):
        return filters.choose(value, SortKey, "unknown sort key")
