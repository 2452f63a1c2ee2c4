"""Work authorization: a document authorizes the work, every claimed day is covered, and the
conditions of each permit allow the job it covers (see `checklist.rules.authorization`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checklist.rules.authorization import Period
from checklist.rules.context import Context
from checklist.rules.hours import uncovered_ranges
from checklist.rules.matching import job_days
from checklist.rules.registry import Gap, rule

PROOF = (
    "If you applied to extend your permit before it expired, you were on maintained status: add the expired "
    "permit, IRCC's acknowledgement of receipt (dated before the expiry) and any interim authorization letter. If you "
    "had applied for a post-graduation work permit before your study permit expired, add IRCC's letter or "
    "acknowledgement for that application (R186(w))."
)


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _ranges_text(ranges: list[tuple[dt.date, dt.date]]) -> str:
    return ", ".join(f"{a} to {b} ({(b - a).days + 1} days)" for a, b in ranges)


def _claimed_days(ctx: Context, index: int) -> list[dt.date]:
    span = job_days(ctx.case.jobs[index], ctx.until, ctx.window[0])
    return list(_days(*span)) if span else []


@rule(
    "permit.missing",
    "blocker",
    "No document that authorizes work",
    "No work permit (or proof of maintained status or R186(w)) was found among the documents{others}, so none of the "
    "claimed work is shown to be authorized.",
    "Add a copy of every work permit you held during the claimed jobs, and any extension receipt or interim "
    "authorization letter.",
)
def permit_missing(ctx: Context) -> Iterator[Gap]:
    """Work counts only while authorized: officers need the work permits to see it."""
    timeline = ctx.authorization
    if timeline.authorizing or timeline.unread:
        return
    others = sorted({other.document for other in timeline.others})
    yield Gap(
        {"others": f" (only {', '.join(others)}, which do not authorize work that counts)" if others else ""},
        documents=tuple(others),
    )


@rule(
    "permit.gap",
    "blocker",
    "Claimed work not covered by any status document",
    "Work at {employer} from {ranges} is covered by no status document among the documents{context}; those hours were "
    "not counted.",
    "Add the permit that covered these dates. " + PROOF,
)
def permit_gap(ctx: Context) -> Iterator[Gap]:
    """Every day of claimed work needs valid authorization; days with no status document at all lose their hours
    unless maintained status or R186(w) applies and is proven."""
    timeline = ctx.authorization
    if not timeline.periods and not timeline.others:
        return  # permit.missing (or permit.dates-unread) says it
    for index, job in enumerate(ctx.case.jobs):
        days = [day for day in _claimed_days(ctx, index) if not timeline.any_status(day)]
        if not days:
            continue
        ranges = uncovered_ranges(days)
        yield Gap(
            {"employer": job.employer, "ranges": _ranges_text(ranges), "context": _around(ctx, ranges)},
            job=index,
            documents=tuple(sorted({d for p in timeline.periods for d in p.documents})),
        )


def _around(ctx: Context, ranges: list[tuple[dt.date, dt.date]]) -> str:
    """What status documents end just before and start just after the first gap, to teach what would close it."""
    first, last = ranges[0]
    before = [p for p in ctx.authorization.periods if p.end < first]
    after = [p for p in ctx.authorization.periods if p.start > last]
    parts = []
    if before:
        ended = max(before, key=lambda p: p.end)
        parts.append(f"{ended.documents[0]} expired on {ended.end}")
    if after:
        began = min(after, key=lambda p: p.start)
        parts.append(f"{began.documents[0]} starts on {began.start}")
    return f" ({'; '.join(parts)})" if parts else ""


def _refused(ctx: Context, reason: str) -> Iterator[tuple[int, Period, list[dt.date]]]:
    """(job, period, days) where the only authorization covering the job's days refuses it for `reason`."""
    timeline = ctx.authorization
    for index, job in enumerate(ctx.case.jobs):
        by_period: dict[Period, list[dt.date]] = {}
        for day in _claimed_days(ctx, index):
            if timeline.allowing(job, day):
                continue
            for period, why in timeline.refusals(job, day):
                if why == reason:
                    by_period.setdefault(period, []).append(day)
        for period, days in by_period.items():
            yield index, period, days


@rule(
    "permit.employer-mismatch",
    "blocker",
    "Employer-specific permit for another employer",
    "The permit {file} only allows work for {permit_employer}, but it is the permit covering your work at {employer} "
    "from {ranges}.",
    "Add the permit (or open permit) that authorized work for {employer} on those dates; work for another employer "
    "than the one named is unauthorized, and its hours do not count.",
)
def employer_mismatch(ctx: Context) -> Iterator[Gap]:
    """An employer-specific permit authorizes work only for the legal employer it names (legal form, accents, case
    and punctuation aside): "Northgate Construction Ltd." is not "Northgate Consulting Inc."."""
    for index, period, days in _refused(ctx, "employer"):
        yield Gap(
            {
                "file": period.documents[0],
                "permit_employer": period.employer,
                "employer": ctx.case.jobs[index].employer,
                "ranges": _ranges_text(uncovered_ranges(days)),
            },
            job=index,
            documents=period.documents,
        )


