"""Amounts of money and pay periods as documents write them (price-parser reads the amount)."""

from __future__ import annotations

import re

from price_parser import Price

from checklist.text.found import Found

MONEY_RE = re.compile(
    r"(?:(?:CAD|C\$|CA\$|\$)\s?\d[\d,.\u00a0\u202f ]*\d(?:\s?\$)?|\d[\d,.\u00a0\u202f ]*\d\s?(?:\$|CAD|dollars))",
    re.IGNORECASE,
)
_PERIODS = [
    (
        "hour",
        r"(?:/\s*h(?:ou)?r\b|per\s+hour|an\s+hour|hourly|/\s*heure|de\s+l'heure|par\s+heure|l[’']heure|taux\s+horaire)",
    ),
    ("week", r"(?:/\s*w(?:ee)?k\b|per\s+week|a\s+week|(?<!bi-)(?<!bi)weekly|par\s+semaine|hebdomadaire)"),
    ("month", r"(?:/\s*mo(?:nth)?\b|per\s+month|a\s+month|(?<!semi-)(?<!semi\s)(?<!bi-)monthly|par\s+mois|mensuel)"),
    (
        "year",
        r"(?:/\s*y(?:ea)?r\b|per\s+(?:year|annum)|a\s+year|annual(?:ly)?|yearly|/\s*an\b|par\s+ann[ée]e|par\s+an\b|annuel(?:le)?|salary\s+of|salaire)",
    ),
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


NUMBER_RE = re.compile(
    r"(?<![\w.,])-?\d{1,3}(?:[, \u00a0]\d{3})*(?:[.,]\d{1,4})?(?![\w]|[.,]\d)|(?<![\w.,])-?\d+(?:[.,]\d{1,4})?(?![\w]|[.,]\d)"
)


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
