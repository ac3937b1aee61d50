"""Typed queries: what to find, resolved from command-line options or from a question."""
