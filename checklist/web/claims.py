"""The claims form: HTML form fields to case.yaml data and back.

Field names are flat (`applicant`, `jobs-0-employer`, `study-1-end`) so the
form works without JavaScript. A row left blank is ignored, which is how a
form without scripts grows: the page always offers one empty row more.
Validation is the CLI's own (`casefile.validation_errors`), so the page and
`cec-checklist check` say the same thing about the same value; errors are
keyed by the CLI's dotted field names (`jobs[0].end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checklist.casefile import validation_errors
from checklist.models.case import Case

MAX_ROWS = 40
JOB_TEXT = ("employer", "title", "noc", "start", "end", "hours_per_week")
JOB_FLAGS = ("current", "self_employed")
STUDY_TEXT = ("start", "end")
NO_END = "enter the last day of this job, or tick “I still work here”"


@dataclass
class ClaimsForm:
    """What the form shows: the values as typed, and the errors by dotted field."""

    applicant: str = ""
    ita_date: str = ""
    application_date: str = ""
    jobs: list[dict[str, Any]] = field(default_factory=list)
    study: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def error(self, name: str) -> list[str]:
        return self.errors.get(name, [])

    def add_error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def other_errors(self) -> list[tuple[str, str]]:
        """Errors on fields the form has no input for (e.g. an unknown key in an uploaded file)."""
        shown = {"applicant", "ita_date", "application_date", "jobs", "study"}
        for index, _ in enumerate(self.jobs):
            shown |= {f"jobs[{index}]"} | {f"jobs[{index}].{name}" for name in (*JOB_TEXT, "self_employed")}
        for index, _ in enumerate(self.study):
            shown |= {f"study[{index}]"} | {f"study[{index}].{name}" for name in STUDY_TEXT}
        return [(name, message) for name, messages in self.errors.items() if name not in shown for message in messages]


def form_from_data(data: Any) -> ClaimsForm:
    """Prefill the form from case.yaml data, valid or not (a hand-edited file may be half right)."""
    data = data if isinstance(data, dict) else {}
    jobs = [_job_row(job) for job in _list(data.get("jobs")) if isinstance(job, dict)]
    study = [{name: _text(period.get(name)) for name in STUDY_TEXT} for period in _list(data.get("study")) if isinstance(period, dict)]
    return ClaimsForm(applicant=_text(data.get("applicant")), ita_date=_text(data.get("ita_date")),
                      application_date=_text(data.get("application_date")), jobs=jobs, study=study)


def parse_form(form: Mapping[str, str]) -> tuple[Case | None, ClaimsForm]:
    """The case the form describes, or None and the form with its errors."""
    claims = ClaimsForm(applicant=_get(form, "applicant"), ita_date=_get(form, "ita_date"),
                        application_date=_get(form, "application_date"))
    claims.jobs = [row for row in _rows(form, "jobs", JOB_TEXT, JOB_FLAGS) if not row.pop("remove")]
    claims.study = [row for row in _rows(form, "study", STUDY_TEXT, ()) if not row.pop("remove")]
    data = {
        "applicant": claims.applicant,
        "ita_date": claims.ita_date or None,
        "application_date": claims.application_date or None,
        "jobs": [_job_data(row) for row in claims.jobs],
        "study": [{name: row[name] for name in STUDY_TEXT if row[name]} for row in claims.study],
    }
    for index, row in enumerate(claims.jobs):
        if not row["current"] and not row["end"]:
            claims.add_error(f"jobs[{index}].end", NO_END)
    for name, message in validation_errors(data):
        claims.add_error(name, message)
    if claims.errors:
        return None, claims
    return Case.model_validate(data), claims


def _rows(form: Mapping[str, str], prefix: str, text: tuple[str, ...], flags: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = []
    for index in range(MAX_ROWS):
        row: dict[str, Any] = {name: _get(form, f"{prefix}-{index}-{name}") for name in text}
        row.update({name: bool(_get(form, f"{prefix}-{index}-{name}")) for name in flags})
        row["remove"] = bool(_get(form, f"{prefix}-{index}-remove"))
        if any(row[name] for name in text):
            rows.append(row)
    return rows


def _job_data(row: dict[str, Any]) -> dict[str, Any]:
    """A blank required field is left out, so the message is the CLI's "this field is required"."""
    data = {name: row[name] for name in ("employer", "title", "noc", "start", "hours_per_week") if row[name]}
    data["end"] = None if row["current"] else (row["end"] or None)
    data["self_employed"] = row["self_employed"]
    return data


def _job_row(job: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: _text(job.get(name)) for name in JOB_TEXT}
    row["current"] = job.get("end") is None
    row["self_employed"] = job.get("self_employed") is True
    return row


def _get(form: Mapping[str, str], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, int, float, str)):
        return str(value)
    return ""
