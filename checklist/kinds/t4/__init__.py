"""T4 slips (Statement of Remuneration Paid): tax year, employer, box 14 income, box 10 province."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.t4.extractor import extract_t4
from checklist.kinds.t4.fields import T4Fields
from checklist.kinds.t4.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.T4,
    label="T4 slip",
    plural="T4 slips",
    fields=T4Fields,
    profile=PROFILE,
    extractor=extract_t4,
    key_fields=("tax_year", "employer_name", "employment_income"),
    person_field="employee_name",
    employer_field="employer_name",
    matched_by_employer=True,
    pack="position",
    pack_rank=4,
    pack_by_date=True,
    shared_by_employer=True,
    date_fields=("tax_year",),
    order=4,
)
