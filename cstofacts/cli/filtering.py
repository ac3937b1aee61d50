"""The filter options, each declared once: its option, help and completion, how a typed value
resolves, the Query field it sets, and how that field is written back as typed.

Commands take every filter with `@filter_options`, as sqlite-utils' commands take their output
options from one decorator; `query_from` resolves what was typed into a Query, and `ask` writes
its Query back as a command line from the same table (cli/reading.py). The SQL of each Query
field is in store/sql.py (`where`), the one module that writes SQL.
"""

import inspect
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

from cstofacts import dates
from cstofacts.cli import completers
from cstofacts.cli.options import FILTERS as PANEL
from cstofacts.cli.options import in_place_of, option, value_option
from cstofacts.criteria import Query, Term
from cstofacts.errors import UsageError
from cstofacts.query import filters
from cstofacts.store.engine import Store

F = TypeVar("F", bound=Callable[..., Any])
# What a command receives in its `filters` parameter: the typed values, by parameter name.
Typed = Mapping[str, Any]
UNTYPED: Typed = MappingProxyType({})


class Filter:
    """One filter option. A plain class: a dataclass costs start-up time (docs/performance.md)."""

    __slots__ = (
        "complete",
        "field",
        "flags",
        "gather",
        "help",
        "many",
        "metavar",
        "name",
        "resolve",
        "typed",
    )

    def __init__(
        self,
        flags: tuple[str, ...],
        *,
        field: str,
        metavar: str,
        help: str,
        resolve: Callable[[Store, str], Any],
        typed: Callable[[Any], list[str]],
        gather: Callable[[list[Any]], Any] = frozenset,
        many: bool = True,
        complete: Callable[..., Any] | None = None,
    ) -> None:
        self.flags = flags  # the long option first: it names the filter in messages
        self.name = flags[0].removeprefix("--").replace("-", "_")  # the parameter Click fills
        self.field = field  # the Query field it sets
        self.metavar = metavar
        self.help = help
        self.resolve = resolve  # one typed value -> a Query value, or UsageError
        self.gather = gather  # the resolved values, in the order typed -> the field's value
        self.typed = typed  # the field's value -> the values to type, for the reading ask prints
        self.many = many  # repeatable: repeated values are any of them, unless `help` says all
        self.complete = complete

    @property
    def flag(self) -> str:
        return self.flags[0]

    def annotation(self) -> Any:
        kind = list[str] | None if self.many else str | None
        option = value_option(
            *self.flags, metavar=self.metavar, help=self.help, panel=PANEL, complete=self.complete
        )
        return Annotated[kind, option]

    def value(self, store: Store, typed: str | list[str] | None) -> Any:
        """The Query value of what was typed (None: nothing), errors naming the option."""
        values = [typed] if isinstance(typed, str) else typed or []
        with option(self.flag):
            return self.gather([self.resolve(store, v) for v in values])


# -- how values are resolved and written back ---------------------------------------------------


def _sorted_set(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(set(values)))


def _single(values: list[Any]) -> Any:
    return values[0] if values else None


def _year(_: Store, value: str) -> dates.Span:
    return filters.parse_year(value)


def _years_typed(spans: Iterable[dates.Span]) -> list[str]:
    return [dates.typed(s) for s in spans]


def _names(values: Iterable[object]) -> list[str]:
    return sorted(str(getattr(v, "value", v)) for v in values)


def _day(value: date | None) -> list[str]:
    return [value.isoformat()] if value is not None else []


def _words(store: Store, typed: str) -> tuple[Term, ...]:
    """Every word of one value, each to occur; words in "double quotes" together, as a phrase
    (search reads its separate arguments so)."""
    from cstofacts.query import words

    value = filters.plain(typed)
    return tuple(words.terms(store.lexicon, [value] if '"' in value else value.split()))


def _typed_words(value: tuple[tuple[Term, ...], ...]) -> list[str]:
    """--text and --not-text values as typed: a phrase or a name of several words in quotes."""
    return [" ".join(f'"{t.typed}"' if len(t.tokens) > 1 else t.typed for t in terms) for terms in value]


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


