"""Drafts as files: the same lines as plain text and as a Word document, named by job and employer.

`draft_files(...)` returns (file name, bytes) pairs; the CLI writes them with
`checklist.output.write_output`, the web page serves them. The .docx carries
"cec-checklist" as its author (core property) and the .txt ends with the
marker line, so `checklist.ingest.own` never reads a draft back as a reference
letter. File names are masked (SINs) and made of safe characters only.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from checklist.actions.explanations import Explanation, build_explanations
from checklist.actions.requests import EmployerRequest, build_requests
from checklist.actions.wording import Line, explanation_lines, request_lines
from checklist.models.report import Report
from checklist.privacy import mask_sins_in_name

AUTHOR = "cec-checklist"
BULLET = "- "
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold: no run date in the file
STYLES = {"title": "Title", "heading": "Heading 1", "bullet": "List Bullet"}


def to_text(lines: list[Line]) -> str:
    """Plain text: a blank line between blocks, bullets as "- "."""
    out: list[str] = []
    for line in lines:
        if line.style == "bullet":
            out.append(BULLET + line.text)
            continue
        if out and out[-1] != "":
            out.append("")
        out.append(line.text)
        if line.style in ("title", "heading"):
            out.append("")
    return "\n".join(out).replace("\n\n\n", "\n\n").rstrip("\n") + "\n"


def to_docx(lines: list[Line], title: str) -> bytes:
    """A Word document with the same lines (headings and bullets styled), authored by cec-checklist."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.title = title
    properties.comments = "Prepared with cec-checklist."
    for line in lines:
        paragraph = document.add_paragraph(line.text, style=STYLES.get(line.style))
        if line.style == "note":
            for run in paragraph.runs:
                run.italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return _steady(buffer.getvalue())


def _steady(package: bytes) -> bytes:
    """The same package with fixed entry times, so the same draft is the same bytes (no timestamps)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), source.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def safe_name(text: str, limit: int = 60) -> str:
    """ "Pemberton & Vale LLP" -> "pemberton-vale-llp": masked, ASCII letters, digits and dashes."""
    plain = unicodedata.normalize("NFKD", mask_sins_in_name(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit].strip("-") or "employer"


def request_stem(request: EmployerRequest) -> str:
    word = "demande" if request.language == "fr" else "request"
    return f"job{request.job}-{safe_name(request.employer)}-{word}"


def explanation_stem(explanation: Explanation) -> str:
    word = "explication" if explanation.language == "fr" else "explanation"
    return f"{word}-{safe_name(explanation.topic)}"


def request_files(request: EmployerRequest) -> list[tuple[str, bytes]]:
    return _pair(request_stem(request), request_lines(request))


def explanation_files(explanation: Explanation) -> list[tuple[str, bytes]]:
    return _pair(explanation_stem(explanation), explanation_lines(explanation))


def _pair(stem: str, lines: list[Line]) -> list[tuple[str, bytes]]:
    title = lines[0].text if lines else stem
    return [(f"{stem}.docx", to_docx(lines, title)), (f"{stem}.txt", to_text(lines).encode("utf-8"))]


def request_drafts(
    report: Report, job: int | None = None, language: str | None = None
) -> list[tuple[EmployerRequest, list[tuple[str, bytes]]]]:
    """Each request (for one job, or all) with its .docx and .txt."""
    requests = [r for r in build_requests(report, language) if job is None or r.job == job]
    return [(request, request_files(request)) for request in requests]


def explanation_drafts(
    report: Report, language: str | None = None
) -> list[tuple[Explanation, list[tuple[str, bytes]]]]:
    return [(explanation, explanation_files(explanation)) for explanation in build_explanations(report, language)]
