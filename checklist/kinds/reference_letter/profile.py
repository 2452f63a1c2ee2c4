"""Keyword profile of a reference letter: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (r"to whom it may concern", 3),
    (r"\bthis (?:letter )?is to (?:certify|confirm|verify)", 4),
    (
        r"employment (?:verification|confirmation|reference)|(?:verification|confirmation|proof|certificate) of employment|reference letter|letter of (?:employment|reference)",
        5,
    ),
    (r"(?:we|i) (?:hereby )?confirm (?:that|the employment)", 3),
    (r"\b(?:is|was|has been) (?:currently |presently )?employed (?:with|by|at)", 4),
    (r"\bhas been (?:working|employed)\b|\bcontinues to be employed", 3),
    (r"\bà qui de droit\b", 3),
    (r"attestation d[’']emploi|lettre de r[ée]f[ée]rence|confirmation d[’']emploi", 5),
    (r"attestation de (?:travail|service|l[’']employeur)|certificat de (?:travail|service)|lettre d[’']emploi", 5),
    (
        r"letter of experience|experience (?:certificate|letter)|(?:service|employment) certificate|certificate of (?:service|experience)|employment letter|relieving letter",
        5,
    ),
    # Signed statements: "je soussignée ... certifie", "nous soussignés ... attestons".
    (r"\b(?:je|nous)\s+soussign[ée]e?s?\b.{0,120}?\b(?:certifie|atteste|confirme|d[ée]clare)", 5),
    (
        r"\b(?:est|a [ée]t[ée]|était) (?:à|a) (?:notre|son) (?:emploi|service)\b|\b(?:travaille|a travaill[ée]|occupe|a occup[ée])\b.{0,80}?\b(?:à titre de|en qualit[ée] de|au poste de|le poste de)",
        4,
    ),
    # Letters worded without the usual keywords: "has worked at X as Y since", "X employs Y as".
    (
        r"\b(?:has|have) (?:worked|served) (?:at|for|with|in)\b|\bemploys\b.{0,60}?\bas (?:an? |our )?[A-Z]|\bserved with\b.{0,80}?\bas\b",
        3,
    ),
    (r"\b(?:i|we) (?:am|are) (?:pleased|happy|writing) to (?:state|confirm|certify|verify)\b", 3),
    # Current jobs and contracts told in other words: "continues to hold a part-time position",
    # "still holds that position", "provided services to X as an independent contractor".
    (
        r"\b(?:continues to hold|still holds|currently holds|holds) (?:a|an|the|that|this|her|his|their) (?:[\w-]+ ){0,2}?(?:position|post|role)\b",
        4,
    ),
    (
        r"\bprovided (?:\w+ )?services to\b.{0,80}?\bas an? (?:independent )?(?:contractor|consultant)|\bcontract engagement\b",
        4,
    ),
    (r"\b(?:dear|to the) (?:visa|immigration) officer\b|\bemployment details\b", 3),
    (r"\bnous (?:attestons|confirmons|certifions)\b", 4),
    (r"(?:main |principal |key )?(?:duties|responsibilities)\b", 2),
    (r"\b(?:t[âa]ches|fonctions|responsabilit[ée]s)\b", 1.5),
    (r"\b(?:sincerely|yours truly|regards|respectfully|cordially)\b", 1),
    (r"salutations distingu[ée]es|veuillez agr[ée]er|cordialement", 1),
    (r"\bhours (?:per|a|each) week\b|\bheures par semaine\b|\b(?:hrs|hours)\s?/\s?(?:week|wk)\b", 1),
    # Employment letters in other languages (they need a certified translation, but they are letters).
    (
        r"\b(?:declaramos|declara(?:ção|cao)|certificamos|constancia de (?:trabajo|empleo)|carta de (?:referencia|trabajo)|"
        r"a quien corresponda|a quem (?:possa )?interessar|arbeitsbescheinigung|arbeitszeugnis)\b",
        5,
    ),
    # Letters that are not about employment: enrolment confirmations, job ads.
    (
        r"enrol+ment|registrar|full[- ]time student|program(?:me)? of study|tuition|semester|attestation d[’']inscription|étudiant",
        -6,
    ),
    (r"job posting|how to apply|apply (?:now|online|by)|job bank|we are hiring|vacancy|offre d[’']emploi affichée", -6),
)
