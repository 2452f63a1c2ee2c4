"""Markdown shows document values as text: no links, emphasis, HTML or template code."""

from __future__ import annotations

from checklist.report import render_markdown
from checklist.report.environment import escape_markdown, escape_markdown_cell
from tests.support.factory import LETTER, K, Scenario, document

HOSTILE = "<img src=x onerror=alert(1)> {{ 7*7 }} [click](http://evil.example) **bold** | pipe"


def test_escape_markdown() -> None:
    text = escape_markdown(HOSTILE)
    assert "<img" not in text and "[click](" not in text and "**bold**" not in text
    assert "&lt;img" in text and "\\|" in escape_markdown_cell(HOSTILE)


def test_markdown_escapes_only_what_must_be_escaped() -> None:
    """Plain punctuation pastes into an email as typed: no backslashes before parentheses, no &amp;."""
    text = "Pemberton & Vale LLP (1 - Pemberton Vale/letter.pdf): 35 hours, file_name.pdf, a < b! #1 +2"
    assert escape_markdown(text) == text
    assert escape_markdown("_real emphasis_ and *stars*") == "\\_real emphasis\\_ and \\*stars\\*"


def test_document_values_are_escaped_in_the_report() -> None:
    scenario = Scenario.clean().drop("letter.pdf")
    scenario.documents.append(document(K.REFERENCE_LETTER, "letter.pdf", **{**LETTER, "job_title": HOSTILE}))
    text = render_markdown(scenario.report())
    assert "<img src=x" not in text and "[click](http" not in text  # the brackets are escaped: no link
    assert "49" not in text.split("| job title |")[1].split("\n")[0]  # {{ 7*7 }} is not evaluated
    assert "{{ 7\\*7 }}" in text


def test_markdown_has_verdict_hours_findings_and_documents() -> None:
    text = render_markdown(Scenario.clean().drop("permit.pdf").report())
    assert "NOT READY" in text and "Qualifying hours" in text
    assert "`permit.missing`" in text and "Fix:" in text
    assert "| letter.pdf | reference letter |" in text
