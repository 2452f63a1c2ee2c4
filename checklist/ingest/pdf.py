"""PDF text layer with pypdf, in layout mode so table columns stay aligned.

A page whose text layer is empty (a scan) is handed to OCR when the OCR
extra is installed; otherwise it stays empty and the reason is recorded.

Every failure of a damaged or hostile PDF becomes a DocumentLoadError with
a reason. pypdf's decompression limits are set from `ReadLimits` for the
duration of the read, so a compressed stream that unpacks to gigabytes (a
PDF zip bomb) stops at the limit instead of filling memory; the unpacked
size of the pages' content streams is also bounded in total.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdf

from checklist.errors import DocumentLoadError
from checklist.ingest.layout import split_sidebar, tidy
from checklist.ingest.limits import ReadLimits, check_time
from checklist.models.document import Page, ReadMethod

log = logging.getLogger(__name__)
# pypdf logs every repair of a damaged file as a warning; without this, Python's
# last-resort handler prints them on stderr when the application configured no logging.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
MIN_TEXT_CHARS = 25  # fewer letters than this on a page: treat it as a scan
MAX_PAGE_INCHES = 200.0  # the largest page PDF allows (14,400 units of 1/72 in); OCR scales big pages down

# pypdf >= 6 (pypdf.Configuration): every limit on bytes a stream may unpack to.
_STREAM_LIMITS = (
    "maximum_declared_stream_length",
    "array_based_stream_maximum_output_length",
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "jbig2_maximum_output_length",
    "brotli_maximum_output_length",
    "image_maximum_buffer_size",
)
# Older pypdf: the same limits as module constants of pypdf.filters.
_LEGACY_STREAM_LIMITS = (
    "MAX_DECLARED_STREAM_LENGTH",
    "MAX_ARRAY_BASED_STREAM_OUTPUT_LENGTH",
    "ZLIB_MAX_OUTPUT_LENGTH",
    "LZW_MAX_OUTPUT_LENGTH",
    "RUN_LENGTH_MAX_OUTPUT_LENGTH",
    "JBIG2_MAX_OUTPUT_LENGTH",
)
# pypdf's error for a broken limit; an empty tuple (catches nothing) where it does not exist.
_LimitReached: tuple[type[Exception], ...] = tuple(
    error for error in (getattr(pypdf.errors, "LimitReachedError", None),) if error is not None
)


def read_pdf(data: bytes, limits: ReadLimits) -> list[Page]:
    """Text of each page; scanned pages are OCR'd when possible."""
    with _stream_limits(limits.max_unzipped_bytes):
        return _read(data, limits)


def _read(data: bytes, limits: ReadLimits) -> list[Page]:
    reader = _open(data, limits)
    count = _page_count(reader, limits)
    pages: list[Page] = []
    chars = unpacked = 0
    for index in range(count):
        check_time()
        page = _text_page(reader, index, limits)
        unpacked += _content_size(reader, index)
        if unpacked > limits.max_unzipped_bytes:
            raise DocumentLoadError(
                f"the PDF's pages unpack to more than {limits.max_unzipped_bytes:,} bytes (the limit)"
            )
        if chars + len(page.text) > limits.max_chars:
            log.info("PDF text cut at %d characters (the limit), on page %d", limits.max_chars, index + 1)
            pages.append(page.model_copy(update={"text": page.text[: limits.max_chars - chars]}))
            break
        chars += len(page.text)
        pages.append(page)
    scanned = [page.number - 1 for page in pages if _letters(page.text) < MIN_TEXT_CHARS]
    too_large = {index: why for index in scanned if (why := _oversized(reader, index, limits))}
    scanned = [index for index in scanned if index not in too_large]
    if scanned:
        check_time()
        pages = _with_ocr(data, pages, scanned)
    if too_large and not any(page.text.strip() for page in pages):
        index, why = next(iter(too_large.items()))
        raise DocumentLoadError(f"page {index + 1} is a scan too large to read by OCR: {why}")
    for index, why in too_large.items():
        log.info("page %d not OCR'd: %s", index + 1, why)
    return pages


@contextmanager
def _stream_limits(max_bytes: int) -> Iterator[None]:
    """pypdf's decompression limits set to ours while one PDF is read."""
    apply_configuration = getattr(pypdf, "apply_configuration", None)
    configuration = getattr(pypdf, "Configuration", None)
    if apply_configuration is not None and configuration is not None:
        known = {entry.name for entry in dataclasses.fields(configuration)}
        with apply_configuration(**{name: max_bytes for name in _STREAM_LIMITS if name in known}):
            yield
        return
    # pypdf without Configuration keeps these limits process-wide: set them, as every read would.
    filters = pypdf.filters
    for name in _LEGACY_STREAM_LIMITS:
        if hasattr(filters, name):
            setattr(filters, name, max_bytes)
    yield


def _open(data: bytes, limits: ReadLimits) -> pypdf.PdfReader:
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
    except _LimitReached as exc:
        raise _limit_error(exc, limits) from exc
    except (NotImplementedError, pypdf.errors.DependencyError) as exc:  # unsupported encryption algorithm
        raise DocumentLoadError(f"the PDF uses encryption pypdf cannot open ({_short(exc)})") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged PDF makes pypdf raise almost any type
        raise DocumentLoadError(f"the PDF is damaged and cannot be opened ({_short(exc)})") from exc


