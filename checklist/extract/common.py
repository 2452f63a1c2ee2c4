"""Pieces several extractors share: a field collector with provenance,
patterns for companies, people, contacts and addresses, and language."""

from __future__ import annotations

import re
from typing import Any

from checklist.extract.lines import Hit, Line, TextView
from checklist.extract.normalize import clean_value, strip_accents, words
from checklist.models.fields import FieldSource


class Collector:
    """Field values with where each came from; the first value set wins."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.sources: dict[str, FieldSource] = {}

    def set(self, name: str, value: Any, where: Hit | Line | None, snippet: str | None = None) -> None:
        if value is None or value == [] or name in self.values:
            return
        self.values[name] = value
        line = where.line if isinstance(where, Hit) else where
        text = snippet or (where.snippet if isinstance(where, Hit) else line.stripped if line else "")
        self.sources[name] = FieldSource(
            page=line.page if line else None,
            snippet=text[:300],
            method=line.method if line else None,
        )


LEGAL_FORM = r"(?:Inc|Ltd|Ltée|Ltee|Limited|Limitée|Corp|Corporation|LLP|LP|LLC|ULC|Co|S\.E\.N\.C\.(?:R\.L\.)?|s\.e\.n\.c\.|Enr|inc|ltée|INC|LTD|LTÉE|LTEE|LIMITED|CORP|CORPORATION)\.?"
_NAME_WORD = r"(?:[A-ZÀ-Ý0-9&][\w&'’.\-À-ÿ]*|de|du|des|la|le|et|and|of|the)"
COMPANY_RE = re.compile(
    rf"\b((?:[A-ZÀ-Ý0-9][\w&'’.\-À-ÿ]*)(?:[ ,]+{_NAME_WORD}){{0,6}}?,?\s+{LEGAL_FORM})(?![\w])"
)
EMAIL_RE = re.compile(r"[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)+")  # OCR may put spaces around the @
PHONE_RE = re.compile(r"(?<![\d\w])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:ext\.?|x|poste)\s*\d+)?(?!\d)")
POSTAL_RE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.IGNORECASE)
STREET_RE = re.compile(
    r"\b\d{1,6}[A-Za-z]?(?:-\d+)?,?\s+(?:[\wÀ-ÿ'’.-]+\s+){0,5}?"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|way|crescent|cres|lane|ln|place|pl|court|ct"
    r"|parkway|pkwy|highway|hwy|square|sq|terrace|trail|circle|row|gate|line|quay|wharf|plaza"
    r"|rue|chemin|ch|route|rang|côte|cote|montée|allée|promenade|carré|esplanade)\b\.?"
    r"|\b\d{1,6},?\s+(?:rue|avenue|boulevard|boul|chemin|route|place|côte|rang|montée|allée)\b",
    re.IGNORECASE,
)
PROVINCES = {
    "AB": "alberta", "BC": "british columbia", "MB": "manitoba", "NB": "new brunswick",
    "NL": "newfoundland and labrador", "NS": "nova scotia", "NT": "northwest territories",
    "NU": "nunavut", "ON": "ontario", "PE": "prince edward island", "QC": "quebec",
    "SK": "saskatchewan", "YT": "yukon",
}
PROVINCE_RE = re.compile(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Qu[ée]bec|Ontario|Alberta|Manitoba)\b")
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.ca", "live.com", "live.ca",
    "msn.com", "yahoo.com", "yahoo.ca", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
    "protonmail.com", "proton.me", "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.com",
    "sympatico.ca", "videotron.ca", "shaw.ca", "rogers.com", "telus.net", "bell.net",
})
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dre|Madame|Monsieur|Mme|Mlle|Me|Pr|M)\.?"
PERSON = r"[A-ZÀ-Ý][A-Za-zà-ÿÀ-Ý'’\-]+(?:[ \-](?:[A-ZÀ-Ý][A-Za-zà-ÿÀ-Ý'’\-]+|de|da|dos|van|von|del|la|le|bin|al|[A-Z]\.)){1,4}"
POST_NOMINAL = re.compile(
    r"(?:,?\s+(?:R\.?Ph|D\.?M\.?V|CPA|CA|CGA|CMA|P\.?\s?Eng|ing|MD|M\.?D|Ph\.?D|CHRP|CPHR|CRHA|CHRL|MBA|RN|B\.?Sc|LL\.?B|Esq|Jr|Sr|II|III)\.?)+\s*$",
    re.IGNORECASE,
)


def clean_person(text: str) -> str:
    """A person's name without honorific or post-nominal letters ("Dre X Y, D.M.V." -> "X Y")."""
    text = clean_value(text)
    text = re.sub(rf"^{HONORIFIC}\s+", "", text)
    return POST_NOMINAL.sub("", text).strip(" ,")
