"""Keyword profile of a work permit: (pattern, weight) pairs, English and French.

Work permits, study permits and visitor records all print on IMM 1442: the
form's own words (`imm1442.COMMON_PROFILE`) are in all three profiles, so
only the printed title and the kind's own fields tell them apart."""

from __future__ import annotations

from checklist.kinds.imm1442 import COMMON_PROFILE, title_patterns

PROFILE: tuple[tuple[str, float], ...] = (
    *COMMON_PROFILE,
    *title_patterns(r"work permit", r"permis de travail"),
    (
        r"not authori[sz]ed to work for any employer other|location of employment|lieu de (?:l[’'])?emploi|lieu de travail",
        1,
    ),
)
