"""Detect a file's format from its bytes, never from its name.

Users rename files, phones save HEIC as .jpg, and payroll portals export
PDFs without extensions: the first bytes are what count.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator

PDF, DOCX, DOC, PNG, JPEG, TIFF, HEIC, GIF, WEBP, ZIP, TEXT, EMPTY, UNKNOWN = (
    "pdf",
    "docx",
    "doc",
    "png",
    "jpeg",
    "tiff",
    "heic",
    "gif",
    "webp",
    "zip",
    "text",
    "empty",
    "unknown",
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
    """A zip is a DOCX when it holds word/document.xml.

    A zip too damaged to list still names its parts in its local headers: one
    that names Word parts is a damaged DOCX (and is reported as one), not an archive.
    """
    if zip_entries(data) > MAX_LISTED_ENTRIES:  # listing them all would cost seconds: judge by the bytes
        return DOCX if b"word/document.xml" in data else ZIP
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001 - zipfile raises BadZipFile, NotImplementedError (versions), EOFError...
        return DOCX if b"word/document.xml" in data else ZIP
    return DOCX if "word/document.xml" in names else ZIP


MAX_LISTED_ENTRIES = 10_000


def zip_entries(data: bytes) -> int:
    """How many entries a zip's central directory holds, at most (counted without parsing it)."""
    return data.count(b"PK\x01\x02")


def image_sizes(data: bytes, file_format: str, max_frames: int = 1000) -> Iterator[tuple[int, int]]:
    """(width, height) in pixels of each frame an image's header declares, read without decoding.

    Lets a reader refuse an image that claims absurd dimensions before any
    decoder allocates memory for it. A header too damaged to read yields
    nothing: the decoder will report it.
    """
    try:
        if file_format == PNG:
            yield from _png_size(data)
        elif file_format == JPEG:
            yield from _jpeg_sizes(data)
        elif file_format == TIFF:
            yield from _tiff_sizes(data, max_frames)
    except (struct.error, IndexError, ValueError):
        return


def _png_size(data: bytes) -> Iterator[tuple[int, int]]:
    if data[12:16] == b"IHDR":
        yield struct.unpack(">II", data[16:24])


_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # start-of-frame markers (not DHT, JPG, DAC)


def _jpeg_sizes(data: bytes) -> Iterator[tuple[int, int]]:
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return  # lost sync: entropy-coded data or damage
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD9)):  # markers without a length
            offset += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: the frame header came before
            return
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            yield width, height
            return
        offset += 2 + length


_TIFF_WIDTH, _TIFF_LENGTH = 256, 257


def _tiff_sizes(data: bytes, max_frames: int) -> Iterator[tuple[int, int]]:
    order = "<" if data[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", data[4:8])
    seen: set[int] = set()
    while offset and offset not in seen and len(seen) < max_frames and offset + 2 <= len(data):
        seen.add(offset)
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        size = {_TIFF_WIDTH: 0, _TIFF_LENGTH: 0}
        for entry in range(offset + 2, offset + 2 + 12 * count, 12):
            tag, kind = struct.unpack(order + "HH", data[entry : entry + 4])
            if tag in size:
                value = data[entry + 8 : entry + 12]
                size[tag] = struct.unpack(order + ("H" if kind == 3 else "I"), value[:2] if kind == 3 else value)[0]
        yield size[_TIFF_WIDTH], size[_TIFF_LENGTH]
        (offset,) = struct.unpack(order + "I", data[offset + 2 + 12 * count : offset + 6 + 12 * count])


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
