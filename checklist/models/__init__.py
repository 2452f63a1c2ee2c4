"""Plain data models: the case (claims), documents, fields per kind, findings and the report."""

from __future__ import annotations

from checklist.models.case import Case, Job, StudyPeriod
from checklist.models.document import (
    Classification,
    Document,
    DocumentKind,
    Page,
    RawDocument,
    ReadMethod,
)
from checklist.models.fields import KindFields
from checklist.models.findings import Finding, Severity
from checklist.models.report import Report

__all__ = [
    "Case",
    "Classification",
    "Document",
    "DocumentKind",
    "KindFields",
    "Finding",
    "Job",
    "Page",
    "RawDocument",
    "ReadMethod",
    "Report",
    "Severity",
    "StudyPeriod",
]
