"""The tool's own files in a case folder, recognised by their content: never read back as evidence.

`check` writes report.html/.md/.json/.pdf into the case folder, `pack` writes
upload PDFs and read-me-first.pdf (possibly inside the case folder), the web
page hands out zips of them, and a person keeps case.yaml and review.yaml
there. A renamed or moved copy of any of these must not become a "document"
of the case, so each is recognised by what it holds, not only by its name:

- HTML and Markdown reports end with the footer "Made by cec-checklist";
  the HTML page also has ``<meta name="generator" content="cec-checklist ...">``.
- JSON reports are objects with ``schema_version``, ``tool_version`` and
  ``findings``.
- PDFs the tool makes (reports, upload files, read-me-first.pdf) carry
  "cec-checklist" in their /Creator or /Producer metadata (read with pypdf
  within METADATA_SECONDS: it is often in a compressed object stream).
- zips whose files are such PDFs or a read-me-first.pdf (the web page's pack).
- requests to employers and letters of explanation the tool drafts
  (`checklist.actions.writer`): Word files whose core property author is
  "cec-checklist", and plain text holding the line "Prepared with
  cec-checklist." (or its French form).
- YAML whose top-level keys are those of case.yaml or review.yaml.
- folders tagged as caches (CACHEDIR.TAG, the standard cache-folder tag).

`own_file(path)` says why a file is the tool's, or None. It reads at most
the first and last few kilobytes of a file, except for PDFs (metadata) and
report-like JSON.
"""

from __future__ import annotations

import json
import mmap
import re
import zipfile
from pathlib import Path
from typing import Any

GENERATOR = "cec-checklist"
FOOTER = "Made by cec-checklist"
CACHE_TAG = "CACHEDIR.TAG"
MANIFESTS = frozenset({"case.yaml", "review.yaml"})
READ_ME_FIRST = "read-me-first.pdf"
DRAFT_MARKS = ("Prepared with cec-checklist.", "Préparé avec cec-checklist.")
_DRAFT_REASON = "a draft written by cec-checklist (a request to an employer or a letter of explanation)"
_DOCX_AUTHOR = re.compile(r"<dc:creator>\s*" + re.escape(GENERATOR) + r"\s*</dc:creator>")

_PDF_REASON = "a PDF written by cec-checklist (a report or an upload file)"
METADATA_SECONDS = 2.0
_HEAD = 4096
_TAIL = 2048
# A literal string may escape any character in octal ("cec\\055checklist", as pypdf writes a dash).
_PDF_MARK = re.compile(
    rb"/(?:Creator|Producer)\s*\(\s*"
    + b"".join(
        rb"(?:" + re.escape(bytes([byte])) + rb"|\\0?" + f"{byte:o}".encode() + rb")" for byte in GENERATOR.encode()
    )
)
# The generator written as a hex string, plain or UTF-16 with its byte-order mark: "<FEFF0063...>".
_HEX_MARK = re.compile(
    rb"/(?:Creator|Producer)\s*<\s*(?i:(?:feff)?"
    + "".join(f"(?:00)?{byte:02x}" for byte in GENERATOR.encode()).encode()
    + rb")"
)
_HTML_MARK = re.compile(r'<meta\s+name="generator"\s+content="' + re.escape(GENERATOR), re.IGNORECASE)
_YAML_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:", re.MULTILINE)
_CASE_KEYS = frozenset({"applicant", "case_name", "ita_date", "application_date", "intended_province", "jobs", "study"})
_REVIEW_KEYS = frozenset({"documents", "acknowledged"})


def is_cache_dir(path: Path) -> bool:
    return (path / CACHE_TAG).is_file()


