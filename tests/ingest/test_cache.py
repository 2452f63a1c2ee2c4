"""Readings kept in the case folder (issue 14, part 5): a file is read once, a stale or broken entry never trusted."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checklist.pipeline as checking
from checklist.cli import app
from checklist.ingest import ocr
from checklist.ingest.cache import CACHE_DIR, READINGS, ReadingCache
from checklist.ingest.limits import ReadLimits
from checklist.ingest.parallel import WORKERS_VARIABLE
from checklist.pipeline import CheckOptions, check_case, read_documents
from checklist.report import render_json
from tests.support.files import make_pdf
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
SIN = "046 454 286"  # Luhn-valid
DAY = dt.date(2025, 6, 1)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    (target / "docs").mkdir(parents=True)
    (target / "case.yaml").write_text(
        "applicant: Ana Lima\napplication_date: 2025-06-01\njobs:\n  - employer: Acme Ltd.\n    title: Analyst\n"
        "    noc: '21223'\n    start: 2023-01-02\n    hours_per_week: 40\n",
        encoding="utf-8",
    )
    make_pdf(
        target / "docs" / "letter.pdf",
        [
            [
                "Acme Ltd.",
                "To whom it may concern,",
                "Ana Lima works here as an",
                f"Analyst since January 2, 2023, 40 hours a week. SIN {SIN}.",
            ]
        ],
    )
    make_pdf(target / "docs" / "stub.pdf", [["Acme Ltd. pay statement", "Pay date 2025-01-15", "Gross 2,000.00"]])
    return target


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the readers were asked to read, in order."""
    seen: list[str] = []
    real = checking.read_document

    def counting(path: Path, root: Path, limits: ReadLimits):  # type: ignore[no-untyped-def]
        seen.append(path.relative_to(root).as_posix())
        return real(path, root, limits)

    monkeypatch.setattr(checking, "read_document", counting)
    monkeypatch.setenv(WORKERS_VARIABLE, "1")  # the list is this process's: no reading in worker processes
    return seen


def entries(case: Path) -> list[Path]:
    return sorted((case / CACHE_DIR / READINGS).glob("*.json"))


def test_a_second_check_reads_nothing_and_reports_the_same(case: Path, reads: list[str]) -> None:
    first = render_json(check_case(case, noc_dir=NOC_DIR, as_of=DAY))
    assert sorted(reads) == ["docs/letter.pdf", "docs/stub.pdf"]
    assert len(entries(case)) == 2
    reads.clear()
    again = render_json(check_case(case, noc_dir=NOC_DIR, as_of=DAY))
    assert reads == []
    assert again == first


def test_a_changed_file_is_read_again_and_only_it(case: Path, reads: list[str]) -> None:
    read_documents(case, cache=True)
    reads.clear()
    make_pdf(case / "docs" / "stub.pdf", [["Acme Ltd. pay statement", "Pay date 2025-02-15", "Gross 2,100.00"]])
    documents = read_documents(case, cache=True)
    assert reads == ["docs/stub.pdf"]
    assert "2,100.00" in next(d for d in documents if d.path == "docs/stub.pdf").raw.text


def test_a_moved_file_keeps_its_reading_under_its_new_name(case: Path, reads: list[str]) -> None:
    read_documents(case, cache=True)
    reads.clear()
    (case / "docs" / "letter.pdf").rename(case / "reference letter.pdf")
    documents = read_documents(case, cache=True)
    assert reads == []
    assert "reference letter.pdf" in [d.path for d in documents]


@pytest.mark.parametrize("damage", ["not json", "truncated", "other reader", "other file", "not a reading"])
def test_a_broken_or_stale_entry_is_ignored_and_rebuilt(case: Path, reads: list[str], damage: str) -> None:
    read_documents(case, cache=True)
    entry = entries(case)[0]
    stored = json.loads(entry.read_text(encoding="utf-8"))
    text = {
        "not json": "{{{",
        "truncated": entry.read_text(encoding="utf-8")[:50],
        "other reader": json.dumps({**stored, "reader": "0.0.0/1/x"}),
        "other file": json.dumps({**stored, "sha256": "0" * 64}),
        "not a reading": json.dumps({**stored, "raw": {"pages": "lots"}}),
    }[damage]
    entry.write_text(text, encoding="utf-8")
    reads.clear()
    documents = read_documents(case, cache=True)
    assert len(reads) == 1  # the damaged one, read afresh
    assert all(d.raw.readable for d in documents)
    assert json.loads(entry.read_text(encoding="utf-8"))["reader"] == stored["reader"]  # rebuilt


def test_other_limits_read_again(case: Path, reads: list[str]) -> None:
    read_documents(case, cache=True)
    reads.clear()
    read_documents(case, ReadLimits(max_pages=3), cache=True)
    assert len(reads) == 2


