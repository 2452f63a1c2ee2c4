"""Reading a case's files in several processes at once, with the same results in the same order.

Reading (pypdf's layout mode above all) is pure Python and bound by one core,
so a case of 80 PDFs reads about twice as fast on two cores. Each worker is
a fork of the checking process: it inherits the loaded modules, the limits
and the reading cache, runs exactly what a serial check runs for its file,
and sends back the result; the caller gets the results in the order of the
files, whatever order the workers finish in.

Processes are used only where that is safe and worth it; otherwise, or if a
pool cannot be started or breaks, the files are handled one after the other
here, with the same results:
- at least `MIN_ITEMS` files and more than one usable core that other work leaves idle
  (the load average; `workers` or the variable below set the number regardless);
- Linux (fork; on macOS it is unsafe), in a process that runs no other thread (forking
  a threaded process, e.g. the web server, can copy a lock held by another
  thread), has not loaded a library with threads of its own (the OCR engine's
  onnxruntime), and is not itself a worker (a batch worker already has its core);
- no time limit open around the call (a forked child has no timer).
`CEC_CHECKLIST_WORKERS=1` in the environment turns it off; another number sets the processes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path
from typing import Any, TypeVar

from checklist.ingest.limits import limit_open

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 4  # below this, starting processes costs more than it saves
WORKERS_VARIABLE = "CEC_CHECKLIST_WORKERS"

# The function the workers run: set before the pool forks, so it is inherited, never pickled.
_function: Callable[[Any], Any] | None = None


def ordered_map(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """`function(item)` for every item, in order: in worker processes when `worker_count` allows it.

    `workers` caps the processes (None: one per usable core; 1: serial). Results
    come back as they are ready, so a caller can report progress per item.
    """
    count = worker_count(len(items), workers)
    if count <= 1:
        yield from map(function, items)
        return
    done = 0
    try:
        with closing(_pooled(function, items, count)) as results:  # stopped at once if the caller stops early
            for result in results:
                done += 1
                yield result
    except (BrokenProcessPool, OSError) as exc:  # no process could start, or a worker died: finish here
        # Whatever failed in a worker fails here again in the same way, so the outcome is the serial one.
        log.warning("parallel reading stopped (%s); reading the remaining files here", exc)
        yield from map(function, items[done:])


def worker_count(items: int, workers: int | None = None) -> int:
    """How many processes to use for `items` files: 1 where processes are not safe or not worth it."""
    wanted = workers if workers is not None else _configured()
    count = min(items, wanted if wanted is not None else _idle_cores())
    if count <= 1 or items < MIN_ITEMS or not _can_fork():
        return 1
    return count


def _configured() -> int | None:
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    try:
        return max(int(value), 1) if value else None
    except ValueError:
        log.warning("%s=%r is not a number of processes; ignored", WORKERS_VARIABLE, value)
        return None


def _idle_cores() -> int:
    """The usable cores less those other work keeps busy (at most one spared).

    On a machine already busy (measured: load 6 on 2 cores) workers only compete with the other
    processes and with each other, and the check took about a tenth longer than one by one.
    Busy is the 1-minute load average, or fewer when fewer other processes are running right
    now: the average also counts this process's own work of the last minute (a batch, a bench,
    the check before), which leaves the cores as soon as it ends (measured on 2 idle cores: a
    bench's own load of 1.1 kept every check serial, 1.9x plain instead of 1.3x).
    """
    cores = _cores()
    try:
        busy = os.getloadavg()[0]
    except OSError:  # the load is unknown: count every core as free
        busy = 0.0
    running = _others_running()
    if running is not None:
        busy = min(busy, running)
    return max(1, min(cores, int(cores - busy + 1)))


def _others_running() -> int | None:
    """Processes other than this one running or ready to run at this moment (Linux), else None."""
    try:
        runnable = Path("/proc/loadavg").read_text().split()[3].split("/")[0]
        return max(int(runnable) - 1, 0)  # this process is running: it reads the file
    except (OSError, IndexError, ValueError):
        return None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return (
        sys.platform.startswith("linux")  # elsewhere fork is unsafe (macOS) or missing (Windows)
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not _native_threads_loaded()
        and multiprocessing.parent_process() is None
        and not limit_open()
    )


# Libraries that start threads of their own, which `threading` does not see: once one is
# loaded (the OCR engine read a scan earlier in this process), a fork may copy a lock one
# of those threads holds and hang the worker that uses it.
NATIVE_THREADED = ("onnxruntime", "cv2", "torch")


def _native_threads_loaded() -> bool:
    return any(name in sys.modules for name in NATIVE_THREADED)


def _pooled(function: Callable[[T], R], items: Sequence[T], count: int) -> Generator[R, None, None]:
    global _function
    _function = function
    try:
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker)
        try:
            yield from pool.map(_run, items)
        except BaseException:
            _stop(pool)  # Ctrl+C, an error or a caller that stopped early: do not wait for the files being read
            raise
        pool.shutdown(wait=True)
    finally:
        _function = None


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())  # before shutdown forgets them
    for process in processes:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join()


def _start_worker() -> None:
    """Ctrl+C is the parent's to handle (it stops the workers); a worker does not print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(item: Any) -> Any:
    assert _function is not None, "worker started without a function"
    return _function(item)
