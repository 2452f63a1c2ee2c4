"""OCR of scans and photos: engines, page orientation, reading-order text.

Contract:

- An ``OcrEngine`` has a ``name`` and ``recognize(image) -> list[OcrWord]``
  on an upright page. Two are built in: ``RapidOcrEngine`` (the ``rapidocr``
  package on onnxruntime, models inside its wheel, no download at run time)
  and ``TesseractEngine`` (Debian's ``tesseract-ocr`` and
  ``tesseract-ocr-fra``). ``get_engine(name)`` returns a shared instance,
  or raises ``DocumentLoadError`` with the install hint when the engine (or,
  with no name, every engine) is missing, so the document is skipped with
  that reason.
- ``ocr_image(image, engine) -> OcrPage`` cleans the page up (EXIF
  orientation, grayscale, size, contrast), finds a 90/180/270 degree turn
  and a small skew, reads it, and rebuilds the text the way the PDF reader
  lays out a text layer (see ``checklist.ingest.layout``): lines top to
  bottom, words left to right, each word near the character column its
  position gives, so column gaps are 3+ spaces and a column's values sit
  under its header. ``OcrPage.words`` come in the same reading order, their
  boxes in the pixels of the upright, cleaned-up page (``OcrPage.width`` x
  ``OcrPage.height``), so extractors can work on lines and columns.
- A blank page gives an empty ``OcrPage``; it is not an error.
- ``ocr_images(data)`` and ``ocr_pdf_pages(data, pages)`` read image files
  and the image-only pages of a PDF; ``pages_needing_ocr(texts)`` tells a
  PDF reader which pages have no usable text layer, so a PDF that mixes
  text and scanned pages uses each page's best source.

Heavy libraries (Pillow, numpy, onnxruntime, pypdfium2) are imported inside
functions: this module imports without the ``ocr`` extra.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from checklist.errors import ChecklistError, DocumentLoadError

if TYPE_CHECKING:
    from PIL import Image

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'cec-checklist[ocr]'"
TESSERACT_HINT = "apt-get install tesseract-ocr tesseract-ocr-fra"
ENGINE_NAMES = ("tesseract", "rapidocr")  # see default_order() for which one is used
ENGINE_ENV_VAR = "CEC_CHECKLIST_OCR_ENGINE"  # choose another engine without code

#: A PDF page whose text layer has fewer letters and digits than this is OCR'd.
MIN_TEXT_CHARS = 25
#: Mean confidence at which the first orientation tried is accepted.
GOOD_CONFIDENCE = 0.80
#: A gap wider than this many character widths separates columns.
COLUMN_GAP_CHARS = 2.0


class OcrWord(BaseModel):
    """One word (or a run of words, for engines that only give lines) and its box."""

    model_config = ConfigDict(frozen=True)

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float = Field(ge=0.0, le=1.0)

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)

    @property
    def width(self) -> int:
        return max(1, self.right - self.left)


class OcrPage(BaseModel):
    """What OCR read on one page.

    ``confidence`` is the mean word confidence weighted by length (0 for a
    blank page); ``rotation`` how far the page was turned clockwise (0, 90,
    180 or 270 degrees) before it was turned back for reading; ``skew`` the
    small angle corrected after that, in degrees counter-clockwise.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    words: list[OcrWord]
    confidence: float
    rotation: int = 0
    skew: float = 0.0
    width: int = 0
    height: int = 0
    engine: str = ""


@runtime_checkable
class OcrEngine(Protocol):
    """Reads the words on an upright page image."""

    name: str

    def recognize(self, image: Image.Image) -> list[OcrWord]: ...


# --------------------------------------------------------------------------
# Engines