def _page_count(reader: pypdf.PdfReader, limits: ReadLimits) -> int:
    try:
        count = len(reader.pages)
    except _LimitReached as exc:
        raise _limit_error(exc, limits) from exc
    except Exception as exc:  # noqa: BLE001 - a broken page tree
        raise DocumentLoadError(f"the PDF is damaged: its list of pages cannot be read ({_short(exc)})") from exc
    if count <= 0:
        raise DocumentLoadError("the PDF has no pages")
    if count > limits.max_pages:
        raise DocumentLoadError(
            f"the PDF has {count} pages, more than the limit of {limits.max_pages}",
            hint="split it, or raise the limit with --max-pages",
        )
    return count


def _text_page(reader: pypdf.PdfReader, index: int, limits: ReadLimits) -> Page:
    text = ""
    try:
        page = reader.pages[index]
        try:
            text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False) or ""
        except _LimitReached:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many types on odd pages
            log.debug("layout extraction failed on page %d: %s; trying plain mode", index + 1, exc)
            text = page.extract_text() or ""
    except _LimitReached as exc:
        # Not a scan: OCR would render the same oversized stream, without limits.
        raise _limit_error(exc, limits, index + 1) from exc
    except Exception as exc:  # noqa: BLE001
        log.debug("text extraction failed on page %d: %s", index + 1, exc)
    return Page(number=index + 1, text=split_sidebar(tidy(text)), method=ReadMethod.TEXT_LAYER)


def _content_size(reader: pypdf.PdfReader, index: int) -> int:
    """Bytes the page's content streams unpack to (already decoded and cached by the extraction)."""
    try:
        contents = reader.pages[index].get("/Contents")
        target = contents.get_object() if contents is not None else None
        streams = list(target) if isinstance(target, pypdf.generic.ArrayObject) else [target]
        return sum(len(stream.get_object().get_data()) for stream in streams if stream is not None)
    except Exception:  # noqa: BLE001 - odd contents were already reported by the extraction
        return 0


def _oversized(reader: pypdf.PdfReader, index: int, limits: ReadLimits) -> str | None:
    """Why a scanned page is too large to render for OCR (its size or an image's), else None.

    Read from the page's dictionaries only: nothing is decoded or rendered.
    """
    try:
        page = reader.pages[index]
    except Exception:  # noqa: BLE001 - the extraction already logged it; let the renderer decide
        return None
    try:
        unit = float(page.user_unit or 1)
        width = abs(float(page.mediabox.width)) * unit / 72
        height = abs(float(page.mediabox.height)) * unit / 72
    except Exception:  # noqa: BLE001 - no usable page size: let the renderer decide
        width = height = 0.0
    if not (width <= MAX_PAGE_INCHES and height <= MAX_PAGE_INCHES):  # also true for NaN
        return f"the page is {width:,.0f} x {height:,.0f} inches, beyond the {MAX_PAGE_INCHES:.0f}-inch maximum of PDF"
    for pixel_width, pixel_height in _image_sizes(page):
        if pixel_width * pixel_height > limits.max_image_pixels:
            return (
                f"it holds an image of {pixel_width:,} x {pixel_height:,} pixels, over the limit of "
                f"{limits.max_image_pixels:,}"
            )
    return None


def _image_sizes(page: pypdf.PageObject) -> list[tuple[int, int]]:
    """Declared pixel sizes of the page's image XObjects (not those nested in forms)."""
    sizes = []
    try:
        resources: Any = page["/Resources"].get_object()
        for ref in list(resources["/XObject"].get_object().values())[:1000]:
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                sizes.append((abs(int(xobject.get("/Width", 0))), abs(int(xobject.get("/Height", 0)))))
    except Exception as exc:  # noqa: BLE001 - no usable resources: nothing more to report
        log.debug("image sizes unreadable: %s", exc)
    return sizes


def _with_ocr(data: bytes, pages: list[Page], scanned: list[int]) -> list[Page]:
    from checklist.ingest.images import ocr_pdf_pages  # lazy: OCR is an optional extra

    try:
        ocr_pages = ocr_pdf_pages(data, scanned)
    except DocumentLoadError as exc:
        if not any(page.text.strip() for page in pages):
            raise
        # Pages with a text layer are evidence on their own: keep them, say what was lost.
        log.info("scanned pages %s left unread: %s", [index + 1 for index in scanned], exc)
        return pages
    by_index = {page.number - 1: page for page in ocr_pages}
    # A page with a few words in its text layer stays as it is unless OCR read more of it.
    return [
        ocr if (ocr := by_index.get(page.number - 1)) and _letters(ocr.text) > _letters(page.text) else page
        for page in pages
    ]


def _limit_error(exc: Exception, limits: ReadLimits, page: int | None = None) -> DocumentLoadError:
    """pypdf stopped at one of its safety limits: name ours when it was the unpacked size."""
    where = f" on page {page}" if page else ""
    if re.search(r"decompress|stream|output|buffer", str(exc), re.IGNORECASE):
        return DocumentLoadError(
            f"the PDF holds a compressed stream{where} that unpacks to more than "
            f"{limits.max_unzipped_bytes:,} bytes (the limit): {_short(exc)}"
        )
    return DocumentLoadError(f"the PDF is built beyond the reader's safety limits{where} ({_short(exc)})")


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."
