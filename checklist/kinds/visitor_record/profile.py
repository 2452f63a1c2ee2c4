"""Keyword profile of a visitor record: (pattern, weight) pairs, English and French.

It shares the IMM 1442 form's words with work and study permits
(`imm1442.COMMON_PROFILE`); the printed title decides."""

from __future__ import annotations

from checklist.kinds.imm1442 import COMMON_PROFILE, title_patterns

PROFILE: tuple[tuple[str, float], ...] = (
    *COMMON_PROFILE,
    *title_patterns(r"visitor record", r"fiche d[ue] visiteur"),
    (
        r"not authori[sz]ed to (?:work|study|engage in employment) (?:or|and|nor) (?:study|work)|\bvisitor\b|\bvisiteur\b",
        1,
    ),
)
