"""Values offered by shell completion for each option and argument, from the dataset itself."""

from collections.abc import Callable, Sequence

import typer

from cstofacts.criteria import Query, StatsBy
from cstofacts.store.engine import Store


def _completer(values: Callable[[Store], dict[str, str]]) -> Callable[..., list[tuple[str, str]]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from cstofacts.cli.context import completion_store

        store = completion_store(ctx)
        if store is None:
            return []
        from cstofacts.safe import one_line

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


complete_source = _completer(lambda s: {src.id: src.headline for src in s.sources})
complete_category = _completer(lambda s: {n: c.description for n, c in s.vocabulary.categories.items()})
complete_country = _completer(_countries)
complete_org = _completer(lambda s: {short: o.name for short, o in s.vocabulary.organizations.items()})
complete_place = _completer(
    lambda s: {n: s.vocabulary.countries[p.country].name for n, p in s.vocabulary.places.items()}
)
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
    for value, n in store.count(Query(), StatsBy.YEAR):
        first, _, last = value.partition("..")
        if first.isdigit():
            for year in range(int(first), int(last or first) + 1):
                counts[year] = counts.get(year, 0) + n
    return {str(y): f"{n} claim{'s' if n != 1 else ''}" for y, n in sorted(counts.items())}


complete_paragraph = _completer(_paragraphs)
complete_year = _completer(_years)


def choices(values: Sequence[str]) -> Callable[..., list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]

    return complete
