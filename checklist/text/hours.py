"""Weekly hours as letters state them, in English and French."""

from __future__ import annotations

import re

from checklist.text.found import Found

_NUM = r"(\d{1,2}(?:[.,]\d{1,2})?)"
_HOURS_PATTERNS = [
    # 8 hours a day, 5 days a week / 7,5 heures par jour, 5 jours par semaine
    (
        re.compile(
            rf"{_NUM}\s*(?:hours?|hrs?|h|heures?)\s*(?:a|per|each|/|par)\s*(?:day|jour)\b[^.\n]{{0,40}}?(\d)\s*(?:days?|jours?)",
            re.I,
        ),
        "per_day",
    ),
    (
        re.compile(
            rf"{_NUM}\s*(?:-\s*)?(?:hours?|hrs?\.?|h|heures?)\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+|par\s+|hebdomadaires?|weekly|per\s*wk)\s*(?:week|wk|semaine)?",
            re.I,
        ),
        "per_week",
    ),
    (re.compile(rf"{_NUM}\s*(?:hours?|hrs?|heures?)\s+(?:weekly|hebdomadaires?)", re.I), "per_week"),
    (
        re.compile(
            rf"(?:hours?(?:\s+of\s+work)?\s*(?:per|a|/)\s*week|weekly\s+hours|heures\s+(?:par\s+semaine|hebdomadaires))\s*(?:of|:|is|are|de|-)?\s*{_NUM}",
            re.I,
        ),
        "per_week",
    ),
    (
        re.compile(
            rf"{_NUM}\s*(?:-\s*)?(?:hours?|hrs?|heures?)(?:\s+(?:of\s+work|de\s+travail))?\s+(?:per|a|par|each)\s+(?:week|semaine)",
            re.I,
        ),
        "per_week",
    ),
    (re.compile(rf"{_NUM}\s*-?\s*hours?\s+(?:work\s*)?week", re.I), "per_week"),
    (
        re.compile(
            rf"(?:(?:normal\s+|regular\s+|standard\s+)?work\s*week|semaine\s+(?:normale\s+|régulière\s+)?de\s+travail|schedule|horaire)"
            rf"\s+(?:is|of|est\s+de|de)?\s*{_NUM}\s*(?:hours?|hrs?|heures?|h)\b(?!\s*(?:a|per|each|/|par)\s*(?:day|jour))",
            re.I,
        ),
        "per_week",
    ),
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
