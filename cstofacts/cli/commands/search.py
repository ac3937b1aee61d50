"""`cstofacts search`: claims holding every word, whole words and their forms, best match first."""

from typing import Annotated

import typer

from cstofacts.cli import filtering as f
from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared

app = o.command_app()

Words = Annotated[
    list[str],
    o.argument(
        metavar="WORDS...",
        help='Words that must all occur (any, with --any); "two words" in quotes is a phrase.',
    ),
]


@app.command("search", cls=o.Command)
@f.filter_options
@o.output_options(
    "drafts",
    "no_parts",
    "fmt",
    "fields",
    "any_words",
    "best",
    "at_least",
    "prefer",
    "sort",
    "reverse",
    "limit",
)
def search(
    ctx: typer.Context, words: Words, filters: f.Typed = f.UNTYPED, output: o.Outputs = o.NOTHING
) -> int:
    """Find claims by words, best match first.

    Matches whole words and their forms (exercises finds exercise; signing finds signed),
    names in any declared spelling and case (UN, United Nations, ООН, Таджикистане), roles
    (Secretary General finds Tasmagambetov), and dates as people write them. A word no claim
    holds is looked up in the thesaurus (accord finds the agreements; see README).

    Examples:

      cstofacts search Khujand

      cstofacts search border agreement --year 2025

      cstofacts search "Security Council" --format jsonl
    """
    from cstofacts.cli.options import option
    from cstofacts.query import words as w

    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    with option("WORDS"):
        terms = store.widen(w.terms(store.lexicon, words))
    query = f.query_from(store, filters, words=terms, **output.query())
    if query.at_least is not None:  # any N of the words: the others may be missing
        query = query._replace(any_words=True)
    return present.matches(
        run, store, query, fmt_chosen, output.fields, miss=lambda: present.explain_miss(run, store, terms)
    )
