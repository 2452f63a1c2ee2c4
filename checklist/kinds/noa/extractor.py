"""CRA notices of assessment: tax year, taxpayer, total income (line 15000, or
150 before 2019) and the date issued."""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.text.contacts import STREET_RE
from checklist.text.dates import find_dates
from checklist.text.money import find_numbers
from checklist.text.names import looks_like_person
from checklist.text.normalize import clean_value
from checklist.text.view import TextView

LABEL_YEAR = re.compile(r"(?i)^(?:tax\s+year|année\s+d[’']imposition|taxation\s+year|année)\s*:?")
LABEL_DATE = re.compile(r"(?i)^(?:date\s+issued|date\s+of\s+issue|issue\s+date|date\s+d[’']émission|date\s+de\s+(?:délivrance|l[’']avis|publication)|date)\s*:?")
LINE_15000 = re.compile(r"(?i)^(?:line\s+|ligne\s+)?(?:15000|150)\b")
ASSESSED = re.compile(r"(?i)(?:assessed|reassessed)\s+your\s+((?:19|20)\d\d)|cotisation\s+(?:pour\s+)?(?:votre\s+)?(?:déclaration\s+(?:de\s+revenus\s+(?:et\s+de\s+prestations\s+)?)?)?(?:de\s+)?((?:19|20)\d\d)")


def extract_noa(view: TextView) -> Collector:
    out = Collector()
    year = view.labelled(LABEL_YEAR, lambda t: int(t) if re.fullmatch(r"(?:19|20)\d\d", t.strip()) else None, below=1)
    if year:
        out.set("tax_year", year.value, year)
    else:
        hit = view.find(ASSESSED)
        if hit:
            out.set("tax_year", int(hit.value.group(1) or hit.value.group(2)), hit)  # type: ignore[attr-defined]
    issued = view.labelled(LABEL_DATE, lambda t: find_dates(t)[0].value if find_dates(t) and len(t.split()) <= 6 else None, below=1)
    if issued:
        out.set("date_issued", issued.value, issued)
    _total_income(view, out)
    _taxpayer(view, out)
    return out


def _total_income(view: TextView, out: Collector) -> None:
    for line in view.lines:
        text = line.stripped
        if LINE_15000.match(text) or re.search(r"(?i)\btotal\s+income\b|\brevenu\s+total\b", text):
            numbers = [n for n in find_numbers(text) if n.text not in {"15000", "150"} and re.search(r"[.,]\d\d$", n.text)]
            if numbers:
                out.set("total_income", float(numbers[0].value), line)  # type: ignore[arg-type]
                return


def _taxpayer(view: TextView, out: Collector) -> None:
    label = view.labelled(re.compile(r"(?i)^(?:name|nom|taxpayer|contribuable)\s*:"), lambda t: clean_value(t) if looks_like_person(t) else None, below=0)
    if label:
        out.set("employee_name", str(label.value).title(), label)
        return
    for position, line in enumerate(view.lines[:30]):
        text = line.cells[0].text if line.cells else ""
        below = view.lines[position + 1].stripped if position + 1 < len(view.lines) else ""
        if looks_like_person(text) and STREET_RE.search(below):
            out.set("employee_name", clean_value(text).title(), line)
            return
