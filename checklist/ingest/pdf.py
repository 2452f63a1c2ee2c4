"""PDF text layer with pypdf, in layout mode so table columns stay aligned.

A page whose text layer is empty (a scan) is handed to OCR when the OCR
extra is installed; otherwise it stays empty and the reason is recorded.
"""

from __future__ import annotations

import io
import logging

import pypdf
from pypdf.errors import PdfReadError

from checklist.errors import DocumentLoadError
from checklist.ingest.layout import split_sidebar, tidy
from checklist.ingest.limits import ReadLimits
from checklist.models.document import Page, ReadMethod

log = logging.getLogger(__name__)
MIN_TEXT_CHARS = 25  # fewer letters than this on a page: treat it as a scan


def read_pdf(data: bytes, limits: ReadLimits) -> list[Page]:
    """Text of each page; scanned pages are OCR'd when possible."""
    reader = _open(data)
    count = len(reader.pages)
    if count == 0:
        raise DocumentLoadError("the PDF has no pages")
    if count > limits.max_pages:
        raise DocumentLoadError(
            f"the PDF has {count} pages, more than the limit of {limits.max_pages}",
            hint="split it, or raise the limit with --max-pages",
        )
    pages = [_text_page(reader, index) for index in range(count)]
    scanned = [page.number - 1 for page in pages if _letters(page.text) < MIN_TEXT_CHARS]
    if scanned:
        pages = _with_ocr(data, pages, scanned)
    return pages


def _open(data: bytes) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentLoadError(
                "the PDF is password-protected",
                hint="ask the sender for an unprotected copy, or print it to a new PDF",
            )
        return reader
    except DocumentLoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise DocumentLoadError(f"the PDF is damaged and cannot be opened ({_short(exc)})") from exc
    except NotImplementedError as exc:  # unsupported encryption algorithm
        raise DocumentLoadError(f"the PDF uses encryption pypdf cannot open ({_short(exc)})") from exc


def _text_page(reader: pypdf.PdfReader, index: int) -> Page:
    page = reader.pages[index]
    text = ""
    try:
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False) or ""
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on odd pages
        log.debug("layout extraction failed on page %d: %s; trying plain mode", index + 1, exc)
        try:
            text = page.extract_text() or ""
        except Exception as exc2:  # noqa: BLE001
            log.debug("plain extraction failed on page %d: %s", index + 1, exc2)
    return Page(number=index + 1, text=split_sidebar(tidy(text)), method=ReadMethod.TEXT_LAYER)


def _with_ocr(data: bytes, pages: list[Page], scanned: list[int]) -> list[Page]:
    from checklist.ingest.images import ocr_pdf_pages  # lazy: OCR is an optional extra

    ocr_pages = ocr_pdf_pages(data, scanned)
    by_index = {page.number - 1: page for page in ocr_pages}
    return [by_index.get(page.number - 1, page) for page in pages]


def _letters(text: str) -> int:
    return sum(char.isalnum() for char in text)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."
