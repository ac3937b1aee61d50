"""One module per command: its options, the core call, and how the result is presented."""
