"""Keyword profile of a work permit: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"work permit|permis de travail", 3),
    (r"imm ?1442", 4),
    (r"\bUCI\b|\bIUC\b|client id", 2),
    (r"immigration,? refugees and citizenship|immigration,? r[ée]fugi[ée]s et citoyennet[ée]", 3),
    (r"not (?:valid|authorized) (?:for|to work)", 2),
    (r"expiry date|date d[’']expiration", 1),
    (r"permit (?:no|number)|no de permis|num[ée]ro de permis", 2),
    (r"\bcase type\b|type de cas", 1),
)
