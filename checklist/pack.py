"""The upload pack: one PDF per claimed position and one for status documents,
each under the IRCC portal's size limit, built from what `check` already knows.

Order inside a position's file: a cover page (contents, and the blockers and
warnings found for the position), the reference letter(s), the employment
contract, pay stubs by date, then T4s and notices of assessment by year.
Original PDFs keep their text; only images are downsampled and recompressed,
and only as much as the limit needs. A file that still does not fit is split
into parts. Nothing is dropped silently: unreadable files are listed on the
cover pages, and documents that belong to no position go to leftovers.txt.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import NameObject

from checklist import portal
from checklist.errors import ChecklistError
from checklist.kinds import spec
from checklist.models.report import Report
from checklist.privacy import mask_sins

log = logging.getLogger(__name__)
DEFAULT_LIMIT = portal.MAX_BYTES
# (JPEG quality, scale) steps tried in order on every image until the file fits.
COMPRESSION_STEPS = [(None, 1.0), (75, 1.0), (60, 0.75), (50, 0.6), (40, 0.45), (30, 0.35)]
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


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
    cover_pages: int = 1


@dataclass
class PackResult:
    files: list[PackedFile] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    leftovers: list[str] = field(default_factory=list)


def pack_case(case_dir: Path, out_dir: Path, report: Report, limit: int = DEFAULT_LIMIT) -> PackResult:
    """Write the upload files for a checked case into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = {doc.path: doc for doc in report.documents}
    result = PackResult()
    converted: dict[str, bytes] = {}
    for doc in report.documents:
        if doc.kind == "unreadable":
            result.excluded.append((doc.path, doc.error or "it cannot be read"))
            continue
        try:
            converted[doc.path] = to_pdf(case_dir / doc.path)
        except Exception as exc:  # noqa: BLE001 - any file that cannot be converted is listed, not lost
            result.excluded.append((doc.path, f"it could not be converted to PDF ({exc})"))
    used: set[str] = set()
    jobs = (report.claims.jobs if report.claims else [])
    for index, job in enumerate(jobs):
        paths = position_documents(report, index)
        used |= set(paths)
        sources = [Source(p, _title(documents[p]), converted[p]) for p in paths if p in converted]
        findings = [f for f in report.findings if f.job == index and f.severity.value in ("blocker", "warning")]
        cover = cover_page(f"{job['employer']}: {job['title']}", _dates(job), sources, findings, result.excluded)
        result.files += write_pack(out_dir, _file_name(job), f"{job['employer']} ({job['title']})", cover, sources, limit)
    status = sorted((d for d in report.documents if _packed_with_status(d.kind) and d.path in converted), key=_status_date)
    if status:
        used |= {d.path for d in status}
        sources = [Source(d.path, _title(d), converted[d.path]) for d in status]
        cover = cover_page("Status documents", "permits, visitor records and IRCC letters in date order", sources, [],
                           result.excluded)
        result.files += write_pack(out_dir, "status-documents", "Status documents", cover, sources, limit)
    result.leftovers = [d.path for d in report.documents if d.path not in used and d.kind != "unreadable"]
    lines = ["Documents that belong to no claimed position (not in any upload file):"]
    lines += [f"- {path} ({documents[path].kind})" for path in result.leftovers] or ["(none)"]
    lines += ["", "Files not included because they could not be read or converted:"]
    lines += [f"- {path}: {reason}" for path, reason in result.excluded] or ["(none)"]
    (out_dir / "leftovers.txt").write_text(mask_sins("\n".join(lines) + "\n"), encoding="utf-8")
    return result


