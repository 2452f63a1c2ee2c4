"""Work permits (IMM 1442 and look-alikes): holder, numbers, validity, and the
employer and occupation conditions of an employer-specific permit."""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.text.dates import find_dates
from checklist.text.normalize import clean_value
from checklist.text.view import TextView

UCI_RE = re.compile(r"\b(\d{4}[- ]?\d{4}|\d{2}[- ]?\d{4}[- ]?\d{4})\b")
PERMIT_RE = re.compile(r"\b([A-Z][ -]?\d{9,10})\b")
NOC_RE = re.compile(r"(?i)\b(?:NOC|CNP)\s*(?:2021)?\s*[:#]?\s*(\d{4,5})\b")
OPEN_WORDS = re.compile(r"(?i)^(?:open|ouvert|unspecified|non\s+spécifié|non\s+pr[ée]cis[ée]e?|any|n/?a|none|aucun|-+|—)(?:\s*/\s*.*)?$")
LABELS = {
    "uci": re.compile(r"(?i)^(?:UCI|IUC|client\s+ID|ID\s+client|unique\s+client\s+identifier)\b\s*(?:/\s*IUC)?\s*(?:no\.?)?\s*:?"),
    "permit_number": re.compile(r"(?i)^(?:permit\s+(?:no\.?|number|#)|document\s+(?:no\.?|number)|no\.?\s+de\s+permis|num[ée]ro\s+(?:de\s+)?(?:permis|document))\s*:?"),
    "issue_date": re.compile(r"(?i)^(?:date\s+(?:issued|of\s+issue)|issue\s+date|issued(?:\s+on)?|date\s+de\s+(?:délivrance|delivrance)|délivré\s+le)\s*:?"),
    "expiry_date": re.compile(r"(?i)^(?:expiry\s+date|date\s+of\s+expiry|expiration\s+date|expires?(?:\s+on)?|valid\s+until|date\s+d[’']expiration|expire\s+le|valide\s+jusqu[’']au)\s*:?"),
    "family": re.compile(r"(?i)^(?:family\s+name|surname|last\s+name|nom\s+de\s+famille)\b"),
    "given": re.compile(r"(?i)^(?:given\s+name(?:\(s\)|s)?|first\s+name|prénom(?:\(s\)|s)?)"),
    "holder": re.compile(r"(?i)^(?:name|holder|name\s+of\s+holder|nom\s+du\s+titulaire)\b(?:\s*/\s*nom)?\s*:"),
    "employer": re.compile(r"(?i)^(?:employer|employeur|name\s+of\s+employer)\b"),
    "occupation": re.compile(r"(?i)^(?:occupation|profession)\b"),
    "noc": re.compile(r"(?i)^(?:NOC|CNP)\b(?:\s*/\s*CNP)?\s*:?$"),
}
# Any label of the form: never a value of another label.
ANY_LABEL = re.compile(
    r"(?i)^(?:UCI|IUC|client\s+id|permit\s+no|document\s+no|application\s+no|family\s+name|given\s+name|surname|"
    r"date\s+(?:of\s+birth|issued|de\s+naissance|de\s+délivrance)|expiry|sex\b|sexe|country|pays|employer|employeur|"
    r"occupation|profession|location|lieu|conditions|remarks|case\s+type|genre\s+de\s+cas|travel\s+doc|nom\b|prénom|"
    r"noc\b|cnp\b|valid\s+for|port\s+of)"
)
SPECIFIC_RE = re.compile(r"(?i)not\s+authorized\s+to\s+work\s+for\s+any\s+employer\s+other|employer[- ]specific|n[’']est\s+pas\s+autorisé\s+à\s+travailler\s+pour\s+un\s+autre\s+employeur|LMIA|EIMT")
OPEN_RE = re.compile(r"(?i)open\s+work\s+permit|post[- ]graduation|PGWP|permis\s+de\s+travail\s+ouvert|spousal\s+open|bridging")


