"""The output options, each declared once, the commands' shape, and the parsers of their values.

Commands take the output options they name with `@output_options`, as they take every filter
option, declared in cli/filtering.py, with `@filter_options`. Values arrive as plain strings and are
checked by the core's resolvers, not by Click's types, so every bad value gets the same one-line
message and suggestion.
"""

import functools
import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from cstofacts import criteria
from cstofacts.cli import completers
from cstofacts.criteria import SortKey
from cstofacts.errors import UsageError
from cstofacts.output.formats import Format as OutputFormat
from cstofacts.query import filters

F = TypeVar("F", bound=Callable[..., Any])
_NAMED = inspect.Parameter.POSITIONAL_OR_KEYWORD
FILTERS = "Filters"
OUTPUT = "Output"
_FORMAT_NAMES = [f.value for f in OutputFormat]


def listed(names: Sequence[str]) -> str:
    """Names as help and messages list them: "a, b or c"."""
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)


FORMATS = listed(_FORMAT_NAMES)


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


# -- the output options, each declared once ------------------------------------------------


class Output:
    """One output option: its flags, help and completion, how its typed value is read, and the
    Query field it sets, if any. A plain class, as cli/filtering.py's Filter."""

    __slots__ = ("complete", "default", "field", "flags", "help", "metavar", "name", "panel", "parse")

    def __init__(
        self,
        flags: tuple[str, ...],
        *,
        name: str,
        help: str,
        metavar: str | None = None,
        complete: Callable[..., Any] | None = None,
        parse: Callable[[Any], Any] | None = None,
        field: str | None = None,
        panel: str = OUTPUT,
    ) -> None:
        self.flags = flags  # the long option first
        self.name = name  # the parameter Click fills, and the key of Outputs
        self.help = help
        self.metavar = metavar  # None: a flag, which takes no value and is off unless given
        self.default = None if metavar else False
        self.complete = complete
        self.parse = parse  # the typed value -> the value the command uses; None: as typed
        self.field = field  # the Query field it sets, for Outputs.query(); None: no Query field
        self.panel = panel

    def annotation(self) -> Any:
        kind = str | None if self.metavar else bool
        return Annotated[
            kind,
            value_option(
                *self.flags, metavar=self.metavar, help=self.help, panel=self.panel, complete=self.complete
            ),
        ]

    def value(self, typed: Any) -> Any:
        return typed if self.parse is None else self.parse(typed)


def _whole_number(flag: str, value: str | None) -> int | None:
    if value is None:
        return None
    with option(flag):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise UsageError(f"{filters.show(value)} is not a whole number of 1 or more")
        return min(int(text), 2**62)  # SQLite's integers are 64-bit; more than this is "all"


def parse_limit(value: str | None) -> int | None:
    return _whole_number("--limit", value)


def parse_at_least(value: str | None) -> int | None:
    return _whole_number("--at-least", value)


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


# In the order help lists them, after the filters.
OUTPUT_TABLE: tuple[Output, ...] = (
    # With the filters in help, but not in cli/filtering.py's table: it takes no value and narrows
    # nothing, it only shows the claims every lookup hides (Query.drafts; store/sql.py leaves
    # drafts out).
    Output(
        ("--drafts",),
        name="drafts",
        field="drafts",
        panel=FILTERS,
        help="Include draft claims (draft = true, as cstofacts new writes them), which are hidden otherwise.",
    ),
    Output(
        ("--no-parts",),
        name="no_parts",
        field="no_parts",
        panel=FILTERS,
        help="Leave out the claims that are part of another (the maneuvers of an exercise): the whole stands "
        "for them.",
    ),
    Output(
        ("--format", "-f"),
        name="fmt",
        metavar="FORMAT",
        complete=completers.choices(_FORMAT_NAMES),
        help=f"{FORMATS}; default: a view on a terminal, plain when piped.",
    ),
    Output(
        ("--fields",),
        name="fields",
        metavar="A,B,C",
        help="Columns or keys to show, comma-separated (the JSON keys, period, first_day, last_day), or all.",
    ),
    Output(
        ("--any",),
        name="any_words",
        field="any_words",
        help="Claims holding any of the words, those holding the most of them first.",
    ),
    Output(
        ("--best",),
        name="best",
        field="best",
        help="With --any: only the claims holding the most of the words.",
    ),
    Output(
        ("--at-least",),
        name="at_least",
        metavar="N",
        field="at_least",
        parse=parse_at_least,
        help="Only the claims holding at least N of the words (any N of them: implies --any).",
    ),
    Output(
        ("--prefer",),
        name="prefer",
        metavar="WORD",
        field="prefer",
        parse=parse_prefer,
        complete=completers.choices([k.value for k in criteria.Prefer]),
        help="Among equal matches, first the claims that answer who (name a person), when (the most "
        "precise date), where (a place), why (a view or background) or how-many (a number).",
    ),
    Output(
        ("--sort",),
        name="sort",
        metavar="KEY",
        field="sort",
        parse=parse_sort,
        complete=completers.choices([k.value for k in SortKey]),
        help="date, id or category; undated claims come last.",
    ),
    Output(("--reverse", "-r"), name="reverse", field="reverse", help="Reverse the order."),
    Output(
        ("--limit", "-n"),
        name="limit",
        metavar="N",
        field="limit",
        parse=parse_limit,
        help="Show at most N results.",
    ),
)
_BY_NAME = {o.name: o for o in OUTPUT_TABLE}


