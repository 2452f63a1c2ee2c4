"""Image loading and clean-up before OCR.

Contract:

- ``load_images(data)`` turns the bytes of a PNG, JPEG or TIFF file into
  upright (EXIF-transposed) Pillow images, one per frame, so a multi-page
  TIFF gives all its pages. Anything Pillow cannot read, an unsupported
  format, or an image larger than ``MAX_PIXELS`` (a decompression bomb)
  raises ``DocumentLoadError`` with the reason.
- ``render_pdf_pages(data, pages, dpi)`` renders PDF pages (0-based
  indexes) to grayscale images with pypdfium2, lowering the resolution of
  absurdly large pages instead of allocating them.
- ``prepare_image`` and the helpers below make a scan or a phone photo
  readable: grayscale, a sane size, stretched contrast; they guess whether
  text lines run across or down the page and measure small skew. They use
  Pillow only, so they work with any OCR engine.

This module needs Pillow (and pypdfium2 for PDF pages), both part of the
``ocr`` extra. ``checklist.ingest.ocr`` imports it lazily so that the
rest of the package imports without the extra.
"""

from __future__ import annotations

import io
import itertools
import logging
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import cast

from PIL import Image, ImageChops, ImageFile, ImageFilter, ImageOps, UnidentifiedImageError

from checklist.errors import DocumentLoadError

logger = logging.getLogger(__name__)

#: Largest image accepted, in pixels: a 600 dpi Letter scan is ~34 Mpx, a
#: 48 Mpx phone photo fits; a 20000 x 20000 PNG of a few KB does not.
MAX_PIXELS = 64_000_000
#: Most frames read from one TIFF file.
MAX_FRAMES = 500
#: Long side of the image handed to the engine: enough for 8-pt text on a
#: Letter page (about 220 dpi), small enough to keep OCR under 2 s a page.
MAX_SIDE = 2500
#: Pages or photos whose long side is under this are enlarged first.
MIN_SIDE = 1200
#: Enlargement never goes beyond this factor (thumbnails stay thumbnails).
MAX_UPSCALE = 3.0
#: Longest side of a rendered PDF page, whatever its MediaBox says.
MAX_RENDER_SIDE = 6000

ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "MPO", "TIFF", "HEIF"})

# Side of the small image the layout heuristics look at.
_PROBE_SIDE = 640


def load_images(data: bytes) -> list[Image.Image]:
    """Read every page of an image file, upright as its EXIF says."""
    if looks_like_heif(data) and not enable_heif():
        raise DocumentLoadError(
            "HEIC/HEIF photos cannot be read without pillow-heif",
            hint="install it with: pip install 'cec-checklist[ocr]', or export the photo as JPEG or PDF",
        )
    try:
        with warnings.catch_warnings(), _strict_decoding():
            # Pillow only warns between 1x and 2x its own limit; treat the
            # warning like the error so both give the same reason.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            fmt = image.format or "unknown"
            if fmt not in ACCEPTED_FORMATS:
                raise DocumentLoadError(
                    f"unsupported image format {fmt}",
                    hint="convert the file to PDF, PNG, JPEG or TIFF",
                )
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES:
                raise DocumentLoadError(f"image has {frames} frames, more than the {MAX_FRAMES} accepted")
            pages: list[Image.Image] = []
            for index in range(frames):
                image.seek(index)
                _check_size(image.size, page=index + 1)
                image.load()
                pages.append(ImageOps.exif_transpose(image))
    except DocumentLoadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentLoadError(
            f"image is too large to read safely (decompression bomb?): {exc}",
            hint=f"images up to {MAX_PIXELS // 1_000_000} million pixels are read",
        ) from exc
    except UnidentifiedImageError as exc:
        if looks_like_heif(data):
            raise DocumentLoadError(
                "the HEIC photo is damaged and cannot be read", hint="export the photo again as JPEG or PDF"
            ) from exc
        raise DocumentLoadError("not an image file that can be read (PNG, JPEG, TIFF or HEIC expected)") from exc
    except (OSError, ValueError, EOFError, SyntaxError, TypeError, KeyError, IndexError) as exc:
        # Truncated or corrupt data surfaces from Pillow's decoders as one
        # of these; the reason goes into the message.
        what = "HEIC photo" if looks_like_heif(data) else "image"
        raise DocumentLoadError(f"{what} data is damaged: {exc}") from exc
    logger.debug("loaded %d image page(s) of format %s", len(pages), fmt)
    return pages


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Truncated image data is an error while a file is loaded here.

    Some libraries (WeasyPrint, for one) set Pillow's process-wide
    ``LOAD_TRUNCATED_IMAGES`` at import, which would turn a cut-off scan
    into a page with a gray band instead of a reason.
    """
    saved = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = saved


def render_pdf_pages(data: bytes, pages: Sequence[int], dpi: int = 200) -> list[Image.Image]:
    """Render the given 0-based pages of a PDF to grayscale images.

    Used for pages without a usable text layer. A page whose MediaBox is so
    large that ``dpi`` would exceed ``MAX_RENDER_SIDE`` or ``MAX_PIXELS`` is
    rendered at a lower resolution instead.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentLoadError(f"PDF cannot be opened for rendering: {exc}") from exc
    try:
        count = len(document)
        images: list[Image.Image] = []
        for index in pages:
            if not 0 <= index < count:
                raise DocumentLoadError(
                    f"page index {index} is outside the document's {count} pages",
                    page=index + 1,
                )
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                raise DocumentLoadError(f"PDF page cannot be loaded for rendering: {exc}", page=index + 1) from exc
            try:
                width, height = page.get_size()
                scale = _render_scale(width, height, dpi)
                bitmap = page.render(scale=scale, grayscale=True)
                images.append(bitmap.to_pil().convert("L"))
            except pdfium.PdfiumError as exc:
                raise DocumentLoadError(f"PDF page cannot be rendered: {exc}", page=index + 1) from exc
            finally:
                page.close()
    finally:
        document.close()
    return images


