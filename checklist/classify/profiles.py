"""Keyword profiles of each document kind, English and French, kept as data.

Each entry is (pattern, weight). Titles a document prints about itself
("Notice of Assessment", "Attestation d'emploi") weigh most; words any
kind may use weigh little. A kind needs MIN_SCORE to be chosen.
"""

from __future__ import annotations

from checklist.models.document import DocumentKind as K

MIN_SCORE = 4.0

PROFILES: dict[K, list[tuple[str, float]]] = {
    K.REFERENCE_LETTER: [
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
    ],
    K.PAY_STUB: [
        (r"earnings statement|pay ?stub|pay statement|statement of earnings|pay slip|payslip|paycheque stub", 5),
        (r"relev[ée] de paie|talon de paie|bulletin de paie|fiche de paie|d[ée]tail de la paie", 5),
        (r"\bpay period\b|p[ée]riode de paie", 3),
        (r"\bpay date\b|\bdate de (?:paie|paiement)\b|\bcheque date\b|\bdeposit date\b", 2),
        (r"\bnet pay\b|\bsalaire net\b|\bnet à payer\b|\bpaie nette\b", 3),
        (r"\bgross (?:pay|earnings)\b|\bsalaire brut\b|\bgains bruts\b", 2),
        (r"\bytd\b|year to date|\bcumul(?:atif)?\b|depuis le d[ée]but de l[’']ann[ée]e", 2),
        (r"\bdeductions\b|\bretenues\b|\bd[ée]ductions\b", 1),
        (r"\bperiod (?:beginning|ending|start|end)\b", 2),
        (r"non-negotiable|non n[ée]gociable", 1),
    ],
    K.WORK_PERMIT: [
        (r"work permit|permis de travail", 3),
        (r"imm ?1442", 4),
        (r"\bUCI\b|\bIUC\b|client id", 2),
        (r"immigration,? refugees and citizenship|immigration,? r[ée]fugi[ée]s et citoyennet[ée]", 3),
        (r"not (?:valid|authorized) (?:for|to work)", 2),
        (r"expiry date|date d[’']expiration", 1),
        (r"permit (?:no|number)|no de permis|num[ée]ro de permis", 2),
        (r"\bcase type\b|type de cas", 1),
    ],
    K.T4: [
        (r"statement of remuneration paid|[ée]tat de la r[ée]mun[ée]ration pay[ée]e", 6),
        (r"\bT4\b", 2),
        (r"employment income|revenus d[’']emploi", 2),
        (r"province of employment|province d[’']emploi", 2),
        (r"pensionable earnings|gains ouvrant droit", 1.5),
        (r"EI insurable earnings|gains assurables", 1.5),
        (r"employer'?s account number|num[ée]ro de compte de l[’']employeur", 1),
    ],
    K.NOA: [
        (r"notice of (?:re)?assessment|avis de (?:nouvelle )?cotisation", 6),
        (r"we (?:re)?assessed your|nous avons (?:établi|traité)", 3),
        (r"\b(?:15000|150)\b.{0,40}total income|revenu total", 2),
        (r"\bnet income\b|revenu net", 1),
        (r"taxable income|revenu imposable", 1),
        (r"RRSP deduction limit|plafond de d[ée]duction", 2),
        (r"\bT451\b", 2),
        (r"canada revenue agency|agence du revenu du canada", 1),
    ],
    K.EMPLOYMENT_CONTRACT: [
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
    ],
}
