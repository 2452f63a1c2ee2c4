"""Language test results read from text: every fixture classifies as a language test and gives every field.

The fixtures (fixtures/<name>.txt, the expected fields in <name>.json) were
written for these tests from what the test bodies publish about their
result documents (IELTS test report forms, CELPIP score reports, PTE score
reports, TEF Canada and TCF Canada attestations); people and numbers are
invented. Layouts differ on purpose: columns of scores under skill headers,
one skill per line, Markdown-like OCR pipes, French abbreviations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import _read_text
from checklist.ingest.limits import ReadLimits
from checklist.kinds.language_test.fields import LanguageTestFields
from checklist.models.document import Document, DocumentKind, RawDocument
from checklist.text.normalize import person_key

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.json"))


def _document(text: str, name: str = "result.pdf") -> Document:
    raw = RawDocument(path=name, size=len(text), file_format="text", pages=_read_text(text.encode(), ReadLimits()))
    return extract(raw, classify(raw))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture(fixture: Path) -> None:
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    document = _document(fixture.with_suffix(".txt").read_text(encoding="utf-8"))
    assert document.kind is DocumentKind.LANGUAGE_TEST, document.classification
    got = document.fields_as(LanguageTestFields).model_dump(mode="json")
    assert person_key(got.pop("holder_name") or "") == person_key(expected.pop("holder_name"))
    assert got == expected


def test_every_value_keeps_where_it_came_from() -> None:
    document = _document(
        (Path(__file__).parent / "fixtures" / "ielts_general_trf_columns.txt").read_text(encoding="utf-8")
    )
    for name in ("test", "holder_name", "test_date", "listening", "reading", "writing", "speaking"):
        assert document.sources[name].snippet, name


def test_an_academic_result_never_passes_as_general_training() -> None:
    text = (Path(__file__).parent / "fixtures" / "ielts_academic_trf.txt").read_text(encoding="utf-8")
    assert _document(text).fields_as(LanguageTestFields).test == "ielts_academic"
    marked = text.replace("ACADEMIC\n", "[X] ACADEMIC    [ ] GENERAL TRAINING\n", 1)
    assert _document(marked).fields_as(LanguageTestFields).test == "ielts_academic"


def test_a_printed_nclc_stands_in_for_an_unreadable_score() -> None:
    text = (Path(__file__).parent / "fixtures" / "tef_canada_2024_nclc.txt").read_text(encoding="utf-8")
    fields = _document(text.replace("452 / 699", "4#2 / 6?9")).fields_as(LanguageTestFields)
    assert fields.reading is None and fields.clb is not None and fields.clb.reading == 7


def test_a_level_or_grade_beside_a_score_is_not_the_score() -> None:
    text = "TCF Canada\nAttestation de résultats\nCompréhension orale     NCLC 8     B2     510 / 699\n"
    assert _document(text).fields_as(LanguageTestFields).listening == 510


@pytest.mark.parametrize(
    "text",
    [
        "Job posting: bilingual receptionist. IELTS 7 or CELPIP 8 preferred. Apply online by May 1.",
        "Confirmation of enrolment\nThe student met the English requirement (IELTS Academic 6.5) for the program of study.",
    ],
)
def test_documents_that_only_name_a_test_are_not_results(text: str) -> None:
    assert _document(text).kind is not DocumentKind.LANGUAGE_TEST
