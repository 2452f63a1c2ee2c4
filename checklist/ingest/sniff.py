"""Detect a file's format from its bytes, never from its name.

Users rename files, phones save HEIC as .jpg, and payroll portals export
PDFs without extensions: the first bytes are what count.
"""

from __future__ import annotations

import io
import zipfile

PDF, DOCX, DOC, PNG, JPEG, TIFF, HEIC, GIF, WEBP, ZIP, TEXT, EMPTY, UNKNOWN = (
    "pdf", "docx", "doc", "png", "jpeg", "tiff", "heic", "gif", "webp", "zip", "text", "empty", "unknown",
)
IMAGE_FORMATS = frozenset({PNG, JPEG, TIFF})


def sniff_format(head: bytes, data_loader: object | None = None) -> str:
    """Name the format of a file from its first bytes (1 KiB is plenty)."""
    if not head:
        return EMPTY
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim"):
        return HEIC
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if _looks_like_text(head):
        return TEXT
    return UNKNOWN


def zip_kind(data: bytes) -> str:
    """A zip is a DOCX when it holds word/document.xml."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP
    return DOCX if "word/document.xml" in names else ZIP


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multibyte char at the end is fine
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True
