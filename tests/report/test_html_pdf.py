"""HTML and PDF reports: content, self-containment, escaping of document values."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from checklist.report import render_html, render_pdf
from checklist.report.pdf import refuse_fetch
from tests.support.factory import LETTER, K, Scenario, document

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> {{ 7*7 }} [link](http://evil.example)'


def test_html_has_verdict_timeline_matrix_findings_documents() -> None:
    html = render_html(Scenario.clean().drop("permit.pdf").report())
    assert "Not ready" in html and "<svg" in html and "Timeline" in html
    assert "Reference letter" in html and "Pay stubs" in html and "T4 2024" in html
    assert "permit.missing" in html and "Fix:" in html
    assert 'id="doc-0"' in html and 'href="#doc-0"' in html
    assert "Duties against the NOC" in html


def test_html_is_self_contained() -> None:
    html = render_html(Scenario.clean().report())
    assert "<script" not in html
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)
    assert "@import" not in html and "url(" not in html


def test_document_values_are_escaped() -> None:
    scenario = Scenario.clean().drop("letter.pdf")
    scenario.documents.append(
        document(K.REFERENCE_LETTER, "letter.pdf", **{**LETTER, "job_title": HOSTILE, "employer_name": HOSTILE})
    )
    html = render_html(scenario.report())
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html


def test_ready_case_and_ita_deadline_days() -> None:
    scenario = Scenario.clean()
    scenario.ita_date = scenario.as_of.replace(month=2, day=1)
    html = render_html(scenario.report())
    assert "Ready: no blocker found" in html and "days to the ITA deadline" in html


def test_pdf_text_reads_back() -> None:
    pytest.importorskip("weasyprint")
    pdf = render_pdf(Scenario.clean().drop("permit.pdf").report())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Not ready" in text and "permit.missing" in text and "Maria Santos" in text


def test_pdf_renderer_refuses_to_fetch() -> None:
    with pytest.raises(ValueError, match="does not fetch"):
        refuse_fetch("http://example.com/tracker.png")
    with pytest.raises(ValueError):
        refuse_fetch("file:///etc/passwd")
