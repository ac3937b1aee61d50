"""Make data/thesaurus.json from WordNet 3.0: the everyday words for the dataset's own words.

    apt-get install wordnet-base        # Debian's WordNet 3.0 database files
    python scripts/thesaurus.py         # writes data/thesaurus.json
    python scripts/thesaurus.py --check # exits 1 if the committed file is not what this makes

Readers ask in their own words: "deal" for an agreement, "talks" for consultations. The
dataset's words are its claims' summaries and its category names and synonyms. For each
such word this script takes its WordNet senses that fit the dataset, and from each sense
its synonyms and, for a noun, the words one step more specific (hyponyms) and one step
more general (hypernyms) where that is itself a specific word, and the words WordNet derives
from it in that sense or it from them ("agree" for an agreement). A sense fits when its
gloss and its neighbours share words with the article and the dataset (a simplified Lesk
overlap); a word of one sense is kept as it is. The result maps each related word to the
dataset words it may stand for. Nothing here is written for one question: every entry comes
from WordNet and the dataset's own text.

It also writes data/english.txt.gz: every one-word lemma of WordNet, marked as mostly a noun
or mostly a verb, adjective or adverb, and the function words WordNet lacks (spaCy's English
stop words, scripts/sources/), marked as the second sort. `ask` drops a word of the second sort when no claim
holds it ("play", "recent"), but says plainly that the article does not say anything about a
noun no claim, name or source accounts for ("pensions"); and it corrects as a typo only a
word that is no English word at all.

The file is committed, so that installing and running cstofacts needs neither WordNet nor
this script. The reader below follows WordNet's wndb(5) and morphy(7WN) documents; it needs
only the standard library.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")
OUTPUT = ROOT / "data" / "thesaurus.json"
WORDS = ROOT / "data" / "english.txt.gz"
# spaCy's English stop words (scripts/sources/): those WordNet lacks are the closed class.
FUNCTION_WORDS = ROOT / "scripts" / "sources" / "spacy_en_stop_words.txt"
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Function words and question verbs: never a dataset word, never a related word.
STOP = frozenset(
    """
    a an the of in on at to for from by with about into over under within and or nor but up out off
    is are was were be been being am do does did done has have had having it its as that this these
    those which who whom whose what when where why how there their they them he his she her we our
    you your i me my any all every each some such other also not no one two new own more most than
    thus well so very can could would should will shall may might must s
    """.split()
)
# A sense fits the dataset when its signature shares at least this many words with the context.
FIT = 3
# A word of this many senses or more ("face", "part", "centre") names nothing in particular.
VAGUE_WORD = 10
# Only a word's most frequent senses are considered.
SENSES = 3
# Related words whose own senses are this many or more are too vague to stand for one word.
VAGUE = 8
# A more general sense stands for a word when it has few synonyms, or few more specific senses
# ("crime", for cybercrime: six synonyms, and 24 kinds of crime beside it).
NARROW = 30


@dataclass
class Synset:
    offset: str
    pos: str
    lemmas: list[str]
    pointers: list[tuple[str, str, str]]  # (symbol, offset, pos)
    gloss: str
    words: list[str] = field(default_factory=list)  # every lemma in order, names too (pointers count them)
    # Lexical pointers: (symbol, offset, pos, source word, target word), words numbered from 1.
    lexical: list[tuple[str, str, str, int, int]] = field(default_factory=list)


@dataclass
class WordNet:
    index: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    synsets: dict[tuple[str, str], Synset] = field(default_factory=dict)
    exceptions: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def read(cls, root: Path) -> WordNet:
        wn = cls()
        for pos, name in POS.items():
            for line in _lines(root / f"index.{name}"):
                parts = line.split()
                lemma, count, pointers = parts[0], int(parts[2]), int(parts[3])
                wn.index[lemma][pos] = parts[-count:]
                del pointers
            for line in _lines(root / f"data.{name}"):
                synset = _synset(line)
                wn.synsets[(synset.offset, pos)] = synset
            exc = root / f"{name}.exc"
            if exc.exists():
                for line in exc.read_text(encoding="utf-8").splitlines():
                    inflected, *bases = line.split()
                    wn.exceptions[inflected][pos] = bases
        return wn

    def senses(self, lemma: str, pos: str) -> list[Synset]:
        return [self.synsets[(o, pos)] for o in self.index.get(lemma, {}).get(pos, [])]

    def base_forms(self, word: str) -> dict[str, set[str]]:
        """morphy: the lemmas a word form may be, by part of speech."""
        found: dict[str, set[str]] = defaultdict(set)
        for pos in POS:
            for base in self.exceptions.get(word, {}).get(pos, []):
                found[pos].add(base)
            for suffix, ending in _DETACH[pos]:
                if word.endswith(suffix):
                    candidate = word[: len(word) - len(suffix)] + ending
                    if pos in self.index.get(candidate, {}):
                        found[pos].add(candidate)
            if pos in self.index.get(word, {}):
                found[pos].add(word)
        return found


_DETACH = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
          ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}  # fmt: skip


def _lines(path: Path) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("  "):  # the licence header lines start with two spaces
            yield line


def _synset(line: str) -> Synset:
    data, _, gloss = line.partition(" | ")
    parts = data.split()
    offset, pos = parts[0], parts[2]
    pos = "a" if pos == "s" else pos
    count = int(parts[3], 16)
    # Lemmas written with a capital are names (Andrew_Jackson): never an everyday word for ours.
    words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(count)]
    lemmas = [lemma for lemma in words if lemma == lemma.lower()]
    at = 4 + 2 * count
    pointers_count = int(parts[at])
    pointers = []
    lexical = []
    for i in range(pointers_count):
        symbol, target, target_pos, numbers = parts[at + 1 + 4 * i : at + 5 + 4 * i]
        target_pos = "a" if target_pos == "s" else target_pos
        pointers.append((symbol, target, target_pos))
        if numbers != "0000":  # source and target word, two hex digits each (wndb(5WN))
            lexical.append((symbol, target, target_pos, int(numbers[:2], 16), int(numbers[2:], 16)))
    return Synset(offset, pos, lemmas, pointers, gloss.strip(), words, lexical)


def words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower().replace("'s", "")) if w not in STOP and len(w) > 2]


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def dataset_words(dataset: dict) -> tuple[set[str], set[str]]:
    """The dataset's own words (its summaries and category words) and the context they fit."""
    own: set[str] = set()
    for claim in dataset["claims"]:
        own.update(words_of(claim["summary"]))
    for name, category in dataset["categories"].items():
        own.update(words_of(name.replace("-", " ")))
        for synonym in category.get("synonyms", []):
            own.update(words_of(synonym))
    own -= MONTHS  # a month is a date, read as one; "march" the verb is not what a claim means
    context = set(own)
    for source in dataset["sources"]:
        for paragraph in source.get("body", []):
            context.update(words_of(paragraph))
    for category in dataset["categories"].values():
        context.update(words_of(category["description"]))
    return own, context


def neighbours(wn: WordNet, synset: Synset, *, specific: bool = False) -> Iterator[Synset]:
    """The senses one step away, more general or more specific. With `specific`, only the
    general ones that are themselves specific enough to stand for the word (few lemmas)."""
    for symbol, offset, pos in synset.pointers:
        if symbol in ("@", "~"):
            target = wn.synsets.get((offset, pos))
            if target is None:
                continue
            if specific and symbol == "@" and len(target.lemmas) > 3 and _covers(target) > NARROW:
                continue
            yield target


def _covers(synset: Synset) -> int:
    """How many senses are one step more specific than this one: a general sense covers many."""
    return sum(symbol == "~" for symbol, _, _ in synset.pointers)


def derivations(wn: WordNet, synset: Synset, lemma: str) -> Iterator[str]:
    """The words WordNet derives from this lemma in this sense, or it from them ("+" pointers,
    which link one word of a sense to one word of another): a noun's verb, a verb's noun."""
    for symbol, offset, pos, source, target in synset.lexical:
        if symbol != "+" or pos not in ("n", "v") or synset.words[source - 1] != lemma:
            continue
        other = wn.synsets.get((offset, pos))
        if other is not None and 0 < target <= len(other.words):
            word = other.words[target - 1]
            if word == word.lower():  # never a name
                yield word.replace("_", " ")


