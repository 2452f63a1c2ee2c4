"""Which documents are work permits: the printed title decides among the IMM 1442
kinds, and a co-op permit is still a work permit (issue 15)."""

from __future__ import annotations

import pytest

from checklist.models.document import DocumentKind
from tests.kinds.work_permit.test_extractor import (
    COOP,
    FRENCH_EMPLOYER_SPECIFIC,
    OCR_SPOUSAL,
    PGWP_TWO_COLUMNS,
    REFUGEE,
)
from tests.support.views import kind_of


@pytest.mark.parametrize(
    "text",
    [PGWP_TWO_COLUMNS, FRENCH_EMPLOYER_SPECIFIC, OCR_SPOUSAL, COOP, REFUGEE],
    ids=["pgwp", "french", "ocr", "coop", "refugee"],
)
def test_work_permits_classify_as_work_permits(text: str) -> None:
    assert kind_of(text) is DocumentKind.WORK_PERMIT


def test_a_coop_permit_that_talks_about_studies_is_a_work_permit() -> None:
    text = COOP + "HOLDER MUST ALSO HOLD A VALID STUDY PERMIT FOR THE SAME SCHOOL.\n"
    assert kind_of(text) is DocumentKind.WORK_PERMIT


def test_a_pgwp_naming_the_former_study_permit_is_a_work_permit() -> None:
    text = PGWP_TWO_COLUMNS.replace(
        "GRADUATE OF RIVERBEND POLYTECHNIC", "FORMER STUDY PERMIT S100200300, RIVERBEND POLYTECHNIC"
    )
    assert kind_of(text) is DocumentKind.WORK_PERMIT


@pytest.mark.xfail(strict=True, reason="known gap, see the closing note of issue 15")
def test_an_imm1442_whose_title_ocr_lost_but_with_employer_fields_is_a_work_permit() -> None:
    text = "\n".join(line for line in PGWP_TWO_COLUMNS.splitlines() if "PERMIT" not in line and "PERMIS" not in line)
    assert kind_of(text) is DocumentKind.WORK_PERMIT
