"""`cstofacts ask`: answer a question in a reader's own words."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from cstofacts.cli import filtering as f
from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import Shared, shared
from cstofacts.errors import ExitCode, UsageError
from cstofacts.output.formats import Format

if TYPE_CHECKING:
    from cstofacts.query.about import Fact

app = o.command_app()

Question = Annotated[
    list[str],
    o.argument(metavar="QUESTION...", help="A question, quoted or as loose words."),
]
Explain = Annotated[
    bool,
    typer.Option(
        "--explain",
        help="Say how the question was read, word by word, even when stderr is not a terminal.",
    ),
]


@app.command("ask", cls=o.Command)
@f.filter_options
@o.output_options("drafts", "no_parts", "fmt", "fields", "limit")
def ask(
    ctx: typer.Context,
    question: Question,
    explain: Explain = False,
    filters: f.Typed = f.UNTYPED,
    output: o.Outputs = o.NOTHING,
) -> int:
    """Answer a question about the article, in your own words.

    Reads years, dates, categories, countries, organizations, places, people and
    their roles, kinds (opinion, events) and paragraphs out of the question, in
    English or Russian; the other words rank the answers. A "which …" question
    lists every match; a pointed one ("when was …", "who …") gives the best few,
    the answer first. Shows its reading as the command line that gives the same
    answer, and says so plainly when the article does not answer. Filter options
    narrow the reading, in place of what the question says about the same thing.

    Examples:

      cstofacts ask which exercises were held in 2023

      cstofacts ask "when was the Khujand border agreement signed?"

      cstofacts ask what does Babaev conclude --format json
    """
    from cstofacts import answer as answering
    from cstofacts.query import question as questions
    from cstofacts.safe import one_line
    from cstofacts.store.engine import Found

    run = shared(ctx)
    store = run.store()
    fmt_chosen = present.choose_format(run, output.fmt)
    present.choose_fields(fmt_chosen, output.fields)
    typed = " ".join(question).strip()
    if not typed or len(typed) > 500:
        raise UsageError("ask a question of 1 to 500 characters", "QUESTION")
    from cstofacts.query.filters import UNDECODED, decoded

    if not decoded(typed):
        raise UsageError(UNDECODED.replace("value", "the question", 1), "QUESTION")
    narrow = f.query_from(store, filters, drafts=output.drafts, no_parts=output.no_parts)
    reading = questions.read(typed, store.lexicon, store.last_paragraph)
    result = answering.answer(store, reading, output.limit, narrow)
    talk = explain or run.env.stderr_isatty
    if explain:
        for words, became in result.explained:
            present.note(run, f"{one_line(words, 40)!r}: {became}")
    if talk:
        for wrong, right in result.corrections:
            present.note(run, f"read {one_line(wrong, 40)!r} as {right!r}")
    if result.facts:
        return _facts(run, result.facts, fmt_chosen, talk)
    if result.query is None:
        present.note(run, result.silence)
        return ExitCode.NO_MATCH
    if talk:
        from cstofacts.cli.reading import command_line  # only to say the reading: shlex and the table

        # Never cut: the reading is a command to run (bounded by the 500-character question).
        present.note(run, "read as: " + one_line(command_line(result.query), None))
    if not result.claims:
        return present.no_match(run, fmt_chosen, "no claim answers that")
    if result.partial:
        missing = ", ".join(one_line(p, 40) for p in result.partial)
        present.note(run, f"partial answer: no answer holds {missing}")
    if (
        fmt_chosen is not Format.TABLE
        and isinstance(result.claims, Found)
        and result.claims.query == result.query
    ):
        # A list answer is its reading run as it stands: written the way list writes it, as
        # compiled JSON or plain lines when every key or the default columns are asked for.
        return present.matches(run, store, result.query, fmt_chosen, output.fields)
    return present.claims(run, result.claims, fmt_chosen, output.fields, query=result.query, evidence=True)


def _facts(run: Shared, facts: "Sequence[Fact]", fmt: Format, talk: bool) -> int:
    """A question about the works, answered from their records, as `cstofacts source` shows them:
    on a terminal and piped plain, one `field: value (where)` line each; else as records."""
    from cstofacts.safe import one_line

    if talk:
        present.note(run, "answered from the works' own records, as: cstofacts source")
    records = [fact.record() for fact in facts]
    if fmt in (Format.TABLE, Format.PLAIN):
        for fact in facts:
            work = "the report" if fact.role == "report" else "the article it reports"
            value = fact.value if fact.value is not None else "not stated"
            line = f"{work}, {fact.field}: {value} ({fact.stated_in})"
            present.write(run, one_line(line, 1000) + "\n")
        return ExitCode.OK
    present.records(run, fmt, records, list(records[0]))
    return ExitCode.OK
