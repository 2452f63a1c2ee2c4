"""Writing what the tool produces: one helper for every command that writes a file.

The contract of `write_output(target, data)`:

- `-` is standard output.
- a regular file (or a name that does not exist yet) is written atomically: a
  hidden temporary file in the same folder, flushed to disk, then renamed over
  the target. The previous content stays whole until the new one is complete,
  and the temporary file is removed if anything fails.
- a symlink is followed on purpose: the file it points to is the one written
  (atomically, if it is a regular file); the link stays a link.
- a device, FIFO or socket (`-o /dev/null`, `-o >(gzip > x)`) is written
  through, never replaced by a regular file.
- a full disk, a read-only file system or a refused permission is an
  `OutputError` naming the path and what to do, never a traceback.

The web app's own files pass `follow=False`: a link or device planted in a
case folder is replaced, never written through.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from checklist.errors import ChecklistError

TEMP_MARK = ".cec-part-"  # in every temporary file's name, so start-up cleaning finds what a killed run left
PACK_TEMP_PREFIX = "cec-pack-"  # the web page builds an upload pack in such a folder of the system's temp folder
SOFFICE_TEMP_PREFIX = "cec-soffice-"  # and the pack converts Word files in such a one
TEMP_DIR_PREFIXES = (PACK_TEMP_PREFIX, SOFFICE_TEMP_PREFIX)
STALE_SECONDS = 600  # a temporary file untouched this long belongs to no live writer (a write touches it constantly)
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_REFUSED = (errno.EROFS, errno.EACCES, errno.EPERM)


class OutputError(ChecklistError):
    """An output could not be written: disk full, read-only, no permission (exit code 2).

    `reason` is "full", "read-only", "denied", "missing" or "other", so the web page can answer
    507 for a full disk and 503 for the rest without reading the message.
    """

    def __init__(
        self, message: str, *, path: Path | str | None = None, hint: str | None = None, reason: str = "other"
    ) -> None:
        super().__init__(message, path=path, hint=hint)
        self.reason = reason


class _Sink:
    """A file descriptor written with `os.write` until every byte is taken (a pipe may take less)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            view = view[_write_all(self.fd, view) :]
        return len(data)


def _write_all(fd: int, data: memoryview) -> int:
    """One `os.write`; tests replace it to simulate a full disk."""
    return os.write(fd, data)


def write_output(
    target: str | Path, data: str | bytes, *, follow: bool = True, before_replace: Callable[[], None] | None = None
) -> None:
    """Write `data` to `target` under the module's contract (text is UTF-8)."""
    content = data.encode("utf-8") if isinstance(data, str) else data
    with open_output(target, follow=follow, before_replace=before_replace) as out:
        out.write(content)


@contextmanager
def open_output(
    target: str | Path, *, follow: bool = True, before_replace: Callable[[], None] | None = None
) -> Iterator[BinaryIO]:
    """A writable binary stream for `target`; on leaving the block the target holds exactly what was written.

    `before_replace` runs once the new content is safely on disk, just before it
    takes the target's place (the web app moves the last report aside there).
    """
    if str(target) == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    path = Path(target)
    real = _resolve(path) if follow else path
    info = _stat(real, follow)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError("is a folder, not a file", path=path, hint="give a file name")
    if follow and info is not None and not stat.S_ISREG(info.st_mode):
        with _through(real, path) as out:
            yield out
        return
    with _atomic(real, path, info, before_replace) as out:
        yield out


def _resolve(path: Path) -> Path:
    """The file a symlink (or a chain of them) points to; the path itself otherwise."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise OutputError(f"cannot follow the link ({exc})", path=path) from None


def _stat(path: Path, follow: bool) -> os.stat_result | None:
    try:
        return path.stat() if follow else path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise output_error(exc, path) from None


@contextmanager
def _through(real: Path, shown: Path) -> Iterator[BinaryIO]:
    """A device, FIFO or socket: opened and written as it is (no truncation, no rename)."""
    try:
        fd = os.open(real, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise output_error(exc, shown) from None
    try:
        yield _Sink(fd)  # type: ignore[misc]
    except OSError as exc:
        raise output_error(exc, shown) from None
    finally:
        os.close(fd)


@contextmanager
def _atomic(
    real: Path, shown: Path, info: os.stat_result | None, before_replace: Callable[[], None] | None
) -> Iterator[BinaryIO]:
    """A hidden temporary file beside the target, renamed over it once complete; removed on any failure."""
    _remove_own_leftovers(real)
    tmp = real.with_name(f".{real.name[:100]}{TEMP_MARK}{secrets.token_hex(4)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise output_error(exc, shown) from None
    try:
        try:
            yield _Sink(fd)  # type: ignore[misc]
            os.fsync(fd)  # a full disk often shows only here
            if info is not None and stat.S_ISREG(info.st_mode):
                os.chmod(tmp, stat.S_IMODE(info.st_mode))  # the new file keeps the old one's permissions
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, real)
    except OSError as exc:
        _remove(tmp)
        raise output_error(exc, shown) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove_own_leftovers(real: Path) -> None:
    """Stale temporary files of this very target, left by a killed run of the same command: the CLI's start-up cleaning."""
    prefix, now = f".{real.name[:100]}{TEMP_MARK}", time.time()
    try:
        names = [name for name in os.listdir(real.parent) if name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        if _stale(real.parent / name, now, STALE_SECONDS):
            _remove(real.parent / name)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def output_error(exc: OSError, path: Path | str) -> OutputError:
    """An OSError met while writing, in words that say what to do."""
    if exc.errno in _FULL:
        return OutputError(
            "cannot write: the disk is full", path=path, hint="free some space and run again", reason="full"
        )
    if exc.errno == errno.EROFS:
        return OutputError(
            "cannot write: the file system is read-only",
            path=path,
            hint="write somewhere else (-o PATH)",
            reason="read-only",
        )
    if exc.errno in _REFUSED:
        return OutputError(
            "cannot write: permission denied", path=path, hint="write somewhere else (-o PATH)", reason="denied"
        )
    if exc.errno == errno.ENOENT:
        return OutputError("cannot write: the folder does not exist", path=path, reason="missing")
    return OutputError(f"cannot write: {exc.strerror or exc}", path=path)


def is_storage_error(exc: OSError) -> bool:
    """Whether an OSError is the disk's doing (full, read-only, refused), not a bug."""
    return exc.errno in (*_FULL, *_REFUSED)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of this module's temporary files (left behind only by a killed run)."""
    return name.startswith(".") and TEMP_MARK in name


def _stale(path: Path | str, now: float, older_than: float) -> bool:
    try:
        return now - os.lstat(path).st_mtime > older_than
    except OSError:
        return False


def remove_leftovers(root: Path, older_than: float = STALE_SECONDS) -> int:
    """Remove the temporary files a killed run left under `root` (hidden partial uploads, reports, case.yaml).

    Only files untouched for `older_than` seconds go: another process may be writing
    its own temporary file right now, and a write keeps touching it. Returns how many went.
    """
    now, removed = time.time(), 0
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if is_temporary(name) and _stale(path, now, older_than):
                _remove(Path(path))
                removed += 1
    return removed


def remove_stale_temp_dirs(older_than: float = STALE_SECONDS * 6) -> int:
    """Remove the folders a killed pack or Word conversion left in the system's temp folder (a pack's PDFs)."""
    now, removed, base = time.time(), 0, Path(tempfile.gettempdir())
    try:
        entries = list(base.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(TEMP_DIR_PREFIXES) and not entry.is_symlink() and _stale(entry, now, older_than):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed
