"""Fields of a reference letter: the contract's keys; the flat fields are the latest position."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields, SalaryPeriod


class Leave(KindFields):
    """A leave the letter states: not hours worked."""

    start: dt.date | None = None
    end: dt.date | None = None  # None: still on leave, or the end is not stated
    reason: str = "leave"  # maternity, parental, sick, unpaid, leave of absence, leave


class Position(KindFields):
    """One position held at an employer, as a reference letter states it."""

    job_title: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    hours_per_week: float | None = None
    salary_amount: float | None = None
    salary_period: SalaryPeriod | None = None
    duties: list[str] = []


class ReferenceLetterFields(KindFields):
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
    positions: list[Position] = []  # every position held, oldest first
    leaves: list[Leave] = []  # stated leaves
    work_location: str | None = None  # where the work was done, as stated
    contractor: bool | None = None  # the letter describes contract work (invoices, independent contractor, T4A)
