"""Issue 19 in the web page: the case list's desk line, what to collect on the documents step."""

from __future__ import annotations

from tests.support.cases import letter_text
from tests.web.conftest import Browser

CLAIMS = """\
applicant: Farah Nazari
case_name: File 2025-099
ita_date: 2025-10-22
jobs:
  - employer: Bow Valley Engineering Consultants Inc.
    title: Civil Engineering Technologist
    noc: "22300"
    start: 2021-06-14
    end: 2023-11-30
    hours_per_week: 37.5
"""


def _case(browser: Browser) -> str:
    case_id = browser.new_case("Farah")
    (browser.cases_dir / case_id / "case.yaml").write_text(CLAIMS, encoding="utf-8")
    return case_id


def test_documents_step_lists_what_to_collect_from_the_claims(browser: Browser) -> None:
    case_id = _case(browser)
    page = browser.get(f"/cases/{case_id}/documents").text
    assert 'id="todo"' in page and "0 of" in page and "From your claims" in page
    assert "Reference letter from Bow Valley Engineering Consultants Inc." in page and "T4 2022" in page


def test_a_check_ticks_the_letter_and_the_case_list_shows_the_desk(browser: Browser) -> None:
    case_id = _case(browser)
    browser.upload(case_id, [("letter.txt", letter_text().encode())])
    assert browser.post(f"/cases/{case_id}/check", follow_redirects=False).status_code == 303
    page = browser.get(f"/cases/{case_id}/documents").text
    assert "Ticked by the last check (2025-11-14)" in page
    collected = page.split('class="done collected"')[1].split("</li>")[0]
    assert "Reference letter from Bow Valley" in collected
    home = browser.get("/").text
    assert "File 2025-099" in home and "deadline 2025-12-21" in home and "37 days left" in home
    assert "<code>language.missing</code>" in home and "checked 2025-11-14" in home
