"""Study permits (IMM 1442): validity, school and conditions. A status document,
but not work authorization for CEC: the work it allows is student work."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.study_permit.extractor import extract_study_permit
from checklist.kinds.study_permit.fields import StudyPermitFields
from checklist.kinds.study_permit.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.STUDY_PERMIT,
    label="study permit",
    plural="Study permits",
    fields=StudyPermitFields,
    profile=PROFILE,
    extractor=extract_study_permit,
    key_fields=("school", "issue_date", "expiry_date"),
    person_field="holder_name",
    pack="status",
    date_fields=("issue_date",),
    status_document=True,
    order=7,
)
