"""Plain-text fixtures as the extractors and the classifier see them."""

from __future__ import annotations

from checklist.classify import classify_text
from checklist.models.document import DocumentKind, Page, ReadMethod
from checklist.text.view import TextView


def view_of(text: str, method: ReadMethod = ReadMethod.TEXT_LAYER) -> TextView:
    """A one-page document read from a text layer (or, with `method=OCR`, by OCR)."""
    return TextView.from_pages([Page(number=1, text=text, method=method)])


def kind_of(text: str) -> DocumentKind:
    """The kind classify() would choose for a document with this text (whitespace folded as it does)."""
    return classify_text(" ".join(text.split())).kind
