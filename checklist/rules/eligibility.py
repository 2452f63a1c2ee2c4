"""Eligibility of the case as a whole: hours, TEER, self-employment, study,
window, weekly cap and the ITA deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checklist.models.findings import Severity
from checklist.models.report import REQUIRED_HOURS
from checklist.rules.context import Context
from checklist.rules.hours import CAP, OUTSIDE_WINDOW, SELF_EMPLOYED, STUDY
from checklist.rules.registry import Gap, rule

ITA_DAYS = 60


def _fmt(hours: float) -> str:
    return f"{hours:,.1f}".replace(".0", "") if hours == int(hours) else f"{hours:,.1f}"


@rule(
    "cec.hours-short",
    "blocker",
    "Not enough qualifying hours",
    "{qualifying} qualifying hours between {start} and {counted}: {missing} short of the {required} required.{reach}",
    "Wait until you have {required} qualifying hours in the 3-year window, or add work that counts "
    "(paid, in Canada, authorized, TEER 0-3, not during full-time study).",
)
def hours_short(ctx: Context) -> Iterator[Gap]:
    """CEC needs 1,560 hours (one year of full-time work at 30 h/week) in the 3 years
    before the application. Hours over 30 a week, self-employment, study periods,
    TEER 4-5 jobs and days without a valid work permit do not count, and no day
    after today is counted, even when the application date is later."""
    total = ctx.experience.qualifying_hours
    if total < REQUIRED_HOURS:
        reach = ctx.experience.reaches_required_on
        text = (
            f" If your current jobs (and their work authorization) continue, {REQUIRED_HOURS:,} hours are reached on {reach}."
            if reach
            else ""
        )
        yield Gap(
            {
                "qualifying": _fmt(total),
                "start": ctx.window[0],
                "counted": ctx.until,
                "missing": _fmt(REQUIRED_HOURS - total),
                "required": f"{REQUIRED_HOURS:,}",
                "reach": text,
                "reaches_required_on": reach,
            }
        )


@rule(
    "cec.short-at-ita",
    "blocker",
    "Not enough hours on the day of the invitation",
    "On the ITA date ({ita}) the 3 years before it held {qualifying} qualifying hours, {missing} short of the "
    "{required} required: the profile did not meet the program's requirements when you were invited.",
    "Do not submit on this invitation: an application whose profile was untrue on the ITA date is refused (and may be "
    "treated as misrepresentation). Decline the ITA, and re-enter the pool once you have {required} hours.",
)
def short_at_ita(ctx: Context) -> Iterator[Gap]:
    """The applicant must meet the requirements when invited as well as when applying: the ITA is issued on the
    profile's claims, and hours not yet worked on the ITA date make the profile untrue."""
    at_ita = ctx.at_ita
    if at_ita is not None and at_ita.qualifying_hours < REQUIRED_HOURS:
        yield Gap(
            {
                "ita": ctx.case.ita_date,
                "qualifying": _fmt(at_ita.qualifying_hours),
                "missing": _fmt(REQUIRED_HOURS - at_ita.qualifying_hours),
                "required": f"{REQUIRED_HOURS:,}",
            }
        )


@rule(
    "cec.teer-ineligible",
    "blocker",
    "Job in a TEER that does not count",
    "{employer} ({title}) is claimed under NOC {noc}, TEER {teer}: work in TEER 4 and 5 does not count for CEC.",
    "Check that {noc} is the right NOC for these duties; if it is, this job cannot count toward the 1,560 hours.",
)
def teer_ineligible(ctx: Context) -> Iterator[Gap]:
    """Only NOC 2021 TEER 0, 1, 2 and 3 occupations count (the TEER is the second digit of the code)."""
    for index, job in enumerate(ctx.case.jobs):
        if job.teer is not None and job.teer >= 4:
            yield Gap({"employer": job.employer, "title": job.title, "noc": job.noc, "teer": job.teer}, job=index)


