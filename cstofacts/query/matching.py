"""A question's tokens matched against a dataset's lexicon: declared names (categories,
countries, organizations, places, people), kinds and attributions, names and phrases put out of
the answer ("other than the UN", "apart from internal unity"), and the words left to rank by.
Pure: query.question reads the rest (dates, paragraphs, what is asked)."""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts import english, text
from cstofacts.criteria import Term
from cstofacts.lexicon import Lexicon, entity_tags, tag
from cstofacts.model import KIND_WORDS, Kind
from cstofacts.query import about, excluding
from cstofacts.query.asking import LIST_OPENERS, in_phrase, singular

# Words that say what sort of statement is wanted.
ATTRIBUTION_WORDS = {"analyst": "analyst", "author": "analyst"}
# Verbs and fillers of questions that say nothing about which claim is meant. A verb is listed
# by its plain form, and its irregular forms beside it; the regular ones (holds, holding,
# happened) are found through english.verb_forms.
QUESTION_WORDS = frozenset(
    """
    hold held happen occur occurred take took taken place conduct carry carried out do done
    go went get got make made new also
    know known learn see look info information detail details many much
    involve involves involved involving concern concerns concerned concerning regard regards relate
    everything anything something thing things item items fact facts record records entry entries
    effort efforts activity activities work step steps measure measures action actions
    develop development developments news statement statements name names called as like
    both either neither
    """.split()
)
# Words that put the country or organization after them out of the answer ("held outside
# Belarus", "organizations other than the CSTO"), longest first: those that put a phrase out
# too, and three that put out places and names only. ("Outside of": the function word between is
# passed over, as in "other than in".)
_EXCLUDING: tuple[tuple[str, ...], ...] = (*excluding.MARKERS, ("outside",), ("without",), ("beyond",))
# "not", "never", "weren't" (read as "weren", "t") negate what follows within a few words,
# unless they open "not only Belarus but …", which includes it.
_NEGATING = frozenset({"not", "never"})
_NEGATION_REACH = 3  # words from a negation to the name it puts out: "not held in Belarus"
_SERIES_WORDS = frozenset({"and", "or", "nor", "the"})  # "other than Russia and Belarus"
# The first halves of English's negative contractions as words split them ("weren't": "weren",
# "t"): function words, never things the article might not mention. ("Won", "can" are words.)
_CONTRACTED = frozenset(
    """
    isn aren wasn weren don doesn didn hasn haven hadn wouldn shouldn couldn mustn needn mightn shan ain
    """.split()
)


class _Found:
    """What a question's words name: facets, declared names, and the words left to rank by.
    A plain class: a dataclass costs start-up time to define."""

    def __init__(self) -> None:
        self.plural = False  # a plural category or kind asks for all of them
        self.categories: set[str] = set()
        self.countries: set[str] = set()
        self.organizations: set[str] = set()
        self.places: set[str] = set()
        self.kinds: set[Kind] = set()
        self.attributions: set[str] = set()
        self.names: list[Term] = []
        self.category_first = False  # a category word comes before any other word to rank by or name
        self.kind_described = False  # a word to rank by comes before a kind word ("the country's events")
        self.entities: list[Term] = []
        self.category_words: list[Term] = []
        self.words: list[Term] = []
        self.listed: set[str] = set()  # the categories of the first category word, and those joined to it
        self.listed_end = -1
        self.described: list[Term] = []  # later category words
        self.not_countries: set[str] = set()
        self.not_organizations: set[str] = set()
        self.excluded: list[Term] = []
        self.excluded_end = -1  # where the last name put out ends: a series after it is out too
        self.out_texts: list[list[Term]] = []  # phrases put out ("apart from internal unity")
        self.named: list[str] = []  # the tokens read so far, a declared name's as "" (its "of" is no phrase)

    @property
    def facets(self) -> bool:
        return bool(self.categories or self.countries or self.organizations or self.places or self.kinds)


# A declared name as a question writes it: its tokens, and its entry (sort, value).
_Name = tuple[tuple[str, ...], tuple[str, str]]


def _runs(tokens: Sequence[str], lexicon: Lexicon) -> dict[int, _Name]:
    """The declared names a question's tokens hold, the longest run first, by where each starts:
    its tokens and its entry (sort, value). Attributions are read as words ("analyst")."""
    runs: dict[int, _Name] = {}
    index = 0
    while index < len(tokens):
        for size in range(min(lexicon.longest, len(tokens) - index), 0, -1):
            run = tuple(tokens[index : index + size])
            entry = lexicon.first(run) or lexicon.first(singular(run))
            if entry is not None and entry[0] == "category" and size == 1 and _the_report(tokens, index):
                continue
            if entry is not None and entry[0] != "attribution":
                runs[index] = (run, entry)
                break
        index += len(runs[index][0]) if index in runs else 1
    return runs


