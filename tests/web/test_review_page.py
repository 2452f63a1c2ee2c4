"""Issue 14 item 4: the review page corrects what was read, beside the document, in review.yaml.

The case: one reference letter (a text PDF) whose start date reads as 2022-06-14 while the
profile claims 2021-06-14, so the check reports a false letter.claim-mismatch blocker.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from starlette.testclient import TestClient

from checklist.kinds import spec
from checklist.models.document import DocumentKind
from checklist.reviewfile import REVIEW_FILE, file_sha256, load_review
from checklist.web import WebSettings, create_app
from tests.support.cases import letter_text
from tests.support.cases import misread_web_case as web_case
from tests.support.files import make_pdf
from tests.web.conftest import Browser

DAY = dt.date(2025, 11, 14)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Browser]:
    web_case(tmp_path / "cases")
    settings = WebSettings(cases_dir=tmp_path / "cases", noc_dir=None, allowed_hosts=("testserver",), today=lambda: DAY)
    with TestClient(create_app(settings)) as test_client:
        yield Browser(test_client, settings.cases_dir)


def doc_url(client: Browser) -> str:
    page = client.get("/cases/farah/documents").text
    found = re.search(r'href="(/cases/farah/documents/[0-9a-f]{16})"', page)
    assert found, "the documents page links each document to its review page"
    return found.group(1)


def blockers(client: Browser) -> set[tuple[str, tuple[str, ...]]]:
    data = client.get("/cases/farah/report.json").json()
    return {
        (f["code"], tuple(f["documents"]))
        for f in data["findings"]
        if f["severity"] == "blocker" and not f["acknowledged"]
    }


def save(client: Browser, url: str, fields: dict[str, str], action: str = "save", **extra: str) -> Any:
    page = client.get(url).text
    shown = dict(re.findall(r'name="shown-(\w+)" value="([^"]*)"', page))
    data = {f"field-{name}": value for name, value in shown.items()} | {f"shown-{name}": v for name, v in shown.items()}
    data |= {f"field-{name}": value for name, value in fields.items()}
    data |= {"kind": extra.pop("kind", "reference_letter"), "action": action, **extra}
    return client.post(url + "/review", data, follow_redirects=False)


def test_the_page_shows_the_document_beside_the_fields_the_checks_use_with_their_snippets(client: Browser) -> None:
    url = doc_url(client)
    page = client.get(url).text
    assert f'src="{url}/pages/1.png"' in page
    key = page.split("Used by the checks", 1)[1].split("Other fields", 1)[0]
    assert key.index('id="field-employer_name"') < key.index('id="field-start_date"')  # the kind's key fields, in order
    assert 'value="2022-06-14"' in key and "“Start date: 2022-06-14”" in " ".join(key.split())
    assert 'id="field-employer_phone"' in page.split("Other fields", 1)[1]
    image = client.get(url + "/pages/1.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size[0] > 600
    assert client.get(url + "/pages/2.png").status_code == 404


def test_a_corrected_start_date_goes_to_review_yaml_and_the_false_blocker_goes(client: Browser) -> None:
    client.post("/cases/farah/check", follow_redirects=False)
    assert ("letter.claim-mismatch", ("documents/letter.pdf",)) in blockers(client)
    url = doc_url(client)

    response = save(client, url, {"start_date": "June 14, 2021"})
    assert response.status_code == 303 and response.headers["location"] == url + "?saved=1"  # Post/Redirect/Get
    folder = client.cases_dir / "farah"
    entry = load_review(folder).documents["documents/letter.pdf"]  # the file 'cec-checklist review' reads
    assert entry.fields == {"start_date": dt.date(2021, 6, 14)} and entry.sha256 == file_sha256(
        folder / "documents/letter.pdf"
    )
    assert not entry.set_aside and entry.kind is None
    page = client.get(url).text
    assert "confirmed by you" in page and "read from the document: 2022-06-14" in page
    assert "Claims or documents changed after this check" in client.get("/cases/farah/report").text

    response = save(client, url, {}, action="check")  # "Save and check again"
    assert response.status_code == 303 and response.headers["location"] == "/cases/farah/report"
    assert ("letter.claim-mismatch", ("documents/letter.pdf",)) not in blockers(client)
    report = client.get("/cases/farah/report").text
    assert "confirmed by you" in report and "Claims or documents changed" not in report


def test_every_bad_value_is_shown_beside_its_field_with_the_input_kept_and_nothing_saved(client: Browser) -> None:
    url = doc_url(client)
    response = save(client, url, {"start_date": "soon", "hours_per_week": "lots", "job_title": "Technologist II"})
    assert response.status_code == 422
    page = response.text
    assert re.search(r'id="field-start_date" name="field-start_date" value="soon"[^>]*aria-invalid="true"', page)
    assert "not a date: &#39;soon&#39;" in page and "not a number: &#39;lots&#39;" in page
    assert 'value="Technologist II"' in page  # a good value typed beside a bad one is kept too
    assert not (client.cases_dir / "farah" / REVIEW_FILE).exists()


def test_only_the_fields_a_person_changed_are_recorded(client: Browser) -> None:
    url = doc_url(client)
    assert save(client, url, {"hours_per_week": "40"}).status_code == 303
    assert save(client, url, {"salary_amount": "$70,000.00"}).status_code == 303
    fields = load_review(client.cases_dir / "farah").documents["documents/letter.pdf"].fields
    assert fields == {"hours_per_week": 40.0, "salary_amount": 70000.0}


def test_a_kind_changed_and_a_document_set_aside(client: Browser) -> None:
    url = doc_url(client)
    assert save(client, url, {}, kind="employment_contract").status_code == 303
    review = load_review(client.cases_dir / "farah")
    assert review.documents["documents/letter.pdf"].kind is not None
    assert review.documents["documents/letter.pdf"].kind.value == "employment_contract"
    page = client.get(url).text
    assert f"Read as: {spec(DocumentKind.EMPLOYMENT_CONTRACT).label}" in page
    assert '<option value="reference_letter">' in page and "(as read)" in page

    assert save(client, url, {}, kind="employment_contract", set_aside="1", action="check").status_code == 303
    data = client.get("/cases/farah/report.json").json()
    letter = next(d for d in data["documents"] if d["path"] == "documents/letter.pdf")
    assert letter["review"]["set_aside"] is True
    assert not any("documents/letter.pdf" in f["documents"] for f in data["findings"] if f["code"] != "review.lapsed")

    assert save(client, url, {}, action="undo").status_code == 303
    assert "documents/letter.pdf" not in load_review(client.cases_dir / "farah").documents


def test_a_finding_acknowledged_with_a_note_and_withdrawn(client: Browser) -> None:
    client.post("/cases/farah/check", follow_redirects=False)
    form = {"code": "letter.claim-mismatch", "document": "documents/letter.pdf", "job": "0"}
    empty = client.post("/cases/farah/acknowledge", {**form, "note": " ", "action": "ack"})
    assert empty.status_code == 422 and "Write a note saying why" in empty.text
    done = client.post(
        "/cases/farah/acknowledge",
        {**form, "note": "The employer is correcting the letter", "action": "ack"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/cases/farah/report"
    ack = load_review(client.cases_dir / "farah").acknowledged
    assert [(a.code, a.document, a.job, a.note) for a in ack] == [
        ("letter.claim-mismatch", "documents/letter.pdf", 0, "The employer is correcting the letter")
    ]
    assert ("letter.claim-mismatch", ("documents/letter.pdf",)) not in blockers(client)
    report = client.get("/cases/farah/report").text
    assert "Acknowledged by you (this blocker is not counted):</strong> The employer is correcting the letter" in report
    assert "Withdraw my acknowledgement" in report

    client.post("/cases/farah/acknowledge", {**form, "action": "withdraw"}, follow_redirects=False)
    assert load_review(client.cases_dir / "farah").acknowledged == []
    assert ("letter.claim-mismatch", ("documents/letter.pdf",)) in blockers(client)


def test_a_broken_review_yaml_is_named_and_nothing_is_overwritten(client: Browser) -> None:
    path = client.cases_dir / "farah" / REVIEW_FILE
    path.write_text("documents: [oops\n", encoding="utf-8")
    url = doc_url(client)
    assert "review.yaml" in client.get(url).text and "YAML syntax error" in client.get(url).text
    response = save(client, url, {"start_date": "2021-06-14"})
    assert response.status_code == 422 and "Fix review.yaml or delete it" in response.text
    assert path.read_text(encoding="utf-8") == "documents: [oops\n"
    check = client.post("/cases/farah/check")
    assert check.status_code == 422 and "Fix review.yaml first" in check.text


def test_a_text_document_shows_its_text_and_has_no_page_image(client: Browser) -> None:
    folder = client.cases_dir / "farah"
    (folder / "documents" / "note.txt").write_text(letter_text(), encoding="utf-8")
    page = client.get("/cases/farah/documents").text
    note_id = re.search(r'href="/cases/farah/documents/([0-9a-f]{16})"[^>]*>note.txt<', page).group(1)  # type: ignore[union-attr]
    shown = client.get(f"/cases/farah/documents/{note_id}").text
    assert (
        'class="doc-text"' in shown
        and "Bow Valley Engineering Consultants Inc." in shown
        and "pages/1.png" not in shown
    )
    assert client.get(f"/cases/farah/documents/{note_id}/pages/1.png").status_code == 404
    assert client.get("/cases/farah/documents/0123456789abcdef/pages/1.png").status_code == 404


def test_review_posts_need_the_form_token(client: Browser) -> None:
    url = doc_url(client)
    refused = client.client.post(url + "/review", data={"field-start_date": "2021-06-14", "shown-start_date": ""})
    assert refused.status_code == 403
    assert client.client.post("/cases/farah/acknowledge", data={"code": "x", "note": "y"}).status_code == 403
    assert not (client.cases_dir / "farah" / REVIEW_FILE).exists()


def test_review_yaml_written_by_the_page_is_what_the_cli_writes(client: Browser, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from checklist.cli import app

    save(client, doc_url(client), {"start_date": "June 14, 2021"})
    by_page = (client.cases_dir / "farah" / REVIEW_FILE).read_text(encoding="utf-8")
    other = web_case(tmp_path / "cli")
    result = CliRunner().invoke(
        app, ["review", str(other), "--set", "documents/letter.pdf", "start_date=June 14, 2021"]
    )
    assert result.exit_code == 0, result.output
    assert by_page == (other / REVIEW_FILE).read_text(encoding="utf-8")


def test_a_sin_in_the_text_layer_is_covered_in_the_page_image(tmp_path: Path) -> None:
    from checklist.web.preview import page_png

    def dark_share(line: str) -> float:
        path = make_pdf(tmp_path / "p.pdf", [[line]])
        image = Image.open(io.BytesIO(page_png(path, "pdf", 0))).convert("L")
        histogram = image.histogram()
        return sum(histogram[:40]) / sum(histogram)

    assert dark_share("SIN: 046 454 286") > 3 * dark_share("Tel: 046 454 2861")
