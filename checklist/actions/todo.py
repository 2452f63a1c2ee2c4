"""What to collect, per job and per year, before (and while) documents arrive.

The list comes from the claims alone: a reference letter per job with every
element IRCC asks for, pay stubs for each month worked, a T4 and a notice of
assessment for each completed year, status documents for every day from the
first day of work, and the language test. Each item ticks itself from what the
checks already decided (the evidence matrix, the findings, the authorization
periods); nothing here is a new rule. An item a finding only doubts (`unsure`,
read by OCR) is not ticked as missing: it asks a person to confirm.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from checklist.actions.elements import LETTER_ELEMENTS
from checklist.models.case import Case, Job
from checklist.models.findings import Finding, Severity
from checklist.models.report import EvidenceItem, Report, TodoItem
from checklist.rules.hours import uncovered_ranges

LANGUAGE_CODES = (
    "language.missing",
    "language.expired",
    "language.date-unread",
    "language.below-minimum",
    "language.name-mismatch",
)


def build_todo(case: Case, report: Report) -> list[TodoItem]:
    """The whole list: per job (letter, pay stubs, T4 and NOA per year, status), then the language test."""
    items: list[TodoItem] = []
    for index, job in enumerate(case.jobs):
        evidence = {
            (item.key, item.year): item for group in report.evidence if group.job == index for item in group.items
        }
        items.append(letter_item(index, job, evidence.get(("letter", None)), report.findings))
        items.append(_stubs_item(index, job, evidence.get(("pay_stubs", None))))
        items += [
            _year_item(index, job, item)
            for (key, _), item in sorted(evidence.items(), key=_order)
            if key in ("t4", "noa")
        ]
        items.append(_status_item(index, job, report, evidence.get(("permit", None))))
    items.append(_language_item(report))
    return items


def _order(entry: tuple[tuple[str, int | None], EvidenceItem]) -> tuple[int, int]:
    """By year, the T4 before the notice of assessment."""
    (key, year), _ = entry
    return (year or 0, 0 if key == "t4" else 1)


def _open(findings: Iterable[Finding], codes: Iterable[str], index: int | None, paths: list[str]) -> list[Finding]:
    """Findings of these codes about this job (or its documents) that a person has not acknowledged."""
    wanted = set(codes)
    return [
        f
        for f in findings
        if f.code in wanted and not f.acknowledged and (f.job == index or any(p in f.documents for p in paths))
    ]


def letter_item(index: int, job: Job, evidence: EvidenceItem | None, findings: list[Finding]) -> TodoItem:
    """The reference letter, element by element: missing when a finding says so, to confirm when it only doubts."""
    paths = evidence.documents if evidence else []
    label = f"Reference letter from {job.employer} ({job.title})"
    if not paths:
        return TodoItem(
            key="letter",
            job=index,
            label=label,
            missing=["no reference letter yet; it must show " + "; ".join(e.en for e in LETTER_ELEMENTS)],
        )
    missing, confirm = [], []
    for element in LETTER_ELEMENTS:
        found = _open(findings, element.codes, index, paths) if element.codes else []
        if not element.codes:
            confirm.append(element.en)
        elif any(not f.unsure for f in found):
            missing.append(_with_detail(element.en, [f for f in found if not f.unsure]))
        elif found:
            confirm.append(_with_detail(element.en, found) + ": it may be there but could not be read")
    return TodoItem(
        key="letter", job=index, label=label, done=not missing, missing=missing, confirm=confirm, documents=paths
    )


# the finding values that say what exactly is wrong, and the words that introduce them
DETAIL_KEYS = {"differences": "", "missing": "without ", "problem": "", "listed": "the letter lists ", "email": "only "}


def _with_detail(label: str, found: list[Finding]) -> str:
    """The element, with what its findings say in a few words ("no end date", "35 hours in the letter, 40 claimed")."""
    details = [words + str(f.values[key]) for f in found for key, words in DETAIL_KEYS.items() if f.values.get(key)]
    return f"{label} ({'; '.join(details)})" if details else label


def _stubs_item(index: int, job: Job, evidence: EvidenceItem | None) -> TodoItem:
    label = f"Pay stubs from {job.employer}, every month worked"
    if evidence is None:
        return TodoItem(key="pay_stubs", job=index, label=label)
    months = month_ranges(evidence.missing)
    missing = [f"months without a pay stub: {', '.join(months)}"] if months else []
    if not evidence.documents:
        missing = ["no pay stub yet" + (f" (months: {', '.join(months)})" if months else "")]
    confirm = (
        ["a pay stub was read by OCR or a finding concerns it: check the values"]
        if evidence.status == "in_doubt" and not missing
        else []
    )
    return TodoItem(
        key="pay_stubs",
        job=index,
        label=label,
        done=not missing,
        missing=missing,
        confirm=confirm,
        documents=evidence.documents,
    )


def _year_item(index: int, job: Job, evidence: EvidenceItem) -> TodoItem:
    """A T4 (required) or a notice of assessment (supporting) for one completed calendar year."""
    t4 = evidence.key == "t4"
    label = f"T4 {evidence.year} from {job.employer}" if t4 else f"Notice of assessment {evidence.year} (CRA)"
    what = (
        f"no T4 for {evidence.year} from {job.employer} yet"
        if t4
        else f"no notice of assessment for {evidence.year} yet"
    )
    present = bool(evidence.documents)
    confirm = ["read by OCR or a finding concerns it: check the values"] if evidence.status == "in_doubt" else []
    return TodoItem(
        key=evidence.key,
        job=index,
        label=label,
        required=t4,
        done=present,
        missing=[] if present else [what],
        confirm=confirm,
        documents=evidence.documents,
    )


def _status_item(index: int, job: Job, report: Report, evidence: EvidenceItem | None) -> TodoItem:
    """Status documents for every day from the first day of work (days before the window too: officers look)."""
    label = f"Work permit or other status documents for every day at {job.employer} from {job.start}"
    last = min(job.end or report.as_of, report.as_of)
    before = _uncovered_before_window(job.start, min(last, report.window.start - dt.timedelta(days=1)), report)
    gaps = before + (evidence.missing if evidence else [])
    paths = evidence.documents if evidence else []
    blocking = _open(
        report.findings,
        (
            "permit.gap",
            "permit.missing",
            "permit.dates-unread",
            "permit.not-work-authorization",
            "permit.employer-mismatch",
            "permit.occupation-mismatch",
            "permit.restricted-occupation",
        ),
        index,
        [],
    )
    missing = [f"days not covered: {', '.join(gaps)}"] if gaps else []
    missing += [f.message for f in blocking if not f.unsure and f.code != "permit.gap"]
    if not paths and not report.authorization:
        missing = [f"no status document yet; the days from {job.start} to {last} need one"]
    return TodoItem(
        key="status",
        job=index,
        label=label,
        done=not missing,
        missing=missing,
        confirm=[f.message for f in blocking if f.unsure],
        documents=paths,
    )


def _uncovered_before_window(first: dt.date, last: dt.date, report: Report) -> list[str]:
    """Days of the job before the 3-year window that no authorization period's dates cover."""
    if first > last:
        return []
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    open_days = [d for d in days if not any(p.start <= d <= p.end for p in report.authorization)]
    return [f"{a} to {b}" if a != b else str(a) for a, b in uncovered_ranges(open_days)]


def _language_item(report: Report) -> TodoItem:
    """The language test result; the language findings say what still misses."""
    paths = [doc.path for doc in report.documents if doc.kind == "language_test"]
    found = _open(report.findings, LANGUAGE_CODES, None, paths)
    missing = [f.message for f in found if f.severity is Severity.BLOCKER and not f.unsure]
    if not paths:
        missing = [
            "no language test result yet (IELTS General Training, CELPIP-General, PTE Core, TEF Canada or TCF Canada)"
        ]
    confirm = [f.message for f in found if f.severity is not Severity.BLOCKER or f.unsure]
    return TodoItem(
        key="language",
        label="Language test result (less than 2 years old when you apply)",
        done=not missing,
        missing=missing,
        confirm=confirm,
        documents=paths,
    )


def month_ranges(months: list[str]) -> list[str]:
    """ "YYYY-MM" months as runs ("2024-01 to 2024-04"), so a long gap reads as one line."""
    runs: list[list[str]] = []
    for month in sorted(months):
        if runs and _next_month(runs[-1][-1]) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return [run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs]


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12}-{number % 12 + 1:02d}"
