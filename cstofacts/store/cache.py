"""The on-disk cache of compiled databases: every file-system step, made safe against other local users."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

KEEP: int = 8
ENV_DISABLE = "CSTOFACTS_NO_CACHE"

_ENTRY = re.compile(r"[0-9a-f]{64}\.sqlite3")
# Files SQLite may leave beside a database; they go when their entry goes.
_SIDECARS = ("-journal", "-wal", "-shm")
# Temporary files start with a dot and never match _ENTRY, so find() can never return a half-built one.
_TMP_PREFIX = ".tmp-"
_TMP_SUFFIX = ".partial"
# A temporary file this old belongs to a run that died; a younger one may still be being built.
_STALE_SECONDS = 3600.0

# Work relative to a descriptor of the checked directory where the OS allows it, so that no path
# component can be swapped between the check and the use. os.replace takes dir_fd exactly when
# os.rename does (same implementation), but only os.rename is listed in supports_dir_fd.
_USE_DIR_FD = (
    hasattr(os, "O_DIRECTORY")
    and {os.open, os.stat, os.unlink, os.utime, os.rename} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Never block on a FIFO, whatever name it hides under.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


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


def _check_name(name: str) -> None:
    # fullmatch, not match with "$", which would let a trailing newline through.
    if not _ENTRY.fullmatch(name):
        raise ValueError(f"not a cache entry name: {name!r}")


def _private(st: os.stat_result) -> bool:
    """Owned by us and writable by nobody else."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        # Windows: no uids, and st_mode's permission bits are made up (a directory always looks
        # 0o777), so only the file type can be checked there.
        return True
    return st.st_uid == geteuid() and st.st_mode & 0o022 == 0


def _shared_without_sticky(st: os.stat_result) -> bool:
    """Others may rename what we create in this directory."""
    if not hasattr(os, "geteuid"):
        return False  # see _private
    return st.st_mode & 0o022 != 0 and st.st_mode & stat.S_ISVTX == 0


def _trusted_entry(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode) and _private(st)


