"""Documents as read (RawDocument) and as understood (Document)."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny

from checklist.models.fields import KindFields, NoFields


class DocumentKind(str, Enum):
    REFERENCE_LETTER = "reference_letter"
    PAY_STUB = "pay_stub"
    WORK_PERMIT = "work_permit"
    STUDY_PERMIT = "study_permit"
    VISITOR_RECORD = "visitor_record"
    IRCC_LETTER = "ircc_letter"
    T4 = "t4"
    NOA = "noa"
    LANGUAGE_TEST = "language_test"
    EMPLOYMENT_CONTRACT = "employment_contract"
    OTHER = "other"
    UNREADABLE = "unreadable"


class ReadMethod(str, Enum):
    TEXT_LAYER = "text_layer"
    DOCX = "docx"
    PLAIN_TEXT = "plain_text"
    OCR = "ocr"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Page(_Frozen):
    """Text of one page, as lines; wide gaps between columns are kept as 3+ spaces."""

    number: int
    text: str
    method: ReadMethod
    confidence: float | None = None  # OCR mean confidence, 0..1


class RawDocument(_Frozen):
    """A file as read from disk: its pages, or why it could not be read."""

    path: str  # relative to the case folder, "/" separators
    size: int
    file_format: str  # detected from the bytes: pdf, docx, doc, png, jpeg, tiff, heic, text, unknown
    pages: list[Page] = Field(default_factory=list)
    error: str | None = None
    sha256: str | None = None  # of the bytes read: review decisions apply only to this file

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)

    @property
    def ocr(self) -> bool:
        return any(page.method is ReadMethod.OCR for page in self.pages)


class Classification(_Frozen):
    """The kind decided for a document, with the evidence that decided it."""

    kind: DocumentKind
    score: float
    evidence: list[str] = Field(default_factory=list)
    runner_up: DocumentKind | None = None


class FieldSource(_Frozen):
    """Where a value was read: page (1-based), the text it came from, and how."""

    page: int | None = None
    snippet: str
    method: ReadMethod | None = None


F = TypeVar("F", bound=KindFields)


class Document(_Frozen):
    """A document understood: kind, the kind's typed fields, and where each came from."""

    raw: RawDocument
    classification: Classification
    fields: SerializeAsAny[KindFields] = Field(default_factory=NoFields)
    sources: dict[str, FieldSource] = Field(default_factory=dict)
    language: str | None = None
    review: dict[str, Any] | None = None  # the review decisions applied (review.yaml), as the report shows them
    reviewed_fields: list[str] = Field(default_factory=list)  # fields whose value a person set
    review_lapsed: bool = False  # review.yaml holds decisions for another version of this file

    @property
    def set_aside(self) -> bool:
        """A person decided this file is not evidence for the case: shown, not checked."""
        return bool(self.review and self.review.get("set_aside"))

    def fields_as(self, model: type[F]) -> F:
        """The fields as the kind's model; a document of another kind is a programming error."""
        if not isinstance(self.fields, model):
            raise TypeError(f"{self.path} is a {self.kind.value}, it has no {model.__name__}")
        return self.fields

    @property
    def path(self) -> str:
        return self.raw.path

    @property
    def kind(self) -> DocumentKind:
        return self.classification.kind
