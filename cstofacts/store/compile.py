"""Compile a validated Dataset into the SQLite database every query runs on."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from cstofacts import dates, text
from cstofacts.lexicon import lexicon, tag
from cstofacts.provenance import to_sql, work_rows
from cstofacts.records import Dataset, Source, Vocabulary
from cstofacts.store import SCHEMA_VERSION
from cstofacts.store.reader import data_file
from cstofacts.store.sql import EVIDENCE_SEPARATOR, PART_SEPARATOR, TERMS, schema

# A corpus file's rows take their numbers (claims' seq, works' seq, the article index's rowid)
# from a block of their own, so that replacing one file's part leaves every other row's number,
# and so the order of ties, exactly as a full compile gives it. No file can hold 2**24 claims:
# the reader refuses files of over 128 MiB.
BLOCK = schema.BLOCK


def build(connection: sqlite3.Connection, dataset: Dataset, key: str) -> None:
    """Create the tables and fill them from a validated dataset, in one transaction."""
    create(connection)
    with connection:
        add_part(connection, 0, dataset, "")
        finish(connection, key, dataset.vocabulary, dataset.sources)


def create(connection: sqlite3.Connection) -> None:
    connection.executescript(schema.SCHEMA)


def add_part(connection: sqlite3.Connection, part: int, dataset: Dataset, digest: str) -> None:
    """One file's sources and claims, numbered in the file's block: everything of a file that
    does not depend on the other files. Its index follows in finish() or put_part(), once the
    vocabulary of the whole corpus is known."""
    base = part * BLOCK
    connection.execute(schema.INSERT_PART, (part, digest, vocabulary_digest(dataset.vocabulary)))
    connection.executemany(
        schema.INSERT_WORK,
        (to_sql({**row, "seq": base + row["seq"]}) for row in work_rows(dataset.sources)),
    )
    connection.executemany(
        schema.INSERT_PARAGRAPH,
        ((s.id, number, body) for s in dataset.sources for number, body in enumerate(s.body, start=1)),
    )
    connection.executemany(schema.INSERT_CLAIM, _claim_rows(dataset, base))
    connection.executemany(schema.INSERT_CLAIM_COUNTRY, _members(dataset, "countries", base))
    connection.executemany(schema.INSERT_CLAIM_ORGANIZATION, _members(dataset, "organizations", base))
    connection.executemany(schema.INSERT_CLAIM_PARAGRAPH, _members(dataset, "paragraphs", base))
    connection.executemany(
        schema.INSERT_EVIDENCE,
        (
            (base + seq, position, item.paragraph, item.quote)
            for seq, claim in enumerate(dataset.claims, start=1)
            for position, item in enumerate(claim.evidence, start=1)
        ),
    )
    connection.executemany(
        schema.INSERT_ARTICLE_TEXT, ((base + n, t) for n, t in enumerate(_article(dataset.sources), start=1))
    )


def finish(
    connection: sqlite3.Connection, key: str, vocabulary: Vocabulary, sources: Sequence[Source]
) -> None:
    """What needs every file: the united vocabulary, and the index of every claim made with it."""
    _vocabulary(connection, vocabulary)
    index = _Indexer(vocabulary, sources)
    for (part,) in connection.execute(schema.PARTS).fetchall():
        _index(connection, part, index)
    connection.executemany(schema.INSERT_TERM, ((w, -1) for w in index.vocabulary_terms()))
    connection.executemany(schema.INSERT_LEXICON, lexicon(vocabulary).rows())
    relate(connection)
    connection.executemany(schema.INSERT_ENGLISH, _english())
    connection.executemany(
        schema.INSERT_META,
        # No path: one compiled database serves every file with the same content.
        [("key", key), ("schema", str(SCHEMA_VERSION))],
    )


def remove_part(connection: sqlite3.Connection, part: int) -> None:
    """Everything of one part: a file removed from the corpus, or about to be put back changed."""
    for statement in schema.DELETE_PART:
        connection.execute(statement, (part,))
    for statement in schema.DELETE_BLOCK:
        connection.execute(statement, _block(part))


def put_part(
    connection: sqlite3.Connection, part: int, dataset: Dataset, digest: str, vocabulary: Vocabulary
) -> None:
    """A file's content as part `part`, in place of what the part held, indexed with the corpus's
    vocabulary, which must be unchanged (every other part's index stays true); relate() follows.
    Raises sqlite3.IntegrityError when an id is another file's (a full compile says whose)."""
    remove_part(connection, part)
    add_part(connection, part, dataset, digest)
    _index(connection, part, _Indexer(vocabulary, dataset.sources))


def vocabulary_digest(vocabulary: Vocabulary) -> str:
    """What a file declares, as one value: when a changed file's is the same, the corpus's
    united vocabulary is too, and only that file's part needs compiling again."""
    from cstofacts.store import _sha256

    return _sha256(repr(vocabulary).encode("utf-8"))


def _index(connection: sqlite3.Connection, part: int, index: _Indexer) -> None:
    """The index rows and the words of one part's claims."""
    rows = connection.execute(schema.INDEX_INPUT, _block(part)).fetchall()
    words: set[str] = set()
    connection.executemany(
        schema.INSERT_FTS, ((row[0], *index.columns(_Indexed.of(row), words)) for row in rows)
    )
    connection.executemany(schema.INSERT_TERM, ((w, part) for w in words))


def _block(part: int) -> tuple[int, int]:
    """The first and last row number a part may hold."""
    return part * BLOCK, (part + 1) * BLOCK - 1


def relate(connection: sqlite3.Connection) -> None:
    """The bundled thesaurus (scripts/thesaurus.py), each everyday word with the words of this
    dataset it may stand for: only words the claims or the vocabulary hold."""
    connection.execute(schema.CLEAR_RELATED)
    terms = {w for (w,) in connection.execute(TERMS)}
    connection.executemany(schema.INSERT_RELATED, _thesaurus(terms))


def _article(sources: Sequence[Source]) -> Iterator[str]:
    """Every text of the sources, header and body: what the articles say anything about."""
    for source in sources:
        yield from (v for v in (source.headline, source.section, source.byline, source.byline_romanized) if v)
        for work in source.reports:
            yield from (
                v for v in (work.author, work.author_post, *work.author_titles, work.title, work.venue) if v
            )
        yield from source.body


def _english() -> Iterator[tuple[str, str]]:
    """WordNet's words, each a thing (n) or not (g, go, gi, goi): see cstofacts/english.py."""
    import gzip

    raw = data_file("english.txt.gz")
    for line in gzip.decompress(raw).decode("ascii").splitlines():
        word, _, sort = line.partition("\t")
        yield word, sort


def _thesaurus(terms: set[str]) -> list[tuple[str, str]]:
    thesaurus = json.loads(data_file("thesaurus.json").decode("utf-8"))
    related = [
        (text.normalize(word), target)
        for word, targets in thesaurus["related"].items()
        for target in targets
        if target in terms  # only words this dataset's claims hold
    ]
    return related


def _vocabulary(connection: sqlite3.Connection, vocabulary: Vocabulary) -> None:
    dump = json.dumps
    connection.executemany(
        schema.INSERT_CATEGORY,
        ((c.name, c.description, dump(list(c.synonyms))) for c in vocabulary.categories.values()),
    )
    connection.executemany(schema.INSERT_ATTRIBUTION, vocabulary.attributions.items())
    connection.executemany(
        schema.INSERT_COUNTRY,
        (
            (c.code, c.alpha3, c.name, dump(list(c.adjectives)), dump(list(c.aliases)))
            for c in vocabulary.countries.values()
        ),
    )
    connection.executemany(
        schema.INSERT_ORGANIZATION,
        ((o.short, o.name, dump(list(o.aliases))) for o in vocabulary.organizations.values()),
    )
    connection.executemany(
        schema.INSERT_PLACE,
        ((p.name, p.country, dump(list(p.aliases))) for p in vocabulary.places.values()),
    )
    connection.executemany(
        schema.INSERT_PERSON,
        ((p.slug, p.name, dump(list(p.aliases)), dump(list(p.roles))) for p in vocabulary.people.values()),
    )


def _claim_rows(dataset: Dataset, base: int) -> Iterator[tuple[object, ...]]:
    for seq, c in enumerate(dataset.claims, start=base + 1):
        first, last = (c.span[0].isoformat(), c.span[1].isoformat()) if c.span else (None, None)
        # Quotes hold no control characters (validate.py), so two of them can separate the parts.
        evidence = EVIDENCE_SEPARATOR.join(f"{e.paragraph}{PART_SEPARATOR}{e.quote}" for e in c.evidence)
        yield (
            seq, c.id, c.kind.value, c.category, c.date, c.end_date, c.date_basis, c.date_note,
            c.summary, ",".join(c.countries), ",".join(c.organizations), c.location,
            ",".join(map(str, c.paragraphs)), c.attributed_to, c.attribution_note, c.parent, c.source,
            evidence, first, last, int(c.draft), *c.encoded(),
        )  # fmt: skip


def _members(dataset: Dataset, name: str, base: int) -> Iterator[tuple[int, object]]:
    for seq, claim in enumerate(dataset.claims, start=base + 1):
        for value in getattr(claim, name):
            yield seq, value


class _Indexed(NamedTuple):
    """The fields of a claim that its index columns are made of, read back from the claims table
    (schema.INDEX_INPUT), so that every claim of a corpus is indexed with the corpus's vocabulary."""

    seq: int
    id: str
    category: str
    date: str | None
    end_date: str | None
    summary: str
    countries: tuple[str, ...]
    organizations: tuple[str, ...]
    location: str | None
    source: str
    attributed_to: str

    @classmethod
    def of(cls, row: tuple[Any, ...]) -> _Indexed:
        seq, ident, category, date, end_date, summary, countries, organizations, *rest = row
        split = tuple(countries.split(",")) if countries else ()
        members = tuple(organizations.split(",")) if organizations else ()
        return cls(seq, ident, category, date, end_date, summary, split, members, *rest)


class _Indexer:
    """The text of each FTS5 column for a claim, and the surface words suggestions come from."""

    def __init__(self, vocabulary: Vocabulary, sources: Sequence[Source]) -> None:
        self.vocabulary = vocabulary
        self.places = vocabulary.places
        self.categories = {
            name: " ".join((name.replace("-", " "), *c.synonyms)) for name, c in vocabulary.categories.items()
        }
        self.people = [
            (person, [text.normalize(s) for s in person.spellings]) for person in vocabulary.people.values()
        ]
        # People and places a summary names are found by any of their names, as tags. A summary
        # that names a person's role ("the Secretary General") is about them too, under its own
        # tag, so that `search --prefer who` can still tell a claim that names them.
        self.mentions = [(tag("h", person.slug), forms) for person, forms in self.people]
        self.mentions += [
            (tag("r", person.slug), [text.normalize(r) for r in person.roles])
            for person in vocabulary.people.values()
            if person.roles
        ]
        self.mentions += [
            (tag("p", place.name), [text.normalize(s) for s in place.spellings])
            for place in vocabulary.places.values()
        ]
        # Each form of each mention as its words, by its first word: a summary is read once.
        self.starting: dict[str, list[tuple[str, list[str]]]] = {}
        for name, forms in self.mentions:
            for form in forms:
                if form:
                    split = form.split(" ")
                    self.starting.setdefault(split[0], []).append((name, split))
        # A claim in a reported work's voice is its author's view, and is found by the name.
        self.voices = {
            (source.id, work.voice): tag("h", person.slug)
            for source in sources
            for work in source.reports
            for person, forms in self.people
            if text.normalize(work.author) in forms
        }

    def _mentioned(self, words: list[str]) -> set[str]:
        """The mentions whose names (any of their forms, word for word) occur in the words."""
        found = set()
        for start, word in enumerate(words):
            for name, form in self.starting.get(word, ()):
                if words[start : start + len(form)] == form:
                    found.add(name)
        return found

    def vocabulary_terms(self) -> set[str]:
        """The words of every name and synonym the vocabulary declares."""
        vocabulary = self.vocabulary
        terms: set[str] = set()
        for spellings in (
            *(c.spellings for c in vocabulary.countries.values()),
            *(o.spellings for o in vocabulary.organizations.values()),
            *(p.spellings for p in vocabulary.places.values()),
            *(p.spellings for p in vocabulary.people.values()),
            *(c.synonyms for c in vocabulary.categories.values()),
        ):
            for spelling in spellings:
                terms.update(text.words(spelling))
        return terms

    def columns(self, claim: _Indexed, terms: set[str]) -> tuple[str, str, str, str, str, str]:
        """A claim's index columns; the words of its summary and id go into `terms`."""
        place = self.places.get(claim.location or "")
        # The place as the article names it; its other names match through its tag in `names`,
        # so they do not dilute the column BM25 weighs.
        location = claim.location or ""
        names = [tag("c", code) for code in claim.countries]
        names += [tag("o", short) for short in claim.organizations]
        if place is not None:
            names += [tag("p", place.name), tag("c", place.country)]
        summary = text.normalize(claim.summary)
        said = self._mentioned(summary.split(" "))
        names += [name for name, _ in self.mentions if name in said and name not in names]
        voice = self.voices.get((claim.source, claim.attributed_to))
        if voice is not None:
            names.append(voice)
        when = []
        for value in (claim.date, claim.end_date):
            if value:
                when += dates.spoken_forms(value)
        terms.update(summary.split(" "))
        terms.update(text.words(claim.id))
        return (
            claim.summary,
            location,
            claim.id.replace("-", " "),
            " ".join(names),
            " ".join(when),
            self.categories.get(claim.category, claim.category),
        )
