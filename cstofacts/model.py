"""A claim, its evidence and its kind: the records every lookup reads (sources and vocabularies are
in records.py, which a plain lookup never loads)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, NamedTuple


class Kind(str, Enum):
    """What sort of statement a claim is."""

    EVENT = "event"  # something that happened: a meeting, a signing, an exercise, an award
    ASSESSMENT = "assessment"  # a judgement or conclusion, the analyst's or the article's
    BACKGROUND = "background"  # context, causes and goals that frame the events


# The words readers use for each kind: `ask` reads them in a question, --kind takes them too.
KIND_WORDS: dict[str, Kind] = {
    "opinion": Kind.ASSESSMENT,
    "view": Kind.ASSESSMENT,
    "assessment": Kind.ASSESSMENT,
    "judgement": Kind.ASSESSMENT,
    "judgment": Kind.ASSESSMENT,
    "conclusion": Kind.ASSESSMENT,
    "verdict": Kind.ASSESSMENT,
    "event": Kind.EVENT,
    "background": Kind.BACKGROUND,
}


DATE_BASES = ("stated", "inferred")
SCHEMA = 3  # the dataset schema this version reads; the compiled database records it too


class Evidence(NamedTuple):
    """An exact quote from a cited paragraph that states a claim."""

    paragraph: int
    quote: str


class Claim:
    """One claim of a source, at the grain a user looks things up.

    A plain class with slots, not a dataclass: every lookup defines it at start, where a
    dataclass and its module cost about a millisecond and a half more (docs/performance.md).
    Claims compare by identity; nothing mutates one once it is built. The order of `__slots__`
    is the order of every machine format's columns and keys (FIELDS).
    """

    # In field order, not sorted: tests/test_model.py pins it to __init__'s parameters.
    __slots__ = (  # noqa: RUF023
        "id", "kind", "category", "date", "end_date", "date_basis", "date_note", "summary",
        "countries", "organizations", "location", "paragraphs", "attributed_to", "attribution_note",
        "parent", "source", "evidence", "draft", "span",
    )  # fmt: skip

    def __init__(
        self,
        *,
        id: str,
        kind: Kind,
        category: str,
        date: str | None = None,
        end_date: str | None = None,
        date_basis: str | None = None,
        date_note: str | None = None,
        summary: str,
        countries: tuple[str, ...] = (),
        organizations: tuple[str, ...] = (),
        location: str | None = None,
        paragraphs: tuple[int, ...],
        attributed_to: str,
        attribution_note: str | None = None,
        parent: str | None = None,
        source: str,
        evidence: tuple[Evidence, ...] = (),
        draft: bool = False,
        span: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.category = category
        self.date = date
        self.end_date = end_date
        self.date_basis = date_basis
        self.date_note = date_note
        self.summary = summary
        self.countries = countries
        self.organizations = organizations
        self.location = location
        self.paragraphs = paragraphs
        self.attributed_to = attributed_to
        self.attribution_note = attribution_note
        self.parent = parent
        self.source = source
        self.evidence = evidence
        # A drafted claim (`cstofacts new`) that no one has reviewed yet: lookups hide it unless
        # asked (--drafts). Like `span`, it is never an output field.
        self.draft = draft
        # First and last day the claim covers; None when undated. Derived at load, never output.
        self.span = span

    def __repr__(self) -> str:
        return f"Claim(id={self.id!r})"

    def replace(self, **changes: Any) -> Claim:
        """A copy with some fields changed."""
        return Claim(**{**{name: getattr(self, name) for name in self.__slots__}, **changes})

    def record(self) -> dict[str, Any]:
        """The claim as plain JSON-ready values, keyed by FIELDS and DERIVED, None for unknown."""
        values = {name: getattr(self, name) for name in FIELDS}
        values["kind"] = self.kind.value
        for name in ("countries", "organizations", "paragraphs"):
            values[name] = list(values[name])
        values["evidence"] = [{"paragraph": e.paragraph, "quote": e.quote} for e in self.evidence]
        values["period"] = period(self.date, self.end_date)
        values["first_day"], values["last_day"] = (
            (self.span[0].isoformat(), self.span[1].isoformat()) if self.span else (None, None)
        )
        return values

    def encoded(self) -> tuple[str, str]:
        """The claim as `--format json` writes it on a UTF-8 stream (its object with every key
        of FIELDS) and as `--format plain` writes it (its line of DEFAULT_FIELDS, escaped):
        compiled once into the database, so that a lookup's output is concatenation."""
        import json

        from cstofacts.text import cell, json_safe, plain_line

        values = self.record()
        return (
            json_safe(json.dumps({name: values[name] for name in FIELDS}, ensure_ascii=False)),
            plain_line(cell(values[name]) for name in DEFAULT_FIELDS),
        )

    @property
    def when(self) -> str:
        """The date as people read it: `2024..2025` for a span, `undated` without one."""
        if self.date and self.end_date:
            return f"{self.date}..{self.end_date}"
        return self.date or "undated"


# Output fields of a claim, in the stable order every machine format uses: derived, never retyped.
FIELDS: tuple[str, ...] = tuple(name for name in Claim.__slots__ if name not in ("span", "draft"))
LIST_FIELDS = frozenset({"countries", "organizations", "paragraphs", "evidence"})
# Fields derived from the date. `period` is the date as one ISO 8601 value at the article's
# precision, `2024/2025` for a span (an interval, as in ISO 8601 and EDTF): one column that
# type-guessing readers (csvkit, pandas) never take for a number unless every claim is a bare
# year, as a lone `end_date` column of years is. `first_day` and `last_day` are the first and last
# ISO day the date covers, null when undated: for sorting, and for readers that need a real date.
# On request (--fields, or all), except that csv and tsv show `period` in place of date/end_date.
DERIVED = ("period", "first_day", "last_day")

# The columns of plain, tsv, csv and markdown when --fields is not given: the id first, so
# `cut -f1` gives ids, and the fields added later at the end, so `cut -f1,2` keeps its meaning.
DEFAULT_FIELDS = (
    "id",
    "date",
    "end_date",
    "category",
    "countries",
    "paragraphs",
    "summary",
    "kind",
    "date_basis",
)


def period(date: str | None, end_date: str | None) -> str | None:
    """A claim's date as one ISO 8601 value: the date, or `date/end_date` for a span."""
    return f"{date}/{end_date}" if date and end_date else date
