"""Run the fidelity lint over a validated dataset and place each finding at its file and line."""

from __future__ import annotations

from cstofacts.errors import Problem
from cstofacts.records import Dataset
from cstofacts.store.lint import lint_claim, lint_work
from cstofacts.store.locate import Locator


def declared_names(dataset: Dataset) -> set[str]:
    """Every name the vocabulary declares: copying inside one is not copying the article."""
    vocabulary = dataset.vocabulary
    names: set[str] = set()
    for country in vocabulary.countries.values():
        names.update(country.spellings)
    for org in vocabulary.organizations.values():
        names.update(org.spellings)
    for place in vocabulary.places.values():
        names.update(place.spellings)
    for person in vocabulary.people.values():
        names.update(person.spellings)
    for category in vocabulary.categories.values():
        names.update((category.name, *category.synonyms))
    return names


def lint_dataset(dataset: Dataset, text: str) -> list[Problem]:
    """Every fidelity finding, at the line of the key it concerns; sources without a body are skipped."""
    names = declared_names(dataset)
    sources = {s.id: s for s in dataset.sources}
    where: Locator | None = None
    problems = _lint_works(dataset, text)
    for index, claim in enumerate(dataset.claims):
        source = sources[claim.source]
        if not source.body:
            continue
        cited = {n: body for n in claim.paragraphs if (body := source.paragraph(n)) is not None}
        findings = lint_claim(
            summary=claim.summary,
            location=claim.location,
            date=claim.date,
            end_date=claim.end_date,
            date_basis=claim.date_basis,
            date_note=claim.date_note,
            evidence=[(e.paragraph, e.quote) for e in claim.evidence],
            cited=cited,
            names=names,
        )
        if findings and where is None:
            where = Locator(text)
        for finding in findings:
            assert where is not None
            line = where.key(where.entry("claims", index), finding.key)
            problems.append(Problem(dataset.path, line, f"claim {claim.id!r}: {finding.message}"))
    return problems


def _lint_works(dataset: Dataset, text: str) -> list[Problem]:
    """What a source says of each work it reports on must be in the paragraphs that describe it."""
    problems = []
    where: Locator | None = None
    index = 0  # [[sources.reports]] entries are counted through the whole file
    for source in dataset.sources:
        for work in source.reports:
            described = {n: body for n in work.described_in if (body := source.paragraph(n)) is not None}
            findings = lint_work(
                values={
                    "author": work.author,
                    "author_post": work.author_post,
                    "author_titles": work.author_titles,
                    "title": work.title,
                    "venue": work.venue,
                    "venue_type": work.venue_type,
                },
                period=(work.period_start, work.period_end),
                described=described if source.body else None,
            )
            if findings and where is None:
                where = Locator(text)
            for finding in findings:
                assert where is not None
                line = where.key(where.entry("sources.reports", index), finding.key)
                problems.append(Problem(dataset.path, line, f"reported work {work.id!r}: {finding.message}"))
            index += 1
    return problems
