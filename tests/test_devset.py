"""The independent devset (../shared/devset), scored by its own scorer, must stay above the bar."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.noc import NO_SHARED, REAL_NOC_DIR, REAL_NOC_HINT

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


@pytest.mark.skipif(
    NO_SHARED or not (DEVSET / "score.py").exists(), reason="../shared/devset is not beside the repository"
)
@pytest.mark.skipif(REAL_NOC_DIR is None, reason=REAL_NOC_HINT)
def test_devset_scores(tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed: the devset's scans need OCR")
    out = tmp_path / "score.json"
    command = [
        sys.executable,
        str(DEVSET / "score.py"),
        "--cmd",
        f"{sys.executable} -m checklist",
        "--noc-data",
        str(REAL_NOC_DIR),
        "--jobs",
        "2",
        "--json",
        str(out),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert out.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    metrics = json.loads(out.read_text())
    metrics = metrics.get("metrics", metrics)
    assert metrics["crashes"] == 0 and metrics["sin_leaks"] == 0
    assert metrics["kind_acc"] >= 0.97
    assert metrics["field_acc"] >= 0.93
    assert metrics["code_recall"] >= 0.90 and metrics["code_precision"] >= 0.90
    assert metrics["hours_ok"] >= 0.90
