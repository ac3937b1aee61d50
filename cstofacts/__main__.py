"""Run the command-line tool as ``python -m cstofacts``."""

from cstofacts.cli import main

if __name__ == "__main__":
    main()