class Outputs:
    """What was typed for a command's output options. Values are read (and refused) when the
    command asks for them, so a command meets errors in its own order."""

    __slots__ = ("typed",)

    def __init__(self, typed: Mapping[str, Any]) -> None:
        self.typed = typed  # by parameter name, only the options the command takes

    def __getattr__(self, name: str) -> Any:
        try:
            return _BY_NAME[name].value(self.typed[name])
        except KeyError:
            raise AttributeError(name) from None

    def query(self) -> dict[str, Any]:
        """The Query fields the command's options set, read in the table's order."""
        return {
            o.field: o.value(self.typed[o.name]) for o in OUTPUT_TABLE if o.field and o.name in self.typed
        }


NOTHING = Outputs(MappingProxyType({}))


def output_options(*names: str, formats: Sequence[OutputFormat] | None = None) -> Callable[[F], F]:
    """Give a command the named output options, in the table's order, in place of its `output`
    parameter, which receives them as Outputs. `formats`: the only ones the command writes, which
    its --format's help and completion then list."""
    chosen = sorted((_BY_NAME[name] for name in names), key=OUTPUT_TABLE.index)
    if formats is not None:
        chosen = [_only(o, [f.value for f in formats]) if o.name == "fmt" else o for o in chosen]
    added = [inspect.Parameter(o.name, _NAMED, default=o.default, annotation=o.annotation()) for o in chosen]
    return in_place_of("output", added, Outputs)


def _only(option: Output, names: list[str]) -> Output:
    """--format, for a command that writes only some of the formats."""
    return Output(
        option.flags,
        name=option.name,
        help=option.help.replace(FORMATS, listed(names), 1),
        metavar=option.metavar,
        complete=completers.choices(names),
        parse=option.parse,
        field=option.field,
        panel=option.panel,
    )


def in_place_of(
    name: str, added: list[inspect.Parameter], gather: Callable[[dict[str, Any]], Any]
) -> Callable[[F], F]:
    """A decorator that puts the `added` parameters, for Click to fill, in place of a command's
    parameter `name`, which then receives what `gather` makes of their values, by name."""

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        parameters: list[inspect.Parameter] = []
        for parameter in signature.parameters.values():
            parameters += added if parameter.name == name else [parameter]

        @functools.wraps(command)
        def taking(*args: Any, **kwargs: Any) -> Any:
            typed = {p.name: kwargs.pop(p.name, p.default) for p in added}
            return command(*args, **{name: gather(typed)}, **kwargs)

        taking.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        taking.__annotations__ = {p.name: p.annotation for p in parameters}
        return taking  # type: ignore[return-value]

    return decorate


def value_option(
    *flags: str, metavar: str | None, help: str, panel: str | None = None, complete: Any = None
) -> Any:
    """Click's option for a parameter: the name of its value (None: a flag), no default shown
    (help says what a default is), its help panel and completion."""
    return typer.Option(
        *flags, metavar=metavar, rich_help_panel=panel, show_default=False, autocompletion=complete, help=help
    )


def argument(metavar: str, help: str, complete: Any = None) -> Any:
    """Click's argument for a parameter: its name in the usage line and help, no default shown."""
    return typer.Argument(metavar=metavar, show_default=False, autocompletion=complete, help=help)


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
