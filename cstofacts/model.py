"""A claim, its evidence and its kind: the records every lookup reads (sources and vocabularies are
in records.py, which a plain lookup never loads)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Kind(str, Enum):
    """What sort of statement a claim is."""

    EVENT = "event"  # something that happened: a meeting, a signing, an exercise, an award
    ASSESSMENT = "assessment"  # a judgement or conclusion, the analyst's or the article's
    BACKGROUND = "background"  # context, causes and goals that frame the events


DATE_BASES = ("stated", "inferred")
SCHEMA = 3  # the dataset schema this version reads; the compiled database records it too


@dataclass(eq=False)
class Evidence:
    """An exact quote from a cited paragraph that states a claim."""

    paragraph: int
    quote: str


# Records compare by identity (eq=False): nothing needs value equality. They are not
# frozen, though nothing mutates them: a frozen class's generated methods cost about
# half a millisecond more each at every start (docs/performance.md).
# The field order of Claim is the order of every machine format's columns and keys.
@dataclass(eq=False, kw_only=True)
class Claim:
    """One claim of a source, at the grain a user looks things up."""

    id: str
    kind: Kind
    category: str
    date: str | None = None
    end_date: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    summary: str
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    location: str | None = None
    paragraphs: tuple[int, ...]
    attributed_to: str
    attribution_note: str | None = None
    parent: str | None = None
    source: str
    evidence: tuple[Evidence, ...] = ()
    # A drafted claim (`cstofacts new`) that no one has reviewed yet: lookups hide it unless
    # asked (--drafts). Like `span`, it is never an output field.
    draft: bool = False
    # First and last day the claim covers; None when undated. Derived at load, never output.
    span: tuple[dt.date, dt.date] | None = dataclasses.field(default=None, repr=False, compare=False)

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
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim) if f.name not in ("span", "draft"))
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
