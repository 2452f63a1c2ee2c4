"""Pay stubs from any payroll system: employer, employee, period, pay date,
hours, gross pay and year-to-date gross (English and French)."""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from checklist.kinds.collector import Collector
from checklist.text.contacts import STREET_RE
from checklist.text.dates import find_date_range, find_dates
from checklist.text.money import find_money, find_numbers
from checklist.text.names import company_names, looks_like_person, tidy_company
from checklist.text.normalize import clean_value
from checklist.text.tables import Row, find_header, read_row
from checklist.text.view import Line, TextView

COLUMNS = {
    "ytd_hours": re.compile(
        r"(?i)(?:ytd|year[- ]to[- ]date|cumul\w*)\s+(?:hours?|hrs|heures)|(?:hours?|heures)\s+(?:ytd|cumul\w*)"
    ),
    "ytd": re.compile(
        r"(?i)\bytd\b|y\.t\.d\.|year[- ]to[- ]date|\bcumul|depuis\s+le\s+d[ée]but|à\s+ce\s+jour|\bannuel"
    ),
    "hours": re.compile(
        r"(?i)^(?:(?:current|this\s+period|période)\s+)?(?:hours?|hrs\.?|heures|qty|quantity|quantité|units|unités|nb\s+d[’']heures)(?:\s*/\s*(?:units?|unités|qty))?(?:\s+(?:worked|travaillées))?$"
    ),
    "rate": re.compile(r"(?i)^(?:rate|taux|\$/h(?:r|our)?)$"),
    "current": re.compile(
        r"(?i)^(?:current|this\s+(?:period|pay)|amount|montant|courant(?:e)?|période|period|actuel|\$)"
    ),
}
STOP_ROW = re.compile(
    r"(?i)^(?:gross|total|deductions?|taxes|statutory\s+(?:deductions|withholdings)|net|retenues|déductions|salaire\s+brut|brut|employee\s+deductions|summary|sommaire|withholdings)"
)
TOTAL_HOURS_LABEL = re.compile(
    r"(?i)^(?:total\s+(?:paid\s+)?hours|total\s+hours\s+paid|hours\s+total|total\s+des\s+heures|heures\s+totales)\b"
)
PREMIUM_LABEL = re.compile(r"(?i)\b(?:premium|differential|shift\s+diff|prime)\b")
GROSS_LABEL = re.compile(
    r"(?i)^(?:gross(?:\s+(?:pay|earnings|wages|income))?|total\s+(?:gross|pay|earnings|gains|rémunération|brut)|(?:total\s+)?salaire\s+brut|rémunération\s+brute|gains\s+bruts|brut|total\s+des\s+gains|total(?=\s*$))\b(?!\s*(?:pay\s+)?(?:ytd|y\.t\.d|year|cumul))"
)
EARNING_LINE = re.compile(
    r"(?i)(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:hrs?|hours?|h|heures)\.?\s*(?:@|x|×|at|à)\s*\$?\s*(\d{1,4}(?:[.,]\d{2,4}))"
)
LABEL_START = re.compile(
    r"(?i)^(?:period\s+(?:beginning|begin|start(?:ing)?|from)|pay\s+period\s+(?:start|begin(?:ning)?|from)|start\s+date|début(?:\s+de\s+(?:la\s+)?période)?|période\s+du|from|du)\s*:?"
)
LABEL_END = re.compile(
    r"(?i)^(?:period\s+(?:ending|end(?:ed)?|to)|pay\s+period\s+(?:end(?:ing)?|to)|week\s+ending|end\s+date|fin(?:\s+de\s+(?:la\s+)?période)?"
    r"|(?:période|semaine)\s+se\s+terminant(?:\s+le)?|to|au)\s*:?"
)
LABEL_PERIOD = re.compile(
    r"(?i)^(?:pay\s+period|period|période(?:\s+de\s+paie)?|for\s+the\s+period|pour\s+la\s+période)\s*:?"
)
LABEL_PAYDATE = re.compile(
    r"(?i)^(?:pay\s*date|payment\s+date|posting\s+date|pay\s*day|cheque\s+date|check\s+date|deposit\s+date|advice\s+date|date\s+paid|paid\s+(?:on|date)|date\s+de\s+(?:paiement|paie|dépôt|versement)|date\s+du\s+(?:paiement|dépôt|versement)|versé\s+le|payé\s+le)\b\s*:?"
)
LABEL_EMPLOYEE = re.compile(
    r"(?i)^(?:employee(?:\s+name)?|name|nom(?:\s+de\s+l[’']employé(?:e)?)?|employé(?:e)?|salarié(?:e)?|pay\s+to(?:\s+the\s+order\s+of)?)\s*(?::|$)"
)
LABEL_EMPLOYER = re.compile(r"(?i)^(?:employer|company|employeur|entreprise|compagnie)\s*:")
HEADINGS = re.compile(
    r"(?i)^(?:pay\s*stub|earnings\s+statement|pay\s+statement|(?:salary|pay|deposit|direct\s+deposit)\s+advice|avis\s+de\s+(?:dépôt|paie)|statement\s+of\s+earnings(?:\s+and\s+deductions)?|pay\s*slip|payroll\s+statement|relevé\s+de\s+paie|talon\s+de\s+paie|bulletin\s+de\s+paie)\s*[-–:|]?\s*"
)


