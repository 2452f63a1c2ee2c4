"""Reading in parallel processes (issue 12): the same results, in the same order, as one by one."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from checklist.ingest import parallel
from checklist.ingest.cache import CACHE_DIR, READINGS
from checklist.ingest.limits import ReadLimits, time_limit
from checklist.ingest.parallel import MIN_ITEMS, WORKERS_VARIABLE, ordered_map, worker_count
from checklist.pipeline import read_documents

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
PARENT = os.getpid()


@pytest.fixture(autouse=True)
def _no_configured_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS_VARIABLE, raising=False)
    # Another test in this process may have OCR'd a scan (onnxruntime loaded): these tests fork
    # workers that run no OCR, so the guard below is lifted for them and tested on its own.
    monkeypatch.setattr(parallel, "_native_threads_loaded", lambda: False)


def test_serial_once_a_library_with_threads_of_its_own_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """onnxruntime's threads are invisible to `threading`; forking after it loaded could hang a worker."""
    monkeypatch.undo()
    monkeypatch.delenv(WORKERS_VARIABLE, raising=False)
    monkeypatch.setitem(sys.modules, "onnxruntime", sys.modules.get("onnxruntime") or types.ModuleType("onnxruntime"))
    assert worker_count(10, workers=2) == 1
    monkeypatch.setattr(parallel, "NATIVE_THREADED", ())
    assert worker_count(10, workers=2) == 2


def _square_and_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_results_come_in_order_from_other_processes() -> None:
    items = list(range(20))
    results = list(ordered_map(_square_and_pid, items, workers=2))
    assert [square for square, _ in results] == [item * item for item in items]
    assert {pid for _, pid in results} - {PARENT}, "nothing ran in a worker process"


def test_serial_where_processes_are_not_worth_it_or_not_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(MIN_ITEMS - 1, workers=2) == 1
    assert worker_count(10, workers=1) == 1
    assert worker_count(10, workers=2) == 2
    assert worker_count(3 * MIN_ITEMS, workers=64) == 3 * MIN_ITEMS  # never more processes than files
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    assert worker_count(10) == 1
    assert {pid for _, pid in ordered_map(_square_and_pid, list(range(10)))} == {PARENT}


def test_as_many_processes_as_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine other work keeps busy, workers only compete: the load average decides (issue 12)."""
    monkeypatch.setattr(parallel, "_cores", lambda: 4)
    monkeypatch.setattr(parallel, "_others_running", lambda: None)  # not known: the average decides
    for load, expected in ((0.2, 4), (1.0, 4), (1.5, 3), (3.2, 1), (9.0, 1)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert worker_count(10) == expected, load
    assert worker_count(10, workers=2) == 2  # a number asked for is used whatever the load
    monkeypatch.setenv(WORKERS_VARIABLE, "3")
    assert worker_count(10) == 3


def test_a_load_that_has_left_the_cores_does_not_keep_the_check_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 1-minute average still counts work that has ended (a bench's own runs, the check before):
    what runs now bounds it, and a busy machine still gives one process."""
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 0.9))
    for running, expected in ((0, 2), (1, 2), (2, 1), (5, 1)):
        monkeypatch.setattr(parallel, "_others_running", lambda running=running: running)
        assert worker_count(10) == expected, running
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    monkeypatch.setattr(parallel, "_others_running", lambda: 6)  # a burst now, after a quiet minute
    assert worker_count(10) == 2


def test_others_running_counts_processes_other_than_this_one() -> None:
    running = parallel._others_running()
    assert running is None or running >= 0
    if Path("/proc/loadavg").exists():
        assert running is not None


def test_serial_while_another_thread_runs() -> None:
    """Forking a threaded process could copy a lock another thread holds (the web server runs threads)."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_count(10, workers=2) == 1
    finally:
        stop.set()
        other.join()
    assert worker_count(10, workers=2) == 2


def test_serial_inside_an_open_time_limit() -> None:
    """A forked child has no timer: a limit opened around the reading would not hold in it."""
    with time_limit(30):
        assert worker_count(10, workers=2) == 1


def _dies_in_a_worker(item: int) -> int:
    if item == 5 and os.getpid() != PARENT:
        os._exit(3)  # a worker killed (out of memory, a crash in a C library)
    return item + 1


def test_a_broken_pool_finishes_here_with_the_same_results() -> None:
    assert list(ordered_map(_dies_in_a_worker, list(range(12)), workers=2)) == list(range(1, 13))


def test_no_process_can_start_so_all_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")  # fork refused: too many processes

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refused)
    assert list(ordered_map(_square_and_pid, list(range(8)), workers=2)) == [(i * i, PARENT) for i in range(8)]
    assert parallel._function is None


def test_no_worker_outlives_the_map() -> None:
    results = ordered_map(_square_and_pid, list(range(12)), workers=2)
    next(results)
    results.close()  # a caller that stops early (Ctrl+C) does not wait for the rest
    assert not multiprocessing.active_children()
    assert parallel._function is None


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "case"
    shutil.copytree(SAMPLES / "s03_cook_employer_specific", target)
    yield target


def test_parallel_and_serial_reading_give_equal_documents(sample: Path) -> None:
    serial = read_documents(sample, workers=1)
    assert len(serial) >= MIN_ITEMS
    assert read_documents(sample, workers=2) == serial


def test_parallel_reading_fills_the_reading_cache(sample: Path) -> None:
    fresh = read_documents(sample, cache=True, workers=2)
    stored = list((sample / CACHE_DIR / READINGS).glob("*.json"))
    assert len(stored) == len({doc.raw.sha256 for doc in fresh if doc.raw.readable})
    assert read_documents(sample, cache=True, workers=2) == fresh
    assert read_documents(sample, cache=True, workers=1) == fresh


def test_progress_is_told_in_order(sample: Path) -> None:
    told: list[str] = []
    documents = read_documents(sample, on_document=told.append, workers=2)
    assert told == [doc.path for doc in documents]


def test_the_time_limit_per_document_holds_in_a_worker(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each worker runs the file in its main thread, so the signal timer stops a read that hangs."""
    import time

    import checklist.pipeline as checking

    def hanging(raw):  # type: ignore[no-untyped-def]
        time.sleep(30)

    monkeypatch.setattr(checking, "classify", hanging)
    paths = sorted(sample.rglob("*.pdf"))[:MIN_ITEMS]
    started = time.monotonic()
    documents = read_documents(sample, ReadLimits(max_seconds=0.5), paths=paths, workers=2)
    assert time.monotonic() - started < 10
    assert all("longer than 0.5 s" in (doc.raw.error or "") for doc in documents)
