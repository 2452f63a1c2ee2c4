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
    today = case.ita_date  # the window ends on the application date when given, else today
    assert case.window_end(today) == (case.application_date or today)


@pytest.mark.parametrize(
    "change,field,line,words",
    [
        (("hours_per_week: 40", "hours_per_week: 40\n    colour: blue"), "jobs[0].colour", 10, "unknown field"),
        (("start: 2023-03-01", "start: 2023-02-30"), "jobs[0].start", 7, "not a date"),
        (("end: null", "end: 2022-01-01"), "jobs[0]", 4, "before start"),
        (('noc: "21232"', 'noc: "212"'), "jobs[0].noc", 6, "five digits"),
        (("applicant: Maria Santos\n", ""), "applicant", 1, "required"),
        (("  - start: 2022-09-01", "  - start: someday"), "study[0].start", 11, "not a date"),
    ],
)
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
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)
    ]
    bomb = "\n".join(levels) + "\napplicant: A\nbad: 2023-02-30\njobs: []\n"
    for text in (nested, bomb):
        start = time.perf_counter()
        with pytest.raises(CaseFileError):
            parse_case(text, tmp_path / "case.yaml")
        assert time.perf_counter() - start < 2


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A case.yaml of under 450 bytes whose job start date is `width`**`levels` values once its aliases expand."""
    names = "abcdefghijklmnop"
    lines = [f"{names[0]}: &{names[0]} [" + ",".join(['"x"'] * width) + "]"]
    lines += [f"{names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + (
        f"\napplicant: A\njobs:\n- employer: X\n  title: T\n  noc: '21232'\n"
        f"  start: *{names[levels - 1]}\n  hours_per_week: 40\n"
    )


def test_issue20_alias_bomb_in_a_date_field_is_refused_at_once(tmp_path: Path) -> None:
    """Regression (issue 20): the error message for the date echoed the whole expanded tree and never ended."""
    import time

    bomb = alias_bomb()
    assert len(bomb.encode()) < 450
    (tmp_path / "case.yaml").write_text(bomb)
    start = time.perf_counter()
    with pytest.raises(CaseFileError) as caught:
        load_case(tmp_path)
    assert time.perf_counter() - start < 0.5
    error = caught.value
    assert "aliases" in error.message and "10,000" in error.message
    assert error.path == tmp_path / "case.yaml" and error.line == 5 and error.field == "e[0]"
    assert len(str(error)) < 300


def test_issue20_a_few_aliases_are_still_fine() -> None:
    text = GOOD.replace("ita_date: 2026-01-07", "ita_date: &ita 2026-01-07\napplication_date: *ita")
    assert parse_case(text, Path("case.yaml")).application_date == parse_case(GOOD, Path("case.yaml")).ita_date


@pytest.mark.parametrize(
    "text,words",
    [
        ("a: &a [*a]\n", "refers to the value that holds it"),
        ("applicant: " + "[" * 60 + "]" * 60, "nested more than 50"),
        ("applicant: A\njobs:\n- " + "{a: " * 60 + "1" + "}" * 60, "nested more than 50"),
        (
            "applicant: A\njobs: " + "[" * 200_000,
            "nested more than 50",
        ),  # quadratic in YAML's scanner: refused before it
    ],
)
def test_issue20_recursive_and_deep_yaml_is_refused(text: str, words: str) -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(CaseFileError, match=words):
        parse_case(text, Path("case.yaml"))
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "change,field",
    [
        (("start: 2023-03-01", "start: " + "x" * 5000), "jobs[0].start"),
        (('noc: "21232"', "noc: " + "9" * 5000), "jobs[0].noc"),
        (("start: 2023-03-01", "start: [" + ", ".join(["[1, 2, 3, [4, 5, [6]]]"] * 300) + "]"), "jobs[0].start"),
    ],
)
def test_issue20_echoed_values_are_shortened(change: tuple[str, str], field: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_case(GOOD.replace(*change), Path("case.yaml"))
    assert caught.value.field == field
    assert len(caught.value.message) < 200, caught.value.message


def test_issue20_alias_bomb_exits_2_in_the_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from checklist.cli import app

    (tmp_path / "case.yaml").write_text(alias_bomb())
    result = CliRunner().invoke(app, ["check", str(tmp_path), "-f", "json", "-o", "-"])
    assert result.exit_code == 2 and "aliases" in result.output and "Traceback" not in result.output
    assert len(result.output) < 400


def test_codes_are_read_as_written_not_as_yaml_numbers_or_booleans(tmp_path: Path) -> None:
    """Regression (issue 16): `noc: 00012` was the octal 10, `noc: 2174` became "02174", `intended_province: ON` True."""
    text = (
        "applicant: A B\nintended_province: ON\njobs:\n  - {employer: E, title: T, noc: 00012, start: 2024-01-01, hours_per_week: 40}\n"
        "  - {employer: F, title: U, noc: 2174, start: 2024-01-01, hours_per_week: 40}\n"
    )
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")
    case = load_case(tmp_path)
    assert case.intended_province == "ON"
    assert [job.noc for job in case.jobs] == ["00012", "2174"]
    assert case.jobs[1].noc_2016 and case.jobs[1].teer is None
