"""The command line: exit codes, formats, output files, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.cli import app
from tests.report.test_json import validate_contract
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "cases"
runner = CliRunner()


@pytest.fixture
def clean_case(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(SAMPLES / "s01_clean_promotion", target)
    return target


def run(*args: str) -> object:
    return runner.invoke(app, [str(a) for a in args])


def test_check_ready_case_exits_0_and_writes_report_html(clean_case: Path) -> None:
    result = run(
        "check", clean_case, "--noc-data", NOC_DIR, "--as-of", "2025-11-14"
    )  # the sample's own day: its ITA runs out later
    assert result.exit_code == 0, result.output
    assert "Ready: no blocker found" in (clean_case / "report.html").read_text()
    assert "READY" in result.output
    assert run("check", clean_case, "-f", "md", "--noc-data", NOC_DIR, "--as-of", "2025-11-14").exit_code == 0
    assert (clean_case / "report.md").read_text().startswith("# CEC evidence check")


def test_check_not_ready_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "case"
    shutil.copytree(SAMPLES / "s05_weak_reference_letter", target)
    result = run("check", target, "--noc-data", NOC_DIR, "-f", "json", "-o", tmp_path / "out.json")
    assert result.exit_code == 1
    validate_contract(json.loads((tmp_path / "out.json").read_text()))


def test_json_to_stdout(clean_case: Path) -> None:
    result = run("check", clean_case, "-f", "json", "-o", "-", "--as-of", "2025-11-14", "--noc-data", NOC_DIR)
    data = json.loads(result.stdout)
    validate_contract(data)
    assert data["as_of"] == "2025-11-14"
    assert not (clean_case / "report.json").exists()


def test_a_second_run_does_not_read_its_own_report(clean_case: Path) -> None:
    run("check", clean_case, "--noc-data", NOC_DIR)
    run("check", clean_case, "-f", "md", "--noc-data", NOC_DIR)
    result = run("check", clean_case, "-f", "json", "-o", "-", "--noc-data", NOC_DIR)
    paths = {d["path"] for d in json.loads(result.stdout)["documents"]}
    assert not paths & {"report.md", "report.html"}


@pytest.mark.parametrize(
    "yaml_text,words",
    [
        ("applicant: A\njobs: [", "YAML syntax error"),
        (
            "applicant: A\njobs:\n  - employer: X\n    title: T\n    noc: '123'\n    start: 2024-01-01\n    hours_per_week: 40\n",
            "jobs[0].noc",
        ),
    ],
)
def test_bad_case_yaml_exits_2_with_one_line(tmp_path: Path, yaml_text: str, words: str) -> None:
    (tmp_path / "case.yaml").write_text(yaml_text)
    result = run("check", tmp_path)
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output
    assert str(tmp_path / "case.yaml") in result.output.replace("\n", "")


def test_missing_folder_and_bad_options_exit_2(tmp_path: Path) -> None:
    assert run("check", tmp_path / "nope").exit_code == 2
    assert run("check", tmp_path, "--as-of", "yesterday").exit_code == 2
    assert run("check", tmp_path, "-f", "docx").exit_code == 2


def test_extract_shows_kind_fields_and_sources() -> None:
    letter = next((SAMPLES / "s05_weak_reference_letter").rglob("*.docx"))
    result = run("extract", letter, "-f", "json")
    data = json.loads(result.stdout)
    assert data["kind"] in ("reference_letter", "employment_contract") and data["fields"] and data["sources"]


def test_extract_of_an_unreadable_file_says_why(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 broken")
    result = run("extract", tmp_path / "x.pdf")
    assert result.exit_code == 0 and "unreadable" in result.stdout and "damaged" in result.stdout


def test_rules_lists_every_code() -> None:
    data = json.loads(run("rules", "-f", "json").stdout)
    codes = {item["code"] for item in data}
    assert {"cec.hours-short", "letter.missing-hours", "duties.noc-mismatch", "doc.portal-limit"} <= codes
    assert all(item["fix"] and item["verifies"] for item in data)


def test_init_writes_a_case_that_loads(tmp_path: Path) -> None:
    assert run("init", tmp_path / "new").exit_code == 0
    from checklist.casefile import load_case

    assert load_case(tmp_path / "new").jobs
    assert run("init", tmp_path / "new").exit_code == 2  # never overwrites without --force


def test_noc_lookup_search_and_2016_codes() -> None:
    group = json.loads(run("noc", "21232", "-f", "json", "--noc-data", NOC_DIR).stdout)
    assert group["teer"] == 1 and group["main_duties"] and group["lead_statement"] and group["example_titles"]
    hits = json.loads(run("noc", "search", "line cook in a restaurant", "-f", "json", "--noc-data", NOC_DIR).stdout)
    assert len(hits) >= 10 and hits[0]["code"] == "63200" and set(hits[0]) == {"code", "title", "teer", "score"}
    old = json.loads(run("noc", "2174", "-f", "json", "--noc-data", NOC_DIR).stdout)
    assert "21232" in [item["code"] for item in old["noc2021"]]
    assert run("noc", "99999", "--noc-data", NOC_DIR).exit_code == 2
    prefix = json.loads(run("noc", "search", "2123", "-f", "json", "--noc-data", NOC_DIR).stdout)
    assert [hit["code"] for hit in prefix] == [
        "21230",
        "21231",
        "21232",
        "21233",
        "21234",
    ]  # digits: the start of a code


def test_noc_without_data_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checklist.noc.store.default_noc_dir", lambda: tmp_path / "none")
    result = run("noc", "search", "cook")
    assert result.exit_code == 2 and "noc install" in result.output


def test_python_dash_m_and_no_traceback_on_junk(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text((SAMPLES / "s08_ready_with_warnings" / "case.yaml").read_text())
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "evil.docx").write_bytes(b"PK\x03\x04" + b"\xff" * 300)
    proc = subprocess.run(
        [sys.executable, "-m", "checklist", "check", str(tmp_path), "-f", "json", "-o", "-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    unreadable = [d["path"] for d in json.loads(proc.stdout)["documents"] if d["kind"] == "unreadable"]
    assert sorted(unreadable) == ["empty.docx", "evil.docx", "junk.pdf"]


def test_noc_install_copies_and_indexes_then_search_uses_it(tmp_path: Path) -> None:
    dest = tmp_path / "noc"
    result = run("noc", "install", NOC_DIR, "--dest", dest)
    assert result.exit_code == 0, result.output
    assert any(dest.rglob("*.csv"))
    hits = json.loads(run("noc", "search", "registered nurse", "-f", "json", "--noc-data", dest).stdout)
    assert hits[0]["code"] == "31301"


def test_noc_install_of_a_bad_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("noc", "install", tmp_path / "empty", "--dest", tmp_path / "noc")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_json_check_does_not_import_the_template_engine(tmp_path: Path) -> None:
    """Start-up time (issue 12): jinja2 is imported for HTML and Markdown reports only."""
    from tests.support.cases import small_case

    case = small_case(tmp_path / "case")
    script = (
        "import sys; from checklist.cli import app\n"
        "try:\n"
        f"    app(['check', {str(case)!r}, '-f', 'json', '-o', {str(tmp_path / 'out.json')!r},"
        f" '--noc-data', {str(NOC_DIR)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('jinja2' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.stdout.strip().splitlines()[-1] == "False", run.stderr[-2000:]
    assert (tmp_path / "out.json").is_file()
