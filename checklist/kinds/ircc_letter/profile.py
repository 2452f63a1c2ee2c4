"""Keyword profile of an IRCC letter: (pattern, weight) pairs, English and French.

These letters talk about work permits all along; what they say of themselves
("we have received your application", "this letter confirms that you are
authorized to work") weighs more than any permit's title."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"we (?:have )?received your application|nous avons re[çc]u votre demande", 6),
    (r"acknowledge?ment of receipt|accus[ée] de r[ée]ception", 6),
    (
        r"this letter (?:confirms|is to confirm) that you (?:are|were) authori[sz]ed to work"
        r"|la pr[ée]sente (?:lettre )?(?:confirme|atteste) que vous [êe]tes autoris[ée]e? [àa] travailler",
        8,
    ),
    (
        r"interim (?:authori[sz]ation|proof of work)|autorisation (?:de travail )?(?:provisoire|intérimaire)|preuve provisoire",
        5,
    ),
    (r"\bWP-?EXT\b|IMM ?0127", 4),
    (r"\b(?:R\s?)?186\s?\(\s?[uw]\s?\)|paragraph 186|alin[ée]a 186", 3),
    (r"maintained status|statut maintenu|implied status|statut implicite", 2),
    (r"application (?:number|no\.?)|num[ée]ro de (?:la )?demande|no de (?:la )?demande", 2),
    (r"date received|date de r[ée]ception|received (?:your application )?on", 2),
    (r"immigration,? refugees and citizenship|immigration,? r[ée]fugi[ée]s et citoyennet[ée]", 2),
    (r"\bUCI\b|\bIUC\b|client id", 1),
    (r"\bdear\b|\bbonjour\b|madame, monsieur", 1),
)
