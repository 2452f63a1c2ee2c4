"""Reading: find a case's documents and read each into a RawDocument.

One reader per detected format; a file that cannot be read becomes a
RawDocument with `error` set (never an exception), so the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from checklist.errors import DocumentLoadError
from checklist.ingest import sniff
from checklist.ingest.docx import read_docx
from checklist.ingest.images import read_image
from checklist.ingest.layout import tidy
from checklist.ingest.limits import ReadLimits
from checklist.ingest.pdf import read_pdf
from checklist.models.document import Page, RawDocument, ReadMethod

log = logging.getLogger(__name__)

Reader = Callable[[bytes, ReadLimits], list[Page]]

# The tool's own files in a case folder: never read back as evidence.
OWN_FILES = frozenset({"case.yaml", "report.html", "report.md", "report.json", "report.pdf"})
SKIPPED_DIRS = frozenset({"__MACOSX", ".git", "node_modules"})


def _read_text(data: bytes, limits: ReadLimits) -> list[Page]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return [Page(number=1, text=tidy(text[: limits.max_chars]), method=ReadMethod.PLAIN_TEXT)]


READERS: dict[str, Reader] = {
    sniff.PDF: read_pdf,
    sniff.DOCX: read_docx,
    sniff.TEXT: _read_text,
    sniff.PNG: read_image,
    sniff.JPEG: read_image,
    sniff.TIFF: read_image,
}

UNSUPPORTED = {
    sniff.HEIC: "HEIC photos cannot be read; export the photo as JPEG or PDF",
    sniff.DOC: "old Word .doc files cannot be read; save it as .docx or PDF",
    sniff.GIF: "GIF images are not supported; save it as PNG, JPEG or PDF",
    sniff.WEBP: "WebP images are not supported; save it as PNG, JPEG or PDF",
    sniff.ZIP: "zip archives are not read; unpack the files into the case folder",
    sniff.UNKNOWN: "the file type is not recognised (not a PDF, Word file, image or text)",
}


def discover(case_dir: Path) -> list[Path]:
    """Every document file under the case folder, sorted, minus the tool's own."""
    found = []
    for path in sorted(case_dir.rglob("*")):
        rel = path.relative_to(case_dir)
        if any(part.startswith(".") or part in SKIPPED_DIRS for part in rel.parts):
            continue
        if len(rel.parts) == 1 and rel.name in OWN_FILES:
            continue
        if path.is_file() and not path.is_symlink():
            found.append(path)
    return found


def read_document(path: Path, case_dir: Path, limits: ReadLimits | None = None) -> RawDocument:
    """Read one file; failures become a RawDocument with the reason in `error`."""
    limits = limits or ReadLimits()
    rel = path.relative_to(case_dir).as_posix()
    try:
        size = path.stat().st_size
    except OSError as exc:
        return RawDocument(path=rel, size=0, file_format=sniff.UNKNOWN, error=f"cannot open the file: {exc}")
    file_format = sniff.UNKNOWN
    try:
        if size > limits.max_bytes:
            raise DocumentLoadError(
                f"the file is {size / 1_048_576:.1f} MB, over the limit of {limits.max_bytes / 1_048_576:.0f} MB"
            )
        data = path.read_bytes()
        file_format = sniff.sniff_format(data[:2048])
        if file_format == sniff.ZIP:
            file_format = sniff.zip_kind(data)
        pages = _read_bytes(data, file_format, limits)
        if not any(page.text.strip() for page in pages):
            raise DocumentLoadError(_empty_reason(file_format, pages))
    except DocumentLoadError as exc:
        reason = exc.message + (f" ({exc.hint})" if exc.hint else "")
        log.debug("%s unreadable: %s", rel, reason)
        return RawDocument(path=rel, size=size, file_format=file_format, error=reason)
    except (OSError, MemoryError, RecursionError) as exc:
        return RawDocument(path=rel, size=size, file_format=file_format, error=f"cannot read the file: {exc}")
    return RawDocument(path=rel, size=size, file_format=file_format, pages=pages)


def _read_bytes(data: bytes, file_format: str, limits: ReadLimits) -> list[Page]:
    if file_format == sniff.EMPTY:
        raise DocumentLoadError("the file is empty (0 bytes)")
    if file_format in UNSUPPORTED:
        raise DocumentLoadError(UNSUPPORTED[file_format])
    return READERS[file_format](data, limits)


def _empty_reason(file_format: str, pages: list[Page]) -> str:
    if file_format == sniff.PDF and not any(page.method is ReadMethod.OCR for page in pages):
        from checklist.ingest.images import OCR_HINT, ocr_available

        if not ocr_available():
            return f"the PDF has no text layer (a scan), and OCR is not installed ({OCR_HINT})"
        return "the PDF has no text, even after OCR (blank or unreadable pages)"
    return "no text could be read from the file (blank or unreadable)"
