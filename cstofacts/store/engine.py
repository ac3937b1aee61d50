"""A compiled dataset opened for queries: claims, counts, sources and vocabulary as records."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, overload

from cstofacts.model import Claim, Evidence, Kind, period

if TYPE_CHECKING:
    from cstofacts.lexicon import Lexicon
    from cstofacts.records import Source, Vocabulary
from cstofacts.criteria import Query, StatsBy, Term
from cstofacts.store import sql

_KINDS = {kind.value: kind for kind in Kind}


# Below this many claims a missed id is compared with every id (Store.ids_near).
_COMPARE_ALL = 1000


class Store:
    """Read-only queries over one compiled dataset; every method returns plain records."""

    def __init__(self, connection: sqlite3.Connection, label: str) -> None:
        self.connection = connection
        self.label = label  # the dataset's name in messages: its path, or "bundled dataset"

    def claims(self, q: Query) -> list[Claim]:
        return [_claim(row) for row in self.rows(q)]

    def rows(self, q: Query, columns: str | None = None) -> Iterator[tuple[Any, ...]]:
        """The rows a query finds, every claim column (or `columns`), as the cursor gives them."""
        statement, params = sql.select(q) if columns is None else sql.select(q, columns)
        return _best(q, self.connection.execute(statement, params))

    def found(self, q: Query) -> Found:
        """The claims a query finds, read as they are used rather than all at once."""
        return Found(self, q)

    def records(self, q: Query) -> Iterator[dict[str, Any]]:
        """The claims a query finds as JSON-ready records (Claim.record()), straight from the rows.

        For the machine formats: a large result streams from the cursor without a Claim
        object per row.
        """
        for row in self.rows(q):
            record = _decoded(row)
            record["evidence"] = [{"paragraph": n, "quote": quote} for n, quote in record["evidence"]]
            record["period"] = period(record["date"], record["end_date"])
            yield record

    def json_objects(self, q: Query) -> Iterator[tuple[str | None, str]]:
        """Each claim a query finds as (its date, its JSON object with every key), as compiled."""
        return self._compiled(q, sql.JSON_COLUMNS)

    def plain_lines(self, q: Query) -> Iterator[tuple[str | None, str]]:
        """Each claim a query finds as (its date, its plain line of the default fields), as compiled."""
        return self._compiled(q, sql.PLAIN_COLUMNS)

    def _compiled(self, q: Query, columns: str) -> Iterator[tuple[str | None, str]]:
        for row in self.rows(q, columns):
            yield row[0], row[1]

    def count(self, q: Query, by: StatsBy) -> list[tuple[str, int]]:
        statement, params = sql.count(q, by)
        return [(str(value), n) for value, n in self.connection.execute(statement, params)]

    def holds(self, claim_id: str, term: Term) -> bool:
        statement, params = sql.holds(claim_id, term)
        return self.connection.execute(statement, params).fetchone() is not None

    def held(self, claim_id: str, terms: Sequence[Term]) -> int:
        """How many of the terms a claim holds."""
        return sum(self.holds(claim_id, term) for term in terms)

    def holding(self, term: Term) -> set[str]:
        statement, params = sql.holding(term)
        return {row[0] for row in self.connection.execute(statement, params)}

    def matches(self, term: Term) -> bool:
        statement, params = sql.hits(term)
        return self.connection.execute(statement, params).fetchone() is not None

    def widen(self, terms: Sequence[Term]) -> tuple[Term, ...]:
        """Terms with the thesaurus's words added to each single word no claim holds: "accord"
        also finds the agreements; and a number no claim holds as typed, its groups of three:
        "3200" finds "3,200". Search and ask both read words through this."""
        widened = []
        for term in terms:
            if len(term.tokens) == 1 and not term.tags and not term.alternatives and not self.matches(term):
                grouped = _in_thousands(term.tokens[0])
                related = [" ".join(grouped)] if grouped else self.related(term.tokens[0])
                if related:
                    term = Term(term.typed, term.tokens, (), tuple(tuple(r.split()) for r in related))
            widened.append(term)
        return tuple(widened)

    def related(self, word: str) -> list[str]:
        """The dataset's words the thesaurus relates an everyday word to (a plural or past
        form is looked up as its base too)."""
        from cstofacts.english import bases

        statement, params = sql.related(bases(word))
        return [row[0] for row in self.connection.execute(statement, params)]

    def sort_of(self, word: str) -> str | None:
        """Whether WordNet has a word as a thing ("n"), as something else ("g"), or not at all."""
        from cstofacts import english

        def lookup(words: list[str]) -> dict[str, str]:
            statement, params = sql.english(words)
            return {w: sort[0] for w, sort in self.connection.execute(statement, params)}

        return english.sort_of(word, lookup)

    def may_be_noun(self, word: str) -> bool:
        """Whether WordNet has a word, in any of its forms, as a noun ("border", "borders"), if
        not only as one; False for a verb or an adjective that is none ("develop", "new")."""
        return any(sort == "n" or "o" in sort for sort in self._sorts(word))

    def grades(self, word: str) -> bool:
        """Whether a word is an adjective that grades how much something matters ("key",
        "major", "most important"; WordNet's values of importance), in any of its forms."""
        return any(sort.endswith("i") for sort in self._sorts(word))

    def _sorts(self, word: str) -> list[str]:
        """The word list's sorts of a word's forms (english.bases), as stored: n, g, go, gi, goi."""
        from cstofacts.english import bases

        statement, params = sql.english(bases(word))
        return [sort for _, sort in self.connection.execute(statement, params)]

    def in_article(self, term: Term) -> bool:
        """Whether the article's own text (any paragraph, or the header) holds a term's words."""
        row = self.connection.execute(sql.IN_ARTICLE, [sql.quoted(term.tokens)]).fetchone()
        return row is not None

    def date_range(self) -> tuple[str, str] | None:
        """The first and last year any claim is dated in."""
        row = self.connection.execute(sql.DATE_RANGE).fetchone()
        return (row[0], row[1]) if row and row[0] else None

    def share(self, q: Query) -> float:
        """The share of all claims a query finds: how much a filter narrows."""
        statement, params = sql.count_all(q)
        found, total = self.connection.execute(statement, params).fetchone()
        return found / total if total else 0.0

    def ids(self) -> list[str]:
        return [row[0] for row in self.connection.execute(sql.IDS)]

    def ids_starting(self, prefix: str, limit: int = 9) -> list[str]:
        # Ids are lowercase slugs, so a range scan on the unique index finds a prefix exactly.
        rows = self.connection.execute(
            sql.IDS_STARTING,
            (prefix, prefix + "\uffff", limit),
        )
        return [row[0] for row in rows]

    def ids_for(self, wanted: str, limit: int = 9) -> list[str]:
        """The ids a typed id (folded) may mean: itself, where it is one; else those it begins.
        Ids are ASCII slugs: other text (even bytes that are not UTF-8) begins none of them."""
        if not wanted.isascii():
            return []
        exact = self.ids_starting(wanted, 1)
        return exact if exact == [wanted] else self.ids_starting(wanted, limit)

    def ids_near(self, wanted: str) -> list[str]:
        """The ids a missed id is compared with, for a "did you mean": every id of a small
        dataset; in a large one those sharing its longest prefix, found through the index, so
        that a miss never costs a pass over 100,000 ids."""
        few = self.ids_starting("", _COMPARE_ALL + 1)
        if len(few) <= _COMPARE_ALL:
            return few
        prefix = "".join(c for c in wanted if c.isascii())
        for size in range(min(len(prefix), 40), 0, -1):
            near = self.ids_starting(prefix[:size], 100)
            if near:
                return near
        return []

    def words(self) -> list[str]:
        """Every word claims are found by, as typed: where suggestions for a missed word come from."""
        return [row[0] for row in self.connection.execute(sql.TERMS)]

    def citing(self, source: str) -> dict[int, list[str]]:
        """Paragraph number to the ids of the claims that cite it, in dataset order."""
        rows = self.connection.execute(
            sql.CITING,
            (source,),
        )
        found: dict[int, list[str]] = {}
        for number, claim_id in rows:
            found.setdefault(number, []).append(claim_id)
        return found

    def claim_count(self, source: str, attribution: str | None = None) -> int:
        """How many claims a source has; with an attribution, how many of them carry it."""
        statement, params = sql.claim_count(source, attribution)
        return int(self.connection.execute(statement, params).fetchone()[0])

    @functools.cached_property
    def sources(self) -> tuple[Source, ...]:
        from cstofacts.provenance import sources_from

        bodies: dict[str, list[str]] = {}
        for source_id, body in self.connection.execute(sql.PARAGRAPHS):
            bodies.setdefault(source_id, []).append(body)
        return sources_from(self.works, bodies)

    @functools.cached_property
    def works(self) -> tuple[dict[str, Any], ...]:
        """Every work, reports and the works they report on, as rows (see cstofacts.provenance)."""
        from cstofacts.provenance import WORK_COLUMNS, from_sql

        return tuple(from_sql(row) for row in self.connection.execute(sql.works(WORK_COLUMNS)))

    @property
    def last_paragraph(self) -> int | None:
        """The highest paragraph number a claim may cite, when the dataset has a single source."""
        row = self.connection.execute(sql.LAST_PARAGRAPH).fetchone()
        return int(row[0]) if row[1] == 1 and row[0] is not None else None

    def source(self, source_id: str) -> Source:
        """One source, read by its id alone: `show` in a corpus of a thousand articles reads one."""
        from cstofacts.provenance import WORK_COLUMNS, from_sql, sources_from

        if "sources" in self.__dict__:  # all of them are at hand already
            return next(s for s in self.sources if s.id == source_id)
        rows = self.connection.execute(sql.works(WORK_COLUMNS, of_source=True), (source_id, source_id))
        bodies: dict[str, list[str]] = {}
        for source, body in self.connection.execute(sql.SOURCE_PARAGRAPHS, (source_id,)):
            bodies.setdefault(source, []).append(body)
        return next(s for s in sources_from([from_sql(row) for row in rows], bodies) if s.id == source_id)

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        """Every declared name as words, to what it names: all that search and ask need to read words."""
        from cstofacts.lexicon import Lexicon

        return Lexicon.from_rows(self.connection.execute(sql.LEXICON))

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        import json

        from cstofacts.records import Category, Country, Organization, Person, Place, Vocabulary

        execute = self.connection.execute
        loads = json.loads
        return Vocabulary(
            categories={
                name: Category(name=name, description=text, synonyms=tuple(loads(synonyms)))
                for name, text, synonyms in execute(sql.CATEGORIES)
            },
            attributions=dict(execute(sql.ATTRIBUTIONS).fetchall()),
            countries={
                code: Country(
                    code=code,
                    alpha3=alpha3,
                    name=name,
                    adjectives=tuple(loads(adj)),
                    aliases=tuple(loads(aliases)),
                )
                for code, alpha3, name, adj, aliases in execute(sql.COUNTRIES)
            },
            organizations={
                short: Organization(short=short, name=name, aliases=tuple(loads(aliases)))
                for short, name, aliases in execute(sql.ORGANIZATIONS)
            },
            places={
                name: Place(name=name, country=country, aliases=tuple(loads(aliases)))
                for name, country, aliases in execute(sql.PLACES)
            },
            people={
                slug: Person(slug=slug, name=name, aliases=tuple(loads(aliases)), roles=tuple(loads(roles)))
                for slug, name, aliases, roles in execute(sql.PEOPLE)
            },
        )

    def close(self) -> None:
        self.connection.close()


class Found(Sequence[Claim]):
    """The claims a query finds, read from the database as they are used: a list question's
    answer of a hundred thousand claims is written without ever being held whole. The first
    HEAD are read at once (most answers are no longer); the rest are read again on each pass."""

    HEAD = 200

    def __init__(self, store: Store, q: Query) -> None:
        self._store = store
        self._query = q
        limit = q.limit if q.limit is not None and q.limit <= self.HEAD else self.HEAD
        self._head = store.claims(q._replace(limit=limit))
        self._whole = len(self._head) < limit or limit == q.limit

    @property
    def query(self) -> Query:
        """The query whose claims these are, every one of them, in its order."""
        return self._query

    def __iter__(self) -> Iterator[Claim]:
        if self._whole:
            yield from self._head
            return
        yield from (_claim(row) for row in self._store.rows(self._query))

    def __len__(self) -> int:
        return len(self._head) if self._whole else sum(1 for _ in self)

    def __bool__(self) -> bool:
        return bool(self._head)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        if isinstance(index, int) and 0 <= index < len(self._head):
            return self._head[index]
        return list(self)[index]


def _in_thousands(word: str) -> tuple[str, ...]:
    """A number of four digits or more as its groups of three ("3200": "3", "200"), the words the
    index holds for "3,200" or "3 200"; () for any other word."""
    if not (word.isascii() and word.isdigit() and len(word) >= 4):
        return ()
    head = len(word) % 3 or 3
    return (word[:head], *(word[at : at + 3] for at in range(head, len(word), 3)))


def _best(q: Query, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The rows a query keeps: with --best, ranked by how many terms each holds (the last
    column), most first, only the first of them and those that hold as many."""
    if not (q.best and q.any_words and q.words):
        yield from rows
        return
    most = None
    for row in rows:
        if most is not None and row[-1] < most:
            return
        most = row[-1] if most is None else most
        yield row


def _decoded(row: tuple[Any, ...]) -> dict[str, Any]:
    """A claims row's values by column name, its list columns split: the one row decoder.

    Evidence is (paragraph, quote) pairs; the caller makes them Evidence or JSON objects.
    """
    values = dict(zip(sql.CLAIM_COLUMNS, row, strict=False))  # a ranked row ends with its score
    countries, organizations, paragraphs = values["countries"], values["organizations"], values["paragraphs"]
    evidence = values["evidence"]
    values["countries"] = countries.split(",") if countries else []
    values["organizations"] = organizations.split(",") if organizations else []
    values["paragraphs"] = [int(p) for p in paragraphs.split(",")] if paragraphs else []
    values["evidence"] = (
        [_evidence(item) for item in evidence.split(sql.EVIDENCE_SEPARATOR)] if evidence else []
    )
    return values


def _claim(row: tuple[Any, ...]) -> Claim:
    values = _decoded(row)
    first, last = values.pop("first_day"), values.pop("last_day")
    values["kind"] = _KINDS[values["kind"]]
    for name in ("countries", "organizations", "paragraphs"):
        values[name] = tuple(values[name])
    values["evidence"] = tuple(Evidence(paragraph=n, quote=quote) for n, quote in values["evidence"])
    return Claim(**values, span=(date.fromisoformat(first), date.fromisoformat(last)) if first else None)


def _evidence(item: str) -> tuple[int, str]:
    paragraph, _, quote = item.partition(sql.PART_SEPARATOR)
    return int(paragraph), quote
