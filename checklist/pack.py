"""The upload pack: one PDF per claimed position and one for status documents,
each under the IRCC portal's size limit, built from what `check` already knows,
and a `read-me-first.pdf` that is for the applicant, never for upload.

Upload files hold the applicant's documents and nothing the tool wrote: no
cover page, no findings, no contents list. Their order: the reference
letter(s), the employment contract, pay stubs by date, then T4s and notices of
assessment by year. A position without any document gets no upload file.
Identical files (same SHA-256) go in once. Original PDFs keep their pages and
text; only images are downsampled and recompressed, and only as much as the
limit needs; a file that still does not fit is split into parts.

`read-me-first.pdf` says which file goes in which portal slot, what each holds
(page by page), the blockers and warnings `check` found per position, and what
was left out and why (documents of no position, files that could not be read
or converted, duplicates).

Pages the pack makes are Letter (8.5 x 11 in): photos and scans are turned
straight, cropped to the sheet of paper and fitted on a Letter page; Word
letters are converted with their own layout by LibreOffice (`soffice
--headless --convert-to pdf`) when it is installed, else typeset from their
text. Every file the pack writes carries "cec-checklist" as its PDF producer,
so that a copy put back in a case folder is recognised and set aside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import NameObject

from checklist import __version__, portal
from checklist.display import human_size, public
from checklist.errors import ChecklistError
from checklist.kinds import report_fields, spec
from checklist.models.report import DocumentReport, Report
from checklist.output import SOFFICE_TEMP_PREFIX, output_error, write_output

log = logging.getLogger(__name__)
DEFAULT_LIMIT = portal.MAX_BYTES
READ_ME_FIRST = "read-me-first.pdf"
PRODUCER = f"cec-checklist {__version__}"
LETTER = (612.0, 792.0)  # 8.5 x 11 in, in points
# (JPEG quality, scale) steps tried in order on every image until the file fits.
COMPRESSION_STEPS = [(None, 1.0), (75, 1.0), (60, 0.75), (50, 0.6), (40, 0.45), (30, 0.35)]
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
WORD_SUFFIXES = {".docx"}
SOFFICE_SECONDS = 120
SLOT_STATUS = "proof of status in Canada (where the application asks for it)"


@dataclass
class Source:
    """One document going into a pack file."""

    path: str
    title: str
    data: bytes  # as a PDF


@dataclass
class PackedFile:
    name: str
    title: str
    size: int
    pages: int
    sources: list[str]
    source_pages: list[int] = field(default_factory=list)  # pages each source takes (after conversion)
    slot: str = ""  # the portal slot the file goes in


@dataclass
class PackResult:
    files: list[PackedFile] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    leftovers: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path left out, identical file kept)
    empty: list[str] = field(default_factory=list)  # positions without any document: no upload file
    read_me: str = READ_ME_FIRST


def pack_case(case_dir: Path, out_dir: Path, report: Report, limit: int = DEFAULT_LIMIT) -> PackResult:
    """Write the upload files and read-me-first.pdf for a checked case into `out_dir`."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, out_dir) from None
    _clear_previous_pack(out_dir)
    # a document a person set aside (review.yaml) is not evidence for the case: it goes in no upload file
    report = report.model_copy(
        update={"documents": [d for d in report.documents if not (d.review or {}).get("set_aside")]}
    )
    documents = {doc.path: doc for doc in report.documents}
    result = PackResult()
    converted: dict[str, bytes] = {}
    kept_by_hash: dict[str, str] = {}
    same_as: dict[str, str] = {}
    for doc in report.documents:
        if doc.kind == "unreadable":
            result.excluded.append((doc.path, doc.error or "it cannot be read"))
            continue
        try:
            digest = hashlib.sha256((case_dir / doc.path).read_bytes()).hexdigest()
        except OSError as exc:
            result.excluded.append((doc.path, f"it cannot be opened ({exc.strerror or exc})"))
            continue
        if digest in kept_by_hash:
            same_as[doc.path] = kept_by_hash[digest]
            result.duplicates.append((doc.path, kept_by_hash[digest]))
            continue
        kept_by_hash[digest] = doc.path
        try:
            converted[doc.path] = to_pdf(case_dir / doc.path)
        except Exception as exc:  # noqa: BLE001 - any file that cannot be converted is listed, not lost
            result.excluded.append((doc.path, f"it could not be converted to PDF ({exc})"))
    used: set[str] = set()
    jobs = report.claims.jobs if report.claims else []
    positions: list[dict[str, Any]] = []
    for index, job in enumerate(jobs):
        paths = position_documents(report, index)
        used |= set(paths)
        sources = [Source(p, _title(documents[p]), converted[p]) for p in _once(paths, same_as) if p in converted]
        findings = [f for f in report.findings if f.job == index and f.severity.value in ("blocker", "warning")]
        label = f"{job['employer']} ({job['title']}, {_dates(job)})"
        slot = f"Proof of work experience: the position at {job['employer']}, {_dates(job)}"
        files = write_pack(out_dir, _file_name(job), label, sources, limit, slot) if sources else []
        if not sources:
            result.empty.append(label)
        result.files += files
        positions.append({"label": label, "files": files, "findings": findings})
    permits = sorted(
        (d for d in report.documents if spec(d.kind).pack == "status" and d.path in converted),
        key=lambda d: (str(_detail(d)), d.path),
    )
    if permits:
        used |= {d.path for d in permits}
        sources = [Source(d.path, _title(d), converted[d.path]) for d in permits]
        files = write_pack(
            out_dir, "status-documents", "Status documents (permits and IRCC letters)", sources, limit, SLOT_STATUS
        )
        result.files += files
        positions.append(
            {"label": "Status documents (permits and IRCC letters in date order)", "files": files, "findings": []}
        )
    used |= {path for path in same_as if same_as[path] in used}
    result.leftovers = [
        d.path for d in report.documents if d.path not in used and d.kind != "unreadable" and d.path not in same_as
    ]
    _save_bytes(out_dir / READ_ME_FIRST, read_me_first(report, result, positions, documents))
    return result