def fits(wn: WordNet, synset: Synset, word: str, context: set[str], lemmas: set[str]) -> bool:
    """Whether a sense of a dataset word is the dataset's sense: its gloss and neighbours share
    words with the article and the dataset, or it is the word's only sense."""
    if len(lemmas) == 1:
        return True
    signature = set(words_of(synset.gloss))
    for lemma in synset.lemmas:
        signature.update(words_of(lemma.replace("_", " ")))
    for other in neighbours(wn, synset):
        signature.update(words_of(other.gloss))
        for lemma in other.lemmas:
            signature.update(words_of(lemma.replace("_", " ")))
    signature.discard(word)
    return len(signature & context) >= FIT


def build(wn: WordNet, dataset: dict) -> dict[str, object]:
    own, context = dataset_words(dataset)
    related: dict[str, set[str]] = defaultdict(set)
    for word in sorted(own):
        for pos, bases in wn.base_forms(word).items():
            if pos not in ("n", "v"):
                continue
            for base in bases:
                senses = wn.senses(base, pos)
                offsets = {s.offset for s in senses}
                # WordNet lists a word's senses most frequent first: a rare sense rarely is ours.
                fitting = [s for s in senses[:SENSES] if fits(wn, s, base, context, offsets)]
                # When none fits, the most frequent sense (the usual back-off of Lesk's method),
                # for a word that names a thing: "threat", whose glosses share too few words with
                # the article, is still a menace; "still" or "lays" are not nouns in a claim.
                by_pos = wn.index.get(base, {})
                names_a_thing = pos == "n" and not (_mostly_not_noun(by_pos) or _vague(by_pos))
                for synset in fitting or senses[: int(names_a_thing)]:
                    # Verbs: their synonyms only; nouns: one step more specific or more general too.
                    nearby = neighbours(wn, synset, specific=True) if pos == "n" else ()
                    for other in (synset, *nearby):
                        for lemma in other.lemmas:
                            phrase = lemma.replace("_", " ")
                            if _usable(wn, phrase, own):
                                related[phrase].add(word)
                    # The verb a noun is made from, or the noun made from a verb, in this sense:
                    # "conclude" for a conclusion, "decide" for a decision.
                    for derived in derivations(wn, synset, base):
                        if _usable(wn, derived, own):
                            related[derived].add(word)
    return {
        "about": "Made by scripts/thesaurus.py from WordNet 3.0 (Princeton University; WordNet licence) "
        "and the bundled dataset. Do not edit by hand.",
        "related": {k: sorted(v) for k, v in sorted(related.items())},
    }


# The nouns whose values grading adjectives are (WordNet's attribute pointer, "="): how much
# something matters, which the article does not grade its claims by.
GRADED = ("importance", "significance")
_GRADING_GLOSS = re.compile(r"(being )?of\b[^;]*\b(importance|significance)\b")


def grading(wn: WordNet) -> set[str]:
    """The adjectives whose most frequent sense says how much something matters ("key", "main",
    "major", "crucial"): a value of importance or significance (WordNet's attribute pointer), a
    sense similar to one, or a sense its gloss defines so ("of greater importance or stature")."""
    attributes = {(s.offset, "n") for noun in GRADED for s in wn.senses(noun, "n")[:1]}

    def valued(synset: Synset) -> bool:
        return any(symbol == "=" and (offset, pos) in attributes for symbol, offset, pos in synset.pointers)

    def grades(synset: Synset) -> bool:
        if valued(synset) or _GRADING_GLOSS.match(synset.gloss):
            return True
        similar = (wn.synsets.get((o, p)) for symbol, o, p in synset.pointers if symbol == "&")
        return any(other is not None and valued(other) for other in similar)

    adjectives = ((lemma, by_pos["a"]) for lemma, by_pos in wn.index.items() if by_pos.get("a"))
    # WordNet lists a word's senses most frequent first: "big" is of size before importance.
    return {
        lemma
        for lemma, senses in adjectives
        if lemma.isalpha() and lemma.isascii() and grades(wn.synsets[(senses[0], "a")])
    }