class RapidOcrEngine:
    """PP-OCR models on onnxruntime, through the ``rapidocr`` package.

    ``rapidocr`` 3.x ships its detection and recognition models inside the
    wheel and downloads nothing. The older ``rapidocr_onnxruntime`` 1.4 is
    used when it is the one installed (``backend="auto"``). ``det_side``
    caps the long side of the image the text detector sees (960: a fifth
    faster than 1280 for the same reads, bench/ocr/README.md); recognition
    always reads full-resolution crops, one at a time (batches pad every
    crop to the widest: a quarter slower here). The engine returns text runs
    (a label, a value), split here into words.
    """

    name = "rapidocr"

    def __init__(
        self,
        *,
        det_side: int = 960,
        threads: int | None = None,
        min_score: float = 0.3,
        backend: str = "auto",
    ) -> None:
        self.det_side = det_side
        self.threads = threads
        self.min_score = min_score
        self.backend = _rapid_backend(backend)
        self._engine: Any = None
        self._lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        return _rapid_backend("auto", missing_ok=True) != ""

    def _load(self) -> Any:
        with self._lock:
            if self._engine is None:
                threads = self.threads or -1
                if self.backend == "rapidocr":
                    from rapidocr import RapidOCR

                    self._engine = RapidOCR(
                        params={
                            "Global.log_level": "error",
                            "Global.use_cls": False,
                            "Global.text_score": self.min_score,
                            "Global.max_side_len": 4000,
                            "Det.limit_type": "max",
                            "Det.limit_side_len": self.det_side,
                            "Rec.rec_batch_num": 1,
                            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                        }
                    )
                else:
                    from rapidocr_onnxruntime import RapidOCR as LegacyRapidOCR

                    self._engine = LegacyRapidOCR(
                        use_cls=False,
                        text_score=self.min_score,
                        max_side_len=4000,
                        det_limit_type="max",
                        rec_batch_num=1,
                        intra_op_num_threads=threads,
                        inter_op_num_threads=1,
                    )
                logger.debug("loaded %s (det_side=%d)", self.backend, self.det_side)
        return self._engine

    def recognize(self, image: Image.Image) -> list[OcrWord]:
        import numpy as np

        engine = self._load()
        factor = 1.0
        if self.backend == "rapidocr_onnxruntime":
            # The legacy package sizes its detector from the input: shrink the input.
            image, factor = _shrink(image, self.det_side)
        pixels = np.asarray(image.convert("RGB"))
        runs: list[tuple[Any, str, float]] = []
        if self.backend == "rapidocr":
            result = engine(pixels)
            if result.boxes is not None and result.txts:
                runs = list(zip(result.boxes, result.txts, result.scores))
        else:
            result, _elapsed = engine(pixels, use_cls=False)
            runs = [(box, text, score) for box, text, score in result or []]
        words: list[OcrWord] = []
        for box, text, score in runs:
            xs = [float(point[0]) / factor for point in box]
            ys = [float(point[1]) / factor for point in box]
            words.extend(split_run(str(text), min(xs), min(ys), max(xs), max(ys), float(score)))
        return words


class TesseractEngine:
    """Tesseract from Debian (``tesseract-ocr``, ``tesseract-ocr-fra``).

    Runs the ``tesseract`` program directly (no Python wrapper needed) with
    one thread: its OpenMP threads only add overhead on two cores. Reads
    English and French when French is installed.
    """

    name = "tesseract"

    def __init__(
        self,
        *,
        languages: str | None = None,
        psm: int = 3,
        timeout: float = 120.0,
        binary: str | None = None,
    ) -> None:
        self.binary = binary or shutil.which("tesseract") or "tesseract"
        self.psm = psm
        self.timeout = timeout
        self.languages = languages or _tesseract_languages(self.binary)

    @staticmethod
    def available() -> bool:
        return shutil.which("tesseract") is not None

    def recognize(self, image: Image.Image) -> list[OcrWord]:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        command = [self.binary, "stdin", "stdout", "-l", self.languages, "--psm", str(self.psm), "tsv"]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                command, input=buffer.getvalue(), capture_output=True, timeout=self.timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise DocumentLoadError(f"tesseract took more than {self.timeout:.0f} s on a page") from exc
        except OSError as exc:
            raise DocumentLoadError(f"tesseract cannot be run: {exc}", hint=TESSERACT_HINT) from exc
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise DocumentLoadError("tesseract failed: " + (message[-1] if message else f"exit {done.returncode}"))
        return parse_tesseract_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tesseract_tsv(tsv: str) -> list[OcrWord]:
    """Words of tesseract's TSV output (level-5 rows that hold text)."""
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(cell) for cell in cells[6:10])
        confidence = min(1.0, max(0.0, float(cells[10]) / 100.0))
        words.append(
            OcrWord(
                text=cells[11].strip(),
                left=left,
                top=top,
                right=left + width,
                bottom=top + height,
                confidence=confidence,
            )
        )
    return words


