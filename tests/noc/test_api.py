"""The public API is importable and light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import checklist.noc as noc


def test_public_names() -> None:
    for name in (
        "UnitGroup",
        "NocData",
        "SearchHit",
        "DutyMatch",
        "load_noc_data",
        "resolve_noc_dir",
        "install_noc_data",
        "match_duties",
    ):
        assert getattr(noc, name) is not None


def test_import_does_no_heavy_work() -> None:
    code = (
        "import sys, checklist; before = set(sys.modules); import checklist.noc; "
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in "
        "('pydantic', 'rapidfuzz', 'snowballstemmer', 'platformdirs') or m.startswith('checklist.noc.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "[]"


def test_unit_group_is_frozen(noc_data) -> None:  # type: ignore[no-untyped-def]
    g = noc_data.get("21232")
    try:
        g.title = "x"  # type: ignore[misc]
    except Exception:  # noqa: BLE001, S110 - pydantic raises ValidationError or TypeError by version: either is fine
        pass
    assert g.title == "Software developers and programmers"
    dumped = g.model_dump(mode="json")
    assert {"code", "title", "teer", "lead_statement", "main_duties", "example_titles"} <= set(dumped)
