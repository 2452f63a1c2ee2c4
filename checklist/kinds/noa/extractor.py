"""CRA notices of assessment: tax year, taxpayer, total income (line 15000, or
150 before 2019) and the date issued."""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.text.contacts import POSTAL_RE, STREET_RE
from checklist.text.dates import find_dates
from checklist.text.money import find_numbers
from checklist.text.names import looks_like_person
from checklist.text.normalize import clean_value
from checklist.text.view import TextView

LABEL_YEAR = re.compile(r"(?i)^(?:tax\s+year|année\s+d[’']imposition|taxation\s+year|année)\s*:?")
LABEL_DATE = re.compile(
    r"(?i)^(?:date\s+issued|date\s+of\s+issue|issue\s+date|date\s+d[’']émission|date\s+de\s+(?:délivrance|l[’']avis|publication)|date)\s*:?"
)
LINE_15000 = re.compile(r"(?i)^(?:line\s+|ligne\s+)?(?:15000|150)\b")
ASSESSED = re.compile(
    r"(?i)(?:assessed|reassessed)\s+your\s+((?:19|20)\d\d)|cotisation\s+(?:pour\s+)?(?:votre\s+)?(?:déclaration\s+(?:de\s+revenus\s+(?:et\s+de\s+prestations\s+)?)?)?(?:de\s+)?((?:19|20)\d\d)"
)


def extract_noa(view: TextView) -> Collector:
    out = Collector()
    year = view.labelled(LABEL_YEAR, lambda t: int(t) if re.fullmatch(r"(?:19|20)\d\d", t.strip()) else None, below=1)
    if year:
        out.set("tax_year", year.value, year)
    else:
        hit = view.find(ASSESSED)
        if hit:
            out.set("tax_year", int(hit.value.group(1) or hit.value.group(2)), hit)  # type: ignore[attr-defined]
    issued = view.labelled(
        LABEL_DATE, lambda t: find_dates(t)[0].value if find_dates(t) and len(t.split()) <= 6 else None, below=1
    )
    if issued:
        out.set("date_issued", issued.value, issued)
    _total_income(view, out)
    _taxpayer(view, out)
    return out


TOTAL_INCOME = re.compile(r"(?i)\btotal\s+income\b(?!\s+tax)|\brevenu\s+total\b(?!\s+d)")
OTHER_LINE = re.compile(r"(?<!\d)(?:23600|26000|43500|43700|48400|48500|42000|42100|42800)(?!\d)")


def _total_income(view: TextView, out: Collector) -> None:
    """Line 15000 (150 before 2019), in dollars and cents or whole dollars; never a neighbouring
    line ("Total income tax deducted", 43700) that shares its words."""
    for line in view.lines:
        text = line.stripped
        by_number = LINE_15000.match(text) or re.search(r"(?<!\d)15000(?!\d)", text)
        if (
            not (by_number or TOTAL_INCOME.search(text))
            or OTHER_LINE.search(text)
            or re.search(r"(?i)tax\s+deducted|impôt", text)
        ):
            continue
        amount = _line_amount(text)
        if amount is not None:
            out.set("total_income", amount, line)
            return


def _line_amount(text: str) -> float | None:
    """The amount a summary line ends with: not its line number, not a bare small number."""
    numbers = [
        n
        for n in find_numbers(text.replace("$", ""))
        if n.text not in {"15000", "150"}
        and (re.search(r"[.,]\d\d$|\d[, \u00a0]\d{3}", n.text) or float(n.value) >= 1000)  # type: ignore[arg-type]
    ]
    return float(numbers[-1].value) if numbers else None  # type: ignore[arg-type]


def _taxpayer(view: TextView, out: Collector) -> None:
    label = view.labelled(
        re.compile(r"(?i)^(?:name|nom|taxpayer|contribuable)\s*:"),
        lambda t: clean_value(t) if looks_like_person(t) else None,
        below=0,
    )
    if label:
        out.set("employee_name", str(label.value).title(), label)
        return
    for position, line in enumerate(view.lines[:30]):
        text = line.cells[0].text if line.cells else ""
        below = view.lines[position + 1].stripped if position + 1 < len(view.lines) else ""
        after = " ".join(following.stripped for following in view.lines[position + 1 : position + 3])
        civic = re.match(r"\d{1,6}[A-Za-z]?(?:-\d+)?\s+[A-Za-zÀ-ÿ]", below) and POSTAL_RE.search(after)
        if looks_like_person(text) and (STREET_RE.search(below) or civic):
            out.set("employee_name", clean_value(text).title(), line)
            return
