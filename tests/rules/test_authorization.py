"""Issue 15: work authorization as IRCC counts it, one case per rule, exact to the hour.

The hours expected are computed here by hand (a day earns the weekly hours / 7,
Monday weeks capped at 30), independently of the engine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from tests.support.factory import APPLICANT, EMPLOYER, D, K, Scenario, document

AS_OF = D(2026, 3, 1)
JOB_START = D(2023, 3, 1)


def hours(first: dt.date, last: dt.date, weekly: float = 40, skip: tuple[tuple[dt.date, dt.date], ...] = ()) -> float:
    weeks: dict[dt.date, float] = defaultdict(float)
    day = first
    while day <= last:
        if not any(a <= day <= b for a, b in skip):
            weeks[day - dt.timedelta(days=day.weekday())] += weekly / 7
        day += dt.timedelta(days=1)
    return round(sum(min(30.0, h) for h in weeks.values()), 2)


def with_status(*docs: object) -> Scenario:
    scenario = Scenario.clean()
    scenario.documents = [d for d in scenario.documents if d.kind is not K.WORK_PERMIT] + list(docs)  # type: ignore[arg-type]
    return scenario


def permit(
    path: str = "permit.pdf", issued: dt.date = D(2022, 12, 1), expiry: dt.date = D(2027, 11, 30), **fields: object
) -> object:
    values = {
        "holder_name": APPLICANT,
        "permit_number": "U123456789",
        "issue_date": issued,
        "expiry_date": expiry,
        "permit_type": "open",
    } | fields
    return document(K.WORK_PERMIT, path, **values)


def test_a_visitor_record_authorizes_no_work() -> None:
    scenario = with_status(
        document(
            K.VISITOR_RECORD,
            "visitor.pdf",
            holder_name=APPLICANT,
            issue_date=D(2022, 12, 1),
            expiry_date=D(2027, 11, 30),
        )
    )
    assert scenario.report().experience.qualifying_hours == 0
    assert {"permit.missing", "permit.not-work-authorization"} <= scenario.codes("blocker")


def test_a_study_permit_authorizes_no_counted_work_and_shows_study() -> None:
    scenario = with_status(
        document(
            K.STUDY_PERMIT,
            "study.pdf",
            holder_name=APPLICANT,
            issue_date=D(2022, 12, 1),
            expiry_date=D(2027, 11, 30),
            school="Lakeview College",
        )
    )
    assert scenario.report().experience.qualifying_hours == 0
    assert "permit.not-work-authorization" in scenario.codes("blocker")
    assert "cec.undeclared-study" in scenario.codes()


def test_a_coop_permit_is_student_work() -> None:
    scenario = with_status(
        permit(coop=True, conditions=["Co-op work is an integral part of the program of study"]),
        permit("pgwp.pdf", issued=D(2024, 9, 1), expiry=D(2027, 8, 31)),
    )
    report = scenario.report()
    assert report.experience.qualifying_hours == hours(D(2024, 9, 1), AS_OF, skip=((JOB_START, D(2027, 11, 30)),)) == 0
    assert "cec.undeclared-study" in scenario.codes()


def test_a_refugee_claimants_permit_gives_no_temporary_resident_status() -> None:
    scenario = with_status(permit(refugee_claimant=True))
    assert scenario.report().experience.qualifying_hours == 0
    assert "permit.not-work-authorization" in scenario.codes("blocker")


def test_an_employer_specific_permit_for_another_legal_employer() -> None:
    scenario = with_status(permit(permit_type="employer_specific", employer="Northwind Consulting Ltd."))
    assert scenario.report().experience.qualifying_hours == 0
    assert "permit.employer-mismatch" in scenario.codes("blocker")


def test_legal_form_and_punctuation_variants_are_the_same_employer() -> None:
    scenario = with_status(permit(permit_type="employer_specific", employer="NORTHWIND ANALYTICS, INC"))
    assert scenario.report().experience.qualifying_hours == hours(JOB_START, AS_OF)
    assert "permit.employer-mismatch" not in scenario.codes()


def test_an_employer_specific_permit_for_another_occupation() -> None:
    scenario = with_status(
        permit(permit_type="employer_specific", employer=EMPLOYER, occupation="Cook", noc_code="63200")
    )
    assert scenario.report().experience.qualifying_hours == 0
    assert "permit.occupation-mismatch" in scenario.codes("blocker")


def test_an_open_permits_health_restriction_blocks_a_nurse() -> None:
    scenario = with_status(permit(restrictions=["health_services"]))
    scenario.jobs[0].update(title="Registered Nurse", noc="31301")
    assert scenario.report().experience.qualifying_hours == 0
    assert "permit.restricted-occupation" in scenario.codes("blocker")


def _receipt(received: dt.date, letter_type: str = "acknowledgement_of_receipt", **fields: object) -> object:
    return document(
        K.IRCC_LETTER,
        f"ircc_{letter_type}.pdf",
        letter_type=letter_type,
        holder_name=APPLICANT,
        application_type=fields.pop("application_type", "work_permit_extension"),
        received_date=received,
        **fields,
    )


def test_maintained_status_after_an_extension_applied_for_in_time() -> None:
    old, new = (
        permit("old.pdf", expiry=D(2024, 6, 30)),
        permit("new.pdf", issued=D(2024, 11, 15), expiry=D(2027, 11, 14)),
    )
    scenario = with_status(
        old,
        new,
        _receipt(D(2024, 6, 10)),
        _receipt(D(2024, 6, 10), "interim_authorization", valid_until=D(2025, 6, 10)),
    )
    report = scenario.report()
    assert report.experience.qualifying_hours == hours(JOB_START, AS_OF)
    assert "permit.gap" not in scenario.codes()
    assert "status.maintained" in scenario.codes("info")
    assert [p.basis for p in report.authorization] == ["work_permit", "maintained_status", "work_permit"]
    maintained = report.authorization[1]
    assert (maintained.start, maintained.end) == (D(2024, 7, 1), D(2024, 11, 14))


def test_no_maintained_status_when_the_extension_came_after_the_expiry() -> None:
    old, new = (
        permit("old.pdf", expiry=D(2024, 6, 30)),
        permit("new.pdf", issued=D(2024, 11, 15), expiry=D(2027, 11, 14)),
    )
    scenario = with_status(old, new, _receipt(D(2024, 7, 2)))
    report = scenario.report()
    assert report.experience.qualifying_hours == hours(JOB_START, AS_OF, skip=((D(2024, 7, 1), D(2024, 11, 14)),))
    assert "permit.gap" in scenario.codes("blocker")


def test_the_expiry_day_is_covered_and_the_day_after_is_not() -> None:
    scenario = with_status(permit("old.pdf", expiry=D(2024, 6, 30)), permit("new.pdf", issued=D(2024, 7, 2)))
    (gap,) = [f for f in scenario.report().findings if f.code == "permit.gap"]
    assert "2024-07-01 to 2024-07-01 (1 days)" in gap.message


def test_r186w_covers_work_while_the_pgwp_is_pending() -> None:
    study = document(
        K.STUDY_PERMIT, "study.pdf", holder_name=APPLICANT, issue_date=D(2021, 9, 1), expiry_date=D(2023, 2, 28)
    )
    pgwp = permit("pgwp.pdf", issued=D(2023, 9, 1), expiry=D(2026, 8, 31))
    letter = _receipt(D(2023, 2, 20), "r186w", application_type="pgwp")
    scenario = with_status(study, pgwp, letter)
    report = scenario.report()
    assert report.experience.qualifying_hours == hours(JOB_START, AS_OF)
    assert any(
        p.basis == "r186w" and p.start == D(2023, 2, 20) and p.end == D(2023, 8, 31) for p in report.authorization
    )


def test_overlapping_permits_for_two_employers_each_cover_their_own_job() -> None:
    scenario = with_status(
        permit("a.pdf", permit_type="employer_specific", employer=EMPLOYER),
        permit("b.pdf", permit_type="employer_specific", employer="Bluefin Retail Ltd."),
    )
    assert scenario.report().experience.qualifying_hours == hours(JOB_START, AS_OF)
    assert "permit.employer-mismatch" not in scenario.codes()


def test_a_permit_whose_dates_were_not_read_is_never_a_silent_zero() -> None:
    scenario = with_status(permit(expiry=None))  # type: ignore[arg-type]
    findings = [f for f in scenario.report().findings if f.code == "permit.dates-unread"]
    assert findings and "permit.pdf" in findings[0].message and "review" in findings[0].fix
    assert "permit.missing" not in scenario.codes()
