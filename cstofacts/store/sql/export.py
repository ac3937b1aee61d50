"""The statements that make an exported database ready for Datasette and sqlite-utils (store/export.py)."""

from __future__ import annotations

from cstofacts.store.sql.schema import TOKENIZER  # as cstofacts' own index: plural finds singular

FTS_TABLE = "claims_fts"

# Where each sort of entity's spellings are, and the tag cstofacts indexes it under (query.words.tag).
ENTITIES = (
    ("c", "SELECT code, name, json_array(code, alpha3, name) AS own, adjectives, aliases FROM countries"),
    ("o", "SELECT short, short, json_array(short, name) AS own, '[]', aliases FROM organizations"),
    ("p", "SELECT name, name, json_array(name) AS own, '[]', aliases FROM places"),
    # A person, named or only by a role ("the Secretary General"), is spelled with both.
    ("h", "SELECT slug, name, json_array(name) AS own, roles, aliases FROM people"),
    ("r", "SELECT slug, name, json_array(name) AS own, roles, aliases FROM people"),
)


SYNONYMS = "SELECT name, synonyms FROM categories"
# The claims' compiled JSON and plain lines are cstofacts' own output cache, not data to browse.
DROP_COLUMNS = ("ALTER TABLE claims DROP COLUMN json", "ALTER TABLE claims DROP COLUMN plain")
ADD_COLUMNS = (
    "ALTER TABLE claims ADD COLUMN names TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE claims ADD COLUMN keywords TEXT NOT NULL DEFAULT ''",
)
CLAIM_LISTS = (
    "SELECT seq, id, category, date, end_date, countries, organizations, paragraphs, evidence FROM claims"
)
SET_CLAIM_LISTS = (
    "UPDATE claims SET countries = ?, organizations = ?, paragraphs = ?, evidence = ?, names = ?, "
    "keywords = ? WHERE seq = ?"
)
DROP_INDEX = f"DROP TABLE {FTS_TABLE}"
VACUUM = "VACUUM"  # the dropped index's pages: the file holds only what it shows
INDEXED_NAMES = f"SELECT rowid, names FROM {FTS_TABLE}"
REPORTS = (
    "SELECT r.title, r.author, w.author, w.venue_type, w.venue FROM works r "
    "LEFT JOIN works w ON w.reported_in = r.id WHERE r.role = 'report' ORDER BY r.seq, w.seq"
)
CLAIM_TOTAL = "SELECT count(*) FROM claims"


def search_schema(columns_of: tuple[str, ...]) -> str:
    """The index and triggers `sqlite-utils enable-fts --fts5 --create-triggers` makes, and its rows."""
    columns = ", ".join(columns_of)
    new = ", ".join("new." + c for c in columns_of)
    old = ", ".join("old." + c for c in columns_of)
    return f"""
CREATE VIRTUAL TABLE {FTS_TABLE} USING FTS5 (
    {columns},
    tokenize='{TOKENIZER}',
    content="claims"
);
INSERT INTO {FTS_TABLE} (rowid, {columns}) SELECT rowid, {columns} FROM claims;
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
  INSERT INTO {FTS_TABLE} (rowid, {columns}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
  INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {columns}) VALUES('delete', old.rowid, {old});
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
  INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {columns}) VALUES('delete', old.rowid, {old});
  INSERT INTO {FTS_TABLE} (rowid, {columns}) VALUES (new.rowid, {new});
END;
"""
