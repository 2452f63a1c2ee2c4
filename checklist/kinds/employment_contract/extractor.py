"""Employment contracts and offer letters: parties, position, start, hours and pay."""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.text.cells import date_cell, hours_cell, money_cell
from checklist.text.contacts import STREET_RE
from checklist.text.dates import DATE_ANY, parse_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.labels import LABELS
from checklist.text.letterhead import ORG_WORDS, letterhead_name
from checklist.text.money import find_money, nearest_period
from checklist.text.names import clean_person, company_names, looks_like_person, tidy_company
from checklist.text.normalize import clean_value
from checklist.text.stated_titles import TITLE_PATTERNS, title_value
from checklist.text.view import TextView, line_at, prose_index

PARTY = r"([A-ZÀ-Ý][\w&'’.,\-À-ÿ ]{2,80}?)"
EMPLOYER_RE = re.compile(
    rf"(?i)\bbetween\s+{PARTY}\s*(?:,\s*)?\((?:the\s+|l[’']\s*)?[\"“«]?\s*(?:employer|employeur|company|compagnie|société)"
)
EMPLOYEE_RE = re.compile(
    rf"\b(?:and|et)\s+{PARTY}\s*(?:,\s*)?\((?:the\s+|l[’']\s*)?[\"“«]?\s*(?:Employee|employé|employée|Executive)",
    re.IGNORECASE,
)
# "ET : Ana Lima, ci-après « le Salarié »", "and Ana Lima, hereinafter called the Employee"
HEREINAFTER = r"\s*,?\s*(?:ci-après|hereinafter)(?:\s+(?:appelée?|désignée?|nommée?|called|referred\s+to\s+as))?\s*[«\"“(]?\s*(?:the\s+|le\s+|la\s+|l[’']\s*)?"
EMPLOYER_HEREINAFTER = re.compile(
    rf"(?i)\b(?:between|entre)\s*:?\s*{PARTY}{HEREINAFTER}(?:employer|employeur|company|compagnie|société)"
)
EMPLOYEE_HEREINAFTER = re.compile(
    rf"(?i)\b(?:and|et)\s*:?\s*{PARTY}{HEREINAFTER}(?:employee|employé|employée|salarié|salariée|executive)"
)
DEAR_RE = re.compile(
    r"^(?:(?:Dear|Cher|Chère|Bonjour)\s+(?:(?:Mr|Mrs|Ms|Dr|Madame|Monsieur|M|Mme)\.?\s+)?|(?:Madame|Monsieur)\s+)([^,:]+)[,:]\s*$"
)
# "between X (the "Employer")", "with Maple Circuit Technologies Inc. (the "Company")": the name the contract defines
DEFINED_EMPLOYER = re.compile(
    r"(?i)\((?:the\s+|l[’']\s*)?[\"“«]?\s*(?:employer|employeur|company|compagnie|société)\s*[\"”»]?\)"
)
# "PRAKASH GURUNG, of Surrey, British Columbia", "Mme Ana Lima, domiciliée à Sherbrooke (Québec)": where the party lives
RESIDENCE = re.compile(r"(?i),\s*(?:of|residing\s+(?:at|in)|domicilié\w*|résidant)\b.*$")
CONTRACT_TITLE = re.compile(
    r"(?i)\b(?:employs\s+the\s+employee\s+as|hires\s+the\s+employee\s+as|est\s+engagée?\s+(?:au\s+poste|à\s+titre|en\s+qualité)\s+d[e’'])\s*"
    r"(?:an?\s+|the\s+)?([^.;,(]{3,60})"
)
FIRST_DAY = re.compile(
    rf"(?i)\b(?:first\s+day(?:\s+of\s+(?:work|employment))?|premi(?:er|ère)\s+journée|premier\s+jour)[^.]{{0,30}}?({DATE_ANY})"
)
START_RE = re.compile(
    rf"(?i)(?:commenc\w*|start(?:ing)?(?:\s+date)?|begin(?:ning)?|effective|takes\s+effect|prend\s+effet|entre\s+en\s+vigueur|débutera|entrée\s+en\s+fonction|date\s+de\s+début|à\s+compter\s+du)[^.]{{0,60}}?({DATE_ANY})"
)


def extract_contract(view: TextView) -> Collector:
    out = Collector()
    prose, starts = prose_index(view)
    _labelled(view, out)
    defined = _defined_employer(prose)
    if defined:
        out.set("employer_name", defined[0], line_at(view, starts, defined[1]), snippet=defined[2])
    match = EMPLOYER_RE.search(prose) or EMPLOYER_HEREINAFTER.search(prose)
    if match:
        out.set(
            "employer_name", tidy_company(match.group(1)), line_at(view, starts, match.start(1)), snippet=match.group(0)
        )
    names = company_names(prose)
    if names:
        out.set(
            "employer_name",
            tidy_company(names[0].group(1)),
            line_at(view, starts, names[0].start()),
            snippet=names[0].group(0),
        )
    if "employer_name" not in out.values:
        head = letterhead_name(view)  # an offer on letterhead paper, whose legal form is not printed
        if head:
            out.set("employer_name", head.stripped, head)
    _employee(view, prose, starts, out)
    stated = CONTRACT_TITLE.search(prose)
    if stated and title_value(stated.group(1)):
        out.set("job_title", title_value(stated.group(1)), line_at(view, starts, stated.start(1)), stated.group(0))
    for pattern in TITLE_PATTERNS:
        for title_match in re.finditer(pattern, prose):
            title = title_value(title_match.group(1))
            if title:
                out.set("job_title", title, line_at(view, starts, title_match.start(1)), snippet=title_match.group(0))
                break
    start = FIRST_DAY.search(prose) or START_RE.search(prose)
    if start:
        out.set("start_date", parse_date(start.group(1)), line_at(view, starts, start.start(1)), snippet=start.group(0))
    hours = parse_hours_per_week(prose)
    if hours:
        out.set("hours_per_week", hours.value, line_at(view, starts, hours.start), snippet=hours.text)
    for money in find_money(prose):
        context = prose[money.end : money.end + 40]
        before = prose[max(0, money.start - 80) : money.start]
        if re.search(r"(?i)salary|wage|paid|rate|compensation|salaire|rémunér|taux", before + context):
            out.set(
                "salary_amount",
                money.value,
                line_at(view, starts, money.start),
                snippet=prose[max(0, money.start - 50) : money.end + 30],
            )
            period = nearest_period(before, context, float(money.value))  # type: ignore[arg-type]
            out.set("salary_period", period, line_at(view, starts, money.start))
            break
    return out


