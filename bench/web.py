"""Web page timings: upload a sample case, check it, check again, render the report page.

    python bench/web.py [SAMPLE ...]

Runs the app in-process (Starlette's TestClient) over a temporary cases folder
with the NOC data beside the repository. Upload includes reading each file
(the page shows its kind at once); the first check reuses those readings, so
it costs only the rules and the report.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from checklist.web import WebSettings, create_app

ROOT = Path(__file__).resolve().parents[1]
NOC_DIR = ROOT.parent / "shared" / "noc2021"


def timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    response = action()
    assert response.status_code < 400, response.text[:300]
    return time.perf_counter() - start


def run(sample: Path) -> dict[str, float]:
    with (
        tempfile.TemporaryDirectory() as tmp,
        TestClient(
            create_app(WebSettings(cases_dir=Path(tmp), noc_dir=NOC_DIR, allowed_hosts=("testserver",)))
        ) as client,
    ):
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
        client.post("/cases", data={"csrf_token": token, "name": "bench"})
        files = [
            ("files", (p.name, p.read_bytes()))
            for p in sorted(sample.rglob("*"))
            if p.is_file() and p.name != "case.yaml"
        ]
        client.post(
            "/cases/bench/claims/file",
            data={"csrf_token": token},
            files={"case_file": ("case.yaml", (sample / "case.yaml").read_bytes())},
        )
        out = {"documents": float(len(files))}
        out["upload+read"] = timed(
            lambda: client.post("/cases/bench/documents", data={"csrf_token": token}, files=files)
        )
        out["check"] = timed(
            lambda: client.post("/cases/bench/check", data={"csrf_token": token}, follow_redirects=False)
        )
        out["check again"] = timed(
            lambda: client.post("/cases/bench/check", data={"csrf_token": token}, follow_redirects=False)
        )
        out["report page"] = timed(lambda: client.get("/cases/bench/report"))
        out["documents page"] = timed(lambda: client.get("/cases/bench/documents"))
        return out


def main() -> None:
    names = sys.argv[1:] or ["s01_clean_promotion", "s03_cook_employer_specific", "s09_scans_and_photos"]
    print("| case | documents | upload+read | check | check again | report page | documents page |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        t = run(ROOT / "samples" / "cases" / name)
        print(
            f"| {name} | {t['documents']:.0f} | {t['upload+read']:.2f} s | {t['check']:.2f} s | {t['check again']:.2f} s "
            f"| {t['report page']:.2f} s | {t['documents page']:.2f} s |"
        )


if __name__ == "__main__":
    main()
