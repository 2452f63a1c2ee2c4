"""The tool never reads its own outputs as documents (issue 17): recognised by content, set aside, listed."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.cli import app
from checklist.ingest import discover, set_aside
from checklist.ingest.own import own_file
from checklist.report import render_html, render_json, render_markdown
from tests.support.factory import Scenario
from tests.support.files import make_docx, make_pdf
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(SAMPLES / "s01_clean_promotion", target)
    return target


def test_renamed_reports_anywhere_in_the_folder_are_set_aside(case: Path) -> None:
    report = Scenario.clean().report()
    before = discover(case)
    (case / "Employment" / "old check.html").write_text(render_html(report), encoding="utf-8")
    (case / "notes.md").write_text(render_markdown(report), encoding="utf-8")
    (case / "Taxes" / "export.json").write_text(render_json(report), encoding="utf-8")
    (case / "review.yaml").write_text("acknowledged:\n  - code: letter.personal-email\n", encoding="utf-8")
    (case / "copy of case.yaml").write_text((case / "case.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    cache = case / "readings"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (cache / "page-1.txt").write_text("cached text")
    assert discover(case) == before
    aside = dict(set_aside(case))
    assert set(aside) == {
        "Employment/old check.html",
        "notes.md",
        "Taxes/export.json",
        "review.yaml",
        "copy of case.yaml",
        "readings/",
    }
    assert "HTML" in aside["Employment/old check.html"] and "Markdown" in aside["notes.md"]


def test_generated_pdfs_are_recognised_by_their_metadata(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from checklist.report import render_pdf

    (tmp_path / "letter.pdf").write_bytes(render_pdf(Scenario.clean().report()))
    assert own_file(tmp_path / "letter.pdf") is not None
    make_pdf(tmp_path / "stub.pdf", [["Pay statement", "cec-checklist is mentioned in the text"]])
    assert own_file(tmp_path / "stub.pdf") is None  # the words in a document's text are not the marker
    make_docx(tmp_path / "letter.docx", ["Made by cec-checklist", "a letter that quotes the footer first"])
    assert own_file(tmp_path / "letter.docx") is None


def test_an_upload_pack_in_the_case_folder_and_its_zip_are_set_aside(case: Path) -> None:
    pytest.importorskip("weasyprint")
    runner = CliRunner()
    first = runner.invoke(app, ["check", str(case), "-f", "json", "-o", "-", "--noc-data", str(NOC_DIR)])
    documents = {d["path"] for d in json.loads(first.stdout)["documents"]}
    result = runner.invoke(
        app, ["pack", str(case), "-o", str(case / "upload"), "--noc-data", str(NOC_DIR), "--force"]
    )  # packing despite blockers: this test is about what the next check sets aside
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(case / "pack from the web page.zip", "w") as archive:
        for path in sorted((case / "upload").iterdir()):
            archive.write(path, path.name)
    shutil.copyfile(case / "upload" / "read-me-first.pdf", case / "Employment" / "guide.pdf")
    again = runner.invoke(app, ["check", str(case), "-f", "json", "-o", "-", "--noc-data", str(NOC_DIR)])
    data = json.loads(again.stdout)
    assert {d["path"] for d in data["documents"]} == documents
    aside = {item["path"] for item in data["set_aside"]}
    assert {"pack from the web page.zip", "Employment/guide.pdf", "upload/read-me-first.pdf"} <= aside


def test_readme_commands_in_either_order_leave_the_samples_alone(case: Path) -> None:
    """check writes report.html into the case; a second check, a pack and discovery all ignore it."""
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(case), "--noc-data", str(NOC_DIR)])
    assert (case / "report.html").is_file() and "READY" in result.stdout and "report written to" in result.stdout
    assert all(path.name != "report.html" for path in discover(case))
    assert ("report.html", "a report written by cec-checklist (HTML)") in set_aside(case)
    again = runner.invoke(app, ["check", str(case), "--noc-data", str(NOC_DIR)])
    assert "1 file set aside, not read as documents" in " ".join(again.stdout.split())


def test_a_pdf_whose_creator_is_a_hex_string_is_recognised_without_parsing_it(tmp_path: Path) -> None:
    """Writers store /Creator as UTF-16 hex ("<FEFF0063...>"): found in the bytes, as the literal form is."""
    creator = "FEFF" + "".join(f"00{byte:02X}" for byte in b"cec-checklist 1.0")
    body = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Creator <"
        + creator.encode()
        + b"> >> endobj\ntrailer << /Root 1 0 R /Info 2 0 R >>\n%%EOF\n"
    )
    (tmp_path / "renamed.pdf").write_bytes(body)
    assert own_file(tmp_path / "renamed.pdf") is not None
    (tmp_path / "other.pdf").write_bytes(body.replace(creator.encode(), b"FEFF00410042"))
    assert own_file(tmp_path / "other.pdf") is None
