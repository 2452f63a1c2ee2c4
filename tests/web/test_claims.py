"""Claims form fields to case data and back, without HTTP."""

from __future__ import annotations

from pathlib import Path

import yaml

from checklist.casefile import case_yaml, load_case, parse_case
from checklist.web.claims import form_from_data, parse_form
from tests.web.conftest import SAMPLES, sample_form


def test_every_sample_round_trips_through_the_form() -> None:
    for case_dir in sorted(SAMPLES.iterdir()):
        case, claims = parse_form(sample_form(case_dir))
        assert claims.errors == {}, case_dir.name
        assert case == load_case(case_dir), case_dir.name
        assert parse_case(case_yaml(case), Path("case.yaml")) == case


def test_form_from_data_fills_what_it_can_of_a_broken_file() -> None:
    data = yaml.safe_load("applicant: Ana\njobs:\n  - employer: X\n    hours_per_week: 37.5\n    end: null\n  - not a job\nstudy: nope\n")
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
