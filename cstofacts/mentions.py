"""Which names a vocabulary declares a text mentions: countries, organizations, places and people.

In any declared spelling and case; an acronym (UN, ОДКБ) exactly; a Russian name in any case form
(the stem of each word, then up to three letters: Таджикистане, Киргизии, Беларуси). Country
codes are no spelling here: "AM", "BY" and "ARM" are everyday words and letters. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cstofacts import text
from cstofacts.records import Vocabulary

_CYRILLIC_ENDINGS = "аеёиоуыэюяйь"


def _spelling(spelling: str) -> str | None:
    """A pattern for one declared spelling: an acronym exactly, anything else in any case, and a
    Russian word in any case form (its stem, then up to three more letters: Таджикистане, Киргизии)."""
    words = spelling.split()
    if not words:
        return None
    parts = []
    for word in words:
        stem = word.rstrip(_CYRILLIC_ENDINGS)
        if text.is_cyrillic(word) and not word.isupper() and len(word) >= 4 and len(stem) >= 3:
            parts.append(re.escape(stem) + "[а-яё]{0,3}")
        else:
            parts.append(re.escape(word))
    body = r"\s+".join(parts)
    return body if not any(ch.islower() for ch in spelling) else f"(?i:{body})"


class Names:
    """Finds the entries of a vocabulary a text names."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        spellings: list[tuple[str, str, Iterable[str]]] = []
        spellings += [
            ("country", c.code, (c.name, *c.adjectives, *c.aliases)) for c in vocabulary.countries.values()
        ]
        spellings += [("organization", o.short, o.spellings) for o in vocabulary.organizations.values()]
        spellings += [("place", p.name, p.spellings) for p in vocabulary.places.values()]
        spellings += [("person", p.slug, p.spellings) for p in vocabulary.people.values()]
        self.patterns = []
        for kind, key, forms in spellings:
            alternatives = [p for p in map(_spelling, sorted(set(forms), key=len, reverse=True)) if p]
            if alternatives:
                pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")
                self.patterns.append((kind, key, pattern))

    def find(self, passage: str) -> list[tuple[str, str]]:
        """(kind, key) of every entry the passage names, in the order first named."""
        hits = []
        for kind, key, pattern in self.patterns:
            match = pattern.search(passage)
            if match is not None:
                hits.append((match.start(), kind, key))
        return [(kind, key) for _, kind, key in sorted(hits)]

    def used(self, found: list[tuple[str, str]], whole: str) -> Vocabulary:
        """The vocabulary's entries the article names, the countries its places lie in, and only the
        roles of a person the article itself writes (a role is the article's word for them)."""
        v = self.vocabulary
        keys = {
            kind: [key for k, key in found if k == kind]
            for kind in ("country", "organization", "place", "person")
        }
        places = {key: v.places[key] for key in keys["place"]}
        countries = set(keys["country"]) | {p.country for p in places.values()}
        people = {}
        for key in keys["person"]:
            person = v.people[key]
            roles = tuple(r for r in person.roles if written(r, whole))
            people[key] = person._replace(roles=roles)
        return Vocabulary(
            categories={},
            attributions={},
            countries={code: c for code, c in v.countries.items() if code in countries},
            organizations={key: v.organizations[key] for key in keys["organization"]},
            places=places,
            people=people,
        )


def written(words: str, passage: str) -> bool:
    """Whether the passage writes these words, whole, in any case."""
    return re.search(rf"(?<![^\W_]){re.escape(words)}(?![^\W_])", passage, re.IGNORECASE) is not None
