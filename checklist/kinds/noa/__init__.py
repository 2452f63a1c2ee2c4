"""CRA notices of assessment: tax year and line 15000 total income."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.noa.extractor import extract_noa
from checklist.kinds.noa.fields import NoaFields
from checklist.kinds.noa.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.NOA,
    label="notice of assessment",
    plural="Notices of assessment",
    fields=NoaFields,
    profile=PROFILE,
    extractor=extract_noa,
    key_fields=("tax_year", "total_income", "date_issued"),
    person_field="employee_name",
    pack="position",
    pack_rank=4,
    pack_by_date=True,
    date_fields=("tax_year",),
    order=5,
)