@rule(
    "permit.occupation-mismatch",
    "blocker",
    "Employer-specific permit for another occupation",
    "The permit {file} allows work as {permit_occupation}, but the claimed job at {employer} is {title} (NOC {noc}), "
    "from {ranges}.",
    "Work in another occupation than the permit names is unauthorized. Add the permit that allowed this occupation, "
    "or correct the claimed NOC if the permit's occupation is the one you worked in.",
)
def occupation_mismatch(ctx: Context) -> Iterator[Gap]:
    """An employer-specific permit names one occupation (often a NOC code); other work is unauthorized (R185)."""
    for index, period, days in _refused(ctx, "occupation"):
        job = ctx.case.jobs[index]
        shown = " ".join(part for part in (period.occupation, f"(NOC {period.noc})" if period.noc else None) if part)
        yield Gap(
            {
                "file": period.documents[0],
                "permit_occupation": shown,
                "employer": job.employer,
                "title": job.title,
                "noc": job.noc,
                "ranges": _ranges_text(uncovered_ranges(days)),
            },
            job=index,
            documents=period.documents,
        )


@rule(
    "permit.restricted-occupation",
    "blocker",
    "The permit's conditions exclude this occupation",
    "The permit {file} is not valid for work in {restrictions}, and the claimed job at {employer} ({title}, NOC {noc}) "
    "is in that field, from {ranges}.",
    "Work in a field the permit excludes is unauthorized until the restriction is lifted (usually after an immigration "
    "medical exam and a new permit). Add the permit without the restriction, if you had one for these dates.",
)
def restricted_occupation(ctx: Context) -> Iterator[Gap]:
    """Open permits issued without a medical exam exclude health services, child care and primary or secondary
    school teaching; work in those fields under such a permit is unauthorized."""
    names = {
        "health_services": "health services",
        "child_care": "child care",
        "teaching": "primary or secondary teaching",
    }
    for index, period, days in _refused(ctx, "restriction"):
        job = ctx.case.jobs[index]
        yield Gap(
            {
                "file": period.documents[0],
                "restrictions": ", ".join(names.get(r, r) for r in period.restrictions),
                "employer": job.employer,
                "title": job.title,
                "noc": job.noc,
                "ranges": _ranges_text(uncovered_ranges(days)),
            },
            job=index,
            documents=period.documents,
        )


@rule(
    "permit.dates-unread",
    "blocker",
    "A status document's dates could not be read",
    "The validity dates of {file} could not be read ({read}), so the {hours} hours of work it may cover ({ranges}) "
    "are not counted.",
    "Check the dates on {file} and confirm them with 'cec-checklist review CASE --set \"{file}\" issue_date=YYYY-MM-DD' "
    "(and expiry_date), or add a clearer copy; the hours then count if the document covers them.",
)
def dates_unread(ctx: Context) -> Iterator[Gap]:
    """A permit whose dates cannot be read is never silently treated as covering zero days: the finding says which
    hours depend on it and how to confirm the dates."""
    timeline = ctx.authorization
    for doc in timeline.unread:
        fields = doc.fields
        issued, expiry = getattr(fields, "issue_date", None), getattr(fields, "expiry_date", None)
        read = f"issued {issued or 'not read'}, expiry {expiry or 'not read'}"
        days: list[dt.date] = []
        hours = 0.0
        for index, job in enumerate(ctx.case.jobs):
            depends = [
                d
                for d in _claimed_days(ctx, index)
                if not timeline.allowing(job, d) and (issued is None or d >= issued) and (expiry is None or d <= expiry)
            ]
            days += depends
            hours += len(depends) * ctx.weekly[index] / 7
        ranges = _ranges_text(uncovered_ranges(sorted(set(days)))) if days else "no claimed day outside other permits"
        yield Gap(
            {"file": doc.path, "read": read, "hours": f"{min(hours, len(set(days)) * 30 / 7):,.0f}", "ranges": ranges},
            documents=(doc.path,),
            field="issue_date" if issued is None else "expiry_date",
        )


@rule(
    "permit.not-work-authorization",
    "blocker",
    "A status document that does not make the work count",
    "{file} is {why}; work at {employer} from {ranges} is covered only by it, so those hours do not count.",
    "Add the work permit that authorized this work, if there was one. Work on a study permit or co-op permit is "
    "student work, a visitor may not work, and a refugee claimant has no temporary resident status: such work does "
    "not count for CEC.",
)
def not_work_authorization(ctx: Context) -> Iterator[Gap]:
    """Study permits, visitor records, co-op work permits and refugee claimants' permits cover no qualifying day."""
    timeline = ctx.authorization
    for index, job in enumerate(ctx.case.jobs):
        by_document: dict[str, list[dt.date]] = {}
        whys: dict[str, str] = {}
        for day in _claimed_days(ctx, index):
            if timeline.allowing(job, day):
                continue
            for other in timeline.others:
                if other.start <= day <= other.end:
                    by_document.setdefault(other.document, []).append(day)
                    whys[other.document] = other.why
        for path, days in by_document.items():
            yield Gap(
                {
                    "file": path,
                    "why": whys[path],
                    "employer": job.employer,
                    "ranges": _ranges_text(uncovered_ranges(days)),
                },
                job=index,
                documents=(path,),
            )


@rule(
    "status.maintained",
    "info",
    "Days counted under maintained status or R186(w)",
    "{days} days from {start} to {end} were counted under {basis}, shown by {files}.",
    "Nothing to fix: upload these documents with the permits so the officer sees the status was kept.",
)
def maintained(ctx: Context) -> Iterator[Gap]:
    """Work after a permit's expiry counts while an extension applied for in time is pending (R186(u)), and a
    graduate may work while a PGWP application made in time is pending (R186(w))."""
    names = {"maintained_status": "maintained status (R186(u))", "r186w": "R186(w) (PGWP application pending)"}
    for period in ctx.authorization.periods:
        if period.basis == "work_permit":
            continue
        end = min(period.end, ctx.until)
        if end < period.start:
            continue
        yield Gap(
            {
                "days": (end - period.start).days + 1,
                "start": period.start,
                "end": end,
                "basis": names[period.basis],
                "files": ", ".join(period.documents),
            },
            documents=period.documents,
        )
