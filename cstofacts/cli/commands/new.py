"""`cstofacts new`: start a dataset for a new article from its plain text."""

import contextlib
import os
import shlex
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from cstofacts.cli import options as o
from cstofacts.cli import present
from cstofacts.cli.context import Shared, shared
from cstofacts.errors import DataError, ExitCode, UsageError
from cstofacts.safe import one_line

if TYPE_CHECKING:
    from cstofacts.drafting import Article
    from cstofacts.records import Vocabulary

app = o.command_app()

ArticlePath = Annotated[
    str,
    o.argument(
        metavar="ARTICLE.txt",
        help="The article as plain UTF-8 text, headline first, paragraphs apart by blank lines; - reads "
        "standard input.",
    ),
]
Output = Annotated[
    str | None,
    o.value_option(
        "--output",
        "-o",
        metavar="OUT.toml",
        help="Write the dataset to this file, atomically; default: standard output.",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace OUT.toml if it exists.")]
Headline = Annotated[
    str | None,
    o.value_option("--headline", metavar="TEXT", help="The headline, for the first line's."),
]
Byline = Annotated[
    str | None,
    o.value_option(
        "--byline", metavar="TEXT", help='The byline as printed, for the one recognised; "" for none.'
    ),
]
Section = Annotated[
    str | None,
    o.value_option("--section", metavar="TEXT", help='The section, for the one recognised; "" for none.'),
]
SourceId = Annotated[
    str | None,
    o.value_option(
        "--source-id",
        metavar="ID",
        help="The source's id (lowercase letters, digits, hyphens); default: made from the headline.",
    ),
]
VocabularyFile = Annotated[
    str | None,
    o.value_option(
        "--vocabulary",
        metavar="FILE",
        help="Look for the countries, organizations, places and people this dataset declares; default: "
        "the bundled one's.",
    ),
]
# Read at most this much: an article, not a dataset (a dataset file may be 128 MiB).
MAX_ARTICLE = 16 * 1024 * 1024


@app.command("new", cls=o.Command)
def new(
    ctx: typer.Context,
    article: ArticlePath,
    output: Output = None,
    force: Force = False,
    headline: Headline = None,
    byline: Byline = None,
    section: Section = None,
    source_id: SourceId = None,
    vocabulary: VocabularyFile = None,
) -> int:
    """Start a dataset for a new article from its plain text: its paragraphs and draft claims.

    The first line is the headline; a short line of capitalised words after it is the
    byline, and a line such as Politics or World the section (asked for on a terminal
    when not found). Paragraphs are numbered as read numbers them and kept word for
    word. Each sentence that holds a date, a number or a declared name (a country,
    organization, place or person) becomes a draft claim: draft = true, the sentence as
    its evidence, its date as precise as written, and a summary for you to write in
    your own words. Lookups hide drafts unless --drafts; validate lists them.

    Examples:

      cstofacts new article.txt > article.toml

      cstofacts new article.txt -o article.toml --section World && cstofacts --data article.toml validate

      cstofacts new article.txt --vocabulary mine.toml | less
    """
    from cstofacts import drafting, drafttoml

    run = shared(ctx)
    target = None if output in (None, "-") else output
    if target is not None:
        if not target.strip() or target.endswith(("/", os.sep)):
            raise UsageError("give the path of the file to write, such as article.toml", "--output")
        if os.path.lexists(target) and not force:  # the early refusal; present.publish makes it sure
            raise UsageError(f"{one_line(target)} exists; give --force to replace it", "--output")
    if source_id is not None:
        from cstofacts.store.checks import SLUG

        if not SLUG.fullmatch(source_id):
            raise UsageError(
                f"{one_line(source_id, 40)!r} is not lowercase letters, digits and hyphens", "--source-id"
            )
    read = drafting.read(_article_text(article))
    if not read.headline:
        raise UsageError(f"{one_line(article)} holds no text", "ARTICLE.txt")
    read = _header(read, headline, byline, section, asking=article != "-" and _terminal_stdin())
    draft = drafting.draft(read, _vocabulary(run, vocabulary), source_id)
    dataset = drafttoml.to_toml(draft, ascii_only=target is None and run.env.ascii_only)
    if target is None:
        present.write(run, dataset)
    else:
        present.publish(target, [dataset.encode("utf-8")], force=force, option="--output")
    _report(run, read, len(draft.claims), target)
    return ExitCode.OK


def _report(run: Shared, read: "Article", claims: int, target: str | None) -> None:
    """What was found, where it went, and what to do next: on stderr, so a piped dataset stays clean."""

    def counted(n: int, what: str) -> str:
        return f"{n} {what}{'' if n == 1 else 's'}"

    header = ", ".join(
        f"{what} {one_line(value, 60)!r}" if value else f"no {what}"
        for what, value in (("byline", read.byline), ("section", read.section))
    )
    found = f"{counted(len(read.body), 'paragraph')}, {counted(claims, 'draft claim')}"
    present.note(run, f"{one_line(read.headline, 60)!r} ({header}): {found}")
    if target is not None:
        present.note(run, f"wrote {one_line(target)}")
    # Never cut: the next step is a command to run, and a cut path would lose its closing quote.
    where = one_line(shlex.quote(target), None) if target is not None else "FILE.toml"
    saved = "" if target is not None else "save it as a file, "
    present.note(
        run,
        f"next: {saved}write each draft's summary in your own words, then: cstofacts --data {where} validate",
    )


def _article_text(path: str) -> str:
    """The article's text: UTF-8 (a byte-order mark allowed), at most MAX_ARTICLE bytes."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_ARTICLE + 1) if sys.stdin is not None else b""
        else:
            with open(path, "rb") as file:
                raw = file.read(MAX_ARTICLE + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {one_line(path)}: {exc.strerror or exc}", "ARTICLE.txt") from None
    if len(raw) > MAX_ARTICLE:
        raise UsageError(
            f"{one_line(path)} is over {MAX_ARTICLE // 2**20} MiB: not an article", "ARTICLE.txt"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{one_line(path)} is not UTF-8 text (byte {exc.start})", "ARTICLE.txt") from None


def _terminal_stdin() -> bool:
    with contextlib.suppress(ValueError, OSError):
        return sys.stdin is not None and sys.stdin.isatty()
    return False


def _header(
    read: "Article", headline: str | None, byline: str | None, section: str | None, *, asking: bool
) -> "Article":
    """The header as recognised, with what the options give in place of it; on a terminal, what
    is still missing is asked for (an empty answer: none)."""
    import dataclasses

    values = {"headline": headline, "byline": byline, "section": section}
    for name, value in values.items():
        if value is not None and not value.isprintable():
            raise UsageError("holds control characters", f"--{name}")
    if headline is not None and not headline.strip():
        raise UsageError("a source needs a headline", "--headline")
    header = {"byline": read.byline, "section": read.section}
    for name in header:
        value = values[name]
        if value is not None:
            header[name] = value.strip() or None
        elif asking and header[name] is None:
            try:
                answer = typer.prompt(
                    f"{name.capitalize()} as printed (Enter for none)",
                    default="",
                    show_default=False,
                    err=True,
                )
            except typer.Abort:  # Ctrl-C or end of input: nothing is written
                raise KeyboardInterrupt from None
            if not answer.isprintable():
                raise UsageError(f"the {name} holds control characters")
            header[name] = answer.strip() or None
    return dataclasses.replace(
        read,
        headline=headline.strip() if headline is not None else read.headline,
        byline=header["byline"],
        section=header["section"],
    )
    return read


def _vocabulary(run: Shared, path: str | None) -> "Vocabulary":
    from cstofacts import store

    try:
        return store.load(path)[0].vocabulary
    except DataError as exc:
        if any(p.line is not None for p in exc.problems):
            raise
        raise DataError([p._replace(path=f"--vocabulary {p.path}") for p in exc.problems]) from None
