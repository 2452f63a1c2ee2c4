"""Positions laid out as a table: a header row of known column words (title, from, to, hours, pay,
duties), rows that may wrap, and the one position a letter without a table describes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import cast

from checklist.kinds.reference_letter.fields import Position
from checklist.kinds.reference_letter.phrases import PRESENT_WORD
from checklist.models.fields import SalaryPeriod
from checklist.text.cells import hours_cell, money_cell
from checklist.text.dates import parse_date
from checklist.text.normalize import clean_value
from checklist.text.view import Cell, Line, TextView

HEADER_WORDS = {
    "title": re.compile(
        r"(?i)^(?:job\s+|position\s+)?(?:position|title|role|poste|titre(?:\s+du\s+poste)?|fonction|occupation|designation)s?\b"
    ),
    "start": re.compile(
        r"(?i)^(?:from|since|depuis|began|commenced|joined|effective|start(?:ed)?(?:\s+date)?|start\s+of\s+employment|date\s+of\s+hire|hired|du|de|début|date\s+de\s+début|date\s+d[’']entrée|entrée|dates?)\b"
    ),
    "end": re.compile(r"(?i)^(?:to|end(?:ed)?(?:\s+date)?|left|until|au|à|fin|date\s+de\s+fin|départ|sortie)\b"),
    "hours": re.compile(
        r"(?i)^(?:(?:scheduled\s+|weekly\s+|regular\s+)?hours(?:\s*(?:/|per)\s*week)?|hrs|h/(?:week|sem)|heures(?:\s*/\s*semaine|\s+par\s+semaine|\s+hebdomadaires)?)\b"
    ),
    "salary": re.compile(
        r"(?i)^(?:(?:annual|yearly|monthly|weekly|hourly|base|current)\s+)?(?:salary|wage|rate(?:\s+of\s+pay)?|pay|compensation|salaire|rémunération|taux(?:\s+horaire)?)\b"
        r"|^(?:annual|yearly|monthly)(?:\s+(?:base|gross|amount))?$"
    ),
    "duties": re.compile(
        r"(?i)^(?:main\s+|key\s+|principales\s+)?(?:duties|responsibilities|tasks|tâches|fonctions)\b"
    ),
}


CELL_BULLET = re.compile(r"(?:^|\s)[–•▪*✓-]\s+")  # items of a duties cell, once its lines are joined


DAY_FIRST_HINT = re.compile(r"(?i)\b(?:DD|JJ)\s*/\s*MM\s*/\s*(?:YYYY|AAAA)\b|day/month/year|jour/mois/année")


def table_positions(view: TextView) -> list[Position]:
    for line in view.lines:
        if not _header_columns(line):
            continue
        header, first_row = _whole_header(view, line)
        columns = _header_columns(header)
        if "title" in columns and ("start" in columns or "hours" in columns or "salary" in columns):
            return _rows(view, header, columns, first_row)
    return []


def _whole_header(view: TextView, header: Line) -> tuple[Line, int]:
    """A header printed over two lines ("Weekly" above "hours", "Heures/semai" above "ne") as one
    line, and the index of the first row: the line under a header continues it when each of its
    cells sits under a header cell and it holds no figure (a row holds dates or amounts)."""
    following = header.index + 1
    if following >= len(view.lines):
        return header, following
    below = view.lines[following]
    if re.search(r"\d", below.text) or not below.cells or len(below.cells) > len(header.cells):
        return header, following
    cells = list(header.cells)
    for cell in below.cells:
        above = [i for i, head in enumerate(cells) if cell.overlaps(head, slack=1)]
        if len(above) != 1:
            return header, following
        head = cells[above[0]]
        joined = head.text + cell.text if head.text.endswith(("/", "-")) else f"{head.text} {cell.text}"
        cells[above[0]] = Cell(joined, head.start, max(head.end, cell.end))
    return replace(header, cells=tuple(cells)), following + 1


def _header_columns(line: Line) -> dict[str, Cell]:
    columns: dict[str, Cell] = {}
    for cell in line.cells:
        for key, pattern in HEADER_WORDS.items():
            if pattern.match(cell.text) and key not in columns:
                columns[key] = cell
                break
    return columns


def _rows(view: TextView, header: Line, columns: dict[str, Cell], first_row: int) -> list[Position]:
    rows: list[dict[str, str]] = []
    by_index = {header.cells.index(cell): key for key, cell in columns.items()}
    lines = view.lines[first_row : first_row + 24]
    for number, line in enumerate(lines):
        if re.fullmatch(r"[|\-:+= ]+", line.stripped):
            continue  # a Markdown or ASCII table rule
        values = _row_values(line, header, columns, by_index)
        if rows and not values and _within_columns(line, columns):
            continue  # the rest of a column not read (a long remark under its header)
        if rows and "start" in columns and not values.get("start") and _within_columns(line, columns):
            following = lines[number + 1] if number + 1 < len(lines) else None
            if not _wrapped(values, _row_values(following, header, columns, by_index) if following else None):
                break  # a heading under the table ("Tâches – temps partiel")
            for key, text in values.items():  # a cell wrapped onto the next line ("March 31," / "2022")
                rows[-1][key] = f"{rows[-1].get(key, '')} {text}".strip()
            continue
        if not values.get("title") or not (values.get("start") or values.get("hours") or values.get("salary")):
            break
        rows.append(values)
    return _positions_of_rows(view, rows, columns)


BASIS_NOTE = re.compile(
    r"(?i)\s*\((?:(?:part|full)[- ]?time|casual|seasonal|temporary|permanent|temps\s+(?:partiel|plein)|occasionnel|saisonnier)\)"
)  # "Representative (part-time)", "28 (temps partiel)": the basis, not the title or the hours


def _wrapped(values: dict[str, str], following: dict[str, str] | None) -> bool:
    """A line of cells without a start date is the rest of the row above when it continues several
    cells, a note in brackets or a lowercase word, or when a dated row follows it; a capitalised line
    alone in the title column with no row after it is a heading under the table."""
    title = values.get("title", "")
    if not title or len(values) > 1 or title.startswith("(") or title[:1].islower():
        return True  # cells under other columns than the title's are never a heading
    return bool(following and following.get("start"))


def _within_columns(line: Line, columns: dict[str, Cell]) -> bool:
    """Each cell of the line stays inside one column (a wrapped cell); a sentence runs across them."""
    starts = sorted(cell.start for cell in columns.values())
    for cell in line.cells:
        inside = [start for start in starts if start <= cell.start + 1]
        following = [start for start in starts if start > cell.start + 1]
        if not inside or (following and cell.end > following[0]):
            return False
    return True


def _positions_of_rows(view: TextView, rows: list[dict[str, str]], columns: dict[str, Cell]) -> list[Position]:
    positions = []
    day_first = bool(DAY_FIRST_HINT.search(view.prose()))
    for values in rows:
        if day_first:
            values = {k: _day_first(v) if k in ("start", "end") else v for k, v in values.items()}
        money = money_cell(values.get("salary", ""))
        if money and money[1] is None and "salary" in columns:
            money = (money[0], _period_word(columns["salary"].text))  # "Monthly pay" above "$2,650.00"
        end_text = values.get("end", "")
        duties = [item.strip() for item in CELL_BULLET.split(values.get("duties", "")) if item.strip()]
        positions.append(
            Position(
                job_title=clean_value(BASIS_NOTE.sub("", values["title"])),
                start_date=parse_date(values.get("start", "")),
                end_date=None if PRESENT_WORD.match(end_text.strip()) else parse_date(end_text),
                hours_per_week=hours_cell(BASIS_NOTE.sub("", values.get("hours", ""))),
                salary_amount=money[0] if money else None,
                salary_period=cast("SalaryPeriod | None", money[1] if money else None),
                duties=duties,
            )
        )
    return sorted(positions, key=lambda p: p.start_date or dt.date.min)


PERIOD_WORDS = (
    ("year", re.compile(r"(?i)\b(?:annual|yearly|per\s+year|annuel(?:le)?)\b")),
    ("month", re.compile(r"(?i)\b(?:monthly|per\s+month|mensuel(?:le)?)\b")),
    ("week", re.compile(r"(?i)\b(?:weekly|per\s+week|hebdomadaire)\b")),
    ("hour", re.compile(r"(?i)\b(?:hourly|per\s+hour|horaire)\b")),
)


def _period_word(header: str) -> str | None:
    """The pay period a column header names ("Monthly pay", "Taux horaire")."""
    return next((period for period, pattern in PERIOD_WORDS if pattern.search(header)), None)


def _row_values(line: Line, header: Line, columns: dict[str, Cell], by_index: dict[int, str]) -> dict[str, str]:
    """A table row's cells by column: by position when the row has its own count of cells,
    by index when it has as many cells as the header (tab- or pipe-separated tables)."""
    values: dict[str, str] = {}
    if len(line.cells) == len(header.cells):
        for index, cell in enumerate(line.cells):
            if index in by_index:
                values[by_index[index]] = cell.text
        return values
    for cell in line.cells:
        key = _nearest_column(cell, columns)
        if key:
            values[key] = f"{values.get(key, '')} {cell.text}".strip()
    return values


def _day_first(text: str) -> str:
    """'14/08/2022' written day first (the letter says so) as ISO."""
    match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    return f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}" if match else text


def _nearest_column(cell: Cell, columns: dict[str, Cell]) -> str | None:
    best, best_distance = None, 1e9
    for key, header in columns.items():
        if cell.overlaps(header, slack=3):
            distance = abs(cell.start - header.start)
            if distance < best_distance:
                best, best_distance = key, distance
    return best


def single_position(values: dict[str, object]) -> Position:
    return Position(**{key: values.get(key) for key in Position.model_fields if values.get(key) is not None})  # type: ignore[arg-type]
