"""IRCC letters talk about work permits all along and are still IRCC letters (issue 15)."""

from __future__ import annotations

import pytest

from checklist.models.document import DocumentKind
from tests.kinds.ircc_letter.test_extractor import FRENCH_INTERIM, FRENCH_RECEIPT, INTERIM, R186W, RECEIPT
from tests.support.views import kind_of


@pytest.mark.parametrize(
    "text",
    [RECEIPT, INTERIM, R186W, FRENCH_RECEIPT, FRENCH_INTERIM],
    ids=["receipt", "interim", "r186w", "accuse", "autorisation"],
)
def test_ircc_letters_classify_as_ircc_letters(text: str) -> None:
    assert kind_of(text) is DocumentKind.IRCC_LETTER


def test_a_letter_quoting_the_work_permit_title_is_an_ircc_letter() -> None:
    text = (
        INTERIM
        + "\nYour previous WORK PERMIT / PERMIS DE TRAVAIL (IMM 1442) expired; keep a copy of it with this letter.\n"
    )
    assert kind_of(text) is DocumentKind.IRCC_LETTER


def test_maintained_status_wording_in_a_short_letter() -> None:
    """It speaks to the holder of their application, which no permit does."""
    text = (
        "Immigration, Refugees and Citizenship Canada\nApplication number: W300000111\n"
        "You are on maintained status (R186(u)) while we process your application to extend your work permit.\n"
    )
    assert kind_of(text) is DocumentKind.IRCC_LETTER


def test_a_reference_letter_mentioning_maintained_status_stays_a_reference_letter() -> None:
    text = """\
Lakeside Dental Group Inc.
210 Water Street, Kingston ON K7L 1A1 | 613-555-0142 | hr@lakesidedental.ca
To whom it may concern,
This letter confirms that Ana Souza has been employed by Lakeside Dental Group Inc. as a Dental Office
Administrator since March 6, 2023, working 37.5 hours per week at an annual salary of $52,000 plus benefits.
Her duties include scheduling patients, processing insurance claims and managing patient records.
She worked on maintained status while her work permit extension was processed.
Sincerely,
Helen Park, Office Manager
"""
    assert kind_of(text) is DocumentKind.REFERENCE_LETTER
