"""Named option types that each command lists explicitly, and their resolution into a Query.

Values arrive as plain strings and are checked by the core's resolvers, not by
Click's types, so every bad value gets the same one-line message and suggestion.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from cstofacts.errors import UsageError
from cstofacts.query import filters
from cstofacts.query.filters import Query, SortKey
from cstofacts.store.engine import Store

FILTERS = "Filters"
OUTPUT = "Output"
FORMATS = "table, plain, tsv, csv, json, jsonl or markdown"

T = TypeVar("T")


@contextmanager
def option(name: str) -> Iterator[None]:
    """Name the option a core error came from: the core never knows flag names."""
    try:
        yield
    except UsageError as exc:
        if exc.option is None:
            exc.option = name
        raise


def each(name: str, values: Sequence[str] | None, resolve: Callable[[str], T]) -> frozenset[T]:
    with option(name):
        return frozenset(resolve(v) for v in values or ())


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


# -- completion from the dataset ---------------------------------------------------


def _completer(values: Callable[[Store], dict[str, str]]) -> Callable[..., list[tuple[str, str]]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from cstofacts.cli.context import completion_store

        store = completion_store(ctx)
        if store is None:
            return []
        from cstofacts.output.safe import one_line

        folded = incomplete.casefold()
        # A dataset's values reach the shell, and through it the terminal: never as control codes.
        found = {
            as_typed(one_line(v, 200), incomplete): one_line(h, 200)
            for v, h in values(store).items()
            if v.casefold().startswith(folded)
        }
        return list(found.items())

    return complete


def as_typed(value: str, incomplete: str) -> str:
    """A value in the case the user started typing it: values match in any case, and shells offer only
    what starts with exactly what was typed (`--country kg` is offered `kg`, not `KG`)."""
    if value.startswith(incomplete):
        return value
    if incomplete.islower():
        return value.lower()
    if incomplete.isupper():
        return value.upper()
    return incomplete + value[len(incomplete) :]


def _countries(store: Store) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, country in store.vocabulary.countries.items():
        found[code] = country.name
        found[country.name] = code  # names complete too: --country Kyr<TAB>
    return found


complete_category = _completer(lambda s: {n: c.description for n, c in s.vocabulary.categories.items()})
complete_country = _completer(_countries)
complete_org = _completer(lambda s: {short: o.name for short, o in s.vocabulary.organizations.items()})
complete_id = _completer(lambda s: {i: "" for i in s.ids()})
complete_kind = _completer(lambda s: {"event": "", "assessment": "", "background": ""})
complete_attribution = _completer(lambda s: dict(s.vocabulary.attributions))


def _paragraphs(store: Store) -> dict[str, str]:
    """Paragraph numbers with the words each opens with, from the first source that has a body."""
    body = next((s.body for s in store.sources if s.body), ())
    return {str(n): " ".join(text.split()[:8]) + " …" for n, text in enumerate(body, start=1)}


def _years(store: Store) -> dict[str, str]:
    """The years the dataset's dates cover, with how many claims each has."""
    counts: dict[int, int] = {}
    for value, n in store.count(Query(), filters.StatsBy.YEAR):
        first, _, last = value.partition("..")
        if first.isdigit():
            for year in range(int(first), int(last or first) + 1):
                counts[year] = counts.get(year, 0) + n
    return {str(y): f"{n} claim{'s' if n != 1 else ''}" for y, n in sorted(counts.items())}


complete_paragraph = _completer(_paragraphs)
complete_year = _completer(_years)


def _choices(values: Sequence[str]) -> Callable[..., list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]

    return complete


# -- the options ----------------------------------------------------------------------

Year = Annotated[
    list[str] | None,
    typer.Option(
        "--year",
        "-y",
        metavar="YEAR",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_year,
        help="A year or range (2023, 2023..2025, 2023-2025, 2024..); claims whose date overlaps it.",
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        rich_help_panel=FILTERS,
        help="Claims ending on or after DATE (2025, 2025-03, 2025-03-31, 'March 2025', '31 March 2025').",
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", rich_help_panel=FILTERS, help="Claims starting on or before DATE."
    ),
]
Category = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="NAME",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_category,
        help="A category, such as exercise or exercises (see: stats --by category).",
    ),
]
Country = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        metavar="X",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_country,
        help="A country involved, or where a named place lies: code, name or adjective (KG, Kyrgyz).",
    ),
]
Org = Annotated[
    list[str] | None,
    typer.Option(
        "--org",
        metavar="NAME",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_org,
        help="An organization involved, by short name or alias (UN, United Nations, ООН).",
    ),
]
Kind = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_kind,
        help="What sort of claim: event, assessment (a judgement) or background.",
    ),
]
AttributedTo = Annotated[
    list[str] | None,
    typer.Option(
        "--attributed-to",
        metavar="WHO",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_attribution,
        help="Who asserts the claim: analyst (Babaev) or article (the report's own voice).",
    ),
]
Within = Annotated[
    list[str] | None,
    typer.Option(
        "--within",
        metavar="DATE",
        rich_help_panel=FILTERS,
        show_default=False,
        help="Claims dated inside DATE (2025-03, 2025-03-31, 'March 2025', or a range 2025-03..2025-05): "
        "a claim dated only to the year is not inside a month.",
    ),
]
WithCountry = Annotated[
    list[str] | None,
    typer.Option(
        "--with-country",
        metavar="X",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_country,
        help="A country every claim must involve; repeat it for claims involving all of them "
        "(--country is any of them).",
    ),
]
WithOrg = Annotated[
    list[str] | None,
    typer.Option(
        "--with-org",
        metavar="NAME",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_org,
        help="An organization every claim must involve; repeat it for all of them (--org is any of them).",
    ),
]
Paragraph = Annotated[
    list[str] | None,
    typer.Option(
        "--paragraph",
        "-p",
        metavar="N",
        rich_help_panel=FILTERS,
        show_default=False,
        autocompletion=complete_paragraph,
        help="Claims citing paragraph N of the article (1-20).",
    ),
]
Text = Annotated[
    list[str] | None,
    typer.Option(
        "--text",
        "-t",
        metavar="WORDS",
        rich_help_panel=FILTERS,
        show_default=False,
        help="Every word occurs, as a whole word or a form of it (exercises finds exercise).",
    ),
]
Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        rich_help_panel=OUTPUT,
        show_default=False,
        autocompletion=_choices(["table", "plain", "tsv", "csv", "json", "jsonl", "markdown"]),
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
        autocompletion=_choices([k.value for k in SortKey]),
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
        autocompletion=_choices([k.value for k in filters.Prefer]),
        help="Among equal matches, first the claims that answer who (name a person), when (the most "
        "precise date), where (a place), why (a view or background) or how-many (a number).",
    ),
]
Reverse = Annotated[bool, typer.Option("--reverse", "-r", rich_help_panel=OUTPUT, help="Reverse the order.")]
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
        from cstofacts.output.safe import one_line

        shown = " ".join(one_line(str(w), 40) for w in ctx.args)
        hint = f"to find claims by words: cstofacts search {shown}"
        raise UsageError(f"{ctx.info_name} takes no words ({shown}); {hint}")


