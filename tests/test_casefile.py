"""case.yaml: valid claims load; every bad manifest names the file, field and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.casefile import INIT_TEMPLATE, load_case, parse_case
from checklist.errors import CaseFileError

GOOD = """\
applicant: Maria Santos
ita_date: 2026-01-07
jobs:
  - employer: Northwind Analytics Inc.
    title: Software Developer
    noc: "21232"
    start: 2023-03-01
    end: null
    hours_per_week: 40
study:
  - start: 2022-09-01
    end: 2023-04-30
"""


def test_a_good_case_loads() -> None:
    case = parse_case(GOOD, Path("case.yaml"))
    assert case.applicant == "Maria Santos" and case.jobs[0].teer == 1 and case.jobs[0].end is None
    assert case.as_of() == case.ita_date


@pytest.mark.parametrize("change,field,line,words", [
    (("hours_per_week: 40", "hours_per_week: 40\n    colour: blue"), "jobs[0].colour", 10, "unknown field"),
    (("start: 2023-03-01", "start: 2023-02-30"), "jobs[0].start", 7, "not a date"),
    (("end: null", "end: 2022-01-01"), "jobs[0]", 4, "before start"),
    (('noc: "21232"', 'noc: "2123"'), "jobs[0].noc", 6, "five digits"),
    (("applicant: Maria Santos\n", ""), "applicant", 1, "required"),
    (("  - start: 2022-09-01", "  - start: someday"), "study[0].start", 11, "not a date"),
])
def test_bad_manifests_name_field_and_line(change: tuple[str, str], field: str, line: int, words: str) -> None:
    text = GOOD.replace(*change)
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, Path("cases/x/case.yaml"))
    error = caught.value
    assert error.field == field and error.line == line and words in str(error)
    assert "cases/x/case.yaml" in str(error)


def test_yaml_syntax_error_gives_the_line() -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_case(GOOD.replace("jobs:", "jobs: [", 1), Path("case.yaml"))
    assert "YAML syntax error" in str(caught.value) and caught.value.line is not None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="no case.yaml"):
        load_case(tmp_path)


def test_init_template_is_a_valid_case() -> None:
    assert parse_case(INIT_TEMPLATE, Path("case.yaml")).jobs[0].noc == "21232"


def test_yaml_is_loaded_safely() -> None:
    with pytest.raises(CaseFileError):
        parse_case("!!python/object/apply:os.system ['echo hi']", Path("case.yaml"))


def test_deep_nesting_and_alias_bombs_are_refused_quickly(tmp_path: Path) -> None:
    """Regression (web issue 8): both hung or crashed the YAML checks; now each is a CaseFileError at once."""
    import time

    nested = "applicant: A\njobs: " + "[" * 5000 + "]" * 5000 + "\n"
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = "\n".join(levels) + "\napplicant: A\nbad: 2023-02-30\njobs: []\n"
    for text in (nested, bomb):
        start = time.perf_counter()
        with pytest.raises(CaseFileError):
            parse_case(text, tmp_path / "case.yaml")
        assert time.perf_counter() - start < 2