def _render_scale(width_pt: float, height_pt: float, dpi: int) -> float:
    scale = dpi / 72.0
    long_side = max(width_pt, height_pt, 1.0)
    scale = min(scale, MAX_RENDER_SIDE / long_side)
    area = max(width_pt * height_pt, 1.0)
    scale = min(scale, (MAX_PIXELS / area) ** 0.5)
    return scale


def _check_size(size: tuple[int, int], *, page: int) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise DocumentLoadError(
            f"image is {width}x{height} pixels, too large to read safely (decompression bomb?)",
            page=page,
            hint=f"images up to {MAX_PIXELS // 1_000_000} million pixels are read",
        )


@cache
def enable_heif() -> bool:
    """Whether Pillow can open iPhone HEIC photos: pillow-heif (in the ocr extra) registers its decoder once.

    Phones save HEIC by default and the IRCC portal refuses it, so a photo of a
    permit must be read here and converted to PDF by the pack, not turned away.
    """
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def looks_like_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in {
        b"heic",
        b"heix",
        b"hevc",
        b"heim",
        b"heis",
        b"mif1",
        b"msf1",
        b"avif",
    }


# --------------------------------------------------------------------------
# Clean-up


@dataclass(frozen=True)
class Prepared:
    """A page ready for layout analysis; ``blank`` pages need no OCR."""

    image: Image.Image
    blank: bool
    scale: float


def prepare_image(image: Image.Image) -> Prepared:
    """Grayscale, resize and stretch the contrast of one page.

    A blank page is told before stretching, which would blow its paper
    noise up into speckles for the engine to read.
    """
    gray = to_grayscale(ImageOps.exif_transpose(image))
    gray, scale = _resize(gray)
    if is_blank(gray):
        return Prepared(gray, blank=True, scale=scale)
    return Prepared(ImageOps.autocontrast(gray, cutoff=1), blank=False, scale=scale)


def is_blank(gray: Image.Image) -> bool:
    """No marks darker than the paper beyond its noise.

    Looked at in 4x4 pixel cells, whose averages calm sensor noise while a
    cell crossed by a stroke stays darker than the paper; a few specks of
    dust (under 0.2% of the page) are ignored.
    """
    probe = gray.reduce(4) if min(gray.size) >= 64 else gray
    darkest, paper = _percentiles(probe, 0.002, 0.5)
    return paper - darkest < 12


def to_grayscale(image: Image.Image) -> Image.Image:
    """8-bit grayscale, transparent areas put on white paper."""
    if image.mode == "L":
        return image
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    if image.mode.startswith("I;16") or image.mode in {"I", "F"}:
        # 16-bit and float scans: scale the used range to 0-255.
        wide = image.convert("F")
        low, high = (float(value) for value in cast("tuple[float, float]", wide.getextrema()))
        span = (high - low) or 1.0
        return wide.point(lambda value: (value - low) * (255.0 / span)).convert("L")
    return image.convert("L")


def _resize(image: Image.Image) -> tuple[Image.Image, float]:
    long_side = max(image.size)
    if long_side > MAX_SIDE:
        factor = MAX_SIDE / long_side
    elif 0 < long_side < MIN_SIDE:
        factor = min(MAX_UPSCALE, MIN_SIDE / long_side)
    else:
        return image, 1.0
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    resample = Image.Resampling.LANCZOS if factor < 1 else Image.Resampling.BICUBIC
    return image.resize(size, resample), factor


