"""The official NOC 2021 files beside the repository (../shared/noc2021), loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

NOC_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "noc2021"


@cache
def _load() -> Any:
    from checklist.noc import load_noc_data

    return load_noc_data(NOC_DIR)


def shared_noc() -> Any:
    """NOC data for tests; skips the test when the shared folder is not there."""
    if not (NOC_DIR / "noc_2021_version_1.0_-_classification_structure.csv").is_file():
        pytest.skip(f"NOC reference data not found at {NOC_DIR}")
    return _load()
