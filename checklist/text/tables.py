"""Numeric tables (pay stub earnings, T4 boxes): values assigned to header columns
by horizontal position, so a blank "rate" column does not shift the hours."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checklist.text.money import find_numbers
from checklist.text.view import Cell, Line, TextView


@dataclass(frozen=True)
class Row:
    line: Line
    label: str
    values: dict[str, float]


def header_columns(line: Line, columns: dict[str, re.Pattern[str]]) -> dict[str, Cell]:
    """Which cell of a line heads which named column.

    Patterns are tried in order for each cell (so put "YTD hours" before "hours"),
    and a header cell is short: a sentence is not a table header.
    """
    found: dict[str, Cell] = {}
    for cell in line.cells:
        text = cell.text.strip(" :")
        if len(text.split()) > 4:
            continue
        for name, pattern in columns.items():
            if pattern.search(text):
                if name not in found:
                    found[name] = cell
                break
    return found


def find_header(view: TextView, columns: dict[str, re.Pattern[str]], needed: set[str]) -> tuple[Line, dict[str, Cell]] | None:
    for line in view.lines:
        found = header_columns(line, columns)
        if needed <= set(found) and len(found) >= 2:
            return line, found
    return None


def read_row(line: Line, header: dict[str, Cell]) -> Row:
    """The row's label (text before the numbers) and its numbers per column."""
    values: dict[str, float] = {}
    label_parts: list[str] = []
    for cell in line.cells:
        lettered = bool(re.search(r"[A-Za-zÀ-ÿ]{3}", cell.text))
        for number in find_numbers(cell.text):
            if lettered:
                continue  # "Temps supplémentaire 1,5": the number belongs to the label
            span = Cell(number.text, cell.start + number.start, cell.start + number.end)
            column = nearest(span, header)
            if column and column not in values:
                values[column] = float(number.value)  # type: ignore[arg-type]
        if not find_numbers(cell.text) or re.search(r"[A-Za-zÀ-ÿ]{3}", cell.text):
            if not values:
                label_parts.append(re.sub(r"[-\d.,$ ]+$", "", cell.text).strip())
    return Row(line, " ".join(p for p in label_parts if p), values)


def nearest(span: Cell, header: dict[str, Cell]) -> str | None:
    best, distance = None, 1e9
    center = (span.start + span.end) / 2
    for name, cell in header.items():
        if span.overlaps(cell, slack=2):
            gap = 0.0
        else:
            gap = min(abs(center - cell.start), abs(center - cell.end))
        if gap < distance:
            best, distance = name, gap
    return best if distance <= 14 else None
