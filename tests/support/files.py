"""Real PDF, DOCX and broken files made in code for reader tests."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas


def make_pdf(path: Path, pages: list[list[str]], *, columns: list[tuple[float, str]] | None = None) -> Path:
    """A text PDF, one list of lines per page; `columns` adds (x, text) pairs on one line."""
    out = canvas.Canvas(str(path), pagesize=LETTER, invariant=1)
    for lines in pages:
        y = 740.0
        for line in lines:
            out.drawString(60, y, line)
            y -= 16
        for x, text in columns or []:
            out.drawString(x, 400, text)
        out.showPage()
    out.save()
    return path


def make_docx(
    path: Path, paragraphs: list[str], *, header: str = "", footer: str = "", table: list[list[str]] | None = None
) -> Path:
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path


def encrypt_pdf(source: Path, target: Path, password: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def pdf_bytes(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    out = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    for index, line in enumerate(lines):
        out.drawString(60, 740 - 16 * index, line)
    out.showPage()
    out.save()
    return buffer.getvalue()
