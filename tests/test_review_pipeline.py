"""Issue 14: the person has the last word on what a document says (review.yaml applied to the check).

A copy of sample s08 (without its pay stubs, to stay quick) whose reference letter is a text file
with a misread start date: the false blocker goes with one 'review --set'.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.casefile import load_case
from checklist.cli import app
from checklist.models.review import Acknowledgement, Review
from checklist.pipeline import build_report, read_documents, understand
from checklist.report import render_html, render_json, render_markdown
from checklist.reviewfile import load_review

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "cases" / "s08_ready_with_warnings"
AS_OF = dt.date(2025, 9, 12)
LETTER = "Documents/Employment/BlueHarbour_letter_2025.txt"
HYDRO = "Documents/Housing/hydro bill july.pdf"
runner = CliRunner()


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy: the letter as text, its start read as 2024 instead of 2023 (a misread)."""
    root = tmp_path_factory.mktemp("review") / "case"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("Pay"))
    pdf = root / "Documents" / "Employment" / "BlueHarbour_letter_2025.pdf"
    text = understand(pdf, root).raw.text
    assert "since June 12,\n2023" in text
    (root / LETTER).write_text(text.replace("since June 12,\n2023", "since June 12,\n2024"), encoding="utf-8")
    pdf.unlink()
    return root


@pytest.fixture(scope="module")
def documents(case_dir: Path):  # type: ignore[no-untyped-def]
    return read_documents(case_dir)


def report_of(case_dir: Path, documents, review: Review | None = None):  # type: ignore[no-untyped-def]
    return build_report(load_case(case_dir), AS_OF, documents, None, review)


