"""Emails, phones, postal codes, street addresses and provinces, and free-mail providers."""

from __future__ import annotations

import re

from checklist.text.normalize import clean_value, strip_accents
from checklist.text.view import Line, TextView

EMAIL_RE = re.compile(r"[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)+")  # OCR may put spaces around the @
PHONE_RE = re.compile(
    r"(?<![\d\w])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:ext\.?|x|poste)\s*\d+)?(?!\d)"
)
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
    "AB": "alberta",
    "BC": "british columbia",
    "MB": "manitoba",
    "NB": "new brunswick",
    "NL": "newfoundland and labrador",
    "NS": "nova scotia",
    "NT": "northwest territories",
    "NU": "nunavut",
    "ON": "ontario",
    "PE": "prince edward island",
    "QC": "quebec",
    "SK": "saskatchewan",
    "YT": "yukon",
}
PROVINCE_RE = re.compile(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Qu[ée]bec|Ontario|Alberta|Manitoba)\b")
FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.ca",
        "live.com",
        "live.ca",
        "msn.com",
        "yahoo.com",
        "yahoo.ca",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "gmx.net",
        "mail.com",
        "zoho.com",
        "yandex.com",
        "sympatico.ca",
        "videotron.ca",
        "shaw.ca",
        "rogers.com",
        "telus.net",
        "bell.net",
    }
)


def is_free_mail(email: str) -> bool:
    return email.split("@")[-1].lower() in FREE_MAIL


def find_address(view: TextView, lines: list[Line]) -> tuple[str, Line] | None:
    """A street address (with its city line when separate) among the given lines."""
    for line in lines:
        for cell in line.cells:
            for part in re.split(r"\s*[|•·]\s*|\s+[—–]\s+", cell.text):
                match = STREET_RE.search(part)
                if not match or EMAIL_RE.search(part):
                    continue
                address = clean_value(part[match.start() :])
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


DOMAIN_RE = re.compile(r"(?i)(?:@ ?|\bwww\.)([a-z0-9][a-z0-9-]*)\.")


def domain_labels(text: str) -> list[str]:
    """The organisation's part of each e-mail address and web address ("hr@cvplastics.example" ->
    "cvplastics"), free mail services left out."""
    free = {domain.split(".")[0] for domain in FREE_MAIL}
    labels = (m.group(1).lower() for m in DOMAIN_RE.finditer(text))
    return [label.replace("-", "") for label in labels if label not in free]


def spelled_by_domain(words: list[str], domain: str) -> set[int]:
    """Which of a name's words a domain spells, each whole or by its initial, in order
    ("Credit Valley Precision Plastics", "cvplastics" -> {0, 1, 3}); empty when it spells none of them so."""
    folded = [strip_accents(w).lower().replace("-", "").replace("'", "") for w in words]
    pattern = "".join(f"(?P<w{i}>{re.escape(w)}|{re.escape(w[:1])})?" for i, w in enumerate(folded) if w)
    match = re.fullmatch(pattern, domain) if pattern else None
    if not match:
        return set()
    return {int(name[1:]) for name, value in match.groupdict().items() if value}
