"""Batch mode: every case a report, a broken case a row, safe output names, index and CSV."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checklist.batch import find_cases, safe_name
from checklist.cli import app
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "cases"


def test_safe_names() -> None:
    taken: set[str] = set()
    assert safe_name("../../etc/passwd", taken) == "etc-passwd"
    assert safe_name("Clients/María José (2025)", taken) == "clients-maria-jose-2025"
    assert safe_name("a/b", taken) == "a-b" and safe_name("a b", taken) == "a-b-2"
    assert safe_name("💼", taken) == "case"
    assert all("/" not in name and ".." not in name for name in taken)


def test_find_cases_does_not_look_inside_a_case(tmp_path: Path) -> None:
    for folder in ("one", "two/inner", "one/sub"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "case.yaml").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_cases(tmp_path)] == ["one", "two/inner"]


def test_batch_writes_reports_index_and_csv(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    shutil.copytree(SAMPLES / "s01_clean_promotion", root / "kavya")
    shutil.copytree(SAMPLES / "s05_weak_reference_letter", root / "kwame")
    (root / "broken").mkdir()
    (root / "broken" / "case.yaml").write_text("jobs: [")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(root), "-o", str(out), "-j", "2", "--noc-data", str(NOC_DIR), "--as-of", "2025-11-14"]
    )
    assert result.exit_code == 1, result.output
    assert {p.name for p in out.iterdir()} >= {"index.html", "summary.csv", "kavya.html", "kavya.json", "kwame.html"}
    rows = {row["case"]: row for row in csv.DictReader((out / "summary.csv").open())}
    assert rows["kavya"]["ready"] == "True" and rows["kwame"]["ready"] == "False"
    assert "YAML syntax error" in rows["broken"]["error"]
    index = (out / "index.html").read_text()
    assert 'href="kavya.html"' in index and "error:" in index


def test_batch_exit_0_when_all_ready_and_2_without_cases(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    shutil.copytree(SAMPLES / "s01_clean_promotion", root / "kavya")
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["batch", str(root), "-o", str(tmp_path / "o"), "--noc-data", str(NOC_DIR), "--as-of", "2025-11-14"]
        ).exit_code
        == 0
    )
    assert runner.invoke(app, ["batch", str(tmp_path / "o")]).exit_code == 2
