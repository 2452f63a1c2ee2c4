"""Keyword profile of a reference letter: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"to whom it may concern", 3),
    (r"\bthis (?:letter )?is to (?:certify|confirm|verify)", 4),
    (r"employment (?:verification|confirmation|reference)|(?:verification|confirmation|proof|certificate) of employment|reference letter|letter of (?:employment|reference)", 5),
    (r"(?:we|i) (?:hereby )?confirm (?:that|the employment)", 3),
    (r"\b(?:is|was|has been) (?:currently |presently )?employed (?:with|by|at)", 4),
    (r"\bhas been (?:working|employed)\b|\bcontinues to be employed", 3),
    (r"\bà qui de droit\b", 3),
    (r"attestation d[’']emploi|lettre de r[ée]f[ée]rence|confirmation d[’']emploi", 5),
    (r"\bnous (?:attestons|confirmons|certifions)\b", 4),
    (r"(?:main |principal |key )?(?:duties|responsibilities)\b", 2),
    (r"\b(?:t[âa]ches|fonctions|responsabilit[ée]s)\b", 1.5),
    (r"\b(?:sincerely|yours truly|regards|respectfully|cordially)\b", 1),
    (r"salutations distingu[ée]es|veuillez agr[ée]er|cordialement", 1),
    (r"\bhours (?:per|a|each) week\b|\bheures par semaine\b|hrs/week", 1),
    # Employment letters in other languages (they need a certified translation, but they are letters).
    (r"\b(?:declaramos|declara(?:ção|cao)|certificamos|constancia de (?:trabajo|empleo)|carta de (?:referencia|trabajo)|"
     r"a quien corresponda|a quem (?:possa )?interessar|arbeitsbescheinigung|arbeitszeugnis)\b", 5),
    # Letters that are not about employment: enrolment confirmations, job ads.
    (r"enrol+ment|registrar|full[- ]time student|program(?:me)? of study|tuition|semester|attestation d[’']inscription|étudiant", -6),
    (r"job posting|how to apply|apply (?:now|online|by)|job bank|we are hiring|vacancy|offre d[’']emploi affichée", -6),
)
