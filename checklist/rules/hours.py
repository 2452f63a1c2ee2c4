"""Qualifying hours, exactly as checks.md defines them.

Per calendar week (Monday to Sunday), the sum over jobs of the weekly hours
the documents support, for the days of that week that are inside the
window, not after today, inside the job's dates, covered by work
authorization, outside full-time study and stated leave, in a TEER 0-3 job
that is not self-employment; capped at 30. A job earns its weekly hours / 7
on each such day. What the documents say about a day (the letter's dates,
a leave, contract work, study shown by a permit) comes in as `excluded`;
this module only counts. Every excluded hour is kept with its reason, week
by week, for the report's timeline.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from checklist.models.case import Case, Job
from checklist.models.report import Experience, JobHours, WeekHours

WEEKLY_CAP = 30.0
OUTSIDE_WINDOW, TEER, SELF_EMPLOYED, STUDY, NO_PERMIT, CAP = (
    "outside_window",
    "teer",
    "self_employed",
    "study",
    "no_permit",
    "cap",
)
NOT_IN_LETTER, LEAVE, CONTRACTOR, OUTSIDE_CANADA = "not_in_letter", "leave", "contractor", "outside_canada"

Authorized = Callable[[int, dt.date], bool]
Excluded = Callable[[int, dt.date], "str | None"]  # why the documents exclude a job's day, or None


@dataclass
class _Week:
    by_job: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    excluded: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def window_start(as_of: dt.date) -> dt.date:
    """Three years before as_of (29 February falls back to the 28th)."""
    try:
        return as_of.replace(year=as_of.year - 3)
    except ValueError:
        return as_of.replace(year=as_of.year - 3, day=28)


def compute_hours(
    case: Case,
    as_of: dt.date,
    weekly_hours: list[float],
    authorized: Authorized,
    until: dt.date | None = None,
    excluded: Excluded | None = None,
) -> Experience:
    """Qualifying hours in the 3 years ending `as_of`, counting no day after `until` (today).

    `authorized(job, day)` says if work authorization covers the day; `excluded(job, day)`
    gives the reason the documents exclude it (checked after the claim's own reasons)."""
    start = window_start(as_of)
    until = min(until or as_of, as_of)
    weeks: dict[dt.date, _Week] = defaultdict(_Week)
    excluded_by_job: list[dict[str, float]] = [defaultdict(float) for _ in case.jobs]
    claimed = [0.0] * len(case.jobs)
    for index, job in enumerate(case.jobs):
        daily = weekly_hours[index] / 7
        last = min(job.end or until, until)
        day = job.start
        of_job = _job_exclusion(job)
        while day <= last:
            week = weeks[day - dt.timedelta(days=day.weekday())]
            reason = (
                _day_exclusion(case, of_job, day, start)
                or (excluded(index, day) if excluded else None)
                or (None if authorized(index, day) else NO_PERMIT)
            )
            if reason == OUTSIDE_WINDOW:
                excluded_by_job[index][reason] += daily
            elif reason:
                week.excluded[reason] += daily
                excluded_by_job[index][reason] += daily
                claimed[index] += daily
            else:
                week.by_job[index] += daily
                claimed[index] += daily
            day += dt.timedelta(days=1)
    return _total(case, weeks, weekly_hours, claimed, excluded_by_job)


def _job_exclusion(job: Job) -> str | None:
    """The claim's own reason none of a job's days count (TEER 4-5, self-employment), if any."""
    if job.teer is not None and job.teer >= 4:
        return TEER
    if job.self_employed and not job.physician_fee_for_service:
        return SELF_EMPLOYED
    return None


def _day_exclusion(case: Case, of_job: str | None, day: dt.date, start: dt.date) -> str | None:
    """The claim's own reasons a day does not count (before the documents are asked)."""
    if day < start:
        return OUTSIDE_WINDOW
    if of_job:
        return of_job
    if any(period.start <= day <= period.end for period in case.study):
        return STUDY
    return None


def _total(
    case: Case,
    weeks: dict[dt.date, _Week],
    weekly_hours: list[float],
    claimed: list[float],
    excluded_by_job: list[dict[str, float]],
) -> Experience:
    qualifying = [0.0] * len(case.jobs)
    rows = []
    for monday in sorted(weeks):
        week = weeks[monday]
        total = sum(week.by_job.values())
        scale = min(1.0, WEEKLY_CAP / total) if total else 1.0
        if total > WEEKLY_CAP:
            week.excluded[CAP] += total - WEEKLY_CAP
        by_job = [round(week.by_job.get(i, 0.0) * scale, 4) for i in range(len(case.jobs))]
        for index, hours in enumerate(by_job):
            qualifying[index] += hours
            if scale < 1:
                excluded_by_job[index][CAP] += week.by_job.get(index, 0.0) * (1 - scale)
        rows.append(
            WeekHours(
                week_start=monday,
                counted=round(min(total, WEEKLY_CAP), 4),
                by_job=by_job,
                excluded={k: round(v, 2) for k, v in week.excluded.items() if v},
            )
        )
    jobs = [
        JobHours(
            employer=job.employer,
            title=job.title,
            noc=job.noc,
            teer=job.teer,
            hours_per_week_used=round(weekly_hours[index], 2),
            claimed_hours=round(claimed[index], 2),
            qualifying_hours=round(qualifying[index], 2),
            excluded={k: round(v, 2) for k, v in excluded_by_job[index].items() if v},
        )
        for index, job in enumerate(case.jobs)
    ]
    return Experience(qualifying_hours=round(sum(qualifying), 2), jobs=jobs, weeks=rows)


def uncovered_ranges(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive runs of the given sorted days, as (first, last) pairs."""
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in days:
        if ranges and day - ranges[-1][1] == dt.timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges
