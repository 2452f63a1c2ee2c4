"""The consultant's desk (issue 19): deadline, days left, top blockers, reviews, in the batch index,
summary.csv and the web case list; `batch --sort`; the display name apart from the legal name."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checklist.batch import CaseRow, write_summary
from checklist.cli import app
from checklist.desk import desk_facts, sort_key, top_blockers
from checklist.report import render_html, render_markdown
from checklist.web.store import CaseStore
from tests.support.cases import small_case
from tests.support.factory import APPLICANT, Scenario

D = dt.date


def _finding(code: str, severity: str = "blocker", acknowledged: bool = False) -> dict[str, object]:
    return {"code": code, "severity": severity, "acknowledged": acknowledged}


def test_top_blockers_are_open_blockers_most_frequent_first() -> None:
    findings = [
        _finding("letter.missing-hours"),
        _finding("permit.gap"),
        _finding("permit.gap"),
        _finding("cec.hours-short", acknowledged=True),
        _finding("doc.scanned", "info"),
        _finding("a.b"),
        _finding("z.z"),
    ]
    assert top_blockers(findings) == ("permit.gap", "a.b", "letter.missing-hours")


def test_desk_facts_count_days_left_from_the_day_given() -> None:
    data = {
        "ready": False,
        "as_of": "2026-01-10",
        "ita_deadline": "2026-03-08",
        "case_name": "File 2026-041",
        "claims": {"ita_date": "2026-01-07", "jobs": []},
        "experience": {"qualifying_hours": 1600.0},
        "documents": [{"review": {"kind": "t4"}}, {"review": None, "reviewed_fields": ["hours"]}, {"review": None}],
        "findings": [_finding("permit.gap", acknowledged=True), _finding("letter.missing")],
    }
    facts = desk_facts(data, D(2026, 3, 1))
    assert (facts.deadline, facts.days_left, facts.ita_date) == (D(2026, 3, 8), 7, D(2026, 1, 7))
    assert (facts.reviewed, facts.acknowledged, facts.top_blockers) == (2, 1, ("letter.missing",))
    assert (facts.checked, facts.case_name, facts.verdict, facts.hours) == (
        D(2026, 1, 10),
        "File 2026-041",
        "not ready",
        1600.0,
    )
    assert desk_facts({**data, "ita_deadline": None}, D(2026, 3, 1)).days_left is None


def test_sort_by_deadline_puts_the_nearest_first_and_no_deadline_last() -> None:
    rows = [("b", None), ("a", D(2026, 3, 1)), ("c", D(2026, 2, 1))]
    ordered = sorted(rows, key=lambda r: sort_key("deadline", r[0], r[1], 0, None))
    assert [r[0] for r in ordered] == ["c", "a", "b"]


def _copy(tmp_path: Path, name: str, ita: str | None, case_name: str | None = None) -> Path:
    folder = small_case(tmp_path / "root" / name)
    text = (folder / "case.yaml").read_text()
    text = text.replace("ita_date: 2025-10-22\n", f"ita_date: {ita}\n" if ita else "")
    if case_name:
        text = f"case_name: {case_name}\n" + text
    (folder / "case.yaml").write_text(text)
    return folder


def test_batch_sort_deadline_and_desk_columns(tmp_path: Path) -> None:
    _copy(tmp_path, "alpha", None)
    _copy(tmp_path, "bravo", "2025-10-01", case_name="File 2025-099")
    _copy(tmp_path, "charlie", "2025-09-20")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(tmp_path / "root"), "-o", str(out), "--as-of", "2025-11-14", "--sort", "deadline"]
    )
    assert result.exit_code == 1, result.output
    rows = list(csv.DictReader((out / "summary.csv").open()))
    assert [r["case"] for r in rows] == ["charlie", "bravo", "alpha"]
    charlie, bravo, alpha = rows
    assert (charlie["deadline"], charlie["days_left"]) == ("2025-11-19", "5")
    assert (bravo["case_name"], bravo["applicant"], bravo["ita_date"]) == (
        "File 2025-099",
        "Farah Nazari",
        "2025-10-01",
    )
    assert alpha["deadline"] == "" and alpha["verdict"] == "not ready" and alpha["checked"] == "2025-11-14"
    assert "language.missing" in alpha["top_blockers"].split("; ")
    index = (out / "index.html").read_text()
    assert index.index("charlie") < index.index("File 2025-099") < index.index("alpha")
    assert 'aria-sort="ascending"' in index and "<script src" not in index


def test_batch_refuses_an_unknown_sort(tmp_path: Path) -> None:
    _copy(tmp_path, "alpha", None)
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "root"), "-o", str(tmp_path / "o"), "--sort", "colour"])
    assert result.exit_code == 2 and "--sort must be one of" in result.output


def test_index_escapes_document_values(tmp_path: Path) -> None:
    row = CaseRow(
        case="x",
        name="x",
        case_name="<b>File</b>",
        applicant="<img src=x onerror=alert(1)>",
        verdict="not ready",
        top_blockers="<i>code</i>",
    )
    write_summary([row], tmp_path)
    index = (tmp_path / "index.html").read_text()
    assert "<img src=x" not in index and "&lt;b&gt;File" in index and "<i>code" not in index


def test_case_name_is_shown_but_never_compared() -> None:
    scenario = Scenario.clean()
    scenario.claims = {"case_name": "File 2026-041"}
    report = scenario.report()
    assert report.case_name == "File 2026-041" and report.applicant == APPLICANT
    assert not {f.code for f in report.findings} & {"name.mismatch", "language.name-mismatch"}
    html, md = render_html(report), render_markdown(report)
    assert "CEC evidence check: File 2026-041" in html and f"({APPLICANT})" in html
    assert md.startswith("# CEC evidence check: File 2026-041") and f"Applicant (legal name): {APPLICANT}" in md


def test_web_case_list_shows_the_desk_line(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Kavya")
    store.write_claims(case_id, "case_name: File 7\napplicant: Kavya Iyer\njobs: []\n")
    report = {
        "ready": False,
        "as_of": "2026-01-10",
        "ita_deadline": "2026-03-08",
        "claims": {"ita_date": "2026-01-07"},
        "findings": [_finding("permit.gap")],
        "documents": [],
        "experience": {"qualifying_hours": 900},
    }
    store.save_report(case_id, json.dumps(report))
    [summary] = store.summaries(D(2026, 3, 1))
    assert summary.name == "File 7"
    assert summary.desk is not None and summary.desk.days_left == 7 and summary.desk.top_blockers == ("permit.gap",)


def test_web_case_name_falls_back_to_the_created_name_then_the_applicant(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Kavya file")
    store.write_claims(case_id, "applicant: Kavya Iyer\njobs: []\n")
    assert store.name(case_id) == "Kavya file"
    shutil.rmtree(store.folder(case_id) / ".cec-checklist")
    assert store.name(case_id) == "Kavya Iyer"


def test_a_case_named_as_its_applicant_shows_the_name_once() -> None:
    scenario = Scenario.clean()
    scenario.claims = {"case_name": APPLICANT}
    assert f"({APPLICANT})" not in render_html(scenario.report())
