"""Start-up stays light: a machine-format query never imports Rich or pydantic."""

from __future__ import annotations

import subprocess
import sys
import tempfile

PROBE = """
import sys
from cstofacts.cli import main
try:
    main({args!r})
except SystemExit as exit:
    assert exit.code == 0, exit.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("rich", "pydantic", "pygments", "markdown_it"))
print(",".join(heavy))
"""


def loaded(*args: str) -> str:
    code = PROBE.format(args=list(args))
    # Run outside the source tree, so the installed package is what gets imported.
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tempfile.gettempdir()
    )
    return result.stdout.splitlines()[-1]


def test_json_query_loads_neither_rich_nor_pydantic() -> None:
    assert loaded("list", "--year", "2023", "--format", "json") == ""


def test_other_machine_formats_stay_light_too() -> None:
    for fmt in ("plain", "jsonl", "tsv", "csv", "markdown"):
        assert loaded("list", "--year", "2023", "--format", fmt) == "", fmt
    assert loaded("search", "Khujand", "--format", "json") == ""
    assert loaded("show", "minsk", "--format", "json") == ""
    assert loaded("stats", "--by", "year", "--format", "json") == ""


def test_drawing_loads_rich_and_only_what_it_draws_with() -> None:
    listed = loaded("list", "--year", "2023", "--format", "table").split(",")
    assert "rich.console" in listed
    assert "rich.table" not in listed  # the list view lays out its own columns
    assert "rich.table" in loaded("stats", "--by", "year", "--format", "table").split(",")
