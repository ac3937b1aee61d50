"""Regenerate the README's example output, the SVG screenshots and the manual page from the real CLI.

    python scripts/docs.py           # rewrite README.md, docs/images/*.svg and docs/cstofacts.1
    python scripts/docs.py --check   # exit 1 if any of them is out of date

Every README block that starts with `<!-- run: COMMAND -->` is followed by a
```console block holding `$ COMMAND` and what a 100-column terminal shows when
the command runs. tests/test_docs.py runs the check, so the README cannot drift
from the CLI.
"""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
IMAGES = ROOT / "docs" / "images"
MAN_PAGE = ROOT / "docs" / "cstofacts.1"  # shipped in the wheel too: `cstofacts help --man` prints it
WIDTH = 100
BLOCK = re.compile(r"<!-- run: (?P<cmd>.+?) -->\n```console\n(?P<body>.*?)```\n", re.DOTALL)
# Screenshots: file name -> command; drawn as a table even though we capture through a pipe.
PICTURES = {
    "list.svg": "cstofacts list --year 2023 --category exercise --format table",
    "timeline.svg": "cstofacts timeline --year 2024..2025 --format table",
    "stats-year.svg": "cstofacts stats --by year --format table",
}


@dataclass(frozen=True)
class Example:
    command: str
    shown: str  # what the README holds now
    actual: str | None  # what the CLI prints now; None when a tool it needs is missing

    @property
    def block(self) -> str:
        return f"<!-- run: {self.command} -->\n```console\n$ {self.command}\n{self.actual}```\n"


def _env(**extra: str) -> dict[str, str]:
    unset = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "CSTOFACTS_DATA", "CSTOFACTS_PAGER")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    bin_dir = str(Path(sys.executable).parent)
    # PAGER=cat: what `less -FRX` leaves on the screen, without waiting for a key.
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        COLUMNS=str(WIDTH),
        LINES="50",
        LANG="C.UTF-8",
        PAGER="cat",
    )
    env.update(extra)
    return env


