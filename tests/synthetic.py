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
