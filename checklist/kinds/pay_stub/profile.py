"""Keyword profile of a pay stub: (pattern, weight) pairs, English and French.

Titles a document prints about itself weigh most; words any kind may use weigh little."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
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
)
