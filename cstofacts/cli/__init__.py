"""The command-line interface: `main` for tests and embedders, `console_main` for the installed command.

This module imports nothing at its top, and console_main's first act is to take over the
signals, through the built-in _signal module (importing it runs no Python code): an interrupt
landing while any of cstofacts loads is then handled by cstofacts, never by a traceback.
(One landing while Python itself starts, or while pip's wrapper script imports `re`, comes
before any of this exists and is out of reach: the README's "For scripts".)
"""


def console_main() -> None:  # it never returns; typing.NoReturn would mean importing typing first
    """The `cstofacts` command: run, flush, and leave without interpreter teardown.

    Ctrl-C (SIGINT), SIGTERM and SIGHUP are handled in three phases, so that each is safe
    wherever it lands:
    - while modules load, nothing has been written: the process leaves at once (exit 130, or
      death by SIGTERM/SIGHUP), with no exception raised inside the import machinery;
    - while the command runs, the first signal raises KeyboardInterrupt, so every `finally`
      removes what it was writing (a partial export, a cache entry); later ones only count,
      so that clean-up cannot itself be interrupted;
    - once the command is done, a signal only counts.
    A run that saw a signal ends as interrupted, whatever the code did with the exception: a
    library that caught it, or wrapped it (Click's Abort, "Error calling __set_name__"),
    cannot swallow it or turn it into a traceback.

    Tearing down the interpreter (freeing every module Typer and Click load) takes
    about 10 ms, a fifth of a lookup (docs/performance.md), so the process ends with
    os._exit. That is safe by construction: run() returns only after the one object
    that holds files open, the run's Shared state with its database connection, has
    closed them in its `finally` (cli/app.py); export and the cache write through
    descriptors they close before publishing; and stdout and stderr are flushed here.
    Nothing registers atexit handlers.
    """
    import _signal  # type: ignore[import-not-found]  # no stubs; see the module docstring

    received: list[int] = []
    phase = ["loading"]

    def on_signal(signum: int, frame: object) -> None:
        received.append(signum)
        if phase[0] == "loading":
            _leave(signum)
        if phase[0] == "running" and len(received) == 1:
            raise KeyboardInterrupt

    for signum in (_signal.SIGINT, _signal.SIGTERM, getattr(_signal, "SIGHUP", None)):
        # An ignored signal stays ignored: a background job, or nohup, asked for that.
        if signum is not None and _signal.getsignal(signum) is not _signal.SIG_IGN:
            _signal.signal(signum, on_signal)

    import os
    import sys

    code = 1
    try:
        from cstofacts.cli.app import run

        phase[0] = "running"
        code = run()
    except BaseException:
        if not received:
            phase[0] = "done"
            raise
    phase[0] = "done"
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or full stream: the exit code already says what happened
    if received:
        _leave(received[0])
    os._exit(code)


def _leave(signum: int) -> None:
    """End as a signal says: exit 130 for Ctrl-C (what the docs promise), else die of the signal
    itself, as a shell and a parent process expect of SIGTERM and SIGHUP."""
    import _signal
    import os

    if signum != _signal.SIGINT:
        _signal.signal(signum, _signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    os._exit(130)


def main(argv: list[str] | None = None) -> None:
    """Run a command line and exit with its code (what tests and embedders call)."""
    import sys

    from cstofacts.cli.app import run

    sys.exit(run(argv))
