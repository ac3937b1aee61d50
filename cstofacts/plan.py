"""What ask makes of each part of a question's reading against one dataset: which words claims
hold, which things nothing accounts for, which dates and entities filter and which only rank,
and whether the claims found carry what a pointed question asks for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from cstofacts import dates, english, text
from cstofacts.criteria import Query, Term
from cstofacts.model import Claim
from cstofacts.query import about
from cstofacts.query.about import Fact
from cstofacts.query.asking import SETTLEMENTS, singular
from cstofacts.query.filters import suggest
from cstofacts.query.question import Reading
from cstofacts.query.spans import DATE_CONNECTORS
from cstofacts.store.engine import Store

# An entity on more than this share of the claims (the CSTO, on almost all of them) does not
# narrow anything: it ranks a pointed question's answers and filters nothing.
COMMON = 0.5
POINTED_NEAREST = 3  # how many nearest claims a silence names
# The sorts of declared entity a list question may ask which of, by the sort's English name.
SORTS = {"country": "country", "org": "organization"}
_DEFINITE = frozenset("the this that its their our his her".split())
# The sorts' names in Russian, compared by their stems (text.stem_russian) with a Russian word.
_RUSSIAN_SORTS = {"country": ("страна", "государство"), "organization": ("организация",)}


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


def _involving(what: str, keys: set[str], drafts: bool = False) -> Query:
    """The claims involving any of some countries or organizations, or at any of some places."""
    if what == "country":
        return Query(countries=frozenset(keys), drafts=drafts)
    if what == "place":
        return Query(places=frozenset(keys), drafts=drafts)
    return Query(organizations=frozenset(keys), drafts=drafts)


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
            if len(term.tokens) == 1 and about.forms(term.tokens[0]) & about.stems(about.WORKS):
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
        """A list question's word for a sort of declared entity ("which countries", "which
        organisations") asks which of them: the claims must involve one, and need not hold the
        word. An adjective right before it ("international organisations") describes the
        entities, not the claims' words. The typed words so read, each with how."""
        settlement = self._settlement()
        if settlement:
            return settlement
        known = self._the_one(terms)
        for term in terms:
            if term.typed in known or not self.reading.listing or len(term.tokens) != 1:
                continue
            what = None if self._category_before(term) else self._sort_named(term)
            if what is None:
                continue
            shares = self._shares(what)
            # "Which organizations other than the CSTO": the ones put out are not answers.
            facets = self.reading.facets
            out = facets.not_countries if what == "country" else facets.not_organizations
            shares = {k: share for k, share in shares.items() if k not in out}
            self.sort_excludes = bool(out)
            narrowing = [k for k, share in shares.items() if 0 < share <= COMMON]  # some claims, not most
            if not narrowing and any(shares.values()):  # the only ones claims involve are on most
                return {
                    **known,
                    term.typed: f"asks which {SORTS[what]}: each is on most claims, so none filters",
                }
            named = self.reading.facets.countries if what == "country" else self.reading.facets.organizations
            if not narrowing or set(narrowing) & named:
                continue  # "which other countries than …" is not read so
            self.answer_type = _involving(what, set(narrowing))
            self.sort_asked = f"which {SORTS[what]}"
            self.sort_any = _involving(what, {k for k, share in shares.items() if share})
            self.sort_word = term.typed
            read = {term.typed: f"asks which {SORTS[what]}: claims involving one of {', '.join(narrowing)}"}
            tokens = self.reading.tokens
            at = tokens.index(term.tokens[0]) if term.tokens[0] in tokens else 0
            before = tokens[at - 1] if at else ""
            if any(t.typed == before for t in terms) and self.store.sort_of(before) == "g":
                read[before] = f"describes the {SORTS[what]} asked for"
            return {**known, **read}
        return known

    def _sort_named(self, term: Term) -> str | None:
        """The sort of declared entity a one-word term names ("countries", "alliance": through
        the thesaurus, an organization), or None."""
        typed = (term.tokens[0], *(w for a in term.alternatives for w in a))
        forms = {b for w in typed for b in english.bases(w)}
        if text.is_cyrillic(term.tokens[0]):  # "организациями": by its stem
            stem = text.stem_russian(term.tokens[0])
            forms = {n for n, words in _RUSSIAN_SORTS.items() if stem in map(text.stem_russian, words)}
        return next((w for w, name in SORTS.items() if name in forms), None)

    def _the_one(self, terms: tuple[Term, ...]) -> dict[str, str]:
        """In a list question, "the alliance's drills": a singular word for a sort after "the" or
        a possessive names the one the article is about, when most claims involve one; a word
        for it that only ranks, not a question of which. The typed words so read, with how."""
        known: dict[str, str] = {}
        for term in terms:
            if not self.reading.listing or len(term.tokens) != 1 or not self._definite(term):
                continue
            what = self._sort_named(term)
            if what is not None:
                main = ", ".join(k for k, share in self._shares(what).items() if share > COMMON)
                if main:
                    known[term.typed] = f"the {SORTS[what]} most claims involve ({main}): it only ranks"
        return known

    def _definite(self, term: Term) -> bool:
        """Whether a one-word term is singular and follows "the", "this" or a possessive: it
        names one thing the reader knows ("the alliance"), where "which alliances" asks."""
        word = term.tokens[0]
        tokens = self.reading.tokens
        if word not in tokens or singular((word,)) != (word,):
            return False
        at = tokens.index(word)
        return at > 0 and tokens[at - 1] in _DEFINITE

    def _category_before(self, term: Term) -> bool:
        """Whether a category word comes before the word: "which military drills did the alliance
        stage" lists drills, not the alliance's sort; "which organizations signed the roadmap"
        lists organizations."""
        tokens = self.reading.tokens
        at = tokens.index(term.tokens[0]) if term.tokens[0] in tokens else len(tokens)
        return any(t.tokens[0] in tokens[:at] for t in self.reading.category_terms)

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
        words = self.date_words()
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

    def _shares(self, what: str) -> dict[str, float]:
        """Each declared entity of one sort (say country), with the share of the claims it is on."""
        return {
            k: self.store.share(_involving(what, {k}, self.drafts)) for k in self.store.lexicon.values(what)
        }

    def _settlement(self) -> dict[str, str]:
        """ "Which cities …", a list asking where by a word for a town: the places the dataset
        declares (each lies in a country) that claims name as where they happened, any of them.
        ("Which places" may mean countries too: the claims with a place answer it, as ever.)"""
        if not self.reading.listing or self.reading.asks != "where":
            return {}
        typed = next((t for t in self.reading.tokens if SETTLEMENTS.intersection(english.bases(t))), None)
        if typed is None:
            return {}
        shares = self._shares("place")
        at = [k for k, share in shares.items() if 0 < share <= COMMON]
        if not at:
            return {}
        noun = min(SETTLEMENTS.intersection(english.bases(typed)))
        self.answer_type = _involving("place", set(at))
        self.sort_any = _involving("place", {k for k, share in shares.items() if share})
        self.sort_word = typed
        self.sort_asked = f"which {noun}"
        self.explained.append((typed, f"asks which {noun}: claims at one of {', '.join(at)}"))
        return {typed: ""}

    def answer(self, found: Sequence[Claim], query: Query) -> Answer:
        from cstofacts import verdict

        return verdict.judge(self, found, query)

    def silent(self, why: str) -> Answer:
        return Answer([], self.reading, None, tuple(self.corrections), why, (), tuple(self.explained))
