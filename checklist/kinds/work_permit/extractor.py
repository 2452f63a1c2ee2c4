"""Work permits (IMM 1442 and look-alikes): holder, numbers, validity (read as
every IMM 1442 is, see `checklist.kinds.imm1442`), the employer and
occupation conditions of an employer-specific permit, the printed conditions
and what they mean for the work: occupation restrictions, a co-op permit tied
to studies, a permit issued to a refugee claimant.

The permit type is what the document says: "open" only when it says so (an
open work permit, the employer "unspecified"/"open", a post-graduation or
open case type with no employer condition), "employer_specific" when it
names an employer or an LMIA, and unknown (None) otherwise.
"""

from __future__ import annotations

import re

from checklist.kinds import imm1442
from checklist.kinds.collector import Collector
from checklist.text.names import without_place
from checklist.text.normalize import clean_value
from checklist.text.view import Hit, TextView

NOC_RE = re.compile(r"(?i)\b(?:NOC|CNP)\s*(?:2021)?\s*[:#]?\s*(\d{4,5})\b")
OPEN_WORDS = re.compile(
    r"(?i)^(?:[o0]pen|[qo]pen|ouvert|unspecified|non\s+spécifié|non\s+pr[ée]cis[ée]e?|any|n/?a|none|aucun)(?:\s*/\s*.*)?$"
)
NOC_LABEL = re.compile(r"(?i)^(?:NOC|CNP)\b(?:\s*/\s*CNP)?\s*:?$")
CASE_TYPE_LABEL = re.compile(
    r"(?i)^(?:case\s+type|genre\s+de\s+cas|type\s+de\s+cas)\b(?:\s*/\s*(?:genre|type)\s+de\s+cas)?\s*:?"
)
OPEN_CASE_TYPES = {"54", "56", "58"}  # open (54), post-graduation (56), International Experience Canada (58)

EMPLOYER_CONDITION = re.compile(
    r"(?i)not\s+authori[sz]ed\s+to\s+work\s+for\s+any\s+employer\s+other|employer[- ]specific"
    r"|n[’']est\s+pas\s+autoris[ée]e?\s+à\s+travailler\s+pour\s+(?:un\s+autre|tout\s+autre|aucun\s+autre)\s+employeur"
    r"|non\s+autoris[ée]e?\s+à\s+travailler\s+pour\s+(?:un\s+autre|tout\s+autre)\s+employeur"
)
LMIA_NUMBER = re.compile(
    r"(?i)\b(?:LMIA|EIMT)\b(?!\s*[- ]?(?:exempt|exempted|dispens))\s*(?:/\s*(?:LMIA|EIMT)\s*)?(?:no\.?|number|num[ée]ro|#)?\s*:?\s*\d{6,8}\b"
)
OPEN_STATED = re.compile(
    r"(?i)open\s+work\s+permit|permis\s+de\s+travail\s+ouvert|post[- ]?graduation\s+work\s+permit|\bPGWP\b"
    r"|permis\s+de\s+travail\s+post[- ]?dipl[ôo]me|bridging\s+open|spousal\s+open|working\s+holiday|vacances[- ]travail"
)

# The occupations an open permit excludes without a medical exam (English and French wordings).
RESTRICTION_WORDS: dict[str, re.Pattern[str]] = {
    "health_services": re.compile(
        r"(?i)health[- ]?(?:care\s+)?services?|health\s+(?:care\s+)?(?:field|sector|occupation)|services?\s+de\s+sant[ée]|soins\s+de\s+sant[ée]|secteur\s+de\s+la\s+sant[ée]"
    ),
    "child_care": re.compile(
        r"(?i)child[- ]?care|care\s+of\s+children|garde\s+d['’]\s?enfants|soins?\s+aux\s+enfants|services\s+de\s+garde"
    ),
    "teaching": re.compile(
        r"(?i)(?:primary|elementary|secondary)\s+(?:or\s+(?:primary|secondary)\s+)?school\s+teach|school\s+teach|teaching|enseignement|enseignant"
    ),
}
NOT_AUTHORIZED = re.compile(
    r"(?i)\bnot\s+(?:authori[sz]ed|valid|permitted)|\bprohibited|must\s+not|\bn['’]est\s+pas\s+(?:autoris|valide)|\bnon\s+autoris|\binterdit|\bne\s+(?:peut|doit)\s+pas"
)
COOP = re.compile(
    r"(?i)\bco-?op(?:erative)?\b|\binternship|\bintern\b|\bpracticum|(?:integral|essential)\s+part\s+of\s+(?:the|a|their|his|her|your)?\s*(?:academic\s+)?program"
    r"|work\s+(?:placement|term)\s+(?:is\s+)?(?:required|part)|partie\s+int[ée]grante\s+(?:du|d['’]un)\s+programme|\bstages?\s+(?:coop[ée]ratif|obligatoire|en\s+milieu)"
    r"|programme\s+coop[ée]ratif|\bR?\s?205\s*\(\s*c\s*\)\s*\(\s*ii\s*\)"
)
REFUGEE = re.compile(
    r"(?i)refugee\s+(?:protection\s+)?claimant|asylum\s+(?:seeker|claimant)|demandeur(?:esse)?\s+d['’]asile|demande\s+d['’]asile"
    r"|\bR\s?206\b|refugee\s+claim\b|claimant\s+for\s+refugee"
)


