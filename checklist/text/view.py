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
from dataclasses import dataclass, field, replace

from checklist.models.document import Page, ReadMethod
from checklist.text.boxes import is_box_letter, words_by_pitch

CELL_SPLIT = re.compile(r"\s+\|\s+|\s*\t+\s*|\s*\.{4,}\s*|\s{3,}|\s+[•·]\s+")


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
    """Lines of all pages, with helpers to find labelled values.

    `values_above` is set for forms whose text puts each value on the line
    before its label (some PDF text layers and OCR engines do).
    """

    lines: list[Line] = field(default_factory=list)
    values_above: bool = False

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
        skip: re.Pattern[str] | None = None,
        whole_line: bool = False,
    ) -> Hit | None:
        """The first value `parse` accepts next to, below (or above) a cell matching `label`.

        Cells matching `skip` (other labels of the form) are never taken as values.
        """
        guarded = _guard(parse, skip)
        for line in self.lines[start:]:
            for position, cell in enumerate(line.cells):
                match = label.search(cell.text)
                if not match:
                    continue
                hit = self._value_near(line, position, cell, match, guarded, below, whole_line)
                if hit is not None:
                    return hit
        return None

    def block_values(self, labels: dict[str, re.Pattern[str]]) -> dict[str, Hit]:
        """Forms printed as a block of labels then a block of values in the same order."""
        run: list[tuple[str | None, Line]] = []
        for line in self.lines:
            alone = len(line.cells) == 1
            name = _label_only(line.stripped, labels) if alone else None
            if name is not None or (run and alone and _is_label_line(line.stripped)):
                run.append((name, line))
                continue
            if len(run) >= 4:
                values = self.lines[line.index : line.index + len(run)]
                if len(values) == len(run):
                    return {
                        n: Hit(v.stripped, v, f"{label.stripped} / {v.stripped}")
                        for (n, label), v in zip(run, values)
                        if n
                    }
            run = []
        return {}

    def paragraph(
        self, label: re.Pattern[str], stop: re.Pattern[str], *, max_lines: int = 14
    ) -> tuple[str, list[Line]] | None:
        """The text of a labelled field that runs over several lines, up to the next label.

        The field's label starts a line ("Conditions   NOT AUTHORIZED TO ..." or
        "CONDITIONS:" alone); the value goes on in the lines below until a line
        starts with `stop`, or with a cell left of the value column (another
        label). The label's translation printed below it ("Conditions" again,
        in French) is dropped.
        """
        for line in self.lines:
            if not line.cells:
                continue
            match = label.match(line.cells[0].text)
            if not match:
                continue
            parts = [strip_translation(line.cells[0].text[match.end() :]), *(c.text for c in line.cells[1:])]
            column = line.cells[1].start if len(line.cells) > 1 else None
            used = [line]
            for next_line in self.lines[line.index + 1 : line.index + 1 + max_lines]:
                first = next_line.cells[0]
                if stop.match(first.text):
                    break
                twin = label.match(first.text)
                if twin:
                    parts += [strip_translation(first.text[twin.end() :]), *(c.text for c in next_line.cells[1:])]
                elif column is not None and first.start < column - 4:
                    break
                else:
                    parts.append(next_line.stripped)
                used.append(next_line)
            text = " ".join(p for p in parts if p)
            if text.strip():
                return text, used
        return None

    def _value_near(
        self,
        line: Line,
        position: int,
        cell: Cell,
        match: re.Match[str],
        parse: Callable[[str], object | None],
        below: int,
        whole_line: bool = False,
    ) -> Hit | None:
        rest = strip_translation(cell.text[match.end() :])
        if rest:
            value = parse(rest)
            if value is not None:
                return Hit(value, line, line.stripped)
        for other in line.cells[position + 1 : None if whole_line else position + 2]:
            value = parse(other.text)
            if value is not None:
                return Hit(value, line, line.stripped)
        nearby = self.lines[max(0, line.index - 1) : line.index] if self.values_above else []
        nearby += self.lines[line.index + 1 : line.index + 1 + below] if not self.values_above else []
        for next_line in nearby:
            # Nearest column first: a value under the next label may overlap this one too.
            for other in sorted(next_line.cells, key=lambda c: abs(c.start - cell.start)):
                if other.overlaps(cell, slack=6) or len(next_line.cells) == 1:
                    value = parse(other.text)
                    if value is not None:
                        return Hit(value, next_line, f"{line.stripped} / {next_line.stripped}")
        return None

    def detect_values_above(self, typed: list[tuple[re.Pattern[str], Callable[[str], object | None]]]) -> bool:
        """Whether typed values (dates, numbers) sit on the line above their labels in this document."""
        above = below = 0
        for label, parse in typed:
            a, b = self._orientation_votes(label, parse)
            above, below = above + a, below + b
        return above > below

    def _orientation_votes(self, label: re.Pattern[str], parse: Callable[[str], object | None]) -> tuple[int, int]:
        above = below = 0
        for line in self.lines:
            if (
                len(line.cells) != 1
                or not label.search(line.cells[0].text)
                or strip_translation(label.sub("", line.stripped, count=1))
            ):
                continue  # a label with its value on the same line says nothing of the orientation
            prev = self.lines[line.index - 1].stripped if line.index else ""
            nxt = self.lines[line.index + 1].stripped if line.index + 1 < len(self.lines) else ""
            above += parse(prev) is not None and parse(nxt) is None
            below += parse(nxt) is not None and parse(prev) is None
        return above, below

    def column_below(self, header: Line, cell: Cell, rows: int = 6) -> list[tuple[Line, Cell]]:
        """Cells under a header cell in the following lines (same column)."""
        out = []
        for next_line in self.lines[header.index + 1 : header.index + 1 + rows]:
            for other in next_line.cells:
                if other.overlaps(cell, slack=4):
                    out.append((next_line, other))
                    break
        return out


