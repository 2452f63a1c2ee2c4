"""The case page offers the requests to employers and the letters of explanation (issue 19): GETs that only read."""

from __future__ import annotations

import io
import zipfile

import docx

from checklist.ingest.own import own_file
from tests.web.conftest import SAMPLES, Browser, sample_files, sample_form

S06 = SAMPLES / "s06_three_jobs_letter_gaps"
SIN = "046 454 286"


def _checked(browser: Browser, sample=S06, name: str = "Minh Anh Tran") -> str:  # type: ignore[no-untyped-def]
    case_id = browser.new_case(name)
    assert browser.post(f"/cases/{case_id}/claims", sample_form(sample), follow_redirects=False).status_code == 303
    assert browser.upload(case_id, sample_files(sample)).status_code == 200
    assert browser.post(f"/cases/{case_id}/check", follow_redirects=False).status_code == 303
    return case_id


def test_the_report_page_links_each_request_and_serves_it(browser: Browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _checked(browser)
    page = browser.get(f"/cases/{case_id}/report").text
    assert "Asking the employer for a better letter" in page
    for job in (0, 1, 2):
        assert f'href="/cases/{case_id}/requests/{job}.docx"' in page
    assert page.count("Request to the employer (.docx)") == 3
    assert (
        'href="#drafts-title">Ask the employers (3)</a>' in page
    )  # the section is after the report: the bar links to it
    assert page.index('class="report"') < page.index('id="drafts-title"')  # the verdict comes first
    word = browser.get(f"/cases/{case_id}/requests/1.docx")
    assert word.status_code == 200 and word.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert (
        word.headers["content-disposition"] == 'attachment; filename="job1-larkspur-capital-partners-inc-request.docx"'
    )
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    text = browser.get(f"/cases/{case_id}/requests/1.txt").text
    assert paragraphs == [line.removeprefix("- ") for line in text.splitlines() if line]
    assert "the letter gives 35 h/week, my profile claims 40" in text
    saved = tmp_path / "dropped.docx"
    saved.write_bytes(word.content)
    assert own_file(saved)  # a downloaded draft put back among the documents is never a reference letter


def test_the_drafts_zip_and_what_is_refused(browser: Browser) -> None:
    case_id = _checked(browser, name=f"Minh {SIN}")
    archive = browser.get(f"/cases/{case_id}/drafts.zip")
    assert archive.status_code == 200
    assert (
        SIN not in archive.headers["content-disposition"]
        and SIN.replace(" ", "") not in archive.headers["content-disposition"]
    )
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert sorted(n for n in names if n.startswith("job")) == sorted(
        f"job{j}-{e}-request.{x}"
        for j, e in [(0, "pemberton-vale-llp"), (1, "larkspur-capital-partners-inc"), (2, "tidewater-bookkeeping-co")]
        for x in ("docx", "txt")
    )
    assert browser.get(f"/cases/{case_id}/requests/7.docx").status_code == 404
    assert browser.get(f"/cases/{case_id}/requests/1.exe").status_code == 404
    assert browser.post(f"/cases/{case_id}/requests/1.docx").status_code == 405  # reading only


def test_before_a_check_and_with_nothing_to_ask(browser: Browser) -> None:
    fresh = browser.new_case("Nobody Yet")
    assert browser.get(f"/cases/{fresh}/requests/0.docx").status_code in (404, 409)
    assert browser.get(f"/cases/{fresh}/drafts.zip").status_code in (404, 409)
    clean = _checked(browser, SAMPLES / "s01_clean_promotion", "Kavya Iyer")
    page = browser.get(f"/cases/{clean}/report").text
    assert "Request to the employer (.docx)" not in page
    assert browser.get(f"/cases/{clean}/requests/0.docx").status_code == 404
