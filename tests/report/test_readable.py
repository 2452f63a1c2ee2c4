"""Reports people read (issue 17): plurals, plain words, no 'p. None', Letter paper, phone-width notes, labels that fit."""

from __future__ import annotations

import io
import re

import pytest

from checklist.report import render_html, render_markdown
from checklist.report.environment import count_noun, field_name, read_name
from checklist.report.views import LABEL, fit_label, text_width
from tests.support.factory import Scenario


def test_plurals() -> None:
    assert [count_noun(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    report = Scenario.clean().drop("permit.pdf").report()
    blockers = report.counts()["blocker"]
    markdown = render_markdown(report)
    assert f"{count_noun(blockers, 'blocker')}," in markdown
    assert not re.search(r"\b1 (blockers|warnings|notes)\b", markdown + render_html(report))


def test_plain_words_instead_of_field_names_and_read_methods() -> None:
    report = Scenario.clean().report()
    html, markdown = render_html(report), render_markdown(report)
    for text in (html, markdown):
        assert "text_layer" not in text and "hours_per_week" not in text and "employer_name" not in text
        assert "read from the text layer" in text and "hours per week" in text
        assert "p. None" not in text
    assert field_name("uci") == "UCI" and field_name("some_new_field") == "some new field"
    assert read_name("ocr") == "read by OCR" and read_name(None) == "—"


def test_markdown_pastes_cleanly() -> None:
    markdown = render_markdown(Scenario.clean().report())
    assert "&amp;" not in markdown and "\\(" not in markdown and "\\." not in markdown
    assert markdown.rstrip().endswith("Social insurance numbers are masked.")


def test_without_noc_data_the_verdict_says_the_duties_were_not_checked() -> None:
    scenario = Scenario.clean()
    scenario.with_noc = False
    report = scenario.report()
    for text in (render_html(report), render_markdown(report)):
        assert "duties were not checked" in text and "cec-checklist noc install" in text
    assert "duties were not checked" not in render_html(Scenario.clean().report())


def test_pdf_report_is_on_letter_paper() -> None:
    pytest.importorskip("weasyprint")
    import pypdf

    from checklist.report import render_pdf

    page = pypdf.PdfReader(io.BytesIO(render_pdf(Scenario.clean().report()))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_tables_say_they_scroll_at_phone_width() -> None:
    html = render_html(Scenario.clean().report())
    assert html.count('class="scroll-note"') >= 3
    assert re.search(r"@media \(max-width: 640px\) \{[^@]*\.scroll-note \{ display: block; \}", html)


@pytest.mark.parametrize(
    "employer",
    [
        "Northwind Analytics Inc.",
        "Comptabilité Lévesque & Associés inc.",
        "The Extremely Long Name of a Holding Company Limited Partnership",
    ],
)
def test_timeline_labels_fit_their_column(employer: str) -> None:
    label = fit_label(employer, " (21232)")
    assert label.endswith(" (21232)") and text_width(label) <= LABEL - 8
    assert label == employer + " (21232)" or "…" in label
