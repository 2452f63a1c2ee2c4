"""Every route of the web app through HTTP: the happy path, bad uploads, bad forms."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import zipfile

import pytest
from starlette.testclient import TestClient

from checklist.casefile import load_case
from checklist.web import WebSettings, create_app
from tests.support.cases import letter_text
from tests.support.noc import needs_real_noc
from tests.web.conftest import NOC_DIR, SAMPLE_DAY, SAMPLES, Browser, sample_files, sample_form

S01 = SAMPLES / "s01_clean_promotion"


def checked_case(browser: Browser) -> str:
    case_id = browser.new_case()
    assert browser.post(f"/cases/{case_id}/claims", sample_form(S01), follow_redirects=False).status_code == 303
    assert browser.upload(case_id, sample_files(S01)).status_code == 200
    assert browser.post(f"/cases/{case_id}/check", follow_redirects=False).status_code == 303
    return case_id


# cases


def test_home_lists_cases_with_their_state(browser: Browser) -> None:
    assert "No case yet" in browser.get("/").text
    case_id = checked_case(browser)
    page = browser.get("/").text
    assert f'href="/cases/{case_id}"' in page
    assert "claims filled in" in page and "59 documents" in page and ">ready<" in page


def test_create_case_makes_a_folder_and_opens_its_claims(browser: Browser) -> None:
    response = browser.post("/cases", {"name": "Kavya Iyer"}, follow_redirects=False)
    assert response.headers["location"] == "/cases/kavya-iyer/claims"
    assert (browser.cases_dir / "kavya-iyer" / "documents").is_dir()
    assert browser.new_case("Kavya Iyer") == "kavya-iyer-2"
    page = browser.get("/cases/kavya-iyer/claims").text
    assert 'value="Kavya Iyer"' in page  # the case name prefills the applicant


def test_create_case_without_a_name_says_so(browser: Browser) -> None:
    response = browser.post("/cases", {"name": "   "})
    assert response.status_code == 422
    assert "Give the case a name" in response.text
    assert list(browser.cases_dir.iterdir()) == []


def test_open_case_goes_to_the_next_step(browser: Browser) -> None:
    case_id = browser.new_case()
    assert browser.get(f"/cases/{case_id}", follow_redirects=False).headers["location"].endswith("/claims")
    browser.post(f"/cases/{case_id}/claims", sample_form(S01))
    assert browser.get(f"/cases/{case_id}", follow_redirects=False).headers["location"].endswith("/documents")
    browser.post(f"/cases/{case_id}/check")
    assert browser.get(f"/cases/{case_id}", follow_redirects=False).headers["location"].endswith("/report")


def test_unknown_case_is_a_404_page(browser: Browser) -> None:
    for url in ("/cases/nobody", "/cases/nobody/claims", "/cases/nobody/report.pdf", "/cases/NOBODY/documents"):
        response = browser.get(url)
        assert response.status_code == 404, url
        assert "There is no such case" in response.text


def test_delete_asks_then_removes_the_folder(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.get(f"/cases/{case_id}/delete")
    assert page.status_code == 200 and "It cannot be undone" in page.text
    assert (browser.cases_dir / case_id).is_dir()
    response = browser.post(f"/cases/{case_id}/delete", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert not (browser.cases_dir / case_id).exists()


# claims


def test_claims_form_writes_the_case_yaml_the_cli_reads(browser: Browser) -> None:
    case_id = browser.new_case()
    response = browser.post(
        f"/cases/{case_id}/claims", {**sample_form(S01), "next": "documents"}, follow_redirects=False
    )
    assert response.headers["location"] == f"/cases/{case_id}/documents"
    assert load_case(browser.cases_dir / case_id) == load_case(S01)


def test_saved_claims_come_back_into_the_form(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.post(f"/cases/{case_id}/claims", sample_form(S01))
    page = browser.get(f"/cases/{case_id}/claims?saved=1").text
    assert "Saved to case.yaml" in page
    assert 'name="jobs-1-title" type="text" value="Software Developer"' in page
    assert 'name="jobs-1-current" value="1" checked' in page
    assert "Software developers and programmers (TEER 1)" in page  # the NOC title beside the code
    assert 'id="jobs-2-employer"' not in page and 'value="add-job"' in page  # "Add a job" adds a row


@pytest.mark.parametrize(
    ("field", "value", "error_field", "message"),
    [
        ("applicant", "", "applicant", "Enter your full name, as on your passport."),
        (
            "ita_date",
            "2025-02-30",
            "ita_date",
            "Enter the ITA date as year-month-day, such as 2023-06-01 (“2025-02-30” is not a date).",
        ),
        ("jobs-0-noc", "212", "jobs[0].noc", "A NOC 2021 code has five digits, such as 21232 (“212” is not one)."),
        (
            "jobs-0-start",
            "yesterday",
            "jobs[0].start",
            "Enter the first day as year-month-day, such as 2023-06-01 (“yesterday” is not a date).",
        ),
        (
            "jobs-0-end",
            "2020-01-01",
            "jobs[0].end",
            "The last day (2020-01-01) is before the first day (2023-09-01) of this job.",
        ),
        ("jobs-0-end", "", "jobs[0].end", "Enter the last day of this job, or tick “I still work here”."),
        (
            "jobs-0-hours_per_week",
            "forty",
            "jobs[0].hours_per_week",
            "Enter the hours per week as a number more than 0 and at most 168",
        ),
        (
            "jobs-0-hours_per_week",
            "200",
            "jobs[0].hours_per_week",
            "Enter the hours per week as a number more than 0 and at most 168",
        ),
        ("jobs-0-hours_per_week", "", "jobs[0].hours_per_week", "Enter the hours you worked per week, such as 37.5."),
        ("jobs-0-employer", "", "jobs[0].employer", "Enter the employer's name."),
        ("study-0-start", "2024-01-01", "study[0].end", "Enter the last day of this study period."),
    ],
)
def test_each_invalid_value_is_shown_next_to_its_field_and_nothing_is_written(
    browser: Browser, field: str, value: str, error_field: str, message: str
) -> None:
    case_id = browser.new_case()
    response = browser.post(f"/cases/{case_id}/claims", {**sample_form(S01), field: value})
    assert response.status_code == 422
    assert not (browser.cases_dir / case_id / "case.yaml").exists()
    html = response.text.replace("&#39;", "'")
    assert message in html
    assert "Not saved: 1 field to correct" in html
    name = error_field.replace("[", "-").replace("].", "-").replace("]", "")
    if "." in error_field:  # a field's own message sits under its input, and the input is marked invalid
        assert f'id="{name}-error">{message}' in html or f'<p class="field-error">{message}' in html
        assert f'name="{name}"' in html.split(message)[0].rsplit('<div class="field', 1)[-1]
    assert f'value="{value}"' in html or value == ""  # what was typed is kept


def test_the_form_refuses_what_the_cli_refuses_in_its_own_words(browser: Browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The page and 'cec-checklist check' refuse the same value; the page says it as the form does (issue 17)."""
    from checklist.casefile import parse_case
    from checklist.errors import CaseFileError

    text = (S01 / "case.yaml").read_text(encoding="utf-8").replace('noc: "21232"', 'noc: "212"', 1)
    with pytest.raises(CaseFileError) as cli:
        parse_case(text, tmp_path / "case.yaml")
    assert cli.value.field == "jobs[0].noc"
    case_id = browser.new_case()
    page = browser.post(f"/cases/{case_id}/claims", {**sample_form(S01), "jobs-0-noc": "212"}).text
    assert 'id="jobs-0-noc-error">A NOC 2021 code has five digits' in page and "got &#39;212&#39;" not in page


