"""The whole `cec-checklist check` on a case folder full of fuzzed and hostile files.

Run as users run it (a new process), so a traceback would show as it would to
them: the run must end with exit code 0 or 1, a report, and no traceback, and
each file must end as a document or as doc.unreadable with a reason.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from tests.fuzz import corpus

CASE = corpus.SAMPLES / "s01_clean_promotion"
HOSTILE = [
    "pdf-bomb-8mb.pdf",
    "pdf-5000-pages.pdf",
    "pdf-nested-array-10000-in-content.pdf",
    "pdf-image-100000x100000.pdf",
    "docx-lying-sizes.docx",
    "docx-entities.docx",
    "png-100000x100000.png",
    "tiff-500-frames.tif",
    "pdf-random-tail.pdf",
]


def fuzzed_case(target: Path) -> list[str]:
    shutil.copytree(CASE, target)
    rng = random.Random(20260107)
    names = []
    for index, seed in enumerate(rng.sample(corpus.seeds(), 12)):
        name = f"fuzzed/{index:02d}-{Path(seed.name).stem}{seed.suffix}"
        (target / name).parent.mkdir(exist_ok=True)
        (target / name).write_bytes(corpus.mutate(seed, rng, rng.randint(1, 3)))
        names.append(name)
    for name in HOSTILE:
        (target / "hostile").mkdir(exist_ok=True)
        (target / "hostile" / name).write_bytes(corpus.hostile_files()[name])
        names.append(f"hostile/{name}")
    return names


def test_check_a_case_full_of_fuzzed_files(tmp_path: Path) -> None:
    case = tmp_path / "case"
    names = fuzzed_case(case)
    out = tmp_path / "report.json"
    env = {**os.environ, "CEC_CHECKLIST_CACHE_DIR": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("CEC_CHECKLIST_NOC_DATA", None)
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "check", str(case), "-f", "json", "-o", str(out)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=corpus.ROOT,
    )
    output = result.stdout + result.stderr
    assert result.returncode in (0, 1), output
    assert "Traceback" not in output
    report = json.loads(out.read_text())
    documents = {doc["path"]: doc for doc in report["documents"]}
    assert set(names) <= set(documents)
    unreadable = {path for path, doc in documents.items() if doc["kind"] == "unreadable"}
    assert all(documents[path]["error"] for path in unreadable)
    flagged = {
        path for finding in report["findings"] if finding["code"] == "doc.unreadable" for path in finding["documents"]
    }
    assert unreadable <= flagged  # each unreadable file is named in a doc.unreadable finding
    assert any(path.startswith("hostile/") for path in unreadable)
