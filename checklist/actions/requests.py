"""What to ask each employer for a better reference letter: decided from the findings, never re-derived.

For every claimed job whose reference letter misses an element, lacks a position
or contradicts the claim, `build_requests` returns an `EmployerRequest`: who to
address (the letter's signer, else HR), the language (the letter's), the facts
the current letter gives as read, and the asks, one per finding. A value the
reader could not read is reported as unread, never as absent (an `unsure`
finding asks the employer to make sure the value is stated, quoting the letter).

Nothing here writes duties or suggests what a letter should say about the work:
a duties ask is always "describe them in your own words". The NOC text a
`duties.copied-from-noc` finding quotes is never carried into a request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from checklist.actions.elements import LETTER_ELEMENTS, LetterElement
from checklist.kinds import report_fields
from checklist.kinds.reference_letter.fields import Position, ReferenceLetterFields
from checklist.models.findings import Finding, Severity
from checklist.models.report import DocumentReport, Report

# Codes that are about the letter of a job: each becomes one or more asks.
LETTER_CODES = frozenset(code for element in LETTER_ELEMENTS for code in element.codes) | {
    "letter.missing",
    "employer.name-mismatch",
}
# These concern the letter only when the finding names the letter among its documents.
DOCUMENT_CODES = frozenset({"name.mismatch", "employer.name-mismatch"})
# A letter's fact for each field the finding may name (`Finding.field`).
FACT_FIELDS = {"job_title": "title", "start_date": "start", "hours_per_week": "hours", "salary_amount": "salary"}
# The pieces of a `letter.claim-mismatch` finding's "differences", as `checklist.rules.letters` writes them.
DIFFERENCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("start", re.compile(r"^start (\S+) in the letter, (\S+) claimed$")),
    ("end", re.compile(r"^end (\S+) in the letter, (\S+) claimed$")),
    ("ended", re.compile(r"^the letter says the job ended on (\S+), the claim says it is current$")),
    ("current", re.compile(r"^the letter says the job is current, the claim ends it on (\S+)$")),
    ("hours", re.compile(r"^([\d.,]+) hours per week in the letter, ([\d.,]+) claimed$")),
    ("title", re.compile(r"^title '(.*)' in the letter, '(.*)' claimed$")),
)


@dataclass(frozen=True)
class Fact:
    """One value of the current letter: `read` (shown as is), `unread` (could not be read) or `absent`."""

    key: str  # title | start | end | hours | salary
    state: str
    value: str | None = None
    quote: str | None = None  # for `unread`: the letter's words that may state it
    unit: str | None = None  # salary: year | month | week | hour, as read


@dataclass(frozen=True)
class PositionFacts:
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Ask:
    """One thing to add, correct or confirm; `values` are the finding's values as strings."""

    kind: str  # letter | add | unread | differs | positions | renew | after-end | company-email | own-words | name | employer-name
    code: str
    element: LetterElement | None = None
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EmployerRequest:
    job: int
    employer: str  # as claimed
    title: str  # as claimed
    applicant: str
    language: str  # en | fr
    signer: str | None
    signer_title: str | None
    letter: str | None  # the letter's path in the case folder, or None when there is none
    positions: tuple[PositionFacts, ...]
    asks: tuple[Ask, ...]
    claim: dict[str, str] = field(default_factory=dict)  # the profile's title, start, end, hours


def build_requests(report: Report, language: str | None = None) -> list[EmployerRequest]:
    """One request per claimed job whose letter the findings say misses, lacks or contradicts something."""
    jobs = report.claims.jobs if report.claims else []
    out = []
    for index, job in enumerate(jobs):
        request = build_request(report, index, job, language)
        if request is not None:
            out.append(request)
    return out


def build_request(report: Report, index: int, job: dict[str, Any], language: str | None) -> EmployerRequest | None:
    letter = job_letter(report, index)
    found = letter_findings(report.findings, index, letter.path if letter else None)
    asks = [ask for finding in found for ask in asks_for(finding)]
    if not asks:
        return None
    fields = letter_fields(letter) if letter else ReferenceLetterFields()
    return EmployerRequest(
        job=index,
        employer=str(job.get("employer", "")),
        title=str(job.get("title", "")),
        applicant=report.applicant,
        language=language or letter_language(letter),
        signer=_text(fields.signatory_name),
        signer_title=_text(fields.signatory_title),
        letter=letter.path if letter else None,
        positions=position_facts(fields, found) if letter else (),
        asks=tuple(asks),
        claim=_claim(job),
    )


def job_letter(report: Report, index: int) -> DocumentReport | None:
    """The job's reference letter (the first, by path, when there are several)."""
    letters = sorted(
        (d for d in report.documents if d.kind == "reference_letter" and d.job == index), key=lambda d: d.path
    )
    return letters[0] if letters else None


def letter_language(letter: DocumentReport | None) -> str:
    """French when the letter is French; English otherwise (and when nothing was read)."""
    language = (letter.language or letter_fields(letter).language) if letter else None
    return "fr" if language == "fr" else "en"


