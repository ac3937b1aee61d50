"""Run the command-line tool as ``python -m cstofacts``."""

from cstofacts.cli import console_main

if __name__ == "__main__":
    console_main()
