"""Employment contracts and offer letters: employer, title, start, hours and pay."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.employment_contract.extractor import extract_contract
from checklist.kinds.employment_contract.fields import EmploymentContractFields
from checklist.kinds.employment_contract.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.EMPLOYMENT_CONTRACT,
    label="employment contract",
    plural="Employment contracts",
    fields=EmploymentContractFields,
    profile=PROFILE,
    extractor=extract_contract,
    key_fields=("employer_name", "job_title", "start_date", "hours_per_week", "salary_amount"),
    person_field="employee_name",
    employer_field="employer_name",
    matched_by_employer=True,
    pack="position",
    pack_rank=2,
    shared_by_employer=True,
    date_fields=("start_date",),
    order=2,
)
