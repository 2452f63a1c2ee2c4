"""The applicant's whole path in a real browser: Debian's Chromium driven by Playwright.

Create a case, fill the claims form for a sample (with NOC search-as-you-type),
upload its files, check, read the verdict, download the PDF. No browser is
downloaded: Playwright drives /usr/bin/chromium. CI installs Chromium, so
there a missing browser fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from checklist.ingest import discover
from tests.support.cases import misread_web_case
from tests.support.noc import NOC_DIR
from tests.web.conftest import SAMPLE_DAY, SAMPLES
from tests.web.live import live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
S01 = SAMPLES / "s01_clean_promotion"


def _need_browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed (pip install '.[test]')")
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run installs it with apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return sync_playwright


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    sync_playwright = _need_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    noc = NOC_DIR if NOC_DIR.is_dir() else None
    with live_server(tmp_path / "cases", noc, today=SAMPLE_DAY) as url:
        yield url


def create_case(page: Any, site: str, name: str) -> None:
    """From the home page, as a person would: type the case's name, create it, land on its claims."""
    page.goto(site + "/")
    page.fill("#case-name", name)
    page.click("text=Create case")
    page.wait_for_selector("#applicant")


def fill_claims(page: Any, case: dict[str, Any]) -> None:
    page.fill("#applicant", case["applicant"])
    for name in ("ita_date", "application_date"):
        page.fill(f"#{name}", str(case.get(name) or ""))
    for index, job in enumerate(case["jobs"]):
        if index:
            page.click("button[value=add-job]")  # "Add a job": a new empty job row appears
            page.wait_for_selector(f"#jobs-{index}-employer")
        page.fill(f"#jobs-{index}-employer", job["employer"])
        page.fill(f"#jobs-{index}-title", job["title"])
        page.fill(f"#jobs-{index}-start", str(job["start"]))
        if job.get("end"):
            page.fill(f"#jobs-{index}-end", str(job["end"]))
        else:
            page.check(f"input[name=jobs-{index}-current]")
        page.fill(f"#jobs-{index}-hours_per_week", str(job["hours_per_week"]))
        pick_noc(page, index, str(job["noc"]))


def pick_noc(page: Any, index: int, code: str) -> None:
    """Type the start of the code and pick the unit group from the suggestions, as a person would."""
    field = f"#jobs-{index}-noc"
    page.fill(field, "")
    page.type(field, code[:4], delay=30)
    page.click(f"#jobs-{index}-noc-suggest button:has-text('{code}')")
    assert page.input_value(field) == code
    assert page.text_content(f"#jobs-{index}-noc-title")


def test_applicant_path_from_new_case_to_pdf(chromium: Any, site: str, tmp_path: Path) -> None:
    case = yaml.safe_load((S01 / "case.yaml").read_text(encoding="utf-8"))
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site) else None)
    create_case(page, site, case["applicant"])
    fill_claims(page, case)
    page.click("button[value=documents]")
    page.wait_for_selector("#files")

    files = [str(path) for path in discover(S01)]  # never a report the README's command wrote
    page.set_input_files("#files", files)
    page.click("form[data-dropzone] button[type=submit]")
    page.wait_for_selector("text=59 read.")
    assert page.locator("tr.doc").count() == 59
    assert page.locator("h2:has-text('Reference letters')").count() == 1

    page.click("text=Check my documents")
    page.wait_for_selector("header.verdict")
    assert page.text_content("header.verdict h1") == "Ready: no blocker found"
    assert page.locator("svg.timeline").count() == 1 and page.locator("table.matrix").count() == 2

    with page.expect_download() as download_info:
        page.click("text=Download PDF")
    download = download_info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.name.endswith(".pdf") and target.read_bytes().startswith(b"%PDF")
    assert outside == []  # every request went to the local app
    page.close()


def test_the_harder_applicant_path(chromium: Any, site: str, tmp_path: Path) -> None:
    """Issue 17's walk: a form error fixed in place, an iPhone HEIC photo, a password-protected PDF opened with
    its password, a reload after the upload that adds nothing, and a document looked at from the page."""
    from checklist.ingest import imaging
    from tests.ingest.test_ocr import draw_page
    from tests.support.files import encrypt_pdf, make_pdf

    if not imaging.enable_heif() or not shutil.which("tesseract"):
        pytest.skip("needs pillow-heif and Tesseract (the ocr extra)")
    photo = tmp_path / "IMG_2041.HEIC"
    draw_page().convert("RGB").save(photo, format="HEIF")
    plain = make_pdf(tmp_path / "plain.pdf", [["Maple Payroll Inc.", "Pay statement", "Gross pay 2,400.00"]])
    locked = encrypt_pdf(plain, tmp_path / "stub (locked).pdf", "maple-2024")

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    create_case(page, site, "Harder path")
    fill_claims(page, yaml.safe_load((S01 / "case.yaml").read_text(encoding="utf-8")))
    page.fill("#jobs-0-start", "")  # a mistake: the first day left empty
    page.click("button[value=documents]")
    error = page.locator("#jobs-0-start ~ .field-error, .field:has(#jobs-0-start) .field-error").first
    assert "first day" in (error.text_content() or "").lower()
    assert page.input_value("#jobs-0-employer")  # what was typed is kept
    page.fill("#jobs-0-start", "2023-09-01")
    page.click("button[value=documents]")
    page.wait_for_selector("#files")

    page.set_input_files("#files", [str(photo), str(locked)])
    page.click("form[data-dropzone] button[type=submit]")
    page.wait_for_selector("text=password-protected", timeout=120_000)
    assert page.locator("tr.doc").count() == 2
    page.reload()  # the page after the upload is a GET: reloading sends nothing again
    assert page.locator("tr.doc").count() == 2
    page.fill("input[type=password]", "maple-2024")
    page.click("form.unlock button[type=submit]")
    page.wait_for_selector("text=Pay stubs")
    assert page.locator("text=password-protected").count() == 0
    assert page.locator("tr.doc:has-text('IMG_2041.HEIC') .field-error").count() == 0  # the HEIC photo was read

    page.click("tr.doc a:has-text('IMG_2041.HEIC')")
    image = page.locator("img[alt^='Page 1 of IMG_2041.HEIC']")
    image.wait_for()
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    page.close()


