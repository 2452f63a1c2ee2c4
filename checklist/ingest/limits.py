"""Limits that keep one pathological file from hanging or exhausting a run.

`ReadLimits` holds the per-file limits (all configurable, all defaulted).
`time_limit` bounds the time spent on one document:

- in the main thread of a POSIX process it arms a real-time interval timer
  (`signal.setitimer`), whose handler raises `ReadTimeout` wherever the
  reader is, pure-Python library code included;
- elsewhere (worker threads, Windows, or when another SIGALRM timer is
  already armed, e.g. pytest-timeout) signals cannot be used, and the limit
  is cooperative: readers call `check_time()` between pages and stages, so a
  document still stops at the first check after its deadline, though a single
  slow library call (one page) runs to its end first.

`ReadTimeout` derives from BaseException, like KeyboardInterrupt, so the
`except Exception` blocks in readers and libraries cannot swallow it; only
the owner of the limit (the code that opened `time_limit`) catches it.
Limits nest: an inner limit never extends an outer one.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_FILE_BYTES = 20_000_000  # 20 MB a file, in the decimal units every message uses


class ReadLimits(BaseModel):
    """Per-file limits; all configurable, all defaulted."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = MAX_FILE_BYTES
    max_pages: int = 50
    max_chars: int = 2_000_000
    # Most bytes a file may unpack to: a DOCX in total (zip bombs); a PDF per
    # compressed stream and in total over its pages' content streams.
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_entries: int = 10_000  # a DOCX has dozens of parts; listing 200k empty ones costs seconds and 100+ MB
    max_image_pixels: int = 60_000_000
    # Wall-clock seconds for one document (OCR of a long scan included); None: no limit.
    max_seconds: float | None = Field(default=60.0, gt=0)


class ReadTimeout(BaseException):  # noqa: N818 - named like the built-in TimeoutError it stands beside
    """A document's time is up; carries the limit it broke so only its owner handles it."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__(f"took longer than {deadline.seconds:g} s")
        self.deadline = deadline
        self.seconds = deadline.seconds


@dataclass(eq=False)
class Deadline:
    """One open `time_limit`: how long it allows and when it ends (monotonic clock)."""

    seconds: float
    ends: float = field(init=False)

    def __post_init__(self) -> None:
        self.ends = time.monotonic() + self.seconds

    def expired(self) -> bool:
        return time.monotonic() >= self.ends

    def remaining(self) -> float:
        return self.ends - time.monotonic()


class _Deadlines(threading.local):
    def __init__(self) -> None:
        self.stack: list[Deadline] = []
        self.saved_handler: object = None  # the SIGALRM handler before the outermost limit
        self.signals = False  # whether the outermost limit armed the timer


_open = _Deadlines()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Deadline | None]:
    """Bound the block to `seconds` of wall-clock time; None or 0: no limit.

    The block raises `ReadTimeout` (with `.deadline` this limit, or an outer
    one that expired first) when the time is up; catch it where the limit is
    opened and compare `exc.deadline` with the yielded deadline.
    """
    if not seconds or seconds <= 0:
        yield None
        return
    deadline = Deadline(seconds)
    outermost = not _open.stack
    _open.stack.append(deadline)
    if outermost:
        _open.signals = _can_use_signals()
        if _open.signals:
            try:
                _open.saved_handler = signal.signal(signal.SIGALRM, _on_alarm)
            except (ValueError, OSError):  # pragma: no cover - e.g. a sub-interpreter
                _open.signals = False
        if _open.signals:
            _open.saved_unraisable = sys.unraisablehook
            sys.unraisablehook = _quiet_timeouts
    try:
        if _open.signals:
            _arm()
        yield deadline
    finally:
        if _open.signals:
            signal.setitimer(signal.ITIMER_REAL, 0)
        _open.stack.remove(deadline)
        if outermost:
            if _open.signals:
                signal.signal(signal.SIGALRM, _open.saved_handler)  # type: ignore[arg-type]
                sys.unraisablehook = getattr(_open, "saved_unraisable", None) or sys.__unraisablehook__
            _open.signals = False
            _open.saved_handler = None
        elif _open.signals:
            _arm()  # an outer limit keeps running (and fires at once if it already expired)


def limit_open() -> bool:
    """Whether a time limit is open in this thread (a process forked now would not inherit its timer)."""
    return bool(_open.stack)


def _quiet_timeouts(unraisable: Any) -> None:
    """A timeout that fired inside a __del__ or GC callback is dropped (the next tick re-raises it);
    anything else goes to the hook that was there before, so no stray "Exception ignored" lines."""
    if isinstance(unraisable.exc_value, ReadTimeout):
        return
    previous = getattr(_open, "saved_unraisable", None) or sys.__unraisablehook__
    try:
        previous(unraisable)
    except ReadTimeout:
        return


def check_time() -> None:
    """Raise `ReadTimeout` if an open time limit has expired (the cooperative path)."""
    for deadline in _open.stack:  # outermost first: its owner must unwind everything inside
        if deadline.expired():
            raise ReadTimeout(deadline)


def _can_use_signals() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    try:
        delay, _interval = signal.getitimer(signal.ITIMER_REAL)
    except (OSError, ValueError):  # pragma: no cover - platform without the real-time timer
        return False
    return delay == 0  # someone else's timer is armed: leave it alone, stay cooperative


# After a deadline the timer keeps firing at this interval until the limit's owner has
# unwound: Python discards an exception raised while the handler runs inside a garbage
# collector callback or a __del__ method, and the next tick raises it again.
_REPEAT_SECONDS = 0.05


def _arm() -> None:
    if _open.stack:
        earliest = min(deadline.remaining() for deadline in _open.stack)
        signal.setitimer(signal.ITIMER_REAL, max(earliest, 0.001), _REPEAT_SECONDS)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    check_time()
    _arm()  # woke a little early (timer granularity): sleep again until the deadline