def test_issue_17_every_mistake_of_the_form_is_shown_at_once_beside_its_field(browser: Browser) -> None:
    """Errors came in rounds: a last day before the first was said only once the row's other fields were right."""
    case_id = browser.new_case()
    form = {
        **sample_form(S01),
        "applicant": "",
        "jobs-0-title": "",
        "jobs-0-end": "2020-01-01",
        "jobs-1-hours_per_week": "200",
        "study-0-start": "2021-01-01",
        "study-0-end": "2020-01-01",
    }
    page = browser.post(f"/cases/{case_id}/claims", form).text
    assert "Not saved: 5 fields to correct" in page
    for name in ("applicant", "jobs-0-title", "jobs-0-end", "jobs-1-hours_per_week", "study-0-end"):
        assert f'id="{name}-error"' in page, name
    assert "end (" not in page and "start (" not in page  # the form's labels, not the file's keys
    assert 'value="2020-01-01"' in page and 'value="200"' in page  # what was typed is kept


def test_blank_rows_are_ignored_and_remove_drops_a_job(browser: Browser) -> None:
    case_id = browser.new_case()
    form = {**sample_form(S01), "jobs-5-employer": "", "jobs-0-remove": "1"}
    assert browser.post(f"/cases/{case_id}/claims", form, follow_redirects=False).status_code == 303
    case = load_case(browser.cases_dir / case_id)
    assert [job.title for job in case.jobs] == ["Software Developer"]
    assert case.jobs[0].end is None


