"""Fields of a pay stub."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields


class PayStubFields(KindFields):
    employer_name: str | None = None
    employee_name: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    pay_date: dt.date | None = None
    hours: float | None = None
    gross_pay: float | None = None
    ytd_gross: float | None = None
