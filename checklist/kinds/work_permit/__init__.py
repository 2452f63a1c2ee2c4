"""Work permits (IMM 1442): validity, type, and the employer and occupation conditions."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.work_permit.extractor import extract_permit
from checklist.kinds.work_permit.fields import WorkPermitFields
from checklist.kinds.work_permit.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.WORK_PERMIT,
    label="work permit",
    plural="Work permits",
    fields=WorkPermitFields,
    profile=PROFILE,
    extractor=extract_permit,
    key_fields=("permit_type", "employer", "issue_date", "expiry_date"),
    person_field="holder_name",
    employer_field="employer",
    pack="status",
    date_fields=("issue_date",),
    status_document=True,
    order=6,
)
