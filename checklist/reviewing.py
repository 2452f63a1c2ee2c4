"""The review stage: a person's decisions (review.yaml) applied to the documents understood.

Decisions about a document apply only while its file's SHA-256 is the one
they record; otherwise they lapse and the `review.lapsed` check says so. A
kind set by a person re-extracts the document as that kind; corrected
fields replace what was read (their source becomes "confirmed by you", the
value read is kept beside it); a document set aside stays in the report but
leaves the checks. Acknowledged findings are marked, never removed.
"""

from __future__ import annotations

import logging
from typing import Any

from checklist.extract import extract
from checklist.models.document import Classification, Document, FieldSource
from checklist.models.findings import Finding
from checklist.models.review import DocumentReview, Review
from checklist.reviewfile import checked_fields

log = logging.getLogger(__name__)

CONFIRMED = "confirmed by you"
SET_BY_YOU = "set by you in review.yaml"
# a reference letter that lists one position states it in the flat fields too: a correction applies to both
POSITION_FIELDS = ("job_title", "start_date", "end_date", "hours_per_week", "salary_amount", "salary_period", "duties")


def apply_review(documents: list[Document], review: Review | None) -> list[Document]:
    """The documents with the review's decisions applied (each marked with what was applied, or lapsed)."""
    if review is None or not review.documents:
        return documents
    return [
        _reviewed(doc, review.documents[doc.path], review) if doc.path in review.documents else doc for doc in documents
    ]


def _reviewed(doc: Document, entry: DocumentReview, review: Review) -> Document:
    if doc.raw.sha256 != entry.sha256:
        log.debug("%s: review decisions lapsed (the file changed)", doc.path)
        return doc.model_copy(update={"review_lapsed": True})
    if entry.kind is not None:
        doc = extract(doc.raw, Classification(kind=entry.kind, score=1.0, evidence=[SET_BY_YOU]))
    applied: dict[str, Any] = {
        "sha256": entry.sha256,
        "kind": entry.kind.value if entry.kind else None,
        "fields": {},
        "set_aside": entry.set_aside,
        "as_read": {},
    }
    update: dict[str, Any] = {}
    if entry.fields:
        values = checked_fields(doc.kind, entry.fields, review._source, doc.path)
        as_read = doc.fields.model_dump(mode="json")
        applied["as_read"] = {name: as_read.get(name) for name in values}
        fields = doc.fields.model_copy(update=values)
        positions = getattr(fields, "positions", None)
        moved = {name: value for name, value in values.items() if name in POSITION_FIELDS}
        if positions and len(positions) == 1 and moved:
            fields = fields.model_copy(update={"positions": [positions[0].model_copy(update=moved)]})
        fields = type(doc.fields).model_validate(fields.model_dump())  # the kind's model checks the whole
        sources = dict(doc.sources)
        for name in values:
            sources[name] = FieldSource(snippet=CONFIRMED)
        applied["fields"] = {name: _json(value) for name, value in values.items()}
        update = {"fields": fields, "sources": sources, "reviewed_fields": sorted(values)}
    return doc.model_copy(update={**update, "review": applied})


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def acknowledge(findings: list[Finding], review: Review | None) -> list[Finding]:
    """Findings a person has looked at, marked with their note; the first matching entry wins."""
    if review is None or not review.acknowledged:
        return findings
    out = []
    for finding in findings:
        ack = next((a for a in review.acknowledged if a.matches(finding.code, finding.documents, finding.job)), None)
        out.append(finding.model_copy(update={"acknowledged": True, "note": ack.note}) if ack else finding)
    return out
