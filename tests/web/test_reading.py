"""The web app's readings: kept in memory while it runs, and in the case folder across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist import pipeline as checking
from checklist.ingest.limits import ReadLimits
from checklist.web.reading import DocumentCache
from tests.support.files import make_pdf


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the readers were asked to read."""
    seen: list[str] = []
    real = checking.read_document

    def counting(path: Path, root: Path, limits: ReadLimits):  # type: ignore[no-untyped-def]
        seen.append(path.relative_to(root).as_posix())
        return real(path, root, limits)

    monkeypatch.setattr(checking, "read_document", counting)
    return seen


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    (folder / "documents").mkdir(parents=True)
    make_pdf(folder / "documents" / "stub.pdf", [["Acme Ltd. pay statement", "Pay date 2025-01-31", "Gross 2,000.00"]])
    return folder


def test_a_restarted_server_reads_an_unchanged_file_from_the_case_folder(case: Path, reads: list[str]) -> None:
    first = DocumentCache(ReadLimits()).read(case, "documents/stub.pdf")
    assert reads == ["documents/stub.pdf"]
    again = DocumentCache(ReadLimits()).read(case, "documents/stub.pdf")  # a new server: nothing in memory
    assert reads == ["documents/stub.pdf"]
    assert again.model_dump() == first.model_dump()


def test_a_file_replaced_under_the_same_name_is_read_again(case: Path, reads: list[str]) -> None:
    DocumentCache(ReadLimits()).read(case, "documents/stub.pdf")
    make_pdf(case / "documents" / "stub.pdf", [["Acme Ltd. pay statement", "Pay date 2025-02-28", "Gross 2,400.00"]])
    document = DocumentCache(ReadLimits()).read(case, "documents/stub.pdf")
    assert reads == ["documents/stub.pdf", "documents/stub.pdf"]
    assert "2,400.00" in document.raw.text


def test_within_one_run_a_file_is_read_once(case: Path, reads: list[str]) -> None:
    cache = DocumentCache(ReadLimits())
    cache.read(case, "documents/stub.pdf")
    cache.read(case, "documents/stub.pdf")
    assert reads == ["documents/stub.pdf"]