_TRANSLATION = re.compile(r"^\s*(?:/|–|—|-)\s*")


def strip_translation(rest: str) -> str:
    """What follows a label once its translation is dropped.

    "/ NOM DE FAMILLE" -> "", "/ Employeur: ACME" -> "ACME",
    "– Nom de l'employeur  ACME INC." -> "ACME INC.", ": 2024" -> "2024".
    """
    rest = re.sub(r"^\s*\([^)]*\)", "", rest)  # "(in capital letters)", "(s)"
    if _TRANSLATION.match(rest):
        if ":" in rest:
            return rest.split(":", 1)[1].strip(" :#.-–\t")
        gap = re.search(r"\s{2,}(\S.*)$", rest.strip())
        return gap.group(1).strip() if gap else ""
    return rest.strip(" :#.-–\t")


def _guard(parse: Callable[[str], object | None], skip: re.Pattern[str] | None) -> Callable[[str], object | None]:
    if skip is None:
        return parse
    return lambda text: None if skip.search(text) else parse(text)


def _label_only(text: str, labels: dict[str, re.Pattern[str]]) -> str | None:
    for name, pattern in labels.items():
        match = pattern.search(text)
        if match and match.start() == 0 and not strip_translation(text[match.end() :]):
            return name
    return None


def _is_label_line(text: str) -> bool:
    """A bilingual label with no value ("Sex / Sexe", "Country of Citizenship / Pays de citoyenneté")."""
    return bool(re.fullmatch(r"[A-Za-zÀ-ÿ'’.() ]+\s*/\s*[A-Za-zÀ-ÿ'’.() ]+", text)) and len(text) < 70


def split_cells(raw: str) -> tuple[Cell, ...]:
    if raw.lstrip().startswith("|"):  # a Markdown-style table row: "| a | b |"
        raw = re.sub(r"^(\s*)\|", lambda m: m.group(1) + " ", raw)
        raw = re.sub(r"\|\s*$", "", raw)
    cells = []
    position = 0
    for part in CELL_SPLIT.split(raw):
        start = raw.find(part, position) if part else position
        if part.strip():
            cells.append(Cell(part.strip(), start, start + len(part)))
        position = start + len(part)
    return _boxed_letters_as_words(tuple(cells))


def _boxed_letters_as_words(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A line of single letters, a box each ("V   O   L   K"), read as words (IMM 1442's name boxes)."""
    if len(cells) < 3 or not all(is_box_letter(cell.text) for cell in cells):
        return cells
    words = [[cells[i] for i in word] for word in words_by_pitch([cell.start for cell in cells])]
    return tuple(Cell("".join(c.text for c in word), word[0].start, word[-1].end) for word in words)


def prose_index(view: TextView) -> tuple[str, list[int]]:
    """Prose text and the prose offset where each line starts (for provenance)."""
    starts, position = [], 0
    for line in view.lines:
        starts.append(position)
        position += len(line.stripped) + 1
    return view.prose(), starts


DOLLARS_CELL = re.compile(r"^\$?\s?\d{1,3}(?:[ ,\u00a0]\d{3})*$")
CENTS_CELL = re.compile(r"^\d{2}$")


def join_split_cents(view: TextView) -> TextView:
    """The view with dollars and cents printed in two cells of a box ("52,416 | 00") read as one amount.

    CRA's slips print the cents in a box of their own; a text layer gives
    them as the next cell, a short gap after the dollars.
    """
    lines = []
    for line in view.lines:
        cells: list[Cell] = []
        for cell in line.cells:
            before = cells[-1] if cells else None
            if (
                before is not None
                and CENTS_CELL.match(cell.text)
                and DOLLARS_CELL.match(before.text)
                and cell.start - before.end <= 24
            ):
                cells[-1] = Cell(f"{before.text}.{cell.text}", before.start, cell.end)
            else:
                cells.append(cell)
        lines.append(replace(line, cells=tuple(cells)))
    return TextView(lines=lines, values_above=view.values_above)


def column_texts(view: TextView, *, min_lines: int = 3) -> list[tuple[str, Line]]:
    """The prose of each column where a page runs in two columns side by side, with the run's first line.

    Bilingual letters set English and French side by side; read line by line,
    their sentences interleave ("We received your application for Accusé de
    réception…"). A run is `min_lines` or more lines of two cells whose right
    cell starts at the same offset; a lone cell at that offset continues the
    right column.
    """
    found: list[tuple[str, Line]] = []
    run: list[Line] = []
    for line in [*view.lines, None]:
        if line is not None and _continues_columns(run, line):
            run.append(line)
            continue
        if len(run) >= min_lines:
            left = " ".join(line.cells[0].text for line in run if len(line.cells) == 2)
            right = " ".join(line.cells[-1].text for line in run)
            found += [(" ".join(left.split()), run[0]), (" ".join(right.split()), run[0])]
        run = [line] if line is not None and len(line.cells) == 2 and line.cells[1].start >= 30 else []
    return found


def _continues_columns(run: list[Line], line: Line) -> bool:
    if not run:
        return False
    right = run[0].cells[1].start
    if len(line.cells) == 2:
        return abs(line.cells[1].start - right) <= 4
    return len(line.cells) == 1 and abs(line.cells[0].start - right) <= 4


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
