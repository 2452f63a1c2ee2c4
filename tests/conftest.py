"""Test session setup: never touch the user's real data or cache folders."""

from __future__ import annotations

import os
import shutil
import tempfile


def pytest_sessionstart(session: object) -> None:
    os.environ["CEC_CHECKLIST_CACHE_DIR"] = tempfile.mkdtemp(prefix="cec-checklist-test-cache-")
    os.environ.pop("CEC_CHECKLIST_NOC_DATA", None)


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    shutil.rmtree(os.environ.get("CEC_CHECKLIST_CACHE_DIR", ""), ignore_errors=True)
