"""The one package that writes SQL: a typed Query in, SQL text and bound parameters out; the
statements the Store reads with; schema.py the tables, export.py what the export adds.

Values are always bound as `?` parameters; table and column names come only from
this module's fixed lists. A user's words reach FTS5's MATCH only as double-quoted
tokens of letters and digits, so nothing typed can become FTS5 syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from cstofacts.criteria import Prefer, Query, SortKey, StatsBy, Term
from cstofacts.model import FIELDS

Params = list[object]

# claims.evidence holds each quote as `paragraph \x1f quote`, the quotes joined by \x1e: the
# ASCII unit and record separators, which validation keeps out of quotes. Splitting them costs
# less than importing json at every start.
PART_SEPARATOR = "\x1f"
EVIDENCE_SEPARATOR = "\x1e"

# The words a claim is found by, one FTS5 column each (store.compile fills them).
FTS_COLUMNS = ("summary", "location", "words", "names", "dates", "category")
# bm25() weights, in FTS_COLUMNS order: summary, location, words (of the id), names, dates, category.
# The location column is short and mostly empty, so BM25 discounts a hit there; its weight makes up
# for that: a claim that happened in Khujand outranks one that mentions Khujand.
WEIGHTS = (2.0, 8.0, 4.0, 3.0, 1.5, 1.5)
_TEXT_COLUMNS = "{" + " ".join(c for c in FTS_COLUMNS if c != "names") + "}"
_OWN_TEXT = "{" + " ".join(c for c in FTS_COLUMNS if c not in ("names", "category")) + "}"
_RANK = "bm25(claims_fts, " + ", ".join(str(w) for w in WEIGHTS) + ")"

# The claims table names its columns after the claim's fields, in their order, then the day span.
CLAIM_COLUMNS = (*FIELDS, "first_day", "last_day")
_PREFIXED = ", ".join("c." + name for name in CLAIM_COLUMNS)
_BY_DATE = "c.first_day IS NULL, c.first_day {d}, length(c.date) {d}, c.last_day {d}, c.seq"


# What the JSON of a query's claims needs: each claim's date (for the note on year-only dates)
# and its JSON object, compiled in.
JSON_COLUMNS = "c.date, c.json"
PLAIN_COLUMNS = "c.date, c.plain"
IN_ARTICLE = "SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT 1"
# Drafts (`cstofacts new`) wait for review: like every lookup, the counts, ranges and citations
# below leave them out.
DATE_RANGE = "SELECT substr(min(first_day), 1, 4), substr(max(last_day), 1, 4) FROM claims WHERE draft = 0"

# -- what the Store reads besides claims ------------------------------------------------------
IDS = "SELECT id FROM claims ORDER BY seq"
IDS_STARTING = "SELECT id FROM claims WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"
TERMS = "SELECT DISTINCT word FROM terms"
CITING = (
    "SELECT p.paragraph, c.id FROM claim_paragraphs p JOIN claims c ON c.seq = p.claim "
    "WHERE c.source = ? AND c.draft = 0 ORDER BY p.paragraph, c.seq"
)
PARAGRAPHS = "SELECT source, text FROM paragraphs ORDER BY source, number"
SOURCE_PARAGRAPHS = "SELECT source, text FROM paragraphs WHERE source = ? ORDER BY number"
LAST_PARAGRAPH = "SELECT max(paragraphs), count(*) FROM works WHERE role = 'report'"
LEXICON = "SELECT phrase, what, value FROM lexicon ORDER BY rowid"
CATEGORIES = "SELECT name, description, synonyms FROM categories"
ATTRIBUTIONS = "SELECT name, description FROM attributions"
COUNTRIES = "SELECT code, alpha3, name, adjectives, aliases FROM countries"
ORGANIZATIONS = "SELECT short, name, aliases FROM organizations"
PLACES = "SELECT name, country, aliases FROM places"
PEOPLE = "SELECT slug, name, aliases, roles FROM people"
# A cached database is used only if it holds the key asked for, at this schema, with every table.
ENTRY_KEY = "SELECT value FROM meta WHERE key = 'key'"
USER_VERSION = "PRAGMA user_version"
TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"
QUERY_ONLY = "PRAGMA query_only = 1"
WRITABLE = "PRAGMA query_only = 0"


def claim_count(source: str, attribution: str | None) -> tuple[str, Params]:
    """How many claims a source has (drafts aside); with an attribution, how many of them carry it."""
    if attribution is None:
        return "SELECT count(*) FROM claims WHERE source = ? AND draft = 0", [source]
    statement = "SELECT count(*) FROM claims WHERE source = ? AND attributed_to = ? AND draft = 0"
    return statement, [source, attribution]


def works(columns: Sequence[str], *, of_source: bool = False) -> str:
    """Every work, in dataset order: `columns` are provenance.WORK_COLUMNS, a fixed list. With
    of_source, one report and the works it reports on: its id is the parameter, twice."""
    where = " WHERE id = ? OR reported_in = ?" if of_source else ""
    return f"SELECT {', '.join(columns)} FROM works{where} ORDER BY seq"


def related(words: Sequence[str]) -> tuple[str, Params]:
    """The dataset's words the thesaurus relates any of `words` to."""
    marks = ", ".join("?" * len(words))
    return f"SELECT DISTINCT target FROM related WHERE word IN ({marks}) ORDER BY target", list(words)


