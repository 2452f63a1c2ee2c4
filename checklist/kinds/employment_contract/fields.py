"""Fields of an employment contract or offer letter."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields, SalaryPeriod


class EmploymentContractFields(KindFields):
    employer_name: str | None = None
    employee_name: str | None = None
    job_title: str | None = None
    start_date: dt.date | None = None
    hours_per_week: float | None = None
    salary_amount: float | None = None
    salary_period: SalaryPeriod | None = None
