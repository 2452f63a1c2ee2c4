"""Work authorization: a permit exists, it covers every day of claimed work,
and an employer-specific permit names the employer it covers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checklist.models.document import DocumentKind
from checklist.rules.context import Context
from checklist.rules.hours import uncovered_ranges
from checklist.rules.matching import job_days
from checklist.rules.registry import Gap, rule


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _ranges_text(ranges: list[tuple[dt.date, dt.date]]) -> str:
    return ", ".join(f"{a} to {b} ({(b - a).days + 1} days)" for a, b in ranges)


@rule(
    "permit.missing", "blocker", "No work permit",
    "No work permit was found among the documents, so none of the claimed work is shown to be authorized.",
    "Add a copy of every work permit you held during the claimed jobs (and any extension or maintained-status proof).",
)
def permit_missing(ctx: Context) -> Iterator[Gap]:
    """Work counts only while authorized: officers need the work permits to see it."""
    if not ctx.of_kind(DocumentKind.WORK_PERMIT):
        yield Gap()


@rule(
    "permit.gap", "blocker", "Claimed work not covered by a permit",
    "Work at {employer} from {ranges} is covered by no valid work permit among the documents; those hours were not counted.",
    "Add the permit that covered these dates. If you applied to extend your permit before it expired, you were on "
    "maintained status: add the expired permit, the extension application's submission receipt and IRCC's interim "
    "authorization letter, and the hours can count.",
)
def permit_gap(ctx: Context) -> Iterator[Gap]:
    """Every day of claimed work needs a valid permit; gaps between permits lose their hours unless maintained status applies."""
    if not ctx.permits:
        return
    start, end = ctx.window
    for index, job in enumerate(ctx.case.jobs):
        span = job_days(job, end, start)
        if span is None:
            continue
        days = [day for day in _days(*span) if not ctx.covered(index, day)]
        if days:
            ranges = uncovered_ranges(days)
            yield Gap({"employer": job.employer, "ranges": _ranges_text(ranges)}, job=index,
                      documents=tuple(p.document.path for p in ctx.permits))


@rule(
    "permit.employer-mismatch", "blocker", "Employer-specific permit for another employer",
    "The permit {file} only allows work for {permit_employer}, but it is the permit covering your work at {employer} from {ranges}.",
    "Add the permit (or open permit) that authorized work for {employer} on those dates; work for another employer than the one named is unauthorized.",
)
def employer_mismatch(ctx: Context) -> Iterator[Gap]:
    """An employer-specific permit authorizes work only for the employer it names."""
    start, end = ctx.window
    for index, job in enumerate(ctx.case.jobs):
        span = job_days(job, end, start)
        if span is None:
            continue
        for permit in ctx.permits:
            if not permit.employer_specific or not permit.employer or permit.allows(job.employer, max(permit.start, span[0])):
                continue
            days = [d for d in _days(max(span[0], permit.start), min(span[1], permit.end)) if not ctx.authorized(index, d)]
            if days:
                yield Gap({"file": permit.document.path, "permit_employer": permit.employer, "employer": job.employer,
                           "ranges": _ranges_text(uncovered_ranges(days))}, job=index, documents=(permit.document.path,))
