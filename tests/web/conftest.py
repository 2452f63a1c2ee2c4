"""Fixtures for the web app: an app over a temporary cases folder, a client with a CSRF token."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from checklist.web import WebSettings, create_app
from tests.support.noc import NOC_DIR

SAMPLE_DAY = dt.date(2025, 11, 14)  # s01's as_of (samples/expected)

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A TestClient that knows the page's CSRF token, like a browser holding the form."""

    def __init__(self, client: TestClient, cases_dir: Path) -> None:
        self.client = client
        self.cases_dir = cases_dir
        page = client.get("/")
        self.token = TOKEN.search(page.text).group(1)  # type: ignore[union-attr]

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.client.post(url, data={"csrf_token": self.token, **(data or {})}, **kwargs)

    def new_case(self, name: str = "Kavya Iyer") -> str:
        response = self.post("/cases", {"name": name}, follow_redirects=False)
        assert response.status_code == 303, response.text
        return str(response.headers["location"]).split("/")[2]

    def upload(self, case_id: str, files: list[tuple[str, bytes]], **kwargs: Any) -> Any:
        return self.post(f"/cases/{case_id}/documents", files=[("files", item) for item in files], **kwargs)


def sample_form(case_dir: Path) -> dict[str, str]:
    """The claims form filled in from a sample's case.yaml, as a person would type it."""
    import yaml

    data = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
    form = {
        "applicant": data["applicant"],
        "ita_date": str(data.get("ita_date") or ""),
        "application_date": str(data.get("application_date") or ""),
    }
    for index, job in enumerate(data["jobs"]):
        prefix = f"jobs-{index}-"
        form.update(
            {
                prefix + "employer": job["employer"],
                prefix + "title": job["title"],
                prefix + "noc": str(job["noc"]),
                prefix + "start": str(job["start"]),
                prefix + "hours_per_week": str(job["hours_per_week"]),
            }
        )
        if job.get("end"):
            form[prefix + "end"] = str(job["end"])
        else:
            form[prefix + "current"] = "1"
        if job.get("self_employed"):
            form[prefix + "self_employed"] = "1"
    for index, period in enumerate(data.get("study") or []):
        form.update({f"study-{index}-start": str(period["start"]), f"study-{index}-end": str(period["end"])})
    return form


def sample_files(case_dir: Path) -> list[tuple[str, bytes]]:
    """The sample's documents as uploads: never case.yaml nor a report the README's command wrote there."""
    from checklist.ingest import discover

    return [(path.name, path.read_bytes()) for path in discover(case_dir)]


@pytest.fixture
def settings(tmp_path: Path) -> WebSettings:
    return WebSettings(
        cases_dir=tmp_path / "cases", noc_dir=NOC_DIR, allowed_hosts=("testserver",), today=lambda: SAMPLE_DAY
    )  # s01's own day: its ITA deadline has not passed


@pytest.fixture
def browser(settings: WebSettings) -> Iterator[Browser]:
    with TestClient(create_app(settings)) as client:
        yield Browser(client, settings.cases_dir)