def position_documents(report: Report, index: int) -> list[str]:
    """A position's documents in upload order: letters, contracts, stubs by date, T4s and NOAs by year."""
    mine = [d for d in report.documents if d.job == index]
    colleagues = _same_employer(report, index)  # a promotion: one letter and one T4 serve both positions
    shared = [d for d in report.documents if d.job in colleagues and d.kind in ("reference_letter", "employment_contract", "t4")]

    def of(kind: str) -> list[Any]:
        return [d for d in (mine + [x for x in shared if x not in mine]) if d.kind == kind]

    stubs = sorted(of("pay_stub"), key=lambda d: str(d.fields.get("period_start") or d.fields.get("pay_date") or d.path))
    years = _years(report, index)
    taxes = sorted(of("t4") + [d for d in report.documents if d.kind == "noa" and d.fields.get("tax_year") in years],
                   key=lambda d: (d.fields.get("tax_year") or 0, d.kind != "t4", d.path))
    return [d.path for d in of("reference_letter") + of("employment_contract") + stubs + taxes]


def _same_employer(report: Report, index: int) -> set[int]:
    from checklist.rules.matching import SAME_NAME, employer_similarity

    jobs = report.claims.jobs if report.claims else []
    return {i for i, job in enumerate(jobs) if employer_similarity(job["employer"], jobs[index]["employer"]) >= SAME_NAME}


def _years(report: Report, index: int) -> set[int]:
    job = report.claims.jobs[index] if report.claims else {}
    start = dt.date.fromisoformat(str(job.get("start")))
    end = dt.date.fromisoformat(str(job["end"])) if job.get("end") else report.as_of
    return set(range(start.year, end.year + 1))


def to_pdf(path: Path) -> bytes:
    """A document as PDF bytes: PDFs as they are, images wrapped, Word and text files typeset."""
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
    if path.suffix.lower() in IMAGE_SUFFIXES or data[:4] in (b"\x89PNG", b"II*\x00", b"MM\x00*") or data[:3] == b"\xff\xd8\xff":
        return image_to_pdf(data)
    return text_to_pdf(path.name, _document_text(path))


def image_to_pdf(data: bytes) -> bytes:
    import img2pdf
    from PIL import Image, ImageOps

    image = Image.open(io.BytesIO(data))
    frames = []
    for number in range(getattr(image, "n_frames", 1)):
        image.seek(number)
        frame = ImageOps.exif_transpose(image.copy()).convert("RGB")
        buffer = io.BytesIO()
        frame.save(buffer, "JPEG", quality=90)
        frames.append(buffer.getvalue())
    return img2pdf.convert(frames)


def _document_text(path: Path) -> str:
    from checklist.ingest import read_document

    raw = read_document(path, path.parent)
    if not raw.readable:
        raise ChecklistError(raw.error or "it cannot be read")
    return raw.text


def text_to_pdf(title: str, text: str) -> bytes:
    from checklist.report.pdf import html_to_pdf

    body = "".join(f"<p>{html.escape(line)}</p>" if line.strip() else "<br>" for line in mask_sins(text).splitlines())
    return html_to_pdf(f"<html><head><meta charset='utf-8'><style>@page {{ size: Letter; margin: 20mm; }} "
                       f"body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; }} p {{ margin: 0 0 3pt; white-space: pre-wrap; }}"
                       f"</style></head><body>{body}</body></html>")


def cover_page(title: str, subtitle: str, sources: list[Source], findings: list[Any], excluded: list[tuple[str, str]]) -> bytes:
    from checklist.report.environment import render_template
    from checklist.report.pdf import html_to_pdf

    page = render_template("pack_cover.html.j2", {
        "title": title, "subtitle": subtitle, "sources": [{"path": s.path, "title": s.title} for s in sources],
        "findings": [{"severity": f.severity.value, "code": f.code, "message": f.message} for f in findings],
        "excluded": [{"path": p, "reason": r} for p, r in excluded]})
    return html_to_pdf(mask_sins(page))


