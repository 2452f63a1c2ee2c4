"""Dates as documents write them, in English and French.

Finding a date is done with small patterns; turning the found text into a
value is left to python-dateutil.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from checklist.text.found import Found

_FRENCH_MONTHS = {
    "janvier": "January", "janv": "January", "février": "February", "fevrier": "February",
    "févr": "February", "fevr": "February", "fév": "February", "mars": "March", "avril": "April",
    "avr": "April", "mai": "May", "juin": "June", "juillet": "July", "juil": "July",
    "août": "August", "aout": "August", "septembre": "September", "octobre": "October",
    "novembre": "November", "décembre": "December", "decembre": "December", "déc": "December",
}
_MONTH = (
    r"(?:jan(?:uary|v(?:ier|\.)?)?|feb(?:ruary)?|f[ée]v(?:rier|r)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?"
    r"|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?"
    r"|oct(?:ober|obre)?|nov(?:ember|embre)?|d[ée]c(?:ember|embre)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|e)?"
_YEAR = r"(?:19|20)\d\d"
DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"(?P<iso>{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?\d|3[01]))"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+(?:de\s+)?{_MONTH},?\s+{_YEAR})"
    rf"|(?P<num>(?:[0-3]?\d)[/.-](?:[0-3]?\d)[/.-]{_YEAR})"
    rf"|(?P<dmy2>\d{{1,2}}-{_MONTH}-{_YEAR}|\d{{1,2}}/{_MONTH}/{_YEAR})"
    rf")(?![\w])",
    re.IGNORECASE,
)



def parse_date(text: str) -> dt.date | None:
    """The date a short text states, or None; French month names and ordinals allowed."""
    match = DATE_RE.search(text)
    return _date_of(match) if match else None


def find_dates(text: str) -> list[Found]:
    """Every date in a text, in order."""
    out = []
    for match in DATE_RE.finditer(text):
        value = _date_of(match)
        if value is not None:
            out.append(Found(value, match.start(), match.end(), match.group(0)))
    return out


def _date_of(match: re.Match[str]) -> dt.date | None:
    raw = match.group(0)
    if match.group("iso"):
        parts = re.split(r"[-/.]", raw)
        return _safe_date(int(parts[0]), int(parts[1]), int(parts[2]))
    if match.group("num"):
        first, second, year = (int(part) for part in re.split(r"[/.-]", raw))
        day_first = first > 12 or (second <= 12 and "." in raw)
        return _safe_date(year, second, first) if day_first else _safe_date(year, first, second)
    english = _english_months(raw)
    try:
        return dateparser.parse(english, fuzzy=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _english_months(text: str) -> str:
    words = re.split(r"(\W+)", text.lower())
    out = []
    for word in words:
        key = word.rstrip(".")
        out.append(_FRENCH_MONTHS.get(key, word))
    joined = "".join(out)
    joined = re.sub(r"\b(\d{1,2})(er|e)\b", r"\1", joined)
    return re.sub(r"\bde\b", " ", joined)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# The date pattern without named groups, to embed in larger patterns.
DATE_ANY = re.sub(r"\?P<\w+>", "?:", DATE_RE.pattern)
_COMPACT_RANGE = re.compile(rf"(?i)\b({_MONTH})\s+(\d{{1,2}})\s*[-–]\s*(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")


def find_date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """A period written as two dates ("May 1, 2024 - May 15, 2024", "du X au Y") or compactly ("Oct 1-15, 2025")."""
    compact = _COMPACT_RANGE.search(text)
    if compact:
        first = parse_date(f"{compact.group(1)} {compact.group(2)}, {compact.group(4)}")
        last = parse_date(f"{compact.group(1)} {compact.group(3)}, {compact.group(4)}")
        if first and last:
            return first, last
    dates = find_dates(text)
    if len(dates) >= 2 and re.search(r"(?i)^\s*(?:-|–|—|to|au|à|through|until|jusqu)", text[dates[0].end : dates[1].start] or " "):
        return dates[0].value, dates[1].value  # type: ignore[return-value]
    return None