def _once(paths: list[str], same_as: dict[str, str]) -> list[str]:
    """Paths with duplicates replaced by the identical file kept, each once, in order."""
    out: list[str] = []
    for path in paths:
        kept = same_as.get(path, path)
        if kept not in out:
            out.append(kept)
    return out


def _clear_previous_pack(out_dir: Path) -> None:
    """Remove the files an earlier pack wrote here (and only those), so no stale part is left to upload."""
    from checklist.ingest.own import own_file

    for path in out_dir.iterdir():
        if path.is_file() and (path.name == "leftovers.txt" or (path.suffix.lower() == ".pdf" and own_file(path))):
            path.unlink()


def read_me_first(
    report: Report, result: PackResult, positions: list[dict[str, Any]], documents: dict[str, Any]
) -> bytes:
    """The applicant's guide to the pack: which file goes where, what is in it, what was found and left out."""
    from checklist.report.environment import render_template
    from checklist.report.pdf import html_to_pdf

    def contents(packed: PackedFile) -> list[dict[str, Any]]:
        rows, first = [], 1
        for path, count in zip(packed.sources, packed.source_pages):
            rows.append(
                {
                    "title": _title(documents[path]),
                    "pages": f"{first}" if count == 1 else f"{first}-{first + count - 1}",
                }
            )
            first += count
        return rows

    page = render_template(
        "pack_readme.html.j2",
        {
            "applicant": report.applicant,
            "case_name": report.case_name,
            "tool_version": __version__,
            "ready": report.ready,
            "positions": [
                {
                    "label": p["label"],
                    "findings": [
                        {"severity": f.severity.value, "code": f.code, "title": f.title, "message": f.message}
                        for f in p["findings"]
                    ],
                    "files": [
                        {
                            "name": f.name,
                            "slot": f.slot,
                            "pages": f.pages,
                            "size": human_size(f.size),
                            "contents": contents(f),
                        }
                        for f in p["files"]
                    ],
                }
                for p in positions
            ],
            "empty": result.empty,
            "leftovers": [{"path": p, "kind": documents[p].kind} for p in result.leftovers],
            "excluded": [{"path": p, "reason": r} for p, r in result.excluded],
            "duplicates": [{"path": p, "kept": k} for p, k in result.duplicates],
        },
    )
    return html_to_pdf(public(page))


