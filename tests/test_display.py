"""Strings on their way out (issue 20, parts 3 and 4): printable names, masked SINs, masked logs;
and every command on a case whose file names are not UTF-8 (as unzipping a Windows archive leaves them)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.cli import app
from checklist.display import mask_logs, public, public_data, public_log, readable
from tests.support.cases import small_case

runner = CliRunner()
NOT_UTF8 = b"lettre_\xe9t\xe9.pdf"  # "lettre_été.pdf" in Latin-1
SHOWN = "lettre_\ufffdt\ufffd.pdf"


def test_names_that_are_not_utf8_are_shown_with_replacement_characters() -> None:
    raw = os.fsdecode(NOT_UTF8)
    assert readable(raw) == SHOWN and readable("été") == "été"
    assert public(raw + " SIN 046 454 286").encode("utf-8") == (SHOWN + " SIN XXX XXX 286").encode("utf-8")
    assert public_data({raw: [raw, 3, None, {"k": "046-454-286"}]}) == {SHOWN: [SHOWN, 3, None, {"k": "XXX XXX 286"}]}


def test_log_records_are_masked_and_keep_their_shape(caplog: pytest.LogCaptureFixture) -> None:
    mask_logs()
    log = logging.getLogger("checklist.test")
    with caplog.at_level(logging.INFO):
        log.info("%s unreadable: %s", os.fsdecode(b"T4 046 454 286 \xe9.pdf"), "empty")
        log.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", "/cases/Farah%20XXX", "1.1", 200)
        try:
            raise ValueError("failure in 046-454-286.pdf")
        except ValueError:
            log.exception("failed on %s", Path("046454286.pdf"))
    assert "046" not in caplog.text and "XXX XXX 286" in caplog.text and "\ufffd" in caplog.text
    assert isinstance(caplog.records[1].args, tuple)  # uvicorn's access log unpacks its arguments


@pytest.mark.parametrize(
    "path",
    [
        "/cases/note%20046%20454%20286",
        "/?sin=046%20454%20286",
        "/cases/note%20046-454-286",
        "/cases/a%E2%80%AF046%E2%80%AF454%E2%80%AF286",
        "/cases/a%C2%A0046%C2%A0454%C2%A0286",
    ],
)
def test_an_access_log_line_with_a_percent_encoded_sin_is_masked(caplog: pytest.LogCaptureFixture, path: str) -> None:
    """Regression (the adversarial suite's sinscan): uvicorn logs the path as sent; '%20' glued a '20' to the
    first group, so the SIN did not look like one. The line is logged decoded, masked."""
    mask_logs()
    with caplog.at_level(logging.INFO):
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", path, "1.1", 200)
    assert "454" not in caplog.text and "XXX XXX 286" in caplog.text, caplog.text
    assert isinstance(caplog.records[-1].args, tuple)


def test_a_percent_sign_without_a_sin_is_logged_as_it_came() -> None:
    assert public_log("/cases/Farah%20Nazari?q=100%25") == "/cases/Farah%20Nazari?q=100%25"


@pytest.fixture
def odd_case(tmp_path: Path) -> Path:
    return small_case(tmp_path / "case", letter_name=NOT_UTF8)


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_issue20_check_a_case_with_a_name_that_is_not_utf8(odd_case: Path, fmt: str) -> None:
    """Regression (issue 20): `check` crashed with UnicodeEncodeError on writing the report."""
    result = runner.invoke(app, ["check", str(odd_case), "-f", fmt])
    assert result.exit_code in (0, 1), result.output
    assert "unexpected failure" not in result.output
    report = (odd_case / f"report.{fmt}").read_text(encoding="utf-8")
    if fmt == "json":
        assert SHOWN in [doc["path"] for doc in json.loads(report)["documents"]]
    else:
        assert "lettre" in report and "\ufffd" in report


def test_issue20_extract_and_batch_a_name_that_is_not_utf8(odd_case: Path, tmp_path: Path) -> None:
    document = Path(os.fsdecode(os.path.join(os.fsencode(odd_case), NOT_UTF8)))
    for fmt in ("json", "text"):
        result = runner.invoke(app, ["extract", str(document), "-f", fmt])
        assert result.exit_code == 0 and "lettre_\ufffdt\ufffd.pdf" in result.output, result.output
    result = runner.invoke(app, ["batch", str(odd_case.parent), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "could not be checked" in result.output and "0 could not" in result.output
    assert SHOWN in (tmp_path / "out" / "case.json").read_text(encoding="utf-8")


def test_issue20_pack_a_name_that_is_not_utf8(odd_case: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    result = runner.invoke(
        app, ["pack", str(odd_case), "-o", str(tmp_path / "upload"), "--force"]
    )  # the case has blockers; this test is about its names
    assert result.exit_code == 0, result.output
    assert len([p for p in (tmp_path / "upload").glob("*.pdf") if p.name != "read-me-first.pdf"]) == 1
