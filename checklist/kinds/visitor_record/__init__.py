"""Visitor records (IMM 1442): validity and conditions. A status document that
does not authorize work."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.visitor_record.extractor import extract_visitor_record
from checklist.kinds.visitor_record.fields import VisitorRecordFields
from checklist.kinds.visitor_record.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.VISITOR_RECORD,
    label="visitor record",
    plural="Visitor records",
    fields=VisitorRecordFields,
    profile=PROFILE,
    extractor=extract_visitor_record,
    key_fields=("issue_date", "expiry_date"),
    person_field="holder_name",
    pack="status",
    date_fields=("issue_date",),
    status_document=True,
    order=8,
)
