"""Claims form fields to case data and back (without HTTP), and case.yaml files the page must survive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from checklist.casefile import case_yaml, load_case, parse_case
from checklist.web.claims import form_from_data, parse_form
from tests.test_casefile import alias_bomb
from tests.web.conftest import SAMPLES, Browser, sample_form


def test_every_sample_round_trips_through_the_form() -> None:
    for case_dir in sorted(SAMPLES.iterdir()):
        case, claims = parse_form(sample_form(case_dir))
        assert claims.errors == {}, case_dir.name
        assert case == load_case(case_dir), case_dir.name
        assert parse_case(case_yaml(case), Path("case.yaml")) == case


def test_form_from_data_fills_what_it_can_of_a_broken_file() -> None:
    data = yaml.safe_load(
        "applicant: Ana\njobs:\n  - employer: X\n    hours_per_week: 37.5\n    end: null\n  - not a job\nstudy: nope\n"
    )
    claims = form_from_data(data)
    assert claims.applicant == "Ana"
    assert [(row["employer"], row["hours_per_week"], row["current"]) for row in claims.jobs] == [("X", "37.5", True)]
    assert claims.study == []
    assert form_from_data(["not", "a", "mapping"]).applicant == ""


def test_whole_hours_are_written_without_decimals() -> None:
    case, _ = parse_form({**sample_form(SAMPLES / "s01_clean_promotion"), "jobs-0-hours_per_week": "40"})
    assert case is not None
    assert "hours_per_week: 40\n" in case_yaml(case)


def test_errors_on_fields_the_form_lacks_are_still_shown() -> None:
    claims = form_from_data({})
    claims.add_error("nickname", "unknown field")
    claims.add_error("applicant", "this field is required")
    assert claims.other_errors() == [("nickname", "unknown field")]


def test_issue20_alias_bomb_on_the_claims_page_is_parsed_off_the_event_loop(browser: Browser, monkeypatch: Any) -> None:
    """Regression (issue 20): a bomb in case.yaml, copied in by hand, froze the page (and every other) while it expanded."""
    import asyncio
    import time

    import checklist.casefile

    on_loop: list[bool] = []
    real = checklist.casefile.load_yaml

    def watched(text: str) -> Any:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return real(text)

    monkeypatch.setattr(checklist.casefile, "load_yaml", watched)
    monkeypatch.setattr(checklist.web.pages, "load_yaml", watched)
    case_id = browser.new_case("Bomb")
    (browser.cases_dir / case_id / "case.yaml").write_text(alias_bomb(), encoding="utf-8")
    start = time.perf_counter()
    page = browser.get(f"/cases/{case_id}/claims")
    assert time.perf_counter() - start < 2
    assert page.status_code == 200 and "aliases (*name) expand to more than 10,000 values" in page.text
    upload = browser.post(f"/cases/{case_id}/claims/file", files=[("case_file", ("case.yaml", alias_bomb().encode()))])
    assert upload.status_code == 422 and "expand to more than" in upload.text
    assert browser.get("/").status_code == 200
    assert on_loop and not any(on_loop), "case.yaml was parsed on the event loop"
