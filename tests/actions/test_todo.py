"""What to collect (issue 19): the list from the claims alone, ticked by the documents read."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checklist.actions.todo import month_ranges
from checklist.cli import app
from checklist.models.report import TodoItem
from checklist.report import render_html, render_markdown, render_todo_markdown
from tests.support.cases import small_case
from tests.support.factory import D, Scenario


def _clean() -> Scenario:
    """The clean case on a day whose month's pay is not out yet (its stubs run to January)."""
    scenario = Scenario.clean()
    scenario.as_of = D(2026, 2, 15)
    return scenario


def _text(scenario: Scenario, path: str, text: str) -> Scenario:
    """The scenario with one document's text replaced (what the reader saw, not the fields)."""
    scenario.documents = [
        d
        if d.path != path
        else d.model_copy(
            update={"raw": d.raw.model_copy(update={"pages": [d.raw.pages[0].model_copy(update={"text": text})]})}
        )
        for d in scenario.documents
    ]
    return scenario


def _one(scenario: Scenario, key: str, contains: str = "") -> TodoItem:
    [item] = [i for i in scenario.report().todo if i.key == key and contains in i.label]
    return item


def test_from_the_claims_alone_every_item_is_open() -> None:
    scenario = Scenario.clean().drop(*[d.path for d in Scenario.clean().documents])
    todo = scenario.report().todo
    labels = [item.label for item in todo]
    assert [i.key for i in todo] == ["letter", "pay_stubs", "t4", "noa", "t4", "noa", "t4", "noa", "status", "language"]
    assert "T4 2023 from Northwind Analytics Inc." in labels and "Notice of assessment 2025 (CRA)" in labels
    assert not any(item.done for item in todo)
    letter = todo[0]
    assert "hours worked per week" in letter.missing[0] and "signature" in letter.missing[0]
    assert todo[1].missing == ["no pay stub yet (months: 2023-03 to 2026-02)"]


def test_a_clean_case_ticks_every_required_item() -> None:
    todo = _clean().report().todo
    assert all(item.done for item in todo if item.required), [i for i in todo if not i.done]
    letter = todo[0]
    assert letter.documents == ["letter.pdf"] and letter.confirm == [
        "printed on the company's letterhead",
        "a signature",
    ]


def test_a_missing_t4_year_stays_open() -> None:
    item = _one(Scenario.clean().drop("t4_2024.pdf"), "t4", "2024")
    assert not item.done and item.missing == ["no T4 for 2024 from Northwind Analytics Inc. yet"]
    assert _one(Scenario.clean().drop("t4_2024.pdf"), "t4", "2023").done


def test_a_letter_element_that_misses_is_named() -> None:
    item = _one(
        _text(_clean().replace("letter.pdf", hours_per_week=None), "letter.pdf", "Contact jobs@northwind.ca"), "letter"
    )
    assert not item.done and len(item.missing) == 1 and item.missing[0].startswith("the hours worked per week")


def test_a_value_that_may_be_there_is_to_confirm_not_missing() -> None:
    scenario = _text(
        _clean().replace("letter.pdf", hours_per_week=None),
        "letter.pdf",
        "Contact jobs@northwind.ca. She works full-time hours.",
    )
    item = _one(scenario, "letter")
    assert item.done and any(line.startswith("the hours worked per week") for line in item.confirm)


def test_months_without_a_pay_stub_are_listed_as_runs() -> None:
    gone = [f"stubs/2024-{m:02d}.pdf" for m in (3, 4, 5, 9)]
    item = _one(_clean().drop(*gone), "pay_stubs")
    assert not item.done and item.missing == ["months without a pay stub: 2024-03 to 2024-05, 2024-09"]
    assert month_ranges(["2024-12", "2025-01", "2025-03"]) == ["2024-12 to 2025-01", "2025-03"]


def test_status_is_asked_from_the_first_day_of_work() -> None:
    scenario = Scenario.clean()
    scenario.jobs = [{**scenario.jobs[0], "start": D(2022, 6, 1)}]
    item = _one(scenario, "status")
    assert not item.done and item.missing == ["days not covered: 2022-06-01 to 2022-11-30"]


def test_the_language_test_is_asked_once_for_the_case() -> None:
    item = _one(Scenario.clean().drop("ielts.pdf"), "language")
    assert item.job is None and not item.done and "no language test result yet" in item.missing[0]


def test_reports_show_a_what_to_collect_section() -> None:
    report = Scenario.clean().drop("t4_2024.pdf").report()
    html, md = render_html(report), render_markdown(report)
    assert '<section class="todo" id="todo">' in html and "no T4 for 2024 from Northwind Analytics Inc. yet" in html
    assert "## What to collect" in md and "- [ ] T4 2024 from Northwind Analytics Inc." in md
    assert "- [x] T4 2023 from Northwind Analytics Inc." in render_todo_markdown(report)


def test_todo_command(tmp_path: Path) -> None:
    folder = small_case(tmp_path / "case")
    runner = CliRunner()
    text = runner.invoke(app, ["todo", str(folder), "--as-of", "2025-11-14"])
    assert text.exit_code == 1, text.output
    assert "What to collect for Farah Nazari" in text.output and "✓ Reference letter from Bow Valley" in text.output
    assert "○ T4 2022 from Bow Valley Engineering Consultants Inc." in text.output
    data = json.loads(runner.invoke(app, ["todo", str(folder), "-f", "json", "--as-of", "2025-11-14"]).output)
    assert {item["key"] for item in data} == {"letter", "pay_stubs", "t4", "noa", "status", "language"}
    assert runner.invoke(app, ["todo", str(folder), "-f", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["todo", str(tmp_path / "nowhere")]).exit_code == 2
