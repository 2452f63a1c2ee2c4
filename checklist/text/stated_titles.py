"""How letters and contracts state a job title in prose ("employed as X", "à titre de X",
"was promoted to X"), and what a stated title is not (a schedule, a pronoun, a date)."""

from __future__ import annotations

import re

from checklist.text.dates import DATE_RE
from checklist.text.normalize import clean_value

# "à" ends a title before a place or a manner ("cuisinier à Montréal", "à temps plein") and belongs
# to it before its object ("préposé à l'entrepôt", "éducatrice à l'enfance", "cabane à sucre").
FR_AT = r"à(?!\s+(?:l[’']|la\s|(?!(?:temps|notre|nos|votre|compter|partir|titre|ce|cette|cet|un|une|son|sa|ses|leur|raison|date)\b)(?-i:[a-zà-ÿ])))"


TITLE_STOP = (
    r"(?=\s+(?:since|from|at|with|in|on|until|starting|effective|between|for|and|depuis|du|au\s+sein|chez|"
    + FR_AT
    + r"|dans|within|where|reporting|en\s+tant|de\s+(?:notre|la)|\(|-|–)\b|\s*[,.;(]|\s*$)"
)


TITLE_PATTERNS = [
    rf"\b(?:employed|works?|worked|working|hired|serv(?:es|ed|ing)|engaged|joined|appointed|re-?hired|contracted|retained)\b[^.]{{0,80}}?\bas\s+(?:an?\s+|the\s+|our\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\bin\s+the\s+(?:capacity|role|position)\s+of\s+(?:an?\s+|the\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    (
        r"\b(?:à\s+titre\s+d[e'’]|en\s+qualité\s+d[e'’]|au\s+poste\s+d[e'’])\s*(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{2,60}?)"
        r"(?=\s+(?:depuis|du|au\s+sein|chez|"
        + FR_AT
        + r"|dans|pour|et|entre|de\s+(?:notre|l[’']entreprise)|en\s+(?:date|poste))\b|\s*[,.;(]|\s*$)"
    ),
    rf"\b(?:position|role|title|job)\s+(?:of|as)\s+(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\b(?:poste|fonction|titre)\s+d[e'’]\s*(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\b(?:occupe|occupait|a\s+occupé|exerce)\s+(?:le\s+poste|la\s+fonction)?\s*(?:de|d['’])\s*([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\bas\s+(?:an?\s+)([A-Z][\w/&'’\-À-ÿ]*(?:\s+[A-Z&][\w/&'’\-À-ÿ]*){{0,5}}){TITLE_STOP}",
]


# The title a promotion or a later position gave: "was promoted to X", "puis celui de X".
CURRENT_TITLE = (
    r"(?i)\b(?:(?:was\s+)?promoted\s+to|(?:currently|now)\s+(?:holds?|occupies|serves?\s+as|works?\s+as)|"
    r"puis\s+(?:celui|le\s+poste)\s+de|(?:a\s+été\s+)?promue?(?:\s+(?:au\s+poste\s+de|à\s+titre\s+de|comme))?|"
    r"occupe\s+(?:actuellement|maintenant|présentement)\s+le\s+poste\s+de)"
    r"(?:\s+the\s+(?:position|role|title)\s+of)?\s+(?:an?\s+|the\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{2,60}?)"
    r"(?=\s+(?:since|from|at|with|in|on|until|effective|depuis|du|au\s+sein|chez|"
    + FR_AT
    + r"|dans|qu[’'e])\b|\s*[,.;(]|\s*$)"
)


NOT_TITLE = re.compile(
    r"(?i)^(?:follows|full[- ]time|part[- ]time|permanent|temporary|an? employee|employee|our employee|a member|needed|required|of|per|soon|well|such|much|long|well as)\b|^(?-i:it|they|we|he|she|you|i)\b"
)


LEADING_DETERMINER = re.compile(r"(?i)^(?:(?:our|my|his|her|their|the|an?|notre|son|sa|un|une|le|la)\s+|l[’'])")


def title_value(text: str) -> str | None:
    title = clean_value(
        re.sub(r"(?i)\b(?:on\s+a\s+)?(?:full|part)[- ]time\b|\b(?:permanent|temporary|contract)\b", "", text)
    )
    if title:  # "works as our Logistics Coordinator": the determiner is the letter's, not the title's
        title = clean_value(LEADING_DETERMINER.sub("", title))
    if (
        not title
        or NOT_TITLE.match(title)
        or len(title.split()) > 7
        or DATE_RE.search(title)
        or re.search(r"\d{3}", title)
    ):
        return None
    return title
