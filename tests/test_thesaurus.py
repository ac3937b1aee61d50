"""The thesaurus from WordNet: everyday words reach the dataset's words, and the files are current."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, ids, write_dataset

from cstofacts.store import THESAURUS, open_store

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")


def test_the_cache_key_knows_the_thesaurus() -> None:
    files = ((ROOT / "data" / name).read_bytes() for name in ("thesaurus.json", "english.txt.gz"))
    digest = hashlib.sha256(b"".join(files)).hexdigest()[:12]
    assert digest == THESAURUS, "data/ changed: set THESAURUS in cstofacts/store/__init__.py"


def test_the_thesaurus_is_what_the_script_makes() -> None:
    if not (WORDNET / "index.noun").exists():
        if os.environ.get("CI"):
            pytest.fail("CI installs wordnet-base (.ci/run); it is missing")
        pytest.skip("WordNet is not installed here: apt-get install wordnet-base")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "thesaurus.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_entry_points_at_words_of_the_dataset() -> None:
    related = json.loads((ROOT / "data" / "thesaurus.json").read_text(encoding="utf-8"))["related"]
    assert related["boundary"] == ["border"]
    assert "signing" in related["ratify"]
    for word, targets in related.items():
        assert targets and word not in targets, word


def test_an_everyday_word_finds_the_claims_of_its_dataset_word(cli: Callable[..., Result]) -> None:
    assert ids(cli("search", "boundary")) == ids(cli("search", "border"))
    ratified = ids(cli("search", "ratify"))
    assert "khujand-border-agreement-2025-03-31" in ratified
    assert set(ratified) <= set(ids(cli("search", "signed")) + ids(cli("search", "signing")))


@pytest.mark.parametrize("typed", ["3200", "3,200", "15000", "15 000"])
def test_a_number_is_found_however_its_thousands_are_written(
    cli: Callable[..., Result], tmp_path: Path, typed: str
) -> None:
    # The index holds "3,200" as the words 3 and 200: a number typed without the comma is looked
    # for as its groups of three, and one written with it as that phrase.
    data = write_dataset(
        tmp_path / "numbers.toml",
        claim_toml("troops", summary="About 3,200 troops took part in the drills."),
        claim_toml("spent", summary="The members spent 15,000 on the new centre."),
        claim_toml("other", summary="The 200 observers and 3 teams came back."),
    )
    want = "troops" if typed.startswith("3") else "spent"
    assert ids(cli("--data", data, "search", typed)) == [want]
    # and never as its digits apart: "the 200 observers and 3 teams" holds both, not as a number
    assert sorted(ids(cli("--data", data, "search", "--any", typed, "observers"))) == sorted([want, "other"])


def test_a_word_neither_claims_nor_thesaurus_know_still_finds_nothing(cli: Callable[..., Result]) -> None:
    result = cli("search", "pensions")
    assert result.code == 1
    assert result.out == ""


@pytest.mark.parametrize(
    ("word", "sort"),
    [
        ("pensions", "n"),  # a thing
        ("headquarters", "n"),  # a noun, though "headquarter" is a verb
        ("wrote", "g"),  # an irregular verb form
        ("closer", "g"),  # an adjective's comparative, though also a noun
        ("face", "g"),  # too many senses to name anything in particular
        ("tokayev", None),  # not English: a name, or a typo
    ],
)
def test_the_sort_of_a_word(word: str, sort: str | None) -> None:
    store = open_store(None, use_cache=False)
    assert store.sort_of(word) == sort


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("agreement", True),  # a thing
        ("border", True),  # a verb too, and vaguer, but a noun
        ("borders", True),  # by its base
        ("develop", False),  # a verb only
        ("developed", False),
        ("new", False),  # an adjective only
        ("tokayev", False),  # not in WordNet at all
    ],
)
def test_whether_a_word_may_be_a_noun(word: str, noun: bool) -> None:
    store = open_store(None, use_cache=False)
    assert store.may_be_noun(word) is noun


def test_the_word_list_is_plain_and_sorted() -> None:
    lines = gzip.decompress((ROOT / "data" / "english.txt.gz").read_bytes()).decode("ascii").splitlines()
    words = [line.split("\t")[0] for line in lines]
    assert words == sorted(words)
    # i: an adjective that grades importance; o: a verb or an adjective that is a noun too
    assert {line.split("\t")[1] for line in lines} == {"n", "g", "gi", "go", "goi"}
    assert len(words) > 50_000


@pytest.mark.parametrize(
    ("verb", "noun"), [("agree", "agreement"), ("decide", "decision"), ("publish", "publication")]
)
def test_a_verb_reaches_the_noun_wordnet_derives_it_from(verb: str, noun: str) -> None:
    # WordNet's derivation links ("+"), in the dataset's sense of the noun: a reader's verb for
    # what the claims name with a noun whose stem differs (agree: agre-, agreement: agreement).
    related = json.loads((ROOT / "data" / "thesaurus.json").read_text(encoding="utf-8"))["related"]
    assert noun in related[verb]


def test_a_question_s_verb_finds_the_claims_of_its_noun(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what did Tajikistan and Kyrgyzstan agree on", "--explain")
    assert "cstofacts: 'agree': a word for: agreement\n" in result.err
    assert "khujand-border-agreement-2025-03-31" in ids(result)


@pytest.mark.parametrize(("general", "specific"), [("crime", "cybercrime"), ("offence", "cybercrime")])
def test_a_more_general_word_of_many_synonyms_but_few_kinds_stands_for_the_specific_one(
    general: str, specific: str
) -> None:
    # WordNet's "crime" has six synonyms (offence, law-breaking …) but few kinds under it: it is
    # as specific a word for cybercrime as a reader uses ("online crime").
    related = json.loads((ROOT / "data" / "thesaurus.json").read_text(encoding="utf-8"))["related"]
    assert specific in related[general]


def test_a_reader_s_general_word_finds_the_claim_of_the_specific_one(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "is online crime named as a threat", "--fields", "id")
    assert "cstofacts: 'crime': a word for: cybercrime\n" in result.err
    assert ids(result)[0] == "task-transnational-threats"


def test_a_noun_no_sense_of_which_fits_the_article_keeps_its_most_frequent_sense() -> None:
    # "threat": none of its senses' glosses shares enough words with the article; its first
    # (most frequent) sense still gives the words readers use for it.
    related = json.loads((ROOT / "data" / "thesaurus.json").read_text(encoding="utf-8"))["related"]
    assert "threats" in related["danger"] and "threats" in related["menace"]
    # Not for a word the claims use mostly as something else: "still", "lays" are no nouns there.
    assert "still" not in related.get("photo", []) and "lays" not in related.get("song", [])


def test_a_reader_s_word_for_a_threat_finds_the_claims_about_threats(cli: Callable[..., Result]) -> None:
    result = cli("ask", "Which dangers did the new Secretariat leadership have to respond to?", "--explain")
    assert "cstofacts: 'dangers': a word for: threats\n" in result.err
    assert ids(result)[0] == "task-transnational-threats"


def test_explain_lists_every_word_a_reader_s_word_stands_for(cli: Callable[..., Result]) -> None:
    # The thesaurus's words for "boss", each named, as a reader can check them.
    related = json.loads((ROOT / "data" / "thesaurus.json").read_text(encoding="utf-8"))["related"]
    result = cli("ask", "what did the boss do", "--explain")
    assert f"cstofacts: 'boss': a word for: {', '.join(related['boss'])}\n" in result.err
    assert len(related["boss"]) > 1
