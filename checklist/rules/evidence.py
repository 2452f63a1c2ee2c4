"""The evidence matrix: per claimed job, which proof is present, missing or in doubt.

It summarises what the checks already found (a document with a blocker or
warning about it, or read by OCR, is "in doubt"); it decides nothing new.
"""

from __future__ import annotations

import datetime as dt

from checklist.kinds.noa.fields import NoaFields
from checklist.kinds.pay_stub.fields import PayStubFields
from checklist.kinds.t4.fields import T4Fields
from checklist.models.document import DocumentKind
from checklist.models.findings import Finding
from checklist.models.report import EvidenceItem, JobEvidence
from checklist.rules.context import Context
from checklist.rules.hours import uncovered_ranges
from checklist.rules.matching import job_days, same_person

PRESENT, MISSING, DOUBT = "present", "missing", "in_doubt"


def evidence_matrix(ctx: Context, findings: list[Finding]) -> list[JobEvidence]:
    doubted = {path for f in findings if f.severity.value in ("blocker", "warning") for path in f.documents}
    return [JobEvidence(job=index, items=_items(ctx, index, doubted)) for index in range(len(ctx.case.jobs))]


def _status(paths: list[str], doubted: set[str], ctx: Context) -> str:
    if not paths:
        return MISSING
    ocr = {doc.path for doc in ctx.documents if doc.raw.ocr}
    return DOUBT if any(p in doubted or p in ocr for p in paths) else PRESENT


def _items(ctx: Context, index: int, doubted: set[str]) -> list[EvidenceItem]:
    letter = ctx.letter(index)
    letters = [letter.path] if letter else []
    items = [
        EvidenceItem(label="Reference letter", status=_status(letters, doubted, ctx), documents=letters, key="letter")
    ]
    items.append(_stubs(ctx, index, doubted))
    years = _years(ctx, index)
    t4s = {
        doc.fields_as(T4Fields).tax_year: doc.path
        for i in _group(ctx, index)
        for doc in ctx.for_job(i, DocumentKind.T4)
    }
    for year in years:
        paths = [t4s[year]] if year in t4s else []
        items.append(
            EvidenceItem(label=f"T4 {year}", status=_status(paths, doubted, ctx), documents=paths, key="t4", year=year)
        )
    noas = {
        fields.tax_year: doc.path
        for doc in ctx.of_kind(DocumentKind.NOA)
        if not (fields := doc.fields_as(NoaFields)).employee_name
        or same_person(fields.employee_name, ctx.case.applicant)
    }
    for year in years:
        paths = [noas[year]] if year in noas else []
        status = _status(paths, doubted, ctx) if paths else "not_provided"  # supporting, not required
        items.append(EvidenceItem(label=f"NOA {year}", status=status, documents=paths, key="noa", year=year))
    items.append(_permits(ctx, index))
    return items


def _group(ctx: Context, index: int) -> list[int]:
    return next(group for group in ctx.employer_groups() if index in group)


def _years(ctx: Context, index: int) -> list[int]:
    span = job_days(ctx.case.jobs[index], ctx.until, ctx.window[0])
    return [y for y in range(span[0].year, span[1].year + 1) if y < ctx.as_of.year] if span else []


def _stubs(ctx: Context, index: int, doubted: set[str]) -> EvidenceItem:
    stubs = ctx.for_job(index, DocumentKind.PAY_STUB)
    span = job_days(ctx.case.jobs[index], ctx.until, ctx.window[0])
    months = set()
    for stub in stubs:
        fields = stub.fields_as(PayStubFields)
        start, end = fields.period_start, fields.period_end or fields.pay_date
        if isinstance(end, dt.date):
            start = start if isinstance(start, dt.date) else end
            months |= {(start.year, start.month), (end.year, end.month)}
    expected = set()
    if span:
        day = span[0].replace(day=1)
        while day <= span[1]:
            if (day.year, day.month) != (ctx.as_of.year, ctx.as_of.month):  # that month's pay is not out yet
                expected.add((day.year, day.month))
            day = (day + dt.timedelta(days=32)).replace(day=1)
    covered = len(months & expected)
    paths = [stub.path for stub in stubs]
    status = _status(paths, doubted, ctx) if paths else MISSING
    if paths and covered < len(expected) and status == PRESENT:
        status = DOUBT
    return EvidenceItem(
        label="Pay stubs",
        status=status,
        detail=f"{covered} of {len(expected)} months covered",
        documents=paths,
        key="pay_stubs",
        missing=[f"{year}-{month:02d}" for year, month in sorted(expected - months)],
    )


def _permits(ctx: Context, index: int) -> EvidenceItem:
    span = job_days(ctx.case.jobs[index], ctx.until, ctx.window[0])
    periods = ctx.authorization.periods
    if not periods:
        return EvidenceItem(label="Work permit", status=MISSING, detail="no work authorization", key="permit")
    if span is None:
        return EvidenceItem(label="Work permit", status="not_needed", key="permit")
    total = (span[1] - span[0]).days + 1
    days = [span[0] + dt.timedelta(days=n) for n in range(total)]
    open_days = [day for day in days if not ctx.authorized(index, day)]
    uncovered = len(open_days)
    paths = sorted({d for p in periods if p.start <= span[1] and p.end >= span[0] for d in p.documents})
    status = PRESENT if uncovered == 0 else DOUBT if uncovered < total else MISSING
    return EvidenceItem(
        label="Work permit",
        status=status,
        detail="all days covered" if not uncovered else f"{uncovered} of {total} days not covered",
        documents=paths,
        key="permit",
        missing=[f"{a} to {b}" if a != b else str(a) for a, b in uncovered_ranges(open_days)],
    )
