"""The compiled database's tables, and the statements that fill them (store/compile.py)."""

from __future__ import annotations

from cstofacts.provenance import WORK_COLUMNS
from cstofacts.store import SCHEMA_VERSION
from cstofacts.store.sql import CLAIM_COLUMNS, FTS_COLUMNS

TOKENIZER = "porter unicode61 remove_diacritics 2"
# The numbers of a corpus file's rows start at its part's number times this (store/compile.py).
BLOCK = 1 << 24

SCHEMA = f"""
PRAGMA user_version = {SCHEMA_VERSION};
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE works (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, role TEXT NOT NULL, reported_in TEXT REFERENCES works(id),
    title TEXT, author TEXT, author_romanized TEXT, author_post TEXT, author_titles TEXT NOT NULL,
    section TEXT, venue TEXT, venue_type TEXT, published TEXT, period_start TEXT, period_end TEXT,
    voice TEXT, described_in TEXT NOT NULL, paragraphs INTEGER
);
CREATE TABLE paragraphs (
    source TEXT NOT NULL REFERENCES works(id), number INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (source, number)
);
CREATE TABLE categories (name TEXT PRIMARY KEY, description TEXT NOT NULL, synonyms TEXT NOT NULL);
CREATE TABLE attributions (name TEXT PRIMARY KEY, description TEXT NOT NULL);
CREATE TABLE countries (
    code TEXT PRIMARY KEY, alpha3 TEXT NOT NULL, name TEXT NOT NULL, adjectives TEXT NOT NULL,
    aliases TEXT NOT NULL
);
CREATE TABLE organizations (short TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL);
CREATE TABLE places (
    name TEXT PRIMARY KEY, country TEXT NOT NULL REFERENCES countries(code), aliases TEXT NOT NULL
);
CREATE TABLE people (
    slug TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL
);
CREATE TABLE claims (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories(name),
    date TEXT, end_date TEXT, date_basis TEXT, date_note TEXT,
    summary TEXT NOT NULL,
    countries TEXT NOT NULL,
    organizations TEXT NOT NULL,
    location TEXT,
    paragraphs TEXT NOT NULL,
    attributed_to TEXT NOT NULL REFERENCES attributions(name),
    attribution_note TEXT,
    parent TEXT,
    source TEXT NOT NULL REFERENCES works(id),
    evidence TEXT NOT NULL,
    first_day TEXT,
    last_day TEXT,
    draft INTEGER NOT NULL DEFAULT 0,
    json TEXT NOT NULL,  -- the claim's JSON object, as --format json writes it (Claim.encoded)
    plain TEXT NOT NULL  -- its line, as --format plain writes it (Claim.encoded)
);
CREATE INDEX claims_first_day ON claims (first_day);
CREATE TABLE claim_countries (
    claim INTEGER NOT NULL REFERENCES claims(seq), country TEXT NOT NULL REFERENCES countries(code),
    PRIMARY KEY (country, claim)
) WITHOUT ROWID;
CREATE TABLE claim_organizations (
    claim INTEGER NOT NULL REFERENCES claims(seq), organization TEXT NOT NULL REFERENCES organizations(short),
    PRIMARY KEY (organization, claim)
) WITHOUT ROWID;
CREATE TABLE claim_paragraphs (
    claim INTEGER NOT NULL REFERENCES claims(seq), paragraph INTEGER NOT NULL,
    PRIMARY KEY (paragraph, claim)
) WITHOUT ROWID;
CREATE TABLE evidence (
    claim INTEGER NOT NULL REFERENCES claims(seq), position INTEGER NOT NULL,
    paragraph INTEGER NOT NULL, quote TEXT NOT NULL,
    PRIMARY KEY (claim, position)
);
-- Each file of a corpus is a part: its content's digest, and that of what its vocabulary declares.
CREATE TABLE parts (part INTEGER PRIMARY KEY, digest TEXT NOT NULL, vocabulary TEXT NOT NULL);
-- The words of each part's claims (the vocabulary's are part -1): what suggestions come from.
CREATE TABLE terms (word TEXT NOT NULL, part INTEGER NOT NULL, PRIMARY KEY (word, part)) WITHOUT ROWID;
CREATE TABLE lexicon (phrase TEXT NOT NULL, what TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE related (word TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (word, target)) WITHOUT ROWID;
CREATE TABLE english (word TEXT PRIMARY KEY, sort TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE article_fts USING fts5(text, tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE claims_fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize = '{TOKENIZER}');
"""


