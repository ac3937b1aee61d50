"""Validate a dataset's [[sources]]: each report as printed, and the works it reports on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cstofacts.records import Source, Work
from cstofacts.store.checks import SLUG, Checks, is_int
from cstofacts.store.locate import Where

SOURCE_KEYS = {
    "id": True,
    "headline": True,
    "section": False,
    "byline": False,
    "byline_romanized": False,
    "venue": False,
    "reports": False,
    "paragraphs": False,
    "body": False,
}
WORK_KEYS = {
    "id": True,
    "author": True,
    "author_post": False,
    "author_titles": False,
    "title": False,
    "venue": False,
    "venue_type": False,
    "period_start": False,
    "period_end": False,
    "voice": False,
    "described_in": False,
}


class SourceChecks(Checks):
    """The checks of [[sources]] and [[sources.reports]], shared by the dataset's validator."""

    reported = 0  # [[sources.reports]] entries seen so far, through every source

    def sources(self, entries: Any, attributions: dict[str, str]) -> Iterator[Source]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(self.key_line(1, "sources"), "'sources' must be an array of tables ([[sources]])")
            return
        if not entries:
            self.problem(None, "dataset: declares no [[sources]]")
        seen: dict[str, int] = {}
        works: set[str] = set()  # every work's id, sources' and reported works' alike
        for index, entry in enumerate(entries):
            line = self.entry_line("sources", index)
            what = f"source #{index + 1}"
            self.keys(entry, SOURCE_KEYS, what, line)
            source_id = self.string(entry, "id", what, line, nonempty=True) or ""
            if source_id in seen:
                first = self.where.entry("sources", seen[source_id])
                self.problem(
                    self.key_line(line, "id"), f"source {source_id!r}: duplicate id (first at line {first})"
                )
                continue
            seen[source_id] = index
            works.add(source_id)
            body = self.strings(entry, "body", what, line)
            count = entry.get("paragraphs")
            if count is not None and (not is_int(count) or count < 1):
                self.problem(
                    self.key_line(line, "paragraphs"), f"{what}: 'paragraphs' must be a positive count"
                )
                count = None
            if body and count is not None and count != len(body):
                message = f"{what}: 'paragraphs' says {count} but 'body' has {len(body)}"
                self.problem(self.key_line(line, "paragraphs"), message)
            last = len(body) if body else count
            reports = tuple(self.reports(entry.get("reports", []), what, last, attributions, works))
            yield Source(
                id=source_id,
                headline=self.string(entry, "headline", what, line, nonempty=True) or "",
                section=self.string(entry, "section", what, line),
                byline=self.string(entry, "byline", what, line),
                byline_romanized=self.string(entry, "byline_romanized", what, line),
                venue=self.string(entry, "venue", what, line, nonempty=True),
                reports=reports,
                paragraphs=last,
                body=body,
            )

    def reports(
        self, entries: Any, owner: str, last: int | None, attributions: dict[str, str], works: set[str]
    ) -> Iterator[Work]:
        """The works a source reports on ([[sources.reports]]), each checked like a small source."""
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            line = self.table_line("sources.reports")
            self.problem(line, f"{owner}: 'reports' must be an array of tables ([[sources.reports]])")
            return
        voices: set[str] = set()
        for index, entry in enumerate(entries):
            # [[sources.reports]] headers are counted through the whole file, not per source.
            line = self.entry_line("sources.reports", self.reported)
            self.reported += 1
            what = f"{owner} reported work #{index + 1}"
            self.keys(entry, WORK_KEYS, what, line)
            work_id = self.string(entry, "id", what, line, nonempty=True) or ""
            if work_id and not SLUG.fullmatch(work_id):
                self.problem(
                    self.key_line(line, "id"), f"{what}: id must be lowercase letters, digits and hyphens"
                )
            elif work_id in works:
                self.problem(self.key_line(line, "id"), f"{what}: id {work_id!r} is already a work's")
            works.add(work_id)
            for key in ("period_start", "period_end"):
                if isinstance(entry.get(key), str):
                    self.date(entry[key], what, key, line)
            voice = self.string(entry, "voice", what, line, nonempty=True)
            if voice is not None and voice not in attributions:
                known = ", ".join(sorted(attributions)) or "none declared"
                self.problem(self.key_line(line, "voice"), f"{what}: unknown voice {voice!r}; known: {known}")
            elif voice is not None and voice in voices:
                self.problem(self.key_line(line, "voice"), f"{what}: voice {voice!r} is another work's")
            if voice is not None:
                voices.add(voice)
            yield Work(
                id=work_id,
                author=self.string(entry, "author", what, line, nonempty=True) or "",
                author_post=self.string(entry, "author_post", what, line, nonempty=True),
                author_titles=self.strings(entry, "author_titles", what, line),
                title=self.string(entry, "title", what, line, nonempty=True),
                venue=self.string(entry, "venue", what, line, nonempty=True),
                venue_type=self.string(entry, "venue_type", what, line, nonempty=True),
                period_start=self.string(entry, "period_start", what, line),
                period_end=self.string(entry, "period_end", what, line),
                voice=voice,
                described_in=self.described_in(entry, what, line, last),
            )

    def described_in(
        self, entry: dict[str, Any], what: str, line: Where, last: int | None
    ) -> tuple[int, ...]:
        value = entry.get("described_in", [])
        at = self.key_line(line, "described_in")
        if not isinstance(value, list) or not all(is_int(n) for n in value):
            self.problem(at, f"{what}: 'described_in' must be a list of paragraph numbers")
            return ()
        for number in value:
            if number < 1 or (last is not None and number > last):
                self.problem(at, f"{what}: described_in: the source has no ¶{number}")
                return ()
        return tuple(value)
