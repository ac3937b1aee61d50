"""Helpers for the tests: paths, the bundled data as plain TOML, small datasets, and the installed command."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # cstofacts depends on tomli before 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BUNDLED = ROOT / "data" / "claims.toml"
MINIMAL = DATA / "minimal.toml"
EXE = str(Path(sys.executable).parent / "cstofacts")
# HOME as the suite found it, before conftest gives every test its own: for tools such as pip
# that read their settings from it. cstofacts itself never sees it.
REAL_HOME = os.environ.get("HOME", "/")
# Variables that change what the command prints; each test sets the ones it means.
_UNSET = (
    "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "CSTOFACTS_DATA", "CSTOFACTS_NO_CACHE",
    "COLUMNS", "LINES", "TERM", "CSTOFACTS_PAGER", "PAGER",
)  # fmt: skip
# On a pseudo-terminal, long output would go to `less`, which waits for a key: tests that page say so.
NO_PAGER = {"PAGER": "cat"}


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def ids(result: Result) -> list[str]:
    """The first column of plain output: the ids, in order."""
    return [line.split("\t", 1)[0] for line in result.out.splitlines()]


def bundled() -> dict[str, Any]:
    """data/claims.toml parsed by tomllib, for tests that compute what to expect on their own."""
    return tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


def involved(claim: dict[str, Any], places: dict[str, Any]) -> set[str]:
    """The countries a claim involves as --country reads it: those it names, and the country of
    the place it was held in (`places`: the dataset's [places] table)."""
    place = places.get(claim.get("location") or "", {})
    return set(claim.get("countries", [])) | ({place["country"]} if place else set())


def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def child_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The test's environment (with its private XDG_CACHE_HOME and HOME), less what changes output."""
    base = {k: v for k, v in os.environ.items() if k not in _UNSET}
    base.update(NO_PAGER)
    base.update(env or {})
    return base


def run(
    *args: str,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 120,
    **kwargs: object,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `cstofacts` command in the test's environment plus `env`."""
    return subprocess.run(
        [EXE, *args],
        capture_output=True,
        text=True,
        env=child_env(env),
        input=stdin,
        timeout=timeout,
        check=False,
        **kwargs,
    )  # type: ignore[call-overload]


def shell(
    command: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run a bash command line with the installed command first on PATH, in the test's environment."""
    base = child_env(env)
    base["PATH"] = str(Path(sys.executable).parent) + os.pathsep + base.get("PATH", "")
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=base, timeout=timeout, check=False
    )


def docs_script() -> ModuleType:
    """scripts/docs.py, which re-runs the README examples, loaded as a module."""
    return script("docs")


def script(name: str) -> ModuleType:
    """scripts/NAME.py loaded as a module (the scripts are not part of the package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_script", ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# -- small datasets ---------------------------------------------------------------------------

# The vocabulary and source of tests/data/minimal.toml, without a body, so a claim may say anything;
# plus a place, so that a claim's location can involve a country.
HEAD = """\
schema = 3

[categories]
exercise = "An exercise."
meeting = "A meeting."

[attributions]
article = "The article's own reporting."
analyst = "The analyst."

[countries.BY]
alpha3 = "BLR"
name = "Belarus"
adjectives = ["Belarusian"]

[countries.KG]
alpha3 = "KGZ"
name = "Kyrgyzstan"
adjectives = ["Kyrgyz"]

[organizations.CSTO]
name = "Collective Security Treaty Organization"
aliases = []

[organizations.UN]
name = "United Nations"
aliases = ["ООН"]

[places.Minsk]
country = "BY"

[[sources]]
id = "doc"
headline = "A test document"
paragraphs = 5
"""


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(value)


def claim_toml(claim_id: str, **fields: object) -> str:
    """One [[claims]] table: an event of the test source, dated when `date` is given."""
    values: dict[str, object] = {
        "id": claim_id,
        "source": "doc",
        "kind": "event",
        "category": "meeting",
        "summary": f"Claim {claim_id}.",
        "countries": [],
        "organizations": [],
        "paragraphs": [1],
        "attributed_to": "article",
    }
    if "date" in fields:
        values["date_basis"] = "stated"
    values.update(fields)
    lines = [f"{key} = {_toml_value(value)}" for key, value in values.items() if value is not None]
    return "\n[[claims]]\n" + "\n".join(lines) + "\n"


def dataset_text(*claims: str) -> str:
    """A schema-2 dataset of HEAD and the given claim tables."""
    return HEAD + "".join(claims)


def long_folder(tmp_path: Path, letter: str = "d") -> Path:
    """A new folder whose name is 100 letters: any path in it is longer than a message shows whole."""
    folder = tmp_path / (letter * 100)
    folder.mkdir()
    return folder


def write_dataset(path: Path, *claims: str) -> str:
    path.write_text(dataset_text(*claims), encoding="utf-8")
    return str(path)


def pty_run(
    args: list[str], env: dict[str, str], *, stdin: Any = subprocess.DEVNULL, timeout: float = 60
) -> tuple[int, bytes, str]:
    """Run the installed command with stdout on a pseudo-terminal and stderr on a pipe.

    The environment is the test's own, less what changes how output looks, plus `env`.
    Returns the exit code, the raw screen bytes and stderr.
    """
    import pty

    base = {k: v for k, v in os.environ.items() if k not in _UNSET}
    base.update(NO_PAGER)
    base.update(env)
    master, slave = pty.openpty()
    proc = subprocess.Popen([EXE, *args], stdin=stdin, stdout=slave, stderr=subprocess.PIPE, env=base)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    code = proc.wait(timeout=timeout)
    return code, b"".join(chunks), err