def extract_permit(view: TextView) -> Collector:
    out = Collector()
    view.values_above = view.detect_values_above([
        (LABELS["issue_date"], _date_cell), (LABELS["expiry_date"], _date_cell),
        (LABELS["uci"], lambda t: _first(UCI_RE, t)), (LABELS["permit_number"], lambda t: _first(PERMIT_RE, t)),
    ])
    _from_block(view, out)
    for key in ("uci", "permit_number"):
        pattern = UCI_RE if key == "uci" else PERMIT_RE
        hit = view.labelled(LABELS[key], lambda t, p=pattern: _first(p, t), below=2, skip=ANY_LABEL)
        if hit:
            out.set(key, hit.value, hit)
    if "permit_number" not in out.values:
        _unlabelled_number(view, out)
    for key in ("issue_date", "expiry_date"):
        hit = view.labelled(LABELS[key], _date_cell, below=2, skip=ANY_LABEL)
        if hit:
            out.set(key, hit.value, hit)
    _holder(view, out)
    _conditions(view, out)
    return out


OTHER_NUMBERS = re.compile(r"(?i)application|file|dossier|demande|passport|passeport|travel\s+doc|LMIA|EIMT")


def _unlabelled_number(view: TextView, out: Collector) -> None:
    """The document number printed alone (top right on IMM 1442), not an application or file number."""
    for line in view.lines:
        for cell in line.cells:
            match = PERMIT_RE.search(cell.text)
            if match and not OTHER_NUMBERS.search(cell.text):
                out.set("permit_number", re.sub(r"[ -]", "", match.group(1)), line)
                return


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return re.sub(r"[ ]", "", match.group(1)) if match else None


def _text_value(text: str) -> str | None:
    text = clean_value(text)
    return text if text and not re.match(r"(?i)^(?:/|conditions?\b)", text) else None


def _date_cell(text: str) -> object | None:
    dates = find_dates(text)
    return dates[0].value if dates and len(text.split()) <= 6 else None


def _name_cell(text: str) -> str | None:
    text = clean_value(text)
    if not text or re.search(r"\d", text) or len(text.split()) > 5 or "/" in text:
        return None
    if re.match(r"(?i)^(?:nom|prénom|given|family|sex|sexe|date)", text):
        return None
    return text


def _from_block(view: TextView, out: Collector) -> None:
    """Labels printed as one block and values as the next: pair them in order."""
    block = view.block_values({k: LABELS[k] for k in ("permit_number", "uci", "family", "given", "issue_date", "expiry_date", "employer", "occupation")})
    parsers = {"permit_number": lambda t: _first(PERMIT_RE, t), "uci": lambda t: _first(UCI_RE, t),
               "issue_date": _date_cell, "expiry_date": _date_cell}
    for key, parse in parsers.items():
        if key in block and parse(str(block[key].value)) is not None:
            out.set(key, parse(str(block[key].value)), block[key])
    if "family" in block and "given" in block:
        out.set("holder_name", _person(f"{block['given'].value} {block['family'].value}"), block["family"])
    for key in ("employer", "occupation"):
        if key in block:
            view.block_hits = getattr(view, "block_hits", {}) | {key: block[key]}  # type: ignore[attr-defined]


def _person(text: str) -> str:
    return " ".join(word.capitalize() if word.isupper() else word for word in text.split())


def _holder(view: TextView, out: Collector) -> None:
    family = view.labelled(LABELS["family"], _name_cell, below=1, skip=ANY_LABEL)
    given = view.labelled(LABELS["given"], _name_cell, below=1, skip=ANY_LABEL)
    if family and given:
        name = _person(f"{given.value} {family.value}")
        out.set("holder_name", name, family, snippet=f"{given.snippet} / {family.snippet}")
        return
    hit = view.labelled(LABELS["holder"], _name_cell, below=1, skip=ANY_LABEL)
    if hit:
        value = str(hit.value)
        if "," in value:
            last, first = (part.strip() for part in value.split(",", 1))
            value = f"{first} {last}"
        out.set("holder_name", _person(value), hit)


def _conditions(view: TextView, out: Collector) -> None:
    blocks = getattr(view, "block_hits", {})
    employer = blocks.get("employer") or view.labelled(LABELS["employer"], _text_value, below=1, skip=ANY_LABEL)
    occupation = blocks.get("occupation") or view.labelled(LABELS["occupation"], _text_value, below=1, skip=ANY_LABEL)
    noc_label = view.labelled(LABELS["noc"], lambda t: t if re.fullmatch(r"\d{5}", t.strip()) else None, below=1)
    if noc_label:
        out.set("noc_code", str(noc_label.value).strip(), noc_label)
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
