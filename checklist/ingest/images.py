"""Images and scanned PDF pages, read by OCR (the optional `ocr` extra).

Without the extra, a scan is not silently empty: it becomes unreadable
with the command that installs OCR.
"""

from __future__ import annotations

import logging

from checklist.errors import DocumentLoadError
from checklist.models.document import Page, ReadMethod

log = logging.getLogger(__name__)
OCR_HINT = "install OCR with: pip install 'cec-checklist[ocr]'"


def read_image(data: bytes, limits: object) -> list[Page]:
    """OCR every frame of a PNG, JPEG or (multi-page) TIFF."""
    ocr = _ocr_module()
    images = ocr.load_images(data)
    engine = ocr.get_engine(None)
    return [_page(index + 1, ocr.ocr_image(image, engine)) for index, image in enumerate(images)]


def ocr_pdf_pages(data: bytes, indexes: list[int]) -> list[Page]:
    """OCR the given 0-based pages of a PDF that have no usable text layer."""
    try:
        ocr = _ocr_module()
    except DocumentLoadError as exc:
        log.info("scanned PDF pages %s left unread: %s", indexes, exc)
        return []
    engine = ocr.get_engine(None)
    images = ocr.render_pdf_pages(data, indexes)
    return [_page(index + 1, ocr.ocr_image(image, engine)) for index, image in zip(indexes, images)]


def ocr_available() -> bool:
    try:
        _ocr_module().get_engine(None)
    except DocumentLoadError:
        return False
    return True


def _page(number: int, result: object) -> Page:
    return Page(
        number=number,
        text=getattr(result, "text", ""),
        method=ReadMethod.OCR,
        confidence=getattr(result, "confidence", None),
    )


def _ocr_module():  # type: ignore[no-untyped-def]
    try:
        from checklist.ingest import ocr
    except ImportError as exc:  # pragma: no cover - depends on the installed extra
        raise DocumentLoadError("this file is a scan or photo, and OCR is not installed", hint=OCR_HINT) from exc
    return ocr