@rule(
    "cec.self-employed",
    "warning",
    "Self-employment is excluded",
    "{employer} is claimed as self-employment: its {hours} hours do not count for CEC.",
    "Remove this job from the hours you rely on, or, if you were in fact a paid employee, correct case.yaml and add the employer's letter.",
)
def self_employed(ctx: Context) -> Iterator[Gap]:
    """Self-employed work and contractor periods without wages are excluded from CEC experience."""
    for index, job in enumerate(ctx.case.jobs):
        if job.self_employed and not job.physician_fee_for_service:
            hours = ctx.experience.jobs[index].excluded.get(SELF_EMPLOYED, 0.0)
            yield Gap({"employer": job.employer, "hours": _fmt(hours)}, job=index)


def _excluded_info(ctx: Context, reason: str) -> Iterator[Gap]:
    for index, job in enumerate(ctx.experience.jobs):
        hours = job.excluded.get(reason, 0.0)
        if hours >= 0.5:
            yield Gap({"employer": job.employer, "hours": _fmt(hours)}, job=index)


@rule(
    "cec.student-period",
    "info",
    "Hours during full-time study excluded",
    "{hours} hours at {employer} fall in a full-time study period and were not counted.",
    "Nothing to fix: work while a full-time student does not count. Make sure the study dates in case.yaml are right.",
)
def student_period(ctx: Context) -> Iterator[Gap]:
    """Work done while a full-time student (co-op, on- or off-campus work) does not count."""
    yield from _excluded_info(ctx, STUDY)


@rule(
    "cec.outside-window",
    "info",
    "Hours before the 3-year window excluded",
    "{hours} hours at {employer} are before the window start ({start}) and were not counted.",
    "Nothing to fix: only the 3 years before the application count.",
)
def outside_window(ctx: Context) -> Iterator[Gap]:
    """Only experience in the 3 years before the application date counts."""
    for gap in _excluded_info(ctx, OUTSIDE_WINDOW):
        yield Gap({**gap.values, "start": ctx.window[0]}, job=gap.job)


@rule(
    "cec.hours-capped",
    "info",
    "Hours over 30 a week not counted",
    "{hours} hours were over 30 in a week (all jobs together) and were not counted.",
    "Nothing to fix: at most 30 hours a week count, and extra hours cannot shorten the year.",
)
def hours_capped(ctx: Context) -> Iterator[Gap]:
    """Hours over 30 a week, across all jobs together, do not count toward the 1,560."""
    total = sum(job.excluded.get(CAP, 0.0) for job in ctx.experience.jobs)
    if total >= 0.5:
        yield Gap({"hours": _fmt(total)})


@rule(
    "cec.ita-deadline",
    "blocker",
    "ITA deadline",
    "The application was due within 60 days of the ITA ({ita}), by {deadline}; {day} ({which}) is {late} days late.",
    "An e-APR cannot be submitted after the 60-day deadline: the invitation has expired. You will need to stay in "
    "(or re-enter) the pool and get a new invitation.",
)
def ita_deadline(ctx: Context) -> Iterator[Gap]:
    """After an Invitation to Apply, the complete e-APR is due within 60 calendar days, counted in real time:
    the days left are counted from today, and an invitation whose 60 days have passed cannot be used."""
    ita = ctx.case.ita_date
    if ita is None:
        return
    deadline = ita + dt.timedelta(days=ITA_DAYS)
    planned = ctx.case.application_date
    day, which = (planned, "the application date") if planned and planned > ctx.as_of else (ctx.as_of, "today")
    values = {"ita": ita, "deadline": deadline, "as_of": ctx.as_of}
    if ctx.as_of > deadline or (planned and planned > deadline):
        if ctx.as_of > deadline:
            day, which = ctx.as_of, "today"
        yield Gap({**values, "day": day, "which": which, "late": (day - deadline).days})
    else:
        yield Gap(
            {**values, "left": (deadline - ctx.as_of).days},
            severity=Severity.INFO,
            message="The application is due by {deadline}, 60 days after the ITA ({ita}): {left} days left, counted from today ({as_of}).",
            fix="Upload everything before {deadline}; fixing letters takes employers time, so ask now.",
        )
