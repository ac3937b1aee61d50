"""cstofacts.mentions, pinned where mutation testing found the suite silent (docs/testing.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import Result

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _drafted(cli: Callable[..., Result], tmp_path: Path, paragraph: str) -> list[dict[str, object]]:
    article = tmp_path / "article.txt"
    article.write_text(f"Talks\n\nJane Holloway\nWorld\n\n{paragraph}\n", encoding="utf-8")
    out = tmp_path / "draft.toml"
    result = cli("new", str(article), "-o", str(out), "--force")
    assert result.code == 0, result.err
    claims: list[dict[str, object]] = tomllib.loads(out.read_text(encoding="utf-8"))["claims"]
    return claims


def test_an_acronym_is_named_only_as_written_not_by_a_lower_case_word(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # "un-signed" and "nato" in lower case are not the United Nations or NATO; "UN" is.
    (claim,) = _drafted(cli, tmp_path, "The un-signed letter of 2024 spoke of nato plans.")
    assert claim["organizations"] == []
    (claim,) = _drafted(cli, tmp_path, "The UN letter of 2024 spoke of NATO plans.")
    assert claim["organizations"] == ["UN", "NATO"]


def test_a_name_is_named_in_any_case(cli: Callable[..., Result], tmp_path: Path) -> None:
    (claim,) = _drafted(cli, tmp_path, "In 2024 the united nations and KYRGYZSTAN met.")
    assert (claim["organizations"], claim["countries"]) == (["UN"], ["KG"])
