"""A study permit is never a work permit, though it prints on the same form and
speaks of work (issue 15)."""

from __future__ import annotations

from checklist.models.document import DocumentKind
from tests.kinds.study_permit.test_extractor import ENGLISH, FRENCH, OCR
from tests.support.views import kind_of


def test_study_permits_classify_as_study_permits() -> None:
    for text in (ENGLISH, FRENCH, OCR):
        assert kind_of(text) is DocumentKind.STUDY_PERMIT


def test_a_study_permit_allowing_work_and_naming_a_work_permit_is_still_a_study_permit() -> None:
    text = ENGLISH.replace(
        "FULL-TIME STUDENT.", "FULL-TIME STUDENT. NOT AUTHORIZED TO WORK OFF CAMPUS WITHOUT A WORK PERMIT."
    )
    assert kind_of(text) is DocumentKind.STUDY_PERMIT


def test_the_imm1442_words_alone_do_not_make_a_study_permit_a_work_permit() -> None:
    text = ENGLISH + "IMM 1442 B (04-2023)   UCI   CASE TYPE / GENRE DE CAS 30   PERMIT NO.\n"
    assert kind_of(text) is DocumentKind.STUDY_PERMIT
