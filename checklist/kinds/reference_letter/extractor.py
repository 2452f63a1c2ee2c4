"""Reference letters: who, what job, when, how many hours, what pay, which duties,
who signed and how to reach the employer (English and French)."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import cast

from checklist.kinds.collector import Collector
from checklist.kinds.reference_letter.circumstances import leave_spans, read_circumstances
from checklist.kinds.reference_letter.duties import BULLET, DUTY_HEADER, duty_text, read_duties, with_duties
from checklist.kinds.reference_letter.fields import Position
from checklist.kinds.reference_letter.phrases import ABBREVIATION, CLOSING_RE, CURRENT_RE, PRESENT_WORD
from checklist.kinds.reference_letter.position_table import single_position, table_positions
from checklist.kinds.reference_letter.prose_positions import prose_positions
from checklist.models.fields import SalaryPeriod
from checklist.text.cells import date_cell, hours_cell, money_cell
from checklist.text.contacts import EMAIL_RE, PHONE_RE, domain_labels, find_address, spelled_by_domain
from checklist.text.dates import DATE_ANY, DATE_RE, LOOSE_DATE_ANY, MONTH_YEAR, find_dates, loose_date, parse_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.labels import LABELS
from checklist.text.language import detect_language
from checklist.text.letterhead import HEADING, ORG_WORDS, SENDER, TITLE_HINT, letterhead_name
from checklist.text.money import find_money, nearest_period, parse_amount
from checklist.text.names import (
    CAPITAL,
    HONORIFIC,
    POST_NOMINAL,
    clean_person,
    companies_by_line,
    company_names,
    looks_like_person,
    tidy_company,
)
from checklist.text.normalize import clean_value
from checklist.text.stated_titles import CURRENT_TITLE, TITLE_PATTERNS, title_value
from checklist.text.view import Hit, Line, TextView, line_at, prose_index, strip_translation

NAME = rf"((?:[{CAPITAL}][\w'’\-À-ÿ]+|de|da|dos|van|von|del|[A-Z]\.)(?:[ \-](?:[{CAPITAL}][\w'’\-À-ÿ]+|de|da|dos|van|von|del|[A-Z]\.)){{1,4}})"
# A sentence that starts with the person: "X worked for us from", "X continues to hold", "X provided services to".
SENTENCE_START_EMPLOYEE = (
    rf"(?:^|[.:,;]\s+)(?:{HONORIFIC}\s+)?{NAME}\s+(?:has\s+(?:been\s+(?:employed|working|with)|worked|held|served)"
    rf"|continues\s+to\s+(?:hold|work|be\s+employed)|still\s+(?:holds|works)|(?:worked|works)\s+(?:for|at|with)"
    rf"|provided\s+(?:\w+\s+)?services|(?:is|was)\s+(?:employed|hired)|joined|served\s+(?:as|with))\b"
)
EMPLOYEE_PATTERNS = [
    rf"(?:certif|confirm|verif|attest|stat)\w*\s+that\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:is|was|has|had|worked|works|held|holds|served|joined|occupied|remains)\b",
    rf"\b(?:certifions|confirmons|attestons)\s+(?:par\s+la\s+présente\s+)?que\s+(?:{HONORIFIC}\s+)?{NAME}\s",
    rf"employment\s+of\s+(?:{HONORIFIC}\s+)?{NAME}\s*(?:with|at|by|as|from|,|\()",
    rf"\b(?:employs|employed|hired|engaged)\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:as|since|from|on)\b",
    rf"\bque\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:occupe|est|a\s+été|a\s+occupé|travaille|était|a\s+travaillé|fait)",
    SENTENCE_START_EMPLOYEE,
    rf"(?:RE|Re|Objet|Subject|OBJET)\s*:[^\n]*?[–—:-]\s*(?:{HONORIFIC}\s+)?{NAME}\s*$",
    rf"\b(?:{HONORIFIC})\s+{NAME}\b",
]
EMPLOYER_PHRASE = re.compile(
    r"(?:employed|working|worked|works|employment|employee|emploi|travaille|poste)\s+(?:with|by|at|for|au\s+sein\s+(?:de|du|de\s+la|des)|chez|par)\s+"
    r"(?:l[’']entreprise\s+|la\s+société\s+)?(.{3,80}?)(?=\s+(?:as|since|from|in|on|until|for|between|depuis|en\s+tant|à\s+titre|comme|du|,)\b|[,.;](?:\s|$)|\s*\()",
    re.IGNORECASE,
)
BENEFITS_RE = re.compile(
    r"(?i)\b(?:benefits?|health|dental|insurance|rrsp|pension|vacation|paid\s+(?:time\s+off|leave)|group\s+plan|avantages?\s+sociaux|"
    r"assurances?\s+collectives?|dentaires?|reer|régime\s+de\s+retraite|vacances|congés\s+payés|avantages)\b"
)
NO_BENEFITS_RE = re.compile(
    r"(?i)\b(?:not\s+eligible|no\s+benefits|without\s+benefits|aucun\s+avantage|n[’']est\s+pas\s+admissible)\b"
)
PAY_CONTEXT = re.compile(
    r"(?i)salary|wage|rate|pay|earn|compensat|remunerat|income|salaire|rémunér|taux|gagne|traitement|paid|receiv|reçoi|"
    r"per\s+(?:hour|annum|year|month|week)|hourly|an\s+hour|a\s+year|/\s*h(?:ou)?r|de\s+l[’']heure|par\s+(?:heure|année|an|mois|semaine)"
)
NOC_RE = re.compile(r"(?i)\b(?:NOC|CNP|TEER)\b(?:\s*(?:2021|code|no\.?|#|:))*\s*[:#]?\s*(\d{5})\b")


# Lines of a signature block that are no signer's name.
NOT_SIGNER = re.compile(
    r"(?i)^(?:authori[sz]ed\s+signatory|signataire\s+autoris[ée]e?|signature|for\s+and\s+on\s+behalf|on\s+behalf|human\s+resources|"
    r"ressources\s+humaines|hr\s+department|payroll\s+department)\b|\b(?:certificat|attestation|certificate|letter|lettre|"
    r"verification|confirmation)\b"
)


def extract_letter(view: TextView) -> Collector:
    out = Collector()
    prose, starts = prose_index(view)
    # Abbreviation periods become spaces (same length, so offsets still map to lines):
    # sentence patterns then stop at real sentence ends only.
    prose = ABBREVIATION.sub(lambda m: m.group(1) + " ", prose)
    read_circumstances(view, prose, starts, out)
    for begin, end in leave_spans(prose):  # a leave's dates are never the dates of employment
        prose = prose[:begin] + " " * (end - begin) + prose[end:]
    _employer(view, prose, starts, out)
    _employee(view, prose, starts, out)
    positions = (
        table_positions(view) or _line_positions(view) or _section_positions(view, out) or prose_positions(prose)
    )
    _title(view, prose, starts, out, positions)
    _dates(view, prose, starts, out, positions)
    _hours(view, prose, starts, out, positions)
    _salary(view, prose, starts, out, positions)
    read_duties(view, out)
    _benefits(view, prose, starts, out)
    _signatory(view, out)
    _contacts(view, out)
    _letter_date(view, out)
    noc = NOC_RE.search(prose)
    if noc:
        out.set("noc_code", noc.group(1), line_at(view, starts, noc.start()))
    language = detect_language(prose)
    if language:
        out.set("language", language, view.lines[0] if view.lines else None, snippet=f"language detected: {language}")
    positions = with_duties(positions or [single_position(out.values)], out)
    if len(positions) > 1 and positions[-1].duties:
        out.values["duties"] = positions[-1].duties  # the flat fields are the latest position's
    out.values["positions"] = [p.model_dump() for p in positions]
    return out


def _at(view: TextView, starts: list[int], match: re.Match[str], group: int = 1) -> Hit:
    line = line_at(view, starts, match.start(group))
    return Hit(match.group(group), line, match.group(0)[:200])  # type: ignore[arg-type]


def _employer(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    for match in EMPLOYER_PHRASE.finditer(prose):
        candidate = tidy_company(match.group(1))
        if candidate and candidate[0].isupper() and not re.match(r"(?i)(?:us|our|the company|we)\b", candidate):
            known = company_names(prose[match.start(1) : match.start(1) + 90])
            if known and known[0].start() == 0:
                candidate = tidy_company(known[0].group(1))
            out.set("employer_name", _with_period(candidate), _at(view, starts, match))
            return
    names = companies_by_line(view.lines)
    if not names:
        head = letterhead_name(view)
        if head:
            out.set("employer_name", head.stripped, head)
        return
    counts: dict[str, int] = {}
    for name, _ in names:
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    best = max(names, key=lambda item: (counts[item[0].lower()], -item[1].index))
    out.set("employer_name", _with_period(_whole_wrapped_name(view, prose, *best)), best[1])


def _whole_wrapped_name(view: TextView, prose: str, name: str, line: Line) -> str:
    """A letterhead name wrapped over two lines ("Harbourlight Contact" above "Solutions Inc."):
    the two parts together, when the letter's text names the company so."""
    if line.index == 0 or not line.cells:
        return name
    above = view.lines[line.index - 1]
    part = next((cell.text for cell in above.cells if abs(cell.start - line.cells[0].start) <= 2), "")
    if not part or re.search(r"\d|@", part) or HEADING.match(part) or SENDER.match(part) or len(part.split()) > 5:
        return name
    joined = f"{part} {name}"

    def words(text: str) -> str:  # the prose masks abbreviation periods ("Ltd." -> "Ltd ")
        return " ".join(text.replace(".", " ").split()).lower()

    # the rest of the letter must name it so: the two lines themselves run together in any prose
    rest = " ".join(other.stripped for other in view.lines if other.index not in (above.index, line.index))
    if words(joined) in words(rest):
        return joined
    # or its e-mail or web address spells the part above ("Credit Valley Precision" + "Plastics Inc.", @cvplastics)
    part_words = len(part.split())
    spelled = (spelled_by_domain(joined.replace(".", " ").split(), d) for d in domain_labels(rest))
    return joined if any(any(i < part_words for i in found) for found in spelled) else name