def english(words: Sequence[str]) -> tuple[str, Params]:
    """WordNet's sort (a thing, or not) of any of `words` it has."""
    marks = ", ".join("?" * len(words))
    return f"SELECT word, sort FROM english WHERE word IN ({marks})", list(words)


def quoted(tokens: Iterable[str]) -> str:
    return _quoted(tokens)


def _quoted(tokens: Iterable[str]) -> str:
    # Tokens hold only letters and digits (text.words), but double any quote all the same.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def match_term(term: Term) -> str:
    """One term as an FTS5 expression: its words as a phrase in the text columns, or its tags,
    or any of its alternative phrases."""
    phrases = [p for p in (term.tokens, *term.alternatives) if p]
    parts = [f"{_TEXT_COLUMNS} : {_quoted(p)}" for p in phrases]
    parts += [f"names : {_quoted([tag])}" for tag in term.tags]
    return "(" + " OR ".join(parts) + ")"


def match_all(terms: Sequence[Term]) -> str:
    return " AND ".join(match_term(t) for t in terms)


def match_any(terms: Sequence[Term]) -> str:
    return " OR ".join(match_term(t) for t in terms)


def _in(column: str, values: Iterable[object], params: Params) -> str:
    items = sorted(values, key=str)
    params.extend(items)
    return f"{column} IN ({', '.join('?' * len(items))})"


def _involving_countries(codes: Iterable[str], params: Params) -> str:
    """A claim involves one of the countries, or is set in a place that lies in one. True or false,
    never NULL (a claim with no place), so that NOT says "none of them" (--not-country)."""
    tagged = _in("country", codes, params)
    placed = _in("country", codes, params)
    return (
        f"(c.seq IN (SELECT claim FROM claim_countries WHERE {tagged})"
        f" OR (c.location IS NOT NULL AND c.location IN (SELECT name FROM places WHERE {placed})))"
    )


def _involving_organizations(shorts: Iterable[str], params: Params) -> str:
    inner = _in("organization", shorts, params)
    return f"c.seq IN (SELECT claim FROM claim_organizations WHERE {inner})"


# A claim the FTS index finds for the match expression given as the parameter.
_HOLDS = "c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"


def _holding(values: Iterable[Sequence[Term]], params: Params) -> str:
    """A claim holds every term of one of the values (--text, each value's words)."""
    params.append(" OR ".join(f"({match_all(terms)})" for terms in values))
    return _HOLDS


