"""One module per command: its options, the core call, and how the result is presented.

These modules, like cli/options.py and cli/app.py, do not use `from __future__ import
annotations`: Typer reads the annotations, and string annotations would be compiled
again on every start.
"""