def terminal_output(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run a program with a pseudo-terminal as stdin, stdout and stderr; its exit code and screen."""
    with tempfile.TemporaryDirectory(prefix="cstofacts-docs-") as folder:
        # A private working directory for each example, never a fixed path: what an example
        # writes (export's tour.db) goes there; docs/ is linked in for the examples' own files.
        os.symlink(ROOT / "docs", os.path.join(folder, "docs"))
        return _terminal_output(argv, env, folder)


def _terminal_output(argv: list[str], env: dict[str, str], cwd: str) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd)
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
    code = proc.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def run_in_terminal(command: str) -> str:
    """Run a shell command on a pseudo-terminal with no colour, as a reader's terminal shows it."""
    _, text = terminal_output(["bash", "-c", command], _env(TERM="dumb"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def examples(text: str) -> list[Example]:
    found = []
    for match in BLOCK.finditer(text):
        command = match["cmd"]
        needs = [tool for tool in ("jq", "sqlite3") if re.search(rf"(\||&&) *{tool}\b", command)]
        missing = any(shutil.which(tool) is None for tool in needs)
        actual = None if missing else run_in_terminal(command)
        shown = match["body"].split("\n", 1)[1] if "\n" in match["body"] else ""
        found.append(Example(command, shown, actual))
    return found


def render_readme(text: str) -> tuple[str, list[Example]]:
    """The README with every example re-run, and the examples themselves."""
    found = examples(text)
    by_command = {e.command: e for e in found}

    def replace(match: re.Match[str]) -> str:
        example = by_command[match["cmd"]]
        return match[0] if example.actual is None else example.block

    return BLOCK.sub(replace, text), found


def picture(command: str) -> str:
    """An SVG of the real CLI's coloured output for a command."""
    from rich.console import Console
    from rich.text import Text

    env = _env(FORCE_COLOR="1", TERM="xterm-256color")
    output = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, cwd=ROOT)
    if output.returncode != 0:
        raise RuntimeError(f"{command!r} failed: {output.stderr}")
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(Text.from_ansi(output.stdout.rstrip("\n")), soft_wrap=True)
    return console.export_svg(title=command.replace(" --format table", ""))


# -- the manual page ------------------------------------------------------------------------------

# What the help cannot say about the environment: each variable once, with where it is explained.
ENVIRONMENT = (
    ("CSTOFACTS_DATA", "The dataset to read instead of the bundled one, as --data."),
    ("CSTOFACTS_NO_CACHE", "Any value but 0, false, no or off: compile in memory, as --no-cache."),
    ("XDG_CACHE_HOME", "Where the cache lives (cstofacts/ under it); else ~/.cache/cstofacts."),
    ("CSTOFACTS_PAGER, PAGER", "The pager for long output on a terminal, in that order; else less -FRX. "
     "An empty value or cat turns paging off, as --no-pager."),
    ("NO_COLOR", "Any value: no colour. --color always still gives colour."),
    ("CLICOLOR_FORCE", "Any value but 0: colour even when piped, unless NO_COLOR is set."),
    ("FORCE_COLOR", "0 or false: no colour; any other value: colour even when piped."),
    ("CLICOLOR", "0: no colour."),
    ("COLUMNS, LINES", "The width and height of the screen, when they are sane numbers."),
)  # fmt: skip


def _roff(text: str) -> str:
    """Text as roff reads it literally: backslashes, hyphens, non-ASCII and a leading dot or quote escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Non-ASCII as groff's Unicode escapes, which every roff reads whatever its input encoding.
    text = "".join(c if c.isascii() else f"\\[u{ord(c):04X}]" for c in text)
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def _help_paragraphs(text: str) -> list[str]:
    """A command's help as roff paragraphs: prose joined into lines, example commands kept as they are."""
    out = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines()]
        if lines and all(line.startswith("cstofacts ") for line in lines):
            out.append(".PP\n.RS 4\n.nf\n" + _roff("\n".join(lines)) + "\n.fi\n.RE")
        else:
            out.append(".PP\n" + _roff(" ".join(lines)))
    return out


def _options(command: object, ctx: object) -> list[str]:
    out = []
    for param in command.params:  # type: ignore[attr-defined]
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, text = record
        out.append(".TP\n.B " + _roff(names) + "\n" + _roff(text))
    return out


def man_page() -> str:
    """The manual page, in roff, made from the commands' own help (cstofacts.cli.app builds it)."""
    import typer

    from cstofacts import __version__
    from cstofacts.cli.app import COMMANDS, EPILOG, HELP, _root, build_app

    group = typer.main.get_command(build_app())
    root = typer.Context(group, info_name="cstofacts")
    lines = [
        f'.TH CSTOFACTS 1 "" "cstofacts {__version__}" "User Commands"',
        ".SH NAME",
        "cstofacts \\- " + _roff((_root.__doc__ or "").strip().rstrip(".")),
        ".SH SYNOPSIS",
        ".B cstofacts",
        "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        _roff(HELP),
        ".SH GLOBAL OPTIONS",
        "They come before the command.",
        *_options(group, root),
        ".SH COMMANDS",
    ]
    for name in COMMANDS:
        command = group.get_command(root, name)  # type: ignore[attr-defined]
        ctx = typer.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(ctx))
        lines += [".SS " + _roff(f"cstofacts {name} {usage}"), *_help_paragraphs(command.help or "")]
        lines += _options(command, ctx)
    lines += [".SH ENVIRONMENT"]
    for variable, meaning in ENVIRONMENT:
        lines += [".TP", ".B " + _roff(variable), _roff(meaning)]
    lines += [".SH EXIT STATUS", _roff(EPILOG.removeprefix("Exit codes: ").capitalize())]
    lines += [".SH SEE ALSO", "The README of cstofacts, and \\fBdatasette\\fR(1), \\fBsqlite\\-utils\\fR(1)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    page = man_page()
    if not MAN_PAGE.exists() or MAN_PAGE.read_text(encoding="utf-8") != page:
        stale.append(str(MAN_PAGE.relative_to(ROOT)))
        if not check:
            MAN_PAGE.write_text(page, encoding="utf-8")
    text = README.read_text(encoding="utf-8")
    new_text, found = render_readme(text)
    if new_text != text:
        stale.append("README.md")
        if not check:
            README.write_text(new_text, encoding="utf-8")
    skipped = [e.command for e in found if e.actual is None]
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, command in PICTURES.items():
        path = IMAGES / name
        svg = picture(command)
        if not path.exists() or path.read_text(encoding="utf-8") != svg:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                path.write_text(svg, encoding="utf-8")
    for command in skipped:
        print(f"not checked (a tool it pipes into is missing): {command}", file=sys.stderr)
    if stale:
        print(("out of date: " if check else "rewrote: ") + ", ".join(stale), file=sys.stderr)
        return 1 if check else 0
    print("docs are up to date", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
