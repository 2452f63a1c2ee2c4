"""Keyword profile of a noa: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"notice of (?:re)?assessment|avis de (?:nouvelle )?cotisation", 6),
    (r"we (?:re)?assessed your|nous avons (?:établi|traité)", 3),
    (r"\b(?:15000|150)\b.{0,40}total income|revenu total", 2),
    (r"\bnet income\b|revenu net", 1),
    (r"taxable income|revenu imposable", 1),
    (r"RRSP deduction limit|plafond de d[ée]duction", 2),
    (r"\bT451\b", 2),
    (r"canada revenue agency|agence du revenu du canada", 1),
)