def position_documents(report: Report, index: int) -> list[str]:
    """A position's documents in upload order, by their kinds' pack rank (letters, contracts, stubs
    by date, T4s and NOAs by year): its own, those a promotion's positions share (one letter and
    one T4 serve both), and the documents of the kinds no employer names (NOAs) of its years."""
    colleagues = _same_employer(report, index)
    years = _years(report, index)

    def belongs(doc: DocumentReport) -> bool:
        kind = spec(doc.kind)
        if kind.pack != "position":
            return False
        if doc.job == index or (kind.shared_by_employer and doc.job in colleagues):
            return True
        return not kind.matched_by_employer and _detail(doc) in years

    mine = [d for d in report.documents if d.job == index]
    found = mine + [d for d in report.documents if d not in mine]  # its own first, as found

    def order(item: tuple[int, DocumentReport]) -> tuple[int, str, int, int]:
        position, doc = item
        kind = spec(doc.kind)
        return (kind.pack_rank, str(_detail(doc) or doc.path) if kind.pack_by_date else "", kind.order, position)

    return [doc.path for _, doc in sorted(((i, d) for i, d in enumerate(found) if belongs(d)), key=order)]


def _same_employer(report: Report, index: int) -> set[int]:
    from checklist.rules.matching import SAME_NAME, employer_similarity

    jobs = report.claims.jobs if report.claims else []
    return {
        i for i, job in enumerate(jobs) if employer_similarity(job["employer"], jobs[index]["employer"]) >= SAME_NAME
    }


def _years(report: Report, index: int) -> set[int]:
    job = report.claims.jobs[index] if report.claims else {}
    start = dt.date.fromisoformat(str(job.get("start")))
    end = dt.date.fromisoformat(str(job["end"])) if job.get("end") else report.as_of
    return set(range(start.year, end.year + 1))


def to_pdf(path: Path) -> bytes:
    """A document as PDF bytes: PDFs as they are, photos straightened on Letter pages, Word and text files typeset."""
    from checklist.ingest.sniff import DOCX, zip_kind

    data = path.read_bytes()
    if b"%PDF-" in data[:1024]:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
            writer = pypdf.PdfWriter(clone_from=reader)
            buffer = io.BytesIO()
            writer.write(buffer)
            return buffer.getvalue()
        return data
    if (
        path.suffix.lower() in IMAGE_SUFFIXES
        or data[:4] in (b"\x89PNG", b"II*\x00", b"MM\x00*")
        or data[:3] == b"\xff\xd8\xff"
    ):
        return image_to_pdf(data)
    if _is_heif(data):
        return image_to_pdf(data)  # the portal refuses HEIC: the photo goes in as a PDF page
    if path.suffix.lower() in WORD_SUFFIXES or (data[:4] == b"PK\x03\x04" and zip_kind(data) == DOCX):
        converted = word_to_pdf(path)
        if converted is not None:
            return converted
    return text_to_pdf(path.name, _document_text(path))


