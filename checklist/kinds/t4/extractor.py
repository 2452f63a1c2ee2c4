"""T4 slips: year, employer, employee, box 14 employment income and box 10 province.

Box labels are bilingual and a PDF text layer scatters them; values are
found next to or below their box label by position, and checked by shape.
"""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.text.contacts import PROVINCES
from checklist.text.money import find_numbers
from checklist.text.names import companies_by_line
from checklist.text.normalize import clean_value
from checklist.text.view import Hit, TextView, join_split_cents

AMOUNT_ONLY = re.compile(r"^\$?\s?-?\d{1,3}(?:[ ,\u00a0]?\d{3})*(?:[.,]\d{2})$")
LABELS = {
    "year": re.compile(r"(?i)^(?:year|année|tax\s+year|year\s*/\s*année)\b\s*(?:/\s*année)?\s*:?"),
    "employer": re.compile(r"(?i)employer['’]?s\s+name|nom\s+de\s+l[’']employeur|^employer\s*(?:/\s*employeur\s*)?:"),
    "box14": re.compile(r"(?i)^(?:box\s+|case\s+)?14\b|employment\s+income|revenus?\s+d[’']emploi"),
    "box10": re.compile(r"(?i)^(?:box\s+|case\s+)?10\b|province\s+of\s+employment|province\s+d[’']emploi"),
    "last": re.compile(r"(?i)last\s+name|nom\s+de\s+famille|surname"),
    "first": re.compile(r"(?i)first\s+name|prénom|given\s+name"),
    "employee": re.compile(
        r"(?i)employee['’]?s\s+name|nom\s+(?:et\s+adresse\s+)?de\s+l[’']employé|^employee\s*(?:/\s*employé(?:\(e\)|e)?\s*)?:"
    ),
}
PROVINCE_NAMES = {name: code for code, name in PROVINCES.items()} | {"québec": "QC", "zz": "ZZ", "us": "US"}


def extract_t4(view: TextView) -> Collector:
    out = Collector()
    view = join_split_cents(view)
    view.values_above = view.detect_values_above([(LABELS["box14"], _amount), (LABELS["year"], _year)])
    year = view.labelled(LABELS["year"], _year, below=2)
    if year:
        out.set("tax_year", year.value, year)
    else:
        match = view.find(re.compile(r"(?i)\bT4\b[^\n]{0,20}?\b(20\d\d|19\d\d)\b|\b(20\d\d)\b[^\n]{0,20}\bT4\b"))
        if match:
            out.set("tax_year", int(match.value.group(1) or match.value.group(2)), match)  # type: ignore[attr-defined]
    income = view.labelled(LABELS["box14"], _amount, below=3, whole_line=True)
    if income:
        out.set("employment_income", income.value, income)
    province = view.labelled(LABELS["box10"], _province, below=3, whole_line=True)
    if province:
        out.set("province", province.value, province)
    employer = view.labelled(LABELS["employer"], _employer_cell, below=2)
    if employer:
        out.set("employer_name", employer.value, employer)
    else:
        names = companies_by_line(view.lines)
        if names:
            out.set("employer_name", names[0][0], names[0][1])
    _employee(view, out)
    return out


def _year(text: str) -> int | None:
    match = re.fullmatch(r"(?:\D{0,12})?((?:19|20)\d\d)", text.strip())
    return int(match.group(1)) if match else None


def _amount(text: str) -> float | None:
    """An amount alone in its cell, or at the end of a box label ("14 Employment income 54,930.51")."""
    text = text.strip()
    tail = re.search(r"(?:^|\s)(\$?\s?\d{1,3}(?:[ ,\u00a0]?\d{3})*[.,]\d{2})$", text)
    if not AMOUNT_ONLY.match(text) and not (tail and not re.search(r"\d", text[: tail.start(1)])):
        return None
    text = tail.group(1) if tail else text
    numbers = find_numbers(text.replace("$", ""))
    return float(numbers[0].value) if numbers else None  # type: ignore[arg-type]


