"""Extractors on documents laid out differently from our samples.

The fixtures in tests/fixtures/layouts were written independently of the
extractors (see their README). Each fixture must classify right and give
every field right, except the gaps listed in KNOWN_GAPS, which document what
the extractors still miss; a gap that starts passing must be removed from
the list (the test says so), so the list only shrinks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import _read_text
from checklist.ingest.limits import ReadLimits
from checklist.kinds import extracted_kinds
from checklist.kinds.reference_letter.fields import ReferenceLetterFields
from checklist.models.document import DocumentKind, RawDocument
from tests.support.compare import field_matches

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
FIXTURES = sorted(ROOT.glob("*/*.json"))

KNOWN_GAPS: dict[str, set[str]] = {
    # Word table whose cells each came out on their own line, with the values in a second table.
    "en_docx_table_cells_per_line": {
        "employee_name",
        "job_title",
        "start_date",
        "hours_per_week",
        "salary_amount",
        "salary_period",
    },
    # Contracts naming the employee only in a signature table or by first name ("Dear Wei,").
    "en_formal_agreement_numbered_clauses": {"hours_per_week"},
    "fr_contrat_de_travail_articles": {"employee_name"},
    # NOA taxpayer names printed with an honorific or not next to an address line; column-split NOA.
    "noa_2020_description_then_line_number": {"employee_name"},
    "noa_2023_fr_avis_de_cotisation": {"employee_name"},
    "noa_2022_column_split_balance_owing": {"total_income", "date_issued"},
}


def _document(path: Path):  # type: ignore[no-untyped-def]
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    raw = RawDocument(path=path.name, size=len(text), file_format="text", pages=_read_text(text.encode(), ReadLimits()))
    return extract(raw, classify(raw))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_layout(fixture: Path) -> None:
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    document = _document(fixture)
    assert document.kind.value == expected["kind"]
    if DocumentKind(expected["kind"]) not in extracted_kinds():
        return
    wrong = {
        name
        for name, value in expected["fields"].items()
        if not field_matches(name, value, getattr(document.fields, name))
    }
    allowed = KNOWN_GAPS.get(fixture.stem, set())
    details = {name: (expected["fields"][name], getattr(document.fields, name)) for name in wrong - allowed}
    assert wrong <= allowed, f"fields wrong: {details}"
    assert not allowed - wrong, f"now right, remove from KNOWN_GAPS: {allowed - wrong}"


def test_letters_listing_several_positions_give_each_position() -> None:
    for fixture in FIXTURES:
        expected = json.loads(fixture.read_text(encoding="utf-8"))
        if "positions" not in expected:
            continue
        got = _document(fixture).fields_as(ReferenceLetterFields).positions
        assert [p.job_title for p in got] == [p["job_title"] for p in expected["positions"]], fixture.stem
        assert [str(p.start_date) for p in got] == [p["start_date"] for p in expected["positions"]], fixture.stem


def test_every_field_keeps_where_it_came_from() -> None:
    document = _document(ROOT / "reference_letter" / "en_paragraph_letterhead_current.json")
    for name, value in document.fields:
        if value not in (None, [], "", False) and name not in ("positions",):
            assert name in document.sources, name
            assert document.sources[name].snippet
