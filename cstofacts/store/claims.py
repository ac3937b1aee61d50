"""The checks of one [[claims]] entry: its keys, its vocabulary, its paragraphs, evidence and dates."""

from __future__ import annotations

from typing import Any

from cstofacts.model import DATE_BASES, Claim, Evidence, Kind
from cstofacts.records import Source, Vocabulary
from cstofacts.store.checks import SLUG, Checks, cut, describe, is_int
from cstofacts.store.locate import Where

_KINDS = {kind.value: kind for kind in Kind}
CLAIM_KEYS = {  # key -> required
    "id": True,
    "source": True,
    "kind": True,
    "category": True,
    "summary": True,
    "paragraphs": True,
    "attributed_to": True,
    "countries": True,
    "organizations": True,
    "evidence": False,
    "date": False,
    "end_date": False,
    "date_basis": False,
    "date_note": False,
    "location": False,
    "parent": False,
    "attribution_note": False,
    "draft": False,
}
EVIDENCE_KEYS = {"paragraph": True, "quote": True}


def fold(text: str) -> str:
    """Whitespace folded to single spaces: how quotes are compared with their paragraphs."""
    return " ".join(text.split())


class ClaimCheck:
    """The checks of one [[claims]] entry against the vocabulary and its source."""

    def __init__(self, owner: Checks, vocabulary: Vocabulary, sources: dict[str, Source]) -> None:
        self.v = owner
        self.vocabulary = vocabulary
        self.sources = sources
        self.kinds: dict[str, Any] = _KINDS
        self.attributions: dict[str, Any] = dict(vocabulary.attributions)
        self.categories: dict[str, Any] = dict(vocabulary.categories)
        # Each paragraph folded once, however many quotes are checked against it.
        self.folded: dict[tuple[str, int], str] = {}

    def claim(self, index: int, entry: dict[str, Any]) -> Claim | None:
        v = self.v
        line = v.entry_line("claims", index)
        raw_id = entry.get("id")
        what = f"claim {raw_id!r}" if isinstance(raw_id, str) else f"claim #{index + 1}"
        before = len(v.problems)

        # Every check gets the claim's line and locates its own key only when it reports.
        v.keys(entry, CLAIM_KEYS, what, line)
        claim_id = v.string(entry, "id", what, line, nonempty=True)
        if claim_id is not None and not SLUG.fullmatch(claim_id):
            v.problem(v.key_line(line, "id"), f"{what}: id must be lowercase letters, digits and hyphens")
        source = self.choice(entry, "source", self.sources, what, line)
        kind = self.choice(entry, "kind", self.kinds, what, line)
        category = self.choice(entry, "category", self.categories, what, line)
        attributed_to = self.choice(entry, "attributed_to", self.attributions, what, line)
        summary = v.string(entry, "summary", what, line, nonempty=True)
        countries = self.members(entry, "countries", self.vocabulary.countries, what, line)
        organizations = self.members(entry, "organizations", self.vocabulary.organizations, what, line)
        paragraphs = self.paragraphs(entry, self.sources.get(source or ""), what, line)
        evidence = self.evidence(entry, self.sources.get(source or ""), paragraphs, what, line)
        span = self.claim_dates(entry, what, line)
        location = v.string(entry, "location", what, line, nonempty=True)
        parent = v.string(entry, "parent", what, line, nonempty=True)
        note = v.string(entry, "attribution_note", what, line, nonempty=True)
        draft = entry.get("draft", False)
        if not isinstance(draft, bool):
            v.problem(
                v.key_line(line, "draft"), f"{what}: 'draft' must be true or false, not {describe(draft)}"
            )
        if len(v.problems) > before:
            return None
        assert claim_id and source and kind and category and attributed_to and summary
        return Claim(
            id=claim_id,
            source=source,
            kind=_KINDS[kind],
            category=category,
            summary=summary,
            paragraphs=paragraphs,
            attributed_to=attributed_to,
            attribution_note=note,
            countries=countries,
            organizations=organizations,
            date=entry.get("date"),
            end_date=entry.get("end_date"),
            date_basis=entry.get("date_basis"),
            date_note=entry.get("date_note"),
            location=location,
            parent=parent,
            evidence=evidence,
            draft=draft,
            span=span,
        )

    def choice(
        self, entry: dict[str, Any], key: str, allowed: dict[str, Any], what: str, line: Where
    ) -> str | None:
        value = self.v.string(entry, key, what, line, nonempty=True)
        if value is not None and value not in allowed:
            known = ", ".join(sorted(allowed)) or "none declared"
            self.v.problem(self.v.key_line(line, key), f"{what}: unknown {key} {value!r}; known: {known}")
            return None
        return value

    def members(
        self, entry: dict[str, Any], key: str, allowed: Any, what: str, line: Where
    ) -> tuple[str, ...]:
        values = self.v.strings(entry, key, what, line)
        line = self.v.key_line(line, key)
        for value in values:
            if value not in allowed:
                known = ", ".join(sorted(allowed)) or "none declared"
                singular = "country" if key == "countries" else "organization"
                self.v.problem(line, f"{what}: unknown {singular} {value!r}; declared: {known}")
        if len(set(values)) != len(values):
            self.v.problem(line, f"{what}: {key!r} lists a value twice")
        return values

    def paragraphs(
        self, entry: dict[str, Any], source: Source | None, what: str, line: Where
    ) -> tuple[int, ...]:
        value = entry.get("paragraphs", [])
        line = self.v.key_line(line, "paragraphs")
        if not isinstance(value, list):
            self.v.problem(
                line, f"{what}: 'paragraphs' must be a list of paragraph numbers, not {describe(value)}"
            )
            return ()
        for item in value:
            if not is_int(item):
                self.v.problem(line, f"{what}: paragraph {item!r} is not a whole number but {describe(item)}")
                return ()
        if "paragraphs" in entry and not value:
            self.v.problem(line, f"{what}: cites no paragraph")
        last = source.paragraphs if source is not None else None
        for number in value:
            if number < 0:
                self.v.problem(line, f"{what}: paragraph {number} is below 0 (¶0 is the headline)")
            elif last is not None and number > last:
                self.v.problem(line, f"{what}: paragraph {number} is past the source's last (¶{last})")
        if len(set(value)) != len(value):
            self.v.problem(line, f"{what}: 'paragraphs' lists a number twice")
        return tuple(value)

    def evidence(
        self, entry: dict[str, Any], source: Source | None, cited: tuple[int, ...], what: str, line: Where
    ) -> tuple[Evidence, ...]:
        value = entry.get("evidence", [])
        line = self.v.key_line(line, "evidence")
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            self.v.problem(line, f"{what}: 'evidence' must be a list of {{ paragraph, quote }} tables")
            return ()
        if "evidence" in entry and not value:
            self.v.problem(line, f"{what}: 'evidence' quotes nothing")
        found = []
        for item in value:
            self.v.keys(item, EVIDENCE_KEYS, f"{what} evidence", line)
            number, quote = item.get("paragraph"), item.get("quote")
            if not is_int(number) or not isinstance(quote, str) or not quote.strip():
                self.v.problem(line, f"{what}: evidence needs a paragraph number and a quote with text")
                continue
            if not quote.isprintable():
                self.v.problem(line, f"{what}: evidence {cut(quote)!r} holds a control character")
                continue
            if number not in cited:
                self.v.problem(line, f"{what}: evidence quotes ¶{number}, which the claim does not cite")
                continue
            text = self.paragraph(source, number)
            if source is not None and source.body and (text is None or fold(quote) not in text):
                at = self.v.quote_line(line, quote)
                self.v.problem(at, f"{what}: evidence {cut(quote)!r} is not in ¶{number} word for word")
                continue
            found.append(Evidence(paragraph=number, quote=quote))
        return tuple(found)

    def paragraph(self, source: Source | None, number: int) -> str | None:
        """Paragraph `number` of the source, folded; None when it has no such paragraph."""
        if source is None:
            return None
        key = (source.id, number)
        if key not in self.folded:
            text = source.paragraph(number)
            if text is None:
                return None
            self.folded[key] = fold(text)
        return self.folded[key]

    def claim_dates(self, entry: dict[str, Any], what: str, line: Where) -> tuple[Any, Any] | None:
        v = self.v

        def at(key: str) -> Where:
            return v.key_line(line, key)

        start = v.string(entry, "date", what, line, nonempty=True)
        end = v.string(entry, "end_date", what, line, nonempty=True)
        basis = v.string(entry, "date_basis", what, line, nonempty=True)
        note = v.string(entry, "date_note", what, line, nonempty=True)
        first = v.date(start, what, "date", line) if start else None
        last = v.date(end, what, "end_date", line) if end else None
        if end is not None and start is None and "date" not in entry:
            v.problem(at("end_date"), f"{what}: 'end_date' without 'date'")
        if first and last and first[0] > last[1]:
            v.problem(at("end_date"), f"{what}: date {start} is after end_date {end}")
        if "date" in entry and basis is None and "date_basis" not in entry:
            v.problem(at("date"), f"{what}: a dated claim needs 'date_basis' ({' or '.join(DATE_BASES)})")
        if basis is not None:
            if basis not in DATE_BASES:
                v.problem(
                    at("date_basis"), f"{what}: unknown date_basis {basis!r}; known: {', '.join(DATE_BASES)}"
                )
            elif "date" not in entry:
                v.problem(at("date_basis"), f"{what}: 'date_basis' without 'date'")
            elif basis == "inferred" and note is None and "date_note" not in entry:
                v.problem(at("date_basis"), f"{what}: an inferred date needs a 'date_note' saying why")
        if first is None:
            return None
        return (first[0], last[1] if last else first[1])
