"""Issue 17: a password-protected pay stub opened with its password, used once and never stored."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest

from checklist.web.passwords import WrongPassword, decrypted_pdf
from tests.support.files import encrypt_pdf, make_pdf
from tests.web.conftest import Browser

PASSWORD = "Hunter-2 1990"
LINES = [
    "PAY STATEMENT",
    "Cedarline Data Systems Inc.",
    "Employee: Kavya Iyer",
    "Pay period: 2024-03-01 to 2024-03-15",
    "Pay date: 2024-03-20",
    "Regular hours 75.00",
    "Gross pay 2,884.62",
]


@pytest.fixture
def locked(tmp_path: Path) -> bytes:
    plain = make_pdf(tmp_path / "plain.pdf", [LINES])
    return encrypt_pdf(plain, tmp_path / "locked.pdf", PASSWORD).read_bytes()


def test_the_password_opens_the_pdf_and_a_wrong_one_does_not(locked: bytes) -> None:
    import pypdf

    plain = decrypted_pdf(locked, PASSWORD)
    reader = pypdf.PdfReader(io.BytesIO(plain))
    assert not reader.is_encrypted and "Cedarline Data Systems Inc." in reader.pages[0].extract_text()
    with pytest.raises(WrongPassword, match="does not open"):
        decrypted_pdf(locked, "guess")
    with pytest.raises(WrongPassword, match="not password-protected"):
        decrypted_pdf(plain, PASSWORD)


def test_the_page_asks_for_the_password_opens_the_file_and_keeps_no_password(
    browser: Browser, locked: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    case_id = browser.new_case()
    page = browser.upload(case_id, [("stub.pdf", locked)]).text
    assert "1 could not be read: stub.pdf (the PDF is password-protected" in page
    found = re.search(r'action="(/cases/[^"]+/unlock)"', page)
    assert found and 'type="password"' in page

    wrong = browser.post(found.group(1), {"password": "guess"})
    assert "stub.pdf: not opened; the password does not open it." in wrong.text

    response = browser.post(found.group(1), {"password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303  # Post/Redirect/Get: a reload does not send the password again
    page = browser.get(response.headers["location"]).text
    assert "opened with its password and kept without it" in page and "1 read." in page
    assert "Pay stubs" in page and 'type="password"' not in page
    folder = browser.cases_dir / case_id
    every_file = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert PASSWORD.encode() not in every_file and PASSWORD not in caplog.text and PASSWORD not in page
