"""Reading: find a case's documents and read each into a RawDocument.

One reader per detected format; a file that cannot be read becomes a
RawDocument with `error` set (never an exception), so the run goes on.

`read_document` enforces `ReadLimits`: file size, page count, unpacked size,
image pixels, and `max_seconds` of wall-clock time per document (see
`limits.time_limit`: a signal timer in the main thread, cooperative checks
elsewhere). A reader that fails in a way it did not foresee still yields a
reason, marked UNEXPECTED and logged (its traceback at debug level): the
fuzz tests treat that mark as a bug to fix in the reader.
"""

from __future__ import annotations

import hashlib
import logging
import stat
from collections.abc import Callable
from pathlib import Path

from checklist.display import human_size
from checklist.errors import DocumentLoadError
from checklist.ingest import sniff
from checklist.ingest.images import read_image
from checklist.ingest.layout import tidy
from checklist.ingest.limits import Deadline, ReadLimits, ReadTimeout, check_time, time_limit
from checklist.models.document import Page, RawDocument, ReadMethod

log = logging.getLogger(__name__)

Reader = Callable[[bytes, ReadLimits], list[Page]]

# The tool's own files in a case folder: never read back as evidence.
# The tool's own files by name, at the top of a case folder; any copy elsewhere is recognised by content.
OWN_FILES = frozenset({"case.yaml", "review.yaml", "report.html", "report.md", "report.json", "report.pdf"})
SKIPPED_DIRS = frozenset({"__MACOSX", ".git", "node_modules"})
UNEXPECTED = "unexpected error while reading"  # a reader failed in a way it does not handle yet


def read_pdf(data: bytes, limits: ReadLimits) -> list[Page]:
    """The PDF reader, imported on first use: a check whose readings are all cached never loads pypdf."""
    from checklist.ingest.pdf import read_pdf as read

    return read(data, limits)


def read_docx(data: bytes, limits: ReadLimits) -> list[Page]:
    """The Word reader, imported on first use (python-docx costs a tenth of a second to load)."""
    from checklist.ingest.docx import read_docx as read

    return read(data, limits)


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
    sniff.HEIC: read_image,  # with pillow-heif (the ocr extra); without it the reader says how to get it
}

UNSUPPORTED = {
    sniff.DOC: "old Word .doc files cannot be read; save it as .docx or PDF",
    sniff.GIF: "GIF images are not supported; save it as PNG, JPEG or PDF",
    sniff.WEBP: "WebP images are not supported; save it as PNG, JPEG or PDF",
    sniff.ZIP: "zip archives are not read; unpack the files into the case folder",
    sniff.UNKNOWN: "the file type is not recognised (not a PDF, Word file, image or text)",
}


def discover(case_dir: Path) -> list[Path]:
    """Every document file under the case folder, sorted, minus the tool's own (see `scan`)."""
    return scan(case_dir)[0]


def set_aside(case_dir: Path) -> list[tuple[str, str]]:
    """The files under the case folder that are the tool's own: (path relative to the folder, why)."""
    return scan(case_dir)[1]


