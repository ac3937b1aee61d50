"""The exported database made ready for the tools people open it with: Datasette, sqlite-utils, sqlite3.

The compiled database is built for cstofacts' own queries: lists comma-joined, evidence split by
control characters, and a search index of coded tokens (`xckg` for Kyrgyzstan). `prepare` rewrites a
copy of it, and `metadata` describes it, so that the tools find what they look for:

- list columns hold JSON arrays (`["TJ", "KG"]`), so Datasette's `_facet_array=countries` works,
  and evidence is a JSON array of `{"paragraph": N, "quote": "..."}`;
- `names` holds every declared spelling of the countries, organizations, places and people a
  claim involves, in words, and `keywords` the words of its id, its category's synonyms and its
  date as people write it: what cstofacts' own index finds a claim by, readable;
- `claims_fts` indexes summary, location, category, names and keywords with `content="claims"`
  and the insert, delete and update triggers `sqlite-utils enable-fts --create-triggers` makes,
  which is what both Datasette and sqlite-utils detect as a table's full-text search.

A word of a name of several words (Security, of Collective Security Treaty Organization) finds the
claims of that name here, as any word of an indexed text does; cstofacts' own search finds them
only by the whole name, and points to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from cstofacts.dates import spoken_forms
from cstofacts.lexicon import tag
from cstofacts.store.sql import EVIDENCE_SEPARATOR, PART_SEPARATOR
from cstofacts.store.sql import export as statements
from cstofacts.store.sql.export import FTS_TABLE

SEARCH_COLUMNS = ("summary", "location", "category", "names", "keywords")
LIST_COLUMNS = ("countries", "organizations", "paragraphs")
# The licence the bundled dataset ships under with the package (pyproject.toml). Another dataset's
# licence is its author's to state, so its metadata states none.
LICENCE = "MIT"
# What cstofacts needs, not data.
HIDDEN = ("parts", "terms", "lexicon", "meta", "related", "english", "article_fts")
FACETS: tuple[str | dict[str, str], ...] = (
    "category",
    "kind",
    "attributed_to",
    {"array": "countries"},
    {"array": "organizations"},
    {"array": "paragraphs"},
)
# The column Datasette shows for a row another table points to (claim 1 reads as its id).
LABELS = {
    "claims": "id",
    "works": "id",
    "countries": "name",
    "organizations": "name",
    "places": "name",
    "people": "name",
    "categories": "name",
    "attributions": "name",
}


def metadata_path(target: str, given: str | None) -> str:
    """Where the metadata goes: as given, else beside PATH.db (claims.db: claims.metadata.json)."""
    if given is not None:
        return given
    stem, extension = os.path.splitext(target)
    return (stem if extension else target) + ".metadata.json"


def prepare(connection: sqlite3.Connection) -> None:
    """Rewrite a copy of a compiled database, in place, into the form the tools read (module docstring)."""
    names = _names(connection)
    synonyms = {n: json.loads(s) for n, s in connection.execute(statements.SYNONYMS)}
    with connection:
        for statement in (*statements.DROP_COLUMNS, *statements.ADD_COLUMNS):
            connection.execute(statement)
        rows = connection.execute(statements.CLAIM_LISTS).fetchall()
        connection.executemany(
            statements.SET_CLAIM_LISTS,
            (_row(row, names.get(row[0], ""), synonyms.get(row[2], [])) for row in rows),
        )
        connection.execute(statements.DROP_INDEX)
        connection.executescript(statements.search_schema(SEARCH_COLUMNS))
    connection.execute(statements.VACUUM)  # the dropped index's pages: the file holds only what it shows


def _row(row: tuple[Any, ...], names: str, synonyms: list[str]) -> tuple[object, ...]:
    seq, claim_id, _, date, end_date, countries, organizations, paragraphs, evidence = row
    dump = json.dumps

    def split(value: str) -> list[str]:
        return value.split(",") if value else []

    items = evidence.split(EVIDENCE_SEPARATOR) if evidence else []
    quotes = [item.split(PART_SEPARATOR, 1) for item in items]
    when = [form for value in (date, end_date) if value for form in spoken_forms(value)]
    keywords = "; ".join(
        part for part in (claim_id.replace("-", " "), " ".join(synonyms), "; ".join(when)) if part
    )
    return (
        dump(split(countries), ensure_ascii=False),
        dump(split(organizations), ensure_ascii=False),
        dump([int(p) for p in split(paragraphs)]),
        dump([{"paragraph": int(p), "quote": q} for p, q in quotes], ensure_ascii=False),
        names,
        keywords,
        seq,
    )


def _names(connection: sqlite3.Connection) -> dict[int, str]:
    """Each claim's entities in words, `Kyrgyzstan (KG, KGZ, Kyrgyz, …); CSTO (…)`, from its index tags."""
    spelled: dict[str, str] = {}
    for kind, query in statements.ENTITIES:
        for key, label, own, adjectives, aliases in connection.execute(query):
            spellings = (*json.loads(own), *json.loads(adjectives), *json.loads(aliases))
            others = [s for s in spellings if s != label]
            spelled[tag(kind, key)] = f"{label} ({', '.join(dict.fromkeys(others))})" if others else label
    found = {}
    for seq, tags in connection.execute(statements.INDEXED_NAMES):
        found[seq] = "; ".join(spelled[t] for t in dict.fromkeys(tags.split()) if t in spelled)
    return found


def metadata(connection: sqlite3.Connection, database: str, *, licence: str | None) -> dict[str, Any]:
    """Datasette's metadata for the prepared database, named `database` (the file name without .db)."""
    sources = connection.execute(statements.REPORTS).fetchall()
    count = connection.execute(statements.CLAIM_TOTAL).fetchone()[0]
    tables: dict[str, dict[str, Any]] = {name: {"label_column": column} for name, column in LABELS.items()}
    tables["claims"].update(
        description="One row a claim; lists are JSON arrays, and names and keywords what search finds.",
        fts_table=FTS_TABLE,
        fts_pk="seq",
        facets=list(FACETS),
        sort="first_day",
    )
    tables.update({name: {"hidden": True} for name in HIDDEN})
    found: dict[str, Any] = {
        "title": "cstofacts: " + "; ".join(s[0] for s in sources) if sources else "cstofacts",
        "description": (
            f"{count} claims, each with its date at the source's precision, the countries and "
            "organizations involved, the paragraphs that state it and the evidence: the source's "
            "own words, quoted."
        ),
        "source": "; ".join(source_text(*s) for s in sources),
    }
    if licence:
        found["license"] = licence
    found["databases"] = {database: {"tables": tables}}
    return found


def source_text(
    headline: str, byline: str | None, author: str | None, venue_type: str | None, venue: str | None
) -> str:
    """A report in words: headline, byline, and the work it reports and where that appeared. Where
    the report itself appeared is said only if the dataset states it, which it does not here."""
    text = f'"{headline}"' + (f", by {byline}" if byline else "")
    if author:
        where = f' published on the {venue_type or "site"} "{venue}"' if venue else ""
        text += f", reporting an article by {author}{where}"
    return text
