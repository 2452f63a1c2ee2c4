"""Dates in the written forms real letters, stubs and HR exports use."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.text.dates import document_dates, find_date_range, loose_date, month_of, numeric_order, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("with effect from 06-May-24", D(2024, 5, 6)),
        ("Issued: 20240506", D(2024, 5, 6)),
        ("from the 4th of April, 2022", D(2022, 4, 4)),
        ("Issued this 9th day of January, 2026 at Regina", D(2026, 1, 9)),
        ("depuis le 1er septembre 2021", D(2021, 9, 1)),
        ("le 2 mai 2021", D(2021, 5, 2)),
        ("23/04/2021", D(2021, 4, 23)),
    ],
)
def test_written_forms_read(text: str, want: dt.date) -> None:
    assert parse_date(text) == want


def test_a_number_that_is_not_a_date_is_not_read_as_one() -> None:
    assert parse_date("Employee ID 20251399") is None  # month 13
    assert parse_date("Advice Number: 00000540021") is None


def test_numeric_order_is_decided_by_the_document_not_by_default() -> None:
    text = "For the period 01-02-2024 to 29-02-2024, paid 01-03-2024"
    assert numeric_order(text) is True
    assert numeric_order("Start 04/13/2022, letter 05/02/2024") is False
    assert numeric_order("Format DD/MM/YYYY: 01/02/2024") is True
    assert numeric_order("Le 01/02/2024", "fr") is True
    assert numeric_order("On 01/02/2024") is None
    with document_dates(text):
        assert find_date_range(text) == (D(2024, 2, 1), D(2024, 2, 29))
        assert parse_date("01-03-2024") == D(2024, 3, 1)
    assert parse_date("01-03-2024") == D(2024, 1, 3)  # outside a document: the old month-first reading


def test_month_and_year_dates_keep_their_precision_as_first_or_last_day() -> None:
    assert month_of("since July 2022") == (2022, 7)
    assert month_of("depuis mars 2023") == (2023, 3)
    assert month_of("on 15 March 2021") is None  # a full date is not a month date
    assert loose_date("June 2021") == D(2021, 6, 1)
    assert loose_date("March 2022", end=True) == D(2022, 3, 31)
    assert loose_date("February 2024", end=True) == D(2024, 2, 29)
    assert loose_date("2022") == D(2022, 1, 1)
    assert loose_date("2023", end=True) == D(2023, 12, 31)
    assert loose_date("March 15, 2021", end=True) == D(2021, 3, 15)
