"""Fixtures: a private cache and home for every test, and the CLI run in-process through its entry point."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import Result
from hypothesis import settings

from cstofacts.cli import main

# Machines here are shared and noisy: no property test may fail for taking long. In CI the
# examples are derandomized, so a run is repeatable and a landing never hangs on a lucky draw.
settings.register_profile("cstofacts", deadline=None, derandomize=bool(os.environ.get("CI")))
settings.load_profile("cstofacts")


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module- and session-scoped fixtures run before the per-test fixture below: give them a private
    cache and home too, so nothing in the suite ever reads or writes the real ones."""
    root = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root / "cache"))
        patch.setenv("HOME", str(root))
        patch.delenv("CSTOFACTS_NO_CACHE", raising=False)
        patch.delenv("CSTOFACTS_DATA", raising=False)
        yield


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own XDG_CACHE_HOME and HOME (subprocesses inherit them through os.environ);
    the cache is on (CSTOFACTS_NO_CACHE unset). Returns the directory cstofacts caches databases in."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("HOME", str(root))
    monkeypatch.delenv("CSTOFACTS_NO_CACHE", raising=False)
    monkeypatch.delenv("CSTOFACTS_DATA", raising=False)
    return root / "cache" / "cstofacts"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `cstofacts ARGS` through the real entry point, stdout not a terminal."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        code = exit_info.value.code
        assert isinstance(code, int), f"exit code {code!r} is not a number"
        return Result(code, out, err)

    return invoke