@lru_cache(maxsize=4)
def _tesseract_languages(binary: str) -> str:
    try:
        done = subprocess.run([binary, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "eng"
    installed = set(done.stdout.decode("utf-8", "replace").split())
    return "eng+fra" if "fra" in installed else "eng"


def _rapid_backend(backend: str, *, missing_ok: bool = False) -> str:
    wanted = ("rapidocr", "rapidocr_onnxruntime") if backend == "auto" else (backend,)
    if importlib.util.find_spec("onnxruntime") is not None and importlib.util.find_spec("PIL") is not None:
        for module in wanted:
            if importlib.util.find_spec(module) is not None:
                return module
    if missing_ok:
        return ""
    raise DocumentLoadError("the OCR engine rapidocr is not installed", hint=INSTALL_HINT)


_FACTORIES: dict[str, type[RapidOcrEngine | TesseractEngine]] = {
    "rapidocr": RapidOcrEngine,
    "tesseract": TesseractEngine,
}
_engines: dict[str, OcrEngine] = {}
_engines_lock = threading.Lock()


def default_order() -> tuple[str, ...]:
    """Engines to try when none is named, best first (figures in bench/ocr/README.md).

    The ``rapidocr`` 3.x package (PP-OCRv6) reads as well as Tesseract on
    clean scans, better on poor ones, keeps accents, and is faster: first
    when installed. The older ``rapidocr_onnxruntime`` 1.4 glues words
    together ("Thisisto certify", 72% of the values against 100%): it comes
    after Tesseract.
    """
    if _rapid_backend("rapidocr", missing_ok=True):
        return ("rapidocr", "tesseract")
    return ("tesseract", "rapidocr")


def preferred_engine() -> str:
    """The engine a scan would be read with now, without loading it ("" when none is installed).

    The reading cache keys on it: a reading made by Tesseract is not taken
    for one by PP-OCR after the user installs or names another engine.
    """
    name = os.environ.get(ENGINE_ENV_VAR) or None
    candidates = [name] if name in _FACTORIES else list(default_order())
    return next((c for c in candidates if c and _FACTORIES[c].available()), "")


def get_engine(name: str | None = None) -> OcrEngine:
    """The named OCR engine (argument, or ``$CEC_CHECKLIST_OCR_ENGINE``), else the first available of ``default_order()``.

    Engines are made once and shared: loading models takes about a second.
    An unknown name is a configuration error (``ChecklistError``); a missing
    engine makes the scan unreadable (``DocumentLoadError`` with the hint).
    """
    name = name or os.environ.get(ENGINE_ENV_VAR) or None
    if name is not None and name not in _FACTORIES:
        raise ChecklistError(f"unknown OCR engine {name!r}", hint="choose one of: " + ", ".join(ENGINE_NAMES))
    candidates = [name] if name else list(default_order())
    with _engines_lock:
        for candidate in candidates:
            if candidate in _engines:
                return _engines[candidate]
            factory = _FACTORIES[candidate]
            if factory.available() and importlib.util.find_spec("PIL") is not None:
                engine: OcrEngine = factory()
                _engines[candidate] = engine
                logger.debug("OCR engine: %s", candidate)
                return engine
    if name == "tesseract":
        raise DocumentLoadError(
            "this document needs OCR, but tesseract is not installed", hint=f"{TESSERACT_HINT}; {INSTALL_HINT}"
        )
    what = f"the OCR engine {name} is" if name else "no OCR engine is"
    raise DocumentLoadError(f"this document is a scan or photo and needs OCR, but {what} installed", hint=INSTALL_HINT)


def _imaging() -> Any:
    try:
        from checklist.ingest import imaging
    except ImportError as exc:
        raise DocumentLoadError(f"reading scans and photos needs Pillow ({exc})", hint=INSTALL_HINT) from exc
    return imaging


def _shrink(image: Image.Image, side: int) -> tuple[Image.Image, float]:
    from PIL import Image as PILImage

    factor = side / max(image.size)
    if factor >= 1:
        return image, 1.0
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, PILImage.Resampling.LANCZOS), factor


def split_run(text: str, left: float, top: float, right: float, bottom: float, confidence: float) -> list[OcrWord]:
    """Split a text run into words, sharing its width out by characters.

    Line-level engines return runs such as ``"Date Issued"``; words let the
    extractors work alike on every engine. Word ends inside a run are
    estimates, the run's own ends are exact.
    """
    text = text.strip()
    if not text:
        return []
    per_char = max(1.0, right - left) / len(text)
    confidence = min(1.0, max(0.0, confidence))
    return [
        OcrWord(
            text=match.group(),
            left=round(left + match.start() * per_char),
            top=round(top),
            right=round(left + match.end() * per_char),
            bottom=round(bottom),
            confidence=confidence,
        )
        for match in re.finditer(r"\S+", text)
    ]


# --------------------------------------------------------------------------
# Reading order


def group_lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into lines by vertical overlap; lines top to bottom, words left to right.

    A word joins the recent line whose vertical band it overlaps most, if
    the overlap covers half the smaller of the two heights. A line's band is
    the running mean of its words' tops and bottoms, so one tall word cannot
    chain two lines together.
    """
    ordered = sorted(
        (word for word in words if word.text.strip()), key=lambda word: ((word.top + word.bottom) / 2, word.left)
    )
    lines: list[_Line] = []
    for word in ordered:
        best: _Line | None = None
        best_ratio = 0.0
        for line in lines[-8:]:
            overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
            if overlap <= 0:
                continue
            ratio = overlap / max(1.0, min(line.bottom - line.top, word.height))
            if ratio > best_ratio:
                best, best_ratio = line, ratio
        if best is not None and best_ratio >= 0.5:
            best.add(word)
        else:
            lines.append(_Line(word))
    lines.sort(key=lambda line: (line.top + line.bottom) / 2)
    return [sorted(line.words, key=lambda word: word.left) for line in lines]


class _Line:
    __slots__ = ("bottom", "top", "words")

    def __init__(self, word: OcrWord) -> None:
        self.words = [word]
        self.top = float(word.top)
        self.bottom = float(word.bottom)

    def add(self, word: OcrWord) -> None:
        self.words.append(word)
        count = len(self.words)
        self.top += (word.top - self.top) / count
        self.bottom += (word.bottom - self.bottom) / count


def reconstruct_text(words: Iterable[OcrWord]) -> str:
    """Reading-order text in the layout convention of the PDF reader.

    Each word goes to the character column its left edge gives (page-wide
    character width, counted from the leftmost word), so a column's values
    sit under its header; words closer than ``COLUMN_GAP_CHARS`` characters
    are one phrase and get one space; a column gap always gets at least 3
    spaces, so ``Date Issued    2024/03/01`` stays one line with a visible
    gap. A vertical gap over about a line height leaves an empty line
    between paragraphs.
    """
    return _render(group_lines(words))


def _render(lines: list[list[OcrWord]]) -> str:
    if not lines:
        return ""
    every = [word for line in lines for word in line]
    line_height = statistics.median(word.height for word in every)
    widths = [word.width / len(word.text) for word in every if len(word.text) >= 2]
    char_width = max(1.0, statistics.median(widths) if widths else line_height / 2)
    origin = min(word.left for word in every)
    out: list[str] = []
    previous_bottom: float | None = None
    for line in lines:
        top = statistics.median(word.top for word in line)
        if previous_bottom is not None and top - previous_bottom > line_height * 1.2:
            out.append("")
        out.append(_join_line(line, origin, char_width))
        previous_bottom = statistics.median(word.bottom for word in line)
    return "\n".join(out)


def _join_line(line: list[OcrWord], origin: int, char_width: float) -> str:
    text = ""
    previous: OcrWord | None = None
    for word in line:
        column = round((word.left - origin) / char_width)
        if previous is None:
            text = " " * max(0, column)
        elif word.left - previous.right <= COLUMN_GAP_CHARS * char_width:
            text += " "
        else:
            text += " " * max(3, column - len(text))
        text += word.text
        previous = word
    return text


def page_confidence(words: Sequence[OcrWord]) -> float:
    """Mean word confidence weighted by word length."""
    total = sum(len(word.text) for word in words)
    if not total:
        return 0.0
    return sum(word.confidence * len(word.text) for word in words) / total


def _quality(words: Sequence[OcrWord]) -> float:
    """Confidence x amount of plausible text, to pick the best orientation.

    Runs much taller than wide mean the page is still on its side (some
    engines turn such crops and read them anyway): they do not count.
    """
    chars = 0
    for word in words:
        upright = not (len(word.text) >= 3 and word.height > 1.5 * word.width)
        if upright and word.confidence >= 0.5 and any(char.isalnum() for char in word.text):
            chars += len(word.text)
    return page_confidence(words) * chars


def _sideways(words: Sequence[OcrWord]) -> bool:
    long_words = [word for word in words if len(word.text) >= 3]
    tall = sum(word.height > 1.5 * word.width for word in long_words)
    return bool(long_words) and tall > len(long_words) / 2


# --------------------------------------------------------------------------
# Pages


def ocr_image(image: Image.Image, engine: OcrEngine | None = None) -> OcrPage:
    """Read one page image: clean it up, turn it upright, OCR it, rebuild the text.

    The orientation is guessed first from the page's ink (do the lines run
    across or down?), and confirmed by the engine: when it reads the first
    guess with low confidence, or finds the text running down the page,
    the other turns are tried and the best read kept.
    """
    imaging = _imaging()
    engine = engine or get_engine()
    prepared = imaging.prepare_image(image)
    page = prepared.image
    if prepared.blank:
        logger.debug("blank page, no OCR")
        return OcrPage(text="", words=[], confidence=0.0, width=page.width, height=page.height, engine=engine.name)
    mask = imaging.ink_mask(page)
    axes = [(0, 180), (90, 270)]
    if not imaging.text_runs_across(mask):
        axes.reverse()
    best: tuple[float, int, float, Any, list[OcrWord]] | None = None
    done = False
    for first, second in axes:
        turned = imaging.rotate_upright(page, first)
        skew = imaging.estimate_skew(imaging.rotate_upright(mask, first))
        straight = imaging.deskew(turned, skew)
        for rotation in (first, second):
            candidate = straight if rotation == first else imaging.rotate_upright(straight, 180)
            words = engine.recognize(candidate)
            quality = _quality(words)
            logger.debug("rotation %d, skew %.2f: %d words, quality %.1f", rotation, skew, len(words), quality)
            if best is None or quality > best[0]:
                best = (quality, rotation, skew, candidate, words)
            if _sideways(words):
                break  # the other turn of this axis is sideways too
            if page_confidence(words) >= GOOD_CONFIDENCE and quality >= 20:
                done = True
                break
        if done:
            break
    assert best is not None
    _, rotation, skew, upright, words = best
    lines = group_lines(words)
    return OcrPage(
        text=_render(lines),
        words=[word for line in lines for word in line],  # in reading order
        confidence=round(page_confidence(words), 4),
        rotation=rotation,
        skew=skew,
        width=upright.width,
        height=upright.height,
        engine=engine.name,
    )


def load_images(data: bytes) -> list[Image.Image]:
    """Every page of a PNG, JPEG or TIFF file, upright per EXIF (``imaging.load_images``)."""
    images: list[Image.Image] = _imaging().load_images(data)
    return images


def render_pdf_pages(data: bytes, pages: Sequence[int], dpi: int = 200) -> list[Image.Image]:
    """Render 0-based PDF pages for OCR (``imaging.render_pdf_pages``)."""
    if importlib.util.find_spec("pypdfium2") is None:
        raise DocumentLoadError("rendering scanned PDF pages needs pypdfium2", hint=INSTALL_HINT)
    images: list[Image.Image] = _imaging().render_pdf_pages(data, pages, dpi)
    return images


def ocr_images(data: bytes, engine: OcrEngine | None = None) -> list[OcrPage]:
    """OCR every page of an image file."""
    engine = engine or get_engine()
    return [ocr_image(image, engine) for image in load_images(data)]


def ocr_pdf_pages(data: bytes, pages: Sequence[int], engine: OcrEngine | None = None, dpi: int = 200) -> list[OcrPage]:
    """OCR the given 0-based pages of a PDF, in that order, one page in memory at a time."""
    engine = engine or get_engine()
    results = []
    for index in pages:
        (image,) = render_pdf_pages(data, [index], dpi)
        results.append(ocr_image(image, engine))
    return results


def has_usable_text(text: str) -> bool:
    """Whether a PDF page's text layer is worth more than OCR of the page.

    Scans often carry a stray text layer (a page number, a scanner's stamp,
    glyphs with no Unicode map that come out as ``(cid:12)`` or U+FFFD);
    fewer than ``MIN_TEXT_CHARS`` letters and digits counts as no text.
    """
    cleaned = re.sub(r"\(cid:\d+\)", "", text).replace("\ufffd", "")
    return sum(char.isalnum() for char in cleaned) >= MIN_TEXT_CHARS


def pages_needing_ocr(page_texts: Sequence[str]) -> list[int]:
    """0-based indexes of the pages whose text layer is not usable."""
    return [index for index, text in enumerate(page_texts) if not has_usable_text(text)]