def scan(case_dir: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """(documents, set aside): every file under the case folder, sorted, split into the case's
    documents and the tool's own files (reports, upload packs, case.yaml, review.yaml, caches),
    which are recognised by their content (`checklist.ingest.own`), not only by their name."""
    from checklist.ingest.own import is_cache_dir, own_file

    found: list[Path] = []
    aside: list[tuple[str, str]] = []
    caches: list[Path] = []
    for path in sorted(case_dir.rglob("*")):
        rel = path.relative_to(case_dir)
        if any(part.startswith(".") or part in SKIPPED_DIRS for part in rel.parts):
            continue
        if any(path.is_relative_to(cache) for cache in caches):
            continue
        if path.is_dir() and not path.is_symlink() and is_cache_dir(path):
            caches.append(path)
            aside.append((rel.as_posix() + "/", "a cache folder (tagged CACHEDIR.TAG), not documents"))
            continue
        if not path.is_file() or path.is_symlink():
            continue
        reason = own_file(path)
        if reason is None and len(rel.parts) == 1 and rel.name in OWN_FILES:
            reason = "a file of cec-checklist's, not a document"
        if reason is None:
            found.append(path)
        elif rel.as_posix() != "case.yaml":
            aside.append((rel.as_posix(), reason))
    return found, aside


def read_document(path: Path, case_dir: Path, limits: ReadLimits | None = None) -> RawDocument:
    """Read one file; failures become a RawDocument with the reason in `error`.

    Never raises for a bad file. The one exception that passes through is the
    `ReadTimeout` of a time limit the caller opened around this call (its
    owner handles it); this call's own `max_seconds` becomes a reason.
    """
    limits = limits or ReadLimits()
    try:
        rel = path.relative_to(case_dir).as_posix()
    except ValueError:
        rel = path.as_posix()
    try:
        info = path.stat()
    except OSError as exc:
        return RawDocument(path=rel, size=0, file_format=sniff.UNKNOWN, error=f"cannot open the file: {exc}")
    size = info.st_size
    file_format = sniff.UNKNOWN
    deadline: Deadline | None = None
    digest: str | None = None
    try:
        with time_limit(limits.max_seconds) as deadline:
            if not stat.S_ISREG(info.st_mode):
                raise DocumentLoadError("not a regular file (a folder, device or pipe)")
            data = _read_file(path, size, limits)
            digest = hashlib.sha256(data).hexdigest()
            file_format = sniff.sniff_format(data[:2048])
            if file_format == sniff.ZIP:
                file_format = sniff.zip_kind(data)
            pages = _read_bytes(data, file_format, limits)
            if not any(page.text.strip() for page in pages):
                raise DocumentLoadError(_empty_reason(file_format, pages))
            check_time()  # where no signal could interrupt the read, it is judged when it ends
    except ReadTimeout as exc:
        if deadline is None or exc.deadline is not deadline:
            raise  # a caller's own time limit: theirs to handle
        reason = f"the document took longer than {exc.seconds:g} s to read (the time limit per document)"
    except DocumentLoadError as exc:
        reason = exc.message + (f" ({exc.hint})" if exc.hint else "")
    except (OSError, MemoryError, RecursionError) as exc:
        reason = f"cannot read the file: {_short(exc)}"
    except Exception as exc:  # noqa: BLE001 - the contract: a bad file never stops the run
        reason = f"{UNEXPECTED} ({type(exc).__name__}: {_short(exc)})"
        log.warning("%s: %s", rel, reason)  # one line; --debug shows where
        log.debug("%s: %s", rel, UNEXPECTED, exc_info=True)
    else:
        return RawDocument(path=rel, size=size, file_format=file_format, pages=pages, sha256=digest)
    log.debug("%s unreadable: %s", rel, reason)
    return RawDocument(path=rel, size=size, file_format=file_format, error=reason, sha256=digest)


def _read_file(path: Path, size: int, limits: ReadLimits) -> bytes:
    if size > limits.max_bytes:
        raise DocumentLoadError(_too_big(size, limits))
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)  # the file may have grown since it was measured
    if len(data) > limits.max_bytes:
        raise DocumentLoadError(_too_big(len(data), limits))
    return data


def _too_big(size: int, limits: ReadLimits) -> str:
    return f"the file is {human_size(size)}, over the limit of {human_size(limits.max_bytes)}"


def _read_bytes(data: bytes, file_format: str, limits: ReadLimits) -> list[Page]:
    if file_format == sniff.EMPTY:
        raise DocumentLoadError("the file is empty (0 bytes)")
    if file_format in UNSUPPORTED:
        raise DocumentLoadError(UNSUPPORTED[file_format])
    if file_format in sniff.IMAGE_FORMATS:
        _check_image(data, file_format, limits)
    return READERS[file_format](data, limits)


def _check_image(data: bytes, file_format: str, limits: ReadLimits) -> None:
    """Refuse images whose header claims too many pixels or frames, before any decoder sees them."""
    for frame, (width, height) in enumerate(sniff.image_sizes(data, file_format, limits.max_pages + 1), 1):
        if frame > limits.max_pages:
            raise DocumentLoadError(
                f"the image has more than {limits.max_pages} pages, the limit",
                hint="split it, or raise the limit with --max-pages",
            )
        if width * height > limits.max_image_pixels:
            where = f" (page {frame})" if frame > 1 else ""
            raise DocumentLoadError(
                f"the image{where} is {width:,} x {height:,} pixels, over the limit of "
                f"{limits.max_image_pixels:,} pixels"
            )


def _empty_reason(file_format: str, pages: list[Page]) -> str:
    if file_format == sniff.PDF and not any(page.method is ReadMethod.OCR for page in pages):
        from checklist.ingest.images import OCR_HINT, ocr_available

        if not ocr_available():
            return f"the PDF has no text layer (a scan), and OCR is not installed ({OCR_HINT})"
        return "the PDF has no text, even after OCR (blank or unreadable pages)"
    return "no text could be read from the file (blank or unreadable)"


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "..."
