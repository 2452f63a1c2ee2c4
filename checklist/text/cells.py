"""Values that stand alone in a table cell or after a label: a date, weekly hours, an amount of pay.

Shared by every kind that reads labelled terms (letters, contracts): a cell holds the value and
little else, so these parsers refuse a value buried in a sentence where a prose pattern should
read it with its context.
"""

from __future__ import annotations

import re

from checklist.text.dates import loose_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.money import find_money, nearest_period

_DATE_ALONE = re.compile(r"\b(?:19|20)\d\d\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
_HOURS_ALONE = re.compile(
    r"(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h|hrs?|hours?|heures?)?\.?(?:\s*(?:per|a|/|par)\s*(?:week|wk|semaine|sem))?",
    re.IGNORECASE,
)


def date_cell(text: str, *, end: bool = False) -> object | None:
    """A date standing (nearly) alone in a cell, not one inside a sentence; a month or a year
    alone ("March 2021") keeps its precision: its first day, or its last for an `end`."""
    return loose_date(text, end=end) if len(text.split()) <= 6 and _DATE_ALONE.search(text) else None


def hours_cell(text: str) -> float | None:
    """Weekly hours in a cell: as a letter words them, or a bare number ("37.5", "40 h")."""
    found = parse_hours_per_week(text)
    if found:
        return float(found.value)  # type: ignore[arg-type]
    match = _HOURS_ALONE.fullmatch(text.strip())
    return float(match.group(1).replace(",", ".")) if match else None


def money_cell(text: str) -> tuple[float, str | None] | None:
    """The first amount in a cell and the period whose words sit nearest it ("40 h/week, $58,000 per year")."""
    money = find_money(text)
    if money:
        first = money[0]
        return float(first.value), nearest_period(text[: first.start], text[first.end :], float(first.value))  # type: ignore[arg-type]
    return None
