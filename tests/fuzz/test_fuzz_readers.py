"""Fuzzing the readers: mutated real samples and hostile files never raise, and end as a reason.

Every input goes through the whole `understand` step (read, classify,
extract), so a reader that lets damage through shows up in the extractors.
"""

from __future__ import annotations

import random
import signal
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist.ingest import read_document
from checklist.ingest.limits import ReadLimits, ReadTimeout, time_limit
from tests.fuzz import corpus
from tests.fuzz.conftest import check_understood, fuzz_settings

LIMITS = ReadLimits(max_seconds=10, **corpus.SMALL_LIMITS)
# Hypothesis leaves a garbage-collector callback installed; a time limit's signal landing
# inside it is discarded by Python ("Exception ignored in gc_callback") and raised again on
# the timer's next tick, which is the design. pytest reports the discarded one as a warning.
SIGNAL_TIMEOUT = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _write(root: Path, seed: corpus.Seed, data: bytes) -> Path:
    path = root / ("fuzzed" + seed.suffix)
    path.write_bytes(data)
    return path


def _fuzz(root: Path, seed: corpus.Seed, rnd: random.Random, rounds: int) -> None:
    check_understood(_write(root, seed, corpus.mutate(seed, rnd, rounds)), root, LIMITS)


@fuzz_settings(120)
@given(seed=st.sampled_from(corpus.seeds_of("pdf")), rnd=st.randoms(use_true_random=False), rounds=st.integers(1, 3))
def test_mutated_pdfs(fuzz_root: Path, seed: corpus.Seed, rnd: random.Random, rounds: int) -> None:
    _fuzz(fuzz_root, seed, rnd, rounds)


@fuzz_settings(80)
@given(seed=st.sampled_from(corpus.seeds_of("docx")), rnd=st.randoms(use_true_random=False), rounds=st.integers(1, 3))
def test_mutated_docx(fuzz_root: Path, seed: corpus.Seed, rnd: random.Random, rounds: int) -> None:
    _fuzz(fuzz_root, seed, rnd, rounds)


@fuzz_settings(40)
@given(
    seed=st.sampled_from(corpus.seeds_of("image") + corpus.seeds_of("other")),
    rnd=st.randoms(use_true_random=False),
    rounds=st.integers(1, 3),
)
def test_mutated_images_and_other_files(fuzz_root: Path, seed: corpus.Seed, rnd: random.Random, rounds: int) -> None:
    _fuzz(fuzz_root, seed, rnd, rounds)


@fuzz_settings(60)
@given(seed=st.sampled_from(corpus.seeds_of("text")), rnd=st.randoms(use_true_random=False), rounds=st.integers(1, 3))
def test_mutated_text_files(fuzz_root: Path, seed: corpus.Seed, rnd: random.Random, rounds: int) -> None:
    _fuzz(fuzz_root, seed, rnd, rounds)


@fuzz_settings(40)
@given(tail=st.binary(max_size=20_000))
def test_random_bytes_after_a_pdf_header(fuzz_root: Path, tail: bytes) -> None:
    path = fuzz_root / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + tail)
    doc = check_understood(path, fuzz_root, LIMITS)
    assert doc.raw.file_format == "pdf"


@pytest.mark.parametrize("name", sorted(corpus.hostile_files()))
def test_hostile_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(corpus.hostile_files()[name])
    check_understood(path, tmp_path, ReadLimits(max_seconds=10, **corpus.SMALL_LIMITS))


@pytest.mark.parametrize("path", sorted(corpus.REGRESSIONS.iterdir()), ids=lambda path: path.name)
def test_input_that_once_crashed(tmp_path: Path, path: Path) -> None:
    """Inputs saved by fuzzing (bench/fuzz/run.py) that escaped a reader's error handling once."""
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    check_understood(target, tmp_path, LIMITS)


