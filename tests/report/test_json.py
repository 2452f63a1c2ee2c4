"""The JSON report matches the contract (schema_version 1) and masks SINs."""

from __future__ import annotations

import json
import re
from typing import Any

from checklist.report import render_json, render_markdown
from tests.support.factory import K, Scenario, document

KINDS = {
    "reference_letter",
    "pay_stub",
    "work_permit",
    "study_permit",
    "visitor_record",
    "ircc_letter",
    "language_test",
    "t4",
    "noa",
    "employment_contract",
    "other",
    "unreadable",
}  # the contract's kinds
FIELDS = {
    "reference_letter": [
        "employer_name",
        "employee_name",
        "job_title",
        "start_date",
        "end_date",
        "currently_employed",
        "hours_per_week",
        "salary_amount",
        "salary_period",
        "benefits",
        "duties",
        "noc_code",
        "signatory_name",
        "signatory_title",
        "employer_address",
        "employer_phone",
        "employer_email",
        "letter_date",
        "language",
        "positions",
        "leaves",
        "work_location",
        "contractor",
    ],
    "pay_stub": [
        "employer_name",
        "employee_name",
        "period_start",
        "period_end",
        "pay_date",
        "hours",
        "gross_pay",
        "ytd_gross",
    ],
    "work_permit": [
        "holder_name",
        "permit_number",
        "uci",
        "issue_date",
        "expiry_date",
        "permit_type",
        "employer",
        "occupation",
        "noc_code",
        "conditions",
        "restrictions",
        "coop",
        "refugee_claimant",
    ],
    "study_permit": ["holder_name", "permit_number", "uci", "issue_date", "expiry_date", "school", "conditions"],
    "visitor_record": ["holder_name", "uci", "issue_date", "expiry_date", "conditions"],
    "ircc_letter": [
        "letter_type",
        "holder_name",
        "uci",
        "application_number",
        "application_type",
        "received_date",
        "letter_date",
        "valid_until",
    ],
    "language_test": ["test", "holder_name", "test_date", "listening", "reading", "writing", "speaking", "clb"],
    "t4": ["tax_year", "employer_name", "employee_name", "employment_income", "province"],
    "noa": ["tax_year", "employee_name", "total_income", "date_issued"],
    "employment_contract": [
        "employer_name",
        "employee_name",
        "job_title",
        "start_date",
        "hours_per_week",
        "salary_amount",
        "salary_period",
    ],
}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate_contract(data: dict[str, Any]) -> None:
    """Assert the contract's JSON shape; shared with the sample and CLI tests."""
    assert data["schema_version"] == 1 and isinstance(data["tool_version"], str)
    assert ISO.match(data["as_of"]) and ISO.match(data["window"]["start"])
    claims = data.get("claims") or {}
    assert data["window"]["end"] == (
        claims.get("application_date") or data["as_of"]
    )  # the window ends on the application
    assert {"at_ita", "today", "reaches_required_on"} <= set(data["experience"]) and "deadline" in data
    assert data["experience"]["today"] is None or data["experience"]["today"] <= data["as_of"]
    assert isinstance(data["ready"], bool)
    experience = data["experience"]
    assert experience["required_hours"] == 1560 and isinstance(experience["qualifying_hours"], (int, float))
    for job in experience["jobs"]:
        assert {"employer", "noc", "teer", "claimed_hours", "qualifying_hours"} <= set(job)
        assert re.fullmatch(r"\d{4,5}", job["noc"]) and job["teer"] == (
            int(job["noc"][1]) if len(job["noc"]) == 5 else None
        )
    for doc in data["documents"]:
        assert doc["kind"] in KINDS and "\\" not in doc["path"] and not doc["path"].startswith("/")
        for name in FIELDS.get(doc["kind"], []):
            assert name in doc["fields"], f"{doc['path']}: {name} missing"
        for name, value in doc["fields"].items():
            if isinstance(value, str) and ("date" in name or name in ("period_start", "period_end")):
                assert ISO.match(value), (name, value)
    severities = {f["severity"] for f in data["findings"]}
    assert severities <= {"blocker", "warning", "info"}
    assert data["ready"] == ("blocker" not in severities)
    for finding in data["findings"]:
        assert {"code", "severity", "message", "fix", "documents", "job"} <= set(finding)
        assert finding["job"] is None or 0 <= finding["job"] < len(experience["jobs"])


def test_report_matches_the_contract() -> None:
    scenario = Scenario.clean().drop("permit.pdf")
    scenario.documents.append(
        document(K.NOA, "noa.pdf", tax_year=2024, employee_name="Maria Santos", total_income=72000.0)
    )
    validate_contract(json.loads(render_json(scenario.report())))


def test_sins_never_appear_in_json_or_markdown() -> None:
    scenario = Scenario.clean()
    scenario.documents.append(document(K.OTHER, "sin.pdf"))
    report = scenario.report()
    # A SIN that reached a finding's message through a document name must still be masked.
    leaked = report.model_copy(update={"applicant": "Maria Santos 946 454 286"})
    for text in (render_json(leaked), render_markdown(leaked)):
        assert "946 454 286" not in text and "946454286" not in text
        assert "XXX XXX 286" in text
