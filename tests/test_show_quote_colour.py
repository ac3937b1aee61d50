"""`show` in colour draws each evidence quote inside its paragraph: the words before the quote dim,
the quote bold, and the words after it dim again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import HEAD, Result, claim_toml

PARAGRAPH = "Before that, the CSTO held talks in Minsk with officials. Then they left."
QUOTE = "the CSTO held talks in Minsk"


def test_show_in_colour_dims_the_paragraph_before_and_after_the_quote(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "quoted.toml"
    head = HEAD.replace("paragraphs = 5", f'body = ["{PARAGRAPH}"]')
    claim = claim_toml("talks", summary="The CSTO held talks in Minsk.")
    path.write_text(head + claim + f'evidence = [{{ paragraph = 1, quote = "{QUOTE}" }}]\n', "utf-8")
    result = cli("--data", str(path), "--color", "always", "show", "talks", "--format", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out.endswith(
        "\n\x1b[1m¶1\x1b[0m\n"
        "  \x1b[2mBefore that, \x1b[0m"
        "\x1b[1mthe CSTO held talks in Minsk\x1b[0m"
        "\x1b[2m with officials. Then they left.\x1b[0m\n"
    ), result.out
