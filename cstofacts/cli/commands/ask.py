"""`cstofacts ask`: answer a question in a reader's own words."""

from typing import Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import shared
from cstofacts.errors import UsageError

app = o.command_app()

Question = Annotated[
    list[str],
    typer.Argument(metavar="QUESTION...", show_default=False, help="A question, quoted or as loose words."),
]
Explain = Annotated[
    bool,
    typer.Option("--explain", help="Say how the question was read, even when stderr is not a terminal."),
]


@app.command("ask", cls=o.Command)
def ask(
    ctx: typer.Context,
    question: Question,
    explain: Explain = False,
    fmt: o.Format = None,
    fields: o.Fields = None,
    limit: o.Limit = None,
) -> int:
    """Answer a question about the article, in your own words.

    Reads years, dates, categories, countries, organizations, places, people,
    kinds (opinion, events) and paragraphs out of the question; the other words
    rank the answers. A "which …" question lists every match; a pointed one
    ("when was …", "who …") gives the best few, the answer first. Shows how it
    read the question as the equivalent command line.

    Examples:

      cstofacts ask which exercises were held in 2023

      cstofacts ask "when was the Khujand border agreement signed?"

      cstofacts ask what does Babaev conclude --format json
    """
    from cstofacts import answer as answering
    from cstofacts.query import question as questions

    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, fmt)
    present.choose_fields(fmt_chosen, fields)
    typed = " ".join(question).strip()
    if not typed or len(typed) > 500:
        raise UsageError("ask a question of 1 to 500 characters", "QUESTION")
    last = store.last_paragraph
    reading = questions.read(typed, store.lexicon, last)
    result = answering.answer(store, reading, o.parse_limit(limit))
    if explain or run.env.stderr_isatty:
        from cstofacts.output.safe import one_line

        for wrong, right in result.corrections:
            present.note(run, f"read {one_line(wrong, 40)!r} as {right!r}")
        present.note(run, "read as: " + one_line(answering.read_as(result), 300))
    if not result.claims and "everything" in result.relaxed:
        return present.no_match(run, fmt_chosen, "nothing in the question names a claim; try other words")
    if not result.claims:
        return present.no_match(
            run, fmt_chosen, "no claim answers that; try fewer words, or: cstofacts search WORDS"
        )
    return present.claims(run, result.claims, fmt_chosen, fields, evidence=True)