def test_another_ocr_engine_reads_again(case: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading made with one OCR engine does not stand for one made with another."""
    monkeypatch.setattr(ocr, "preferred_engine", lambda: "tesseract")
    read_documents(case, cache=True)
    reads.clear()
    monkeypatch.setattr(ocr, "preferred_engine", lambda: "rapidocr")
    read_documents(case, cache=True)
    assert len(reads) == 2
    reads.clear()
    read_documents(case, cache=True)
    assert reads == []


def test_failed_readings_are_not_kept(case: Path) -> None:
    (case / "docs" / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    documents = read_documents(case, cache=True)
    assert not next(d for d in documents if d.path == "docs/broken.pdf").raw.readable
    assert len(entries(case)) == 2  # the two readable ones


def test_the_cache_holds_no_sin_and_only_the_user_can_read_it(case: Path) -> None:
    read_documents(case, cache=True)
    for entry in entries(case):
        assert SIN not in entry.read_text(encoding="utf-8")
        assert SIN.replace(" ", "") not in entry.read_text(encoding="utf-8")
        assert os.stat(entry).st_mode & 0o077 == 0
    assert (
        (case / CACHE_DIR / READINGS / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_the_cache_folder_is_never_read_as_documents(case: Path) -> None:
    first = [d.path for d in read_documents(case, cache=True)]
    assert [d.path for d in read_documents(case, cache=True)] == first
    assert not any(CACHE_DIR in path for path in first)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_case_folder_costs_speed_not_the_check(case: Path, reads: list[str]) -> None:
    os.chmod(case, 0o555)
    try:
        documents = read_documents(case, cache=True)
    finally:
        os.chmod(case, 0o755)
    assert len(documents) == 2 and all(d.raw.readable for d in documents)


def test_an_unwritable_cache_costs_speed_not_the_check(
    case: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("checklist.ingest.cache.os.open", full_disk)
    documents = read_documents(case, cache=True)
    assert len(documents) == 2 and all(d.raw.readable for d in documents)
    assert entries(case) == []
    assert not list((case / CACHE_DIR / READINGS).glob(".*.tmp"))


def test_no_cache_reads_every_file_again(case: Path, reads: list[str]) -> None:
    read_documents(case, cache=True)
    reads.clear()
    read_documents(case, cache=False)
    assert len(reads) == 2


def test_the_cli_reuses_readings_unless_told_not_to(case: Path, reads: list[str]) -> None:
    runner = CliRunner()
    out = case / "r.json"
    args = ["check", str(case), "-f", "json", "-o", str(out), "--as-of", "2025-06-01", "--noc-data", str(NOC_DIR)]
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert len(reads) == 2
    reads.clear()
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert reads == []
    assert runner.invoke(app, [*args, "--no-cache"]).exit_code in (0, 1)
    assert len(reads) == 2


def test_a_scanned_case_is_ocrd_once(tmp_path: Path, reads: list[str]) -> None:
    """The second check of the scanned sample reads (and OCRs) nothing."""
    case = tmp_path / "scans"
    shutil.copytree(SAMPLES / "s09_scans_and_photos", case, ignore=shutil.ignore_patterns(CACHE_DIR))
    first = check_case(case, CheckOptions(noc_dir=NOC_DIR))
    assert any(path.startswith("scans/") for path in reads)
    reads.clear()
    second = check_case(case, CheckOptions(noc_dir=NOC_DIR))
    assert reads == []
    assert [d.model_dump() for d in second.documents] == [d.model_dump() for d in first.documents]


def test_reading_cache_refuses_a_key_that_is_not_a_hash(case: Path) -> None:
    with pytest.raises(ValueError):
        ReadingCache(case, ReadLimits()).get("../../etc/passwd", "x")


def test_a_second_check_loads_no_document_reader(case: Path) -> None:
    """Start-up time of a re-check (issue 14): with every reading cached, neither pypdf nor python-docx is imported."""
    import subprocess
    import sys

    from tests.support.files import make_docx

    make_docx(case / "docs" / "contract.docx", ["Employment contract", "Acme Ltd. hires Ana Lima as Analyst."])
    script = (
        "import sys; from pathlib import Path; from checklist.pipeline import check_case; "
        f"check_case(Path({str(case)!r}), noc_dir=Path({str(NOC_DIR)!r})); "
        "print(sorted(m for m in ('pypdf', 'docx') if m in sys.modules))"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip() == "['docx', 'pypdf']", runs[0].stderr[-2000:]
    assert runs[1].stdout.strip() == "[]", runs[1].stderr[-2000:]


def test_a_half_written_entry_a_killed_check_left_is_removed_and_never_read(case: Path) -> None:
    """Regression (the adversarial suite's kill -9): the cache's temporary file carries the tool's temporary mark,
    so the next check (and the web server's start-up cleaning) removes one that is old enough."""
    from checklist.output import STALE_SECONDS, is_temporary

    check_case(case, noc_dir=NOC_DIR)
    folder = case / CACHE_DIR / READINGS
    entry = entries(case)[0]
    left = folder / f".{entry.name}.cec-part-4242"
    left.write_text('{"half": ', encoding="utf-8")
    old = entry.stat().st_mtime - STALE_SECONDS - 60
    os.utime(left, (old, old))
    fresh = folder / f".{entry.name}.cec-part-4343"  # another process writing right now: left alone
    fresh.write_text("{", encoding="utf-8")
    assert is_temporary(left.name)
    check_case(case, noc_dir=NOC_DIR)
    assert not left.exists() and fresh.exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