def _term_label(name: str) -> re.Pattern[str]:
    """A letter's label as a contract's term: the whole cell, or ending in a colon; a clause heading
    that starts with the word ("POSITION AND DUTIES") is no label."""
    return re.compile("(?i)(?:" + LABELS[name].pattern.removeprefix("(?i)") + r")(?:(?<=:)|\s*$)")


TERM_LABELS = {name: _term_label(name) for name in ("title", "start", "hours", "salary")}


def _labelled(view: TextView, out: Collector) -> None:
    """Terms set out as labelled lines or a table ("Job title | Aircraft Maintenance Engineer",
    "Commencement date", "Normal hours", "Remuneration"), read with the letters' labels."""
    title = view.labelled(TERM_LABELS["title"], title_value, below=0)
    if title:
        out.set("job_title", title.value, title)
    start = view.labelled(TERM_LABELS["start"], date_cell, below=0)
    if start:
        out.set("start_date", start.value, start)
    hours = view.labelled(TERM_LABELS["hours"], hours_cell, below=0)
    if hours:
        out.set("hours_per_week", hours.value, hours)
    pay = view.labelled(TERM_LABELS["salary"], money_cell, below=0)
    if pay:
        out.set("salary_amount", pay.value[0], pay)  # type: ignore[index]
        out.set("salary_period", pay.value[1], pay)  # type: ignore[index]


AFTER_NAME = re.compile(r"(?i)^\s*,\s*(?:\d|of\b|de\b|ayant\b|société\b|a\s+company\b)")  # its address or kind


def _defined_employer(prose: str) -> tuple[str, int, str] | None:
    """The company named right before the contract defines it as the employer or the company."""
    for definition in DEFINED_EMPLOYER.finditer(prose):
        before = prose[max(0, definition.start() - 120) : definition.start()]
        names = company_names(before)
        rest = before[names[-1].end() :] if names else ""
        if names and (rest.strip(" ,") == "" or AFTER_NAME.match(rest)):
            start = definition.start() - len(before) + names[-1].start(1)
            return tidy_company(names[-1].group(1)), start, before[names[-1].start() :] + definition.group(0)
    return None


def _party(text: str) -> str:
    return clean_person(RESIDENCE.sub("", text.strip(" ,")))


def _employee(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    match = EMPLOYEE_RE.search(prose) or EMPLOYEE_HEREINAFTER.search(prose) or EMPLOYEE_RESIDING.search(prose)
    if match and looks_like_person(_party(match.group(1))):
        out.set("employee_name", _party(match.group(1)), line_at(view, starts, match.start(1)), snippet=match.group(0))
        return
    accept = re.search(rf"\bI,\s+{PARTY},\s+(?:accept|agree|acknowledge)|\bJe,?\s+soussigné(?:e)?,?\s+{PARTY},", prose)
    if accept and looks_like_person(accept.group(1)):
        out.set(
            "employee_name",
            clean_value(accept.group(1)),
            line_at(view, starts, accept.start(1)),
            snippet=accept.group(0),
        )
        return
    for position, line in enumerate(view.lines[:12]):
        below = view.lines[position + 1].stripped if position + 1 < len(view.lines) else ""
        if looks_like_person(line.stripped) and STREET_RE.search(below) and not _names_an_organisation(line.stripped):
            out.set("employee_name", clean_person(line.stripped), line, snippet=f"{line.stripped} / {below}")
            return
    hit = view.find(DEAR_RE)
    if hit and looks_like_person(hit.value.group(1)):  # type: ignore[attr-defined]
        out.set("employee_name", clean_person(hit.value.group(1)), hit)  # type: ignore[attr-defined]
        return
    label = view.labelled(
        re.compile(r"(?i)^(?:employee(?:\s+name)?|name|nom\s+de\s+l[’']employé(?:e)?|employé(?:e)?)\s*:"),
        lambda t: clean_value(t) if looks_like_person(t) else None,
        below=1,
    )
    if label:
        out.set("employee_name", label.value, label)


def _names_an_organisation(text: str) -> bool:
    """A letterhead line ("Harvest Moon Bakery Co-op"), not the addressee above their street."""
    return bool(company_names(text) or ORG_WORDS.search(text))


# "ET : Mme Ana Lima, domiciliée à Sherbrooke (Québec), ci-après « la Salariée »"
EMPLOYEE_RESIDING = re.compile(
    rf"(?i)\b(?:and|et)\s*:?\s*{PARTY}\s*,\s*(?:of|residing|domicilié\w*|résidant)\b[^«\"“]*?(?:\([^)]*\)[^«\"“]*?)?"
    rf"(?:{HEREINAFTER}|\((?:the\s+)?[\"“]?)(?:employee|employé|employée|salarié|salariée)"
)
