"""The web home page with many cases: cold (first listing after start), warm, and after one change.

    python bench/web_home.py [CASES]        (default 1000)

Makes CASES case folders like the web app's (case.yaml, a name, five small
documents in two folders, a last report), then times `GET /` in-process with
Starlette's TestClient: the first request (the index is built), the median of
five more (the index answers), and one after a case gained a document (only
that case is read again). The issue's goal: 1,000 cases under 0.5 s.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from checklist.web import WebSettings, create_app

ROOT = Path(__file__).resolve().parents[1]
CASE_YAML = (ROOT / "samples" / "cases" / "s01_clean_promotion" / "case.yaml").read_text(encoding="utf-8")


def make_cases(root: Path, count: int) -> None:
    for number in range(count):
        folder = root / f"case-{number:04d}"
        (folder / ".cec-checklist").mkdir(parents=True)
        (folder / "documents" / "letters").mkdir(parents=True)
        (folder / "case.yaml").write_text(CASE_YAML, encoding="utf-8")
        (folder / ".cec-checklist" / "meta.json").write_text(json.dumps({"name": f"Applicant {number}"}))
        (folder / ".cec-checklist" / "report.json").write_text(json.dumps({"ready": number % 3 == 0}))
        for index in range(4):
            (folder / "documents" / f"stub-{index}.txt").write_text(f"Pay stub {index} of applicant {number}\n")
        (folder / "documents" / "letters" / "letter.txt").write_text(f"Reference letter of applicant {number}\n")


def timed_home(client: TestClient, count: int) -> float:
    start = time.perf_counter()
    response = client.get("/")
    elapsed = time.perf_counter() - start
    assert response.status_code == 200 and response.text.count('class="case-link"') == count
    return elapsed


def run(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases"
        make_cases(cases, count)
        settings = WebSettings(cases_dir=cases, allowed_hosts=("testserver",), secret_file=Path(tmp) / "secret")
        with TestClient(create_app(settings)) as client:
            cold = timed_home(client, count)
            warm = statistics.median(timed_home(client, count) for _ in range(5))
            (cases / "case-0007" / "documents" / "new.txt").write_text("a new document\n")
            changed = timed_home(client, count)
    return {"cases": count, "cold_s": round(cold, 3), "warm_s": round(warm, 3), "after_one_change_s": round(changed, 3)}


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)))
