"""A visitor record is its own kind, even when its remarks mention a work permit (issue 15)."""

from __future__ import annotations

from checklist.models.document import DocumentKind
from tests.kinds.visitor_record.test_extractor import ENGLISH, FRENCH
from tests.support.views import kind_of


def test_visitor_records_classify_as_visitor_records() -> None:
    assert kind_of(ENGLISH) is DocumentKind.VISITOR_RECORD  # its remarks mention the previous work permit
    assert kind_of(FRENCH) is DocumentKind.VISITOR_RECORD
