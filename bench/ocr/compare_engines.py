"""Compare OCR engines and settings on the dev set's scans and photos.

Usage::

    .venv/bin/python bench/ocr/compare_engines.py [--devset DIR] [--only NAME ...]
        [--json OUT] [--dump-text DIR]
    .venv/bin/python bench/ocr/compare_engines.py --table A.json B.json ...

For every document of style ``scanned`` (image-only PDF) or ``image``
(photo) in ``<devset>/expected/*.json``, each setting renders or loads the
pages, runs ``checklist.ingest.ocr.ocr_image`` and measures:

- accuracy proxy: the share of the document's ground-truth field values
  found in the OCR text (until the extractors exist). Text and values are
  compared after dropping case, accents, punctuation and spacing; a date
  counts in any usual spelling (2024-03-01, 2024/03/01, 1 March 2024,
  March 1, 2024, 1 mars 2024), an amount with or without thousands
  separators or a decimal comma, a person's name when all its words are
  there, a long value (a duty) when it matches at >= 90 % (rapidfuzz
  partial ratio). Values the document does not state word for word are
  left out: booleans, categories (permit type, language, salary period),
  benefits, weekly hours (often derived) and the province (a two-letter
  code matches any "on").
- seconds per page, wall clock and CPU (this process's threads plus the
  tesseract child processes), model loading excluded and reported apart.

Settings whose engine is not installed are listed as such. ``--json``
writes the results so runs from different environments (say the two
rapidocr packages, which cannot share a venv cleanly) can be merged with
``--table``. The documents are read as they are: nothing here knows them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklist.errors import ChecklistError
from checklist.ingest import ocr

DEFAULT_DEVSET = ROOT.parent / "shared" / "devset"
STYLES = {"scanned", "image"}
SKIPPED_FIELDS = {
    "permit_type",
    "language",
    "salary_period",
    "currently_employed",
    "benefits",
    "hours_per_week",
    "province",
}
PERSON_FIELDS = {"holder_name", "employee_name", "signatory_name"}
MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS_FR = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
]


@dataclass(frozen=True)
class Setting:
    name: str
    engine: str
    dpi: int
    options: dict[str, Any] = field(default_factory=dict)

    def build(self) -> ocr.OcrEngine:
        if self.engine == "rapidocr":
            return ocr.RapidOcrEngine(**self.options)
        return ocr.TesseractEngine(**self.options)

    def available(self) -> bool:
        if self.engine == "rapidocr":
            backend = self.options.get("backend", "auto")
            try:
                ocr._rapid_backend(backend)
            except ChecklistError:
                return False
            return True
        return ocr.TesseractEngine.available()


SETTINGS = [
    Setting("rapidocr det1280 200dpi", "rapidocr", 200, {"det_side": 1280, "backend": "rapidocr"}),
    Setting(
        "rapidocr det1280 200dpi 1 thread", "rapidocr", 200, {"det_side": 1280, "backend": "rapidocr", "threads": 1}
    ),
    Setting("rapidocr det960 200dpi", "rapidocr", 200, {"det_side": 960, "backend": "rapidocr"}),
    Setting("rapidocr det1280 150dpi", "rapidocr", 150, {"det_side": 1280, "backend": "rapidocr"}),
    Setting(
        "rapidocr-onnxruntime det1280 200dpi", "rapidocr", 200, {"det_side": 1280, "backend": "rapidocr_onnxruntime"}
    ),
    Setting("tesseract psm3 200dpi", "tesseract", 200, {"psm": 3}),
    Setting("tesseract psm11 200dpi", "tesseract", 200, {"psm": 11}),
    Setting("tesseract psm3 300dpi", "tesseract", 300, {"psm": 3}),
]


@dataclass
class Document:
    case: str
    path: str
    file: Path
    style: str
    values: list[tuple[str, Any]]

    @property
    def label(self) -> str:
        return self.case.split("_")[0] + ":" + Path(self.path).stem[:18]


def documents(devset: Path) -> list[Document]:
    found = []
    for expected in sorted((devset / "expected").glob("*.json")):
        truth = json.loads(expected.read_text(encoding="utf-8"))
        for rel, doc in sorted(truth["documents"].items()):
            if doc.get("style") not in STYLES:
                continue
            values = [
                (name, value)
                for name, value in (doc.get("fields") or {}).items()
                if name not in SKIPPED_FIELDS and value is not None and not isinstance(value, bool)
            ]
            found.append(Document(truth["case"], rel, devset / "cases" / truth["case"] / rel, doc["style"], values))
    return found


# --------------------------------------------------------------------------
# Accuracy proxy


def normalise(text: str, strict: bool = False) -> str:
    """Lower case, punctuation and spacing dropped; accents too unless ``strict``."""
    if strict:
        return " ".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower()))
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(re.findall(r"[a-z0-9]+", folded.lower()))


def spellings(name: str, value: Any) -> list[str]:
    if isinstance(value, (int, float)):
        return number_spellings(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date_spellings(date.fromisoformat(text))
    return [text]


def number_spellings(value: float) -> list[str]:
    if float(value).is_integer():
        whole = int(value)
        return [str(whole), f"{whole:,}", f"{whole:,}".replace(",", " "), f"{whole:,}.00"]
    plain = f"{value:.2f}"
    grouped = f"{value:,.2f}"
    return [plain, grouped, plain.replace(".", ","), grouped.replace(",", " ").replace(".", ",")]


def date_spellings(day: date) -> list[str]:
    en, fr = MONTHS_EN[day.month - 1], MONTHS_FR[day.month - 1]
    return [
        day.isoformat(),
        day.strftime("%Y/%m/%d"),
        day.strftime("%d/%m/%Y"),
        day.strftime("%m/%d/%Y"),
        f"{day.day} {en} {day.year}",
        f"{en} {day.day} {day.year}",
        f"{day.day} {fr} {day.year}",
        f"{en[:3]} {day.day} {day.year}",
        f"{day.day} {en[:3]} {day.year}",
    ]


def found(name: str, value: Any, text: str, tokens: set[str], strict: bool) -> bool:
    from rapidfuzz import fuzz

    if name in PERSON_FIELDS:
        return all(word in tokens for word in normalise(str(value), strict).split())
    padded = f" {text} "
    for spelling in spellings(name, value):
        wanted = normalise(spelling, strict)
        if not wanted:
            continue
        if f" {wanted} " in padded:
            return True
        if not strict and len(wanted) > 25 and fuzz.partial_ratio(wanted, text) >= 90:
            return True
    return False


def field_values(doc: Document) -> Iterator[tuple[str, Any]]:
    for name, value in doc.values:
        if isinstance(value, list):
            for item in value:
                yield name, item
        else:
            yield name, value


def score(doc: Document, text: str, strict: bool = False) -> tuple[int, int, list[str]]:
    """Values found, values looked for, and the ones missed.

    ``strict`` keeps accents and wants long values (duties) word for word.
    """
    normal = normalise(text, strict)
    tokens = set(normal.split())
    hits, total, misses = 0, 0, []
    for name, value in field_values(doc):
        total += 1
        if found(name, value, normal, tokens, strict):
            hits += 1
        else:
            misses.append(f"{name}={value!r}")
    return hits, total, misses


# --------------------------------------------------------------------------
# Running


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pages_of(doc: Document, dpi: int) -> list[Any]:
    data = doc.file.read_bytes()
    if data[:5] == b"%PDF-":
        import pypdfium2 as pdfium

        count = len(pdfium.PdfDocument(data))
        return ocr.render_pdf_pages(data, list(range(count)), dpi)
    return ocr.load_images(data)


# Harder copies of each page, made in memory: the engine must cope with a
# page fed sideways, an upside-down faint copy, and a poor fax-like scan.
def turned_90(image: Any) -> Any:
    from PIL import Image

    return image.transpose(Image.Transpose.ROTATE_270)  # turned 90 degrees clockwise


def faint_upside_down(image: Any) -> Any:
    from PIL import Image

    gray = image.convert("L").transpose(Image.Transpose.ROTATE_180)
    return gray.point(lambda v: 120 + v * 70 // 255)  # ink at 120, paper at 190


def fax_quality(image: Any) -> Any:
    import io

    from PIL import Image

    gray = image.convert("L")
    half = gray.resize((gray.width // 2, gray.height // 2), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    half.save(buffer, format="JPEG", quality=25)
    blurry = Image.open(io.BytesIO(buffer.getvalue()))
    return blurry.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


VARIANTS: dict[str, Callable[[Any], Any]] = {
    "as is": lambda image: image,
    "turned 90": turned_90,
    "180 + faint": faint_upside_down,
    "fax (100 dpi, jpeg, 1.5 deg)": fax_quality,
}


def run_setting(setting: Setting, docs: list[Document], variants: list[str], dump: Path | None) -> dict[str, Any]:
    started = time.perf_counter()
    engine = setting.build()
    blank = ocr.load_images(_blank_png())[0]
    engine.recognize(blank.convert("L"))  # loads the models
    load_seconds = time.perf_counter() - started
    rows = []
    for doc in docs:
        originals = pages_of(doc, setting.dpi)
        for variant in variants:
            images = [VARIANTS[variant](image) for image in originals]
            wall0, cpu0 = time.perf_counter(), cpu_seconds()
            pages = [ocr.ocr_image(image, engine) for image in images]
            wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
            text = "\n\f\n".join(page.text for page in pages)
            hits, total, misses = score(doc, text)
            strict_hits, _, strict_misses = score(doc, text, strict=True)
            if dump is not None:
                name = f"{doc.label} {variant}"
                out = (
                    dump / re.sub(r"[^A-Za-z0-9]+", "_", setting.name) / (re.sub(r"[^A-Za-z0-9]+", "_", name) + ".txt")
                )
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
            rows.append(
                {
                    "doc": doc.label,
                    "variant": variant,
                    "pages": len(pages),
                    "hits": hits,
                    "strict_hits": strict_hits,
                    "total": total,
                    "misses": misses,
                    "strict_misses": strict_misses,
                    "wall": wall,
                    "cpu": cpu,
                    "rotation": [page.rotation for page in pages],
                    "skew": [page.skew for page in pages],
                    "confidence": [page.confidence for page in pages],
                }
            )
            print(
                f"  {setting.name:26} {doc.label:28} {variant:12.12} {hits}/{total} strict {strict_hits}/{total}"
                f"  rot {[page.rotation for page in pages]}  {wall:5.2f}s",
                file=sys.stderr,
                flush=True,
            )
    return {"setting": setting.name, "engine_detail": describe(engine), "load_seconds": load_seconds, "rows": rows}


def describe(engine: ocr.OcrEngine) -> str:
    if isinstance(engine, ocr.RapidOcrEngine):
        from importlib.metadata import version

        package = "rapidocr" if engine.backend == "rapidocr" else "rapidocr-onnxruntime"
        return f"{package} {version(package)}"
    if isinstance(engine, ocr.TesseractEngine):
        import subprocess

        first = subprocess.run([engine.binary, "--version"], capture_output=True, text=True, check=False).stdout.split(
            "\n"
        )[0]
        return f"{first} ({engine.languages})"
    return engine.name


def _blank_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (64, 64), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def timing(settings: list[Setting], docs: list[Document], passes: int) -> str:
    """Seconds per page, settings interleaved page by page.

    On a shared machine, other work comes and goes; taking turns on each
    page and keeping the median of several passes spreads it fairly over
    the settings, where one setting after another would not.
    """
    engines = {setting.name: setting.build() for setting in settings}
    blank = ocr.load_images(_blank_png())[0].convert("L")
    for engine in engines.values():
        engine.recognize(blank)
    pages = {setting.dpi: [image for doc in docs for image in pages_of(doc, setting.dpi)] for setting in settings}
    walls: dict[str, list[float]] = {setting.name: [] for setting in settings}
    cpus: dict[str, list[float]] = {setting.name: [] for setting in settings}
    for _ in range(passes):
        for index in range(len(pages[settings[0].dpi])):
            for setting in settings:
                image = pages[setting.dpi][index]
                wall0, cpu0 = time.perf_counter(), cpu_seconds()
                ocr.ocr_image(image, engines[setting.name])
                walls[setting.name].append(time.perf_counter() - wall0)
                cpus[setting.name].append(cpu_seconds() - cpu0)
    count = len(pages[settings[0].dpi])
    title = f"Seconds per page, {passes} interleaved passes over {count} pages"
    lines = [
        f"{title} (load average at the end: {os.getloadavg()[0]:.2f})",
        "",
        "| setting | median s/page | mean s/page | slowest page | cpu s/page (mean) |",
        "|---|---|---|---|---|",
    ]
    for setting in settings:
        wall, cpu = walls[setting.name], cpus[setting.name]
        lines.append(
            f"| {setting.name} | {statistics.median(wall):.2f} | {statistics.fmean(wall):.2f} | {max(wall):.2f} "
            f"| {statistics.fmean(cpu):.2f} |"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Tables


def _share(rows: list[dict[str, Any]], key: str = "hits") -> str:
    total = sum(row["total"] for row in rows)
    return f"{sum(row[key] for row in rows) / total:.1%}" if total else "-"


def _per_page(rows: list[dict[str, Any]], key: str) -> float:
    pages = sum(row["pages"] for row in rows) or 1
    return float(sum(row[key] for row in rows)) / pages


def table(results: list[dict[str, Any]]) -> str:
    """Per-document proxy on the scans as they are, then the harder copies."""
    labels: list[str] = []
    variants: list[str] = []
    for result in results:
        for row in result["rows"]:
            if row["doc"] not in labels:
                labels.append(row["doc"])
            if row["variant"] not in variants:
                variants.append(row["variant"])
    short = {label: f"D{i + 1}" for i, label in enumerate(labels)}
    head = ["setting", "engine"] + [short[label] for label in labels]
    head += ["overall", "strict", "s/page", "cpu s/page", "max s/page", "load s"]
    lines = ["Scans as they are: values found / values (accents folded); strict = accents kept, duties verbatim", ""]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for result in results:
        if "unavailable" in result:
            lines.append(f"| {result['setting']} | not installed |" + " |" * (len(head) - 2))
            continue
        rows = [row for row in result["rows"] if row["variant"] == "as is"]
        by_doc = {row["doc"]: row for row in rows}
        cells = [result["setting"], result["engine_detail"]]
        for label in labels:
            row = by_doc.get(label)
            cells.append("-" if row is None else f"{row['hits']}/{row['total']}" if row["total"] else "n/a")
        per_page = [row["wall"] / max(1, row["pages"]) for row in rows]
        cells += [
            _share(rows),
            _share(rows, "strict_hits"),
            f"{_per_page(rows, 'wall'):.2f}",
            f"{_per_page(rows, 'cpu'):.2f}",
            f"{max(per_page):.2f}" if per_page else "-",
            f"{result['load_seconds']:.2f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines += [f"{short[label]} = {label}" for label in labels]
    if len(variants) > 1:
        lines += ["", "Harder copies of the same pages: values found (accents folded), and s/page", ""]
        head = ["setting"] + variants + ["all", "s/page (all)"]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for result in results:
            if "unavailable" in result:
                continue
            cells = [result["setting"]]
            for variant in variants:
                rows = [row for row in result["rows"] if row["variant"] == variant]
                cells.append(f"{_share(rows)} ({_per_page(rows, 'wall'):.1f} s)")
            cells += [_share(result["rows"]), f"{_per_page(result['rows'], 'wall'):.2f}"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--only", nargs="*", help="settings whose name contains one of these")
    parser.add_argument("--variants", nargs="*", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--dump-text", type=Path, help="write each document's OCR text under this folder")
    parser.add_argument("--misses", action="store_true", help="list the values not found")
    parser.add_argument("--table", nargs="+", type=Path, help="print the table of earlier --json runs")
    parser.add_argument("--timing", type=int, metavar="PASSES", help="only time the settings, interleaved")
    args = parser.parse_args(argv)

    if args.table:
        merged: list[dict[str, Any]] = []
        for path in args.table:
            merged += json.loads(path.read_text(encoding="utf-8"))
        measured = {result["setting"] for result in merged if "unavailable" not in result}
        merged = [result for result in merged if "unavailable" not in result or result["setting"] not in measured]
        order = {setting.name: index for index, setting in enumerate(SETTINGS)}
        merged.sort(key=lambda result: order.get(result["setting"], len(order)))
        print(table(merged))
        return 0

    docs = documents(args.devset)
    if not docs:
        print(f"no scanned or photographed documents under {args.devset}", file=sys.stderr)
        return 2
    chosen = [s for s in SETTINGS if not args.only or any(part in s.name for part in args.only)]
    if args.timing:
        print(timing([setting for setting in chosen if setting.available()], docs, args.timing))
        return 0
    results: list[dict[str, Any]] = []
    for setting in chosen:
        if not setting.available():
            results.append({"setting": setting.name, "unavailable": True, "rows": []})
            continue
        results.append(run_setting(setting, docs, args.variants, args.dump_text))
        if args.json:  # after each setting, so a long run can be read while it goes on
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    if args.misses:
        for result in results:
            for row in result["rows"]:
                if row["misses"] or row["strict_misses"]:
                    print(
                        f"{result['setting']} | {row['doc']} | {row['variant']}: "
                        + "; ".join(row["misses"])
                        + " || strict: "
                        + "; ".join(row["strict_misses"])
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
