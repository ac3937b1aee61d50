"""The one output path: pick the format, render records or a view, write it, or say nothing matched."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cstofacts import env
from cstofacts.cli.context import Shared
from cstofacts.cli.options import option
from cstofacts.criteria import Query, Term
from cstofacts.errors import ExitCode, UsageError
from cstofacts.model import DEFAULT_FIELDS, FIELDS, Claim
from cstofacts.output.formats import Format, default_fields, parse_fields, render, stream, stream_encoded
from cstofacts.query.filters import choose

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cstofacts.store.engine import Store


def choose_format(run: Shared, requested: str | None) -> Format:
    """--format as given, else a view on a terminal and plain text when piped.

    plain, tsv and csv pass controls through for programs; on a terminal a person reads them,
    so from here on what is written shows them as the table does (`\\x1b`), keeping tabs and
    line breaks. Piped, they keep their documented exact bytes.
    """
    if requested is None:
        return Format.TABLE if run.env.stdout_isatty else Format.PLAIN
    with option("--format"):
        fmt = choose(requested, Format, "unknown format")
    run.escape_controls = run.env.stdout_isatty and fmt in (Format.PLAIN, Format.TSV, Format.CSV)
    return fmt


def choose_fields(fmt: Format, requested: str | None) -> tuple[str, ...]:
    with option("--fields"):
        return parse_fields(requested, default_fields(fmt))


def write(run: Shared, text: str) -> None:
    if run.escape_controls:
        from cstofacts.safe import visible

        text = visible(text, layout=True)
    env.write(run.env, text)


def draw(run: Shared, build: Callable[[int], RenderableType]) -> None:
    """Draw a terminal view at the environment's width and colour, and write it."""
    from cstofacts.output import views

    console = views.make_console(run.env.width, run.env.colour)
    write(run, views.draw(build(console.width), console))


def note(run: Shared, message: str) -> None:
    env.error(run.env, "cstofacts: " + message)


def no_match(run: Shared, fmt: Format, message: str = "no claims match") -> int:
    """Exit 1 with a note on stderr; JSON still gets its (empty) array."""
    if fmt is Format.JSON:
        write(run, "[]\n")
    note(run, message)
    return ExitCode.NO_MATCH


def claims(
    run: Shared,
    found: Sequence[Claim],
    fmt: Format,
    fields: str | None,
    *,
    query: Query | None = None,
    evidence: bool = False,
) -> int:
    """Matched claims in the chosen format, or the no-match exit."""
    chosen = choose_fields(fmt, fields)  # a bad --fields is an error even with no match
    if not found:
        return no_match(run, fmt)
    if fmt is Format.TABLE:
        env_ = run.env
        width = max(20, min(500, env_.width))  # as views.make_console clamps it
        from cstofacts.output import listview

        if fields is None and listview.fits(found, width):  # the default view, drawn without Rich
            look = {"colour": env_.colour, "ascii_only": env_.ascii_only}
            write(run, listview.claim_list(found, width, evidence=evidence, **look))
        else:
            from cstofacts.output import views

            shown = chosen if fields else None  # None: the default list view, stacked when narrow
            draw(
                run,
                lambda width: views.claims_table(
                    found, shown, width, colour=env_.colour, ascii_only=env_.ascii_only, evidence=evidence
                ),
            )
    else:
        _stream(run, fmt, (c.record() for c in found), chosen)
    if query is not None:
        _month_note(run, found, query)
    return ExitCode.OK