def own_file(path: Path) -> str | None:
    """Why `path` is a file cec-checklist wrote or keeps (never a document of the case), or None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            if head.startswith(b"%PDF-"):
                return _own_pdf(handle)
            size = handle.seek(0, 2)
            handle.seek(max(size - _TAIL, len(head)))
            tail = head[-_TAIL:] + handle.read(_TAIL) if size > _HEAD else head
            if head.startswith(b"PK\x03\x04"):
                return _own_zip(path)
    except OSError:
        return None
    if path.name in MANIFESTS and _looks_like_yaml(head):
        return f"the case's {path.name}, not a document"
    text, end = head.decode("utf-8", "replace"), tail.decode("utf-8", "replace")
    if _HTML_MARK.search(text):
        return "a report written by cec-checklist (HTML)"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{") and _is_report_json(path, text):
        return "a report written by cec-checklist (JSON)"
    if FOOTER in end and not stripped.startswith("<"):
        return "a report written by cec-checklist (Markdown)"
    if FOOTER in end:
        return "a report written by cec-checklist (HTML)"
    if any(_marked_line(mark, part) for mark in DRAFT_MARKS for part in (text, end)):
        return _DRAFT_REASON
    keys = set(_YAML_KEY.findall(text))
    if keys and (
        ("applicant" in keys and "jobs" in keys and keys <= _CASE_KEYS)
        or (keys <= _REVIEW_KEYS and _looks_like_yaml(head))
    ):
        return "a case.yaml or review.yaml of cec-checklist, not a document"
    return None


def _own_pdf(handle: object) -> str | None:
    try:
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:  # type: ignore[attr-defined]
            if _PDF_MARK.search(data):  # type: ignore[call-overload]
                return _PDF_REASON
            if data.find(b"/Info") < 0:  # type: ignore[attr-defined]
                return None
            if _HEX_MARK.search(data):  # type: ignore[call-overload]
                return _PDF_REASON
            if data.find(b"/ObjStm") < 0:  # type: ignore[attr-defined]
                return None  # the information dictionary is in plain bytes, and the marks above found nothing in it
            return _PDF_REASON if _pdf_metadata_says_ours(bytes(data)) else None
    except (OSError, ValueError):
        return None


def pdf_bytes_are_ours(data: bytes) -> bool:
    """Whether the PDF's /Creator or /Producer names cec-checklist; pypdf is loaded only when the
    information dictionary may sit in a compressed object stream (a check of unchanged files loads no reader)."""
    if _PDF_MARK.search(data) or _HEX_MARK.search(data):
        return True
    return b"/Info" in data and b"/ObjStm" in data and _pdf_metadata_says_ours(data)


def _pdf_metadata_says_ours(data: bytes) -> bool:
    """/Creator or /Producer of the document information (often inside a compressed object stream)."""
    import io
    import logging

    import pypdf

    from checklist.ingest.limits import ReadTimeout, time_limit

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with time_limit(METADATA_SECONDS) as deadline:
            info: Any = pypdf.PdfReader(io.BytesIO(data), strict=False).metadata or {}
            return any(GENERATOR in str(info.get(key) or "") for key in ("/Creator", "/Producer"))
    except ReadTimeout as exc:
        if exc.deadline is not deadline:
            raise
        return False
    except Exception:  # noqa: BLE001 - a damaged PDF is a document for the readers to judge, not ours
        return False


def _marked_line(mark: str, text: str) -> bool:
    """The marker stands alone on a line (a letter quoting the phrase in a sentence is not a draft)."""
    return any(line.strip() == mark for line in text.splitlines())


def _own_zip(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info for info in archive.infolist() if not info.is_dir()]
            if _docx_is_ours(archive):
                return _DRAFT_REASON
            if any(Path(info.filename).name == READ_ME_FIRST for info in names):
                return "an upload pack made by cec-checklist (zip)"
            pdfs = [info for info in names if info.filename.lower().endswith(".pdf")][:3]
            for info in pdfs:
                if info.file_size > 50_000_000:
                    continue
                if pdf_bytes_are_ours(archive.read(info)):
                    return "an upload pack made by cec-checklist (zip)"
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return None
    return None


def _docx_is_ours(archive: zipfile.ZipFile) -> bool:
    """A Word file whose author (docProps/core.xml, dc:creator) is cec-checklist: one of the tool's drafts."""
    try:
        info = archive.getinfo("docProps/core.xml")
    except KeyError:
        return False
    if info.file_size > 1_000_000:
        return False
    return bool(_DOCX_AUTHOR.search(archive.read(info).decode("utf-8", "replace")))


def _is_report_json(path: Path, head: str) -> bool:
    if '"schema_version"' not in head or '"tool_version"' not in head:
        return False
    try:
        if path.stat().st_size > 50_000_000:
            return False
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and {"schema_version", "tool_version", "findings"} <= set(data)


def _looks_like_yaml(head: bytes) -> bool:
    return b"\x00" not in head and bool(_YAML_KEY.search(head.decode("utf-8", "replace")))
