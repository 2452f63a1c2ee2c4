"""Social insurance numbers never leave the tool: they are masked as soon as a
document is read, and every string that leaves (reports, pages, file and folder
names, URLs, logs, the terminal) is masked again on its way out.

What counts as a SIN is decided on runs of digit groups: groups of digits that
touch no letter, joined by one separator (spaces of any width, including the
no-break and thin spaces, a dash, dot, slash, bar or underscore, alone or with
spaces around it). Within a run, nine digits are a SIN when

- they are written 3-3-3 and are the whole run ("859 060 063", "859/060-063"),
  checksum or not: nobody writes another number that way;
- they pass the SIN checksum (Luhn) as nine digits together ("859060063"), as
  one digit per box ("8 5 9 0 6 0 0 6 3", "8|5|9|0|6|0|0|6|3"), or as 3-3-3
  groups inside a longer run ("2023 859 060 063");
- or they follow a "SIN"/"NAS" label, checksum or not (a typo is still personal),
  even glued to it ("SIN859060063").

A SIN a reader broke across lines ("859\n060\n063", one digit per line from a
boxed form) is a SIN when the whole line-broken run is nine digits, 3-3-3 or one
per line, and passes the checksum or follows a label: a column of small numbers
rarely does both.

Everything else is left alone: dates, amounts, phone numbers (3-3-4), postal
codes, and permit or business numbers whose digits touch a letter
("U962340910", "628274132RP0001").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPACES = "\t \u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff"
_MARKS = "\\-\u2010-\u2015\u2212\ufe63\uff0d./|\u00a6_\u2044\u2215"
# One separator between two groups: up to three spaces, or one mark with up to two spaces each side.
_SEP = rf"(?:[{_SPACES}]{{1,3}}|[{_SPACES}]{{0,2}}[{_MARKS}][{_SPACES}]{{0,2}})"
# A group is a maximal run of digits that touches no letter or digit (an underscore is a separator).
_GROUP = r"(?<![^\W_])\d+(?![^\W_])"
RUN_RE = re.compile(rf"{_GROUP}(?:{_SEP}{_GROUP})*")
# Groups a reader put on separate lines: one line break, with spaces around it.
_LINE_SEP = rf"[{_SPACES}]{{0,3}}\r?\n[{_SPACES}]{{0,3}}"
LINE_RUN_RE = re.compile(rf"{_GROUP}(?:{_LINE_SEP}{_GROUP})+")
# Nine digits glued to their label, as OCR joins them: "SIN859060063", "NAS046454286".
GLUED_RE = re.compile(r"(?i)(?<![^\W_])(?:S\.?I\.?N|N\.?A\.?S)(\d{9})(?!\d)")
GROUP_RE = re.compile(r"\d+")
_DECIMAL_AFTER = re.compile(r",\d")  # "123 456 789,00 $": an amount with a decimal comma, not a 3-3-3 SIN
_DECIMAL_BEFORE = re.compile(r"\d,$")

# A number right after one of these labels is a SIN even if it fails the checksum (a typo is still personal).
LABEL_RE = re.compile(
    r"(?i)(?:(?<![^\W_])(?:S\.?I\.?N|N\.?A\.?S)\.?(?![^\W_])|social\W{0,3}insurance|assurance\W{0,3}sociale)"
    r"[^\n\d]{0,40}$"
)


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


def mask_sins(text: str, joiner: str = " ") -> str:
    """Every SIN in `text` as 'XXX XXX 123' (the last three digits kept; `joiner` between the parts)."""
    if sum(map(str.isdigit, text)) < 9:  # a SIN is nine digits (each \d is isdigit): most strings hold fewer
        return text
    pieces: list[str] = []
    done = 0
    for start, end, digits in _sins(text):
        pieces += [text[done:start], f"XXX{joiner}XXX{joiner}{digits[-3:]}"]
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def mask_sins_in_name(name: str) -> str:
    """A file, folder or case name with its SINs masked as 'XXX-XXX-123', which reads well in a name."""
    return mask_sins(name, "-")


def sin_spans(text: str) -> list[tuple[int, int]]:
    """Where the SINs are in `text` (start, end): for covering them where the text itself cannot change (a page image)."""
    return [(start, end) for start, end, _ in _sins(text)]


def _sins(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of each SIN, in order: those on one line, those broken across lines, those glued to a label."""
    found = list(_sins_on_a_line(text))
    for extra in (*_sins_across_lines(text), *_sins_glued_to_label(text)):
        if not any(start < extra[1] and extra[0] < end for start, end, _ in found):
            found.append(extra)
    yield from sorted(found)


def _sins_across_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """A whole run broken by line breaks that spells nine digits 3-3-3 or one per line, with the checksum or a label."""
    if "\n" not in text:
        return
    for run in LINE_RUN_RE.finditer(text):
        lengths = [len(group.group()) for group in GROUP_RE.finditer(run.group())]
        if lengths in ([3, 3, 3], [1] * 9):
            digits = re.sub(r"\D", "", run.group())
            if _is_sin(text, run.start(), digits, whole=False, grouped=False):
                yield run.start(), run.end(), digits


def _sins_glued_to_label(text: str) -> Iterator[tuple[int, int, str]]:
    for match in GLUED_RE.finditer(text):
        yield match.start(1), match.end(1), match.group(1)


def _sins_on_a_line(text: str) -> Iterator[tuple[int, int, str]]:
    for run in RUN_RE.finditer(text):
        groups = list(GROUP_RE.finditer(run.group()))
        lengths = [len(group.group()) for group in groups]
        decimal = bool(
            _DECIMAL_AFTER.match(text, run.end()) or _DECIMAL_BEFORE.search(text[max(0, run.start() - 2) : run.start()])
        )
        index = 0
        while index < len(groups):
            size = _window(lengths, index)
            if size:
                first, last = groups[index], groups[index + size - 1]
                start, end = run.start() + first.start(), run.start() + last.end()
                digits = "".join(group.group() for group in groups[index : index + size])
                if _is_sin(text, start, digits, whole=size == len(groups) and not decimal, grouped=size == 3):
                    yield start, end, digits
                    index += size
                    continue
            index += 1


def _window(lengths: list[int], index: int) -> int:
    """How many groups from `index` may spell nine digits: 1 (9), 3 (3-3-3) or 9 (one per box); 0 if none."""
    if lengths[index] == 9:
        return 1
    if lengths[index : index + 3] == [3, 3, 3]:
        return 3
    if index == 0 and lengths == [1] * 9:  # boxes: the whole run, never nine digits out of a longer table row
        return 9
    return 0


def _is_sin(text: str, start: int, digits: str, *, whole: bool, grouped: bool) -> bool:
    if grouped and whole:
        return True
    return luhn_valid(digits) or bool(LABEL_RE.search(text[max(0, start - 60) : start]))
