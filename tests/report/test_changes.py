"""Comparing two checks: fixed, new, still open, and findings that left with their document."""

from __future__ import annotations

from typing import Any

from checklist.report.changes import compare_reports


def report(
    findings: list[dict[str, Any]], documents: list[str], ready: bool = False, hours: float = 1000.0
) -> dict[str, Any]:
    return {
        "ready": ready,
        "experience": {"qualifying_hours": hours},
        "findings": findings,
        "documents": [{"path": path} for path in documents],
    }


def finding(code: str, job: int | None = 0, documents: tuple[str, ...] = (), message: str = "m") -> dict[str, Any]:
    return {"code": code, "job": job, "documents": list(documents), "message": message, "severity": "blocker"}


def test_fixed_new_and_still_open() -> None:
    before = report(
        [finding("letter.missing-hours", documents=("a.pdf",)), finding("cec.hours-short", message="1000 h")], ["a.pdf"]
    )
    after = report(
        [finding("cec.hours-short", message="1200 h"), finding("permit.gap", job=None)], ["a.pdf"], hours=1200
    )
    changes = compare_reports(before, after)
    assert [f["code"] for f in changes.fixed] == ["letter.missing-hours"]
    assert [f["code"] for f in changes.new] == ["permit.gap"]
    assert changes.still_open == 1  # the same gap with new numbers is not "new"
    assert (changes.hours_before, changes.hours_now) == (1000.0, 1200.0)
    assert changes.anything


def test_a_finding_about_a_removed_document_is_not_fixed() -> None:
    before = report([finding("letter.missing-salary", documents=("weak.pdf",))], ["weak.pdf", "t4.pdf"])
    after = report([finding("letter.missing", documents=())], ["t4.pdf"])
    changes = compare_reports(before, after)
    assert changes.fixed == [] and [f["code"] for f in changes.dropped] == ["letter.missing-salary"]
    assert changes.documents_removed == ["weak.pdf"] and changes.documents_added == []


def test_the_same_report_twice_changes_nothing() -> None:
    same = report([finding("a.b", documents=("x", "y"))], ["x", "y"], ready=True)
    reordered = report([finding("a.b", documents=("y", "x"))], ["y", "x"], ready=True)
    changes = compare_reports(same, reordered)
    assert not changes.anything and changes.still_open == 1


def test_verdict_change_alone_counts() -> None:
    assert compare_reports(report([], [], ready=False), report([], [], ready=True)).anything
