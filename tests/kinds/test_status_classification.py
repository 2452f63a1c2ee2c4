"""The title an IMM 1442 form prints decides its kind; IRCC's letters about applications are letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.classify import classify_text

ROOT = Path(__file__).resolve().parent


@pytest.mark.parametrize("kind", ["study_permit", "visitor_record", "ircc_letter"])
def test_status_documents_are_their_own_kind(kind: str) -> None:
    for fixture in sorted((ROOT / kind / "fixtures").glob("*.txt")):
        text = " ".join(fixture.read_text(encoding="utf-8").split())
        assert classify_text(text).kind.value == kind, fixture.name
