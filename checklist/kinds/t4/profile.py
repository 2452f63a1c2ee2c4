"""Keyword profile of a t4: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"statement of remuneration paid|[ée]tat de la r[ée]mun[ée]ration pay[ée]e", 6),
    (r"\bT4\b", 2),
    (r"employment income|revenus d[’']emploi", 2),
    (r"province of employment|province d[’']emploi", 2),
    (r"pensionable earnings|gains ouvrant droit", 1.5),
    (r"EI insurable earnings|gains assurables", 1.5),
    (r"employer'?s account number|num[ée]ro de compte de l[’']employeur", 1),
)
