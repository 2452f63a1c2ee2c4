"""Fields of a CRA notice of assessment."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields


class NoaFields(KindFields):
    tax_year: int | None = None
    employee_name: str | None = None
    total_income: float | None = None
    date_issued: dt.date | None = None
