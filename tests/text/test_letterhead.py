"""The organisation a letterhead names without a legal form, and what is no letterhead."""

from __future__ import annotations

from checklist.text.letterhead import letterhead_name
from checklist.text.view import TextView


def test_first_line_organisation_is_the_letterhead() -> None:
    view = TextView.from_text("Riverside Dental Clinic\n12 King St, Halifax NS\nTo whom it may concern,")
    line = letterhead_name(view)
    assert line is not None and line.stripped == "Riverside Dental Clinic"


def test_sender_block_on_top_names_the_organisation_not_the_person() -> None:
    view = TextView.from_text("From: Dana Lee\nHR Manager\nNorthwind Freight Services\n\nTo whom it may concern,")
    line = letterhead_name(view)
    assert line is not None and line.stripped == "Northwind Freight Services"


def test_a_heading_is_no_letterhead() -> None:
    view = TextView.from_text("To whom it may concern\nThis letter confirms ...")
    assert letterhead_name(view) is None


def test_a_name_in_capitals_ending_in_an_abbreviation_is_a_letterhead() -> None:
    view = TextView.from_text("ESCRITORIO SERRA VERDE LTDA.\nRua das Flores 12\nTo whom it may concern,")
    line = letterhead_name(view)
    assert line is not None and line.stripped == "ESCRITORIO SERRA VERDE LTDA."
