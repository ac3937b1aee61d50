"""Generated datasets of any size, built from the bundled claims, for scale and robustness tests."""

from __future__ import annotations

import re

from cstofacts.store.reader import bundled_bytes

_PARENT = re.compile(r'^parent = ".*"\n', re.MULTILINE)
_ID = re.compile(r'^id = "(.*)"', re.MULTILINE)
_CLAIMS = re.compile(r"^\[\[claims\]\]\n", re.MULTILINE)


def generate(count: int) -> str:
    """A valid schema-2 dataset of `count` claims: the bundled ones repeated under new ids.

    The vocabularies and the source (with its body) are kept as they are, so every evidence
    quote still lies in its paragraph; parent links are dropped, since the parents are renamed.
    """
    text = bundled_bytes().decode("utf-8")
    head, *blocks = _CLAIMS.split(text)
    assert re.search(r"^schema = 3$", head, re.MULTILINE), "the bundled dataset is not schema 3"
    blocks = [_PARENT.sub("", block).rstrip("\n") + "\n\n" for block in blocks]
    out = [head]
    for index in range(count):
        block = _ID.sub(f'id = "\\1-{index}"', blocks[index % len(blocks)], count=1)
        out.append("[[claims]]\n" + block)
    return "".join(out)


_SOURCE = "csto-adapts-to-global-changes"


def article(number: int, count: int) -> str:
    """One file of a generated corpus: `generate(count)` as its own article, with a source id and
    claim ids no other file of the corpus uses."""
    text = _ID.sub(f'id = "\\1-a{number}"', generate(count))
    text = text.replace(f'id = "{_SOURCE}-a{number}"', f'id = "article-{number}"')
    return text.replace(f'source = "{_SOURCE}"', f'source = "article-{number}"')


def corpus(folder: str, files: int, count: int) -> list[str]:
    """Write a corpus of `files` articles of `count` claims each into `folder`; their paths."""
    import os

    paths = []
    for number in range(files):
        path = os.path.join(folder, f"article-{number:05d}.toml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(article(number, count))
        paths.append(path)
    return paths
