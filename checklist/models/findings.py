"""Findings: what a check found, with the values it compared and the fix."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Severity(str, Enum):
    BLOCKER = "blocker"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"blocker": 0, "warning": 1, "info": 2}[self.value]


class Confidence(str, Enum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    INFERRED = "inferred"


class Finding(BaseModel):
    """One gap (or note) in the case, in the contract's JSON shape plus details."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    title: str
    message: str
    fix: str
    documents: list[str] = Field(default_factory=list)
    job: int | None = None
    field: str | None = None
    values: dict[str, Any] = Field(default_factory=dict)
    confidence: Confidence = Confidence.TEXT_LAYER
    unsure: bool = False  # the document may state what the finding says is missing: a person must confirm
    acknowledged: bool = False  # a person has looked at it (review.yaml); it stays in the report
    note: str | None = None  # what they wrote when acknowledging it

    def sort_key(self) -> tuple[int, int, str, str, str]:
        job = -1 if self.job is None else self.job
        return (self.severity.rank, job, self.code, ",".join(self.documents), self.message)
