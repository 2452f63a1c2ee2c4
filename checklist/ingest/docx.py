"""Word (.docx) text: headers, body paragraphs and tables in order, footers.

Letterheads and signature blocks often sit in headers, footers and layout
tables, so all of them are read; tables are laid out as aligned columns.

A damaged or hostile file becomes a DocumentLoadError with a reason: the
zip's declared unpacked size is checked before anything is unpacked (the
zipfile module never unpacks an entry beyond its declared size), and
python-docx parses XML without resolving entities.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from checklist.errors import DocumentLoadError
from checklist.ingest import sniff
from checklist.ingest.layout import align_rows, tidy
from checklist.ingest.limits import ReadLimits, check_time
from checklist.models.document import Page, ReadMethod


def read_docx(data: bytes, limits: ReadLimits) -> list[Page]:
    """The whole document as one page of text."""
    _check_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError, lxml errors...
        raise DocumentLoadError(f"the Word file is damaged and cannot be opened ({_short(exc)})") from exc
    check_time()
    try:
        lines: list[str] = []
        for section in document.sections[:1]:
            lines += _block_lines(section.header)
        lines += _block_lines(document)
        for section in document.sections[:1]:
            lines += _block_lines(section.footer)
    except Exception as exc:  # noqa: BLE001 - parts that parse but break python-docx's model
        raise DocumentLoadError(f"the Word file is damaged and cannot be read ({_short(exc)})") from exc
    text = "\n".join(lines)
    return [Page(number=1, text=tidy(text[: limits.max_chars]), method=ReadMethod.DOCX)]


def _check_zip(data: bytes, limits: ReadLimits) -> None:
    entries = sniff.zip_entries(data)
    if entries > limits.max_zip_entries:
        raise DocumentLoadError(
            f"the Word file holds {entries:,} parts, over the limit of {limits.max_zip_entries:,} (not a real letter)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # noqa: BLE001 - zipfile raises BadZipFile, NotImplementedError (versions), EOFError...
        raise DocumentLoadError(f"the Word file is damaged ({_short(exc)})") from exc
    if total > limits.max_unzipped_bytes:
        raise DocumentLoadError(
            f"the Word file unpacks to {total:,} bytes, over the limit of {limits.max_unzipped_bytes:,}"
        )


def _block_lines(container: DocxDocument | object) -> list[str]:
    body = container.element.body if isinstance(container, DocxDocument) else getattr(container, "_element", None)
    if body is None:
        return []
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, container)  # type: ignore[arg-type]
            lines.append(("• " if _is_list_item(paragraph) else "") + paragraph.text)
        elif child.tag == qn("w:tbl"):
            lines += _table_lines(Table(child, container))  # type: ignore[arg-type]
    return lines


def _is_list_item(paragraph: Paragraph) -> bool:
    """Word draws bullets and numbers from list formatting, not text: keep them as a mark."""
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return bool(paragraph.text.strip())
    style = paragraph.style.name if paragraph.style is not None else ""
    return "List" in (style or "") and bool(paragraph.text.strip())


def _table_lines(table: Table) -> list[str]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            nested = "".join("\n" + "\n".join(_table_lines(inner)) for inner in cell.tables)
            cells.append("\n".join(p.text for p in cell.paragraphs) + nested)
        rows.append(cells)
    return align_rows(rows)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."
