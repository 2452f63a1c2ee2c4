"""Readable files that are none of the known kinds."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.models.document import DocumentKind

SPEC = KindSpec(kind=DocumentKind.OTHER, label="other document", plural="Other documents", order=90)
