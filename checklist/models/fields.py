"""Typed fields per document kind: exactly the keys of the contract's table.

Every key is always present (None when the document does not state it), so
the JSON report has a stable shape. Where a value came from is kept apart in
`FieldSource`, so consumers of `fields` get plain values.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checklist.models.document import DocumentKind, ReadMethod

SalaryPeriod = Literal["year", "month", "week", "hour"]


class FieldSource(BaseModel):
    """Where a value was read: page (1-based), the text it came from, and how."""

    model_config = ConfigDict(frozen=True)

    page: int | None = None
    snippet: str
    method: ReadMethod | None = None


class _Fields(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Position(_Fields):
    """One position held at an employer, as a reference letter states it."""

    job_title: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    hours_per_week: float | None = None
    salary_amount: float | None = None
    salary_period: SalaryPeriod | None = None
    duties: list[str] = []


class ReferenceLetterFields(_Fields):
    employer_name: str | None = None
    employee_name: str | None = None
    job_title: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    currently_employed: bool | None = None
    hours_per_week: float | None = None
    salary_amount: float | None = None
    salary_period: SalaryPeriod | None = None
    benefits: str | None = None
    duties: list[str] = []
    noc_code: str | None = None
    signatory_name: str | None = None
    signatory_title: str | None = None
    employer_address: str | None = None
    employer_phone: str | None = None
    employer_email: str | None = None
    letter_date: dt.date | None = None
    language: str | None = None
    positions: list[Position] = []  # every position held, oldest first (beyond the contract)


class PayStubFields(_Fields):
    employer_name: str | None = None
    employee_name: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    pay_date: dt.date | None = None
    hours: float | None = None
    gross_pay: float | None = None
    ytd_gross: float | None = None


class WorkPermitFields(_Fields):
    holder_name: str | None = None
    permit_number: str | None = None
    uci: str | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    permit_type: Literal["open", "employer_specific"] | None = None
    employer: str | None = None
    occupation: str | None = None
    noc_code: str | None = None


class T4Fields(_Fields):
    tax_year: int | None = None
    employer_name: str | None = None
    employee_name: str | None = None
    employment_income: float | None = None
    province: str | None = None


class NoaFields(_Fields):
    tax_year: int | None = None
    employee_name: str | None = None
    total_income: float | None = None
    date_issued: dt.date | None = None


class EmploymentContractFields(_Fields):
    employer_name: str | None = None
    employee_name: str | None = None
    job_title: str | None = None
    start_date: dt.date | None = None
    hours_per_week: float | None = None
    salary_amount: float | None = None
    salary_period: SalaryPeriod | None = None


FIELD_MODELS: dict[DocumentKind, type[_Fields]] = {
    DocumentKind.REFERENCE_LETTER: ReferenceLetterFields,
    DocumentKind.PAY_STUB: PayStubFields,
    DocumentKind.WORK_PERMIT: WorkPermitFields,
    DocumentKind.T4: T4Fields,
    DocumentKind.NOA: NoaFields,
    DocumentKind.EMPLOYMENT_CONTRACT: EmploymentContractFields,
}
