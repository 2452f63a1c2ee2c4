"""Fields of a T4 slip (Statement of Remuneration Paid)."""

from __future__ import annotations

from checklist.models.fields import KindFields


class T4Fields(KindFields):
    tax_year: int | None = None
    employer_name: str | None = None
    employee_name: str | None = None
    employment_income: float | None = None
    province: str | None = None