def extract_permit(view: TextView) -> Collector:
    out = Collector()
    blocks = imm1442.read_identity(view, out)
    conditions, where = imm1442.read_conditions(view)
    out.set("conditions", conditions, where)
    remarks = imm1442.read_remarks(view)
    open_employer = _employer_and_occupation(view, out, blocks)
    _permit_type(view, out, conditions, open_employer)
    _restrictions(view, out, conditions)
    stated = " ".join([*conditions, remarks])
    read = bool(conditions or remarks)
    _flag(out, "coop", COOP, stated, view, read)
    _flag(out, "refugee_claimant", REFUGEE, f"{stated} {view.prose()}", view, read)
    return out


def _text_value(text: str) -> str | None:
    text = clean_value(text)
    if not text or re.match(r"(?i)^(?:/|conditions?\b)", text) or not re.search(r"[A-Za-zÀ-ÿ]{2}", text):
        return None  # a smudge OCR read as marks is no employer
    return text


def _employer_and_occupation(view: TextView, out: Collector, blocks: dict[str, Hit]) -> Hit | None:
    """Employer, occupation and NOC conditions; returns the employer cell when it reads "open"/"unspecified"."""
    employer = blocks.get("employer") or view.labelled(
        imm1442.EMPLOYER_LABEL, _text_value, below=1, skip=imm1442.ANY_LABEL
    )
    occupation = blocks.get("occupation") or view.labelled(
        imm1442.OCCUPATION_LABEL, _text_value, below=1, skip=imm1442.ANY_LABEL
    )
    noc_label = view.labelled(NOC_LABEL, lambda t: t if re.fullmatch(r"\d{5}", t.strip()) else None, below=1)
    if noc_label:
        out.set("noc_code", str(noc_label.value).strip(), noc_label)
    open_employer = None
    if employer:
        value = str(employer.value)
        if OPEN_WORDS.match(value):
            open_employer = employer
        else:
            out.set("employer", without_place(value), employer)
    if occupation:
        value = str(occupation.value)
        noc = NOC_RE.search(value)
        if noc:
            out.set("noc_code", noc.group(1), occupation)
        title = clean_value(NOC_RE.sub("", value).replace("()", ""))
        if title and not OPEN_WORDS.match(title):
            out.set("occupation", title.strip("() "), occupation)
    if "noc_code" not in out.values and ("employer" in out.values or EMPLOYER_CONDITION.search(view.prose())):
        noc = NOC_RE.search(view.prose())
        if noc:
            out.set("noc_code", noc.group(1), view.lines[0] if view.lines else None, snippet=noc.group(0))
    return open_employer


def _permit_type(view: TextView, out: Collector, conditions: list[str], open_employer: Hit | None) -> None:
    text = view.prose()
    first = view.lines[0] if view.lines else None
    if "employer" in out.values:
        out.set("permit_type", "employer_specific", first, snippet=out.sources["employer"].snippet)
        return
    condition = EMPLOYER_CONDITION.search(" ".join(conditions)) or EMPLOYER_CONDITION.search(text)
    if condition:
        out.set("permit_type", "employer_specific", first, snippet=condition.group(0))
        return
    if open_employer is not None:
        out.set("permit_type", "open", open_employer)
        return
    stated = OPEN_STATED.search(text)
    if stated:
        out.set("permit_type", "open", first, snippet=stated.group(0))
        return
    lmia = LMIA_NUMBER.search(text)
    if lmia:
        out.set("permit_type", "employer_specific", first, snippet=lmia.group(0))
        return
    case_type = view.labelled(
        CASE_TYPE_LABEL, lambda t: t.strip() if re.fullmatch(r"\d{2}", t.strip()) else None, below=1
    )
    if case_type and str(case_type.value) in OPEN_CASE_TYPES:
        out.set("permit_type", "open", case_type)


def _restrictions(view: TextView, out: Collector, conditions: list[str]) -> None:
    """Occupations a condition excludes: read from the conditions (or, when OCR lost them, any such sentence)."""
    sentences = conditions or re.split(r"(?<=[.;])\s+", view.prose())
    found: list[str] = []
    where = None
    for sentence in sentences:
        if not NOT_AUTHORIZED.search(sentence):
            continue
        for name, pattern in RESTRICTION_WORDS.items():
            if pattern.search(sentence) and name not in found:
                found.append(name)
                where = where or sentence
    if found:
        ordered = [name for name in RESTRICTION_WORDS if name in found]
        line = view.find(re.compile(re.escape(" ".join(str(where).split()[:4]))))
        out.set("restrictions", ordered, line, snippet=str(where))


def _flag(out: Collector, name: str, pattern: re.Pattern[str], text: str, view: TextView, read: bool) -> None:
    """True when the printed conditions or remarks say so; false when they were read and do not; else unknown."""
    match = pattern.search(text)
    if match:
        out.set(name, True, view.find(re.compile(re.escape(match.group(0)), re.IGNORECASE)), snippet=match.group(0))
    elif read:
        out.set(name, False, None, snippet="not stated in the conditions or remarks")
