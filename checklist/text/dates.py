"""Dates as documents write them, in English and French.

Finding a date is done with small patterns; turning the found text into a
value is left to python-dateutil.
"""

from __future__ import annotations

import calendar
import contextlib
import contextvars
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

from dateutil import parser as dateparser

from checklist.text.found import Found
from checklist.text.language import detect_language

_FRENCH_MONTHS = {
    "janvier": "January",
    "janv": "January",
    "février": "February",
    "fevrier": "February",
    "févr": "February",
    "fevr": "February",
    "fév": "February",
    "mars": "March",
    "avril": "April",
    "avr": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "juil": "July",
    "août": "August",
    "aout": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "decembre": "December",
    "déc": "December",
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
    rf"|(?P<compact>{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+(?:de\s+)?{_MONTH},?\s+{_YEAR})"
    rf"|(?P<ordinal>{_DAY}\s+(?:day\s+)?of\s+{_MONTH},?\s+{_YEAR})"
    rf"|(?P<num>(?:[0-3]?\d)[/.-](?:[0-3]?\d)[/.-]{_YEAR})"
    rf"|(?P<dmy2>\d{{1,2}}[-/]{_MONTH}[-/](?:{_YEAR}|\d\d))"
    rf")(?![\w])",
    re.IGNORECASE,
)
# The date pattern without named groups, to embed in larger patterns.
DATE_ANY = re.sub(r"\?P<\w+>", "?:", DATE_RE.pattern)
# Day-first (True) or month-first (False) for numeric dates that could be either, decided per
# document by `document_dates`; None leaves the old rule (a dot means day first).
_DAY_FIRST: contextvars.ContextVar[bool | None] = contextvars.ContextVar("day_first", default=None)
_ORDER_HINTS = [
    (re.compile(r"(?i)\b(?:DD|JJ)\s*[/-]\s*MM\s*[/-]\s*(?:YYYY|AAAA|YY|AA)\b|day/month/year|jour/mois/ann[ée]e"), True),
    (re.compile(r"(?i)\bMM\s*[/-]\s*DD\s*[/-]\s*(?:YYYY|YY)\b|month/day/year"), False),
]


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
    if match.group("compact"):
        return _safe_date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    if match.group("num"):
        first, second, year = (int(part) for part in re.split(r"[/.-]", raw))
        return _safe_date(year, second, first) if _is_day_first(first, second, raw) else _safe_date(year, first, second)
    if match.group("dmy2") and re.search(r"[-/ ]\d\d$", raw):
        raw = raw[:-2] + "20" + raw[-2:]  # "06-May-24": a two-digit year is this century's
    english = _english_months(raw)
    try:
        return dateparser.parse(english, fuzzy=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _is_day_first(first: int, second: int, raw: str) -> bool:
    if first > 12 or second > 12:
        return first > 12
    order = _DAY_FIRST.get()
    return order if order is not None else "." in raw


def numeric_order(text: str, language: str | None = None) -> bool | None:
    """Whether a document writes numeric dates day first: from a printed format ("DD/MM/YYYY"),
    else from its unambiguous dates (13/04/2021), else from its language (French: day first).
    None when nothing decides it."""
    for pattern, day_first in _ORDER_HINTS:
        if pattern.search(text):
            return day_first
    votes = {True: 0, False: 0}
    for match in DATE_RE.finditer(text):
        if match.group("num"):
            first, second, _ = (int(part) for part in re.split(r"[/.-]", match.group(0)))
            if first > 12 or second > 12:
                votes[first > 12] += 1
    if votes[True] != votes[False]:
        return votes[True] > votes[False]
    return True if language == "fr" else None


@contextlib.contextmanager
def document_dates(text: str, language: str | None = None) -> Iterator[bool | None]:
    """Read the numeric dates inside the block in the order this document uses (see `numeric_order`)."""
    token = _DAY_FIRST.set(numeric_order(text, language))
    try:
        yield _DAY_FIRST.get()
    finally:
        _DAY_FIRST.reset(token)


def in_document_date_order(extractor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """An extractor of a TextView that reads numeric dates in the order of the document it reads."""

    @functools.wraps(extractor)
    def read(view: Any) -> Any:
        prose = view.prose()
        with document_dates(prose, detect_language(prose)):
            return extractor(view)

    read.reads_document_dates = True  # type: ignore[attr-defined]
    return read


MONTH_YEAR_RE = re.compile(
    rf"(?i)(?<![\w/.-])(?<!\d\s)(?<!\d\s\s)({_MONTH})\s*,?\s+(?:de\s+|of\s+)?({_YEAR})(?![\w/-])"
)
YEAR_RE = re.compile(rf"(?<![\w/.$-])({_YEAR})(?![\w/.,-]|\s*\$)")
# A month and its year ("June 2021", "mars de 2022"), for patterns that embed one.
MONTH_YEAR = rf"(?:{_MONTH})\s*,?\s+(?:de\s+|of\s+)?{_YEAR}(?![\w/-])"
# A date at any precision, for patterns that embed one: a full date, a month ("July 2022"), a year.
LOOSE_DATE_ANY = rf"(?:{DATE_ANY}|{_MONTH}\s*,?\s+(?:de\s+)?{_YEAR}(?![\w/-])|(?<![\w/.$-]){_YEAR}(?![\w/.,-]|\s*\$))"


def month_of(text: str) -> tuple[int, int] | None:
    """(year, month) of a month written without a day ("July 2022", "mars 2023"), or None."""
    match = MONTH_YEAR_RE.search(text)
    if not match:
        return None
    month = _month_number(match.group(1))
    return (int(match.group(2)), month) if month else None


def _month_number(name: str) -> int | None:
    try:
        return dateparser.parse(_english_months(name.rstrip(".")) + " 2000", default=dt.datetime(2000, 1, 1)).month
    except (ValueError, OverflowError):
        return None


def first_day(year: int, month: int = 1) -> dt.date:
    """The first day a month-precision (or year-precision) start supports."""
    return dt.date(year, month, 1)


def last_day(year: int, month: int = 12) -> dt.date:
    """The last day a month-precision (or year-precision) end supports."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def loose_date(text: str, *, end: bool = False) -> dt.date | None:
    """A date at the precision written: a full date, else a month ("June 2021": the 1st, or the
    last day for an end), else a year alone (1 January, or 31 December for an end)."""
    full = parse_date(text)
    if full:
        return full
    month = month_of(text)
    if month:
        return last_day(*month) if end else first_day(*month)
    year = YEAR_RE.search(text)
    if year:
        return last_day(int(year.group(1))) if end else first_day(int(year.group(1)))
    return None


def _english_months(text: str) -> str:
    words = re.split(r"(\W+)", text.lower())
    out = []
    for word in words:
        key = word.rstrip(".")
        out.append(_FRENCH_MONTHS.get(key, word))
    joined = "".join(out)
    joined = re.sub(r"\b(\d{1,2})(er|e)\b", r"\1", joined)
    joined = re.sub(r"\b(?:day\s+)?of\b", " ", joined)
    return re.sub(r"\bde\b", " ", joined)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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
    if len(dates) >= 2 and re.search(
        r"(?i)^\s*(?:-|–|—|to|au|à|through|until|jusqu)", text[dates[0].end : dates[1].start] or " "
    ):
        return dates[0].value, dates[1].value  # type: ignore[return-value]
    return None
