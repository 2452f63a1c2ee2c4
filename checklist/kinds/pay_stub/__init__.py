"""Pay stubs: pay period, pay date, hours and gross pay, current and year to date."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.pay_stub.extractor import extract_paystub
from checklist.kinds.pay_stub.fields import PayStubFields
from checklist.kinds.pay_stub.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.PAY_STUB,
    label="pay stub",
    plural="Pay stubs",
    fields=PayStubFields,
    profile=PROFILE,
    extractor=extract_paystub,
    key_fields=("employer_name", "period_start", "period_end", "hours", "gross_pay"),
    person_field="employee_name",
    employer_field="employer_name",
    matched_by_employer=True,
    pack="position",
    pack_rank=3,
    pack_by_date=True,
    date_fields=("period_end", "pay_date"),
    order=3,
)
