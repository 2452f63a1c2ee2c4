"""Dates, money, hours and names as documents write them, in English and French.

Finding a value is done with small patterns; turning the found text into a
value is left to libraries (python-dateutil for dates, price-parser for
amounts, rapidfuzz for names).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from dateutil import parser as dateparser
from price_parser import Price

# --- dates -------------------------------------------------------------------

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
    rf"|(?P<dmy2>\d{{1,2}}-{_MONTH}-{_YEAR})"
    rf")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A value found in a text, and the span it came from."""

    value: object
    start: int
    end: int
    text: str


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


# --- money -------------------------------------------------------------------

MONEY_RE = re.compile(
    r"(?:(?:CAD|C\$|CA\$|\$)\s?\d[\d,.\u00a0\u202f ]*\d(?:\s?\$)?|\d[\d,.\u00a0\u202f ]*\d\s?(?:\$|CAD|dollars))",
    re.IGNORECASE,
)
_PERIODS = [
    ("hour", r"(?:/\s*h(?:ou)?r\b|per\s+hour|an\s+hour|hourly|/\s*heure|de\s+l'heure|par\s+heure|l[’']heure|taux\s+horaire)"),
    ("week", r"(?:/\s*w(?:ee)?k\b|per\s+week|a\s+week|(?<!bi-)(?<!bi)weekly|par\s+semaine|hebdomadaire)"),
    ("month", r"(?:/\s*mo(?:nth)?\b|per\s+month|a\s+month|(?<!semi-)(?<!semi\s)(?<!bi-)monthly|par\s+mois|mensuel)"),
    ("year", r"(?:/\s*y(?:ea)?r\b|per\s+(?:year|annum)|a\s+year|annual(?:ly)?|yearly|/\s*an\b|par\s+ann[ée]e|par\s+an\b|annuel(?:le)?|salary\s+of|salaire)"),
]


def parse_amount(text: str) -> float | None:
    """A dollar amount written either way: "$72,000.00", "72 000,00 $", "CAD 68,500"."""
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ")
    price = Price.fromstring(cleaned)
    return price.amount_float


def find_money(text: str) -> list[Found]:
    """Amounts written with a currency mark, in order."""
    out = []
    for match in MONEY_RE.finditer(text):
        raw = match.group(0).rstrip(" ,.")
        value = parse_amount(raw)
        if value is not None and value > 0:
            out.append(Found(value, match.start(), match.start() + len(raw), raw))
    return out


def nearest_period(before: str, after: str, amount: float | None = None) -> str | None:
    """The salary period whose words sit closest to the amount, in its sentence, before or after it."""
    before = re.split(r"[.;!?]\s", before)[-1]
    after = re.split(r"[.;!?]\s", after)[0]
    best: tuple[int, str] | None = None
    for name, pattern in _PERIODS:
        for match in re.finditer(pattern, before.lower()):
            distance = len(before) - match.end()
            best = min(best, (distance, name)) if best else (distance, name)
        for match in re.finditer(pattern, after.lower()):
            best = min(best, (match.start(), name)) if best else (match.start(), name)
    if best:
        return best[1]
    return salary_period("", amount)


def salary_period(context: str, amount: float | None = None, *, before: bool = False) -> str | None:
    """The period a pay amount is per, from the words nearest it (or its size).

    `before`: the context precedes the amount, so the last period word is the nearest.
    """
    lowered = context.lower()
    best: tuple[int, str] | None = None
    for name, pattern in _PERIODS:
        for match in re.finditer(pattern, lowered):
            key = -match.end() if before else match.start()
            if best is None or key < best[0]:
                best = (key, name)
    if best:
        return best[1]
    if amount is not None:
        return "hour" if amount < 200 else "year" if amount >= 15000 else None
    return None


NUMBER_RE = re.compile(r"(?<![\w.,])-?\d{1,3}(?:[, \u00a0]\d{3})*(?:[.,]\d{1,4})?(?![\w]|[.,]\d)|(?<![\w.,])-?\d+(?:[.,]\d{1,4})?(?![\w]|[.,]\d)")


