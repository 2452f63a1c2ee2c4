"""The batch index in a real browser (issue 19): sorted by deadline, re-sorted and filtered by its inline
script, at a desk's width and a phone's. Playwright drives /usr/bin/chromium; nothing is loaded from outside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from checklist.batch import CaseRow, write_summary
from checklist.desk import sort_key
from tests.web.test_browser import chromium  # noqa: F401 - the shared browser fixture

D = dt.date
ROWS = [
    CaseRow(
        case="nguyen",
        name="nguyen",
        applicant="Minh Anh Tran",
        verdict="not ready",
        ready=False,
        ita_date=D(2025, 11, 1),
        deadline=D(2025, 12, 31),
        days_left=47,
        hours=4126.4,
        blockers=9,
        top_blockers="letter.claim-mismatch; letter.missing-dates",
        report="nguyen.html",
    ),
    CaseRow(
        case="iyer",
        name="iyer",
        case_name="File 2026-041",
        applicant="Kavya Iyer",
        verdict="ready",
        ready=True,
        ita_date=D(2025, 10, 22),
        deadline=D(2025, 12, 21),
        days_left=37,
        hours=3462.9,
        report="iyer.html",
    ),
    CaseRow(
        case="dizon",
        name="dizon",
        applicant="Jerome Dizon",
        verdict="not ready",
        ready=False,
        hours=1377.7,
        blockers=5,
        top_blockers="cec.hours-short",
        report="dizon.html",
    ),
    CaseRow(
        case="late",
        name="late",
        applicant="Ana Ruiz",
        verdict="not ready",
        ready=False,
        ita_date=D(2025, 8, 1),
        deadline=D(2025, 9, 30),
        days_left=-45,
        hours=1600.0,
        blockers=1,
        top_blockers="cec.ita-deadline",
        report="late.html",
    ),
]


def _index(tmp_path: Path) -> str:
    rows = sorted(ROWS, key=lambda r: sort_key("deadline", r.case, r.deadline, r.blockers, r.hours))
    write_summary(rows, tmp_path, "deadline")
    return (tmp_path / "index.html").as_uri()


def _cases(page: Any) -> list[str]:
    return [
        text.split("\n")[0].strip() for text in page.locator("#desk tbody tr:not([hidden]) td.case").all_inner_texts()
    ]


def test_index_sorts_and_filters_in_the_browser(tmp_path: Path, chromium: Any) -> None:  # noqa: F811
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(_index(tmp_path))
    first = _cases(page)
    assert [c.split(" ")[0] for c in first] == ["late", "File", "nguyen", "dizon"]  # nearest deadline first, none last
    page.click("th[data-key=days_left] button")
    assert [c.split(" ")[0] for c in _cases(page)] == ["late", "File", "nguyen", "dizon"]
    page.click("th[data-key=days_left] button")  # descending; a case without a deadline stays last
    assert [c.split(" ")[0] for c in _cases(page)] == ["nguyen", "File", "late", "dizon"]
    assert page.get_attribute("th[data-key=days_left]", "aria-sort") == "descending"
    page.click("th[data-key=blockers] button")
    assert _cases(page)[0].split(" ")[0] == "File"  # 0 blockers first when ascending
    page.select_option("#verdict", "not ready")
    assert "File" not in " ".join(_cases(page)) and page.inner_text("#shown") == "3 of 4 shown"
    page.fill("#find", "hours-short")
    assert [c.split(" ")[0] for c in _cases(page)] == ["dizon"]
    page.fill("#find", "")
    page.check("#with-deadline")
    assert sorted(c.split(" ")[0] for c in _cases(page)) == ["late", "nguyen"]
    assert all(url.startswith("file://") for url in requests)
    page.close()


def test_index_on_a_phone_shows_each_case_as_a_card(tmp_path: Path, chromium: Any) -> None:  # noqa: F811
    page = chromium.new_page(viewport={"width": 390, "height": 900})
    page.goto(_index(tmp_path))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#desk thead").is_hidden()
    label = page.evaluate(
        "getComputedStyle(document.querySelector('#desk td[data-label=\"Deadline\"]'), '::before').content"
    )
    assert "Deadline" in label
    page.close()