def word_to_pdf(path: Path) -> bytes | None:
    """A Word file through LibreOffice, keeping its layout (letterhead, tables, signature); None without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix=SOFFICE_TEMP_PREFIX) as tmp:
        source = Path(tmp) / ("document" + path.suffix.lower())
        shutil.copyfile(path, source)  # a plain name: the user's file name never reaches the command line
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=SOFFICE_SECONDS, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("LibreOffice could not convert %s (%s); typesetting its text instead", path.name, exc)
            return None
        target = source.with_suffix(".pdf")
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF-"):
            log.info("LibreOffice made no PDF of %s; typesetting its text instead", path.name)
            return None
        return target.read_bytes()


def _is_heif(data: bytes) -> bool:
    from checklist.ingest import imaging

    return imaging.looks_like_heif(data) and imaging.enable_heif()


def image_to_pdf(data: bytes) -> bytes:
    """Each frame of a photo or scan straightened, cropped to the sheet of paper and fitted on a Letter page."""
    import img2pdf
    from PIL import Image, ImageOps

    image = Image.open(io.BytesIO(data))
    frames = []
    for number in range(getattr(image, "n_frames", 1)):
        image.seek(number)
        frame = straighten_page(ImageOps.exif_transpose(image.copy()).convert("RGB"))
        buffer = io.BytesIO()
        frame.save(buffer, "JPEG", quality=90)
        frames.append(buffer.getvalue())
    margin = img2pdf.mm_to_pt(6)
    layout = img2pdf.get_layout_fun(LETTER, border=(margin, margin), fit=img2pdf.FitMode.into, auto_orient=True)
    return img2pdf.convert(frames, layout_fun=layout)


def straighten_page(image: Any) -> Any:
    """A photo of a page: turned so its text lines are level, then cropped to the paper (the bright sheet
    against a darker table or scanner lid). A clean scan comes back as it was."""
    from PIL import Image

    from checklist.ingest import imaging

    gray = imaging.to_grayscale(image)
    skew = imaging.estimate_skew(imaging.ink_mask(gray))
    if abs(skew) >= 0.2:
        image = image.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255))
        gray = imaging.to_grayscale(image)
    box = paper_box(gray)
    return image.crop(box) if box is not None else image


def paper_box(gray: Any) -> tuple[int, int, int, int] | None:
    """The bounding box of the sheet of paper in a photo, or None when the paper fills the picture."""
    from PIL import ImageFilter

    from checklist.ingest import imaging

    probe = gray.reduce(max(1, max(gray.size) // 400))
    level = imaging.otsu_threshold(probe)
    paper = (
        probe.point(lambda v: 255 if v > level else 0).filter(ImageFilter.MinFilter(5)).filter(ImageFilter.MaxFilter(5))
    )
    box = paper.getbbox()
    if box is None:
        return None
    fx, fy = gray.width / probe.width, gray.height / probe.height
    left, top, right, bottom = (int(box[0] * fx), int(box[1] * fy), int(box[2] * fx), int(box[3] * fy))
    area = (right - left) * (bottom - top)
    if area > 0.92 * gray.width * gray.height or area < 0.2 * gray.width * gray.height:
        return None  # a scan (all paper), or too small a bright patch to be the page
    pad = int(0.01 * max(gray.size))
    return (max(0, left - pad), max(0, top - pad), min(gray.width, right + pad), min(gray.height, bottom + pad))


def _document_text(path: Path) -> str:
    from checklist.ingest import read_document

    raw = read_document(path, path.parent)
    if not raw.readable:
        raise ChecklistError(raw.error or "it cannot be read")
    return raw.text


def text_to_pdf(title: str, text: str) -> bytes:
    from checklist.report.pdf import html_to_pdf

    body = "".join(f"<p>{html.escape(line)}</p>" if line.strip() else "<br>" for line in public(text).splitlines())
    return html_to_pdf(
        f"<html><head><meta charset='utf-8'><style>@page {{ size: Letter; margin: 20mm; }} "
        f"body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; }} p {{ margin: 0 0 3pt; white-space: pre-wrap; }}"
        f"</style></head><body>{body}</body></html>"
    )


def write_pack(
    out_dir: Path, stem: str, title: str, sources: list[Source], limit: int, slot: str = ""
) -> list[PackedFile]:
    """One PDF of the sources alone (or parts when it cannot fit), with a bookmark per source file.

    Each source is compressed on its own, step by step (cached), so the file is
    merged only once per try; the weakest step whose predicted size fits is used.
    """
    cache: dict[tuple[int, int | None, float], bytes] = {}

    def compressed(index: int, step: tuple[int | None, float]) -> bytes:
        key = (index, *step)
        if key not in cache:
            quality, scale = step
            data = sources[index].data
            cache[key] = data if quality is None else _recompress(data, quality, scale)
        return cache[key]

    budget = limit - 2_000 * (len(sources) + 1)  # merging adds an outline entry and a few objects per source
    original = sum(len(s.data) for s in sources)
    largest = max(range(len(sources)), key=lambda i: len(sources[i].data)) if sources else 0
    for step in COMPRESSION_STEPS:
        if sources and step[0] is not None and original > budget:
            # Predict from the largest source before compressing them all.
            ratio = len(compressed(largest, step)) / max(len(sources[largest].data), 1)
            if original * ratio > budget * 1.15 and step != COMPRESSION_STEPS[-1]:
                continue
        sizes = [len(compressed(i, step)) for i in range(len(sources))]
        if sum(sizes) <= budget:
            parts = [[Source(s.path, s.title, compressed(i, step)) for i, s in enumerate(sources)]]
            data, pages = _merge(parts[0])
            if len(data) <= limit:
                return [_save(out_dir / f"{stem}.pdf", title, data, pages, parts[0], slot)]
    strongest = COMPRESSION_STEPS[-1]
    return _split(
        out_dir,
        stem,
        title,
        [Source(s.path, s.title, compressed(i, strongest)) for i, s in enumerate(sources)],
        limit,
        slot,
    )


def _split(out_dir: Path, stem: str, title: str, sources: list[Source], limit: int, slot: str) -> list[PackedFile]:
    """Greedy parts of whole documents by size; a single document too big stays alone (and is reported)."""
    budget = limit - 4_000
    parts: list[list[Source]] = [[]]
    used = 0
    for source in sources:
        size = len(source.data) + 2_000
        if parts[-1] and used + size > budget:
            parts.append([])
            used = 0
        parts[-1].append(source)
        used += size
    out = []
    for number, part in enumerate(parts, 1):
        part_title = f"{title}, part {number} of {len(parts)}"
        data, pages = _merge(part)
        out.append(_save(out_dir / f"{stem}-part{number}.pdf", part_title, data, pages, part, slot))
        if len(data) > limit:
            log.warning("%s is still over the limit after the strongest compression", part_title)
    return out


def _merge(sources: list[Source]) -> tuple[bytes, int]:
    writer = pypdf.PdfWriter()
    for source in sources:
        start = len(writer.pages)
        writer.append(pypdf.PdfReader(io.BytesIO(source.data)), import_outline=False)
        writer.add_outline_item(title=source.title, page_number=start)
    for page in writer.pages:
        _strip_active_content(page)
    writer.compress_identical_objects()
    writer.add_metadata({"/Producer": PRODUCER, "/Creator": PRODUCER})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), len(writer.pages)


def _recompress(data: bytes, quality: int, scale: float) -> bytes:
    """A source PDF with its large images downsampled and saved as JPEG; text and vectors untouched."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        _recompress_images(page, quality, scale)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue() if buffer.tell() < len(data) else data


