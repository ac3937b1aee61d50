"""Helpers for the tests: paths, and running the installed command as a subprocess."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXE = str(Path(sys.executable).parent / "cstofacts")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    **kwargs: object,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `cstofacts` command with a clean environment plus `env`."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "CSTOFACTS_DATA", "COLUMNS", "TERM")
    }
    base.update(env or {})
    return subprocess.run(
        [EXE, *args],
        capture_output=True,
        text=True,
        env=base,
        input=stdin,
        timeout=timeout,
        check=False,
        **kwargs,
    )  # type: ignore[call-overload]


def shell(
    command: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a shell pipeline with the installed command first on PATH."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CSTOFACTS_DATA")}
    base["PATH"] = str(Path(sys.executable).parent) + os.pathsep + base.get("PATH", "")
    base.update(env or {})
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=base, timeout=timeout, check=False
    )


def docs_script() -> ModuleType:
    """scripts/docs.py, which re-runs the README examples, loaded as a module."""
    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
