"""review.yaml: loaded and validated like case.yaml (exit 2 with file, field and line), values parsed as the extractors parse them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checklist.errors import CaseFileError
from checklist.models.document import DocumentKind
from checklist.reviewfile import file_sha256, load_review, parse_review, review_yaml, typed_value

SHA = "a" * 64


@pytest.fixture()
def case(tmp_path: Path) -> Path:
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "northwind.txt").write_text("Employment letter\n", encoding="utf-8")
    return tmp_path


def load(case: Path, text: str):  # type: ignore[no-untyped-def]
    (case / "review.yaml").write_text(text, encoding="utf-8")
    return load_review(case)


def test_no_review_file_is_an_empty_review(case: Path) -> None:
    assert load_review(case).empty


def test_a_review_is_read_with_values_as_the_extractors_parse_them(case: Path) -> None:
    review = load(
        case,
        f"""\
documents:
  "letters/northwind.txt":
    sha256: {SHA}
    kind: reference_letter
    fields:
      start_date: March 3, 2022
      end_date: 2024-01-31
      hours_per_week: "37,5"
      salary_amount: "$72,000.00"
      noc_code: 21232
acknowledged:
  - code: letter.personal-email
    document: "letters/northwind.txt"
    job: 0
    note: Family business without a domain.
""",
    )
    fields = review.documents["letters/northwind.txt"].fields
    assert fields == {
        "start_date": dt.date(2022, 3, 3),
        "end_date": dt.date(2024, 1, 31),
        "hours_per_week": 37.5,
        "salary_amount": 72000.0,
        "noc_code": "21232",
    }
    assert review.documents["letters/northwind.txt"].kind is DocumentKind.REFERENCE_LETTER
    assert review.acknowledged[0].note == "Family business without a domain."


def test_typed_value_reads_dates_in_any_accepted_form() -> None:
    assert typed_value(DocumentKind.PAY_STUB, "pay_date", "15 janvier 2025") == dt.date(2025, 1, 15)
    assert typed_value(DocumentKind.PAY_STUB, "gross_pay", "2 812,50 $") == 2812.5
    assert typed_value(DocumentKind.PAY_STUB, "hours", 80) == 80.0


@pytest.mark.parametrize(
    ("text", "field", "line", "words"),
    [
        ('documents:\n  "../outside.txt":\n    sha256: {sha}\n', "documents.../outside.txt", 2, "not a path inside"),
        ('documents:\n  "/etc/passwd":\n    sha256: {sha}\n', "documents./etc/passwd", 2, "not a path inside"),
        (
            'documents:\n  "letters/missing.pdf":\n    sha256: {sha}\n',
            "documents.letters/missing.pdf",
            2,
            "no such document",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    kind: passport\n',
            "documents.letters/northwind.txt.kind",
            4,
            "not a document kind",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    kind: pay_stub\n    fields:\n      job_title: Dev\n',
            "documents.letters/northwind.txt.fields.job_title",
            6,
            "unknown field for a pay stub",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    fields:\n      favourite_colour: blue\n',
            "documents.letters/northwind.txt.fields.favourite_colour",
            5,
            "unknown field",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    fields:\n      start_date: someday\n',
            "documents.letters/northwind.txt.fields.start_date",
            5,
            "not a date",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    fields:\n      hours_per_week: lots\n',
            "documents.letters/northwind.txt.fields.hours_per_week",
            5,
            "not a number",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: nope\n',
            "documents.letters/northwind.txt.sha256",
            3,
            "not a SHA-256",
        ),
        (
            'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    colour: red\n',
            "documents.letters/northwind.txt.colour",
            4,
            "unknown field",
        ),
        (
            "acknowledged:\n  - code: letter.no-such-check\n    note: x\n",
            "acknowledged[0].code",
            2,
            "no check has the code",
        ),
        ("acknowledged:\n  - code: letter.personal-email\n", "acknowledged[0].note", 2, "required"),
    ],
)
def test_mistakes_name_the_file_field_and_line(case: Path, text: str, field: str, line: int, words: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        load(case, text.format(sha=SHA))
    error = caught.value
    assert error.path == case / "review.yaml" and error.field == field and error.line == line, str(error)
    assert words in error.message


def test_an_alias_bomb_is_refused(case: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
    for index in range(1, 8):
        bomb += f"{chr(97 + index)}: &{chr(97 + index)} [{','.join(['*' + chr(96 + index)] * 10)}]\n"
    with pytest.raises(CaseFileError, match="refused"):
        load(case, bomb)


def test_deep_nesting_and_syntax_errors_are_refused(case: Path) -> None:
    with pytest.raises(CaseFileError, match="refused"):
        load(case, "documents: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(CaseFileError, match="YAML syntax error") as caught:
        load(case, "documents:\n  - : [\n")
    assert caught.value.line is not None


def test_a_huge_review_file_is_refused(case: Path) -> None:
    entries = "".join(f"  - code: letter.personal-email\n    note: note {i}\n" for i in range(6000))
    with pytest.raises(CaseFileError, match="refused"):
        load(case, "acknowledged:\n" + entries)


def test_the_written_review_reads_back(case: Path) -> None:
    sha = file_sha256(case / "letters" / "northwind.txt")
    review = parse_review(
        f'documents:\n  "letters/northwind.txt":\n    sha256: {sha}\n    fields:\n      start_date: 2022-03-03\n',
        case / "review.yaml",
        case,
    )
    again = load(case, review_yaml(review))
    assert again.documents == review.documents
