"""Words as search sees them: Unicode word boundaries, case and accents folded, dashes as separators."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# A word is a run of letters and digits (Unicode categories L and N), as in FTS5's unicode61
# tokenizer, so Python and the index always agree on where words begin and end.
_WORD = r"[^\W_]+"
_WORDS = re.compile(_WORD)
_LATIN_MARKS = r"([a-z])[\u0300-\u036f]+"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})

# Words that carry no meaning in a query: function words and the verbs of questions.
# Kept short on purpose: a content word wrongly listed here can never be searched for.
STOP_WORDS = frozenset(
    """
    a an the of in on at to for from by with about into over under within and or nor but up out off
    is are was were be been being am do does did done has have had having
    what which who whom whose when where why how whats whos
    this that these those it its there their they them he his she her we our you your i me my
    any all every each some
    s t ll d
    tell show list give find say says said according mention mentions mentioned
    please can could would should will shall may might must
    article claim claims
    """.split()
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text; apostrophes made alike.

    Accents are taken off Latin letters only, as FTS5's unicode61 tokenizer does:
    Cyrillic й stays й, so Python and the index agree on every word.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return unicodedata.normalize("NFC", re.sub(_LATIN_MARKS, r"\1", decomposed))


def words(text: str) -> list[str]:
    """The folded words of a text, in order; dashes, apostrophes and punctuation separate them."""
    return _WORDS.findall(fold(text))


def normalize(text: str) -> str:
    """The folded words of a text joined by single spaces: the key names are compared by."""
    return " ".join(words(text))


# Cardinal numbers written as words, English and Russian: a claim holding one states a number.
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion dozen dozens hundreds thousands millions "
    "один одна два две три четыре пять шесть семь восемь девять десять пятнадцать двадцать сто тысяча "
    "миллион".split()
)


# Beyond what JSON must escape: characters a terminal would obey if someone cats the file (C1
# controls, DEL, bidi overrides, line and paragraph separators). Inside JSON they occur only in
# strings, where a \u escape is valid.
JSON_EXTRA = "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


# plain and tsv write a tab, a line break or a backslash in a value as its escape.
TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def cell(value: Any) -> str:
    """One value as text: None as empty, lists joined by commas, evidence as `¶13 "quote"; ¶8 "quote"`.

    Evidence quotes are written exactly, inner quotation marks included, so the evidence cell
    is for reading; json and jsonl carry each paragraph and quote separately.
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], Mapping):
            return "; ".join(f'¶{e["paragraph"]} "{e["quote"]}"' for e in value)
        return ",".join(str(v) for v in value)
    return str(value)


def plain_line(cells: Iterable[str]) -> str:
    """One plain (or tsv) line: the cells tab-separated, each escaped."""
    return "\t".join(value.translate(TSV_ESCAPES) for value in cells) + "\n"


def json_safe(encoded: str) -> str:
    """JSON text with every character of JSON_EXTRA written as a \\u escape."""
    found = re.search(JSON_EXTRA, encoded)
    return encoded if found is None else re.sub(JSON_EXTRA, lambda m: f"\\u{ord(m.group()):04x}", encoded)


def singular(word: str) -> str:
    """The singular of a regular English plural (exercises, countries, matches); other words as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def meaningful(tokens: list[str]) -> list[str]:
    """The tokens that are not stop words."""
    return [t for t in tokens if t not in STOP_WORDS]


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def stem_russian(word: str) -> str:
    """A Russian word's Snowball stem, taken again until it stops changing.

    Russian names decline: Таджикистане, Таджикистана. One pass of the Snowball stemmer can
    leave a case form and the nominative with different stems (таджикистан, таджикиста); a
    stem of a stem is stable, and all forms of a name reach the same one. Words of other
    scripts come back as they are.
    """
    if not is_cyrillic(word):
        return word
    stemmer = _russian()
    word = word.removesuffix("ь")  # the soft sign ends some nominatives only: Беларусь, Беларуси
    for _ in range(8):  # each pass only shortens the word; a few passes reach the fixpoint
        shorter = stemmer.stemWord(word)
        if shorter == word or len(shorter) < 3:
            break
        word = shorter
    return word


_STEMMER: list[object] = []


def _russian() -> Any:
    if not _STEMMER:
        import snowballstemmer  # type: ignore[import-untyped]  # only when a Russian word is read

        _STEMMER.append(snowballstemmer.stemmer("russian"))
    return _STEMMER[0]