def _insert(table: str, width: int, verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} VALUES ({', '.join('?' * width)})"


INSERT_META = _insert("meta", 2)
INSERT_WORK = _insert("works", len(WORK_COLUMNS))
INSERT_PARAGRAPH = _insert("paragraphs", 3)
INSERT_CATEGORY = _insert("categories", 3)
INSERT_ATTRIBUTION = _insert("attributions", 2)
INSERT_COUNTRY = _insert("countries", 5)
INSERT_ORGANIZATION = _insert("organizations", 3)
INSERT_PLACE = _insert("places", 3)
INSERT_PERSON = _insert("people", 4)
INSERT_CLAIM = _insert("claims", 4 + len(CLAIM_COLUMNS))  # seq, the columns, draft, json and plain
INSERT_CLAIM_COUNTRY = _insert("claim_countries", 2)
INSERT_CLAIM_ORGANIZATION = _insert("claim_organizations", 2)
INSERT_CLAIM_PARAGRAPH = _insert("claim_paragraphs", 2)
INSERT_EVIDENCE = _insert("evidence", 4)
_FTS_MARKS = ", ".join("?" * (1 + len(FTS_COLUMNS)))
INSERT_FTS = f"INSERT INTO claims_fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES ({_FTS_MARKS})"
INSERT_TERM = _insert("terms", 2, "INSERT OR IGNORE")
INSERT_PART = _insert("parts", 3)
INSERT_LEXICON = _insert("lexicon", 3)
INSERT_RELATED = _insert("related", 2, "INSERT OR IGNORE")
INSERT_ENGLISH = _insert("english", 2)
INSERT_ARTICLE_TEXT = "INSERT INTO article_fts (rowid, text) VALUES (?, ?)"

PARTS = "SELECT part FROM parts ORDER BY part"
SET_KEY = "UPDATE meta SET value = ? WHERE key = 'key'"
# A database built in a private file that is thrown away if anything fails: no journal, no syncing.
BUILD_PRAGMAS = ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -32000")


def _owners(table: str, count: int) -> str:
    return f"SELECT id, seq / {BLOCK} FROM {table} WHERE id IN ({', '.join('?' * count)})"


def work_parts(count: int) -> str:
    """Which part holds each of `count` source ids, for those some part holds."""
    return _owners("works", count)


def claim_parts(count: int) -> str:
    """Which part holds each of `count` claim ids, for those some part holds."""
    return _owners("claims", count)


PART_DIGESTS = "SELECT part, digest, vocabulary FROM parts ORDER BY part"
CLEAR_RELATED = "DELETE FROM related"
# A claim's fields that its index columns are made of (compile._Indexed), for one part's block.
INDEX_INPUT = (
    "SELECT seq, id, category, date, end_date, summary, countries, organizations, location, source, "
    "attributed_to FROM claims WHERE seq BETWEEN ? AND ? ORDER BY seq"
)
# Everything of one part: by its number, then by its block of numbers (compile.remove_part);
# its paragraphs go by its sources, before its works do.
DELETE_PART = ("DELETE FROM terms WHERE part = ?", "DELETE FROM parts WHERE part = ?")
DELETE_BLOCK = (
    "DELETE FROM paragraphs WHERE source IN (SELECT id FROM works WHERE seq BETWEEN ?1 AND ?2)",
    "DELETE FROM works WHERE seq BETWEEN ? AND ?",
    "DELETE FROM claims_fts WHERE rowid BETWEEN ? AND ?",
    "DELETE FROM claim_countries WHERE claim BETWEEN ? AND ?",
    "DELETE FROM claim_organizations WHERE claim BETWEEN ? AND ?",
    "DELETE FROM claim_paragraphs WHERE claim BETWEEN ? AND ?",
    "DELETE FROM evidence WHERE claim BETWEEN ? AND ?",
    "DELETE FROM claims WHERE seq BETWEEN ? AND ?",
    "DELETE FROM article_fts WHERE rowid BETWEEN ? AND ?",
)
