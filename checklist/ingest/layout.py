"""Helpers that lay out cells as fixed-width text, so tables keep their columns.

Extractors read every format through one convention: a line of text where
runs of 3+ spaces separate columns, and a column's values sit below its
header at the same character offset.
"""

from __future__ import annotations

import re

GAP = "   "


def align_rows(rows: list[list[str]]) -> list[str]:
    """Render table rows (cells may hold several lines) as aligned text lines."""
    split = [[cell.splitlines() or [""] for cell in row] for row in rows]
    ncols = max((len(row) for row in split), default=0)
    widths = [0] * ncols
    for row in split:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], *(len(part.strip()) for part in cell))
    lines: list[str] = []
    for row in split:
        height = max((len(cell) for cell in row), default=0)
        for depth in range(height):
            parts = []
            for index, cell in enumerate(row):
                text = cell[depth].strip() if depth < len(cell) else ""
                parts.append(text.ljust(widths[index]))
            line = GAP.join(parts).rstrip()
            if line.strip():
                lines.append(line)
    return lines


_GLYPHS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\uf000-\uf8ff\u25aa\u25cf\u2022\u25e6\u2219\u27a2]")


def tidy(text: str) -> str:
    """Drop trailing spaces and runs of blank lines; keep indentation (it is layout).

    Bullet glyphs come out of PDFs as control or private-use characters: they
    become one bullet mark so lists are recognised whatever the font did.
    """
    text = _GLYPHS.sub("•", text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