def _with_period(name: str) -> str:
    """Restore the abbreviation period masked in the prose ("Inc " -> "Inc.")."""
    return re.sub(r"\b(Inc|Ltd|Corp|Co|Ltée|Ltee|inc|ltée)$", r"\1.", name.strip())


def _employee(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    label = view.labelled(
        re.compile(
            r"(?i)^(?:employee(?:['’]s)?\s+name|name\s+of\s+(?:the\s+)?employee|employee|nom\s+de\s+l[’']employé(?:e)?|employé(?:e)?|salarié(?:e)?|travailleu(?:r|se))\s*(?::|$)"
        ),
        lambda text: clean_person(text) if looks_like_person(text) else None,
    )
    if label:
        out.set("employee_name", label.value, label)
        return
    named = _name_label(view)
    if named:
        out.set("employee_name", named.value, named)
        return
    for pattern in EMPLOYEE_PATTERNS:
        match = re.search(pattern, prose, re.MULTILINE)
        if match and looks_like_person(match.group(1)):
            name = _fuller_name(prose, clean_person(match.group(1)))
            out.set("employee_name", name, _at(view, starts, match))
            return
    for line in view.lines:  # the sentence may start a line after a heading with no full stop
        match = re.match(SENTENCE_START_EMPLOYEE, line.stripped)
        if match and looks_like_person(match.group(1)):
            out.set("employee_name", clean_person(match.group(1)), line)
            return


NAME_LABEL = re.compile(
    r"(?i)^(?:(?:full\s+)?name|nom(?:\s+complet)?|nom\s+et\s+prénom|prénom\s+et\s+nom|surname\s*,\s*given\s+names?)\s*(?::|$)"
)


def _name_label(view: TextView) -> Hit | None:
    """A bare "Name:" / "Nom" label above the letter's closing (a fact sheet about the employee);
    below the closing the same label names the signer."""
    closing = next((line.index for line in view.lines if CLOSING_RE.match(line.stripped)), len(view.lines))
    hit = view.labelled(NAME_LABEL, lambda text: clean_person(text) if looks_like_person(text) else None)
    return hit if hit and hit.line.index < closing else None


def _fuller_name(prose: str, name: str) -> str:
    """The whole name when the sentence that names the person gives only "M. Ramírez Ortega" and the
    letter prints "Nicolás Ramírez Ortega" elsewhere."""
    if len(name.split()) > 2:
        return name
    for match in re.finditer(rf"((?:[{CAPITAL}][\w'’\-]+\s+){{1,3}}){re.escape(name)}\b", prose):
        fuller = clean_person(match.group(0))
        if len(fuller.split()) > len(name.split()) and looks_like_person(fuller) and not HONORIFIC_WORD.match(fuller):
            return fuller
    return name


HONORIFIC_WORD = re.compile(r"(?i)^(?:madame|monsieur|mister|miss|dear|cher|chère|nous|we|our|notre)\b")


def _title(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].job_title:
        out.set("job_title", positions[-1].job_title, view.lines[0], snippet="table of positions")
    hit = view.labelled(LABELS["title"], title_value, below=0)
    if hit:
        out.set("job_title", hit.value, hit)
    for match in reversed(list(re.finditer(CURRENT_TITLE, prose))):  # the latest of several positions
        title = title_value(match.group(1))
        if title:
            out.set("job_title", title, _at(view, starts, match))
            return
    for pattern in TITLE_PATTERNS:
        for match in re.finditer(pattern, prose):
            title = title_value(match.group(1))
            if title:
                out.set("job_title", title, _at(view, starts, match))
                return
    subject = _subject_title(view, out.values.get("employee_name"))
    if subject and out.values.get("job_title") is None:
        out.set("job_title", subject.value, subject)


SUBJECT_TITLE = re.compile(
    r"(?i)^(?:re|subject|objet|object|sujet)\s*:\s*"
    r"[^–—:]*?(?:employ|emploi|travail|reference|référence|experience|expérience|verification|vérification|attestation)"
    r"[^–—:]*?\s+[–—-]\s+(?P<title>[^–—]+?)\.?$"
)
PERSON_LEAD = re.compile(r"(?i)^(?:mr|mrs|ms|miss|dr|mme|mlle|m|madame|monsieur)\b\.?\s")


def _subject_title(view: TextView, employee: object) -> Hit | None:
    """The title a subject line names after a dash ("Re: Employment verification – Senior Line Cook",
    "Objet : Confirmation d'emploi – Analyste"), when the body refers to it ("the position named
    above"); a subject that names the person instead ("– Ms. Jane Roe") gives none."""
    for line in view.lines[:25]:
        match = SUBJECT_TITLE.match(line.stripped)
        if not match:
            continue
        text = match.group("title").strip()
        if PERSON_LEAD.match(text) or (employee and str(employee).lower() in text.lower()):
            return None
        title = title_value(text)
        return Hit(title, line, line.stripped) if title else None
    return None


def _dates(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions:
        # The flat fields describe the latest position (the contract); each position keeps its own
        # span, and the checks take the one a claim describes. A latest position without a start
        # date leaves the first stated start, so a dated letter is never reported as undated.
        first = positions[-1].start_date or min((p.start_date for p in positions if p.start_date), default=None)
        out.set("start_date", first, view.lines[0], snippet="table of positions")
        if positions[-1].end_date:
            out.set("end_date", positions[-1].end_date, view.lines[0], snippet="table of positions")
            out.set("currently_employed", False, view.lines[0], snippet="table of positions: last position ended")
        elif first:
            out.set("currently_employed", True, view.lines[0], snippet="table of positions: to present")
        if first:
            return
    date = LOOSE_DATE_ANY  # "since July 2022", "from 2022 to present" keep their precision
    ranges = [
        rf"(?i)\b(?:from|between|du|de|d[’']|served\s+from)\s*(?:the\s+|le\s+)?({date})\s*(?:,\s*)?(?:to|until|till|through|and|-|–|—|au|à|jusqu[’']au|jusqu[’']en)\s+(?:the\s+|le\s+)?({date}|present|the\s+present|date|today|now|à\s+ce\s+jour|aujourd[’']hui)",
        rf"(?i)({DATE_ANY})\s*(?:-|–|—|to)\s*({DATE_ANY}|present)",
        rf"(?i)(?<![\d/.-])\b({MONTH_YEAR})\s*(?:-|–|—|to|until)\s*({MONTH_YEAR}|present|the\s+present|today)",  # June 2021 – March 2022
    ]
    starts_re = rf"(?i)\b(?:since|depuis(?:\s+le)?|starting(?:\s+on)?|started(?:\s+on)?|commenc(?:ed|ing)(?:\s+(?:employment|work))?(?:\s+on)?|joined(?:\s+\w+){{0,4}}\s+on|began(?:\s+\w+){{0,3}}\s+on|hired\s+on|(?:with\s+)?effect(?:ive)?(?:\s+(?:from|on|as\s+of))?|start(?:ing)?\s+date\s+(?:of|was|is)|en\s+poste\s+depuis|à\s+compter\s+du|en\s+fonction\s+(?:depuis\s+)?le)\s+(?:the\s+|le\s+)?({date})"
    since = [d for d in (loose_date(m.group(1)) for m in re.finditer(starts_re, prose)) if d]
    for pattern in ranges:
        found = list(re.finditer(pattern, prose))
        if found:
            _span_of_ranges(view, starts, found, out, max(since, default=None))
            break
    match = re.search(starts_re, prose)
    if match and (out.values.get("start_date") is None or parse_date(match.group(1))):
        out.set("start_date", loose_date(match.group(1)), _at(view, starts, match))
    ends_re = rf"(?i)\b(?:until|end(?:ed|ing)\s+on|end(?:ed)?\s+date\s+(?:of|was)|last\s+day(?:\s+of\s+(?:work|employment))?\s+(?:was|is|will\s+be)|resigned(?:\s+\w+){{0,3}}\s+(?:on|effective)|terminated\s+on|left(?:\s+\w+){{0,3}}\s+on|jusqu[’']au)\s+(?:the\s+|le\s+)?({date})"
    match = re.search(ends_re, prose)
    if match:
        out.set("end_date", loose_date(match.group(1), end=True), _at(view, starts, match))
    for key in ("start", "end"):
        hit = view.labelled(LABELS[key], partial(date_cell, end=key == "end"), below=1)
        if hit:
            out.set(f"{key}_date", hit.value, hit)
    status = view.labelled(STATUS_LABEL, lambda text: True if CURRENT_STATUS.match(text.strip()) else None, below=0)
    if status and out.values.get("end_date") is None:
        out.set("currently_employed", True, status)
        return
    end = out.values.get("end_date")
    current = CURRENT_RE.search(prose)
    if end is not None:
        out.set("currently_employed", False, None, snippet="an end date is given")
    elif current:
        out.set("currently_employed", True, line_at(view, starts, current.start()), snippet=current.group(0))
    elif positions and positions[-1].start_date and not positions[-1].end_date:
        out.set("currently_employed", True, view.lines[0], snippet="table: to present")


STATUS_LABEL = re.compile(r"(?i)^(?:(?:employment\s+)?status|statut(?:\s+d[’']emploi)?)\s*:?\s*$")
CURRENT_STATUS = re.compile(
    r"(?i)^(?:active|current(?:ly\s+employed)?|employed|en\s+poste|actif|active?|en\s+emploi)\b"
)


def _span_of_ranges(
    view: TextView, starts: list[int], found: list[re.Match[str]], out: Collector, since: dt.date | None
) -> None:
    """The employment a letter's date ranges cover: from the earliest start to the latest end, or to
    the present when any range runs to the present or a later position is held "since" a date after
    the last range (one range per position held)."""
    spans = [(loose_date(m.group(1)), _range_end(m.group(2)), m) for m in found]
    spans = [span for span in spans if span[0] is not None]
    if not spans:
        return
    first = min(spans, key=lambda span: span[0])  # type: ignore[arg-type,return-value]
    out.set("start_date", first[0], _at(view, starts, first[2]))
    open_ended = [span for span in spans if span[1] is None]
    if open_ended:
        out.set("currently_employed", True, _at(view, starts, open_ended[-1][2], 2))
        return
    last = max(spans, key=lambda span: span[1])  # type: ignore[arg-type,return-value]
    if since is not None and last[1] is not None and since > last[1]:
        out.set(
            "currently_employed", True, _at(view, starts, last[2], 2), snippet=f"held since {since} after the range"
        )
        return
    out.set("end_date", last[1], _at(view, starts, last[2], 2))


def _range_end(text: str) -> dt.date | None:
    """The end of a range ("March 2022": its last day); None for "present" and its kin."""
    return (
        None
        if PRESENT_WORD.match(text.strip()) or re.match(r"(?i)the\s+present|date|today|now", text)
        else loose_date(text, end=True)
    )


def _hours(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].hours_per_week:
        out.set("hours_per_week", positions[-1].hours_per_week, view.lines[0], snippet="table of positions")
    found = parse_hours_per_week(prose)
    if found:
        out.set("hours_per_week", found.value, line_at(view, starts, found.start), snippet=found.text)
        return
    hit = view.labelled(LABELS["hours"], hours_cell, below=1)
    if hit:
        out.set("hours_per_week", hit.value, hit)


def _salary(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].salary_amount:
        out.set("salary_amount", positions[-1].salary_amount, view.lines[0], snippet="table of positions")
        out.set("salary_period", positions[-1].salary_period, view.lines[0], snippet="table of positions")
    for found in find_money(prose):
        before = prose[max(0, found.start - 80) : found.start]
        after = prose[found.end : found.end + 45]
        if not PAY_CONTEXT.search(before + " " + after[:25]) or re.search(
            r"(?i)bonus|prime|allowance|deposit", before[-30:]
        ):
            continue
        line = line_at(view, starts, found.start)
        out.set("salary_amount", found.value, line, snippet=prose[max(0, found.start - 60) : found.end + 30])
        period = nearest_period(before, after, float(found.value))  # type: ignore[arg-type]
        out.set("salary_period", period, line)
        return
    hit = view.labelled(LABELS["salary"], lambda text: money_cell(text), below=1)
    if hit:
        amount, period = cast("tuple[float, str | None]", hit.value)
        out.set("salary_amount", amount, hit)
        out.set("salary_period", period, hit)


def _benefits(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    label = view.labelled(
        re.compile(r"(?i)^(?:benefits|avantages(?:\s+sociaux)?)\s*(?::|$)"), lambda t: clean_value(t) or None, below=0
    )
    if label and not NO_BENEFITS_RE.search(str(label.value)):
        out.set("benefits", label.value, label)
        return
    offset = 0
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", prose):
        begin = prose.find(sentence, offset)
        offset = begin + len(sentence)
        match = BENEFITS_RE.search(sentence)
        if not match or NO_BENEFITS_RE.search(sentence) or DUTY_HEADER.search(sentence[: match.start()]):
            continue
        if any(duty[:40] in sentence for duty in out.values.get("duties", [])):
            continue  # "insurance claims" in a pharmacy assistant's duties is not a benefit
        line = line_at(view, starts, begin + match.start())
        line_start = starts[line.index] if line else begin
        text = clean_value(prose[max(begin, line_start) if len(sentence.split()) > 30 else begin : offset])
        out.set("benefits", text[:240], line)
        return


def _signatory(view: TextView, out: Collector) -> None:
    per = view.find(
        re.compile(
            rf"^(?:[Pp]er|[Pp]ar|[Ss]igned(?:\s+by)?|[Ss]igné(?:e)?(?:\s+par)?)\s*:\s*(?:{HONORIFIC}\s+)?{NAME}\s*[,(–-]\s*([^)]+)\)?$"
        )
    )
    if per and not POST_NOMINAL.fullmatch(", " + per.value.group(2).strip(" )")):  # type: ignore[attr-defined]
        out.set("signatory_name", clean_value(per.value.group(1)), per)  # type: ignore[attr-defined]
        out.set("signatory_title", clean_value(per.value.group(2)), per)  # type: ignore[attr-defined]
        return
    closings = [line for line in view.lines if CLOSING_RE.match(line.stripped)]
    start = closings[-1].index + 1 if closings else max(0, len(view.lines) - 8)
    _signature_block(view.lines[start : start + 8], out)


def _signature_block(lines: list[Line], out: Collector) -> None:
    previous: str | None = None
    for position, line in enumerate(lines):
        text = re.sub(
            r"(?i)^(?:signature|signed(?:\s+by)?|\(signed\)|/s/|per|par|name|nom)\s*:?\s+", "", line.stripped
        ).strip("_ ")
        if not text or text == previous:
            previous = text
            continue
        previous = text
        bare = POST_NOMINAL.sub("", text).strip(" ,")
        name, _, title = bare.partition(",")
        name = re.sub(rf"^{HONORIFIC}\s+", "", name.strip())
        if (
            not looks_like_person(name)
            or NOT_SIGNER.search(name)
            or ORG_WORDS.search(name)
            or (name.isupper() and len(name.split()) > 2)
        ):
            continue
        text = bare
        out.set("signatory_name", clean_person(name), line)
        if title.strip():
            out.set("signatory_title", clean_value(title), line)
            return
        for next_line in lines[position + 1 : position + 3]:
            candidate = next_line.stripped
            if candidate.startswith(text + ","):
                candidate = candidate[len(text) + 1 :]
            candidate = re.sub(r"(?i)^(?:title|titre|position|poste)\s*:?\s+", "", candidate)
            if candidate != text and _is_signer_title(candidate):
                out.set("signatory_title", clean_value(_without_company(candidate)), next_line)
                return
        return


def _without_company(title: str) -> str:
    """A signer's title without the company named after it ("Owner, Tidewater Cabinetry Ltd.")."""
    head, _, rest = title.partition(",")
    return head.strip() if rest.strip() and company_names(rest) else title


def _is_signer_title(text: str) -> bool:
    """A line under a signer's name that is their title: a title word, or a short line of words that
    is no company, address, phone or e-mail ("Contrôleuse", "Partner")."""
    if EMAIL_RE.search(text) or PHONE_RE.search(text) or len(text) >= 80:
        return False
    if TITLE_HINT.search(text):
        return True
    return (
        len(text.split()) <= 4
        and not re.search(r"\d|www\.|@", text)
        and not company_names(text)
        and not ORG_WORDS.search(text)
        and not looks_like_person(text)
    )


def _contacts(view: TextView, out: Collector) -> None:
    edges = view.lines[:10] + view.lines[-10:]
    found = find_address(view, edges) or find_address(view, view.lines)
    if found:
        out.set("employer_address", found[0], found[1])
    for line in view.lines:
        for match in EMAIL_RE.finditer(line.stripped):
            out.set("employer_email", match.group(0).rstrip(".").replace(" ", ""), line)
        for match in PHONE_RE.finditer(line.stripped):
            if not re.search(r"(?i)fax|télécopieur|téléc", line.stripped[max(0, match.start() - 12) : match.start()]):
                out.set("employer_phone", match.group(0), line)


# "Issued this 9th day of January, 2026", "Fait à Montréal, le 3 mars 2025", "Dated at Regina on ...".
ISSUED_ON = re.compile(rf"(?i)^(?:issued|dated|signed|given|fait|sign[ée]e?|donn[ée]e?)\b[^\n]{{0,60}}?({DATE_ANY})")


def _letter_date(view: TextView, out: Collector) -> None:
    label = view.labelled(
        re.compile(r"(?i)^(?:date|dated|issued(?:\s+on)?|date\s+of\s+issue)\s*:"), parse_date, below=0
    )
    if label:
        out.set("letter_date", label.value, label)
        return
    issued = view.find(ISSUED_ON)
    if issued:
        out.set("letter_date", parse_date(issued.value.group(1)), issued)  # type: ignore[attr-defined]
        return
    for line in view.lines[:15]:
        for cell in line.cells:
            dates = find_dates(cell.text)
            if len(dates) != 1:
                continue
            others = DATE_RE.sub("", cell.text)
            if len(re.findall(r"[A-Za-zÀ-ÿ]+", others)) <= 4 and not re.search(
                r"(?i)since|from|depuis|born|birth", others
            ):
                out.set("letter_date", dates[0].value, line)
                return


# --- positions in repeated sections ("Position 1: ... Position 2: ...") -----------------


def _labelled_title(text: str) -> str | None:
    """The job title after a title label ("Position: Analyst"), if the text starts with one."""
    match = LABELS["title"].match(text)
    return title_value(strip_translation(text[match.end() :])) if match else None


def _section_positions(view: TextView, out: Collector) -> list[Position]:
    """Letters that repeat a block of labelled lines per position held."""
    heads = [line.index for line in view.lines if line.cells and _labelled_title(line.cells[0].text)]
    if len(heads) < 2:
        return []
    sections = []
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else min(len(view.lines), head + 25)
        part = TextView(view.lines[head:end])
        sub = Collector()
        _title(part, part.prose(), [], sub, [])
        hit = part.labelled(LABELS["period"], lambda t: _range(t), below=0)
        if hit:
            sub.set("start_date", hit.value[0], hit)  # type: ignore[index]
            sub.set("end_date", hit.value[1], hit)  # type: ignore[index]
        for key in ("start", "end"):
            date_hit = part.labelled(LABELS[key], partial(date_cell, end=key == "end"), below=0)
            if date_hit:
                sub.set(f"{key}_date", date_hit.value, date_hit)
        _hours(part, part.prose(), _starts(part), sub, [])
        money = part.labelled(LABELS["salary"], money_cell, below=0)
        if money:
            sub.set("salary_amount", money.value[0], money)  # type: ignore[index]
            sub.set("salary_period", money.value[1], money)  # type: ignore[index]
        read_duties(part, sub)
        sub.values.pop("_duty_blocks", None)
        values = {k: sub.values.get(k) for k in Position.model_fields if sub.values.get(k) is not None}
        sections.append((Position.model_validate(values), sub))
    sections.sort(key=lambda item: item[0].start_date or dt.date.min)
    everything = [duty for position, _ in sections for duty in position.duties]
    if everything:
        out.set("duties", everything, None, snippet="duties of each position held")
    return [position for position, _ in sections]


def _starts(view: TextView) -> list[int]:
    return prose_index(view)[1]


def _range(text: str) -> tuple[object, object] | None:
    dates = find_dates(text)
    if not dates:
        return None
    end = dates[1].value if len(dates) > 1 else None
    return dates[0].value, end


# --- positions listed one per line ("Cook (May 2021 to June 2023): 40 hours per week, $18/h") ---

LINE_POSITION = re.compile(
    rf"^[-•*\s]*(?:\d{{1,2}}[.)]\s+)?([A-ZÀ-Ý][\w/&'’\-À-ÿ ]{{2,60}}?)\s*(?:\(|:|–|—|-)\s*(?:from\s+|du\s+|de\s+)?({LOOSE_DATE_ANY})\s*"
    rf"(?:to|until|-|–|—|au|à|jusqu[’']au)\s*({LOOSE_DATE_ANY}|present|today|now|à\s+ce\s+jour|aujourd[’']hui|ce\s+jour)\s*\)?\s*[:,;.–—-]?\s*(.*)$",
    re.IGNORECASE,
)


def _line_positions(view: TextView) -> list[Position]:
    """Two or more lines that each give a title, its dates, and perhaps its hours and pay.

    What the line leaves out (hours, pay, duties) may follow it, up to the next position's line.
    """
    found = _position_lines(view)
    if len(found) < 2:
        return []
    positions = []
    for number, (line, position) in enumerate(found):
        end = found[number + 1][0].index if number + 1 < len(found) else min(len(view.lines), line.index + 15)
        positions.append(_with_body(position, view.lines[line.index + 1 : end]))
    return sorted(positions, key=lambda p: p.start_date or dt.date.min)


def _with_body(position: Position, body: list[Line]) -> Position:
    """A position line's missing hours and pay from the lines under it, and the bullets right under it as its duties."""
    update: dict[str, object] = {}
    for line in body[:3]:
        if BULLET.match(line.text):
            break
        hours = parse_hours_per_week(line.stripped)
        money = money_cell(line.stripped)
        if position.hours_per_week is None and hours and "hours_per_week" not in update:
            update["hours_per_week"] = float(hours.value)  # type: ignore[arg-type]
        if position.salary_amount is None and money and "salary_amount" not in update:
            update |= {"salary_amount": money[0], "salary_period": money[1]}
    duties: list[str] = []
    for line in body:
        if BULLET.match(line.text):
            duties.append(duty_text(BULLET.sub("", line.text)))
        elif duties:
            break
    if duties:
        update["duties"] = duties
    return position.model_copy(update=update)


# "Retail Sales Associate from May 3, 2021 to June 2, 2023, ..." and "Store Lead since June 3, 2023, ...":
# the title opens the line with no mark after it; a line that starts with a sentence is not one.
LINE_POSITION_WORDED = re.compile(
    rf"^[-•*\s]*(?:\d{{1,2}}[.)]\s+)?([A-ZÀ-Ý][\w/&'’\-À-ÿ ]{{2,60}}?)\s+(?:"
    rf"(?:from|du|de)\s+({LOOSE_DATE_ANY})\s*(?:to|until|-|–|—|au|à|jusqu[’']au)\s*({LOOSE_DATE_ANY}|present|today|now|à\s+ce\s+jour|aujourd[’']hui)"
    rf"|(?:since|depuis(?:\s+le)?)\s+({LOOSE_DATE_ANY}))\s*[:,;.–—-]?\s*(.*)$",
    re.IGNORECASE,
)
SENTENCE_WORDS = re.compile(
    r"(?i)\b(?:worked|works|working|employed|was|is|has|have|had|joined|served|held|holds|a\s+travaillé|travaille|est|était|occupe)\b"
)


def _position_line(text: str) -> tuple[str, str, str | None, str] | None:
    """(title, start, end or None when current, the rest) of a line that opens with a position."""
    match = LINE_POSITION.match(text)
    if match:
        return match.group(1), match.group(2), match.group(3), match.group(4)
    worded = LINE_POSITION_WORDED.match(text)
    if not worded or SENTENCE_WORDS.search(worded.group(1)):
        return None
    if worded.group(4):
        return worded.group(1), worded.group(4), None, worded.group(5)
    return worded.group(1), worded.group(2), worded.group(3), worded.group(5)


def _position_lines(view: TextView) -> list[tuple[Line, Position]]:
    positions = []
    for line in view.lines:
        parts = _position_line(line.stripped)
        title = title_value(parts[0]) if parts else None
        if not parts or not title or any(label.match(f"{title}:") for label in LABELS.values()):
            continue  # "Période : du ... au ..." is a labelled period, not a position
        _, start, end, rest = parts
        hours = parse_hours_per_week(rest)
        money = money_cell(rest)
        position = Position(
            job_title=title,
            start_date=loose_date(start),
            end_date=_range_end(end) if end else None,
            hours_per_week=float(hours.value) if hours else None,  # type: ignore[arg-type]
            salary_amount=money[0] if money else None,
            salary_period=cast("SalaryPeriod | None", money[1] if money else None),
        )
        positions.append((line, position))
    return positions


# --- positions in tables ----------------------------------------------------------


__all__ = ["extract_letter", "parse_amount"]
