"""The report: the contract's JSON (schema_version 1) as a model.

Markdown, HTML and the terminal summary render from this model's dump, so
no format shows what the JSON lacks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from checklist.models.findings import Finding

SCHEMA_VERSION = 1
REQUIRED_HOURS = 1560


class Window(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: dt.date
    end: dt.date


class WeekHours(BaseModel):
    """Hours of one Monday-Sunday week: what counted and why the rest did not."""

    model_config = ConfigDict(frozen=True)
    week_start: dt.date
    counted: float
    by_job: list[float]
    excluded: dict[str, float] = Field(default_factory=dict)


class JobHours(BaseModel):
    model_config = ConfigDict(frozen=True)
    employer: str
    title: str
    noc: str
    teer: int | None
    hours_per_week_used: float
    claimed_hours: float
    qualifying_hours: float
    excluded: dict[str, float] = Field(default_factory=dict)


class Experience(BaseModel):
    model_config = ConfigDict(frozen=True)
    required_hours: int = REQUIRED_HOURS
    qualifying_hours: float
    jobs: list[JobHours]
    at_ita: float | None = None  # qualifying hours in the 3 years before the ITA date
    today: dt.date | None = None  # the last day counted
    reaches_required_on: dt.date | None = None  # when 1,560 is reached if current jobs continue
    weeks: list[WeekHours] = Field(default_factory=list)


class DocumentReport(BaseModel):
    model_config = ConfigDict(frozen=True)
    path: str
    kind: str
    fields: dict[str, Any] = Field(default_factory=dict)
    sources: dict[str, Any] = Field(default_factory=dict)
    job: int | None = None
    read_as: str | None = None
    language: str | None = None
    evidence: list[str] = Field(default_factory=list)
    error: str | None = None
    review: dict[str, Any] | None = None  # the review decisions applied to it, or null
    reviewed_fields: list[str] = Field(default_factory=list)  # the fields whose value a person set


class EvidenceItem(BaseModel):
    """One cell of the evidence matrix: present, missing or in doubt, and the files behind it."""

    model_config = ConfigDict(frozen=True)
    label: str
    status: str  # present | missing | in_doubt | not_needed
    detail: str = ""
    documents: list[str] = Field(default_factory=list)
    key: str = ""  # letter | pay_stubs | t4 | noa | permit: what the item is, for the to-do list
    year: int | None = None  # the tax year of a T4 or NOA item
    missing: list[str] = Field(default_factory=list)  # what is not covered: months (YYYY-MM) or day ranges


class JobEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)
    job: int
    items: list[EvidenceItem]


class TodoItem(BaseModel):
    """One thing to collect, known from the claims alone; `done` once a document that satisfies it was read."""

    model_config = ConfigDict(frozen=True)
    key: str  # letter | pay_stubs | t4 | noa | status | language
    label: str
    job: int | None = None  # None: the case as a whole (the language test)
    required: bool = True  # False: supporting proof IRCC may ask for (notices of assessment)
    done: bool = False
    missing: list[str] = Field(default_factory=list)  # what still misses, in words a person can act on
    confirm: list[str] = Field(default_factory=list)  # what the tool cannot see or could not read: check by eye
    documents: list[str] = Field(default_factory=list)


class Claims(BaseModel):
    """The case.yaml claims, echoed so every report format can show them."""

    model_config = ConfigDict(frozen=True)
    ita_date: dt.date | None = None
    application_date: dt.date | None = None
    jobs: list[dict[str, Any]]
    study: list[dict[str, Any]] = Field(default_factory=list)


class AuthorizationPeriod(BaseModel):
    """Days of work authorization the checks used, and on what basis."""

    model_config = ConfigDict(frozen=True)
    start: dt.date
    end: dt.date
    basis: str  # work_permit | maintained_status | r186w
    documents: list[str]
    employer: str | None = None
    occupation: str | None = None
    noc: str | None = None
    restrictions: list[str] = Field(default_factory=list)


class Deadline(BaseModel):
    """The e-APR deadline: 60 days after the ITA, and the days left counted from today."""

    model_config = ConfigDict(frozen=True)
    date: dt.date
    days_left: int


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)
    schema_version: int = SCHEMA_VERSION
    tool_version: str
    applicant: str  # the legal name, as on the documents (the one the name checks compare)
    case_name: str | None = None  # the consultant's own name for the case: shown, never compared
    as_of: dt.date
    window: Window
    ita_deadline: dt.date | None = None
    deadline: Deadline | None = None
    ready: bool
    experience: Experience
    documents: list[DocumentReport]
    findings: list[Finding]
    duties: list[dict[str, Any]] = Field(default_factory=list)  # per job: the NOC duty-by-duty match
    noc_data: bool = False
    claims: Claims | None = None
    evidence: list[JobEvidence] = Field(default_factory=list)
    authorization: list[AuthorizationPeriod] = Field(
        default_factory=list
    )  # the periods the checks counted as authorized
    other_status: list[dict[str, Any]] = Field(default_factory=list)  # status documents that authorize no counted work
    todo: list[TodoItem] = Field(
        default_factory=list
    )  # what to collect, per job and year, ticked by the documents read
    # files under the case folder that are the tool's own (reports, packs, case files): {"path", "reason"}
    set_aside: list[dict[str, str]] = Field(default_factory=list)

    @property
    def display_name(self) -> str:
        """What a person calls the case: its case_name when given, else the applicant."""
        return self.case_name or self.applicant

    def counts(self) -> dict[str, int]:
        out = {"blocker": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            out[finding.severity.value] += 1
        return out