def test_no_job_at_all_is_an_error(browser: Browser) -> None:
    case_id = browser.new_case()
    form = {key: value for key, value in sample_form(S01).items() if not key.startswith("jobs-")}
    response = browser.post(f"/cases/{case_id}/claims", form)
    assert response.status_code == 422 and "Enter at least one job" in response.text


def test_study_periods_and_self_employment_are_written(browser: Browser) -> None:
    case_id = browser.new_case()
    form = {**sample_form(S01), "study-0-start": "2022-09-01", "study-0-end": "2023-04-30", "jobs-0-self_employed": "1"}
    browser.post(f"/cases/{case_id}/claims", form)
    case = load_case(browser.cases_dir / case_id)
    assert [(p.start.isoformat(), p.end.isoformat()) for p in case.study] == [("2022-09-01", "2023-04-30")]
    assert case.jobs[0].self_employed and not case.jobs[1].self_employed


def test_upload_case_yaml_replaces_the_claims(browser: Browser) -> None:
    case_id = browser.new_case()
    text = (S01 / "case.yaml").read_bytes()
    response = browser.post(
        f"/cases/{case_id}/claims/file", files={"case_file": ("case.yaml", text)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert (browser.cases_dir / case_id / "case.yaml").read_bytes() == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"applicant: A\njobs: [\n", "YAML syntax error"),
        (
            b"applicant: A\njobs:\n  - employer: X\n    title: Y\n    noc: '21232'\n    start: 2023-02-30\n    hours_per_week: 40\n",
            "case.yaml:6, field 'jobs[0].start': not a date",
        ),
        ((S01 / "case.yaml").read_bytes() + b"nickname: B\n", "field 'nickname': unknown field"),
        (b"\xff\xfe\x00bad", "not a text file"),
        (b"a: b\n" * 60_000, "larger than 256 KB"),
    ],
)
def test_bad_case_yaml_upload_names_the_problem_and_keeps_the_old_claims(
    browser: Browser, content: bytes, message: str
) -> None:
    case_id = browser.new_case()
    browser.post(f"/cases/{case_id}/claims", sample_form(S01))
    before = (browser.cases_dir / case_id / "case.yaml").read_bytes()
    response = browser.post(f"/cases/{case_id}/claims/file", files={"case_file": ("case.yaml", content)})
    assert response.status_code == 422
    assert message in response.text.replace("&#39;", "'")
    assert (browser.cases_dir / case_id / "case.yaml").read_bytes() == before


def test_case_yaml_upload_without_a_file_says_so(browser: Browser) -> None:
    case_id = browser.new_case()
    response = browser.post(f"/cases/{case_id}/claims/file")
    assert response.status_code == 422 and "Choose a case.yaml file" in response.text


def test_a_hand_edited_broken_case_yaml_shows_its_error_with_the_line(browser: Browser) -> None:
    case_id = browser.new_case()
    text = (S01 / "case.yaml").read_text(encoding="utf-8").replace("hours_per_week: 37.5", "hours_per_week: lots", 1)
    (browser.cases_dir / case_id / "case.yaml").write_text(text, encoding="utf-8")
    page = html.unescape(browser.get(f"/cases/{case_id}/claims").text)
    assert "case.yaml has a problem" in page and "field 'jobs[0].hours_per_week'" in page
    assert 'value="Cedarline Data Systems Inc."' in page  # what could be read is still in the form


