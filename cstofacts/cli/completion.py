"""Shell completion as Typer does it, with zsh's descriptions quoted so that they arrive whole.

Typer's zsh completion prints `_arguments '*: :(("value":"description" ...))'`, which the
script it installs runs through `eval`. Inside that single-quoted word Typer doubles an
apostrophe (''), which zsh reads as the end of one quoted string and the start of the next, so
"General's" arrives as "Generals". Here an apostrophe closes the quote, adds an escaped one and
reopens it ('\''), and each value and description is escaped for the double quotes around it.
Bash, fish and PowerShell are Typer's own, unchanged.
"""

from __future__ import annotations

from typing import Any

from typer._completion_classes import ZshComplete  # Typer's zsh completion, the class it registers


def _zsh_quoted(text: str) -> str:
    """Text for a double-quoted item of _arguments' ((…)) list inside a single-quoted shell word."""
    for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("$", "\\$"), ("`", "\\`"), (":", "\\\\:")):
        text = text.replace(char, escaped)
    return " ".join(text.split()).replace("'", "'\\''")


class Zsh(ZshComplete):
    def format_completion(self, item: Any) -> str:
        value = f'"{_zsh_quoted(item.value)}"'
        return f'{value}:"{_zsh_quoted(item.help)}"' if item.help else value


def register() -> None:
    """Use these classes for the shells named; call after Typer has registered its own."""
    from typer._click.shell_completion import add_completion_class

    add_completion_class(Zsh, "zsh")
