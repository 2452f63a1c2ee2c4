"""Shared fixtures: the official NOC files beside the repo, loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOC_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "noc2021"


@pytest.fixture(scope="session")
def noc_dir() -> Path:
    if not (NOC_DIR / "noc_2021_version_1.0_-_classification_structure.csv").is_file():
        pytest.skip(f"NOC reference data not found at {NOC_DIR}")
    return NOC_DIR


@pytest.fixture(scope="session")
def noc_data(noc_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Parsed from the CSVs (no cache), shared by every test of the session."""
    from checklist.noc import load_noc_data

    return load_noc_data(noc_dir, cache=False)


@pytest.fixture(scope="session")
def json_view(noc_dir: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """The derived JSON view, used only to cross-check the loader."""
    rows = json.loads((noc_dir / "noc2021_unit_groups.json").read_text(encoding="utf-8"))
    return {r["code"]: r for r in rows}


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user data/cache folders from tests."""
    monkeypatch.setenv("CEC_CHECKLIST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CEC_CHECKLIST_NOC_DATA", raising=False)
    monkeypatch.setattr("checklist.noc.store.default_noc_dir", lambda: tmp_path / "userdata" / "noc2021")