def matches(
    run: Shared,
    store: Store,
    query: Query,
    fmt: Format,
    fields: str | None,
    *,
    miss: Callable[[], None] | None = None,
) -> int:
    """What a query finds: a view on a terminal, else records streamed from the database in
    batches, never all held at once. `miss` explains an empty result before the no-match exit."""
    if fmt is Format.TABLE:
        found = store.claims(query)
        if not found:
            _missed(run, store, query, miss)
        return claims(run, found, fmt, fields, query=query)
    chosen = choose_fields(fmt, fields)
    # Every key as JSON (on a UTF-8 stream), or plain's default columns: compiled for each claim.
    json_compiled = fmt in (Format.JSON, Format.JSONL) and chosen == FIELDS and not run.env.json_ascii
    if json_compiled or (fmt is Format.PLAIN and chosen == DEFAULT_FIELDS):
        return _encoded(run, store, query, fmt, miss)
    records = store.records(query)
    first = next(records, None)
    if first is None:
        _missed(run, store, query, miss)
        return no_match(run, fmt)
    seen: list[str | None] = []  # each record's date, for the note on year-only dates

    def dated(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            seen.append(row.get("date"))
            yield row

    _stream(run, fmt, dated(itertools.chain([first], records)), chosen)
    _month_note(run, seen, query)
    return ExitCode.OK


def _encoded(run: Shared, store: Store, query: Query, fmt: Format, miss: Callable[[], None] | None) -> int:
    """Every key of every claim as JSON, or its plain line, as compiled into the database: output
    is concatenation."""
    objects = store.plain_lines(query) if fmt is Format.PLAIN else store.json_objects(query)
    first = next(objects, None)
    if first is None:
        _missed(run, store, query, miss)
        return no_match(run, fmt)
    seen: list[str | None] = []

    def dated(rows: Iterable[tuple[str | None, str]]) -> Iterator[str]:
        for date, text in rows:
            seen.append(date)
            yield text

    for chunk in stream_encoded(fmt, dated(itertools.chain([first], objects))):
        write(run, chunk)
    _month_note(run, seen, query)
    return ExitCode.OK


def _missed(run: Shared, store: Store, query: Query, miss: Callable[[], None] | None) -> None:
    if miss is not None:
        miss()
    _hidden_drafts(run, store, query)


def _hidden_drafts(run: Shared, store: Store, query: Query) -> None:
    """Say so when only draft claims match: a dataset fresh from `cstofacts new` holds nothing else."""
    # The whole query, its words included (share() counts by the filters alone).
    if not query.drafts and store.claims(query._replace(drafts=True, limit=1)):
        note(run, "only draft claims match; --drafts shows them")


def _stream(run: Shared, fmt: Format, records: Iterable[dict[str, Any]], fields: Sequence[str]) -> None:
    for chunk in stream(fmt, records, fields, run.env.json_ascii):
        write(run, chunk)


def _month_note(run: Shared, found: Sequence[Claim] | Sequence[str | None], query: Query) -> None:
    """Say when a month or day filter let in claims dated only to the year that overlaps it
    (`found`: the claims, or their dates)."""
    bounds = [d for d in (query.since, query.until) if d is not None]
    if not bounds or all((d.month == 1 and d.day == 1) or (d.month == 12 and d.day == 31) for d in bounds):
        return
    values = [c.date if isinstance(c, Claim) else c for c in found]
    coarse = sum(1 for value in values if value is not None and len(value) == 4)
    if coarse:
        what = "claim is" if coarse == 1 else "claims are"
        note(run, f"{coarse} {what} dated only to the year, which overlaps the dates asked for")


def explain_miss(run: Shared, store: Store, terms: Sequence[Term]) -> None:
    """Say on stderr which word matched nothing, with the nearest word the dataset has."""
    from cstofacts.safe import one_line

    missing = [t for t in terms if not store.matches(t)]
    if not missing:
        if len(terms) > 1:
            note(run, "each word matches some claim, but no claim holds them all")
        return
    for term in missing:
        note(run, f"no claim holds {one_line(term.typed, 40)!r}{_hint(store, term)}")


def _hint(store: Store, term: Term) -> str:
    """A word of a declared name points to the name; any other word to its nearest neighbour."""
    from cstofacts.query.filters import suggest

    if len(term.tokens) != 1:
        return ""
    word = term.tokens[0]
    for phrase, meanings in store.lexicon.entries.items():
        if word in phrase and len(phrase) > 1:
            short = next((value for what, value in meanings if what in ("org", "country")), None)
            also = f" or {short}" if short else ""
            return f"; it is part of the name '{' '.join(phrase)}': search for the whole name{also}"
    near = suggest(term.typed, [w for w in store.words() if w != word])
    return f"; did you mean {near!r}?" if near else ""


def records(run: Shared, fmt: Format, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    write(run, render(fmt, rows, keys, run.env.json_ascii))


# Partial files of export and new: a fresh name beside the target, which either sweeps when stale.
PARTIAL_PREFIX = ".cstofacts-"


def publish(target: str, chunks: Sequence[bytes | memoryview], *, force: bool, option: str) -> None:
    """Write a file beside the target under a fresh name, then give it the target's name: a file
    that appeared meanwhile is replaced only with --force (a usage error of `option` otherwise).
    Interrupted (Ctrl-C, SIGTERM, SIGHUP) or failed, the partial file is removed; partial files a
    killed run left in that directory are removed once they are stale (store/files.py)."""
    import contextlib
    import os
    import time

    from cstofacts.errors import WriteError
    from cstofacts.safe import one_line
    from cstofacts.store import files

    folder, name = os.path.split(target)
    try:
        dir_fd = os.open(folder or ".", os.O_RDONLY | files.O_DIRECTORY | files.O_CLOEXEC)
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    try:
        with contextlib.suppress(OSError):
            files.sweep(dir_fd, PARTIAL_PREFIX, time.time())
        umask = os.umask(0o022)  # read the umask (only by setting it), then put it back
        os.umask(umask)
        # As any file the user creates: the partial file itself is 0600 until it is complete.
        files.save(dir_fd, PARTIAL_PREFIX, name, list(chunks), 0o666 & ~umask, replace=force)
    except FileExistsError:
        raise UsageError(
            f"{one_line(target)} appeared meanwhile; give --force to replace it", option
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    finally:
        os.close(dir_fd)