BLOCK_LABELS = {
    "employee": re.compile(r"(?i)^(?:employee(?:\s+name)?|employé(?:e)?|nom\s+de\s+l[’']employé(?:e)?)$"),
    "period": re.compile(r"(?i)^(?:pay\s+period|période(?:\s+de\s+paie)?)$"),
    "pay_date": re.compile(
        r"(?i)^(?:pay\s+date|cheque\s+date|payment\s+date|date\s+de\s+(?:paie|paiement|versement))$"
    ),
    "other": re.compile(
        r"(?i)^(?:pay\s+frequency|fréquence|employee\s+(?:no|number|id)|department|service|pay\s+group)\.?$"
    ),
}


def extract_paystub(view: TextView) -> Collector:
    out = Collector()
    _employer(view, out)
    _from_block(view, out)
    _employee(view, out)
    _period(view, out)
    _amounts(view, out)
    return out


def _employer(view: TextView, out: Collector) -> None:
    hit = view.labelled(LABEL_EMPLOYER, lambda t: clean_value(t) or None, below=0)
    if hit:
        out.set("employer_name", tidy_company(str(hit.value)), hit)
        return
    for line in view.lines[:10]:
        for cell in line.cells:
            names = company_names(HEADINGS.sub("", cell.text).strip())
            if names:
                out.set("employer_name", tidy_company(names[0].group(1)), line)
                return
    for line in view.lines[:3]:
        first = line.cells[0].text if line.cells else ""
        if first and not HEADINGS.match(first) and not find_dates(first):
            out.set("employer_name", clean_value(first), line)
            return


def _employee(view: TextView, out: Collector) -> None:
    hit = view.labelled(LABEL_EMPLOYEE, _person_cell, below=1, whole_line=True)
    if hit:
        out.set("employee_name", hit.value, hit)
        return
    fallback: tuple[str, Line] | None = None
    for line in view.lines[:40]:
        for cell in line.cells:
            if HEADINGS.match(cell.text) or any(label.fullmatch(cell.text) for label in (LABEL_START, LABEL_END)):
                continue  # the stub's own title ("SALARY ADVICE") or a column label is no one's name
            named = re.split(r"\s+[—–]\s+", cell.text)[0]  # "Layla Haddad — Coordinator — pay group M"
            text = _person_cell(re.sub(r"(?i)^(?:employee|employé(?:e)?)\s*:?\s*", "", named)) or ""
            if not text or text.lower() == str(out.values.get("employer_name", "")).lower():
                continue
            if any(STREET_RE.search(below.text) for _, below in view.column_below(line, cell, rows=2)):
                out.set("employee_name", clean_value(text), line)
                return
            fallback = fallback or (clean_value(text), line)
    if fallback:
        out.set("employee_name", fallback[0], fallback[1])


def _from_block(view: TextView, out: Collector) -> None:
    """Stubs whose text lists the header labels first and their values after."""
    block = view.block_values(BLOCK_LABELS)
    if "employee" in block and _person_cell(str(block["employee"].value)):
        out.set("employee_name", _person_cell(str(block["employee"].value)), block["employee"])
    if "period" in block:
        found = _date_range(str(block["period"].value))
        if found:
            out.set("period_start", found[0], block["period"])
            out.set("period_end", found[1], block["period"])
    if "pay_date" in block:
        out.set("pay_date", _date_cell(str(block["pay_date"].value)), block["pay_date"])


def _person_cell(text: str) -> str | None:
    """A person's name in a cell, dropping an employee number and what follows a dash or dot
    ("Ana Lima — cook — direct deposit"); "LAST, FIRST" turned around."""
    text = re.split(r"\s+[—–·|]\s+", text.strip())[0]
    text = re.sub(r"^\s*[\w-]*\d[\w-]*\s+", "", clean_value(text))
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        if looks_like_person(f"{first} {last}"):
            return f"{first} {last}"
    return clean_value(text) if looks_like_person(text) else None


