"""Qualifying hours as checks.md defines them, on numbers that can be checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.models.case import Case, Job, StudyPeriod
from checklist.rules.hours import compute_hours, uncovered_ranges, window_start

D = dt.date
ALWAYS = lambda job, day: True  # noqa: E731


def case(*jobs: Job, study: list[StudyPeriod] | None = None) -> Case:
    return Case(applicant="A B", jobs=list(jobs), study=study or [])


def job(start: D, end: D | None = None, hours: float = 40, noc: str = "21232", **extra: object) -> Job:
    return Job(employer="E Inc.", title="T", noc=noc, start=start, end=end, hours_per_week=hours, **extra)


def test_one_full_week_counts_thirty_hours() -> None:
    # Monday 2025-01-06 to Sunday 2025-01-12 at 40 h/week: capped at 30.
    result = compute_hours(case(job(D(2025, 1, 6), D(2025, 1, 12))), D(2025, 6, 1), [40], ALWAYS)
    assert result.qualifying_hours == pytest.approx(30.0)
    assert result.weeks[0].excluded["cap"] == pytest.approx(10.0)


def test_part_time_hours_are_daily_sevenths() -> None:
    # Wednesday to Sunday (5 days) at 21 h/week: 15 hours.
    result = compute_hours(case(job(D(2025, 1, 8), D(2025, 1, 12), hours=21)), D(2025, 6, 1), [21], ALWAYS)
    assert result.qualifying_hours == pytest.approx(15.0)


def test_two_concurrent_jobs_add_up_then_cap() -> None:
    jobs = case(job(D(2025, 1, 6), D(2025, 1, 12), hours=20), job(D(2025, 1, 6), D(2025, 1, 12), hours=20))
    result = compute_hours(jobs, D(2025, 6, 1), [20, 20], ALWAYS)
    assert result.qualifying_hours == pytest.approx(30.0)
    assert [j.qualifying_hours for j in result.jobs] == [pytest.approx(15.0), pytest.approx(15.0)]


def test_window_is_three_years_inclusive() -> None:
    as_of = D(2026, 3, 11)
    assert window_start(as_of) == D(2023, 3, 11)
    assert window_start(D(2028, 2, 29)) == D(2025, 2, 28)
    result = compute_hours(case(job(D(2020, 1, 1), hours=14)), as_of, [14], ALWAYS)
    days = (as_of - D(2023, 3, 11)).days + 1
    assert result.qualifying_hours == pytest.approx(days * 2, abs=0.05)
    assert result.jobs[0].excluded["outside_window"] > 0


def test_study_teer_self_employment_and_permits_exclude_days() -> None:
    study = [StudyPeriod(start=D(2025, 1, 6), end=D(2025, 1, 12))]
    result = compute_hours(case(job(D(2025, 1, 6), D(2025, 1, 19), hours=14), study=study), D(2025, 6, 1), [14], ALWAYS)
    assert result.qualifying_hours == pytest.approx(14.0)
    assert result.jobs[0].excluded["study"] == pytest.approx(14.0)
    teer4 = compute_hours(case(job(D(2025, 1, 6), D(2025, 1, 12), noc="64100")), D(2025, 6, 1), [40], ALWAYS)
    assert teer4.qualifying_hours == 0 and teer4.jobs[0].excluded["teer"] == pytest.approx(40.0)
    own = compute_hours(case(job(D(2025, 1, 6), D(2025, 1, 12), self_employed=True)), D(2025, 6, 1), [40], ALWAYS)
    assert own.qualifying_hours == 0
    no_permit = compute_hours(
        case(job(D(2025, 1, 6), D(2025, 1, 12), hours=14)), D(2025, 6, 1), [14], lambda j, day: day >= D(2025, 1, 10)
    )
    assert no_permit.qualifying_hours == pytest.approx(6.0)
    assert no_permit.jobs[0].excluded["no_permit"] == pytest.approx(8.0)


def test_weeks_split_at_monday() -> None:
    # Saturday to Tuesday: two weeks, 2 days + 2 days.
    result = compute_hours(case(job(D(2025, 1, 11), D(2025, 1, 14), hours=70)), D(2025, 6, 1), [70], ALWAYS)
    assert [w.week_start for w in result.weeks] == [D(2025, 1, 6), D(2025, 1, 13)]
    assert result.qualifying_hours == pytest.approx(40.0)


def test_uncovered_ranges_joins_consecutive_days() -> None:
    days = [D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 5)]
    assert uncovered_ranges(days) == [(D(2025, 1, 1), D(2025, 1, 2)), (D(2025, 1, 5), D(2025, 1, 5))]