def write_pack(out_dir: Path, stem: str, title: str, cover: bytes, sources: list[Source], limit: int) -> list[PackedFile]:
    """One PDF (or parts when it cannot fit), with a bookmark per source file.

    Each source is compressed on its own, step by step (cached), so the file is
    merged only once per try; the weakest step whose predicted size fits is used.
    """
    cache: dict[tuple[int, int | None, float], bytes] = {}

    def compressed(index: int, step: tuple[int | None, float]) -> bytes:
        key = (index, *step)
        if key not in cache:
            cache[key] = sources[index].data if step[0] is None else _recompress(sources[index].data, *step)
        return cache[key]

    budget = limit - len(cover) - 2_000 * (len(sources) + 1)  # merging adds an outline entry and a few objects per source
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
            data, pages = _merge(cover, parts[0])
            if len(data) <= limit:
                return [_save(out_dir / f"{stem}.pdf", title, data, pages, parts[0])]
    strongest = COMPRESSION_STEPS[-1]
    return _split(out_dir, stem, title, cover, [Source(s.path, s.title, compressed(i, strongest)) for i, s in enumerate(sources)], limit)


def _split(out_dir: Path, stem: str, title: str, cover: bytes, sources: list[Source], limit: int) -> list[PackedFile]:
    """Greedy parts of whole documents by size; a single document too big stays alone (and is reported)."""
    budget = limit - len(cover) - 4_000
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
        data, pages = _merge(cover, part)
        out.append(_save(out_dir / f"{stem}-part{number}.pdf", part_title, data, pages, part))
        if len(data) > limit:
            log.warning("%s is still over the limit after the strongest compression", part_title)
    return out


def _merge(cover: bytes, sources: list[Source]) -> tuple[bytes, int]:
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(cover)), import_outline=False)
    writer.add_outline_item(title="Contents and findings", page_number=0)
    for source in sources:
        start = len(writer.pages)
        writer.append(pypdf.PdfReader(io.BytesIO(source.data)), import_outline=False)
        writer.add_outline_item(title=source.title, page_number=start)
    for page in writer.pages:
        _strip_active_content(page)
    writer.compress_identical_objects()
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
    return annotation.get("/Subtype") == "/Link" or kind in ("/JavaScript", "/URI", "/Launch", "/SubmitForm") or "/AA" in annotation


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


def _save(path: Path, title: str, data: bytes, pages: int, sources: list[Source]) -> PackedFile:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    counts = [len(pypdf.PdfReader(io.BytesIO(s.data)).pages) for s in sources]
    return PackedFile(name=path.name, title=title, size=len(data), pages=pages, sources=[s.path for s in sources],
                      source_pages=counts, cover_pages=pages - sum(counts))


def _packed_with_status(kind: str) -> bool:
    """Status documents (permits, visitor records, IRCC letters) go in the one status upload file."""
    return spec(kind).pack == "status"


def _status_date(doc: Any) -> str:
    names = spec(doc.kind).date_fields
    return next((str(doc.fields[name]) for name in names if doc.fields.get(name)), "")


def _title(doc: Any) -> str:
    kinds = {"reference_letter": "Reference letter", "employment_contract": "Employment contract", "pay_stub": "Pay stub",
             "t4": "T4", "noa": "Notice of assessment", "work_permit": "Work permit", "study_permit": "Study permit",
             "visitor_record": "Visitor record", "ircc_letter": "IRCC letter"}
    fields = doc.fields
    detail = (fields.get("period_end") or fields.get("pay_date") or fields.get("tax_year") or fields.get("issue_date")
              or fields.get("letter_date") or "")
    return f"{kinds.get(doc.kind, doc.kind)} {detail} ({doc.path})".replace("  ", " ")


def _dates(job: dict[str, Any]) -> str:
    return f"{job['start']} to {job.get('end') or 'present'}"


def _file_name(job: dict[str, Any]) -> str:
    employer = re.sub(r"[^A-Za-z0-9]+", "-", _ascii(job["employer"])).strip("-").lower()[:50] or "employer"
    return f"{employer}_{job['start']}_{job.get('end') or 'present'}"


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