def test_pages_fit_a_phone_screen(chromium: Any, site: str) -> None:
    """No page scrolls sideways at 390 px: wide tables scroll inside themselves."""
    page = chromium.new_page(viewport={"width": 390, "height": 800})
    create_case(page, site, "Phone")
    fill_claims(page, yaml.safe_load((S01 / "case.yaml").read_text(encoding="utf-8")))
    page.click("button[value=documents]")
    page.set_input_files("#files", [str(p) for p in discover(S01) if p.suffix == ".pdf"][:12])
    page.click("form[data-dropzone] button[type=submit]")
    page.wait_for_selector("table.doc-table")
    page.click("text=Check my documents")
    page.wait_for_selector("header.verdict")
    for url in ("/", "/cases/phone/claims", "/cases/phone/documents", "/cases/phone/report", "/cases/phone/delete"):
        page.goto(site + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide"
    page.close()


def test_a_job_title_typed_in_the_noc_field_suggests_groups_with_their_duties(chromium: Any, site: str) -> None:
    """Issue 17: the NOC field takes a title; each suggestion shows what the group does before its code is used."""
    page = chromium.new_page()
    create_case(page, site, "Title search")
    page.wait_for_selector("#jobs-0-noc")
    page.type("#jobs-0-noc", "bookkeeper", delay=20)
    choice = page.locator("#jobs-0-noc-suggest button:has-text('12200')")
    choice.wait_for()
    assert choice.locator(".noc-duties li").count() >= 1  # duties shown beside the code
    choice.click()
    assert page.input_value("#jobs-0-noc") == "12200"
    assert "TEER" in (page.text_content("#jobs-0-noc-title") or "")
    page.close()


def test_each_file_shows_its_progress_while_the_files_are_read(chromium: Any, site: str) -> None:
    """Issue 17: one line per file ("2 of 3", then what it gave) instead of one static note; then the summary."""
    import time

    page = chromium.new_page()
    create_case(page, site, "Progress")
    page.goto(site + "/cases/progress/documents")
    files = [p for p in discover(S01) if p.suffix == ".pdf"][:3]
    seen: list[str] = []

    def slow(route: Any) -> None:  # each file's answer comes late, so the page can be looked at meanwhile
        seen.append(route.request.headers.get("accept", ""))
        time.sleep(0.6)
        route.continue_()

    page.route(
        "**/cases/progress/documents",
        lambda route: slow(route) if route.request.method == "POST" else route.continue_(),
    )
    page.set_input_files("#files", [str(p) for p in files])
    page.click("form[data-dropzone] button[type=submit]")
    page.wait_for_selector("ol.upload-progress li.busy:has-text('(2 of 3)')")
    assert page.locator("ol.upload-progress li.done").first.text_content().endswith(".pdf: read.")
    page.wait_for_selector("text=3 read.")
    assert page.locator("tr.doc").count() == 3 and seen == ["application/json"] * 3
    page.close()


def test_drop_files_on_the_drop_zone(chromium: Any, site: str) -> None:
    page = chromium.new_page()
    create_case(page, site, "Drop")
    page.goto(site + "/cases/drop/documents")
    letter = next(S01.rglob("*.docx"), None) or next(S01.rglob("*.pdf"))
    data = list(letter.read_bytes())
    page.evaluate(
        """([name, bytes]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], name));
            const zone = document.querySelector('[data-dropzone]');
            zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        [letter.name, data],
    )
    page.wait_for_selector("text=1 read.")
    assert page.locator("tr.doc").count() == 1
    page.close()


def test_issue_14_a_misread_start_date_corrected_in_the_page_clears_the_false_blocker(
    chromium: Any, site: str, tmp_path: Path
) -> None:
    """The person opens the letter from the finding, sees the page beside its fields, corrects the date."""
    misread_web_case(tmp_path / "cases")  # the server lists case folders as they are on disk
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site) else None)
    page.goto(site + "/cases/farah/documents")
    page.click("text=Check my documents")
    mismatch = page.locator("li.finding.blocker", has=page.locator("code", has_text="letter.claim-mismatch"))
    assert mismatch.count() == 1

    mismatch.locator("text=Look at letter.pdf and correct it").click()
    page.wait_for_selector("#field-start_date")
    image = page.locator(".doc-page img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 600", arg=image.element_handle())
    assert page.input_value("#field-start_date") == "2022-06-14"
    assert "Start date: 2022-06-14" in " ".join((page.text_content(".review-form") or "").split())

    page.fill("#field-start_date", "June 14, 2021")
    page.click("text=Save and check again")
    page.wait_for_selector("header.verdict")
    assert page.locator("li.finding", has=page.locator("code", has_text="letter.claim-mismatch")).count() == 0
    assert page.locator(".changes li.fixed", has_text="letter.claim-mismatch").count() == 1
    assert "confirmed by you" in (page.text_content(".report") or "")
    assert not outside
