"""Reference letters: every position held, dates, hours, pay, duties, signatory and contacts."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.reference_letter.extractor import extract_letter
from checklist.kinds.reference_letter.fields import ReferenceLetterFields
from checklist.kinds.reference_letter.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.REFERENCE_LETTER,
    label="reference letter",
    plural="Reference letters",
    fields=ReferenceLetterFields,
    profile=PROFILE,
    extractor=extract_letter,
    key_fields=(
        "employer_name",
        "job_title",
        "start_date",
        "end_date",
        "hours_per_week",
        "salary_amount",
        "salary_period",
    ),
    person_field="employee_name",
    employer_field="employer_name",
    matched_by_employer=True,
    pack="position",
    pack_rank=1,
    shared_by_employer=True,
    date_fields=("letter_date",),
    order=1,
)
