"""The app's own handling: a full or read-only disk said as such, the last report kept, leftovers cleaned at start-up."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

import pytest

from checklist import output
from checklist.web import WebSettings, create_app
from checklist.web.store import CaseStore
from tests.web.conftest import SAMPLES, Browser, sample_form

S01 = SAMPLES / "s01_clean_promotion"


def _checked_case(browser: Browser) -> tuple[str, Path]:
    """A case with claims, one small document and a first report (no OCR: quick)."""
    case_id = browser.new_case()
    browser.post(f"/cases/{case_id}/claims", sample_form(S01))
    browser.upload(case_id, [("note.txt", b"Pay stub of Kavya Iyer, 2024-05-31, 40 hours")])
    assert browser.post(f"/cases/{case_id}/check", follow_redirects=False).status_code == 303
    return case_id, browser.cases_dir / case_id / ".cec-checklist" / "report.json"


def _temporary_files(root: Path) -> list[str]:
    return [name for _, _, files in os.walk(root) for name in files if output.is_temporary(name)]


def test_issue20_full_disk_during_a_check_keeps_the_last_report(
    browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id, last = _checked_case(browser)
    before = last.read_bytes()
    real_replace = os.replace

    def full_at_the_last_step(src: object, dst: object) -> None:  # the new report is complete; its rename fails
        if Path(str(dst)).name == "report.json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", full_at_the_last_step)
    response = browser.post(f"/cases/{case_id}/check")
    monkeypatch.undo()
    assert response.status_code == 507
    assert "the disk is full" in response.text and "Free some space" in response.text
    assert "Something went wrong" not in response.text
    assert last.read_bytes() == before  # a move to previous-report.json would have left the case without one
    assert browser.get(f"/cases/{case_id}/report").status_code == 200
    assert _temporary_files(browser.cases_dir) == []


def test_issue20_full_disk_while_writing_a_report_keeps_it(browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, last = _checked_case(browser)
    before = last.read_bytes()

    def full(fd: int, data: memoryview) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output, "_write_all", full)
    response = browser.post(f"/cases/{case_id}/check")
    assert response.status_code == 507 and "the disk is full" in response.text
    assert last.read_bytes() == before and _temporary_files(browser.cases_dir) == []


def test_issue20_read_only_disk_on_upload_is_named(browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = browser.new_case()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "open", read_only)
    response = browser.upload(case_id, [("letter.txt", b"a letter")])
    monkeypatch.undo()
    assert response.status_code == 503
    assert "read-only disk" in response.text and "Could not save" in response.text
    assert "unexpected failure" not in response.text
    assert list((browser.cases_dir / case_id / "documents").iterdir()) == []


def test_issue20_full_disk_when_creating_a_case_is_named(browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: CaseStore, name: str) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.root / "new"))

    monkeypatch.setattr(CaseStore, "create", full)
    response = browser.post("/cases", {"name": "Farah"})
    assert response.status_code == 507 and "the disk is full" in response.text


def test_another_os_error_is_still_an_unexpected_failure(browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: CaseStore, name: str) -> str:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(CaseStore, "create", broken)
    response = browser.post("/cases", {"name": "Farah"})
    assert response.status_code == 500 and "disk is full" not in response.text


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_issue20_start_up_removes_what_a_killed_server_left(
    settings: WebSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = settings.cases_dir / "farah" / "documents"
    documents.mkdir(parents=True)
    partial = documents / f".letter.pdf{output.TEMP_MARK}1a2b3c4d"
    partial.write_bytes(b"half an upload")
    _aged(partial, 3600)
    live = documents / f".stub.pdf{output.TEMP_MARK}5e6f7a8b"  # another process is writing it right now
    live.write_bytes(b"being written")
    state = settings.cases_dir / "farah" / ".cec-checklist"
    state.mkdir()
    half_report = state / f".report.json{output.TEMP_MARK}99aa88bb"
    half_report.write_text("{")
    _aged(half_report, 3600)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-temp"))
    (tmp_path / "system-temp").mkdir()
    pack = tmp_path / "system-temp" / f"{output.PACK_TEMP_PREFIX}x1y2"
    (pack / "upload").mkdir(parents=True)
    (pack / "upload" / "1-position.pdf").write_bytes(b"%PDF a pack's pages")
    _aged(pack, 7200)
    other = tmp_path / "system-temp" / "someone-elses"
    other.mkdir()
    _aged(other, 7200)
    create_app(settings)
    assert not partial.exists() and not half_report.exists() and not pack.exists()
    assert live.exists() and other.exists()
