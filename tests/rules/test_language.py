"""The language checks beyond fire/silent: which CLB the work needs, which day a result must be
valid on, unread dates, results IRCC does not accept, and several results."""

from __future__ import annotations

from checklist.models.findings import Finding
from tests.support.factory import APPLICANT, LANGUAGE, D, K, Scenario, document


def _scenario() -> Scenario:
    scenario = Scenario.clean()
    scenario.with_noc = False  # no language check reads NOC data; the TEER is the code's second digit
    return scenario


def _findings(scenario: Scenario, code: str) -> list[Finding]:
    return [f for f in scenario.report().findings if f.code == code]


def _result(path: str = "ielts.pdf", **fields: object) -> object:
    return document(K.LANGUAGE_TEST, path, **(LANGUAGE | fields))


def test_below_minimum_names_the_skill_the_score_and_the_level() -> None:
    scenario = _scenario().replace("ielts.pdf", reading=5.5, speaking=5.0)
    (finding,) = _findings(scenario, "language.below-minimum")
    assert "reading 5.5 (CLB 6)" in finding.message and "speaking 5 (CLB 5)" in finding.message
    assert "CLB 7" in finding.message and "TEER 0 or 1" in finding.message
    assert finding.severity.value == "blocker" and finding.documents == ["ielts.pdf"]


def _teer3_only(s: Scenario) -> Scenario:
    s.jobs[0].update(noc="63200", title="Cook")
    return s


def test_teer_2_or_3_work_needs_clb_5() -> None:
    assert not _findings(_teer3_only(_scenario()).replace("ielts.pdf", reading=4.0), "language.below-minimum")  # CLB 5
    (finding,) = _findings(_teer3_only(_scenario()).replace("ielts.pdf", reading=3.5), "language.below-minimum")
    assert "reading 3.5 (CLB 4)" in finding.message and "CLB 5" in finding.message


def test_teer_1_work_not_needed_for_the_hours_asks_clb_5() -> None:
    scenario = _scenario()
    scenario.jobs = [
        {
            "employer": "Northwind Analytics Inc.",
            "title": "Software Developer",
            "noc": "21232",
            "start": D(2023, 3, 1),
            "end": D(2023, 5, 31),
            "hours_per_week": 40,
        },
        {
            "employer": "Bluefin Retail Ltd.",
            "title": "Cook",
            "noc": "63200",
            "start": D(2023, 6, 1),
            "hours_per_week": 40,
        },
    ]
    experience = scenario.report().experience
    assert experience.jobs[1].qualifying_hours >= 1560 and experience.jobs[0].qualifying_hours > 0
    assert not _findings(scenario.replace("ielts.pdf", reading=5.5), "language.below-minimum")  # CLB 6 >= 5


def test_teer_1_hours_needed_when_the_other_jobs_fall_short() -> None:
    scenario = _scenario()
    scenario.jobs.append(
        {
            "employer": "Bluefin Retail Ltd.",
            "title": "Cook",
            "noc": "63200",
            "start": D(2025, 6, 1),
            "hours_per_week": 20,
        }
    )
    assert _findings(scenario.replace("ielts.pdf", reading=5.5), "language.below-minimum")


def test_an_unknown_level_is_not_below() -> None:
    assert not _findings(_scenario().replace("ielts.pdf", reading=None), "language.below-minimum")


def test_the_best_valid_result_is_judged() -> None:
    scenario = _scenario().replace("ielts.pdf", reading=5.5)
    scenario.documents.append(
        _result("celpip.pdf", test="celpip_general", listening=9, reading=8, writing=7, speaking=8)
    )
    assert not _findings(scenario, "language.below-minimum")


def test_an_expired_result_is_not_judged_for_the_minimum() -> None:
    scenario = _scenario().replace("ielts.pdf", reading=5.5, test_date=D(2023, 1, 10))
    assert _findings(scenario, "language.expired") and not _findings(scenario, "language.below-minimum")


def test_a_result_is_valid_until_the_day_before_its_second_anniversary() -> None:
    assert not _findings(_scenario().replace("ielts.pdf", test_date=D(2024, 3, 2)), "language.expired")
    (finding,) = _findings(_scenario().replace("ielts.pdf", test_date=D(2024, 3, 1)), "language.expired")
    assert "2024-03-01" in finding.message and "2026-03-01" in finding.message


def test_validity_is_judged_on_the_application_date() -> None:
    scenario = _scenario().replace("ielts.pdf", test_date=D(2024, 4, 15))
    assert not _findings(scenario, "language.expired")
    scenario.application_date = D(2026, 4, 20)
    (finding,) = _findings(scenario, "language.expired")
    assert "2026-04-20" in finding.message


def test_one_valid_result_is_enough() -> None:
    scenario = _scenario().replace("ielts.pdf", test_date=D(2023, 5, 1))
    scenario.documents.append(_result("ielts_2025.pdf", test_date=D(2025, 11, 2)))
    assert not _findings(scenario, "language.expired")


def test_an_unread_test_date_is_not_expired_but_asked_about() -> None:
    scenario = _scenario().replace("ielts.pdf", test_date=None)
    assert not _findings(scenario, "language.expired")
    (finding,) = _findings(scenario, "language.date-unread")
    assert (
        finding.severity.value == "warning" and "could not be read" in finding.message and "2026-03-01" in finding.fix
    )
    assert scenario.report().ready


def test_an_unread_date_beside_a_valid_result_is_not_asked_about() -> None:
    scenario = _scenario()
    scenario.documents.append(_result("old_ielts.pdf", test_date=None))
    assert not _findings(scenario, "language.date-unread")


def test_an_ielts_academic_result_is_not_accepted() -> None:
    scenario = _scenario().replace("ielts.pdf", test="ielts_academic")
    (finding,) = _findings(scenario, "language.missing")
    assert "IELTS Academic" in finding.message and finding.documents == ["ielts.pdf"]
    assert not _findings(scenario, "language.below-minimum")


def test_a_result_whose_test_could_not_be_read_is_not_missing() -> None:
    assert not _findings(_scenario().replace("ielts.pdf", test=None), "language.missing")


def test_the_name_on_the_result_is_checked_once() -> None:
    scenario = _scenario().replace("ielts.pdf", holder_name="Juan Perez")
    (finding,) = _findings(scenario, "language.name-mismatch")
    assert "Juan Perez" in finding.message and APPLICANT in finding.message
    assert not _findings(scenario, "name.mismatch")
    assert not _findings(_scenario().replace("ielts.pdf", holder_name="SANTOS, MARIA"), "language.name-mismatch")
