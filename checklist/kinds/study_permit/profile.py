"""Keyword profile of a study permit: (pattern, weight) pairs, English and French.

It shares the IMM 1442 form's words with work permits and visitor records
(`imm1442.COMMON_PROFILE`); the printed title and the school decide."""

from __future__ import annotations

from checklist.kinds.imm1442 import COMMON_PROFILE, title_patterns

PROFILE: tuple[tuple[str, float], ...] = (
    *COMMON_PROFILE,
    *title_patterns(r"study permit", r"permis d[’']?\s?[ée]tudes"),
    (r"\bschool\b|[ée]tablissement d[’']enseignement|designated learning institution|\bDLI\b|\bEED\b", 1),
    (r"may (?:accept employment|work) (?:on|off)|on[- ]campus|off[- ]campus|hors campus|sur le campus", 1),
)