def _country(store: Store, value: str) -> str:
    return filters.resolve_country(store.vocabulary, value)


def _organization(store: Store, value: str) -> str:
    return filters.resolve_organization(store.vocabulary, value)


def _place(store: Store, value: str) -> str:
    return filters.resolve_place(store.vocabulary, value)


def _claim_id(store: Store, value: str) -> str:
    """A claim's id as typed, or the one id it begins (show takes ids so too)."""
    wanted = value.strip().casefold()
    found = store.ids_for(wanted, 3) if wanted else []
    if len(found) == 1:
        return found[0]
    if found:  # a start of several ids: two of them
        raise UsageError(f"{filters.show(value)} begins more than one claim's id ({found[0]}, {found[1]}, …)")
    near = filters.suggest(wanted, store.ids_near(wanted))
    hint = f"; did you mean {near}?" if near else "; see: cstofacts list --fields id"
    raise UsageError(f"no claim {filters.show(value)}{hint}")


# -- the filters, in the order help lists them and ask's reading writes them ------------------

FILTER_TABLE: tuple[Filter, ...] = (
    Filter(
        ("--year", "-y"),
        field="years",
        metavar="YEAR",
        help="A year or range (2023, 2023..2025, 2023-2025, 2024..); claims whose date overlaps it.",
        resolve=_year,
        gather=_sorted_set,
        typed=_years_typed,
        complete=completers.complete_year,
    ),
    Filter(
        ("--since",),
        field="since",
        metavar="DATE",
        help="Claims ending on or after DATE (2025, 2025-03, 2025-03-31, 'March 2025', '31 March 2025').",
        resolve=lambda _, v: filters.since_until(v, None)[0],
        gather=_single,
        many=False,
        typed=_day,
    ),
    Filter(
        ("--until",),
        field="until",
        metavar="DATE",
        help="Claims starting on or before DATE.",
        resolve=lambda _, v: filters.since_until(None, v)[1],
        gather=_single,
        many=False,
        typed=_day,
    ),
    Filter(
        ("--within",),
        field="within",
        metavar="DATE",
        help="Claims dated inside DATE (2025-03, 2025-03-31, 'March 2025', or a range 2025-03..2025-05): "
        "a claim dated only to the year is not inside a month.",
        resolve=lambda _, v: filters.parse_period(v),
        gather=_sorted_set,
        typed=lambda v: [dates.typed_within(s) for s in v],
    ),
    Filter(
        ("--not-year",),
        field="not_years",
        metavar="YEAR",
        help="Claims of other years: dated, but not in this year or range (--not-year 2025); repeat it "
        "for several.",
        resolve=_year,
        gather=_sorted_set,
        typed=_years_typed,
        complete=completers.complete_year,
    ),
    Filter(
        ("--category", "-c"),
        field="categories",
        metavar="NAME",
        help="A category, such as exercise or exercises (see: stats --by category).",
        resolve=lambda store, v: filters.resolve_category(store.vocabulary, v),
        typed=_names,
        complete=completers.complete_category,
    ),
    Filter(
        ("--country",),
        field="countries",
        metavar="X",
        help="A country involved, or where a named place lies: code, name or adjective (KG, Kyrgyz).",
        resolve=_country,
        typed=_names,
        complete=completers.complete_country,
    ),
    Filter(
        ("--with-country",),
        field="all_countries",
        metavar="X",
        help="A country every claim must involve; repeat it for claims involving all of them "
        "(--country is any of them).",
        resolve=_country,
        gather=_sorted_set,
        typed=_names,
        complete=completers.complete_country,
    ),
    Filter(
        ("--org",),
        field="organizations",
        metavar="NAME",
        help="An organization involved, by short name or alias (UN, United Nations, ООН).",
        resolve=_organization,
        typed=_names,
        complete=completers.complete_org,
    ),
    Filter(
        ("--with-org",),
        field="all_organizations",
        metavar="NAME",
        help="An organization every claim must involve; repeat it for all of them (--org is any of them).",
        resolve=_organization,
        gather=_sorted_set,
        typed=_names,
        complete=completers.complete_org,
    ),
    Filter(
        ("--not-country",),
        field="not_countries",
        metavar="X",
        help="A country no claim may involve, nor lie in (Belarus: the claims outside it); repeat it "
        "for several.",
        resolve=_country,
        typed=_names,
        complete=completers.complete_country,
    ),
    Filter(
        ("--not-org",),
        field="not_organizations",
        metavar="NAME",
        help="An organization no claim may involve; repeat it for several.",
        resolve=_organization,
        typed=_names,
        complete=completers.complete_org,
    ),
    Filter(
        ("--place",),
        field="places",
        metavar="PLACE",
        help="A place the claim names as where it happened, such as a city the dataset declares (Minsk).",
        resolve=_place,
        typed=_names,
        complete=completers.complete_place,
    ),
    Filter(
        ("--source",),
        field="sources",
        metavar="ID",
        help="Claims of this source, an article of the corpus, by its id (see: cstofacts source).",
        resolve=lambda store, v: filters.resolve_source([s.id for s in store.sources], v),
        typed=_names,
        complete=completers.complete_source,
    ),
    Filter(
        ("--kind",),
        field="kinds",
        metavar="KIND",
        help="What sort of claim: event, assessment (a judgement) or background.",
        resolve=lambda _, v: filters.resolve_kind(v),
        typed=_names,
        complete=completers.complete_kind,
    ),
    Filter(
        ("--attributed-to",),
        field="attributions",
        metavar="WHO",
        help="Who asserts the claim: analyst (Babaev) or article (the report's own voice).",
        resolve=_attribution,
        typed=_names,
        complete=completers.complete_attribution,
    ),
    Filter(
        ("--paragraph", "-p"),
        field="paragraphs",
        metavar="N",
        help="Claims citing paragraph N of the article (13 or ¶13; 0 is the headline).",
        resolve=lambda store, v: filters.resolve_paragraph(v, store.last_paragraph),
        typed=lambda v: [str(n) for n in sorted(v)],
        complete=completers.complete_paragraph,
    ),
    Filter(
        ("--part-of",),
        field="part_of",
        metavar="ID",
        help="Claims that are parts of claim ID, as their parent field says (the maneuvers of an exercise).",
        resolve=_claim_id,
        typed=_names,
        complete=completers.complete_id,
    ),
    Filter(
        ("--text", "-t"),
        field="texts",
        metavar="WORDS",
        help="Every word occurs, as a whole word or a form of it (exercises finds exercise); "
        '"words in double quotes" together; repeat it for claims holding any one value.',
        resolve=_words,
        gather=tuple,
        typed=_typed_words,
    ),
    Filter(
        ("--not-text",),
        field="not_texts",
        metavar="WORDS",
        help="Claims not holding every word of it, as --text matches them (--not-text 'internal unity': "
        "all but those holding both words); repeat it to put out several.",
        resolve=_words,
        gather=tuple,
        typed=_typed_words,
    ),
)


def filter_options(command: F) -> F:
    """Give a command every filter option, in place of its `filters` parameter, which receives
    what was typed for each, by name (None where nothing was)."""
    return in_place_of("filters", _PARAMETERS, dict)(command)


_PARAMETERS = [
    inspect.Parameter(
        f.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=f.annotation()
    )
    for f in FILTER_TABLE
]


def query_from(store: Store, typed: Mapping[str, Any], **rest: Any) -> Query:
    """The Query of the filters as typed (the `filters` a command receives), plus `rest`."""
    fields = {f.field: f.value(store, typed.get(f.name)) for f in FILTER_TABLE}
    first, last = fields["since"], fields["until"]
    if first and last and first > last:
        raise UsageError(f"{typed['since']} is after --until {typed['until']}", "--since")
    return Query(**fields, **rest)