def _strip_active_content(page: pypdf.PageObject) -> None:
    """No JavaScript, page actions or links out of the file: the portal's reader should open it inert."""
    for key in ("/AA",):
        if key in page:
            del page[NameObject(key)]
    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = [a for a in annotations.get_object() if not _active(a.get_object())]
    if kept:
        page[NameObject("/Annots")] = pypdf.generic.ArrayObject(kept)
    else:
        del page[NameObject("/Annots")]


def _active(annotation: Any) -> bool:
    action = annotation.get("/A")
    kind = action.get_object().get("/S") if action is not None else None
    return (
        annotation.get("/Subtype") == "/Link"
        or kind in ("/JavaScript", "/URI", "/Launch", "/SubmitForm")
        or "/AA" in annotation
    )


def _recompress_images(page: pypdf.PageObject, quality: int, scale: float) -> None:
    from PIL import Image

    try:
        images = list(page.images)
    except Exception:  # noqa: BLE001 - an image pypdf cannot decode is left as it is
        return
    for image in images:
        try:
            picture = image.image
            if picture is None or picture.width * picture.height < 40_000:
                continue  # logos and small marks
            if scale < 1.0:
                size = (max(1, int(picture.width * scale)), max(1, int(picture.height * scale)))
                picture = picture.resize(size, Image.Resampling.LANCZOS)
            image.replace(picture.convert("RGB") if picture.mode not in ("L", "RGB") else picture, quality=quality)
        except Exception as exc:  # noqa: BLE001 - keep the original image rather than lose the page
            log.debug("image not recompressed: %s", exc)


def _save(path: Path, title: str, data: bytes, pages: int, sources: list[Source], slot: str) -> PackedFile:
    _save_bytes(path, data)
    counts = [len(pypdf.PdfReader(io.BytesIO(s.data)).pages) for s in sources]
    return PackedFile(
        name=path.name,
        title=title,
        size=len(data),
        pages=pages,
        sources=[s.path for s in sources],
        source_pages=counts,
        slot=slot,
    )


def _save_bytes(path: Path, data: bytes) -> None:
    write_output(path, data)


def _detail(doc: Any) -> object:
    """What dates a document in its title and order: its kind's date fields, best first."""
    fields = report_fields(doc.kind, doc.fields)
    return next((value for name in spec(doc.kind).date_fields if (value := getattr(fields, name))), "")


def _title(doc: Any) -> str:
    label = spec(doc.kind).label
    return public(f"{label[:1].upper()}{label[1:]} {_detail(doc)} ({doc.path})".replace("  ", " "))  # bookmarks


def _dates(job: dict[str, Any]) -> str:
    return f"{job['start']} to {job.get('end') or 'present'}"


def _file_name(job: dict[str, Any]) -> str:
    employer = re.sub(r"[^A-Za-z0-9]+", "-", _ascii(public(job["employer"]))).strip("-").lower()[:50] or "employer"
    return f"{employer}_{job['start']}_{job.get('end') or 'present'}"


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