def codes(report, severity: str | None = None) -> set[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return {(f.code, tuple(f.documents)) for f in report.findings if severity is None or f.severity.value == severity}


def review(case_dir: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["review", str(case_dir), *args])


def test_issue_14_a_misread_start_date_is_fixed_by_one_review_set(tmp_path: Path, case_dir: Path, documents) -> None:  # type: ignore[no-untyped-def]
    before = report_of(case_dir, documents)
    assert not before.ready and ("letter.claim-mismatch", (LETTER,)) in codes(before, "blocker")

    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    result = review(case, "--set", LETTER, "start_date=June 12, 2023")
    assert result.exit_code == 0, result.output
    assert "start_date = 2023-06-12" in result.output

    after = report_of(case, documents, load_review(case))
    assert after.ready and not codes(after, "blocker")
    data = json.loads(render_json(after))
    letter = next(d for d in data["documents"] if d["path"] == LETTER)
    assert letter["fields"]["start_date"] == "2023-06-12" and letter["reviewed_fields"] == ["start_date"]
    assert letter["review"]["fields"] == {"start_date": "2023-06-12"}
    assert letter["review"]["as_read"] == {"start_date": "2024-06-12"}
    assert letter["sources"]["start_date"]["snippet"] == "confirmed by you"
    assert "2023-06-12 (confirmed by you) | read: 2024-06-12" in render_markdown(after)
    assert "confirmed by you" in render_html(after)


def test_a_kind_set_by_a_person_re_extracts_the_document(tmp_path: Path, case_dir: Path, documents) -> None:  # type: ignore[no-untyped-def]
    assert ("doc.unclassified", (HYDRO,)) in codes(report_of(case_dir, documents))
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    assert review(case, "--kind", HYDRO, "pay_stub").exit_code == 0
    report = report_of(case, documents, load_review(case))
    hydro = next(d for d in report.documents if d.path == HYDRO)
    assert hydro.kind == "pay_stub" and hydro.evidence == ["set by you in review.yaml"]
    assert hydro.review and hydro.review["kind"] == "pay_stub"
    assert ("doc.unclassified", (HYDRO,)) not in codes(report)


def test_a_document_set_aside_leaves_the_checks_but_stays_in_the_report(
    tmp_path: Path, case_dir: Path, documents
) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    assert review(case, "--set-aside", HYDRO).exit_code == 0
    report = report_of(case, documents, load_review(case))
    assert ("doc.unclassified", (HYDRO,)) not in codes(report)
    hydro = next(d for d in report.documents if d.path == HYDRO)
    assert hydro.review and hydro.review["set_aside"] is True and hydro.job is None
    assert "set aside by you: not checked" in render_markdown(report) and "set aside by you" in render_html(report)


def test_acknowledged_warning_and_blocker(tmp_path: Path, case_dir: Path, documents) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    warned = next(f for f in report_of(case_dir, documents).findings if f.code == "name.mismatch")
    assert (
        review(
            case,
            "--ack",
            "name.mismatch",
            "--document",
            warned.documents[0],
            "--note",
            "My spouse's notice, kept by mistake",
        ).exit_code
        == 0
    )
    assert (
        review(
            case, "--ack", "letter.claim-mismatch", "--job", "0", "--note", "The employer is correcting the letter"
        ).exit_code
        == 0
    )
    report = report_of(case, documents, load_review(case))
    assert report.ready  # the one blocker is acknowledged
    blocker = next(f for f in report.findings if f.code == "letter.claim-mismatch")
    assert blocker.acknowledged and blocker.note == "The employer is correcting the letter"
    warning = next(f for f in report.findings if f.code == "name.mismatch" and f.documents == warned.documents)
    assert warning.acknowledged and warning.note == "My spouse's notice, kept by mistake"
    data = json.loads(render_json(report))
    found = next(f for f in data["findings"] if f["code"] == "letter.claim-mismatch")
    assert found["acknowledged"] is True and found["note"] == "The employer is correcting the letter"
    markdown, html = render_markdown(report), render_html(report)
    assert "Acknowledged by you (this blocker is not counted): The employer is correcting the letter" in markdown
    assert "My spouse&#39;s notice, kept by mistake" in html or "My spouse's notice, kept by mistake" in html
    assert "letter.claim-mismatch" in html and "Ready: every blocker acknowledged by you" in html
    from rich.console import Console

    from checklist.report.terminal import print_summary

    console = Console(file=io.StringIO(), width=200, highlight=False)
    print_summary(report, console)
    summary = console.file.getvalue()  # type: ignore[attr-defined]
    assert summary.startswith("READY") and "acknowledged by you: The employer is correcting the letter" in summary


def test_decisions_lapse_when_the_file_changes(tmp_path: Path, case_dir: Path, documents) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    assert review(case, "--set", LETTER, "start_date=2023-06-12").exit_code == 0
    with (case / LETTER).open("a", encoding="utf-8") as handle:
        handle.write("\nP.S. updated\n")
    changed = [understand(case / LETTER, case) if d.path == LETTER else d for d in documents]
    report = report_of(case, changed, load_review(case))
    assert ("review.lapsed", (LETTER,)) in codes(report, "warning")
    assert ("letter.claim-mismatch", (LETTER,)) in codes(report, "blocker")
    letter = next(d for d in report.documents if d.path == LETTER)
    assert letter.review is None and letter.reviewed_fields == []


def test_acknowledgement_matches_code_document_and_job() -> None:
    ack = Acknowledgement(code="letter.personal-email", document="a.pdf", job=0, note="ok")
    assert ack.matches("letter.personal-email", ["a.pdf"], 0)
    assert not ack.matches("letter.personal-email", ["b.pdf"], 0)
    assert not ack.matches("letter.personal-email", ["a.pdf"], 1)
    assert not ack.matches("letter.stale", ["a.pdf"], 0)


@pytest.mark.parametrize(
    "args",
    [
        ["--set", "../case.yaml", "start_date=2023-01-01"],
        ["--set", LETTER, "start_date=someday"],
        ["--set", LETTER, "favourite_colour=blue"],
        ["--set", LETTER],
        ["--kind", LETTER, "passport"],
        ["--set-aside", "nowhere.pdf"],
        ["--ack", "letter.no-such-check", "--note", "x"],
        ["--ack", "letter.personal-email"],
    ],
)
def test_review_refuses_bad_decisions_with_exit_2(tmp_path: Path, case_dir: Path, args: list[str]) -> None:
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    result = review(case, *args)
    assert result.exit_code == 2, result.output
    assert "error:" in result.output and "Traceback" not in result.output
    assert not (case / "review.yaml").exists()


def test_check_exits_2_on_a_hostile_review_file(tmp_path: Path, case_dir: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    (case / "review.yaml").write_text(
        'documents:\n  "../../etc/passwd":\n    sha256: ' + "0" * 64 + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(case), "-f", "json", "-o", "-"])
    assert result.exit_code == 2 and "review.yaml:2" in result.output and "not a path inside" in result.output


def test_review_without_options_lists_what_needs_a_person(tmp_path: Path, case_dir: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(case_dir, case)
    assert review(case, "--set", LETTER, "start_date=2023-06-12").exit_code == 0
    with (case / LETTER).open("a", encoding="utf-8") as handle:
        handle.write("\nP.S. updated\n")
    result = review(case, "--as-of", AS_OF.isoformat())
    assert result.exit_code == 0, result.output
    assert f"warning review.lapsed [{LETTER}]" in result.output
    assert "Recorded in review.yaml:" in result.output and "start_date = 2023-06-12" in result.output
