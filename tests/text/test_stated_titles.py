"""A stated title is the title alone: no schedule, determiner or date, and never a pronoun."""

from __future__ import annotations

import re

import pytest

from checklist.text.stated_titles import TITLE_PATTERNS, title_value


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("our Logistics Coordinator", "Logistics Coordinator"),
        ("full-time Line Cook", "Line Cook"),
        ("l'adjointe administrative", "adjointe administrative"),
    ],
)
def test_title_value_keeps_the_title_alone(text: str, title: str) -> None:
    assert title_value(text) == title


@pytest.mark.parametrize("text", ["full-time", "she", "March 6, 2023 Cook", "a member of our team and more words here"])
def test_title_value_refuses_what_is_no_title(text: str) -> None:
    assert title_value(text) is None


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("She has been employed with us as a Payroll Clerk since 2021.", "Payroll Clerk"),
        ("Il travaille à titre de cuisinier depuis le 3 mars 2022.", "cuisinier"),
        ("He served in the capacity of Site Supervisor from 2020.", "Site Supervisor"),
    ],
)
def test_title_patterns_find_the_title_in_prose(sentence: str, title: str) -> None:
    found = [m.group(1) for p in TITLE_PATTERNS if (m := re.search(p, sentence, re.IGNORECASE))]
    assert title in found