# A word for a work ("paper", "статья") that names the report a question is put to, not a claim
# of its category: after "in" or "from" ("in the paper", "в статье"), or before a verb of saying
# ("what does the analysis say"; text.STOP_WORDS's verbs and their kin). Only articles and
# demonstratives may come between.
_WITHIN = frozenset("in from within throughout в во из по".split())
_DETERMINERS = frozenset("the this that its his этой этом".split())
_SAYS = frozenset(
    "say says said tell tells mention mentions mentioned write writes state states note notes".split()
)


def _the_report(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at `at` is one for a work that names the report itself (above)."""
    if not about.names_work(tokens[at]):
        return False
    before = at - 1
    while before >= 0 and tokens[before] in _DETERMINERS:
        before -= 1
    return (before >= 0 and tokens[before] in _WITHIN) or (at + 1 < len(tokens) and tokens[at + 1] in _SAYS)


def _tags(what: str, value: str) -> tuple[str, ...]:
    """The index tags of a declared country, organization, place or person (none for a category)."""
    if what == "person":
        return entity_tags("person", value)
    return (tag(what[0], value),) if what in ("country", "org", "place") else ()


def match(tokens: Sequence[str], lexicon: Lexicon, commas: frozenset[int] = frozenset()) -> _Found:
    """Tokens matched against the lexicon, the longest run first; a token no run starts at is a
    kind word, an attribution word, or a word to rank by unless it is filler. A phrase put out
    with words ("apart from internal unity") is read apart, as words no claim may hold."""
    found = _Found()
    runs = _runs(tokens, lexicon)
    inside = {i for at, (run, _) in runs.items() for i in range(at + 1, at + len(run))}
    entities = {  # the tokens of country and organization names: put out as names
        i
        for at, (run, (what, _)) in runs.items()
        if what in ("country", "org")
        for i in range(at, at + len(run))
    }
    phrases = excluding.phrases(
        tokens,
        commas,
        lambda i: i not in entities and (i in runs or (i not in inside and _saying(tokens[i]))),
        lambda i: i in entities,
        lambda i: i not in inside and _past(tokens[i]),
    )
    index = 0
    while index < len(tokens):
        span = next((span for span in phrases if index in span), None)
        if span is not None:
            index = _put_out_words(tokens, index, runs.get(index), span, found)
            continue
        if index not in runs:  # "analyst" is read here, "article" is filler
            _word(tokens[index], lexicon, found)
            found.named.append(tokens[index])
            index += 1
            continue
        run, (what, value) = runs[index]
        size, typed = len(run), " ".join(run)
        if what == "category":
            # "Which exercises …", "which CSTO exercises …": a name before it describes it,
            # as a phrase it is part of does ("what happened in the CSTO's relations"); a kind
            # word before it is what the list is of ("every event the article ties to …").
            before = found.words or found.names or found.category_words or found.kinds
            if not (before or in_phrase(found.named, index)):
                found.category_first = True
            # A word declared for several categories ("document": an agreement signed, a
            # resolution adopted) names any of them, as --category repeated does.
            meanings = lexicon.meanings(run) or lexicon.meanings(singular(run))
            named = {v for w, v in meanings if w == "category"}
            found.categories.update(named)
            term = Term(typed, run, alternatives=lexicon.category_names(run))
            found.category_words.append(term)
            # The first category word is what a list is of, with those joined to it ("meetings
            # and agreements"); a later one describes it ("the tasks of the leadership").
            if not found.listed or set(tokens[found.listed_end : index]) <= _SERIES_WORDS:
                found.listed.update(named)
                found.listed_end = index + size
            else:
                found.described.append(term)
            if run[-1] != singular(run)[-1]:
                found.plural = True
        elif what in ("country", "org") and _put_out(tokens, index, found):
            out = found.not_countries if what == "country" else found.not_organizations
            out.add(value)
            found.excluded.append(Term(typed, run, _tags(what, value)))
            found.excluded_end = index + size
        elif what == "person":
            found.names.append(Term(typed, run, _tags(what, value)))
        else:  # a country, an organization or a place
            facet = {"country": found.countries, "org": found.organizations, "place": found.places}[what]
            facet.add(value)
            found.entities.append(Term(typed, run, _tags(what, value)))
        index += size
        found.named += [""] * size
    return found


def _put_out(tokens: Sequence[str], at: int, found: _Found) -> bool:
    """Whether the name starting at `at` is put out of the answer by the words before it ("other
    than", "outside", "not held in"), or follows one put out in a series ("other than Russia and
    Belarus"). The words that put it out are no longer words to rank by. Between them and the name
    only a few function words may come ("other than in", "apart from those in"; in "not only in
    Belarus", "only" is none, so Belarus stays)."""
    if found.excluded_end >= 0 and set(tokens[found.excluded_end : at]) <= _SERIES_WORDS:
        return True
    end = at
    while end > 0 and at - end <= _NEGATION_REACH:
        marker = next((m for m in _EXCLUDING if tuple(tokens[max(0, end - len(m)) : end]) == m), None)
        if marker is not None:
            _drop_words(found, marker)
            return True
        word = tokens[end - 1]
        if word in _NEGATING or (word == "t" and end > 1 and tokens[end - 2].endswith("n")):
            if word == "t" and set(tokens[end:at]) <= {"the", "a", "an"}:
                return False  # "didn't Armenia …" opens a question: the name is its subject
            _drop_words(found, (word,))
            return True
        if not (word in text.STOP_WORDS or _filler(word)):
            return False
        end -= 1
    return False


def _put_out_words(
    tokens: Sequence[str],
    at: int,
    name: _Name | None,
    span: range,
    found: _Found,
) -> int:
    """Read the token at `at` (or the declared name starting there, with its entry), in a phrase
    put out, as a word of that phrase; the next position to read."""
    if at == span.start:  # a new phrase: its marker ("apart from") is no word to rank by
        found.out_texts.append([])
        _drop_words(found, tokens[max(0, at - 2) : at])
    elif tokens[at] in ("and", "or") and found.out_texts[-1]:  # "Search-2023 and Echelon-2023": each
        found.out_texts.append([])
    if name is not None:
        run, (what, value) = name
        found.out_texts[-1].append(Term(" ".join(run), run, _tags(what, value)))
        found.named += [""] * len(run)
        return at + len(run)
    if _saying(tokens[at]):
        found.out_texts[-1].append(Term(tokens[at], (tokens[at],)))
    found.named.append(tokens[at])
    return at + 1


# Irregular pasts, which end a phrase put out as a regular -ed verb does ("besides Kyrgyzstan
# took part"); WordNet lists them (english.txt.gz), but matching reads no database.
_IRREGULAR_PASTS = frozenset(
    "held took made got went came gave met led won sent began brought found kept put set saw".split()
)


def _past(word: str) -> bool:
    """Whether a word is a verb's past: an -ed form, or an irregular one."""
    return (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PASTS


# "The Combat Brotherhood ones": a pro-form stands for a noun said before it and says nothing
# itself. (The singular "one" is also a number: "one of the five maneuvers".)
_PRO_FORMS = frozenset({"ones"})


def _saying(word: str) -> bool:
    """Whether a word says something: not a function word, a pro-form nor a question's filler."""
    return (
        word not in text.STOP_WORDS
        and word not in _CONTRACTED
        and word not in _PRO_FORMS
        and not _filler(word)
        and len(word) > 1
    )


def _drop_words(found: _Found, typed: Sequence[str]) -> None:
    """Take the last words read back out of the words to rank by, where they are these."""
    for word in reversed(typed):
        if found.words and found.words[-1].typed == word:
            found.words.pop()


def _word(word: str, lexicon: Lexicon, found: _Found) -> None:
    """A token no declared name starts at: a kind, an attribution, or a word to rank by. (A kind
    word that a dataset also declares, as the bundled one declares the category conclusion, was
    read as that declared name already.)"""
    single = singular((word,))[0]
    if single in KIND_WORDS:
        found.kinds.add(KIND_WORDS[single])
        found.kind_described = found.kind_described or bool(found.words)
        found.plural = found.plural or word != single
    elif word in ATTRIBUTION_WORDS and lexicon.first((ATTRIBUTION_WORDS[word],)) is not None:
        found.attributions.add(ATTRIBUTION_WORDS[word])
    elif _saying(word) and not (word in LIST_OPENERS and text.is_cyrillic(word)):  # "какими": which
        found.words.append(Term(word, (word,)))


def _filler(word: str) -> bool:
    """A verb or filler of questions in any of its forms ("hold", "holds", "holding", "held")."""
    return any(base in QUESTION_WORDS for base in english.verb_forms(word))
