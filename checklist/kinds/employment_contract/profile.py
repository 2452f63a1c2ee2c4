"""Keyword profile of a employment contract: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"employment (?:agreement|contract)|contract of employment|contrat (?:de travail|d[’']emploi)", 6),
    (r"offer of employment|letter of offer|offer letter|employment offer|offre d[’']emploi", 5),
    (r"(?:we are|i am|we're|i'm) (?:pleased|happy|delighted|excited) to offer|nous sommes heureux de vous offrir", 4),
    (r"\baccept(?:ed)? (?:this|the) offer|j[’']accepte (?:cette|l[’'])offre", 3),
    (r"\bthe employee agrees\b|l[’']employ[ée] (?:s[’']engage|accepte)", 2),
    (r"\bprobation(?:ary)?\b|p[ée]riode d[’']essai", 1.5),
    (r"\btermination\b|\bfin d(?:u contrat|e l[’']emploi)\b|\bcessation\b", 1),
    (r"\bconfidential(?:ity)?\b", 1),
    (r"\(the [\"“]?employer[\"”]?\)|\(the [\"“]?employee[\"”]?\)", 3),
    (r"please sign|sign(?:ed)? (?:and return|below)|accepted and agreed", 2),
)