def letter_fields(letter: DocumentReport) -> ReferenceLetterFields:
    """A letter's fields in the report, typed again."""
    fields = report_fields(letter.kind, letter.fields)
    return fields if isinstance(fields, ReferenceLetterFields) else ReferenceLetterFields()


def letter_findings(findings: Iterable[Finding], index: int, letter: str | None) -> list[Finding]:
    """Open findings about this job's letter (an `info` note only corrects the profile: not asked of the employer)."""
    out = []
    for f in findings:
        if f.acknowledged or f.severity is Severity.INFO:
            continue
        if f.code in DOCUMENT_CODES:
            if letter is not None and letter in f.documents:
                out.append(f)
        elif f.code in LETTER_CODES and f.job == index:
            out.append(f)
    return out


def element_for(code: str) -> LetterElement | None:
    return next((element for element in LETTER_ELEMENTS if code in element.codes), None)


def asks_for(finding: Finding) -> list[Ask]:
    """The asks one finding makes; duties are only ever asked for in the employer's own words."""
    code, values = finding.code, {k: str(v) for k, v in finding.values.items() if v is not None}
    element = element_for(code)
    if code == "letter.missing":
        return [Ask("letter", code)]
    if code == "letter.claim-mismatch":
        return [_difference(piece, code, element) for piece in values.get("differences", "").split("; ") if piece]
    if code in ("letter.missing-duties", "duties.copied-from-noc"):
        kind = "unread" if finding.unsure else "own-words"
        return [Ask(kind, code, element, _keep(values, "quote", "what"))]
    if finding.unsure:
        return [Ask("unread", code, element, _keep(values, "quote", "what"))]
    simple = {
        "letter.position-missing": ("positions", ("listed",)),
        "letter.stale": ("renew", ("letter_date",)),
        "letter.date-before-end": ("after-end", ("letter_date", "end")),
        "letter.personal-email": ("company-email", ("email",)),
        "name.mismatch": ("name", ("found", "applicant")),
        "employer.name-mismatch": ("employer-name", ("found", "employer")),
    }
    if code in simple:
        kind, keys = simple[code]
        return [Ask(kind, code, element, _keep(values, *keys))]
    return [Ask("add", code, element, _keep(values, "missing", "problem"))]


def _difference(piece: str, code: str, element: LetterElement | None) -> Ask:
    """One contradiction, with the two values compared (the raw words when the piece has another shape)."""
    for aspect, pattern in DIFFERENCE_PATTERNS:
        match = pattern.match(piece)
        if match:
            letter_value = match.group(1)
            claimed = match.group(2) if pattern.groups > 1 else ""
            return Ask("differs", code, element, {"aspect": aspect, "letter": letter_value, "claimed": claimed})
    return Ask("differs", code, element, {"aspect": "other", "text": piece})


def _keep(values: dict[str, str], *keys: str) -> dict[str, str]:
    return {key: values[key] for key in keys if values.get(key)}


def position_facts(fields: ReferenceLetterFields, found: list[Finding]) -> tuple[PositionFacts, ...]:
    """Each position the letter lists (or the letter's own values), field by field as read."""
    positions: list[Position | ReferenceLetterFields] = [*fields.positions] or [fields]
    current = bool(fields.currently_employed)
    return tuple(PositionFacts(_facts(position, found, current)) for position in positions)


def _facts(position: Position | ReferenceLetterFields, found: list[Finding], current: bool) -> tuple[Fact, ...]:
    salary = position.salary_amount
    values: dict[str, str | None] = {
        "title": _text(position.job_title),
        "start": _text(position.start_date),
        "end": _text(position.end_date) or ("current" if current else None),
        "hours": f"{float(position.hours_per_week):g}" if position.hours_per_week else None,
        "salary": f"{float(salary):.2f}" if salary else None,
    }
    facts = [_fact(key, value, found) for key, value in values.items()]
    period = _text(position.salary_period)
    return tuple(replace(f, unit=period) if f.key == "salary" and f.state == "read" else f for f in facts)


def _fact(key: str, value: str | None, found: list[Finding]) -> Fact:
    """Read, or unread (an unsure finding quotes the words), or absent only when a check decided it is."""
    if value:
        return Fact(key, "read", value)
    about = [f for f in found if _about(f) == key]
    unsure = next((f for f in about if f.unsure), None)
    if unsure is not None:
        return Fact(key, "unread", quote=str(unsure.values.get("quote") or "") or None)
    if any(not f.unsure for f in about):
        return Fact(key, "absent")
    return Fact(key, "unread")


def _about(finding: Finding) -> str | None:
    """The fact a finding says misses (the dates finding names the start or the end in its problem)."""
    if finding.code == "letter.missing-dates":
        return "end" if "end date" in str(finding.values.get("problem", "")) else "start"
    if finding.code.startswith("letter.missing-"):
        return FACT_FIELDS.get(finding.field or "")
    return None


def _claim(job: dict[str, Any]) -> dict[str, str]:
    hours = job.get("hours_per_week")
    return {
        "title": str(job.get("title") or ""),
        "start": str(job.get("start") or ""),
        "end": str(job.get("end") or ""),
        "hours": f"{float(hours):g}" if hours else "",
    }


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value not in (None, "", []) else None