def where(q: Query) -> tuple[list[str], Params]:
    """The WHERE clauses of a query's filters (ANDed), and their parameters in order."""
    clauses: list[str] = []
    params: Params = []
    if q.ids:
        clauses.append(_in("c.id", q.ids, params))
    if q.categories:
        clauses.append(_in("c.category", q.categories, params))
    if q.sources:
        clauses.append(_in("c.source", q.sources, params))
    if q.kinds:
        clauses.append(_in("c.kind", (k.value for k in q.kinds), params))
    if q.attributions:
        clauses.append(_in("c.attributed_to", q.attributions, params))
    if q.countries:
        clauses.append(_involving_countries(q.countries, params))
    for code in q.all_countries:  # --with-country: each one, as --country matches it
        clauses.append(_involving_countries((code,), params))
    if q.not_countries:  # --not-country: none of them, as --country matches it
        clauses.append("NOT " + _involving_countries(q.not_countries, params))
    if q.organizations:
        clauses.append(_involving_organizations(q.organizations, params))
    for short in q.all_organizations:
        clauses.append(_involving_organizations((short,), params))
    if q.not_organizations:
        clauses.append("NOT " + _involving_organizations(q.not_organizations, params))
    if q.places:
        clauses.append(_in("c.location", q.places, params))
    if q.part_of:  # --part-of: the parts of a claim, as each part's parent says
        clauses.append(_in("c.parent", q.part_of, params))
    if q.no_parts:  # --no-parts: the wholes, and the claims that are part of nothing
        clauses.append("c.parent IS NULL")
    if q.paragraphs:
        inner = _in("paragraph", q.paragraphs, params)
        clauses.append(f"c.seq IN (SELECT claim FROM claim_paragraphs WHERE {inner})")
    if q.dated:
        clauses.append("c.first_day IS NOT NULL")
    if q.years:
        clauses.append(_overlapping(q.years, params))
    if q.not_years:  # --not-year: dated (q.dated), and in none of them as --year matches them
        clauses.append("NOT " + _overlapping(q.not_years, params))
    if q.since is not None:
        clauses.append("c.last_day >= ?")
        params.append(q.since.isoformat())
    if q.until is not None:
        clauses.append("c.first_day <= ?")
        params.append(q.until.isoformat())
    if q.within:
        spans = []
        for low, high in q.within:
            spans.append("(c.first_day >= ? AND c.last_day <= ?)")
            params += [low.isoformat(), high.isoformat()]
        clauses.append("(" + " OR ".join(spans) + ")")
    if q.texts:
        clauses.append(_holding(q.texts, params))
    if q.not_texts:  # --not-text: none of them, as --text matches them
        clauses.append("NOT " + _holding(q.not_texts, params))
    if not q.drafts:
        clauses.append(_NOT_DRAFT)
    return clauses, params


def _overlapping(spans: Iterable[tuple[date, date]], params: Params) -> str:
    """Dated on at least one day of one of the spans (--year), as first_day and last_day say."""
    overlaps = []
    for low, high in spans:
        overlaps.append("(c.first_day <= ? AND c.last_day >= ?)")
        params += [high.isoformat(), low.isoformat()]
    return "(" + " OR ".join(overlaps) + ")"


# Draft claims (`cstofacts new`) wait for review: every query leaves them out unless it asks.
_NOT_DRAFT = "c.draft = 0"


def order(q: Query, ranked: bool) -> str:
    d = "DESC" if q.reverse else "ASC"
    by_date = _BY_DATE.format(d=d)
    if q.sort is SortKey.ID:
        return f"c.id {d}"
    if q.sort is SortKey.CATEGORY:
        return f"c.category {d}, {by_date}"
    if q.sort is None and ranked:
        return f"{_RANK} {d}, {by_date}"
    return by_date


# What makes a claim the sort of answer a question word asks for (search --prefer).
_PREFER = {
    Prefer.WHO: "c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'names : xh*')",
    Prefer.WHEN: "coalesce(length(c.date), 0)",
    Prefer.WHERE: "c.location IS NOT NULL",
    Prefer.WHY: "c.kind != 'event'",
    Prefer.HOW_MANY: "c.summary GLOB '*[0-9]*'",
}


def _coverage(matches: Sequence[str], params: Params) -> str:
    """How many of the FTS5 expressions a claim holds."""
    params.extend(matches)
    return "(" + " + ".join([f"({_HOLDS})"] * len(matches)) + ")"


