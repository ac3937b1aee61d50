"""cstofacts.output.views.base, pinned where mutation testing found the suite silent (docs/testing.md).

A view drawn with colour asked for (--color always) carries its styles: bold headings, dim notes.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers import MINIMAL, Result


def test_a_view_drawn_in_colour_keeps_its_styles(cli: Callable[..., Result]) -> None:
    result = cli("--data", str(MINIMAL), "--color", "always", "read", "1", "--format", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "\x1b[1m¶1\x1b[0m\n"
        "In 2023 an umbrella exercise [with brackets] was held in Belarus by the CSTO.\n"
        "\x1b[2mcited by: \x1b[0m\x1b[2mumbrella, drill\x1b[0m\n"
    )


def test_a_table_drawn_in_colour_shows_its_ids_in_cyan_and_nothing_else(cli: Callable[..., Result]) -> None:
    result = cli(
        "--data", str(MINIMAL), "--color", "always", "list", "--fields", "id,kind", "--format", "table"
    )
    assert (result.code, result.err) == (0, "")
    rows = result.out.splitlines()[2:]
    assert rows == [
        "\x1b[36mumbrella\x1b[0m\x1b[36m \x1b[0m  event",
        "\x1b[36mdrill\x1b[0m\x1b[36m   \x1b[0m\x1b[36m \x1b[0m  event",
        "\x1b[36mtalks\x1b[0m\x1b[36m   \x1b[0m\x1b[36m \x1b[0m  event",
    ]
