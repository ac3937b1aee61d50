"""What ask makes of each part of a question's reading against one dataset: which words claims
hold, which things nothing accounts for, which dates and entities filter and which only rank,
and whether the claims found carry what a pointed question asks for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from cstofacts import dates, english, sorts, text
from cstofacts.criteria import Query, Term
from cstofacts.model import Claim
from cstofacts.query import about
from cstofacts.query.about import Fact
from cstofacts.query.filters import suggest
from cstofacts.query.question import Reading
from cstofacts.query.spans import DATE_CONNECTORS
from cstofacts.sorts import COMMON
from cstofacts.store.engine import Store

POINTED_NEAREST = 3  # how many nearest claims a silence names
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))  # open a phrase naming one thing


class Answer(NamedTuple):  # a NamedTuple, not a frozen dataclass: cheaper to define at every start
    claims: Sequence[Claim]  # a list question's may be read as it is written (Store.found)
    reading: Reading
    query: Query | None  # what ran; None when the article does not answer, or the works do
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used instead)
    silence: str = ""  # why the article does not answer, when it does not
    partial: tuple[str, ...] = ()  # what the question asks that no answer holds
    explained: tuple[tuple[str, str], ...] = ()  # (words as typed, what they became)
    facts: tuple[Fact, ...] = ()  # a question about the works themselves, answered from their records


def nearest_ids(found: Sequence[Claim]) -> str:
    """The first few claims' ids, named by a silence as the nearest claims, not an answer."""
    return ", ".join(c.id for _, c in zip(range(POINTED_NEAREST), found, strict=False))


# The most words a noun phrase holds between its article and its head ("the Khujand border").
_PHRASE_WORDS = 3


