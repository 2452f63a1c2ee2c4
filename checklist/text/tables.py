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


def find_header(
    view: TextView, columns: dict[str, re.Pattern[str]], needed: set[str]
) -> tuple[Line, dict[str, Cell]] | None:
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
        tail = _amount_tail(cell.text) if lettered else 0
        if lettered and not values:
            label_parts.append(re.sub(r"[-\d.,$ ]+$", "", cell.text[:tail]).strip())
        elif not find_numbers(cell.text) and not values:
            label_parts.append(cell.text.strip())
        for number in find_numbers(cell.text):
            if number.start < tail:
                continue  # "Temps supplémentaire 1,5": the number belongs to the label
            span = Cell(number.text, cell.start + number.start, cell.start + number.end)
            column = nearest(span, header)
            if column and column not in values:
                values[column] = float(number.value)  # type: ignore[arg-type]
    return Row(line, " ".join(p for p in label_parts if p), values)


def _amount_tail(text: str) -> int:
    """Where the amounts that a label's cell ends with begin ("Temps supplémentaire 3,00": the 3,00,
    written with cents, sits under a column; a bare "1,5" is part of the label)."""
    match = re.search(r"(?:\s+-?\d{1,3}(?:[ ,.\u00a0]\d{3})*[.,]\d{2})+\s*$", text)
    return match.start() if match and re.search(r"[A-Za-zÀ-ÿ]{3}", text[: match.start()]) else len(text)


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