# documents


def test_upload_reads_each_file_and_shows_kind_and_key_fields(browser: Browser) -> None:
    case_id = browser.new_case()
    response = browser.upload(case_id, sample_files(S01))
    assert response.status_code == 200
    page = response.text
    assert "59 read." in page
    assert 'Reference letters <span class="muted">(1)</span>' in page
    assert 'Pay stubs <span class="muted">(' in page and "T4 slips" in page and "Work permits" in page
    assert "Cedarline Data Systems Inc." in page and "hours/week</span> 37.5" in page
    assert page.count('<span class="pill new">new</span>') == 59
    stored = sorted(p.name for p in (browser.cases_dir / case_id / "documents").iterdir())
    assert len(stored) == 59


def test_same_name_twice_is_kept_twice(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.upload(case_id, [("letter.txt", b"one"), ("letter.txt", b"two")]).text
    assert "letter.txt is saved as letter (2).txt." in page
    folder = browser.cases_dir / case_id / "documents"
    assert (folder / "letter.txt").read_bytes() == b"one" and (folder / "letter (2).txt").read_bytes() == b"two"


def test_upload_with_no_file_chosen_says_so(browser: Browser) -> None:
    case_id = browser.new_case()
    response = browser.post(f"/cases/{case_id}/documents", files=[("files", ("", b""))])
    assert response.status_code == 422 and "Choose one or more files" in response.text


def test_unreadable_files_are_listed_with_the_reason(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.upload(
        case_id, [("broken.pdf", b"%PDF-1.7\n garbage"), ("empty.docx", b""), ("tool.exe", b"MZ\x90\x00")]
    ).text
    assert 'Could not be read <span class="muted">(3)</span>' in page
    assert page.count('class="field-error"') >= 3


def test_remove_and_replace_a_document(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.upload(case_id, [("a.txt", b"first"), ("b.txt", b"second")])
    store_ids = {doc.path: doc.id for doc in _store(browser).documents(case_id)}
    folder = browser.cases_dir / case_id / "documents"
    response = browser.post(
        f"/cases/{case_id}/documents/{store_ids['documents/b.txt']}/replace",
        files={"file": ("new-b.txt", b"second, corrected")},
    )
    assert response.status_code == 200 and "documents/b.txt: replaced by new-b.txt." in response.text
    assert (folder / "b.txt").read_bytes() == b"second, corrected"
    response = browser.post(f"/cases/{case_id}/documents/{store_ids['documents/a.txt']}/remove", follow_redirects=False)
    assert response.status_code == 303
    assert sorted(p.name for p in folder.iterdir()) == ["b.txt"]


def test_replace_without_a_file_or_of_an_unknown_document(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.upload(case_id, [("a.txt", b"first")])
    doc_id = _store(browser).documents(case_id)[0].id
    response = browser.post(f"/cases/{case_id}/documents/{doc_id}/replace")
    assert response.status_code == 422 and "choose the new file" in response.text
    assert browser.post(f"/cases/{case_id}/documents/0123456789abcdef/remove").status_code == 404
    assert (
        browser.post(f"/cases/{case_id}/documents/0123456789abcdef/replace", files={"file": ("x", b"x")}).status_code
        == 404
    )


def test_upload_limits(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = WebSettings(
        cases_dir=tmp_path / "cases",
        allowed_hosts=("testserver",),
        max_file_bytes=1000,
        max_files=3,
        max_documents=3,
        max_request_bytes=50_000,
    )
    with TestClient(create_app(settings)) as client:
        browser = Browser(client, settings.cases_dir)
        case_id = browser.new_case()
        folder = settings.cases_dir / case_id / "documents"
        page = browser.upload(case_id, [("big.pdf", b"x" * 1001), ("ok.txt", b"fine")]).text
        assert "big.pdf: not kept; larger than 1 KB (the limit per file)." in page
        assert sorted(p.name for p in folder.iterdir()) == ["ok.txt"]  # no partial or temporary file left
        too_many = browser.upload(case_id, [(f"{i}.txt", b"x") for i in range(4)])
        assert too_many.status_code == 400 and "At most 3 files go in one upload" in too_many.text
        page = browser.upload(case_id, [("1.txt", b"1"), ("2.txt", b"2"), ("3.txt", b"3")]).text
        assert "3.txt: not kept; a case holds at most 3 documents." in page
        huge = browser.upload(case_id, [("huge.txt", b"x" * 60_000)])
        assert huge.status_code == 413 and "larger than 0.05 MB in one go" in huge.text
        assert sorted(p.name for p in folder.iterdir()) == ["1.txt", "2.txt", "ok.txt"]


# check and report


def test_check_shows_the_verdict_and_the_report(browser: Browser) -> None:
    case_id = checked_case(browser)
    page = browser.get(f"/cases/{case_id}/report").text
    assert "Ready: no blocker found" in page
    assert 'class="timeline"' in page and 'class="matrix"' in page and "Duties against the NOC" in page
    assert "Since the last check" not in page  # nothing to compare with yet
    assert (browser.cases_dir / case_id / ".cec-checklist" / "report.json").is_file()


def test_the_page_checks_with_the_one_pipeline_the_cli_uses(browser: Browser) -> None:
    """The page's check and `check_case` on the same folder give the same report (issue 12)."""
    from checklist.pipeline import CheckOptions, check_case, load_noc
    from checklist.report import render_json

    case_id = checked_case(browser)
    saved = _store(browser).report(case_id)
    options = CheckOptions(as_of=SAMPLE_DAY, noc=load_noc(NOC_DIR), find_noc=False, cache=False)
    assert saved == json.loads(render_json(check_case(browser.cases_dir / case_id, options)))


@needs_real_noc  # the letter's duties.weak-coverage warning comes from the real NOC 2021 description
def test_check_again_shows_what_changed(browser: Browser) -> None:
    case_id = checked_case(browser)
    store = _store(browser)
    documents = store.documents(case_id)
    report = store.report(case_id)
    letter_path = next(d["path"] for d in report["documents"] if d["kind"] == "reference_letter")
    letter = next(doc for doc in documents if doc.path == letter_path)
    original = next(S01.rglob(letter.path.rsplit("/", 1)[-1]))
    browser.post(f"/cases/{case_id}/documents/{letter.id}/remove")
    assert "Claims or documents changed after this check" in browser.get(f"/cases/{case_id}/report").text
    page = browser.post(f"/cases/{case_id}/check").text
    assert "Since the last check" in page and "No longer ready: a blocker appeared." in page
    assert f"Document removed: {letter.path}" in page
    assert "New (" in page and "Fixed (" not in page
    assert "No longer reported (1)" in page and "duties.weak-coverage" in page  # about the removed letter: not "fixed"
    browser.upload(case_id, [(original.name, original.read_bytes())])
    page = browser.post(f"/cases/{case_id}/check").text
    assert "Now ready: no blocker left." in page and f"Document added: {letter.path}" in page
    fixed, new = page.split('class="fixed">Fixed (')[1].split('class="new">New (')
    assert (
        "letter.missing" in fixed and "duties.weak-coverage" in new.split("</ul>")[0]
    )  # the letter's own warning is back
    page = browser.post(f"/cases/{case_id}/check").text
    assert "Nothing changed." in page


def test_check_before_claims_says_to_fill_them(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.upload(case_id, [("a.txt", b"hello")])
    response = browser.post(f"/cases/{case_id}/check")
    assert response.status_code == 422
    assert "Cannot check yet" in response.text and "no case.yaml found" in response.text


def test_report_before_any_check_offers_the_check(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.get(f"/cases/{case_id}/report").text
    assert "has not been checked yet" in page
    for name in ("report.pdf", "report.json", "pack.zip"):
        response = browser.get(f"/cases/{case_id}/{name}")
        assert response.status_code in (404, 409), name


def test_downloads(browser: Browser) -> None:
    case_id = checked_case(browser)
    data = browser.get(f"/cases/{case_id}/report.json")
    assert data.headers["content-disposition"] == f'attachment; filename="cec-report-{case_id}.json"'
    report = json.loads(data.text)
    assert report["schema_version"] == 1 and report["ready"] is True
    pdf = browser.get(f"/cases/{case_id}/report.pdf")
    if pdf.status_code == 503:
        pytest.skip("PDF extra not installed")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
    pack = browser.get(f"/cases/{case_id}/pack.zip")
    assert pack.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(pack.content)).namelist()
    assert "read-me-first.pdf" in names and "status-documents.pdf" in names
    assert sum(name.endswith(".pdf") for name in names) == 4  # two positions, the status documents and the read-me


# NOC


def test_noc_search_api(browser: Browser) -> None:
    hits = browser.get("/api/noc/search", params={"q": "software developer"}).json()
    if isinstance(hits, dict):
        pytest.skip("NOC data not available")
    assert hits[0]["code"] == "21232" and set(hits[0]) == {"code", "title", "teer", "score", "duties"}
    assert 0 < len(hits[0]["duties"]) <= 3 and all(isinstance(duty, str) and duty for duty in hits[0]["duties"])
    prefix = browser.get("/api/noc/search", params={"q": "2123"}).json()
    assert [hit["code"] for hit in prefix] == ["21230", "21231", "21232", "21233", "21234"]
    assert browser.get("/api/noc/search", params={"q": "a"}).json() == []


def test_noc_search_without_data_says_how_to_install(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    os.environ.pop("CEC_CHECKLIST_NOC_DATA", None)
    settings = WebSettings(cases_dir=tmp_path / "cases", noc_dir=None, allowed_hosts=("testserver",))
    app = create_app(settings)
    app.state.services._noc_loaded = True  # as if nothing is installed in the user data folder
    with TestClient(app) as client:
        response = client.get("/api/noc/search", params={"q": "cook"})
        assert response.status_code == 503 and "noc install" in response.json()["error"]
        assert "NOC 2021 reference data is not installed" in client.get("/").text


def test_noc_page_works_without_script(browser: Browser) -> None:
    page = browser.get("/noc", params={"q": "line cook"}).text
    if "not installed" in page:
        pytest.skip("NOC data not available")
    assert "<code>63200</code>" in page


# plumbing


def test_static_files_and_headers(browser: Browser) -> None:
    for name, kind in (("app.css", "text/css"), ("app.js", "text/javascript"), ("report.css", "text/css")):
        response = browser.get(f"/static/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith(kind)
    assert browser.get("/static/../pyproject.toml").status_code == 404
    assert browser.get("/static/base.html.j2").status_code == 404
    page = browser.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    assert "http" not in page.text.split("<body")[0].replace("http-equiv", "")  # no external asset in the head


def test_pages_fetch_nothing_from_outside(browser: Browser) -> None:
    case_id = checked_case(browser)
    for url in ("/", f"/cases/{case_id}/claims", f"/cases/{case_id}/documents", f"/cases/{case_id}/report", "/noc"):
        html = browser.get(url).text
        assert "https://" not in html and "http://" not in html, url


def test_other_hosts_are_refused(browser: Browser) -> None:
    assert browser.get("/", headers={"host": "evil.example"}).status_code == 400


def _store(browser: Browser):  # type: ignore[no-untyped-def]
    from checklist.web.store import CaseStore

    return CaseStore(browser.cases_dir)


def test_a_case_folder_made_with_the_cli_shows_up(browser: Browser) -> None:
    """Cases are ordinary folders: one copied into the cases folder by hand is listed and checkable."""
    shutil.copytree(S01, browser.cases_dir / "Kavya Iyer (CLI)")
    page = browser.get("/").text
    assert 'href="/cases/Kavya%20Iyer%20%28CLI%29"' in page and ">Kavya Iyer</a>" in page  # named by its applicant
    response = browser.post("/cases/Kavya%20Iyer%20%28CLI%29/check", follow_redirects=False)
    assert response.headers["location"] == "/cases/Kavya%20Iyer%20%28CLI%29/report"
    assert "Ready: no blocker found" in browser.get(response.headers["location"]).text


def test_issue20_a_file_name_that_is_not_utf8_breaks_no_page(browser: Browser) -> None:
    """Regression (issue 20): one such name (unzipped from a Windows archive) made the home page fail for every case."""
    import os

    from tests.support.cases import small_case

    other = browser.new_case("Other")
    small_case(browser.cases_dir / "unzipped", letter_name=b"lettre_\xe9t\xe9.txt")
    home = browser.get("/")
    assert home.status_code == 200 and 'href="/cases/unzipped"' in home.text and f'href="/cases/{other}"' in home.text
    documents = browser.get("/cases/unzipped/documents")
    assert documents.status_code == 200 and "lettre_\ufffdt\ufffd.txt" in documents.text
    assert browser.post("/cases/unzipped/check", follow_redirects=False).status_code == 303
    report = browser.get("/cases/unzipped/report")
    assert report.status_code == 200 and "lettre_\ufffdt\ufffd.txt" in report.text
    assert "changed after this check" not in report.text  # the report's public path matches the file on disk
    assert "lettre_\ufffdt\ufffd.txt" in browser.get("/cases/unzipped/report.json").text
    doc_id = documents.text.split('/remove"')[0].rsplit("/documents/", 1)[1]
    assert browser.post(f"/cases/unzipped/documents/{doc_id}/remove", follow_redirects=False).status_code == 303
    assert b"lettre_\xe9t\xe9.txt" not in os.listdir(os.fsencode(browser.cases_dir / "unzipped"))


def test_issue_17_add_a_job_and_remove_one_keep_what_was_typed_and_save_nothing(browser: Browser) -> None:
    case_id = browser.new_case()
    form = {**sample_form(S01), "applicant": ""}  # even with a mistake elsewhere: nothing is judged yet
    page = browser.post(f"/cases/{case_id}/claims", {**form, "next": "add-job"})
    assert page.status_code == 200 and 'id="jobs-2-employer"' in page.text and 'id="jobs-3-employer"' not in page.text
    assert 'value="Cedarline Data Systems Inc."' in page.text and "Not saved yet" in page.text
    assert "aria-invalid" not in page.text
    removed = browser.post(f"/cases/{case_id}/claims", {**form, "next": "remove-job-0"}).text
    assert (
        'id="jobs-1-employer"' not in removed
        and 'name="jobs-0-title" type="text" value="Software Developer"' in removed
    )
    assert not (browser.cases_dir / case_id / "case.yaml").exists()
    saved = browser.post(f"/cases/{case_id}/claims", sample_form(S01), follow_redirects=False)
    assert saved.status_code == 303
    page = browser.get(f"/cases/{case_id}/claims").text
    assert 'id="jobs-2-employer"' not in page and 'value="add-job"' in page  # no empty row until "Add a job"
    assert page.index('value="claims"') < page.index('value="remove-job-0"')  # Enter in a field saves, never removes


def test_issue_17_an_upload_answers_with_a_redirect_so_a_reload_uploads_nothing(browser: Browser) -> None:
    case_id = browser.new_case()
    response = browser.upload(case_id, [("a.txt", letter_text().encode())], follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith(f"/cases/{case_id}/documents?done=")
    page = browser.get(response.headers["location"]).text
    assert "1 read." in page and page.count('<span class="pill new">new</span>') == 1
    assert browser.get(response.headers["location"]).status_code == 200  # the reload: a GET, nothing added
    assert len(_store(browser).documents(case_id)) == 1
    assert "1 read." not in browser.get(f"/cases/{case_id}/documents?done=forged").text
    other = browser.new_case("Other")
    assert "1 read." not in browser.get(response.headers["location"].replace(case_id, other)).text  # not another case's


def test_issue_17_identical_uploads_are_refused_with_a_message(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.upload(case_id, [("letter.txt", b"the same letter")])
    page = browser.upload(
        case_id,
        [
            ("copy of letter.txt", b"the same letter"),
            ("other.txt", b"another letter"),
            ("other again.txt", b"another letter"),
        ],
    ).text
    assert "copy of letter.txt: not kept; it is the same file as letter.txt, already in this case." in page
    assert "other again.txt: not kept; it is the same file as other.txt, already in this case." in page
    stored = sorted(p.name for p in (browser.cases_dir / case_id / "documents").iterdir())
    assert stored == ["letter.txt", "other.txt"]


def test_issue_17_the_upload_summary_says_how_many_could_not_be_read_and_why(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.upload(
        case_id, [("letter.txt", letter_text().encode()), ("broken.pdf", b"%PDF-1.7\n garbage"), ("empty.docx", b"")]
    ).text
    found = re.search(r"1 read, 2 could not be read: ([^<]*)\.</p>", page)
    assert found, page
    assert "broken.pdf (" in found.group(1) and "empty.docx (" in found.group(1)
    assert "added and read" not in page


def test_issue_17_a_replacement_answers_with_a_redirect_and_says_what_was_read(browser: Browser) -> None:
    case_id = browser.new_case()
    browser.upload(case_id, [("a.txt", b"first")])
    doc_id = _store(browser).documents(case_id)[0].id
    response = browser.post(
        f"/cases/{case_id}/documents/{doc_id}/replace",
        files={"file": ("b.pdf", b"%PDF-1.7\n x")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = browser.get(response.headers["location"]).text
    assert "documents/a.txt: replaced by b.pdf." in page and "1 could not be read: a.txt (" in page


def test_files_uploaded_one_by_one_say_what_each_gave_then_one_summary(browser: Browser) -> None:
    """Issue 17: the page sends one file per request (to show each file's progress); the documents page
    then sums them up honestly, with the refusals, as one upload of them all would."""
    case_id = browser.new_case()
    json_accept = {"Accept": "application/json"}
    letter = browser.upload(case_id, [("letter.txt", letter_text("Works here.").encode())], headers=json_accept)
    broken = browser.upload(case_id, [("scan.pdf", b"%PDF-1.4 broken")], headers=json_accept)
    again = browser.upload(case_id, [("copy.txt", letter_text("Works here.").encode())], headers=json_accept)
    answers = [letter.json(), broken.json(), again.json()]
    assert answers[0]["summary"] == ["1 read."] and answers[0]["errors"] == []
    assert "1 could not be read: scan.pdf" in answers[1]["summary"][0]
    assert answers[2]["summary"] == [] and "same file as letter.txt" in answers[2]["errors"][0]
    page = browser.get(f"/cases/{case_id}/documents", params={"done": ",".join(a["token"] for a in answers)}).text
    assert "1 read, 1 could not be read: scan.pdf" in page and "same file as letter.txt" in page
    assert page.count(" read.") + page.count(" read, ") == 1  # one summary, not one per file
    other = browser.new_case("Someone Else")
    assert "scan.pdf" not in browser.get(f"/cases/{other}/documents", params={"done": answers[1]["token"]}).text


def test_an_upload_name_with_a_direction_override_is_shown_inert(browser: Browser) -> None:
    """The adversarial suite: the 'saved as' notice repeated a right-to-left override (U+202E), which makes
    'report\u202etxt.exe' read as 'reportexe.txt'. Control and direction characters are shown as U+FFFD."""
    case_id = browser.new_case()
    page = browser.upload(case_id, [("report\u202etxt.exe", b"plain text")]).text
    assert "\u202e" not in page and "report\ufffdtxt.exe is saved as" in page


def test_shown_names_keep_letters_and_replace_invisible_controls() -> None:
    from checklist.display import shown_name

    assert shown_name("Lettre d’emploi – Émilie.pdf") == "Lettre d’emploi – Émilie.pdf"
    assert shown_name("a\u202eb\u2066c\x07d\ne") == "a\ufffdb\ufffdc\ufffdd\ufffde"


def test_two_empty_files_are_each_said_to_be_empty_not_copies(browser: Browser) -> None:
    case_id = browser.new_case()
    page = browser.upload(case_id, [("empty.pdf", b""), ("empty.txt", b"")]).text
    assert "2 could not be read: empty.pdf (the file is empty" in page and "empty.txt (the file is empty" in page
    assert "same file as" not in page