@pytest.mark.parametrize(
    "name,reason",
    [
        ("pdf-bomb-8mb.pdf", "unpacks to more than 4,194,304 bytes"),
        ("pdf-5000-pages.pdf", "5000 pages, more than the limit of 50"),
        ("pdf-deep-page-tree-5000.pdf", "limits"),
        ("pdf-page-100000in.pdf", "too large to read by OCR"),
        ("pdf-image-100000x100000.pdf", "image of 100,000 x 100,000 pixels"),
        ("docx-bomb-8mb.docx", "over the limit of 4,194,304"),
        ("docx-lying-sizes.docx", "unpacks to 3,000,"),
        ("docx-deep-xml-10000.docx", "damaged"),
        ("docx-zip-version-14.8.docx", "the Word file is damaged (zip file version 14.8)"),
        ("docx-compression-method-99.docx", "damaged"),
        ("docx-20000-parts.docx", "holds 20,0"),
        ("docx-entities.docx", "damaged"),
        ("png-100000x100000.png", "100,000 x 100,000 pixels"),
        ("jpeg-65535x65535.jpg", "65,535 x 65,535 pixels"),
        ("tiff-100000x100000.tif", "100,000 x 100,000 pixels"),
        ("tiff-500-frames.tif", "more than 50 pages"),
    ],
)
def test_hostile_file_reason(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(corpus.hostile_files()[name])
    raw = read_document(path, tmp_path, ReadLimits(max_seconds=10, **corpus.SMALL_LIMITS))
    assert reason in (raw.error or ""), raw.error


def test_pdf_zip_bomb_stops_at_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(corpus.pdf_bomb(ReadLimits().max_unzipped_bytes + (8 << 20)))
    raw = read_document(path, tmp_path)
    assert "unpacks to more than 104,857,600 bytes" in (raw.error or ""), raw.error


def test_docx_zip_bomb_stops_at_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(corpus.docx_bomb(ReadLimits().max_unzipped_bytes + (1 << 20)))
    raw = read_document(path, tmp_path)
    assert "over the limit of 104,857,600" in (raw.error or ""), raw.error


@SIGNAL_TIMEOUT
def test_a_slow_pdf_stops_at_the_time_limit(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    path.write_bytes(corpus.pdf_huge_content(40_000))
    started = time.monotonic()
    raw = read_document(path, tmp_path, ReadLimits(max_seconds=0.5))
    elapsed = time.monotonic() - started
    assert raw.error == "the document took longer than 0.5 s to read (the time limit per document)"
    assert elapsed < 2.5, elapsed  # the whole read takes 3 s or more
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_outside_the_main_thread_the_limit_is_checked_between_pages(tmp_path: Path) -> None:
    path = tmp_path / "slow-pages.pdf"
    path.write_bytes(corpus.pdf_huge_content(4_000, pages=40))  # ~0.2 s a page, 8 s or more in all
    result = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: result.append(read_document(path, tmp_path, ReadLimits(max_seconds=0.5))))
    worker.start()
    worker.join()
    elapsed = time.monotonic() - started
    assert result[0].error == "the document took longer than 0.5 s to read (the time limit per document)"
    assert elapsed < 4, elapsed  # stopped after the page it was on, not after 40


@SIGNAL_TIMEOUT
def test_an_outer_time_limit_is_left_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    path.write_bytes(corpus.pdf_huge_content(40_000))
    with pytest.raises(ReadTimeout) as caught, time_limit(0.3) as outer:
        read_document(path, tmp_path, ReadLimits(max_seconds=30))
    assert caught.value.deadline is outer
    with time_limit(5):  # and an inner, shorter limit is the reader's own
        assert "took longer than 0.3 s" in (read_document(path, tmp_path, ReadLimits(max_seconds=0.3)).error or "")


def test_someone_elses_timer_is_left_alone(tmp_path: Path) -> None:
    """With a SIGALRM timer already armed (pytest-timeout, a host app), the limit is cooperative."""
    path = tmp_path / "slow-pages.pdf"
    path.write_bytes(corpus.pdf_huge_content(4_000, pages=20))
    fired = []

    def foreign(*args: object) -> None:
        fired.append(args)

    previous = signal.signal(signal.SIGALRM, foreign)
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        raw = read_document(path, tmp_path, ReadLimits(max_seconds=0.5))
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        handler = signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert "took longer than 0.5 s" in (raw.error or "")
    assert 90 < remaining <= 100 and not fired and handler is foreign


def test_limits_are_configurable_and_defaulted() -> None:
    limits = ReadLimits()
    assert limits.max_seconds == 60 and limits.max_unzipped_bytes == 100 << 20
    assert ReadLimits(max_seconds=None).max_seconds is None
    with pytest.raises(ValueError):
        ReadLimits(max_seconds=0)
