"""Output: machine formats, plain rows and references, and the terminal views (the only Rich importer)."""
