"""cstofacts: look up the claims of one article on the CSTO's work in 2023-2025."""

__version__ = "0.15.0"
