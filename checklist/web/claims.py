"""The claims form: HTML form fields to case.yaml data and back.

Field names are flat (`applicant`, `jobs-0-employer`, `study-1-end`) so the
form works without JavaScript. A row left blank is ignored, which is how a
form without scripts grows: the page always offers one empty row more.
Validation is the CLI's own model (`Case`), so the page and `cec-checklist
check` accept and refuse the same values; but the page says it in the form's
own words ("Enter the first day of this job."), beside the field the person
typed in, all at once: the checks that compare two fields (a last day before
the first) run even when another field of the row is wrong. Errors are keyed
by the CLI's dotted field names (`jobs[0].end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from checklist.casefile import _dotted, _explain
from checklist.errors import shown
from checklist.models.case import Case

MAX_ROWS = 40
JOB_TEXT = ("employer", "title", "noc", "start", "end", "hours_per_week")
JOB_FLAGS = ("current", "self_employed")
STUDY_TEXT = ("start", "end")
NO_END = "Enter the last day of this job, or tick “I still work here”."
DATE_FORMAT = "year-month-day, such as 2023-06-01"
REQUIRED = {
    "applicant": "Enter your full name, as on your passport.",
    "employer": "Enter the employer's name.",
    "title": "Enter your job title.",
    "noc": "Enter the NOC 2021 code of this job: five digits, such as 21232.",
    "start": "Enter the first day of this job.",
    "end": NO_END,
    "hours_per_week": "Enter the hours you worked per week, such as 37.5.",
    "study.start": "Enter the first day of this study period.",
    "study.end": "Enter the last day of this study period.",
}
WHEN = {
    "ita_date": "the ITA date",
    "application_date": "the application date",
    "start": "the first day",
    "end": "the last day",
}


@dataclass
class ClaimsForm:
    """What the form shows: the values as typed, and the errors by dotted field."""

    applicant: str = ""
    ita_date: str = ""
    application_date: str = ""
    jobs: list[dict[str, Any]] = field(default_factory=list)
    study: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    blank_jobs: int = 0  # empty job rows to show after the jobs ("Add a job"); a form without jobs shows one

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
    study = [
        {name: _text(period.get(name)) for name in STUDY_TEXT}
        for period in _list(data.get("study"))
        if isinstance(period, dict)
    ]
    return ClaimsForm(
        applicant=_text(data.get("applicant")),
        ita_date=_text(data.get("ita_date")),
        application_date=_text(data.get("application_date")),
        jobs=jobs,
        study=study,
    )


def read_form(form: Mapping[str, str]) -> ClaimsForm:
    """The form as typed, without judging it (for "Add a job" and "Remove", which save nothing)."""
    claims = ClaimsForm(
        applicant=_get(form, "applicant"),
        ita_date=_get(form, "ita_date"),
        application_date=_get(form, "application_date"),
    )
    claims.jobs = [row for row in _rows(form, "jobs", JOB_TEXT, JOB_FLAGS) if not row.pop("remove")]
    claims.study = [row for row in _rows(form, "study", STUDY_TEXT, ()) if not row.pop("remove")]
    return claims


def parse_form(form: Mapping[str, str]) -> tuple[Case | None, ClaimsForm]:
    """The case the form describes, or None and the form with its errors."""
    claims = read_form(form)
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
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        case = None
        for error in exc.errors():
            name, message = plain_error(error)
            if message not in claims.error(name):
                claims.add_error(name, message)
    for prefix, rows in (("jobs", claims.jobs), ("study", claims.study)):
        for index, row in enumerate(rows):
            _order_of_days(claims, f"{prefix}[{index}]", row)
    if claims.errors:
        return None, claims
    return case, claims


def plain_error(error: Any) -> tuple[str, str]:
    """(dotted field, message in the form's words) for one of the model's errors; the CLI's words otherwise."""
    loc = tuple(error["loc"])
    kind, value, field = error["type"], error.get("input"), str(loc[-1]) if loc else ""
    if kind == "value_error" and len(loc) == 2 and " is before start " in str(error["msg"]):
        return _dotted((*loc, "end")), _before(loc, error["input"])
    key = f"study.{field}" if loc[:1] == ("study",) else field
    if kind == "missing" or (kind == "string_too_short" and not str(value or "").strip()):
        return _dotted(loc), REQUIRED.get(key, _explain(error))
    if kind == "too_short" and loc == ("jobs",):
        return "jobs", "Enter at least one job: the check compares your documents with the jobs you claim."
    if kind.startswith("date"):
        return _dotted(
            loc
        ), f"Enter {WHEN.get(field, 'a date')} as {DATE_FORMAT} (“{shown(value)[1:-1]}” is not a date)."
    if field == "hours_per_week":
        return _dotted(loc), "Enter the hours per week as a number more than 0 and at most 168, such as 37.5."
    if field == "noc":
        return _dotted(loc), (
            f"A NOC 2021 code has five digits, such as 21232 (“{shown(value)[1:-1]}” is not one). "
            "Type the job title to search for it."
        )
    return _dotted(loc), _explain(error)


def _before(loc: tuple[Any, ...], data: Any) -> str:
    start, end = (data.get("start"), data.get("end")) if isinstance(data, dict) else (None, None)
    what = "this job" if loc[0] == "jobs" else "this study period"
    return f"The last day ({end}) is before the first day ({start}) of {what}."


def _order_of_days(claims: ClaimsForm, row_name: str, row: dict[str, Any]) -> None:
    """A last day before the first, said even when another field of the row stops the model from comparing them."""
    try:
        start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
    except (KeyError, TypeError, ValueError):
        return
    if end < start and not row.get("current"):
        message = _before((row_name.split("[")[0],), {"start": start, "end": end})
        if message not in claims.error(f"{row_name}.end"):
            claims.add_error(f"{row_name}.end", message)


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
