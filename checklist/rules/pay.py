"""Pay and tax evidence: pay stubs cover the job and agree with the letter's
hours; a T4 for each completed year, and its income agrees with the letter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checklist.kinds.pay_stub.fields import PayStubFields
from checklist.kinds.t4.fields import T4Fields
from checklist.models.document import Document, DocumentKind
from checklist.rules.context import Context
from checklist.rules.hours import uncovered_ranges
from checklist.rules.matching import job_days
from checklist.rules.registry import Gap, rule

GAP_DAYS = 31
HOURS_TOLERANCE = 0.10
INCOME_TOLERANCE = 0.20
PERIOD_FACTORS = {"year": 1.0, "month": 12.0, "week": 52.0}


def _periods(stubs: list[Document]) -> list[tuple[dt.date, dt.date, Document]]:
    out = []
    for stub in stubs:
        fields = stub.fields_as(PayStubFields)
        start, end = fields.period_start, fields.period_end or fields.pay_date
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start <= end:
            out.append((start, end, stub))
    return sorted(out, key=lambda item: item[0])


@rule(
    "paystub.missing",
    "warning",
    "No pay stubs for a job",
    "No pay stub from {employer} was found.",
    "Add pay stubs from {employer} covering the claimed period (at least one per quarter, ideally all).",
)
def paystub_missing(ctx: Context) -> Iterator[Gap]:
    """Pay stubs show the work was paid and the hours actually worked."""
    for index, job in enumerate(ctx.case.jobs):
        if not ctx.for_job(index, DocumentKind.PAY_STUB):
            yield Gap({"employer": job.employer}, job=index)


@rule(
    "paystub.gap",
    "warning",
    "Pay stubs leave part of the job uncovered",
    "Pay stubs from {employer} leave {ranges} uncovered.",
    "Add the pay stubs for these dates, or a payroll record from {employer} covering them.",
)
def paystub_gap(ctx: Context) -> Iterator[Gap]:
    """Stretches of more than 31 days of the job (inside the window) with no pay period suggest unpaid or missing work."""
    for index, job in enumerate(ctx.case.jobs):
        periods = _periods(ctx.for_job(index, DocumentKind.PAY_STUB))
        span = job_days(job, ctx.until, ctx.window[0])
        if not periods or span is None:
            continue
        covered = set()
        for start, end, _ in periods:
            day = max(start, span[0])
            while day <= min(end, span[1]):
                covered.add(day)
                day += dt.timedelta(days=1)
        uncovered = [
            d for d in (span[0] + dt.timedelta(n) for n in range((span[1] - span[0]).days + 1)) if d not in covered
        ]
        long = [(a, b) for a, b in uncovered_ranges(uncovered) if (b - a).days + 1 > GAP_DAYS]
        if long:
            text = ", ".join(f"{a} to {b} ({(b - a).days + 1} days)" for a, b in long)
            yield Gap(
                {"employer": job.employer, "ranges": text}, job=index, documents=tuple(p[2].path for p in periods)
            )


@rule(
    "paystub.hours-inconsistent",
    "warning",
    "Pay stub hours below the letter's",
    "Pay stubs from {employer} show {paid} hours over {weeks} weeks, {average} h/week on average, "
    "more than 10% below the {stated} h/week the letter states; the lower figure was used for the hours.",
    "Check the letter's hours against your pay stubs; if the stubs are right, ask {employer} to correct the letter, or claim the lower hours.",
)
def paystub_hours(ctx: Context) -> Iterator[Gap]:
    """Officers compare the letter with the hours actually paid; for an hourly job the lower figure is the one used."""
    for index, job in enumerate(ctx.case.jobs):
        stated, stubs = ctx.letter_hours(index), ctx.stub_hours(index)
        if not stated or stubs is None:
            continue
        if stubs.weekly < stated * (1 - HOURS_TOLERANCE):
            yield Gap(
                {
                    "employer": job.employer,
                    "paid": f"{stubs.paid:,.1f}",
                    "weeks": f"{stubs.days / 7:.1f}",
                    "average": f"{stubs.weekly:.1f}",
                    "stated": f"{stated:g}",
                },
                job=index,
                documents=stubs.documents,
            )


def _completed_years(ctx: Context, index: int) -> list[int]:
    job = ctx.case.jobs[index]
    span = job_days(job, ctx.until, ctx.window[0])
    if span is None:
        return []
    return [year for year in range(span[0].year, span[1].year + 1) if year < ctx.as_of.year]


def _t4s(ctx: Context, group: list[int]) -> list[Document]:
    return [doc for index in group for doc in ctx.for_job(index, DocumentKind.T4)]


@rule(
    "t4.missing-year",
    "warning",
    "No T4 for a year of claimed work",
    "No T4 from {employer} for {year}, a completed year of claimed work.",
    "Add the {year} T4 from {employer} (it is also in your CRA My Account), or its notice of assessment.",
)
def t4_missing_year(ctx: Context) -> Iterator[Gap]:
    """T4 slips corroborate paid employment for each calendar year claimed (one T4 per employer and year)."""
    for group in ctx.employer_groups():
        years = {doc.fields_as(T4Fields).tax_year for doc in _t4s(ctx, group)}
        worked = sorted({year for index in group for year in _completed_years(ctx, index)})
        for year in worked:
            if year not in years:
                index = next(i for i in group if year in _completed_years(ctx, i))
                yield Gap({"employer": ctx.case.jobs[index].employer, "year": year}, job=index)


@rule(
    "t4.income-mismatch",
    "warning",
    "T4 income far from the letter's pay",
    "The {year} T4 from {employer} shows ${income} in box 14; the letter's pay for the {days} days worked that year is about ${expected} ({diff}% apart).",
    "Check the T4 and the letter: if the salary changed during the year, ask {employer} to state each salary with its dates in the letter.",
)
def t4_income(ctx: Context) -> Iterator[Gap]:
    """Box 14 should be close (within 20%) to what the letter's pay gives for the days worked that year."""
    for group in ctx.employer_groups():
        for t4 in _t4s(ctx, group):
            fields = t4.fields_as(T4Fields)
            year, income = fields.tax_year, fields.employment_income
            if not year or not income:
                continue
            parts = [_expected_pay(ctx, index, int(year)) for index in group]
            if any(amount is None and days for amount, days in parts):
                continue  # a job worked that year has no letter pay to compare with
            expected, days = sum(a or 0.0 for a, _ in parts), sum(d for _, d in parts)
            if expected and abs(float(income) - expected) / expected > INCOME_TOLERANCE:
                index = ctx.assignments[t4.path].job
                yield Gap(
                    {
                        "employer": ctx.case.jobs[group[0]].employer,
                        "year": year,
                        "income": f"{float(income):,.2f}",
                        "expected": f"{expected:,.0f}",
                        "days": days,
                        "diff": f"{abs(float(income) - expected) / expected * 100:.0f}",
                    },
                    job=index,
                    documents=(t4.path, *(letter.path for i in group if (letter := ctx.letter(i)) is not None)),
                )


def _expected_pay(ctx: Context, index: int, year: int) -> tuple[float | None, int]:
    """The job's pay in a calendar year from its letter (days worked x the stated rate)."""
    job = ctx.case.jobs[index]
    first = max(job.start, dt.date(year, 1, 1))
    last = min(job.end or ctx.as_of, dt.date(year, 12, 31), ctx.as_of)
    if first > last:
        return 0.0, 0
    days = (last - first).days + 1
    position = ctx.position(index)
    amount, period = (position.salary_amount, position.salary_period) if position else (None, None)
    if not amount or not period:
        return None, days
    year_days = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1
    if period == "hour":
        annual = (
            float(amount) * (ctx.letter_hours(index) or job.hours_per_week) * 52
        )  # the letter's pay, as the letter states it
    else:
        annual = float(amount) * PERIOD_FACTORS[str(period)]
    return annual * days / year_days, days
