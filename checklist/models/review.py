"""review.yaml as a model: what a person decided after reading the report.

Decisions about a document apply only to the file whose SHA-256 they record;
field values are kept as the YAML gave them here and typed against the
document's kind when the review file is loaded (`checklist.reviewfile`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from checklist.models.document import DocumentKind


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentReview(_Input):
    """The decisions about one file: its kind, corrected field values, or that it is not evidence."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    kind: DocumentKind | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    set_aside: bool = False


class Acknowledgement(_Input):
    """A finding a person has looked at: by code, and the document or job when given."""

    code: str = Field(min_length=1)
    document: str | None = None
    job: int | None = Field(default=None, ge=0)
    note: str = Field(min_length=1)

    def matches(self, code: str, documents: list[str], job: int | None) -> bool:
        return (
            self.code == code
            and (self.document is None or self.document in documents)
            and (self.job is None or self.job == job)
        )


class Review(_Input):
    documents: dict[str, DocumentReview] = Field(default_factory=dict)
    acknowledged: list[Acknowledgement] = Field(default_factory=list)
    _source: Path | None = PrivateAttr(default=None)  # the review.yaml it was read from (for messages)

    @property
    def empty(self) -> bool:
        return not self.documents and not self.acknowledged
