"""Screenshots of every page at desktop and phone widths, to look at after a change to the web page.

    python -m tests.web.screenshots OUT_DIR [SAMPLE]

Not a test: it drives the same Chromium as test_browser.py through one
sample case (default s06, three jobs with gaps) and writes PNGs to OUT_DIR.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tests.support.noc import NOC_DIR
from tests.web.conftest import SAMPLES
from tests.web.live import live_server
from tests.web.test_browser import CHROMIUM, FLAGS, fill_claims


def shoot(page: Any, out: Path, name: str) -> None:
    page.screenshot(path=out / f"{name}.png", full_page=True)


def walk(page: Any, url: str, sample: Path, out: Path, width: str) -> None:
    case = yaml.safe_load((sample / "case.yaml").read_text(encoding="utf-8"))
    page.goto(url + "/")
    shoot(page, out, f"{width}-1-cases")
    page.fill("#case-name", case["applicant"])
    page.click("text=Create case")
    page.fill("#applicant", "")
    page.fill("#ita_date", "")
    page.click("button.secondary[value=claims]")
    shoot(page, out, f"{width}-2-claims-errors")
    fill_claims(page, case)
    page.click("button[value=documents]")
    files = [
        p
        for p in sorted(sample.rglob("*"))
        if p.is_file()
        and p.name != "case.yaml"
        and not any(part.startswith(".") for part in p.relative_to(sample).parts)
    ]  # not a reading cache
    page.set_input_files("#files", [str(p) for p in files])
    page.click("form[data-dropzone] button[type=submit]")
    page.wait_for_selector("table.doc-table", timeout=120_000)  # the files are read in the background first
    shoot(page, out, f"{width}-3-documents")
    page.click("text=Check my documents")
    page.wait_for_selector("header.verdict")
    shoot(page, out, f"{width}-4-report")
    requests = page.locator("section.drafts")
    if requests.count():
        requests.scroll_into_view_if_needed()
        page.screenshot(path=out / f"{width}-4b-requests.png")
    page.goto(page.url.replace("/report", "/documents"))
    page.locator("tr.doc summary").first.click()
    shoot(page, out, f"{width}-5-document-actions")
    page.click("text=Report")
    page.click("text=Check again")
    page.wait_for_selector(".changes")
    shoot(page, out, f"{width}-6-check-again")
    page.goto(url + "/noc?q=bookkeeper")
    shoot(page, out, f"{width}-7-noc")
    page.goto(url + "/cases/nobody")
    shoot(page, out, f"{width}-8-not-found")


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sample = SAMPLES / (sys.argv[2] if len(sys.argv) > 2 else "s06_three_jobs_letter_gaps")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        for width, size in (("desktop", 1280), ("phone", 390)):
            with tempfile.TemporaryDirectory() as cases, live_server(Path(cases), NOC_DIR) as url:
                page = browser.new_page(viewport={"width": size, "height": 900})
                walk(page, url, sample, out, width)
                page.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
