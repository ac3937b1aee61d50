"""Fixtures: run the CLI in-process through its real entry point."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result

from cstofacts.cli import main


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `cstofacts ARGS` through the real entry point, stdout not a terminal."""
    monkeypatch.delenv("CSTOFACTS_DATA", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        code = exit_info.value.code
        return Result(code if isinstance(code, int) else 1, out, err)

    return invoke