def select(q: Query, columns: str = _PREFIXED) -> tuple[str, Params]:
    """The claims a query finds, in its order, at most its limit: every column, or `columns`."""
    clauses, params = where(q)
    source = "claims c"
    head: Params = []
    tail: Params = []  # the ORDER BY's, after the WHERE's
    ranking = ""
    if q.words and q.any_words:
        # Any term may occur: the claims holding the most of them first, then the preferred
        # sort of answer, then BM25 over all of them.
        source = (
            f"claims c JOIN (SELECT rowid, {_RANK} AS score FROM claims_fts WHERE claims_fts MATCH ?) f"
            " ON f.rowid = c.seq"
        )
        # The last column is how many of the terms the claim holds (Store.claims reads it for --best).
        columns += ", " + _coverage([match_term(t) for t in q.words], head) + " AS held"
        head.append(match_any(q.words))
        if q.at_least is not None:
            # SQLite reads a result column's name in WHERE: the count is written once, above.
            clauses.append("held >= ?")
            params.append(q.at_least)
        if q.sort is None:
            ranking = "held DESC, "
            # A claim whose own words hold a word as typed outranks one holding only a word it was
            # widened to, or its category's ("roadmap", a word for agreement: the roadmap first).
            typed = [f"{_OWN_TEXT} : {_quoted(t.tokens)}" for t in q.words if t.alternatives]
            if typed:
                ranking += _coverage(typed, tail) + " DESC, "
            if q.prefer is not None:
                ranking += _PREFER[q.prefer] + " DESC, "
            ranking += "f.score " + ("DESC" if q.reverse else "ASC") + ", "
    elif q.words:
        source = "claims c JOIN claims_fts ON claims_fts.rowid = c.seq"
        clauses.insert(0, "claims_fts MATCH ?")
        params.insert(0, match_all(q.words))
        if q.sort is None and q.prefer is not None:
            ranking = _PREFER[q.prefer] + " DESC, "
    elif q.sort is None and q.prefer is not None:
        ranking = _PREFER[q.prefer] + " DESC, "
    sql = f"SELECT {columns} FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    by = order(q, ranked=bool(q.words) and not q.any_words)
    sql += " ORDER BY " + ranking + by
    params = head + params + tail
    if q.limit is not None:
        sql += " LIMIT ?"
        params.append(q.limit)
    return sql, params


def holding(term: Term) -> tuple[str, Params]:
    """The ids of the claims that hold a term."""
    sql = "SELECT c.id FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid WHERE claims_fts MATCH ?"
    return sql, [match_term(term)]


def holds(claim_id: str, term: Term) -> tuple[str, Params]:
    """Whether one claim holds a term, by the index's rowid: no other claim is read."""
    sql = (
        "SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? "
        "AND rowid = (SELECT seq FROM claims WHERE id = ?) LIMIT 1"
    )
    return sql, [match_term(term), claim_id]


def hits(term: Term) -> tuple[str, Params]:
    """Whether any claim holds a term: for saying which word matched nothing."""
    return "SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT 1", [match_term(term)]


_YEAR_VALUE = (
    "CASE WHEN c.first_day IS NULL THEN 'undated' "
    "WHEN c.end_date IS NOT NULL AND substr(c.first_day, 1, 4) != substr(c.last_day, 1, 4) "
    "THEN substr(c.first_day, 1, 4) || '..' || substr(c.last_day, 1, 4) "
    "ELSE substr(c.first_day, 1, 4) END"
)
# Where each dimension's values come from; a claim counts once per value it has.
_DIMENSIONS = {
    StatsBy.YEAR: ("claims c", _YEAR_VALUE),
    StatsBy.CATEGORY: ("claims c", "c.category"),
    StatsBy.KIND: ("claims c", "c.kind"),
    StatsBy.ATTRIBUTION: ("claims c", "c.attributed_to"),
    StatsBy.SOURCE: ("claims c", "c.source"),
    StatsBy.ORG: (
        "claims c JOIN claim_organizations m ON m.claim = c.seq",
        "m.organization",
    ),
    StatsBy.COUNTRY: (
        "claims c JOIN (SELECT claim, country FROM claim_countries UNION "
        "SELECT claims.seq, places.country FROM claims JOIN places ON places.name = claims.location) m "
        "ON m.claim = c.seq",
        "m.country",
    ),
}


def count_all(q: Query) -> tuple[str, Params]:
    """(claims the query's filters find, all claims)."""
    clauses, params = where(q)
    shown = "" if q.drafts else f" WHERE {_NOT_DRAFT}"
    sql = f"SELECT count(*), (SELECT count(*) FROM claims c{shown}) FROM claims c"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql, params


def count(q: Query, by: StatsBy) -> tuple[str, Params]:
    """(value, count) rows: years in order with undated last, anything else by count."""
    clauses, params = where(q)
    source, value = _DIMENSIONS[by]
    sql = f"SELECT {value} AS value, count(DISTINCT c.seq) AS n FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " GROUP BY value ORDER BY "
    sql += "value = 'undated', value" if by is StatsBy.YEAR else "n DESC, value"
    return sql, params
