"""Dates, money and hours as real documents write them (the issue's list and more)."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.text.dates import find_date_range, parse_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.money import find_money, salary_period
from checklist.text.normalize import company_key, person_key


@pytest.mark.parametrize(
    "text",
    [
        "March 1, 2023",
        "2023-03-01",
        "1 March 2023",
        "Mar. 1st, 2023",
        "1er mars 2023",
        "le 1er mars 2023",
        "2023/03/01",
        "01 MAR 2023",
        "MARCH 1 2023",
        "1 mars 2023",
    ],
)
def test_dates(text: str) -> None:
    assert parse_date(text) == dt.date(2023, 3, 1)


def test_numeric_day_first_when_unambiguous() -> None:
    assert parse_date("15/10/2025") == dt.date(2025, 10, 15)


@pytest.mark.parametrize(
    "text,amount",
    [
        ("$72,000.00", 72000.0),
        ("CAD 68,500 per annum", 68500.0),
        ("$28.50/hour", 28.5),
        ("72 000,00 $", 72000.0),
        ("82 000 $", 82000.0),
    ],
)
def test_money(text: str, amount: float) -> None:
    assert find_money(text)[0].value == pytest.approx(amount)


@pytest.mark.parametrize(
    "context,period",
    [
        ("per annum", "year"),
        ("/hour", "hour"),
        ("per month", "month"),
        ("par année", "year"),
        ("de l'heure", "hour"),
        ("a week", "week"),
    ],
)
def test_salary_period(context: str, period: str) -> None:
    assert salary_period(context) == period


def test_salary_period_nearest_before_the_amount() -> None:
    assert salary_period("works 40 hours per week and earns an annual salary of", before=True) == "year"


@pytest.mark.parametrize(
    "text,hours",
    [
        ("40 hours per week", 40),
        ("37.5 hrs/week", 37.5),
        ("full-time (35 hours weekly)", 35),
        ("8 hours a day, 5 days a week", 40),
        ("37,5 heures par semaine", 37.5),
        ("a 40-hour week", 40),
        ("Hours of work per week: 40", 40),
        ("Her usual schedule is 7.5 hours a day, 4 days a week", 30),  # the schedule is per day
        ("Son horaire est de 8 heures par jour, 5 jours par semaine", 40),
    ],
)
def test_hours(text: str, hours: float) -> None:
    found = parse_hours_per_week(text)
    assert found is not None and found.value == pytest.approx(hours)


def test_no_hours_in_a_full_time_mention() -> None:
    assert parse_hours_per_week("This is a full-time permanent position.") is None


def test_compact_and_french_ranges() -> None:
    assert find_date_range("Oct 1-15, 2025") == (dt.date(2025, 10, 1), dt.date(2025, 10, 15))
    assert find_date_range("du 2024-03-03 au 2024-03-16") == (dt.date(2024, 3, 3), dt.date(2024, 3, 16))


def test_company_and_person_keys() -> None:
    assert company_key("Brightside Games Inc..") == company_key("BRIGHTSIDE GAMES INC.") == "brightside games"
    assert company_key("Groupe Conseil Rivière-Nord inc.") == "groupe conseil riviere nord"
    assert person_key("SANTOS, MARIA") == person_key("Ms. Maria Santos")