def _attribution(store: Store, value: str) -> str:
    """An attribution by its name, or by the name of a reported work's author: Babaev means analyst."""
    from cstofacts import text

    typed = text.normalize(value)
    for work in (w for s in store.sources for w in s.reports):
        voice, author = work.voice, text.normalize(work.author)
        for person in store.vocabulary.people.values():
            forms = {text.normalize(s) for s in person.spellings}
            if voice is not None and voice in store.vocabulary.attributions and {author, typed} <= forms:
                return voice
    return filters.resolve_attribution(store.vocabulary, value)


def parse_limit(value: str | None) -> int | None:
    if value is None:
        return None
    with option("--limit"):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise UsageError(f"{filters.show(value)} is not a whole number of 1 or more")
        return min(int(text), 2**62)  # SQLite's LIMIT is a 64-bit integer; more than this is "all"


def parse_prefer(value: str | None) -> filters.Prefer | None:
    if value is None:
        return None
    with option("--prefer"):
        folded = value.strip().casefold().replace(" ", "-")
        for key in filters.Prefer:
            if folded == key.value:
                return key
        valid = ", ".join(k.value for k in filters.Prefer)
        raise UsageError(f"unknown question word {filters.show(value)}; valid values: {valid}")


def parse_sort(value: str | None) -> SortKey | None:
    if value is None:
        return None
    with option("--sort"):
        folded = value.strip().casefold()
        for key in SortKey:
            if folded == key.value:
                return key
        raise UsageError(f"unknown sort key {filters.show(value)}; valid values: date, id, category")


FILTER_NAMES = (
    "year", "since", "until", "within", "category", "country", "with_country", "org", "with_org", "kind",
    "attributed_to", "paragraph", "text",
)  # fmt: skip


def query_from(store: Store, params: Mapping[str, Any], **rest: Any) -> Query:
    """The Query of a command's filter options, as Click parsed them (ctx.params), plus `rest`."""
    return build_query(store, **{name: params.get(name) for name in FILTER_NAMES}, **rest)


def build_query(
    store: Store,
    *,
    year: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    within: Sequence[str] | None = None,
    category: Sequence[str] | None = None,
    country: Sequence[str] | None = None,
    with_country: Sequence[str] | None = None,
    org: Sequence[str] | None = None,
    with_org: Sequence[str] | None = None,
    kind: Sequence[str] | None = None,
    attributed_to: Sequence[str] | None = None,
    paragraph: Sequence[str] | None = None,
    text: Sequence[str] | None = None,
    **rest: Any,
) -> Query:
    """The filters as typed, resolved against the dataset; errors name the option they came from."""
    with option("--since"):
        first, _ = filters.since_until(since, None)
    with option("--until"):
        _, last = filters.since_until(None, until)
    if first and last and first > last:
        raise UsageError(f"{since} is after --until {until}", "--since")
    texts: tuple[tuple[filters.Term, ...], ...] = ()
    if text:
        from cstofacts.query import words

        with option("--text"):
            texts = tuple(words.terms(store.lexicon, [filters.plain(t)]) for t in text)
    return Query(
        years=tuple(sorted(each("--year", year, filters.parse_year))),
        since=first,
        until=last,
        # The vocabulary and the source are read from the database only when a filter needs them.
        categories=each("--category", category, lambda v: filters.resolve_category(store.vocabulary, v)),
        countries=each("--country", country, lambda v: filters.resolve_country(store.vocabulary, v)),
        all_countries=tuple(
            sorted(
                each("--with-country", with_country, lambda v: filters.resolve_country(store.vocabulary, v))
            )
        ),
        organizations=each("--org", org, lambda v: filters.resolve_organization(store.vocabulary, v)),
        all_organizations=tuple(
            sorted(each("--with-org", with_org, lambda v: filters.resolve_organization(store.vocabulary, v)))
        ),
        within=tuple(sorted(each("--within", within, filters.parse_period))),
        kinds=each("--kind", kind, filters.resolve_kind),
        attributions=each("--attributed-to", attributed_to, lambda v: _attribution(store, v)),
        paragraphs=each(
            "--paragraph", paragraph, lambda v: filters.resolve_paragraph(v, store.last_paragraph)
        ),
        texts=texts,
        **rest,
    )
