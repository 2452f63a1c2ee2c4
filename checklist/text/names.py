"""Companies and people as documents name them: legal forms, honorifics, post-nominal letters."""

from __future__ import annotations

import re

from checklist.text.normalize import clean_value, words
from checklist.text.view import Line

LEGAL_FORM = r"(?:Inc|Ltd|Ltée|Ltee|Limited|Limitée|Corp|Corporation|LLP|LP|LLC|ULC|Co-op|Co-operative|Coop|Co|S\.E\.N\.C\.(?:R\.L\.)?|s\.e\.n\.c\.|Enr|enr|inc|ltée|INC|LTD|LTÉE|LTEE|LIMITED|CORP|CORPORATION)\.?"
_NAME_WORD = r"(?:[A-ZÀ-Ý0-9&][\w&'’.\-À-ÿ]*|de|du|des|la|le|et|and|of|the)"
COMPANY_RE = re.compile(rf"\b((?:[A-ZÀ-Ý0-9][\w&'’.\-À-ÿ]*)(?:[ ,]+{_NAME_WORD}){{0,6}}?,?\s+{LEGAL_FORM})(?![\w])")
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dre|Madame|Monsieur|Mme|Mlle|Me|Pr|M)\.?"
_EXTENDED = "\u0100-\u024f\u1e00-\u1eff"  # Latin Extended-A and -B and Additional: ł, ś, ğ, ș, ơ, ư, ễ, ạ (Vietnamese)
CAPITAL = f"A-ZÀ-ÖØ-Ý{_EXTENDED}"
"""Letters a name may start with (the extended blocks mix capitals and small letters: a little lax)."""
_LETTER = f"A-Za-zà-ÿÀ-Ý{_EXTENDED}"
PERSON = rf"[{CAPITAL}][{_LETTER}'’\-]+(?:[ \-](?:[{CAPITAL}][{_LETTER}'’\-]+|de|da|dos|van|von|del|la|le|bin|al|[A-Z]\.)){{1,4}}"
POST_NOMINAL = re.compile(
    r"(?:,?\s+(?:R\.?Ph|D\.?M\.?V|CPA|CA|CGA|CMA|P\.?\s?Eng|ing|MD|M\.?D|Ph\.?D|CHRP|CPHR|CRHA|CHRL|MBA|RN|B\.?Sc|LL\.?B|Esq|Jr|Sr|II|III)\.?)+\s*$",
    re.IGNORECASE,
)


PLACE_TAIL = re.compile(
    r",\s*[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3},?\s+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\.?$"
)


def without_place(name: str) -> str:
    """An organisation's name without the city and province printed after it
    ("BRACKENFOLD CIVIL WORKS CORP., RED DEER, AB" -> "BRACKENFOLD CIVIL WORKS CORP.")."""
    return PLACE_TAIL.sub("", name).strip() or name


def clean_person(text: str) -> str:
    """A person's name without honorific or post-nominal letters ("Dre X Y, D.M.V." -> "X Y")."""
    text = clean_value(text)
    text = re.sub(rf"^{HONORIFIC}\s+", "", text)
    return POST_NOMINAL.sub("", text).strip(" ,")


PERSON_CAPS = rf"[{CAPITAL}][{CAPITAL}'’\-]+(?:[ \-][{CAPITAL}][{CAPITAL}'’\-]+){{1,3}}"
PERSON_RE = re.compile(rf"^(?:{HONORIFIC}\s+)?({PERSON}|{PERSON_CAPS})$")


def looks_like_person(text: str) -> bool:
    """A short run of 2-5 capitalised words with no digits: likely a person's name."""
    text = POST_NOMINAL.sub("", clean_value(text)).strip(" ,")
    if not PERSON_RE.match(text) or len(text) > 60:
        return False
    lowered = {w for w in words(text)}
    return not lowered & _NOT_NAME_WORDS


_NOT_NAME_WORDS = frozenset(
    "inc ltd corp limited street avenue road suite human resources department canada revenue agency "
    "employment verification to whom concern manager director officer sincerely regards pay stub "
    "statement earnings net gross total tax income the of and for with employer employee ressources "
    "humaines directrice directeur attestation emploi work permit notice assessment paie relevé releve bulletin "
    "période periode salaire brut cumul sommaire objet subject cheque date number group amount description "
    "hours rate bank account balance vacation deposit frequency department trail way drive lane crescent "
    "boulevard blvd court place road sw nw se ne".split()
)


def company_names(text: str) -> list[re.Match[str]]:
    """Names ending in a legal form ("Tallgrass Software Solutions Inc."), in order."""
    out = []
    for match in COMPANY_RE.finditer(text):
        name = match.group(1)
        if len(words(name)) >= 2 and not re.match(r"(?i)(?:the|this|with|at|by|of|our)\b", name):
            out.append(match)
    return out


def companies_by_line(lines: list[Line]) -> list[tuple[str, Line]]:
    """Company names found line by line (never joined across a line break)."""
    return [(tidy_company(match.group(1)), line) for line in lines for match in company_names(line.stripped)]


_CONNECTOR = re.compile(
    r"(?:^|\s)(?:[Ee]ntre|[Bb]etween|[Ff]or|[Pp]our|[Ff]rom|[Ww]ith|[Cc]hez|[Bb]y|[Pp]ar|[Aa]t|on\s+behalf\s+of|au\s+nom\s+de)\s+(?=[A-ZÀ-Ý0-9])"
)


def tidy_company(name: str) -> str:
    """A company name without the words around it that a pattern took in ("For X Inc.", "DURÉE ... Entre X inc.")."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    name = re.sub(
        r"(?i)^(?:employer|employeur|company|compagnie|entreprise|between|entre|from|de|to|à|name)\s*:?\s+(?=[A-ZÀ-Ý0-9])",
        "",
        name,
    )
    parts = _CONNECTOR.split(name)
    if len(parts) > 1 and len(words(parts[-1])) >= 2:
        name = parts[-1]
    return re.sub(r"\.\.+$", ".", name)