def find_numbers(text: str) -> list[Found]:
    """Plain numbers ("1,537.00", "2 037,41", "92.50") in order."""
    out = []
    for match in NUMBER_RE.finditer(text):
        raw = match.group(0).strip()
        value = parse_amount(raw)
        if value is not None:
            if raw.startswith("-"):
                value = -value
            out.append(Found(value, match.start(), match.end(), raw))
    return out


# --- hours -------------------------------------------------------------------

_NUM = r"(\d{1,2}(?:[.,]\d{1,2})?)"
_HOURS_PATTERNS = [
    # 8 hours a day, 5 days a week / 7,5 heures par jour, 5 jours par semaine
    (re.compile(rf"{_NUM}\s*(?:hours?|hrs?|h|heures?)\s*(?:a|per|each|/|par)\s*(?:day|jour)\b[^.\n]{{0,40}}?(\d)\s*(?:days?|jours?)", re.I), "per_day"),
    (re.compile(rf"{_NUM}\s*(?:-\s*)?(?:hours?|hrs?\.?|h|heures?)\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+|par\s+|hebdomadaires?|weekly|per\s*wk)\s*(?:week|wk|semaine)?", re.I), "per_week"),
    (re.compile(rf"{_NUM}\s*(?:hours?|hrs?|heures?)\s+(?:weekly|hebdomadaires?)", re.I), "per_week"),
    (re.compile(rf"(?:hours?(?:\s+of\s+work)?\s*(?:per|a|/)\s*week|weekly\s+hours|heures\s+(?:par\s+semaine|hebdomadaires))\s*(?:of|:|is|are|de|-)?\s*{_NUM}", re.I), "per_week"),
    (re.compile(rf"{_NUM}\s*(?:-\s*)?(?:hours?|hrs?|heures?)(?:\s+(?:of\s+work|de\s+travail))?\s+(?:per|a|par|each)\s+(?:week|semaine)", re.I), "per_week"),
    (re.compile(rf"{_NUM}\s*-?\s*hours?\s+(?:work\s*)?week", re.I), "per_week"),
    (re.compile(rf"(?:work\s+week|semaine\s+de\s+travail|schedule|horaire)\s+(?:is|of|est\s+de|de)?\s*{_NUM}\s*(?:hours?|hrs?|heures?|h)\b", re.I), "per_week"),
]


def parse_hours_per_week(text: str) -> Found | None:
    """Weekly hours as letters state them ("37.5 hrs/week", "8 hours a day, 5 days a week")."""
    best: Found | None = None
    for pattern, kind in _HOURS_PATTERNS:
        for match in pattern.finditer(text):
            hours = float(match.group(1).replace(",", "."))
            if kind == "per_day":
                hours *= int(match.group(2))
            if 1 <= hours <= 80 and (best is None or match.start() < best.start):
                best = Found(hours, match.start(), match.end(), match.group(0))
            break
    return best


# --- names -------------------------------------------------------------------

LEGAL_FORMS = {
    "inc", "incorporated", "ltd", "ltee", "limited", "limitee", "corp", "corporation", "co", "company",
    "llp", "lp", "llc", "ulc", "plc", "senc", "sencrl", "srl", "sa", "sas", "cie", "enr", "the",
}


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", strip_accents(text).lower())


def company_key(name: str) -> str:
    """Employer name without case, accents, punctuation or legal form."""
    joined = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", strip_accents(name).lower())
    tokens = [w for w in re.findall(r"[a-z0-9]+", joined.replace("&", " and ")) if w not in LEGAL_FORMS]
    return " ".join(tokens)


def person_key(name: str) -> frozenset[str]:
    """A person's name as a set of words: 'SANTOS, MARIA' equals 'Maria Santos'."""
    titles = {"mr", "mrs", "ms", "miss", "dr", "mme", "m", "madame", "monsieur", "mlle"}
    return frozenset(w for w in words(name) if w not in titles and len(w) > 1)


def clean_value(text: str) -> str:
    """Trim a value cut from a line: spaces, bullets, trailing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" :;,|•·-–—\t").strip()

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
