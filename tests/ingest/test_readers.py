"""Readers: each format by its bytes, and every kind of bad file becomes a reason, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.ingest import discover, read_document
from checklist.ingest.limits import ReadLimits
from checklist.models.document import ReadMethod
from tests.support.files import encrypt_pdf, make_docx, make_pdf, pdf_bytes

LETTER_LINES = [
    "To whom it may concern,",
    "This is to certify that Ms. Maria Santos is employed with Acme Inc.",
    "She works 40 hours per week.",
]


def test_pdf_text_layer(tmp_path: Path) -> None:
    raw = read_document(make_pdf(tmp_path / "a.pdf", [LETTER_LINES]), tmp_path)
    assert raw.readable and raw.file_format == "pdf"
    assert "40 hours per week" in raw.text
    assert raw.pages[0].method is ReadMethod.TEXT_LAYER


def test_pdf_layout_keeps_columns_apart(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "t.pdf", [["Earnings statement"]], columns=[(60, "Salary"), (300, "92.50"), (450, "3,488.89")]
    )
    line = next(text for text in read_document(path, tmp_path).text.splitlines() if "Salary" in text)
    assert "   " in line.split("Salary", 1)[1]  # a gap of 3+ spaces separates the columns


def test_every_page_is_read(tmp_path: Path) -> None:
    raw = read_document(make_pdf(tmp_path / "p.pdf", [["page one"], ["page two"]]), tmp_path)
    assert [p.number for p in raw.pages] == [1, 2] and "page two" in raw.pages[1].text


def test_docx_reads_header_body_table_and_footer(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "l.docx",
        ["Body paragraph"],
        header="ACME INC. letterhead",
        footer="100 King St W, Toronto",
        table=[["Position", "From"], ["Analyst", "2023-03-01"]],
    )
    text = read_document(path, tmp_path).text
    assert text.index("ACME INC.") < text.index("Body paragraph") < text.index("Analyst") < text.index("100 King St W")
    row = next(row for row in text.splitlines() if "Analyst" in row)
    header = next(row for row in text.splitlines() if "Position" in row)
    assert row.index("2023-03-01") == header.index("From")  # table cells laid out in columns


def test_format_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(pdf_bytes(LETTER_LINES))
    raw = read_document(path, tmp_path)
    assert raw.file_format == "pdf" and "Maria Santos" in raw.text


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.pdf", b"", "empty"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "damaged"),
        ("photo.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        ("data.bin", bytes(range(256)) * 4, "not recognised"),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 60, "zip"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "zip"),
    ],
)
def test_bad_files_become_reasons(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    raw = read_document(path, tmp_path)
    assert not raw.readable
    assert reason.lower() in (raw.error or "").lower()


def test_password_protected_pdf(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "src.pdf", [LETTER_LINES])
    raw = read_document(encrypt_pdf(source, tmp_path / "locked.pdf", "secret"), tmp_path)
    assert not raw.readable and "password" in (raw.error or "")


def test_pdf_with_empty_password_is_opened(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "src.pdf", [LETTER_LINES])
    raw = read_document(encrypt_pdf(source, tmp_path / "owner-only.pdf", ""), tmp_path)
    assert raw.readable and "Maria Santos" in raw.text


def test_size_and_page_limits(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", [["page"]] * 5)
    assert "limit" in (read_document(path, tmp_path, ReadLimits(max_pages=3)).error or "")
    assert "over the limit of 1 KB" in (read_document(path, tmp_path, ReadLimits(max_bytes=100)).error or "")


def test_a_size_and_its_limit_are_said_in_the_same_decimal_unit(tmp_path: Path) -> None:
    """The adversarial suite saw '20.0 MB, over the limit of 20 MB' (MiB shown as MB) for a 21,002,934-byte file."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 21_002_934)
    error = read_document(path, tmp_path).error or ""
    assert error == "the file is 21.00 MB, over the limit of 20.00 MB", error


def test_discover_skips_the_tools_own_files_and_hidden_ones(tmp_path: Path) -> None:
    for name in ("case.yaml", "report.html", "report.md", ".DS_Store", "sub/letter.pdf", "sub/report.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["sub/letter.pdf", "sub/report.md"]


def test_plain_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Pay Stub\nNet pay 100.00\n", encoding="utf-8")
    assert read_document(path, tmp_path).text.startswith("Pay Stub")


def test_a_document_over_its_time_limit_becomes_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import checklist.pipeline as checking

    def slow_classify(raw):  # type: ignore[no-untyped-def]
        time.sleep(5)

    monkeypatch.setattr(checking, "classify", slow_classify)
    path = make_pdf(tmp_path / "slow.pdf", [LETTER_LINES])
    document = checking.understand(path, tmp_path, ReadLimits(max_seconds=0.5))
    assert document.kind.value == "unreadable" and "longer than 0.5 s" in (document.raw.error or "")