def _province(text: str) -> str | None:
    text = clean_value(text)
    tail = re.search(r"(?:^|\s)([A-Z]{2})$", text)
    if tail and not re.search(r"\d", text):
        text = tail.group(1)
    if text.upper() in PROVINCES or text.upper() in {"ZZ", "US"}:
        return text.upper()
    return PROVINCE_NAMES.get(text.lower())


FORM_WORDS = re.compile(r"(?i)^(?:t4|year|année|statement|état|box|case|amount|montant|protected|protégé)\b")
# The slip's other box labels, printed beside the employer's name box on CRA's layout: never a name.
BOX_LABEL = re.compile(
    r"(?i)\b(?:province\s+(?:of|d[’'])\s*emploi|province\s+of\s+employment|social\s+insurance|assurance\s+sociale"
    r"|employment\s+income|revenus?\s+d[’']emploi|income\s+tax|impôt|contributions?|cotisations?|premiums?"
    r"|insurable|assurables?|pensionable|ouvrant\s+droit|account\s+number|numéro\s+de\s+compte|exempt)\b"
)


def _employer_cell(text: str) -> str | None:
    text = _first_part(text)
    if (
        not text
        or len(text) < 4
        or FORM_WORDS.match(text)
        or BOX_LABEL.search(text)
        or re.match(r"(?i)^(?:nom|name|employer|\d)", text)
        or re.search(r"\d{3}", text)
    ):
        return None
    return text


def _employee(view: TextView, out: Collector) -> None:
    # CRA's layout puts the name cells a few lines under their labels, box amounts between.
    last = view.labelled(LABELS["last"], _name_part, below=3)
    first = view.labelled(LABELS["first"], _name_part, below=3)
    if last and first and first.line is last.line and first.value == last.value:
        first = _next_name_cell(last)  # both labels in one cell ("…moulées)First name"): the names follow in order
    if last and first:
        out.set(
            "employee_name",
            f"{str(first.value).title()} {str(last.value).title()}",
            last,
            snippet=f"{first.snippet} / {last.snippet}",
        )
        return
    hit = view.labelled(LABELS["employee"], _full_name, below=2)
    if hit:
        out.set("employee_name", hit.value, hit)


def _next_name_cell(last: Hit) -> Hit | None:
    """The name cell after the last name's on its line: the first name, when one label cell held both labels."""
    cells = [cell.text for cell in last.line.cells]
    for index, text in enumerate(cells[:-1]):
        if _name_part(text) == last.value:
            value = _name_part(cells[index + 1])
            return Hit(value, last.line, last.snippet) if value else None
    return None


def _name_part(text: str) -> str | None:
    text = re.sub(r"(?i)^.*?(?:moulées\)?|letters\)?)\s*:?\s*", "", text)
    text = re.split(r"(?i)\s+(?:initial|initiale|first\s+name|prénom|given\s+name)\b", text)[0]
    text = clean_value(text.split(":")[-1])
    if (
        not text
        or re.search(r"\d", text)
        or len(text.split()) > 3
        or re.match(r"(?i)^(?:prénom|first|nom|last|initial)", text)
    ):
        return None
    if any(word[0].islower() and word not in PARTICLES for word in text.split()):
        return None  # a French box label such as "Dons de bienfaisance", not a name
    return text


PARTICLES = {"de", "da", "dos", "das", "do", "du", "van", "von", "del", "la", "le", "bin", "al"}


def _first_part(text: str) -> str:
    """The name before an address that follows on the same line ("X, Y — 12 Main St" / "ACME INC., 1455 ...")."""
    text = re.split(r"\s+[—–-]\s+|\s{2,}|,\s*(?=\d)", text.strip())[0]
    return clean_value(text)


def _full_name(text: str) -> str | None:
    text = _first_part(text)
    if (
        not text
        or re.search(r"\d", text)
        or not 2 <= len(text.split()) <= 4
        or re.match(r"(?i)^(?:last|first|nom|prénom|and\s+address|et\s+adresse|address|adresse)\b", text)
    ):
        return None  # a label's own words ("Employee's name and address") are not a name
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        text = f"{first} {last}"
    return text.title()
