"""Phrases several parts of a letter's reading share: a current job, a present end, a closing line,
and abbreviations whose period ends no sentence."""

from __future__ import annotations

import re

CURRENT_RE = re.compile(
    r"(?i)\b(?:currently|presently|continues?\s+to|is\s+(?:still\s+)?employed|remains?\s+employed|to\s+(?:the\s+)?present|to\s+date|until\s+(?:today|now)|to\s+this\s+day|is\s+still|still\s+(?:works|employed|part\s+of|with\s+us)|remains\s+(?:with|on|an?|our)|occupe\s+toujours|est\s+toujours|"
    r"till\s+date|present\b|ongoing|\b(?:has|have)\s+(?:been\s+)?(?:work|employ|serv)\w*\b[^.]{0,150}?\bsince\b|\bdepuis\s+(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}|à\s+ce\s+jour|actuellement|toujours\s+à\s+notre\s+emploi|remains?\s+in\s+our\s+employ|still\s+in\s+our\s+employ|est\s+à\s+notre\s+(?:emploi|service)\s+depuis|jusqu[’']à\s+présent|occupe\s+(?:le\s+poste|depuis)|en\s+poste\s+depuis)"
)


PRESENT_WORD = re.compile(
    r"(?i)^(?:present|current|now|to\s+date|ongoing|à\s+ce\s+jour|aujourd[’']hui|en\s+cours|actuel(?:lement)?|présent|-|—|–|n/?a)$"
)


CLOSING_RE = re.compile(
    r"(?i)^(?:authori[sz]ed\s+by|issued\s+by|signed\s+by|certified\s+by|sincerely|yours\s+(?:truly|sincerely|faithfully)|regards|best\s+regards|kind\s+regards|warm\s+regards|respectfully|cordially|"
    r"veuillez\s+agréer|recevez|cordialement|salutations|bien\s+à\s+vous|meilleures\s+salutations|with\s+regards|thank\s+you|"
    r"fait\s+à|pour\s+servir\s+et\s+valoir|en\s+foi\s+de\s+quoi|sign[ée]e?\s+à|issued\s+(?:this|at|on)|dated\s+(?:this|at)|for\s+and\s+on\s+behalf|authori[sz]ed\s+signatory)\b"
)


ABBREVIATION = re.compile(r"\b(Inc|Ltd|Corp|Co|Ltée|Ltee|inc|ltée|Mr|Mrs|Ms|Dr|St|Ave|Mme|No|approx|Sr|Jr)\.")
