"""Files written so that no one else can catch or steer them, and no one's file is lost.

Every step works relative to a directory descriptor the caller holds, never by a path that
could be swapped between a check and a use: a new file is made with O_EXCL | O_NOFOLLOW under
a random name, filled through its own descriptor, synced, and only then given its real name,
by a rename (replacing) or a hard link (never replacing; the link fails if the name appeared
in the meantime). Whatever stops the write (an error, Ctrl-C, SIGTERM) removes the new file.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # the built-in behind `signal`, without its enums
import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from typing import NamedTuple

O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Never block on a FIFO, whatever name it hides under.
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
PARTIAL = ".partial"
# Files SQLite leaves beside a database it writes by path: older versions wrote partial files that way.
_SIDECARS = ("-journal", "-wal", "-shm")
# A partial file this old belongs to a run that died: writing one takes seconds, never minutes.
STALE_SECONDS = 300.0

# Every call below takes dir_fd; where the OS cannot do that, there is no safe way to write.
SUPPORTED = (
    hasattr(os, "O_DIRECTORY")
    and {os.open, os.stat, os.unlink, os.rename, os.link, os.mkdir, os.readlink} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
    and hasattr(os, "fchmod")
)


def unlink(dir_fd: int, name: str) -> bool:
    """Remove one name (never a directory); False when it could not be removed."""
    try:
        os.unlink(name, dir_fd=dir_fd)
    except OSError:
        return False
    return True


class Span(NamedTuple):
    """The first `size` bytes of an open file, as a part to save: copied by the kernel
    (copy_file_range), which at a million claims saves seconds over reading and writing."""

    fd: int
    size: int


Part = bytes | memoryview | Span


def save(dir_fd: int, prefix: str, target: str, parts: Iterable[Part], mode: int, *, replace: bool) -> None:
    """Write `parts` to a new file in the directory, with `mode`, synced, and give it the name
    `target` atomically.

    With replace, an existing target is replaced. Without it, FileExistsError if the target
    exists at the moment of publishing, whenever it appeared; it is never touched then. On any
    failure or interrupt the new file is removed and the exception passes on.

    Signals are held (pthread_sigmask) while the file is created, and from publishing to the
    removal of its temporary name: an interrupt landing between the creation and the `try` that
    removes it, or between a link and the unlink, would leave it behind. They flow while the
    bytes are written, the long part, and one that came while held is raised at the release.
    """
    original = _hold_signals()
    try:
        name, fd = _create(dir_fd, prefix)
    except BaseException:
        _release(original)
        raise
    try:
        try:
            _release(original)  # a signal that came meanwhile raises here, inside the clean-up's reach
            for part in parts:
                if isinstance(part, Span):
                    copy_span(part, fd)
                    continue
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view) :]
            os.fchmod(fd, mode)  # O_CREAT's mode is cut by the umask; this one is exact
            # Without fsync a crash could leave the published file empty or torn.
            os.fsync(fd)
        finally:
            os.close(fd)
        _hold_signals()  # publishing and removing the temporary name after it are one step
        _publish(dir_fd, name, target, replace=replace)
    finally:
        _hold_signals()
        try:
            # After a link both names hold the file; after a rename this name is free (and random).
            unlink(dir_fd, name)
        finally:
            _release(original)


def copy_span(span: Span, fd: int) -> None:
    """Write a span of one file to a descriptor: by the kernel where it can, else in chunks."""
    offset = 0
    while offset < span.size:
        try:
            count = os.copy_file_range(span.fd, fd, span.size - offset, offset)
        except (AttributeError, OSError):  # not Linux, or not across these file systems
            count = 0
        if count == 0:
            chunk = os.pread(span.fd, min(span.size - offset, 1 << 22), offset)
            if not chunk:
                raise OSError(errno.EIO, "the file to copy ended early")
            count = os.write(fd, chunk)
        offset += count


def _publish(dir_fd: int, name: str, target: str, *, replace: bool) -> None:
    if replace:
        os.replace(name, target, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        return
    try:
        os.link(name, target, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        _rename_noreplace(dir_fd, name, target)  # a file system without hard links


# The signals cstofacts turns into a clean exit (cli/__init__.py).
_SIGNALS = {getattr(_signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(_signal, name)}


def _hold_signals() -> object:
    """Block the signals; the mask as it was before (None where there are no signal masks)."""
    if not hasattr(_signal, "pthread_sigmask"):
        return None
    return _signal.pthread_sigmask(_signal.SIG_BLOCK, _SIGNALS)


def _release(original: object) -> None:
    """Put back the mask _hold_signals found, however many times it was called since."""
    if original is not None:
        _signal.pthread_sigmask(_signal.SIG_SETMASK, original)


def sweep(dir_fd: int, prefix: str, now: float) -> None:
    """Remove the partial files a killed run left: ours, regular, named prefix…partial, stale."""
    geteuid = getattr(os, "geteuid", None)
    stale_before = now - STALE_SECONDS
    with os.scandir(dir_fd) as entries:
        names = [e.name for e in entries if e.name.startswith(prefix)]
    for name in names:
        base = next((name[: -len(s)] for s in _SIDECARS if name.endswith(s)), name)
        if not base.endswith(PARTIAL):
            continue
        try:
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except OSError:
            continue  # removed meanwhile
        ours = geteuid is None or st.st_uid == geteuid()
        if ours and stat.S_ISREG(st.st_mode) and st.st_mtime < stale_before:
            unlink(dir_fd, name)


def _create(dir_fd: int, prefix: str) -> tuple[str, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_CLOEXEC
    for _ in range(100):
        # Random, so that nothing can be planted at the name in advance; O_EXCL all the same.
        name = f"{prefix}{os.urandom(8).hex()}{PARTIAL}"
        with contextlib.suppress(FileExistsError):
            return name, os.open(name, flags, 0o600, dir_fd=dir_fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _rename_noreplace(dir_fd: int, name: str, target: str) -> None:
    """renameat2(RENAME_NOREPLACE), which Linux has and Python does not wrap."""
    import ctypes
    import ctypes.util

    library = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(library, use_errno=True), "renameat2", None) if library else None
    if renameat2 is None:
        raise OSError(errno.ENOTSUP, "this file system cannot publish a file without risking another")
    rename_noreplace = 1
    if renameat2(dir_fd, os.fsencode(name), dir_fd, os.fsencode(target), rename_noreplace) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