def _percentiles(image: Image.Image, *fractions: float) -> list[int]:
    histogram = image.histogram()[:256]
    total = sum(histogram) or 1
    result = []
    for fraction in fractions:
        target = fraction * total
        running = 0
        level = 255
        for value, count in enumerate(histogram):
            running += count
            if running >= target:
                level = value
                break
        result.append(level)
    return result


def otsu_threshold(image: Image.Image) -> int:
    """Gray level that best splits ink from paper (Otsu's method)."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    if total == 0:
        return 128
    sum_all = sum(level * count for level, count in enumerate(histogram))
    weight_bg = 0
    sum_bg = 0.0
    best_level, best_between = 128, -1.0
    for level, count in enumerate(histogram):
        weight_bg += count
        if weight_bg == 0:
            continue
        weight_fg = total - weight_bg
        if weight_fg == 0:
            break
        sum_bg += level * count
        mean_bg = sum_bg / weight_bg
        mean_fg = (sum_all - sum_bg) / weight_fg
        between = weight_bg * weight_fg * (mean_bg - mean_fg) ** 2
        if between > best_between:
            best_level, best_between = level, between
    return best_level


def _probe(image: Image.Image, side: int = _PROBE_SIDE) -> Image.Image:
    factor = side / max(image.size)
    if factor >= 1:
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BOX)


def ink_mask(image: Image.Image) -> Image.Image:
    """Text ink as 255 on 0, on a small copy of the page, for the layout heuristics.

    The reduction averages thin strokes into gray, which Otsu's threshold
    still separates from paper. Large dark areas (a scanner's shadow along
    an edge, the table under a phone photo) are not text: a morphological
    opening finds what is thicker than a stroke, and it is taken out.
    """
    probe = _probe(image)
    threshold = otsu_threshold(probe)
    ink = probe.point(lambda v: 255 if v <= threshold else 0)
    blobs = ink
    for _ in range(3):  # 3x3 three times is a 7x7 erosion, at half the cost
        blobs = blobs.filter(ImageFilter.MinFilter(3))
    for _ in range(4):  # and a 9x9 dilation, so the blobs' edges go too
        blobs = blobs.filter(ImageFilter.MaxFilter(3))
    return ImageChops.subtract(ink, blobs)


def _line_energy(mask: Image.Image) -> float:
    """How strongly the ink alternates from row to row.

    Horizontal text lines make the row profile swing between ink and
    paper; the same page turned 90 degrees gives a smooth row profile.
    """
    rows = mask.resize((1, mask.height), Image.Resampling.BOX).tobytes()
    if len(rows) < 3:
        return 0.0
    return sum((b - a) ** 2 for a, b in itertools.pairwise(rows)) / len(rows)


def text_runs_across(mask: Image.Image) -> bool:
    """Whether the text lines of an ``ink_mask`` look horizontal (0/180) rather than vertical."""
    across = _line_energy(mask)
    down = _line_energy(mask.transpose(Image.Transpose.ROTATE_90))
    logger.debug("line energy across=%.1f down=%.1f", across, down)
    return across >= down


def estimate_skew(mask: Image.Image, limit: float = 5.0) -> float:
    """Small skew of the text lines of an ``ink_mask``, in degrees counter-clockwise.

    Tries angles within ``limit``, keeping the one whose row profile is
    sharpest: whole degrees first, then tenths around the best. Turning the
    page by the negative of the result makes its lines horizontal.
    """
    cache: dict[float, float] = {}

    def energy(angle: float) -> float:
        angle = round(angle, 2)
        if angle not in cache:
            turned = mask if angle == 0 else mask.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
            cache[angle] = _line_energy(turned)
        return cache[angle]

    steps = int(limit)
    best = max(range(-steps, steps + 1), key=lambda degree: (energy(degree), -abs(degree)))
    fine = [best + tenth / 10 for tenth in range(-8, 9, 2)]
    best_fine = max(fine, key=lambda angle: (energy(angle), -abs(angle)))
    fine = [best_fine - 0.1, best_fine, best_fine + 0.1]
    best_fine = max(fine, key=lambda angle: (energy(angle), -abs(angle)))
    return round(-best_fine, 2)


def rotate_upright(image: Image.Image, rotation: int) -> Image.Image:
    """Undo a page turned ``rotation`` degrees clockwise (0/90/180/270)."""
    if rotation == 90:
        return image.transpose(Image.Transpose.ROTATE_90)
    if rotation == 180:
        return image.transpose(Image.Transpose.ROTATE_180)
    if rotation == 270:
        return image.transpose(Image.Transpose.ROTATE_270)
    return image


def deskew(image: Image.Image, skew: float) -> Image.Image:
    """Turn the page by ``-skew`` degrees, filling the new corners with paper."""
    if abs(skew) < 0.2:
        return image
    return image.rotate(-skew, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
