"""OCR: text reconstruction on synthetic word boxes, then real engines on pages drawn here.

The first group needs nothing but the package. The second draws pages with
Pillow (DejaVu Sans from Debian's fonts-dejavu-core when present, else
Pillow's bundled scalable font) and runs every installed engine on them;
it is skipped, with the reason, when the ``ocr`` extra is not installed.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from checklist.errors import ChecklistError, DocumentLoadError
from checklist.ingest import ocr
from checklist.ingest.ocr import OcrPage, OcrWord, reconstruct_text

if TYPE_CHECKING:
    from PIL import Image


def word(text: str, left: int, top: int, width: int | None = None, height: int = 20, conf: float = 0.95) -> OcrWord:
    width = width if width is not None else 10 * len(text)
    return OcrWord(text=text, left=left, top=top, right=left + width, bottom=top + height, confidence=conf)


# --------------------------------------------------------------------------
# Reading order, no engine


def test_label_and_value_columns_stay_on_one_line() -> None:
    words = [
        word("Date", 100, 100),
        word("Issued", 150, 102),  # same phrase, baseline jitter
        word("2024/03/01", 500, 98),
        word("Expiry", 100, 140),
        word("Date", 170, 141),
        word("2027/02/28", 500, 139),
    ]
    lines = reconstruct_text(words).splitlines()
    assert lines[0].startswith("Date Issued")
    assert re.fullmatch(r"Date Issued {3,}2024/03/01", lines[0])
    assert re.fullmatch(r"Expiry Date {3,}2027/02/28", lines[1])
    assert lines[0].index("2024") == lines[1].index("2027")  # the value column lines up


def test_lines_top_to_bottom_words_left_to_right_whatever_the_input_order() -> None:
    words = [
        word("third", 100, 300),
        word("line", 170, 300),
        word("first", 100, 100),
        word("second", 100, 200),
        word("line", 170, 100),
    ]
    assert [line.strip() for line in reconstruct_text(words).splitlines() if line] == [
        "first line",
        "second",
        "third line",
    ]


def test_table_values_sit_under_their_headers() -> None:
    words = [word("Box", 100, 100), word("Amount", 400, 100), word("14", 100, 130), word("20,783.52", 400, 130)]
    header, row = reconstruct_text(words).splitlines()
    assert header.index("Amount") == row.index("20,783.52")
    assert "   " in header and "   " in row


def test_a_tall_word_does_not_merge_two_lines() -> None:
    words = [word("Heading", 100, 100, height=60), word("left", 400, 100), word("below", 400, 140)]
    lines = [line.strip() for line in reconstruct_text(words).splitlines() if line.strip()]
    assert len(lines) == 2 and "below" in lines[1]


def test_a_paragraph_gap_leaves_an_empty_line() -> None:
    words = [word("Dear", 100, 100), word("Sir", 100, 125), word("Sincerely", 100, 300)]
    assert reconstruct_text(words).splitlines() == ["Dear", "Sir", "", "Sincerely"]


def test_no_words_no_text() -> None:
    assert reconstruct_text([]) == ""


def test_text_runs_are_split_into_words_across_their_width() -> None:
    first, second = ocr.split_run("Date Issued", 0, 10, 110, 30, 0.9)
    assert (first.text, first.left, first.right) == ("Date", 0, 40)
    assert (second.text, second.left, second.right) == ("Issued", 50, 110)
    assert second.top == 10 and second.bottom == 30 and second.confidence == 0.9


def test_tesseract_tsv_words() -> None:
    rows = [
        [
            "level",
            "page_num",
            "block_num",
            "par_num",
            "line_num",
            "word_num",
            "left",
            "top",
            "width",
            "height",
            "conf",
            "text",
        ],
        ["1", "1", "0", "0", "0", "0", "0", "0", "800", "600", "-1", ""],
        ["5", "1", "1", "1", "1", "1", "10", "20", "50", "15", "96.5", "UCI"],
        ["5", "1", "1", "1", "1", "2", "200", "20", "90", "15", "91", "1234-5678"],
        ["5", "1", "1", "1", "1", "3", "300", "20", "5", "15", "95", " "],
    ]
    tsv = "\n".join("\t".join(row) for row in rows)
    words = ocr.parse_tesseract_tsv(tsv)
    assert [(w.text, w.left, w.right, w.confidence) for w in words] == [
        ("UCI", 10, 60, 0.965),
        ("1234-5678", 200, 290, 0.91),
    ]


def test_page_confidence_weighs_words_by_length() -> None:
    assert ocr.page_confidence([word("a", 0, 0, conf=0.0), word("abc", 20, 0, conf=1.0)]) == 0.75
    assert ocr.page_confidence([]) == 0.0


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("", False),
        ("  Page 1 of 2  ", False),
        ("(cid:12)(cid:13)(cid:14)" * 20, False),
        ("\ufffd" * 80, False),
        ("This is to certify that Ms. Maria Santos is employed with Acme Inc.", True),
    ],
)
def test_usable_text_layer(text: str, usable: bool) -> None:
    assert ocr.has_usable_text(text) is usable


def test_a_mixed_pdf_ocrs_only_its_scanned_pages() -> None:
    letter = "This is to certify that Ms. Maria Santos is employed with Acme Inc. since 2021."
    assert ocr.pages_needing_ocr([letter, "", "Page 3", letter]) == [1, 2]


def test_unknown_engine_is_a_configuration_error() -> None:
    with pytest.raises(ChecklistError, match="unknown OCR engine 'easyocr'") as caught:
        ocr.get_engine("easyocr")
    assert not isinstance(caught.value, DocumentLoadError)


@pytest.mark.parametrize(
    ("rapidocr3", "order"), [(True, ("rapidocr", "tesseract")), (False, ("tesseract", "rapidocr"))]
)
def test_default_engine_is_rapidocr_3_else_tesseract(
    monkeypatch: pytest.MonkeyPatch, rapidocr3: bool, order: tuple[str, ...]
) -> None:
    """The legacy rapidocr_onnxruntime glues words together: Tesseract goes before it."""
    monkeypatch.setattr(ocr, "_rapid_backend", lambda backend, missing_ok=False: "rapidocr" if rapidocr3 else "")
    assert ocr.default_order() == order


def test_no_engine_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_engines", {})
    monkeypatch.setattr(ocr.RapidOcrEngine, "available", staticmethod(lambda: False))
    monkeypatch.setattr(ocr.TesseractEngine, "available", staticmethod(lambda: False))
    with pytest.raises(DocumentLoadError) as caught:
        ocr.get_engine(None)
    assert caught.value.hint is not None and "pip install 'cec-checklist[ocr]'" in caught.value.hint
    assert "scan or photo" in caught.value.message


# --------------------------------------------------------------------------
# Pages drawn with Pillow, read by the installed engines

LINES = [
    ("WORK PERMIT", None),
    ("Date Issued", "2024/03/01"),
    ("Permit No.", "U123456789"),
    ("Family Name", "TREMBLAY"),
    ("Employer", "MAPLE LEAF BAKERY"),
]


@pytest.fixture(scope="module")
def pil() -> Any:
    return pytest.importorskip("PIL.Image", reason="the 'ocr' extra (Pillow) is not installed")


def _font(size: int) -> Any:
    from PIL import ImageFont

    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=False
        ).stdout
        if found.endswith((".ttf", ".otf")):
            return ImageFont.truetype(found, size)
    return ImageFont.load_default(size=size)  # Pillow >= 10.1 bundles a scalable font


def draw_page(
    ink: int = 0,
    paper: int = 255,
    size: tuple[int, int] = (1100, 800),
    lines: list[Any] | None = None,
) -> Image.Image:
    from PIL import Image, ImageDraw

    page = Image.new("L", size, paper)
    pen = ImageDraw.Draw(page)
    font = _font(30)
    top = 80
    for label, value in lines or LINES:
        pen.text((80, top), label, fill=ink, font=font)
        if value:
            pen.text((480, top), value, fill=ink, font=font)
        top += 70
    return page


def available_engines() -> list[str]:
    names = []
    for name in ocr.default_order():
        try:
            ocr.get_engine(name)
        except DocumentLoadError:
            continue
        names.append(name)
    return names


@pytest.fixture(scope="module", params=["rapidocr", "tesseract"])
def engine(request: pytest.FixtureRequest, pil: Any) -> Iterator[ocr.OcrEngine]:
    try:
        yield ocr.get_engine(request.param)
    except DocumentLoadError as exc:
        pytest.skip(f"OCR engine {request.param} not installed: {exc}")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_reads_the_permit(page: OcrPage) -> None:
    text = page.text
    assert "2024/03/01" in text and "U123456789" in text and "TREMBLAY" in text
    line = next(line for line in text.splitlines() if "2024/03/01" in line)
    assert re.search(r"Date Issued {3,}2024/03/01", line), line
    assert page.confidence > 0.8
    assert [w.text for w in page.words[:3]] == ["WORK", "PERMIT", "Date"]  # reading order
    assert all(w.left < w.right <= page.width and w.top < w.bottom <= page.height for w in page.words)


def encode(image: Image.Image, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_reads_png_jpeg_and_tiff(engine: ocr.OcrEngine, fmt: str) -> None:
    (page,) = ocr.ocr_images(encode(draw_page(), fmt), engine)
    assert_reads_the_permit(page)
    assert page.rotation == 0 and page.engine == engine.name


def test_reads_an_iphone_heic_photo(engine: ocr.OcrEngine) -> None:
    """Phones save HEIC by default (issue 17): with pillow-heif (the ocr extra) it is read like a JPEG."""
    from checklist.ingest import imaging

    if not imaging.enable_heif():
        pytest.skip("pillow-heif (the ocr extra) is not installed")
    (page,) = ocr.ocr_images(encode(draw_page().convert("RGB"), "HEIF"), engine)
    assert_reads_the_permit(page)


def test_without_pillow_heif_a_heic_photo_says_how_to_read_it(pil: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist.ingest import imaging

    monkeypatch.setattr(imaging, "enable_heif", lambda: False)
    with pytest.raises(DocumentLoadError, match="without pillow-heif") as caught:
        ocr.load_images(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    assert "cec-checklist[ocr]" in (caught.value.hint or "")


def test_reads_every_page_of_a_multi_page_tiff(engine: ocr.OcrEngine) -> None:
    second = draw_page(lines=[("T4 2023", None), ("Employment income", "48,077.29")])
    data = encode(draw_page(), "TIFF", save_all=True, append_images=[second], compression="tiff_deflate")
    first, other = ocr.ocr_images(data, engine)
    assert_reads_the_permit(first)
    assert "48,077.29" in other.text and "TREMBLAY" not in other.text


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_pages_are_read_upright(engine: ocr.OcrEngine, turn: int) -> None:
    turned = draw_page().rotate(-turn, expand=True)  # turned clockwise, as scanned
    page = ocr.ocr_image(turned, engine)
    assert page.rotation == turn
    assert_reads_the_permit(page)


def test_exif_orientation_is_applied(pil: Any) -> None:
    from PIL import Image

    stored = draw_page().transpose(Image.Transpose.ROTATE_90)  # as a phone stores a portrait shot
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    (image,) = ocr.load_images(encode(stored, "JPEG", exif=exif.tobytes()))
    assert image.size == (1100, 800)
    upright = draw_page()
    pixels = image.convert("L").tobytes()
    difference = sum(abs(a - b) for a, b in zip(pixels, upright.tobytes()))
    flipped = sum(abs(a - b) for a, b in zip(pixels, upright.rotate(180).tobytes()))
    assert difference < flipped / 4


def test_slight_skew_is_straightened(engine: ocr.OcrEngine) -> None:
    skewed = draw_page().rotate(3, expand=True, fillcolor=255)  # 3 degrees counter-clockwise
    page = ocr.ocr_image(skewed, engine)
    assert page.rotation == 0 and abs(page.skew - 3) <= 0.6
    assert_reads_the_permit(page)


def test_low_contrast_scan(engine: ocr.OcrEngine) -> None:
    page = ocr.ocr_image(draw_page(ink=150, paper=190), engine)
    assert_reads_the_permit(page)


def test_small_photo_is_enlarged(engine: ocr.OcrEngine) -> None:
    from PIL import Image

    small = draw_page().resize((550, 400), Image.Resampling.LANCZOS)
    page = ocr.ocr_image(small, engine)
    assert page.width >= 1100 and "U123456789" in page.text


@pytest.mark.parametrize("noise", [0, 3, 8])
def test_blank_page_gives_an_empty_page(pil: Any, noise: int) -> None:
    from PIL import Image

    class NoCall:
        name = "none"

        def recognize(self, image: Image.Image) -> list[OcrWord]:
            raise AssertionError("a blank page needs no OCR")

    blank = Image.new("L", (1100, 800), 250)
    if noise:  # scanner noise and a few specks of dust
        blank = Image.effect_noise((1100, 800), noise).point(lambda v: min(255, v + 100))
        for x, y in [(100, 100), (700, 300), (400, 650)]:
            blank.paste(40, (x, y, x + 3, y + 3))
    page = ocr.ocr_image(blank, NoCall())
    assert page.text == "" and page.words == [] and page.confidence == 0.0


def test_scanned_pdf_page_is_rendered_and_read(engine: ocr.OcrEngine) -> None:
    pytest.importorskip("pypdfium2", reason="the 'ocr' extra (pypdfium2) is not installed")
    data = encode(draw_page().convert("RGB"), "PDF", resolution=100)  # 11 x 8 inches, image only
    (image,) = ocr.render_pdf_pages(data, [0], dpi=150)
    assert abs(image.width - 1650) <= 1 and abs(image.height - 1200) <= 1 and image.mode == "L"
    (page,) = ocr.ocr_pdf_pages(data, [0], engine)
    assert_reads_the_permit(page)


def test_pdf_page_out_of_range_and_damaged_pdf(pil: Any) -> None:
    pytest.importorskip("pypdfium2", reason="the 'ocr' extra (pypdfium2) is not installed")
    data = encode(draw_page().convert("RGB"), "PDF")
    with pytest.raises(DocumentLoadError, match="outside"):
        ocr.render_pdf_pages(data, [3])
    with pytest.raises(DocumentLoadError, match="PDF cannot be opened"):
        ocr.render_pdf_pages(b"%PDF-1.7\n garbage", [0])


def test_huge_pdf_page_is_rendered_smaller(pil: Any) -> None:
    pytest.importorskip("pypdfium2", reason="the 'ocr' extra (pypdfium2) is not installed")
    from checklist.ingest import imaging

    data = encode(draw_page().convert("RGB"), "PDF", resolution=1)  # 1100 x 800 inches
    (image,) = ocr.render_pdf_pages(data, [0], dpi=200)
    assert max(image.size) <= imaging.MAX_RENDER_SIDE


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused(pil: Any) -> None:
    data = png_header_only(40_000, 40_000)
    assert len(data) < 200
    with pytest.raises(DocumentLoadError, match="too large to read safely"):
        ocr.load_images(data)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
        (lambda: encode(draw_page(), "GIF"), "unsupported image format GIF"),
        (lambda: encode(draw_page(), "PNG")[:400], "damaged"),
        (lambda: b"not an image at all", "not an image file"),
    ],
    ids=["heic", "gif", "truncated-png", "garbage"],
)
def test_unreadable_images_give_a_reason(pil: Any, make: Callable[[], bytes], reason: str) -> None:
    with pytest.raises(DocumentLoadError, match=reason):
        ocr.load_images(make())


def test_orientation_is_chosen_by_the_engine_confidence(pil: Any) -> None:
    """An engine that reads well only when the page is upright decides 0 against 180."""
    upright = draw_page()
    reference = upright.resize((64, 48)).tobytes()

    class Picky:
        name = "picky"
        calls = 0

        def recognize(self, image: Image.Image) -> list[OcrWord]:
            self.calls += 1
            sample = image.resize((64, 48)).tobytes()
            same = sum(abs(a - b) for a, b in zip(sample, reference)) < sum(
                abs(a - b) for a, b in zip(sample[::-1], reference)
            )
            conf = 0.97 if same else 0.3
            return [
                word(text, left, top, conf=conf)
                for top in (80, 150, 220)
                for text, left in (("Date", 80), ("Issued", 130), ("2024/03/01", 480))
            ]

    engine = Picky()
    page = ocr.ocr_image(upright.rotate(180), engine)
    assert page.rotation == 180 and engine.calls == 2
    assert "Date Issued" in page.text


def test_engines_share_one_instance(pil: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.ENGINE_ENV_VAR, raising=False)
    names = available_engines()
    if not names:
        pytest.skip("no OCR engine installed")
    assert ocr.get_engine(names[0]) is ocr.get_engine(names[0])
    assert ocr.get_engine(None).name == names[0]


def test_truncated_image_is_refused_even_when_pillow_is_told_to_accept_them(
    pil: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # as WeasyPrint sets it on import
    with pytest.raises(DocumentLoadError, match="damaged"):
        ocr.load_images(encode(draw_page(), "PNG")[:400])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
