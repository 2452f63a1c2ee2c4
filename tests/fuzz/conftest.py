"""Fuzz-suite setup: a deterministic hypothesis budget, a scratch folder, and OCR kept fast.

The CI budget is small and derandomized (the same inputs on every run);
`CEC_CHECKLIST_FUZZ_SCALE=10 pytest tests/fuzz` tries ten times as many.
The longer randomized run is `bench/fuzz/run.py`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings

from checklist.ingest import UNEXPECTED
from checklist.ingest.limits import ReadLimits
from checklist.models.document import Document, DocumentKind, ReadMethod
from checklist.pipeline import understand

SCALE = float(os.environ.get("CEC_CHECKLIST_FUZZ_SCALE", "1"))
# Readers stop at their limits; this is how much a reading may overrun its time limit
# (the cooperative check runs between pages) plus classify and extract on CI machines.
SLACK_SECONDS = 5.0


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,  # a slow input is judged by the time limit, not hypothesis' clock
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="package", autouse=True)
def fast_ocr() -> Iterator[None]:
    """Keep OCR's decoders (where image bombs would bite) but not its slow recognition.

    Package scope: the stub is gone before the rest of the suite runs.

    Without the OCR module, scans take the 'OCR not installed' path, as users see it.
    """
    try:
        from checklist.ingest import ocr  # type: ignore[attr-defined]  # being written; optional
    except ImportError:
        yield
        return
    fake = SimpleNamespace(
        load_images=ocr.load_images,
        render_pdf_pages=ocr.render_pdf_pages,
        get_engine=lambda *args, **kwargs: None,
        ocr_image=lambda image, engine: SimpleNamespace(text="OCR text of a scanned page", confidence=0.5),
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("checklist.ingest.images._ocr_module", lambda: fake)
        yield


def check_understood(path: Path, root: Path, limits: ReadLimits) -> Document:
    """The fuzz property: a file ends as a document or as unreadable with a reason, in bounded time."""
    started = time.monotonic()
    doc = understand(path, root, limits)  # raising here is the bug the suite looks for
    elapsed = time.monotonic() - started
    assert isinstance(doc, Document)
    if doc.raw.readable:
        assert doc.kind is not DocumentKind.UNREADABLE
        text_pages = [page for page in doc.raw.pages if page.method is not ReadMethod.OCR]
        assert sum(len(page.text) for page in text_pages) <= limits.max_chars
    else:
        assert doc.kind is DocumentKind.UNREADABLE
        assert doc.raw.error and doc.raw.error.strip()
        assert UNEXPECTED not in doc.raw.error, f"a reader failed in a way it does not handle: {doc.raw.error}"
    assert elapsed < (limits.max_seconds or 0) + SLACK_SECONDS, f"took {elapsed:.1f} s"
    return doc
