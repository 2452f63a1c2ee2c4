"""Two tabs, one case: a save never silently overwrites the other tab's, races give a clear page, limits hold.

Every form that changes a file carries the file's version from when the page was
shown (`store.version_of`); a form open across a server restart still saves,
because the form secret is kept in the user data folder.
"""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from checklist.web import WebSettings, create_app
from checklist.web.reading import DocumentCache
from checklist.web.store import CaseStore
from tests.web.conftest import SAMPLES, Browser, sample_form

S01 = SAMPLES / "s01_clean_promotion"
VERSION = re.compile(r'name="version" value="([^"]+)"')


def _claims_version(browser: Browser, case_id: str) -> str:
    page = browser.get(f"/cases/{case_id}/claims").text
    return VERSION.search(page).group(1)  # type: ignore[union-attr]


def _case_with_claims(browser: Browser) -> str:
    case_id = browser.new_case()
    saved = browser.post(f"/cases/{case_id}/claims", {**sample_form(S01), "version": _claims_version(browser, case_id)})
    assert saved.status_code == 200 and "Saved to case.yaml" in saved.text
    return case_id


def test_issue20_a_stale_claims_form_is_refused_and_keeps_its_input(browser: Browser) -> None:
    case_id = _case_with_claims(browser)
    shown = _claims_version(browser, case_id)  # both tabs open the claims page
    first = browser.post(
        f"/cases/{case_id}/claims", {**sample_form(S01), "applicant": "Typed In Tab A", "version": shown}
    )
    assert first.status_code == 200
    second = browser.post(
        f"/cases/{case_id}/claims", {**sample_form(S01), "applicant": "Typed In Tab B", "version": shown}
    )
    assert second.status_code == 409
    assert "changed in another tab" in second.text
    assert 'value="Typed In Tab B"' in second.text  # the input is kept in the form
    case_yaml = (browser.cases_dir / case_id / "case.yaml").read_text()
    assert "Typed In Tab A" in case_yaml and "Typed In Tab B" not in case_yaml
    again = browser.post(
        f"/cases/{case_id}/claims",
        {**sample_form(S01), "applicant": "Typed In Tab B", "version": VERSION.search(second.text).group(1)},
    )  # type: ignore[union-attr]
    assert again.status_code == 200 and "Typed In Tab B" in (browser.cases_dir / case_id / "case.yaml").read_text()


def test_issue20_a_stale_case_yaml_upload_is_refused(browser: Browser) -> None:
    case_id = _case_with_claims(browser)
    shown = _claims_version(browser, case_id)
    browser.post(f"/cases/{case_id}/claims", {**sample_form(S01), "applicant": "Saved Elsewhere", "version": shown})
    text = (S01 / "case.yaml").read_bytes()
    response = browser.post(
        f"/cases/{case_id}/claims/file", {"version": shown}, files=[("case_file", ("case.yaml", text))]
    )
    assert response.status_code == 409 and "changed in another tab" in response.text
    assert "Saved Elsewhere" in (browser.cases_dir / case_id / "case.yaml").read_text()


def _one_document(browser: Browser) -> tuple[str, str, str]:
    case_id = browser.new_case()
    browser.upload(case_id, [("letter.txt", b"Reference letter for Kavya Iyer")])
    doc = CaseStore(browser.cases_dir).documents(case_id)[0]
    assert f'value="{doc.version}"' in browser.get(f"/cases/{case_id}/documents").text  # the forms carry it
    return case_id, doc.id, doc.version


def test_issue20_removing_twice_from_two_tabs_is_a_clear_page(browser: Browser) -> None:
    case_id, doc_id, version = _one_document(browser)
    assert browser.post(f"/cases/{case_id}/documents/{doc_id}/remove", {"version": version}).status_code == 200
    again = browser.post(f"/cases/{case_id}/documents/{doc_id}/remove", {"version": version})
    assert again.status_code == 404 and "no such document" in again.text  # a clear page, not a 500


def test_issue20_a_document_replaced_in_another_tab_is_not_removed(browser: Browser) -> None:
    case_id, doc_id, version = _one_document(browser)
    replaced = browser.post(
        f"/cases/{case_id}/documents/{doc_id}/replace",
        {"version": version},
        files=[("file", ("letter-v2.txt", b"The corrected reference letter"))],
    )
    assert replaced.status_code == 200
    stale = browser.post(f"/cases/{case_id}/documents/{doc_id}/remove", {"version": version})
    assert stale.status_code == 409 and "not removed" in stale.text and "another tab" in stale.text
    assert (browser.cases_dir / case_id / "documents" / "letter.txt").read_bytes() == b"The corrected reference letter"
    stale_replace = browser.post(
        f"/cases/{case_id}/documents/{doc_id}/replace",
        {"version": version},
        files=[("file", ("letter-v3.txt", b"A third text"))],
    )
    assert stale_replace.status_code == 409 and "not replaced" in stale_replace.text


def _vanishing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another tab removes each document just after the folder was listed, before it is read."""
    original = DocumentCache.read

    def read(self: DocumentCache, case_dir: Path, relative: str):  # type: ignore[no-untyped-def]
        (case_dir / relative).unlink(missing_ok=True)
        return original(self, case_dir, relative)

    monkeypatch.setattr(DocumentCache, "read", read)


def test_issue20_listing_or_checking_while_a_document_is_removed_is_no_500(
    browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case_with_claims(browser)
    browser.upload(case_id, [("a.txt", b"first"), ("b.txt", b"second")])
    _vanishing(monkeypatch)
    listing = browser.get(f"/cases/{case_id}/documents")
    assert listing.status_code == 200 and "a.txt" not in listing.text
    browser.upload(case_id, [("c.txt", b"third")])
    checked = browser.post(f"/cases/{case_id}/check", follow_redirects=False)
    assert checked.status_code == 303


def test_issue20_the_document_limit_holds_against_a_parallel_upload(
    settings: WebSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(replace(settings, max_documents=3))
    with TestClient(app) as client:
        browser = Browser(client, settings.cases_dir)
        case_id = browser.new_case()
        browser.upload(case_id, [("one.txt", b"1")])
        original = CaseStore.add_document
        other_tab: list[str] = []

        def add_and_race(self: CaseStore, *args, **kwargs):  # type: ignore[no-untyped-def]
            stored = original(self, *args, **kwargs)
            if not other_tab:  # another tab's upload lands between this request's files
                other_tab.append(original(self, case_id, "other-tab.txt", _stream(b"x"), 1000, None).path)
            return stored

        monkeypatch.setattr(CaseStore, "add_document", add_and_race)
        response = browser.upload(case_id, [("two.txt", b"2"), ("three.txt", b"3")])
    assert "three.txt: not kept; a case holds at most 3 documents" in response.text
    assert len(CaseStore(settings.cases_dir).documents(case_id)) == 3


def _stream(data: bytes):  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(data)


def test_issue20_a_form_survives_a_server_restart(settings: WebSettings, tmp_path: Path) -> None:
    keep = replace(settings, secret_file=tmp_path / "data" / "web-form-secret")
    with TestClient(create_app(keep)) as first:
        browser = Browser(first, keep.cases_dir)
        cookies = dict(first.cookies)
    assert stat.S_IMODE(keep.secret_file.stat().st_mode) == 0o600  # type: ignore[union-attr]
    with TestClient(create_app(keep), cookies=cookies) as second:  # the page stayed open in the browser
        response = second.post(
            "/cases", data={"csrf_token": browser.token, "name": "After Restart"}, follow_redirects=False
        )
    assert response.status_code == 303


def test_a_secret_others_can_read_is_replaced(tmp_path: Path) -> None:
    from checklist.web.security import load_secret

    path = tmp_path / "web-form-secret"
    path.write_bytes(b"k" * 32)
    path.chmod(0o644)
    secret = load_secret(path)
    assert secret != b"k" * 32 and stat.S_IMODE(path.stat().st_mode) == 0o600 and load_secret(path) == secret