class Plan:
    """What ask makes of each part of a reading, against one dataset."""

    def __init__(self, store: Store, reading: Reading, drafts: bool = False) -> None:
        self.drafts = drafts  # whether the probes count draft claims, as the answer's query will
        self.store = store
        self.reading = reading
        self.corrections: list[tuple[str, str]] = []
        self.unaccounted: list[str] = []
        self.left_out: list[str] = []  # verbs and adjectives no claim holds ("founded")
        self.explained: list[tuple[str, str]] = []
        self.entity_count = 0
        self.ranking: tuple[Term, ...] = ()  # entities on most claims: they rank, never filter
        self.asked: tuple[Term, ...] = ()  # the words the first query asked for; answer.py sets them
        self.particular_thing = False  # "the border agreement": its category's claims answer (answer.py)
        self.graded: tuple[Term, ...] = ()  # a list's words of how much it matters ("key"): answer.py
        self.date_terms: tuple[Term, ...] = ()  # a date no claim has, as the words claims hold (dates)
        self.given = False  # a filter option was given to ask (--year 2022): what it names is asked
        self.answer_type = Query()  # "which countries": the entities of that sort, any of them
        self.sort_asked = ""  # and how a silence says it: "which country"
        self.sort_any = Query()  # every entity of that sort some claim involves, common ones too
        self.sort_word = ""  # the word that asked for it, as typed
        self._narrowing: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        # "Which organizations other than …": the sort asked for leaves them out, not the claims.
        self.sort_excludes = False

    def words(self) -> tuple[Term, ...]:
        """The question's other words: those claims hold, the thesaurus's words for the rest,
        near-certain typos corrected. A thing nothing accounts for is noted; other words go."""
        kept: list[Term] = []
        vocabulary: list[str] | None = None
        widened = self.store.widen(self.reading.words)
        describing = self._answer_type(widened)
        for term in widened:
            if term.typed in describing:
                self.explained.append((term.typed, describing[term.typed]))
                continue
            spelled = self._american(term)
            if spelled is not None:
                # "defence": the claims spell it "defense"; the reading says the word they hold.
                self.explained.append((term.typed, f"spelled {spelled.typed!r} in the claims"))
                kept.append(spelled)
                continue
            if len(term.tokens) == 1 and about.names_work(term.tokens[0]):
                # "the report", "the article": every claim is the report's, so the word names none.
                self.explained.append((term.typed, "the report itself: every claim is from it"))
                continue
            if term.alternatives:
                shown = ", ".join(" ".join(a) for a in term.alternatives)
                self.explained.append((term.typed, f"a word for: {shown}"))
                kept.append(term)
                continue
            if self.store.matches(term):
                self.explained.append((term.typed, "a word claims hold"))
                kept.append(term)
                continue
            word = " ".join(term.tokens)
            # WordNet is English: a word of another script that names nothing declared cannot be
            # judged (что, делал), so it is left out rather than taken for a thing.
            sort = self.store.sort_of(word) if word.isascii() else "g"
            if sort == "n" and self._infinitive(word):
                sort = "g"  # "want to fight": a verb here, whatever the word mostly is
            near = None
            if sort is None and len(term.typed) > 3:
                # A word that is no English word, close to one claims hold, is a typo for it; a
                # name written with a capital is one only for another name ("Dostyk", "Dostuk"),
                # never for an ordinary word ("O'Brien" is not "bring").
                vocabulary = vocabulary if vocabulary is not None else self._vocabulary()
                near = suggest(term.typed, vocabulary, cutoff=0.8)
                if near is not None and word in self.reading.capitalised and self.store.sort_of(near):
                    near = None
            if near is not None:
                self.corrections.append((term.typed, near))
                self.explained.append((term.typed, f"a typo for {near!r}"))
                kept.append(Term(near, tuple(text.words(near))))
            elif heads := self._heads(term):
                # "the bloc": the last word of a declared name ("post-Soviet security bloc") is
                # how news writing calls that name, not a thing the article lacks.
                self.explained.append((term.typed, f"a word the names of {', '.join(heads)} end with"))
            elif sort != "g" and not term.typed.isdigit() and not self.store.in_article(term):
                # A thing or a name no claim, name, source or thesaurus word accounts for.
                self.unaccounted.append(term.typed)
                self.explained.append((term.typed, "nothing in the article"))
            else:
                self.left_out.append(term.typed)
                self.explained.append((term.typed, "left out: a word no claim holds"))
        return tuple(kept)

    def _heads(self, term: Term) -> list[str]:
        """The countries and organizations a declared name of several words of ends with this
        one word, in its plain form too ("blocs")."""
        if len(term.tokens) != 1:
            return []
        forms = set(english.bases(term.tokens[0]))
        return sorted(
            {
                value
                for phrase, meanings in self.store.lexicon.entries.items()
                if len(phrase) > 1 and phrase[-1] in forms
                for what, value in meanings
                if what in ("country", "org")
            }
        )

    def _infinitive(self, word: str) -> bool:
        """Whether the word follows "to" after a verb ("want to fight", "able to counter"), where
        it is a verb; after a noun "to" leads to a thing ("threats to security")."""
        tokens = self.reading.tokens
        return any(
            tokens[at - 1] == "to" and self.store.sort_of(tokens[at - 2]) == "g"
            for at in range(2, len(tokens))
            if tokens[at] == word
        )

    def _american(self, term: Term) -> Term | None:
        """A British-spelled word no claim holds, as the American spelling claims hold."""
        if len(term.tokens) != 1 or term.tags or not term.tokens[0].isascii() or self.store.matches(term):
            return None
        for variant in english.american(term.tokens[0]):
            spelled = Term(variant, (variant,))
            if self.store.matches(spelled):
                return spelled
        return None

    def _answer_type(self, terms: tuple[Term, ...]) -> dict[str, str]:
        """What a list question's words for a sort of declared entity ask (sorts.py); the typed
        words so read, each with how."""
        asked = sorts.asked(self.store, self.reading, terms, self.drafts)
        self.answer_type, self.sort_asked, self.sort_any = asked.answer_type, asked.sort_asked, asked.sort_any
        self.sort_word, self.sort_excludes = asked.sort_word, asked.excludes
        self.explained += asked.explained
        return asked.read

    def things(self, words: tuple[Term, ...]) -> float:
        """How many things the question names that the article accounts for: names, places,
        categories, countries and organizations that narrow (not one on most claims), and
        words for things ("decide" alone says little of what is asked)."""
        entities = 0
        for term in self.reading.entity_terms:
            tag = term.tags[0] if term.tags else ""
            if tag.startswith("xp"):
                entities += 1
            elif tag.startswith(("xc", "xo")):
                code = tag[2:]
                countries = [c for c in self.reading.facets.countries if "".join(text.words(c)) == code]
                organizations = [
                    o for o in self.reading.facets.organizations if "".join(text.words(o)) == code
                ]
                probe = Query(countries=frozenset(countries), organizations=frozenset(organizations))
                shown = probe._replace(drafts=self.drafts)
                entities += probe != Query() and self.store.share(shown) <= COMMON
        # A word that may as well be a verb or an adjective ("force", "decide") counts half.
        named = sum(1.0 if self.store.sort_of(" ".join(w.tokens)) != "g" else 0.5 for w in words)
        asked = self.answer_type != Query()  # "which countries": the article declares them
        return named + entities + asked + len(self.reading.names) + len(self.reading.category_terms)

    def names_particular(self) -> bool:
        """Whether every category word of the question names a particular thing: the head of a
        noun phrase that "the", "this" or "that" opens ("signed the border agreement", "the
        Khujand border agreement", "the new roadmap"), not the category's idea ("did the CSTO
        develop cooperation with"). Between them: names and nouns, and right after the
        article one word of another sort (an adjective: "the new"); a verb further on ends it."""
        tokens, terms = self.reading.tokens, self.reading.category_terms
        for term in terms:
            if term.tokens[0] not in tokens:
                return False
            at = tokens.index(term.tokens[0])
            start = at
            while start > 0 and at - start < _PHRASE_WORDS and self._in_phrase(tokens[start - 1]):
                start -= 1
            if start > 0 and tokens[start - 1] not in text.STOP_WORDS:  # the articles are stop words
                start -= 1  # an adjective right after the article ("the new agreement")
            if start == 0 or tokens[start - 1] not in _DEFINITE:
                return False
        return bool(terms)

    def _in_phrase(self, word: str) -> bool:
        """Whether a word may stand inside a noun phrase before its head: a noun, or a word
        WordNet does not have (a name: "Khujand", "CSTO")."""
        noun = self.store.sort_of(word) is None or self.store.may_be_noun(word)
        return word not in text.STOP_WORDS and noun

    def _vocabulary(self) -> list[str]:
        # Never "correct" a word into a function word or a month: "many" is not "may".
        months = {m.casefold() for m in dates.MONTH_NAMES}
        return [w for w in self.store.words() if w not in text.STOP_WORDS and w not in months]

    def dates(
        self,
    ) -> tuple[tuple[dates.Span, ...], date | None, date | None, tuple[Term, ...] | None]:
        """The question's dates as filters; a date no claim has but claims' text holds ("the plan
        for 2026-2030") as words; None when no claim has the date and no text holds it."""
        r, f = self.reading, self.reading.facets
        if not (f.years or f.since or f.until):
            return (), None, None, ()
        if self.store.claims(Query(years=f.years, since=f.since, until=f.until, limit=1, drafts=self.drafts)):
            for typed in r.span_text:
                self.explained.append((typed, "a date"))
            return f.years, f.since, f.until, ()
        # "for 2026 to 2030": the span's years, as the claims write them ("2026-2030").
        words = self.date_words() or self.date_words(bare=True)
        self.date_terms = words
        if words:
            for typed in r.span_text:
                self.explained.append((typed, "words claims hold (no claim is dated so)"))
            return (), None, None, words
        return (), None, None, None

    def date_words(self, bare: bool = False) -> tuple[Term, ...]:
        """The question's dates as words, when claims' text holds every one; bare, without the
        words that join or open them ("2022" of "after 2022"): the last thing to try."""
        words = []
        for typed in self.reading.span_text:
            tokens = tuple(text.words(typed))
            kept = tuple(w for w in tokens if not (bare and w in DATE_CONNECTORS))
            if kept:
                words.append(Term(typed if kept == tokens else " ".join(kept), kept))
        return tuple(words) if words and all(self.store.matches(w) for w in words) else ()

    def no_date(self) -> str:
        asked = " and ".join(self.reading.span_text) or "then"
        span = self.store.date_range()
        known = f" (its claims run from {span[0]} to {span[1]})" if span else ""
        return f"the article has no claims dated {asked}{known}"

    def entities(self) -> tuple[Callable[[Query], Query], tuple[Term, ...]]:
        """Countries and organizations as filters, every one required; one on most claims only ranks."""
        r = self.reading
        countries = sorted(r.facets.countries)
        organizations = sorted(r.facets.organizations)
        ranking: list[Term] = []
        typed: dict[str, str] = {}  # each required entity's key, and its name as typed
        for term in r.entity_terms:
            code = term.tags[0][2:] if term.tags else ""
            what = "country" if term.tags and term.tags[0].startswith("xc") else "org"
            if not term.tags or term.tags[0].startswith("xp"):
                continue
            chosen = countries if what == "country" else organizations
            key = next((k for k in chosen if "".join(text.words(k)) == code), None)
            if key is None:
                continue
            probe = Query(all_countries=(key,)) if what == "country" else Query(all_organizations=(key,))
            if self.store.share(probe._replace(drafts=self.drafts)) > COMMON:
                chosen.remove(key)
                ranking.append(term)
                self.explained.append((term.typed, f"{what} {key}: on most claims, so it only ranks"))
            else:
                typed[key] = term.typed
                self.explained.append((term.typed, f"{what} {key}: required"))
        for term in r.excluded:
            what = "country" if term.tags[0].startswith("xc") else "org"
            self.explained.append((term.typed, f"{what} {term.tags[0][2:].upper()}: left out"))
        # "Belarus or Kyrgyzstan": entities the question joins with "or" are any one of them.
        either = {key for key, name in typed.items() if any(name in group for group in r.either)}
        self.entity_count = len(countries) + len(organizations)
        self.ranking = tuple(ranking)
        self._narrowing = (frozenset(countries), frozenset(organizations))

        def apply(q: Query) -> Query:
            if len(countries) == 1 or (countries and set(countries) <= either):
                q = q._replace(countries=frozenset(countries))
            elif countries:
                q = q._replace(all_countries=tuple(countries))
            if len(organizations) == 1 or (organizations and set(organizations) <= either):
                q = q._replace(organizations=frozenset(organizations))
            elif organizations:
                q = q._replace(all_organizations=tuple(organizations))
            return q

        return apply, tuple(ranking)

    def any_entity(self) -> list[Query]:
        """When no claim involves every entity a question names: the claims involving any of one
        sort of them (--country KG --country TJ), never claims that involve none. One named
        entity is simply required, so it has none."""
        if self.entity_count < 2:
            return []
        countries, organizations = self._narrowing
        return [q for q in (Query(countries=countries), Query(organizations=organizations)) if q != Query()]

    def entity_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.reading.entity_terms if t.tags and not t.tags[0].startswith("xp"))

    def places(self) -> tuple[Term, ...]:
        """Places as words: a claim held there, or one that names the place, holds them."""
        found = tuple(t for t in self.reading.entity_terms if t.tags and t.tags[0].startswith("xp"))
        for term in found:
            self.explained.append((term.typed, "a place"))
        return found

    def answer(self, found: Sequence[Claim], query: Query) -> Answer:
        from cstofacts import verdict

        return verdict.judge(self, found, query)

    def silent(self, why: str) -> Answer:
        return Answer([], self.reading, None, tuple(self.corrections), why, (), tuple(self.explained))
