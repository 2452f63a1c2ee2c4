"""Issue 16: hours the evidence supports, and the refusal grounds around them.

Each case of the issue's table, with the hours computed here independently of
the engine: a day earns the weekly hours / 7, weeks run Monday to Sunday and
count at most 30 hours.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from tests.support.factory import EMPLOYER, LETTER, D, K, Scenario, document, monthly_stubs


def expected_hours(
    first: dt.date, last: dt.date, weekly: float, skip: tuple[tuple[dt.date, dt.date], ...] = ()
) -> float:
    """The rule of checks.md, by hand: daily hours per Monday week, capped at 30."""
    weeks: dict[dt.date, float] = defaultdict(float)
    day = first
    while day <= last:
        if not any(a <= day <= b for a, b in skip):
            weeks[day - dt.timedelta(days=day.weekday())] += weekly / 7
        day += dt.timedelta(days=1)
    return round(sum(min(30.0, hours) for hours in weeks.values()), 2)


def test_only_the_days_both_the_claim_and_the_letter_support_count() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(start=D(2023, 2, 1), end=D(2025, 3, 29), hours_per_week=30)
    scenario.replace(
        "letter.pdf", start_date=D(2023, 3, 1), end_date=D(2025, 3, 1), currently_employed=False, hours_per_week=30
    )
    report = scenario.report()
    assert report.experience.qualifying_hours == expected_hours(D(2023, 3, 1), D(2025, 3, 1), 30)
    assert "letter.claim-mismatch" in scenario.codes("blocker")


def test_an_hourly_job_counts_the_hours_its_stubs_show() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(hours_per_week=30)
    scenario.replace("letter.pdf", hours_per_week=30, salary_amount=28.0, salary_period="hour")
    scenario.documents = [d for d in scenario.documents if d.kind is not K.PAY_STUB]
    scenario.documents += monthly_stubs(D(2023, 3, 1), D(2026, 2, 28), hours=0)  # replaced below
    stubs = []
    for stub in [d for d in scenario.documents if d.kind is K.PAY_STUB]:
        fields = stub.fields.model_dump()
        days = (fields["period_end"] - fields["period_start"]).days + 1
        fields["hours"] = round(26 * days / 7, 4)
        stubs.append(document(K.PAY_STUB, stub.path, text="Net pay  CPP  EI", **fields))
    scenario.documents = [d for d in scenario.documents if d.kind is not K.PAY_STUB] + stubs
    report = scenario.report()
    assert abs(report.experience.jobs[0].hours_per_week_used - 26) < 0.01
    assert abs(report.experience.qualifying_hours - expected_hours(D(2023, 3, 1), D(2026, 3, 1), 26)) < 0.5
    assert "paystub.hours-inconsistent" in scenario.codes()


def test_salaried_stubs_with_conventional_hours_do_not_lower_the_hours() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(hours_per_week=37.5)
    scenario.replace("letter.pdf", hours_per_week=37.5)  # salary per year
    assert scenario.report().experience.jobs[0].hours_per_week_used == 37.5


def test_a_stated_leave_is_not_worked() -> None:
    leave = (D(2024, 5, 1), D(2025, 5, 31))
    scenario = Scenario.clean().replace(
        "letter.pdf", leaves=[{"start": leave[0], "end": leave[1], "reason": "maternity"}]
    )
    report = scenario.report()
    assert report.experience.qualifying_hours == expected_hours(D(2023, 3, 1), D(2026, 3, 1), 40, (leave,))
    assert "cec.leave" in scenario.codes()


def test_hours_short_on_the_ita_date_make_the_profile_untrue() -> None:
    scenario = Scenario.clean()
    scenario.ita_date = D(2024, 2, 1)  # 48 weeks of work on that day
    report = scenario.report()
    assert report.experience.qualifying_hours >= 1560
    assert report.experience.at_ita == expected_hours(D(2023, 3, 1), D(2024, 2, 1), 40)
    assert "cec.short-at-ita" in scenario.codes("blocker")


def test_contract_work_counts_for_nothing() -> None:
    scenario = Scenario.clean().replace("letter.pdf", contractor=True)
    assert scenario.report().experience.qualifying_hours == 0
    assert "cec.contractor-signals" in scenario.codes("blocker")


def test_work_done_abroad_counts_for_nothing() -> None:
    scenario = Scenario.clean().replace("letter.pdf", work_location="Seattle, WA 98101")
    assert scenario.report().experience.qualifying_hours == 0
    assert "cec.outside-canada" in scenario.codes("blocker")


def test_an_expired_invitation_is_a_blocker() -> None:
    scenario = Scenario.clean()
    scenario.ita_date = scenario.as_of - dt.timedelta(days=215)
    report = scenario.report()
    assert "cec.ita-deadline" in scenario.codes("blocker")
    assert report.deadline is not None and report.deadline.days_left == 60 - 215


def test_a_future_application_date_counts_to_today_and_days_left_from_today() -> None:
    scenario = Scenario.clean()
    scenario.ita_date = scenario.as_of - dt.timedelta(days=22)
    scenario.application_date = scenario.as_of + dt.timedelta(days=18)
    report = scenario.report()
    assert report.window.end == scenario.as_of + dt.timedelta(days=18)
    assert report.experience.qualifying_hours == expected_hours(report.window.start, scenario.as_of, 40)
    assert report.deadline is not None and report.deadline.days_left == 38
    assert "cec.ita-deadline" not in scenario.codes("blocker")


def test_reaching_the_hours_later_is_announced() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(start=D(2025, 6, 2))
    scenario.replace("letter.pdf", start_date=D(2025, 6, 2))
    report = scenario.report()
    assert "cec.hours-short" in scenario.codes()
    reach = report.experience.reaches_required_on
    assert reach is not None and expected_hours(D(2025, 6, 2), reach, 40) >= 1560 > expected_hours(
        D(2025, 6, 2), reach - dt.timedelta(days=1), 40
    )


@pytest.mark.parametrize("weeks_worked", [1, 10, 45, 51])
def test_the_day_the_hours_are_reached_is_the_first_such_day_near_or_far(weeks_worked: int) -> None:
    """The search starts where the weekly cap allows, then gallops: days short or a year short, the exact first day."""
    scenario = Scenario.clean()
    start = scenario.as_of - dt.timedelta(weeks=weeks_worked)
    scenario.jobs[0].update(start=start)
    scenario.replace("letter.pdf", start_date=start)
    reach = scenario.report().experience.reaches_required_on
    assert reach is not None and reach > scenario.as_of
    assert expected_hours(start, reach, 40) >= 1560 > expected_hours(start, reach - dt.timedelta(days=1), 40)


def test_quebec_as_intended_province_is_a_blocker() -> None:
    scenario = Scenario.clean()
    scenario.claims = {"intended_province": "qc"}
    assert "cec.quebec" in scenario.codes("blocker")
    scenario.claims = {"intended_province": "ON"}
    assert "cec.quebec" not in scenario.codes("blocker")


def test_quebec_documents_without_an_intended_province_ask_the_question() -> None:
    scenario = Scenario.clean().replace("letter.pdf", employer_address="1000 rue Sherbrooke O, Montréal, QC H3A 3G4")
    assert "cec.province-unknown" in scenario.codes()
    scenario.claims = {"intended_province": "ON"}
    assert "cec.province-unknown" not in scenario.codes()


def test_a_noc_2016_code_is_named_with_its_successors_even_without_noc_data() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(noc="2174")
    scenario.with_noc = False
    (finding,) = [f for f in scenario.report().findings if f.code == "cec.noc-unknown"]
    assert "21232" in finding.message and "NOC 2016" in finding.message


def test_self_employed_physicians_under_the_public_policy_count() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0].update(self_employed=True, physician_fee_for_service=True)
    assert scenario.report().experience.qualifying_hours >= 1560
    assert "cec.self-employed" not in scenario.codes()


def test_a_letter_listing_two_positions_with_hours_on_the_newer_only() -> None:
    """Regression (issue 12): the older position was counted at the newer one's hours, with no finding."""
    scenario = Scenario.clean()
    scenario.jobs = [
        dict(
            employer=EMPLOYER,
            title="Junior Developer",
            noc="21232",
            start=D(2023, 3, 1),
            end=D(2024, 2, 29),
            hours_per_week=40,
        ),
        dict(employer=EMPLOYER, title="Software Developer", noc="21232", start=D(2024, 3, 1), hours_per_week=40),
    ]
    positions = [
        {"job_title": "Junior Developer", "start_date": D(2023, 3, 1), "end_date": D(2024, 2, 29)},
        {
            "job_title": "Software Developer",
            "start_date": D(2024, 3, 1),
            "hours_per_week": 40,
            "salary_amount": 72000,
            "salary_period": "year",
            "duties": LETTER["duties"],
        },
    ]
    scenario.replace("letter.pdf", positions=positions)
    missing = [f for f in scenario.report().findings if f.code == "letter.missing-hours"]
    assert [f.job for f in missing] == [0]
