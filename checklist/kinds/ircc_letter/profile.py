"""Keyword profile of an IRCC letter: (pattern, weight) pairs, English and French.

These letters talk about work permits all along; what they say of themselves
("we have received your application", "this letter confirms that you are
authorized to work") weighs more than any permit's title."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"we (?:have )?received your (?:[\w-]+ ){0,5}?application|nous avons re[çc]u votre demande", 6),
    (r"acknowledge?ment of receipt|accus[ée] de r[ée]ception", 6),
    (
        r"this letter (?:confirms|is to confirm) that you (?:are|were) authori[sz]ed to (?:continue (?:to )?)?work"
        r"|la pr[ée]sente (?:lettre )?(?:confirme|atteste) que vous [êe]tes autoris[ée]e? [àa] travailler",
        8,
    ),
    (
        r"interim (?:authori[sz]ation|proof of work)|autorisation (?:de travail )?(?:provisoire|intérimaire)|preuve provisoire",
        5,
    ),
    (r"authori[sz]ation to continue (?:to )?work|autorisation de continuer [àa] travailler", 5),
    (r"\bWP-?EXT\b|IMM ?0127", 4),
    # Letters that are neither: a biometrics instruction letter, a request for documents.
    (r"biometric instruction|donn[ée]es biom[ée]triques|(?:give|provide) your fingerprints|vos empreintes", 5),
    (r"request for (?:additional |more )?documents|additional documents|documents suppl[ée]mentaires", 3),
    # A permit never speaks to the holder of their application, nor of itself as a letter.
    (r"\byour (?:[\w-]+ ){0,4}?application\b|\bvotre demande\b", 2),
    (r"\b(?:this|the present) letter\b|\b(?:la pr[ée]sente|cette) lettre\b", 1),
    (r"\b(?:R\s?)?186\s?\(\s?[uw]\s?\)|paragraph 186|alin[ée]a 186", 3),
    (r"maintained status|statut maintenu|implied status|statut implicite", 2),
    (r"application (?:number|no\.?)|num[ée]ro de (?:la )?demande|no de (?:la )?demande", 2),
    (r"date received|date de r[ée]ception|received (?:your application )?on", 2),
    (r"immigration,? refugees and citizenship|immigration,? r[ée]fugi[ée]s et citoyennet[ée]", 2),
    (r"\bUCI\b|\bIUC\b|client id", 1),
    (r"\bdear\b|\bbonjour\b|madame, monsieur", 1),
)
