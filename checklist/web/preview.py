"""A document's pages as images for the review page: what the person checks the fields against.

Only files of the case are shown, by the id the store gives them; each page is
rendered here to a PNG (a PDF page through pdfium, an image file through Pillow,
upright as its EXIF says, metadata dropped), so the browser never opens the
uploaded bytes themselves and the page loads nothing from outside. A SIN in a
PDF's text layer is covered with a black box, as every other output masks it;
in a scan or a photo the tool does not know where the SIN is, and the image is
shown as the person's own document.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from checklist.errors import DocumentLoadError
from checklist.privacy import sin_spans

log = logging.getLogger(__name__)

PREVIEW_DPI = 110
MAX_SIDE = 1800  # pixels on the long side: sharp enough to read, light enough to send
PDF_FORMATS = frozenset({"pdf"})
IMAGE_FORMATS = frozenset({"png", "jpeg", "tiff", "heic"})


class NoPreview(LookupError):
    """The file has no page image to show (a Word letter, a text file, a page that does not exist)."""


def can_preview(file_format: str) -> bool:
    return file_format in PDF_FORMATS or file_format in IMAGE_FORMATS


def page_png(path: Path, file_format: str, index: int) -> bytes:
    """Page `index` (0-based) of a PDF or image file as PNG bytes; NoPreview when there is none to show."""
    if not can_preview(file_format):
        raise NoPreview(f"a {file_format} file has no page image")
    data = path.read_bytes()
    try:
        image = _pdf_page(data, index) if file_format in PDF_FORMATS else _image_page(data, index)
    except DocumentLoadError as exc:
        raise NoPreview(str(exc)) from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _image_page(data: bytes, index: int):  # type: ignore[no-untyped-def]
    from checklist.ingest.imaging import load_images

    pages = load_images(data)
    if not 0 <= index < len(pages):
        raise NoPreview(f"the image has {len(pages)} page(s)")
    image = pages[index]
    return image.convert("RGB") if image.mode not in ("RGB", "L") else image


def _pdf_page(data: bytes, index: int):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise NoPreview(f"the PDF cannot be opened: {exc}") from None
    try:
        if not 0 <= index < len(document):
            raise NoPreview(f"the PDF has {len(document)} page(s)")
        page = document[index]
        try:
            width, height = page.get_size()
            scale = min(PREVIEW_DPI / 72, MAX_SIDE / max(width, height, 1.0))  # a huge MediaBox stays small
            image = page.render(scale=scale).to_pil().convert("RGB")
            boxes = _sin_boxes(page, height, scale)
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise NoPreview(f"the page cannot be rendered: {exc}") from None
    finally:
        document.close()
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(box, fill="black")
    return image


def _sin_boxes(page, height: float, scale: float) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """Pixel boxes around each SIN of the page's text layer (one per character, padded)."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        boxes = []
        for start, end in sin_spans(text):
            for char in range(start, min(end, count)):
                left, bottom, right, top = textpage.get_charbox(char)
                if right > left and top > bottom:
                    boxes.append(
                        (
                            (left - 1) * scale,
                            (height - top - 1) * scale,
                            (right + 1) * scale,
                            (height - bottom + 1) * scale,
                        )
                    )
        return boxes
    finally:
        textpage.close()
