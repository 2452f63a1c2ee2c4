"""A table of positions: header words, dates and hours per row, and a letter without a table."""

from __future__ import annotations

import datetime as dt

from checklist.kinds.reference_letter.position_table import single_position, table_positions
from checklist.text.view import TextView

TABLE = """Position                 From          To            Hours per week
Kitchen Helper           2021-03-01    2022-05-31    30
Line Cook                2022-06-01    Present       40
"""


def test_rows_become_positions_with_dates_and_hours() -> None:
    positions = table_positions(TextView.from_text(TABLE))
    assert [(p.job_title, p.start_date, p.end_date, p.hours_per_week) for p in positions] == [
        ("Kitchen Helper", dt.date(2021, 3, 1), dt.date(2022, 5, 31), 30),
        ("Line Cook", dt.date(2022, 6, 1), None, 40),
    ]


def test_no_table_gives_no_positions() -> None:
    assert table_positions(TextView.from_text("She worked as a Line Cook from 2021 to 2023.")) == []


def test_a_letter_without_a_table_is_one_position_of_its_flat_fields() -> None:
    position = single_position({"job_title": "Line Cook", "start_date": dt.date(2022, 6, 1), "hours_per_week": 40})
    assert (position.job_title, position.start_date, position.hours_per_week) == ("Line Cook", dt.date(2022, 6, 1), 40)
