"""The customer's devsets (../shared/devset and ../shared/devset-v2), scored by their own scorers, must stay
above the bar. devset-v2 is on the current spec (a language result in every case, IRCC status letters), so
its verdicts are held too; the first set predates the language rule, so its verdicts are not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checklist.ingest import ocr
from tests.support.noc import NO_SHARED, REAL_NOC_DIR, REAL_NOC_HINT

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.parametrize(("name", "ready_bar"), [("devset", None), ("devset-v2", 0.90)])
@pytest.mark.skipif(REAL_NOC_DIR is None, reason=REAL_NOC_HINT)
def test_devset_scores(name: str, ready_bar: float | None, tmp_path: Path) -> None:
    devset = SHARED / name
    if NO_SHARED or not (devset / "score.py").exists():
        pytest.skip(f"../shared/{name} is not beside the repository")
    if not ocr.preferred_engine():
        pytest.skip("no OCR engine is installed: the devset's scans need OCR")
    copy = tmp_path / name  # a check keeps its readings in the case folder: never in the customer's files
    shutil.copytree(devset, copy)
    out = tmp_path / "score.json"
    command = [
        *(sys.executable, str(copy / "score.py"), "--cmd", f"{sys.executable} -m checklist"),
        *("--noc-data", str(REAL_NOC_DIR), "--jobs", "2", "--json", str(out)),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=1500)
    assert out.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    metrics = json.loads(out.read_text())
    metrics = metrics.get("metrics", metrics)
    assert metrics["crashes"] == 0 and metrics["sin_leaks"] == 0
    assert metrics["kind_acc"] >= 0.97
    assert metrics["field_acc"] >= 0.93
    assert metrics["code_recall"] >= 0.90 and metrics["code_precision"] >= 0.90
    assert metrics["hours_ok"] >= 0.90
    if ready_bar is not None:
        assert metrics["ready_acc"] >= ready_bar