def _period(view: TextView, out: Collector) -> None:
    for line in view.lines:
        for cell in line.cells:
            if LABEL_PERIOD.match(cell.text) or LABEL_START.match(cell.text):
                found = _date_range(cell.text)
                if found:
                    out.set("period_start", found[0], line)
                    out.set("period_end", found[1], line)
    for key, label in (("period_start", LABEL_START), ("period_end", LABEL_END), ("pay_date", LABEL_PAYDATE)):
        # A header row of dates may sit over the employee's address block: the dates come two lines down.
        hit = view.labelled(label, _date_cell, below=2)
        if hit:
            out.set(key, hit.value, hit)
    if "period_start" not in out.values or "period_end" not in out.values:
        hit = view.labelled(LABEL_PERIOD, _date_range, below=1)
        if hit:
            start, end = cast("tuple[dt.date, dt.date]", hit.value)
            out.set("period_start", start, hit)
            out.set("period_end", end, hit)
    if "period_start" not in out.values:
        for line in view.lines:
            dates = find_dates(line.stripped)
            ending = re.search(
                r"(?i)\b(?:ending|ended|end|terminant|fin)\b", line.stripped[: dates[0].start] if dates else ""
            )
            if len(dates) >= 2 and not ending and re.search(r"(?i)period|période|du\b|from\b", line.stripped):
                out.set("period_start", dates[0].value, line)
                out.set("period_end", dates[1].value, line)
                break


def _date_cell(text: str) -> object | None:
    """A date alone in its cell (not a date that follows another label in the same cell)."""
    dates = find_dates(text)
    if len(dates) != 1 or len(text.split()) > 6 or re.search(r"[A-Za-zÀ-ÿ]{3,}.*:", text[: dates[0].start]):
        return None
    return dates[0].value


def _date_range(text: str) -> tuple[object, object] | None:
    found = find_date_range(text)
    if found:
        return found
    dates = find_dates(text)
    return (dates[0].value, dates[1].value) if len(dates) >= 2 else None


def _amounts(view: TextView, out: Collector) -> None:
    found = find_header(view, _columns(), {"current"})
    rows: list[Row] = []
    gross: Row | None = None
    printed_total: Row | None = None
    if found:
        header, columns = found
        for line in view.lines[header.index + 1 : header.index + 25]:
            row = read_row(line, columns)
            if TOTAL_HOURS_LABEL.match(row.label) and "hours" in row.values:
                printed_total = row
                continue
            if GROSS_LABEL.match(row.label):
                gross = row
                break
            if STOP_ROW.match(row.label) or (not row.values and rows):
                break
            if row.values:
                rows.append(row)
        # A premium is paid on hours already counted on another line: its hours are not more hours.
        hours = [row.values["hours"] for row in rows if "hours" in row.values and not PREMIUM_LABEL.search(row.label)]
        if hours:
            out.set(
                "hours", round(sum(hours), 2), rows[0].line, snippet=" / ".join(r.line.stripped for r in rows)[:300]
            )
        for total in (gross, printed_total):  # a total the stub prints beats our sum
            if total is not None and "hours" in total.values:
                out.set("hours", total.values["hours"], total.line)
    if not rows:
        rows = _rate_lines(view)
        hours = [row.values["hours"] for row in rows]
        if hours:
            out.set("hours", round(sum(hours), 2), rows[0].line)
    if gross is None:
        gross = _gross_row(view, found[1] if found else {}) or _gross_column(view)
    if gross is None and rows and all("current" in row.values for row in rows):
        out.set("gross_pay", round(sum(row.values["current"] for row in rows), 2), rows[0].line)
    if gross is not None:
        current = gross.values.get("current") or _first_amount(gross.line)
        out.set("gross_pay", current, gross.line)
        ytd = gross.values.get("ytd")
        if ytd is None and rows and all("ytd" in row.values for row in rows):
            ytd = round(sum(row.values["ytd"] for row in rows), 2)
        out.set("ytd_gross", ytd, gross.line)
    elif rows:
        out.set("gross_pay", round(sum(r.values.get("current", 0.0) for r in rows), 2), rows[0].line)
    _labelled_fallbacks(view, out)