class _Dir:
    """The checked cache directory: an open descriptor where the OS supports dir_fd, else its path."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    def lstat(self, name: str) -> os.stat_result:
        if self.fd is None:
            return os.lstat(self.path / name)
        return os.stat(name, dir_fd=self.fd, follow_symlinks=False)

    def open(self, name: str, flags: int) -> int:
        if self.fd is None:
            return os.open(self.path / name, flags | _O_NOFOLLOW | _O_NONBLOCK)
        return os.open(name, flags | _O_NOFOLLOW | _O_NONBLOCK, dir_fd=self.fd)

    def touch(self, name: str) -> None:
        if self.fd is None:
            os.utime(self.path / name)  # the caller has just seen a regular file, not a link
        else:
            os.utime(name, dir_fd=self.fd, follow_symlinks=False)

    def replace(self, src: str, dst: str) -> None:
        if self.fd is None:
            os.replace(self.path / src, self.path / dst)
        else:
            os.replace(src, dst, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def unlink(self, name: str) -> bool:
        """Remove one name (never a directory); False when it could not be removed."""
        try:
            if self.fd is None:
                os.unlink(self.path / name)
            else:
                os.unlink(name, dir_fd=self.fd)
        except OSError:
            return False
        return True

    def scandir(self) -> Iterator[os.DirEntry[str]]:
        with os.scandir(self.path if self.fd is None else self.fd) as entries:
            yield from entries


class Cache:
    """A directory of compiled databases, each named by the SHA-256 of its source plus versions."""

    def __init__(self, root: Path) -> None:
        # A relative root would follow the current directory: the old cache's mistake.
        if not root.is_absolute():
            raise ValueError(f"the cache directory must be an absolute path: {root}")
        self.root = root

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Cache | None:
        root = default_root(environ)
        return None if root is None else cls(root)

    def find(self, name: str) -> Path | None:
        """The path of entry `name` if it can be trusted: the directory passes the safety check
        (below) and the entry is a regular file (lstat: not a symlink, FIFO, device or directory),
        owned by the effective uid, not writable by group or others. Else None (never raises).
        Refreshes the entry's mtime on a hit so pruning keeps what is used."""
        _check_name(name)
        try:
            with self._open_dir() as folder:
                if folder is None or not _trusted_entry(folder.lstat(name)):
                    return None
                # A read-only cache still serves hits; it just cannot record that they were used.
                with contextlib.suppress(OSError):
                    folder.touch(name)
        except OSError:
            return None
        return self.root / name

    def put(self, name: str, build: Callable[[Path], None]) -> Path | None:
        """Create the directory if needed (mode 0700, parents 0700 too where we create them),
        check it is safe, create a fresh temporary file in it with tempfile.mkstemp (exclusive,
        unpredictable name, mode 0600), call build(tmp_path) to fill it, fsync it, then os.replace
        it onto `name` atomically; prune; return the final path. Any OSError (or the directory
        failing the safety check) means None, with the temporary file removed; exceptions raised
        by `build` itself other than OSError propagate after the temporary file is removed."""
        _check_name(name)
        try:
            if not self._create_dir():
                return None
            with self._open_dir() as folder:
                if folder is None or not self._write(folder, name, build):
                    return None
                # The entry is in place: a failed clean-up must not turn the hit into a miss.
                with contextlib.suppress(OSError):
                    _prune(folder, KEEP)
        except OSError:
            return None
        return self.root / name

    def prune(self, keep: int = KEEP) -> None:
        """Delete all but the newest `keep` entries (by mtime) and temporary files over an hour old."""
        if keep < 0:
            raise ValueError(f"keep must not be negative: {keep}")
        try:
            with self._open_dir() as folder:
                if folder is not None:
                    _prune(folder, keep)
        except OSError:
            pass

    def clear(self) -> int:
        """Delete every entry and temporary file; return how many entries were removed."""
        removed = 0
        try:
            with self._open_dir() as folder:
                if folder is None:
                    return 0
                for item in list(folder.scandir()):
                    if _ENTRY.fullmatch(item.name) and not item.is_dir(follow_symlinks=False):
                        removed += _remove_entry(folder, item.name)
                    elif item.name.startswith(_TMP_PREFIX) and not item.is_dir(follow_symlinks=False):
                        folder.unlink(item.name)
        except OSError:
            pass
        return removed

    def _create_dir(self) -> bool:
        """Create the cache directory and any missing parents, all 0700; False to refuse.

        We refuse when the nearest existing ancestor lets others rename what we put in it (writable
        by group or others, no sticky bit): they could swap our new directory for theirs.
        """
        missing: list[Path] = []
        path = self.root
        while True:
            try:
                # Follows links on purpose: the user's own ~/.cache may be one. The cache directory
                # itself is checked without following anything when it is opened.
                st = os.stat(path)
            except FileNotFoundError:
                missing.append(path)
                if path.parent == path:
                    return False
                path = path.parent
            else:
                break
        if not missing:
            return True
        if not stat.S_ISDIR(st.st_mode) or _shared_without_sticky(st):
            return False
        for path in reversed(missing):
            # Someone (most likely another cstofacts) may create it first: _open_dir judges it then.
            with contextlib.suppress(FileExistsError):
                os.mkdir(path, 0o700)
        return True

    @contextlib.contextmanager
    def _open_dir(self) -> Iterator[_Dir | None]:
        """The cache directory if it is safe: a real directory (never through a symlink), owned by
        us and writable by nobody else. Never chmods one that is too open: it may not be ours to fix."""
        if not _USE_DIR_FD:
            try:
                st = os.lstat(self.root)
            except OSError:
                st = None
            safe = st is not None and stat.S_ISDIR(st.st_mode) and _private(st)
            yield _Dir(self.root, None) if safe else None
            return
        try:
            fd = os.open(self.root, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW)
        except OSError:
            fd = -1  # missing, a symlink (ELOOP) or not a directory: no usable cache either way
        if fd < 0:
            yield None
            return
        try:
            yield _Dir(self.root, fd) if _private(os.fstat(fd)) else None
        finally:
            os.close(fd)

    def _write(self, folder: _Dir, name: str, build: Callable[[Path], None]) -> bool:
        import tempfile  # only a cache miss writes; a lookup need not import it

        # mkstemp: O_EXCL | O_NOFOLLOW, a random name and mode 0600, so nothing planted can catch it.
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX, dir=self.root)
        tmp_name = os.path.basename(tmp)
        try:
            try:
                created = os.fstat(fd)
            finally:
                os.close(fd)
            if not os.path.samestat(created, folder.lstat(tmp_name)):
                # mkstemp works by path: the directory was swapped after we checked it. The file
                # landed in someone else's directory; take it back and stop.
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                return False
            build(Path(tmp))
            fd = folder.open(tmp_name, os.O_RDWR)
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise OSError(f"{tmp} is no longer a regular file")
                # build may have recreated the file under the umask: entries stay private.
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, 0o600)
                # Without fsync a crash could leave the renamed entry empty or torn.
                os.fsync(fd)
            finally:
                os.close(fd)
            folder.replace(tmp_name, name)
        except OSError:
            folder.unlink(tmp_name)
            return False
        except BaseException:
            folder.unlink(tmp_name)
            raise
        return True


def _remove_entry(folder: _Dir, name: str) -> int:
    """Remove one entry and its sidecars; 1 if the entry itself went, else 0."""
    for sidecar in _SIDECARS:
        folder.unlink(name + sidecar)
    return int(folder.unlink(name))


def _prune(folder: _Dir, keep: int) -> None:
    entries: list[tuple[int, str]] = []
    import time

    stale_before = time.time() - _STALE_SECONDS
    for item in list(folder.scandir()):
        try:
            st = item.stat(follow_symlinks=False)
        except OSError:
            continue  # removed meanwhile
        stale = st.st_mtime < stale_before
        if _ENTRY.fullmatch(item.name) and stat.S_ISREG(st.st_mode):
            entries.append((st.st_mtime_ns, item.name))
        elif item.name.startswith(_TMP_PREFIX) and stale and not stat.S_ISDIR(st.st_mode):
            folder.unlink(item.name)
    # Newest first; the name breaks ties so the choice never depends on listing order.
    entries.sort(reverse=True)
    for _, name in entries[keep:]:
        _remove_entry(folder, name)
