"""Each check: a case that makes it fire, and the clean case where it does not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tests.support.factory import APPLICANT, EMPLOYER, LETTER, D, K, Scenario, document, monthly_stubs, unreadable
from tests.support.noc import shared_noc


def test_weak_coverage_names_evidenced_and_missing_duties() -> None:
    scenario = Scenario.clean().replace(
        "letter.pdf", duties=["Write and test code for new features of our web application"]
    )
    findings = [f for f in scenario.report().findings if f.code in ("duties.weak-coverage", "duties.noc-mismatch")]
    assert findings, "one duty out of the NOC's list should not pass silently"
    if findings[0].code == "duties.weak-coverage":
        assert "Not evidenced:" in findings[0].message


def test_the_duty_table_is_in_the_report() -> None:
    report = Scenario.clean().report()
    (entry,) = report.duties
    assert entry["job"] == 0 and entry["claimed_code"] == "21232"
    assert entry["duties"] and all("main_duty" in row and "score" in row for row in entry["duties"])
    assert len(entry["best_fits"]) == 3


def test_the_clean_case_is_ready_with_no_warning() -> None:
    scenario = Scenario.clean()
    report = scenario.report()
    assert scenario.codes() == set()
    assert report.ready
    assert report.experience.qualifying_hours >= 1560


def _second_job(s: Scenario, **job: object) -> Scenario:
    s.jobs.append(
        dict(employer="Bluefin Retail Ltd.", title="Cashier", noc="65100", start=D(2024, 1, 1), hours_per_week=10) | job
    )
    return s


CASES: dict[str, Callable[[Scenario], Scenario]] = {
    "cec.hours-short": lambda s: _short(s),
    "cec.teer-ineligible": lambda s: _second_job(s),
    "cec.self-employed": lambda s: _second_job(s, noc="21232", title="Developer", self_employed=True),
    "cec.ita-deadline": lambda s: _set(s, ita_date=D(2025, 12, 1)),
    "letter.missing": lambda s: s.drop("letter.pdf"),
    "letter.missing-dates": lambda s: s.replace("letter.pdf", start_date=None),
    "letter.missing-hours": lambda s: s.replace("letter.pdf", hours_per_week=None),
    "letter.missing-salary": lambda s: s.replace("letter.pdf", salary_amount=None, salary_period=None),
    "letter.missing-benefits": lambda s: s.replace("letter.pdf", benefits=None),
    "letter.missing-duties": lambda s: s.replace("letter.pdf", duties=[]),
    "letter.missing-title": lambda s: s.replace("letter.pdf", job_title=None),
    "letter.missing-contact": lambda s: s.replace("letter.pdf", employer_phone=None),
    "letter.missing-signatory": lambda s: s.replace("letter.pdf", signatory_title=None),
    "letter.claim-mismatch": lambda s: s.replace("letter.pdf", hours_per_week=35),
    "letter.personal-email": lambda s: _personal_email(s),
    "letter.date-before-end": lambda s: _ended(s, letter_date=D(2025, 5, 1)),
    "permit.missing": lambda s: s.drop("permit.pdf"),
    "permit.gap": lambda s: s.replace("permit.pdf", issue_date=D(2023, 6, 1)),
    "permit.employer-mismatch": lambda s: s.replace(
        "permit.pdf", permit_type="employer_specific", employer="Other Company Ltd."
    ),
    "paystub.missing": lambda s: s.drop("stubs/"),
    "paystub.gap": lambda s: s.drop("stubs/2024-05", "stubs/2024-06"),
    "paystub.hours-inconsistent": lambda s: _stub_hours(s, 120.0),
    "t4.missing-year": lambda s: s.drop("t4_2024.pdf"),
    "t4.income-mismatch": lambda s: s.replace("t4_2024.pdf", employment_income=40000),
    "employer.name-mismatch": lambda s: s.replace("t4_2024.pdf", employer_name="Northwind Analytic Services Inc."),
    "name.mismatch": lambda s: s.replace("t4_2024.pdf", employee_name="Juan Perez"),
    "doc.unreadable": lambda s: _add(s, unreadable("old.pdf", "the PDF is damaged")),
    "doc.unclassified": lambda s: _add(s, document(K.OTHER, "hydro.pdf")),
    "doc.needs-translation": lambda s: _add(s, document(K.OTHER, "carta.pdf", language="es")),
    "doc.portal-limit": lambda s: _add(s, document(K.OTHER, "photo.heic")),
    "cec.noc-unknown": lambda s: _claim_noc(s, "21299"),
    "duties.noc-mismatch": lambda s: s.replace("letter.pdf", duties=HELP_DESK),
    "duties.copied-from-noc": lambda s: s.replace("letter.pdf", duties=_noc_duties("21232")),
    "noc.data-missing": lambda s: _set(s, with_noc=False),
    "language.missing": lambda s: s.drop("ielts.pdf"),
    "language.expired": lambda s: s.replace("ielts.pdf", test_date=D(2024, 3, 1)),
    "language.date-unread": lambda s: s.replace("ielts.pdf", test_date=None),
    "language.below-minimum": lambda s: s.replace("ielts.pdf", reading=5.5),
    "language.name-mismatch": lambda s: s.replace("ielts.pdf", holder_name="Juan Perez"),
}
HELP_DESK = [
    "Answer help desk tickets, phone calls and chats from staff",
    "Reset passwords and unlock accounts in Active Directory",
    "Set up laptops, phones and printers for new hires",
    "Walk users through Outlook and VPN problems",
    "Log every incident in the ticketing system",
]


def _noc_duties(code: str) -> list[str]:
    """The first main duties of a unit group, word for word, from the NOC data the tests use (real or fixture)."""
    return list(shared_noc().get(code).main_duties[:4])


def _claim_noc(s: Scenario, code: str) -> Scenario:
    s.jobs[0]["noc"] = code
    return s


def _set(s: Scenario, **values: object) -> Scenario:
    for key, value in values.items():
        setattr(s, key, value)
    return s


def _add(s: Scenario, doc: object) -> Scenario:
    s.documents.append(doc)  # type: ignore[arg-type]
    return s


def _short(s: Scenario) -> Scenario:
    s.jobs[0]["start"] = D(2025, 6, 1)
    s.replace("letter.pdf", start_date=D(2025, 6, 1))
    return s.drop("stubs/2023", "stubs/2024", "stubs/2025-0", "t4_2023.pdf", "t4_2024.pdf", "t4_2025.pdf")


def _personal_email(s: Scenario) -> Scenario:
    s.drop("letter.pdf")
    letter = dict(LETTER, employer_email="northwind.hr@gmail.com")
    return _add(s, document(K.REFERENCE_LETTER, "letter.pdf", text="Email northwind.hr@gmail.com", **letter))


def _ended(s: Scenario, **letter: object) -> Scenario:
    s.jobs[0]["end"] = D(2025, 6, 30)
    s.replace("letter.pdf", end_date=D(2025, 6, 30), currently_employed=False, **letter)
    return s.drop("stubs/2025-07", "stubs/2025-08", "stubs/2025-09", "stubs/2025-1", "stubs/2026", "t4_2025.pdf")


def _stub_hours(s: Scenario, hours: float) -> Scenario:
    s.drop("stubs/")
    s.documents += monthly_stubs(D(2023, 3, 1), D(2026, 1, 31), hours=hours)
    return s


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_check_fires_on_its_gap(code: str) -> None:
    scenario = CASES[code](Scenario.clean())
    report = scenario.report()
    found = [f for f in report.findings if f.code == code]
    assert found, f"{code} did not fire; got {[f.code for f in report.findings]}"
    finding = found[0]
    assert "{" not in finding.message and "{" not in finding.fix, "a placeholder was left unfilled"


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_check_is_silent_on_the_clean_case(code: str) -> None:
    assert code not in Scenario.clean().codes("blocker", "warning", "info")


def test_info_notes_for_excluded_hours() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0]["start"] = D(2022, 1, 1)
    scenario.jobs.append(
        dict(employer="Bluefin Retail Ltd.", title="Developer", noc="21232", start=D(2024, 1, 1), hours_per_week=10)
    )
    scenario.study = [(D(2023, 9, 1), D(2023, 12, 20))]
    scenario.replace("permit.pdf", issue_date=D(2021, 1, 1))
    assert {"cec.outside-window", "cec.student-period", "cec.hours-capped"} <= scenario.codes("info")


def test_ita_deadline_is_information_before_the_deadline() -> None:
    scenario = _set(Scenario.clean(), ita_date=D(2026, 2, 1))
    (finding,) = [f for f in scenario.report().findings if f.code == "cec.ita-deadline"]
    assert finding.severity.value == "info"
    assert "2026-04-02" in finding.message and "32 days left" in finding.message


def test_permit_gap_names_the_uncovered_dates_and_maintained_status() -> None:
    scenario = Scenario.clean().replace("permit.pdf", expiry_date=D(2024, 10, 31))
    scenario.documents.append(
        document(
            K.WORK_PERMIT,
            "permit2.pdf",
            holder_name=APPLICANT,
            issue_date=D(2025, 1, 6),
            expiry_date=D(2027, 1, 5),
            permit_type="open",
        )
    )
    (finding,) = [f for f in scenario.report().findings if f.code == "permit.gap"]
    assert "2024-11-01 to 2025-01-05 (66 days)" in finding.message
    assert "maintained status" in finding.fix


def test_claim_mismatch_names_the_values_compared() -> None:
    scenario = Scenario.clean().replace("letter.pdf", start_date=D(2023, 6, 15), job_title="Bookkeeper")
    (finding,) = [f for f in scenario.report().findings if f.code == "letter.claim-mismatch"]
    assert "start 2023-06-15 in the letter, 2023-03-01 claimed" in finding.message
    assert "title 'Bookkeeper'" in finding.message


def test_a_french_title_is_not_a_mismatch() -> None:
    scenario = Scenario.clean()
    scenario.jobs[0]["title"] = "Civil Engineer"
    scenario.replace("letter.pdf", job_title="ingénieure civile", language="fr")
    assert "letter.claim-mismatch" not in scenario.codes()


def test_start_dates_within_7_days_are_only_a_note() -> None:
    scenario = Scenario.clean().replace("letter.pdf", start_date=D(2023, 3, 6))
    assert "letter.claim-mismatch" not in scenario.codes()
    assert "letter.claim-mismatch" in scenario.codes("info")


def test_start_dates_8_days_apart_contradict_the_claim() -> None:
    assert "letter.claim-mismatch" in Scenario.clean().replace("letter.pdf", start_date=D(2023, 3, 9)).codes("blocker")


def test_legal_form_and_case_variants_are_the_same_employer() -> None:
    scenario = Scenario.clean().replace("t4_2024.pdf", employer_name="NORTHWIND ANALYTICS INCORPORATED")
    assert "employer.name-mismatch" not in scenario.codes()


def test_name_order_and_case_are_the_same_person() -> None:
    scenario = Scenario.clean().replace("t4_2024.pdf", employee_name="SANTOS, MARIA")
    assert "name.mismatch" not in scenario.codes()


def test_a_check_that_raises_becomes_a_finding_and_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist.rules.registry import REGISTRY

    broken = REGISTRY["paystub.missing"]

    def boom(ctx: object) -> list[object]:
        raise ValueError("boom")

    monkeypatch.setitem(REGISTRY, "paystub.missing", broken.__class__(**{**broken.__dict__, "check": boom}))
    report = Scenario.clean().drop("letter.pdf").report()
    codes = {f.code for f in report.findings}
    assert "internal.check-failed" in codes and "letter.missing" in codes


def test_ready_is_false_exactly_when_a_blocker_fires() -> None:
    report = Scenario.clean().drop("permit.pdf").report()
    assert not report.ready
    assert any(f.severity.value == "blocker" for f in report.findings)


def test_findings_are_sorted_blockers_first() -> None:
    report = Scenario.clean().drop("permit.pdf", "stubs/").report()
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)


def test_an_unmatched_employer_document_is_not_evidence_for_the_job() -> None:
    scenario = Scenario.clean().drop("stubs/")
    scenario.documents += monthly_stubs(D(2023, 3, 1), D(2026, 1, 31), employer="Completely Different Bakery Ltd.")
    assert "paystub.missing" in scenario.codes()


def test_employer_specific_permit_for_the_job_is_not_a_mismatch() -> None:
    scenario = Scenario.clean().replace("permit.pdf", permit_type="employer_specific", employer=EMPLOYER.upper())
    assert not {"permit.employer-mismatch", "permit.gap"} & scenario.codes()


def test_as_of_end_of_window() -> None:
    report = Scenario.clean().report()
    assert report.window.end == report.as_of
    assert report.window.start == dt.date(2023, 3, 1)


def test_a_failing_duty_matcher_does_not_stop_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import checklist.noc
    import checklist.noc.matching

    def broken(*args: object, **kwargs: object) -> object:
        raise NameError("broken matcher")

    # The package caches the name once used: patch it where the rules look it up, and at its source.
    monkeypatch.setattr(checklist.noc, "match_duties", broken, raising=False)
    monkeypatch.setattr(checklist.noc.matching, "match_duties", broken)
    report = Scenario.clean().report()
    assert report.duties == []
    assert "internal.check-failed" in {f.code for f in report.findings}


def test_the_same_file_twice_is_a_duplicate() -> None:
    scenario = Scenario.clean()
    letter = next(d for d in scenario.documents if d.path == "letter.pdf")
    scenario.documents.append(
        letter.model_copy(update={"raw": letter.raw.model_copy(update={"path": "copy/letter.pdf"})})
    )
    assert "doc.duplicate" in scenario.codes()
    assert "doc.duplicate" not in Scenario.clean().codes()


def test_two_stubs_for_one_period_are_a_duplicate() -> None:
    scenario = Scenario.clean()
    stub = next(d for d in scenario.documents if d.kind is K.PAY_STUB)
    fields = stub.fields.model_dump()
    scenario.documents.append(document(K.PAY_STUB, "stubs/again.pdf", text="another rendering", **fields))
    assert "doc.duplicate" in scenario.codes()
