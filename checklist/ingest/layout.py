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


def split_sidebar(text: str) -> str:
    """A page laid out as a narrow sidebar (letterhead, contacts) beside the letter's body.

    Layout-mode text puts both columns on the same lines, which breaks the body's
    sentences; when a left column of short lines sits beside a right column of prose,
    the right column is read first, then the sidebar.
    """
    lines = text.split("\n")
    starts: dict[int, int] = {}
    for line in lines:
        for match in re.finditer(r"(?:(?<=\S)\s{3,}|^\s{20,})(?=\S)", line):
            starts[match.end()] = starts.get(match.end(), 0) + 1
    if not starts:
        return text
    column, count = max(starts.items(), key=lambda item: item[1])
    if column < 20 or count < 8:
        return text
    left, right = [], []
    for line in lines:
        head, tail = line[:column], line[column:]
        if head.strip() and tail.strip() and not re.search(r"\s{2,}$", head):
            return text  # a line runs across the gap: not two columns
        left.append(head.rstrip())
        right.append(tail.rstrip())
    body = [r for r in right if r.strip()]
    side = [piece.strip() for piece in left if piece.strip()]
    if (
        not body
        or sum(len(r.split()) for r in body) / len(body) < 5
        or sum(len(s.split()) for s in side) / max(len(side), 1) > 6
    ):
        return text  # a table, not a sidebar beside prose
    # The sidebar (letterhead, contacts) first, as it would be read at the top; the body keeps its indents.
    return "\n".join(side + [""] + body)