PERSON_CAPS = r"[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+(?:[ \-][A-ZÀ-Ý][A-ZÀ-Ý'’\-]+){1,3}"
PERSON_RE = re.compile(rf"^(?:{HONORIFIC}\s+)?({PERSON}|{PERSON_CAPS})$")


def is_free_mail(email: str) -> bool:
    return email.split("@")[-1].lower() in FREE_MAIL


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


def tidy_company(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    name = re.sub(r"(?i)^(?:employer|employeur|company|compagnie|entreprise|between|entre|from|de|to|à|name)\s*:?\s+(?=[A-ZÀ-Ý0-9])", "", name)
    return re.sub(r"\.\.+$", ".", name)


_STOPWORDS = {
    "en": "the and of to is in for with as has was her his our this that she he be by on at are from".split(),
    "fr": "le la les de des du et est en pour avec au aux une un que qui son sa ses nous par dans sur".split(),
    "es": "el la los las de del y es en para con por una un que su sus nosotros trabaja como desde".split(),
    "pt": "o a os as de do da dos das e é em para com por uma um que seu sua nós trabalha como desde".split(),
    "de": "der die das und ist in für mit als hat war ihr sein wir von bei auf sind dem den".split(),
    "it": "il la lo gli le di del della e è in per con come una un che suo sua noi dal".split(),
}


def detect_language(text: str) -> str | None:
    """ISO code of the main language, from common short words; None when too little text."""
    tokens = re.findall(r"[a-zà-ÿ]+", text.lower())
    if len(tokens) < 12:
        return None
    scores = {lang: sum(1 for token in tokens if token in set(vocab)) for lang, vocab in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 3 else None


def find_address(view: TextView, lines: list[Line]) -> tuple[str, Line] | None:
    """A street address (with its city line when separate) among the given lines."""
    for line in lines:
        for cell in line.cells:
            for part in re.split(r"\s*[|•·]\s*|\s+[—–]\s+", cell.text):
                match = STREET_RE.search(part)
                if not match or EMAIL_RE.search(part):
                    continue
                address = clean_value(part[match.start():])
                address = re.split(r"(?i)\s+(?:tel|t|phone|téléphone|fax|email|e-mail|courriel)\b[.:]?\s", address)[0]
                if not POSTAL_RE.search(address) and not PROVINCE_RE.search(address):
                    city = _city_line(view, line, cell)
                    if city:
                        address = f"{address}, {city}"
                return clean_value(address), line
    return None


def _city_line(view: TextView, line: Line, cell: object) -> str | None:
    for _, below in view.column_below(line, cell, rows=2):  # type: ignore[arg-type]
        if POSTAL_RE.search(below.text) or PROVINCE_RE.search(below.text):
            return clean_value(re.split(r"\s*[|•·]\s*", below.text)[0])
    same = line.cells
    for other in same:
        if other is not cell and POSTAL_RE.search(other.text):
            return clean_value(other.text)
    return None


def strip_accent_lower(text: str) -> str:
    return strip_accents(text).lower()
