"""A document's text as lines of cells with column positions.

Every reader (PDF layout mode, DOCX tables, OCR) gives text where runs of 3+
spaces, tabs, pipes and bullets separate columns, and a column's values sit
below its header at about the same character offset. Extractors ask this
view for "the value of label X": the rest of the cell, the next cell on the
line, or the cell below in the same column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checklist.models.document import Page, ReadMethod

CELL_SPLIT = re.compile(r"\s{3,}|\t+|\s+\|\s+|\s+[•·]\s+")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int

    def overlaps(self, other: Cell, slack: int = 2) -> bool:
        return self.start <= other.end + slack and other.start <= self.end + slack


@dataclass(frozen=True)
class Line:
    index: int
    page: int
    text: str
    cells: tuple[Cell, ...]
    method: ReadMethod | None = None

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())


@dataclass(frozen=True)
class Hit:
    """A value found in the text: the value, its line, and a snippet for provenance."""

    value: object
    line: Line
    snippet: str


@dataclass
class TextView:
    """Lines of all pages, with helpers to find labelled values."""

    lines: list[Line] = field(default_factory=list)

    @classmethod
    def from_pages(cls, pages: list[Page]) -> TextView:
        lines: list[Line] = []
        for page in pages:
            for raw in page.text.split("\n"):
                if raw.strip():
                    lines.append(Line(len(lines), page.number, raw, split_cells(raw), page.method))
        return cls(lines)

    @classmethod
    def from_text(cls, text: str) -> TextView:
        return cls.from_pages([Page(number=1, text=text, method=ReadMethod.PLAIN_TEXT)])

    @property
    def flat(self) -> str:
        """All text with whitespace folded, one line per line: for sentence patterns."""
        return "\n".join(line.stripped for line in self.lines)

    def prose(self) -> str:
        """Text joined into running prose (wrapped sentences rejoined) for sentence patterns."""
        return " ".join(line.stripped for line in self.lines)

    def line_of_offset(self, offset: int) -> Line:
        """The line holding a character offset of `flat`."""
        position = 0
        for line in self.lines:
            position += len(line.stripped) + 1
            if offset < position:
                return line
        return self.lines[-1]

    def find(self, pattern: re.Pattern[str]) -> Hit | None:
        """First match of a pattern in a single line."""
        for line in self.lines:
            match = pattern.search(line.stripped)
            if match:
                return Hit(match, line, line.stripped)
        return None

    def labelled(
        self,
        label: re.Pattern[str],
        parse: Callable[[str], object | None],
        *,
        below: int = 3,
        start: int = 0,
    ) -> Hit | None:
        """The first value `parse` accepts next to or below a cell matching `label`."""
        for line in self.lines[start:]:
            for position, cell in enumerate(line.cells):
                match = label.search(cell.text)
                if not match:
                    continue
                hit = self._value_near(line, position, cell, match, parse, below)
                if hit is not None:
                    return hit
        return None

    def _value_near(
        self,
        line: Line,
        position: int,
        cell: Cell,
        match: re.Match[str],
        parse: Callable[[str], object | None],
        below: int,
    ) -> Hit | None:
        rest = cell.text[match.end():].strip(" :#.-–\t")
        if rest:
            value = parse(rest)
            if value is not None:
                return Hit(value, line, line.stripped)
        if position + 1 < len(line.cells):
            value = parse(line.cells[position + 1].text)
            if value is not None:
                return Hit(value, line, line.stripped)
        for next_line in self.lines[line.index + 1 : line.index + 1 + below]:
            for other in next_line.cells:
                if other.overlaps(cell, slack=6):
                    value = parse(other.text)
                    if value is not None:
                        return Hit(value, next_line, f"{line.stripped} / {next_line.stripped}")
        return None

    def column_below(self, header: Line, cell: Cell, rows: int = 6) -> list[tuple[Line, Cell]]:
        """Cells under a header cell in the following lines (same column)."""
        out = []
        for next_line in self.lines[header.index + 1 : header.index + 1 + rows]:
            for other in next_line.cells:
                if other.overlaps(cell, slack=4):
                    out.append((next_line, other))
                    break
        return out


def split_cells(raw: str) -> tuple[Cell, ...]:
    cells = []
    position = 0
    for part in CELL_SPLIT.split(raw):
        start = raw.find(part, position) if part else position
        if part.strip():
            cells.append(Cell(part.strip(), start, start + len(part)))
        position = start + len(part)
    return tuple(cells)


def prose_index(view: TextView) -> tuple[str, list[int]]:
    """Prose text and the prose offset where each line starts (for provenance)."""
    starts, position = [], 0
    for line in view.lines:
        starts.append(position)
        position += len(line.stripped) + 1
    return view.prose(), starts


def line_at(view: TextView, starts: list[int], offset: int) -> Line | None:
    """The line holding a prose offset."""
    if not view.lines:
        return None
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return view.lines[low]