def english(wn: WordNet, function_words: Iterable[str] = ()) -> str:
    """Every one-word lemma WordNet has, and every irregular form of one (wrote, closer), a line
    each, with a tab and `n` when it names a thing (mostly a noun, of few senses) or `g` when it
    is mostly a verb, adjective or adverb, or so vague that it names nothing in particular; and,
    as `g`, every function word WordNet does not have (WordNet holds only nouns, verbs,
    adjectives and adverbs, so "than", "because" or "via" would otherwise read as names). An `i`
    after `g` marks an adjective that grades how much something matters (grading); an `o` after
    `g`, a word that is a noun too ("border", "signing"), where a verb or an adjective is not
    ("develop", "new"): what may stand in a noun phrase before its head."""
    sorts = {
        lemma: "g" if _mostly_not_noun(by_pos) or _vague(by_pos) else "n"
        for lemma, by_pos in wn.index.items()
        if lemma.isalpha() and lemma.isascii()
    }
    for inflected, by_pos in wn.exceptions.items():
        if not (inflected.isalpha() and inflected.isascii()):
            continue
        # A form of a verb or adjective ("wrote", "closer") is read as one, whatever else it is.
        if any(pos != "n" for pos in by_pos):
            sorts[inflected] = "g"
        elif inflected not in sorts:
            sorts[inflected] = "g" if "g" in [sorts.get(b, "g") for b in by_pos["n"]] else "n"
    for word in function_words:
        if word.isalpha() and word.isascii() and word not in sorts and word not in wn.exceptions:
            sorts[word] = "g"
    graded = grading(wn)  # only where the word is not mostly a noun ("chief", "peanut")
    nouns = {lemma for lemma, by_pos in wn.index.items() if by_pos.get("n")}
    nouns |= {inflected for inflected, by_pos in wn.exceptions.items() if "n" in by_pos}  # "women"
    return "".join(
        f"{word}\t{sort}{'o' * (sort == 'g' and word in nouns)}{'i' * (sort == 'g' and word in graded)}\n"
        for word, sort in sorted(sorts.items())
    )


def _function_words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _usable(wn: WordNet, phrase: str, own: set[str]) -> bool:
    tokens = words_of(phrase)
    if not tokens or phrase in own or len(phrase) < 3:
        return False
    if " " not in phrase:
        senses = sum(len(v) for v in wn.index.get(phrase, {}).values())
        if senses >= VAGUE:
            return False  # "take", "set", "run": too many senses to stand for one dataset word
    return True


def _vague(by_pos: dict[str, list[str]]) -> bool:
    return sum(len(v) for v in by_pos.values()) >= VAGUE_WORD


def _mostly_not_noun(by_pos: dict[str, list[str]]) -> bool:
    nouns = len(by_pos.get("n", []))
    others = sum(len(v) for p, v in by_pos.items() if p != "n")
    return others > nouns


def _load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def render(result: dict[str, object]) -> str:
    # One entry a line: small, and a change to the data shows as a readable diff.
    related = result["related"]
    assert isinstance(related, dict)
    lines = [json.dumps({"about": result["about"]}, ensure_ascii=False)[:-1] + ","]
    lines.append('"related": {')
    lines += [f"{json.dumps(k)}: {json.dumps(v)}," for k, v in related.items()]
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 dict folder")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "claims.toml")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output file is not current")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.wordnet / "index.noun").exists():
        print(f"no WordNet at {args.wordnet}: apt-get install wordnet-base", file=sys.stderr)
        return 2
    wn = WordNet.read(args.wordnet)
    made = render(build(wn, _load(args.data)))
    words = english(wn, _function_words(FUNCTION_WORDS))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        listed = gzip.decompress(WORDS.read_bytes()).decode() if WORDS.exists() else ""
        if current != made or listed != words:
            print("data/thesaurus.json or data/english.txt.gz is not current: run scripts/thesaurus.py",
                  file=sys.stderr)  # fmt: skip
            return 1
        return 0
    args.output.write_text(made, encoding="utf-8")
    # mtime=0: the same words give the same bytes, so the file changes only when they do.
    WORDS.write_bytes(gzip.compress(words.encode(), compresslevel=9, mtime=0))
    print(f"wrote {args.output} and {WORDS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
