"""Generated datasets of any size, built from the bundled claims, for scale and robustness tests."""

from __future__ import annotations

import re

from cstofacts import dataset

_PARENT = re.compile(r'^parent = ".*"\n', re.MULTILINE)
_ID = re.compile(r'^id = "(.*)"', re.MULTILINE)


def generate(count: int) -> str:
    """A valid dataset of `count` claims: the bundled ones repeated under new ids."""
    text = dataset.bundled_text()
    head, _, body = text.partition("[[claims]]")
    blocks = [_PARENT.sub("", b) for b in ("[[claims]]" + body).split("[[claims]]")[1:]]
    out = [head]
    for index in range(count):
        block = _ID.sub(f'id = "\\1-{index}"', blocks[index % len(blocks)], count=1)
        out.append("[[claims]]" + block.rstrip("\n") + "\n\n")
    return "".join(out)
