"""Every sample case checked end to end against its ground truth (samples/expected/<case>.json).

The ground truth was written with the samples, independently of the checks:
the required blocker and warning codes must all fire, no other code of
checks.md may fire except the optional ones, hours must be within tolerance,
and the report must follow the contract.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
from pathlib import Path

import pypdf
import pytest

from checklist.pipeline import check_case
from checklist.report import render_html, render_json, render_markdown, render_pdf
from tests.report.test_json import validate_contract
from tests.support.noc import NOC_DIR, needs_real_noc, shared_noc

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CASES = sorted((SAMPLES / "cases").iterdir())


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.name)
def checked(request: pytest.FixtureRequest) -> tuple[dict, dict, object]:  # type: ignore[type-arg]
    shared_noc()
    case = request.param
    expected = json.loads((SAMPLES / "expected" / f"{case.name}.json").read_text(encoding="utf-8"))
    if any(d.get("style") in ("scanned", "image") for d in expected["documents"].values()) and not shutil.which(
        "tesseract"
    ):
        pytest.skip("this sample has scans and photos: it needs Tesseract (the ocr extra)")
    report = check_case(case, noc_dir=NOC_DIR, as_of=dt.date.fromisoformat(expected["as_of"]))
    request.node.report = report  # type: ignore[attr-defined]
    return expected, json.loads(render_json(report)), report


def test_contract(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    validate_contract(checked[1])


def test_renders_html_pdf_and_markdown(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    expected, data, report = checked
    html, markdown = render_html(report), render_markdown(report)  # type: ignore[arg-type]
    verdict = "Ready: no blocker found" if expected["ready"] else "Not ready"
    assert verdict in html and data["applicant"] in html and "<svg" in html
    assert ("READY: no blocker found" if expected["ready"] else "NOT READY") in markdown
    for code in expected["codes"]:
        assert code in html and code in markdown
    pytest.importorskip("weasyprint")
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(report)))  # type: ignore[arg-type]
    text = " ".join(page.extract_text() for page in reader.pages)
    assert verdict in text and expected["codes"][0] in text if expected["codes"] else verdict in text


def test_expected_codes_exactly(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    expected, report, _ = checked
    fired = {f["code"] for f in report["findings"] if f["severity"] in ("blocker", "warning")}
    assert set(expected["codes"]) <= fired, f"missed: {set(expected['codes']) - fired}"
    allowed = set(expected["codes"]) | set(expected.get("optional_codes", []))
    assert fired <= allowed, f"extra: {fired - allowed}"
    assert report["ready"] == expected["ready"]


def test_hours(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    expected, report, _ = checked
    tolerance = expected.get("hours_tolerance", max(16, expected["qualifying_hours"] * 0.01))
    assert abs(report["experience"]["qualifying_hours"] - expected["qualifying_hours"]) <= tolerance


def test_document_kinds(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    expected, report, _ = checked
    kinds = {d["path"]: d["kind"] for d in report["documents"]}
    wrong = {p: (d["kind"], kinds.get(p)) for p, d in expected["documents"].items() if kinds.get(p) != d["kind"]}
    assert not wrong


def test_no_sin_in_the_report(checked: tuple[dict, dict, object]) -> None:  # type: ignore[type-arg]
    expected, report, _ = checked
    text = json.dumps(report)
    for sin in expected.get("sins", []):
        for form in (sin, f"{sin[:3]} {sin[3:6]} {sin[6:]}", f"{sin[:3]}-{sin[3:6]}-{sin[6:]}"):
            assert form not in text


GOLDEN = Path(__file__).resolve().parent / "golden" / "reports"


@needs_real_noc  # the goldens hold the duty rows of the real NOC 2021 descriptions
def test_json_report_is_the_golden_one(checked: tuple[dict, dict, object], request: pytest.FixtureRequest) -> None:  # type: ignore[type-arg]
    """The whole JSON report, byte for byte: refactors change no verdict. CEC_UPDATE_GOLDENS=1 rewrites them
    after an intended change (say which and why in the commit); a missing golden file fails."""
    _, _, report = checked
    name = request.node.callspec.id
    golden = GOLDEN / f"{name}.json"
    rendered = render_json(report)  # type: ignore[arg-type]
    if os.environ.get("CEC_UPDATE_GOLDENS") == "1":
        golden.write_text(rendered, encoding="utf-8")
    assert golden.is_file(), f"no golden report {golden}: run with CEC_UPDATE_GOLDENS=1 and review the file"
    assert rendered == golden.read_text(encoding="utf-8"), (
        f"{name}: the JSON report changed; review, then CEC_UPDATE_GOLDENS=1"
    )
