"""NOC test fixtures: the real NOC files when present (else those tests skip), and the project's fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.noc import FIXTURE_NOC_DIR, REAL_NOC_DIR, REAL_NOC_HINT, use_fixture_count


@pytest.fixture(scope="session")
def noc_dir() -> Path:
    """The real NOC 2021 files: for tests about the real data (all 516 groups, rankings over them)."""
    if REAL_NOC_DIR is None:
        pytest.skip(REAL_NOC_HINT)
    return REAL_NOC_DIR


@pytest.fixture
def fixture_noc_dir(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project's small NOC fixture, with the loader told how many unit groups it has."""
    import checklist.noc.data

    monkeypatch.setattr(checklist.noc.data, "EXPECTED_UNIT_GROUPS", checklist.noc.data.EXPECTED_UNIT_GROUPS)
    use_fixture_count()
    return FIXTURE_NOC_DIR


@pytest.fixture(scope="session")
def noc_data(noc_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Parsed from the CSVs (no cache), shared by every test of the session."""
    from checklist.noc import load_noc_data

    return load_noc_data(noc_dir, cache=False)


@pytest.fixture(scope="session")
def json_view(noc_dir: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """The derived JSON view, used only to cross-check the loader."""
    path = noc_dir / "noc2021_unit_groups.json"
    if not path.is_file():
        pytest.skip(f"the derived JSON view is not beside the NOC files in {noc_dir}")
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {r["code"]: r for r in rows}


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user data/cache folders from tests."""
    monkeypatch.setenv("CEC_CHECKLIST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CEC_CHECKLIST_NOC_DATA", raising=False)
    monkeypatch.setattr("checklist.noc.store.default_noc_dir", lambda: tmp_path / "userdata" / "noc2021")
