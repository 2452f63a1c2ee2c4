"""Files that could not be read (corrupt, encrypted, empty, too large, unsupported)."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.models.document import DocumentKind

SPEC = KindSpec(kind=DocumentKind.UNREADABLE, label="unreadable", plural="Could not be read", order=91)