def _rate_lines(view: TextView) -> list[Row]:
    """Earnings written as "Regular hours 58.80 hrs @ $28.50 ... $1,675.80"."""
    rows = []
    for line in view.lines:
        match = EARNING_LINE.search(line.stripped)
        if match and not re.search(r"(?i)\bytd\b|year to date|cumul", line.stripped):
            amounts = find_money(line.stripped[match.end() :])
            values = {"hours": float(match.group(1).replace(",", ".")), "rate": float(match.group(2).replace(",", "."))}
            if amounts:
                values["current"] = float(amounts[-1].value)  # type: ignore[arg-type]
            rows.append(Row(line, line.stripped[: match.start()].strip(), values))
    return rows


def _gross_column(view: TextView) -> Row | None:
    """A summary block with "Gross pay" as a column header and Current / Year-to-date rows under it."""
    for line in view.lines:
        for cell in line.cells:
            if not GROSS_LABEL.match(cell.text):
                continue
            values: dict[str, float] = {}
            for row_line, below in view.column_below(line, cell, rows=3):
                numbers = find_numbers(below.text.replace("$", ""))
                if len(numbers) != 1:
                    continue
                key = "ytd" if re.search(r"(?i)year|ytd|cumul", row_line.cells[0].text) else "current"
                values.setdefault(key, float(numbers[0].value))  # type: ignore[arg-type]
            if values:
                return Row(line, cell.text, values)
    return None


def _columns() -> dict[str, re.Pattern[str]]:
    return COLUMNS


def _gross_row(view: TextView, columns: dict) -> Row | None:  # type: ignore[type-arg]
    for line in view.lines:
        if line.cells and GROSS_LABEL.match(line.cells[0].text):
            row = read_row(line, columns)
            if row.values or _first_amount(line) is not None:
                return row
            vertical = _vertical_row(view, line)
            if vertical:
                return vertical
    return None


def _vertical_row(view: TextView, label: Line) -> Row | None:
    """A label whose amounts follow on their own lines (current, then year to date)."""
    amounts = []
    for line in view.lines[label.index + 1 : label.index + 3]:
        if not re.fullmatch(r"\$?\s?-?[\d,. ]+\d", line.stripped):
            break
        amounts.append(float(find_numbers(line.stripped.replace("$", ""))[0].value))  # type: ignore[arg-type]
    if not amounts:
        return None
    values = {"current": amounts[0]} | ({"ytd": amounts[1]} if len(amounts) > 1 else {})
    return Row(label, label.stripped, values)


def _first_amount(line: Line) -> float | None:
    money = find_money(line.stripped) or find_numbers(line.stripped)
    return float(money[0].value) if money else None  # type: ignore[arg-type]


def _labelled_fallbacks(view: TextView, out: Collector) -> None:
    if "hours" not in out.values:
        hit = view.labelled(
            re.compile(
                r"(?i)^(?:total\s+hours(?:\s+worked)?|hours\s+worked|regular\s+hours|heures\s+travaillées|total\s+des\s+heures|hours)\s*:?$"
            ),
            _number,
            below=1,
        )
        if hit:
            out.set("hours", hit.value, hit)
    if "ytd_gross" not in out.values:
        hit = view.labelled(
            re.compile(
                r"(?i)^(?:ytd\s+gross|gross(?:\s+pay)?\s+(?:ytd|year[- ]to[- ]date)|year[- ]to[- ]date\s+gross|cumul\s+brut|brut\s+cumulatif)\s*:?"
            ),
            _money_or_number,
            below=1,
        )
        if hit:
            out.set("ytd_gross", hit.value, hit)
    if "ytd_gross" not in out.values:
        _ytd_section(view, out)


def _ytd_section(view: TextView, out: Collector) -> None:
    """A "Year to date" block listing Gross (and Hours) on their own lines."""
    for line in view.lines:
        if re.fullmatch(
            r"(?i)(?:year[- ]to[- ]date|ytd|cumul(?:atif|s)?(?:\s+annuel)?)(?:\s+totals?)?\s*:?", line.stripped
        ):
            block = TextView(view.lines[line.index + 1 : line.index + 8])
            hit = block.labelled(re.compile(r"(?i)^(?:gross|brut|total\s+gross)\b"), _money_or_number, below=0)
            if hit:
                out.set("ytd_gross", hit.value, hit)
            return


def _money_or_number(text: str) -> float | None:
    numbers = find_numbers(text.replace("$", ""))
    return float(numbers[0].value) if len(numbers) == 1 else None  # type: ignore[arg-type]


def _number(text: str) -> float | None:
    numbers = find_numbers(text)
    return float(numbers[0].value) if len(numbers) == 1 and not re.search(r"[A-Za-z]{3}", text) else None  # type: ignore[arg-type]
