"""Work permits (IMM 1442 and look-alikes): holder, numbers, validity, and the
employer and occupation conditions of an employer-specific permit."""

from __future__ import annotations

import re

from checklist.extract.common import Collector
from checklist.extract.lines import TextView
from checklist.extract.normalize import clean_value, find_dates

UCI_RE = re.compile(r"\b(\d{4}[- ]?\d{4}|\d{2}[- ]?\d{4}[- ]?\d{4})\b")
PERMIT_RE = re.compile(r"\b([A-Z][ -]?\d{9,10})\b")
NOC_RE = re.compile(r"(?i)\b(?:NOC|CNP)\s*(?:2021)?\s*[:#]?\s*(\d{4,5})\b")
OPEN_WORDS = re.compile(r"(?i)^(?:open|ouvert|unspecified|non\s+spécifié|non\s+precise|any|n/?a|none|aucun|-+|—)$")
LABELS = {
    "uci": re.compile(r"(?i)^(?:UCI|IUC|client\s+ID|ID\s+client|unique\s+client\s+identifier)\b\s*(?:/\s*IUC)?\s*(?:no\.?)?\s*:?"),
    "permit_number": re.compile(r"(?i)^(?:permit\s+(?:no\.?|number|#)|document\s+(?:no\.?|number)|no\.?\s+de\s+permis|num[ée]ro\s+(?:de\s+)?(?:permis|document)|file\s+(?:no|number))\s*:?"),
    "issue_date": re.compile(r"(?i)^(?:date\s+(?:issued|of\s+issue)|issue\s+date|issued(?:\s+on)?|date\s+de\s+(?:délivrance|delivrance)|délivré\s+le)\s*:?"),
    "expiry_date": re.compile(r"(?i)^(?:expiry\s+date|date\s+of\s+expiry|expiration\s+date|expires?(?:\s+on)?|valid\s+until|date\s+d[’']expiration|expire\s+le|valide\s+jusqu[’']au)\s*:?"),
    "family": re.compile(r"(?i)^(?:family\s+name|surname|last\s+name|nom\s+de\s+famille|nom)\s*:?$"),
    "given": re.compile(r"(?i)^(?:given\s+name\(?s?\)?|first\s+name|prénom\(?s?\)?)\s*:?$"),
    "holder": re.compile(r"(?i)^(?:name|holder|name\s+of\s+holder|nom\s+du\s+titulaire)\s*:"),
    "employer": re.compile(r"(?i)^(?:employer|employeur|name\s+of\s+employer)\s*:?"),
    "occupation": re.compile(r"(?i)^(?:occupation|profession|emploi)\s*:?"),
}
SPECIFIC_RE = re.compile(r"(?i)not\s+authorized\s+to\s+work\s+for\s+any\s+employer\s+other|employer[- ]specific|n[’']est\s+pas\s+autorisé\s+à\s+travailler\s+pour\s+un\s+autre\s+employeur|LMIA|EIMT")
OPEN_RE = re.compile(r"(?i)open\s+work\s+permit|post[- ]graduation|PGWP|permis\s+de\s+travail\s+ouvert|spousal\s+open|bridging")


def extract_permit(view: TextView) -> Collector:
    out = Collector()
    for key in ("uci", "permit_number"):
        pattern = UCI_RE if key == "uci" else PERMIT_RE
        hit = view.labelled(LABELS[key], lambda t, p=pattern: _first(p, t), below=2)
        if hit:
            out.set(key, hit.value, hit)
    if "permit_number" not in out.values:
        hit = view.find(PERMIT_RE)
        if hit:
            out.set("permit_number", _first(PERMIT_RE, hit.snippet), hit)
    for key in ("issue_date", "expiry_date"):
        hit = view.labelled(LABELS[key], _date_cell, below=2)
        if hit:
            out.set(key, hit.value, hit)
    _holder(view, out)
    _conditions(view, out)
    return out


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return re.sub(r"[ ]", "", match.group(1)) if match else None


def _date_cell(text: str) -> object | None:
    dates = find_dates(text)
    return dates[0].value if dates and len(text.split()) <= 6 else None


def _name_cell(text: str) -> str | None:
    text = clean_value(text)
    if not text or re.search(r"\d", text) or len(text.split()) > 4:
        return None
    if re.match(r"(?i)^(?:nom|prénom|given|family|sex|sexe|date)", text):
        return None
    return text


def _holder(view: TextView, out: Collector) -> None:
    family = view.labelled(LABELS["family"], _name_cell, below=1)
    given = view.labelled(LABELS["given"], _name_cell, below=1)
    if family and given:
        name = f"{str(given.value).title()} {str(family.value).title()}"
        out.set("holder_name", name, family, snippet=f"{given.snippet} / {family.snippet}")
        return
    hit = view.labelled(LABELS["holder"], _name_cell, below=1)
    if hit:
        out.set("holder_name", str(hit.value).title(), hit)


def _conditions(view: TextView, out: Collector) -> None:
    employer = view.labelled(LABELS["employer"], lambda t: clean_value(t) or None, below=0)
    occupation = view.labelled(LABELS["occupation"], lambda t: clean_value(t) or None, below=0)
    text = view.prose()
    specific = bool(SPECIFIC_RE.search(text))
    employer_value = str(employer.value) if employer else ""
    if employer and not OPEN_WORDS.match(employer_value):
        out.set("employer", employer_value, employer)
        specific = True
    if occupation:
        value = str(occupation.value)
        noc = NOC_RE.search(value)
        if noc:
            out.set("noc_code", noc.group(1), occupation)
        title = clean_value(NOC_RE.sub("", value).replace("()", ""))
        if title and not OPEN_WORDS.match(title):
            out.set("occupation", title.strip("() "), occupation)
    if "noc_code" not in out.values:
        noc = NOC_RE.search(text)
        if noc and specific:
            out.set("noc_code", noc.group(1), view.lines[0] if view.lines else None, snippet=noc.group(0))
    if specific or (employer and not OPEN_WORDS.match(employer_value)):
        out.set("permit_type", "employer_specific", employer or (view.lines[0] if view.lines else None))
    elif (employer and OPEN_WORDS.match(employer_value)) or OPEN_RE.search(text):
        out.set("permit_type", "open", employer or (view.lines[0] if view.lines else None))
