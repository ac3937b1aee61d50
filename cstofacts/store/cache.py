"""The on-disk cache of compiled databases: every file-system step, made safe against other local users.

Trust follows OpenSSH's secure-path check (`safe_path` in misc.c): the cache directory's path
is walked from the root one component at a time, each opened with O_NOFOLLOW relative to the
one before and judged by fstat on what was opened, so no component can be swapped between the
check and the use. Every ancestor must belong to us or to root and be writable by no one
else unless it is sticky (as /tmp is); the cache directory itself must be ours and writable by
no one else. Entries are written only through that held descriptor (a fresh O_EXCL file, renamed), and
opened through it (O_NOFOLLOW, judged by fstat). SQLite can only open a database by name (it
even resolves /proc/self/fd links back to names): it is given the entry's checked path, which
only we or root can change, and the file it opened is then compared with the one judged
(store/__init__.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from cstofacts.store import files

KEEP: int = 8
ENV_DISABLE = "CSTOFACTS_NO_CACHE"

# A compiled database, or a corpus's stat map (store/statmap.py).
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:sqlite3|files)")
_DATABASE = ".sqlite3"
# Temporary files start with a dot and never match _ENTRY, so read() can never return a half-built one.
_TMP_PREFIX = ".tmp-"
# Files SQLite may have left beside entries of older versions, which it opened by name.
_SIDECARS = ("-journal", "-wal", "-shm")
_DIR_FLAGS = os.O_RDONLY | files.O_DIRECTORY | files.O_NOFOLLOW | files.O_CLOEXEC


class Untrusted(Exception):
    """The cache directory cannot be trusted or made; the message says why, for one note."""


def default_root(environ: Mapping[str, str]) -> Path | None:
    """The cache directory cstofacts would use: $XDG_CACHE_HOME/cstofacts when XDG_CACHE_HOME is an
    absolute path (a relative or empty one is ignored, as the XDG spec says), else $HOME/.cache/cstofacts
    when HOME is absolute; None when no absolute base exists or ENV_DISABLE is set (to anything
    but 0, false, no or off)."""
    if environ.get(ENV_DISABLE, "").strip().casefold() not in ("", "0", "false", "no", "off"):
        return None
    xdg = environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "cstofacts"
    home = environ.get("HOME", "")
    if home and Path(home).is_absolute():
        return Path(home) / ".cache" / "cstofacts"
    return None


def judge(path: str, st: os.stat_result, uid: int, *, last: bool) -> str | None:
    """Why a directory on the way to the cache cannot be trusted, or None when it can.

    An ancestor may belong to us or to root, and may be writable by group or others only when
    the sticky bit stops them renaming what is not theirs. The cache directory itself must be
    ours and writable by no one else.
    """
    if not stat.S_ISDIR(st.st_mode):
        return f"{path} is not a directory"
    if last:
        if st.st_uid != uid:
            return f"{path} belongs to another user"
        if st.st_mode & 0o022:
            return f"{path} is writable by others"
        return None
    if st.st_uid not in (uid, 0):
        return f"{path} belongs to another user"
    if st.st_mode & 0o022 and not st.st_mode & stat.S_ISVTX:
        return f"{path} is writable by others"
    return None


def _trusted_entry(st: os.stat_result, uid: int) -> bool:
    return stat.S_ISREG(st.st_mode) and st.st_uid == uid and st.st_mode & 0o022 == 0


class Cache:
    """A directory of compiled databases, each named by the SHA-256 of its source plus versions."""

    def __init__(
        self,
        root: Path,
        *,
        uid: int | None = None,
        fstat: Callable[[int], os.stat_result] = os.fstat,
    ) -> None:
        # A relative root would follow the current directory: the old cache's mistake.
        if not root.is_absolute():
            raise ValueError(f"the cache directory must be an absolute path: {root}")
        self.root = root
        geteuid = getattr(os, "geteuid", None)
        self.uid = uid if uid is not None else geteuid() if geteuid is not None else -1
        self._fstat = fstat  # what the checks see: tests give other owners and modes
        self._real = str(root)  # the checked directory's path, links resolved: set by each walk

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Cache | None:
        root = default_root(environ)
        if root is None or not files.SUPPORTED or not hasattr(os, "geteuid"):
            return None  # without dir_fd and uids there is no safe way to share a directory
        return cls(root)

    @contextlib.contextmanager
    def entry(self, name: str) -> Iterator[Entry | None]:
        """Entry `name`, open, if it can be trusted: a regular file (opened relative to the checked
        directory without following a link, never blocking on a FIFO), ours, writable by no one
        else. Else None. The caller marks it used (Entry.touch) once it has judged its content.

        Raises Untrusted when the directory exists but cannot be trusted."""
        _check_name(name)
        with self._directory(create=False) as folder:
            if folder is None:
                yield None
                return
            try:
                fd = os.open(name, os.O_RDONLY | files.O_NOFOLLOW | files.O_NONBLOCK, dir_fd=folder)
            except OSError:
                yield None  # missing, a symlink (ELOOP), or not ours to read
                return
            try:
                st = self._fstat(fd)
                if not _trusted_entry(st, self.uid):
                    yield None
                    return
                yield Entry(fd, st, os.path.join(self._real, name))
            finally:
                os.close(fd)

    def check(self) -> None:
        """Raise Untrusted unless the directory, and every directory on the way to it, passes the
        check; for a private directory made elsewhere (a corpus's workspace)."""
        fd = self._walk(create=False)
        if fd is None:
            raise Untrusted(f"{self.root} does not exist")
        os.close(fd)

    def read(self, name: str) -> bytes | None:
        """The bytes of entry `name` if it can be trusted (see entry()), else None."""
        with self.entry(name) as found:
            if found is None:
                return None
            found.touch(0)
            return b"".join([bytes(chunk) for chunk in found.chunks()])

    def write(self, name: str, parts: Iterable[files.Part]) -> None:
        """Create the directory if needed (0700, parents 0700 too where we create them), check it,
        remove partial files a killed run left, write `parts` to a fresh 0600 file in it and rename
        that onto `name` atomically; prune. Raises Untrusted or OSError; never leaves a partial file."""
        _check_name(name)
        import time

        with self._directory(create=True) as folder:
            assert folder is not None
            with contextlib.suppress(OSError):
                files.sweep(folder, _TMP_PREFIX, time.time())
            files.save(folder, _TMP_PREFIX, name, parts, 0o600, replace=True)
            # The entry is in place: a failed clean-up must not turn the hit into a miss.
            with contextlib.suppress(OSError):
                _prune(folder, KEEP)

    def discard(self, name: str) -> None:
        """Remove one entry (a damaged one); never raises."""
        _check_name(name)
        with contextlib.suppress(OSError, Untrusted), self._directory(create=False) as folder:
            if folder is not None:
                files.unlink(folder, name)

    def prune(self, keep: int = KEEP) -> None:
        """Delete all but the newest `keep` entries (by mtime)."""
        if keep < 0:
            raise ValueError(f"keep must not be negative: {keep}")
        with contextlib.suppress(OSError, Untrusted), self._directory(create=False) as folder:
            if folder is not None:
                _prune(folder, keep)

    def clear(self) -> int:
        """Delete every entry and temporary file; return how many entries were removed."""
        removed = 0
        with contextlib.suppress(OSError, Untrusted), self._directory(create=False) as folder:
            if folder is None:
                return 0
            for name in _names(folder):
                base = next((name[: -len(s)] for s in _SIDECARS if name.endswith(s)), name)
                if _ENTRY.fullmatch(base) or name.startswith(_TMP_PREFIX):
                    st = os.stat(name, dir_fd=folder, follow_symlinks=False)
                    if not stat.S_ISDIR(st.st_mode) and files.unlink(folder, name) and _ENTRY.fullmatch(name):
                        removed += name.endswith(_DATABASE)
        return removed

    @contextlib.contextmanager
    def _directory(self, *, create: bool) -> Iterator[int | None]:
        """A descriptor of the checked cache directory; None when it does not exist and create is
        False. Raises Untrusted (or OSError) when it, or a directory on the way, fails the check."""
        fd = self._walk(create)
        try:
            yield fd
        finally:
            if fd is not None:
                os.close(fd)

    def _walk(self, create: bool) -> int | None:
        """Open the cache directory from the root down, judging each directory by what was opened.

        A symlink on the way is followed only inside a directory that passed (so only its owner
        or root can have put it there), and what it leads to is walked and judged the same way,
        from the root again when it is absolute; the cache directory itself is never a link.
        """
        todo = list(self.root.parts[1:])  # "//" at the start is just the root here: no URI, no authority
        fd = os.open("/", _DIR_FLAGS)
        shown = "/"
        links = 0
        try:
            self._judge(fd, shown, last=not todo)
            while todo:
                part = todo.pop(0)
                shown = os.path.join(shown, part)
                child = self._step(fd, part, shown, create=create, last=not todo)
                if isinstance(child, str):  # a link: continue with what it names
                    links += 1
                    if links > 40:
                        raise Untrusted(f"{shown} leads round in a circle of links")
                    todo[:0] = list(Path(child).parts)
                    shown = os.path.dirname(shown)
                    if child.startswith("/"):
                        todo.pop(0)
                        shown = "/"
                        os.close(fd)
                        fd = os.open("/", _DIR_FLAGS)
                    continue
                os.close(fd)
                fd = -1
                if child is None:
                    return None
                fd = child
                self._judge(fd, shown, last=not todo)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            raise
        # Every component of `shown` is a directory that was opened and judged (links were
        # replaced by what they name), so folding "." and ".." in it changes nothing it names.
        self._real = os.path.normpath(shown)
        return fd

    def _judge(self, fd: int, shown: str, *, last: bool) -> None:
        reason = judge(shown, self._fstat(fd), self.uid, last=last)
        if reason is not None:
            raise Untrusted(reason)

    def _step(self, parent: int, part: str, shown: str, *, create: bool, last: bool) -> int | str | None:
        """The directory `part` inside `parent` opened; a symlink's text; None when missing."""
        try:
            return os.open(part, _DIR_FLAGS, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                return None
        except OSError as exc:  # a link (ELOOP) or a file (ENOTDIR) where a directory should be
            if not last and stat.S_ISLNK(os.stat(part, dir_fd=parent, follow_symlinks=False).st_mode):
                return os.readlink(part, dir_fd=parent)
            raise Untrusted(f"{shown} is not a directory") from exc
        # Someone (most likely another cstofacts) may create it first: it is judged all the same.
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, 0o700, dir_fd=parent)
        return os.open(part, _DIR_FLAGS, dir_fd=parent)


# touch() keeps a mark in the last six digits of an entry's modification time, in nanoseconds.
_MARK = 1_000_000


class Entry:
    """A trusted cache entry, open: its descriptor, the stat it was judged by, and its path, whose
    every directory was checked (so that only its owner or root could change what it names)."""

    def __init__(self, fd: int, st: os.stat_result, path: str) -> None:
        self.fd = fd
        self.stat = st
        self.path = path

    def chunks(self, size: int = 1 << 22) -> Iterator[memoryview]:
        """The entry's bytes from its start, read through its own descriptor into one reused
        buffer (a checksum at 100,000 claims reads 120 MB): each chunk is valid only until the next."""
        buffer = bytearray(size)
        view = memoryview(buffer)
        offset = 0
        while count := _pread_into(self.fd, buffer, offset):
            yield view[:count]
            offset += count

    def checked_since_changed(self, mark: int) -> bool:
        """Whether the entry still carries the mark touch(mark) left when its content was last
        checked, so that nothing can have written to it since.

        touch() sets the modification time to a value ending in `mark` (its last six digits of
        nanoseconds) and a second in the past; the kernel then sets the change time to now,
        after it. Any write since (ours, a user's, a damaged copy put in its place) sets both
        times to the moment of writing, equal, and so clears the mark. A file system without
        such times never shows the mark: its entries are checked in full every time.
        """
        st = self.stat
        return mark > 0 and st.st_mtime_ns % _MARK == mark and st.st_ctime_ns > st.st_mtime_ns

    def touch(self, mark: int) -> None:
        """Record a use (pruning keeps what is used) and, with mark > 0, that the content was
        checked; see checked_since_changed. A read-only cache still serves hits; it just cannot
        record them."""
        import time

        now = time.time_ns()
        with contextlib.suppress(OSError):
            # A second back: the kernel's clock for the change time is coarse, and may lag ours.
            os.utime(self.fd, ns=(now, now - now % _MARK - 1_000_000_000 + mark % _MARK))

    def opened_elsewhere(self) -> bool:
        """Whether another descriptor of this process (SQLite's, opened by path just before) is
        this very file. Where /proc cannot say, whether the path still names it."""
        try:
            others = [int(n) for n in os.listdir("/proc/self/fd") if int(n) != self.fd]
        except OSError:
            others = None
        if others is None:
            try:
                return os.path.samestat(os.stat(self.path, follow_symlinks=False), self.stat)
            except OSError:
                return False
        for fd in others:
            try:
                if os.path.samestat(os.fstat(fd), self.stat):
                    return True
            except OSError:
                continue  # the listing's own descriptor, closed by now
        return False


def _pread_into(fd: int, buffer: bytearray, offset: int) -> int:
    if hasattr(os, "preadv"):
        return os.preadv(fd, [buffer], offset)
    chunk = os.pread(fd, len(buffer), offset)  # macOS before 11: no preadv
    buffer[: len(chunk)] = chunk
    return len(chunk)


def _check_name(name: str) -> None:
    # fullmatch, not match with "$", which would let a trailing newline through.
    if not _ENTRY.fullmatch(name):
        raise ValueError(f"not a cache entry name: {name!r}")


def _names(folder: int) -> list[str]:
    with os.scandir(folder) as entries:
        return [e.name for e in entries]


def _prune(folder: int, keep: int) -> None:
    """Keep the newest `keep` databases, and as many stat maps."""
    names = _names(folder)
    for suffix in (_DATABASE, ".files"):
        _prune_kind(folder, [n for n in names if n.endswith(suffix)], keep)


def _prune_kind(folder: int, names: list[str], keep: int) -> None:
    entries: list[tuple[int, str]] = []
    for name in names:
        if not _ENTRY.fullmatch(name):
            continue
        try:
            st = os.stat(name, dir_fd=folder, follow_symlinks=False)
        except OSError:
            continue  # removed meanwhile
        if stat.S_ISREG(st.st_mode):
            entries.append((st.st_mtime_ns, name))
    # Newest first; the name breaks ties so the choice never depends on listing order.
    entries.sort(reverse=True)
    for _, name in entries[keep:]:
        for sidecar in _SIDECARS:
            files.unlink(folder, name + sidecar)
        files.unlink(folder, name)
