"""Score to CLB, at every boundary of IRCC's equivalency charts.

The ranges below are typed again from the charts as IRCC prints them
("lowest-highest" per CLB 10 to 4), independently of the module's rows: for
each test, skill and level, the lowest and highest score of the range give
that level, and one step under the lowest gives the level below.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.kinds.language_test.clb import SKILLS, clb_levels

# CLB 10, 9, 8, 7, 6, 5, 4, as the charts print them (columns reading, writing, listening, speaking).
CHARTS: dict[str, dict[str, list[str]]] = {
    "celpip_general": {s: ["10-12", "9", "8", "7", "6", "5", "4"] for s in SKILLS},
    "ielts_general": {
        "reading": ["8.0-9.0", "7.0-7.5", "6.5", "6.0", "5.0-5.5", "4.0-4.5", "3.5"],
        "writing": ["7.5-9.0", "7.0", "6.5", "6.0", "5.5", "5.0", "4.0-4.5"],
        "listening": ["8.5-9.0", "8.0", "7.5", "6.0-7.0", "5.5", "5.0", "4.5"],
        "speaking": ["7.5-9.0", "7.0", "6.5", "6.0", "5.5", "5.0", "4.0-4.5"],
    },
    "pte_core": {
        "reading": ["88-90", "78-87", "69-77", "60-68", "51-59", "42-50", "33-41"],
        "writing": ["90", "88-89", "79-87", "69-78", "60-68", "51-59", "41-50"],
        "listening": ["89-90", "82-88", "71-81", "60-70", "50-59", "39-49", "28-38"],
        "speaking": ["89-90", "84-88", "76-83", "68-75", "59-67", "51-58", "42-50"],
    },
    "tcf_canada": {
        "reading": ["549-699", "524-548", "499-523", "453-498", "406-452", "375-405", "342-374"],
        "writing": ["16-20", "14-15", "12-13", "10-11", "7-9", "6", "4-5"],
        "listening": ["549-699", "523-548", "503-522", "458-502", "398-457", "369-397", "331-368"],
        "speaking": ["16-20", "14-15", "12-13", "10-11", "7-9", "6", "4-5"],
    },
    "tef_canada@2024-03-01": {
        "reading": ["546-699", "503-545", "462-502", "434-461", "393-433", "352-392", "306-351"],
        "writing": ["558-699", "512-557", "472-511", "428-471", "379-427", "330-378", "268-329"],
        "listening": ["546-699", "503-545", "462-502", "434-461", "393-433", "352-392", "306-351"],
        "speaking": ["556-699", "518-555", "494-517", "456-493", "422-455", "387-421", "328-386"],
    },
    "tef_canada@2021-06-15": {
        s: ["566-699", "533-565", "500-532", "450-499", "400-449", "350-399", "300-349"] for s in SKILLS
    },
    "tef_canada@2018-05-20": {
        "reading": ["263-300", "248-262", "233-247", "207-232", "181-206", "151-180", "121-150"],
        "writing": ["393-450", "371-392", "349-370", "310-348", "271-309", "226-270", "181-225"],
        "listening": ["316-360", "298-315", "280-297", "249-279", "217-248", "181-216", "145-180"],
        "speaking": ["393-450", "371-392", "349-370", "310-348", "271-309", "226-270", "181-225"],
    },
}


def _cases() -> list[tuple[str, str, int, float, float, float]]:
    out = []
    for chart, skills in CHARTS.items():
        step = 0.5 if chart.startswith("ielts") else 1
        for skill, ranges in skills.items():
            for level, printed in zip(range(10, 3, -1), ranges):
                low, _, high = printed.partition("-")
                out.append((chart, skill, level, float(low), float(high or low), float(low) - step))
    return out


def _level(chart: str, skill: str, score: float) -> int | None:
    test, _, day = chart.partition("@")
    return clb_levels(test, dt.date.fromisoformat(day) if day else dt.date(2025, 6, 1), {skill: score})[skill]  # type: ignore[index]


@pytest.mark.parametrize(("chart", "skill", "level", "low", "high", "below"), _cases(), ids=lambda v: str(v))
def test_each_boundary(chart: str, skill: str, level: int, low: float, high: float, below: float) -> None:
    assert _level(chart, skill, low) == level
    assert _level(chart, skill, high) == level
    assert _level(chart, skill, below) == level - 1


def test_tef_canada_table_follows_the_test_date() -> None:
    scores = {"listening": 450, "reading": 450, "writing": 450, "speaking": 450}
    assert clb_levels("tef_canada", dt.date(2023, 12, 11), scores) == {
        "listening": 7,
        "reading": 7,
        "writing": 7,
        "speaking": 6,
    }
    assert clb_levels("tef_canada", dt.date(2023, 12, 10), scores) == {s: 7 for s in SKILLS}


def test_tef_canada_without_a_date_keeps_only_the_levels_the_tables_agree_on() -> None:
    scores = {"listening": 600, "reading": 440, "writing": 450, "speaking": 440}
    # Both 0-699 tables agree on 600 (CLB 10), writing 450 (7) and speaking 440 (6); reading 440 is 6 or 7.
    assert clb_levels("tef_canada", None, scores) == {"listening": 10, "reading": None, "writing": 7, "speaking": 6}


def test_scores_off_the_scale_or_of_other_tests_have_no_level() -> None:
    assert clb_levels("ielts_general", None, {"reading": 9.5})["reading"] is None
    assert clb_levels("pte_core", None, {"reading": 5})["reading"] is None
    assert clb_levels("tcf_canada", None, {"writing": 21})["writing"] is None
    assert clb_levels("ielts_academic", None, {"reading": 8.0}) == {s: None for s in SKILLS}
    assert clb_levels(None, None, {"reading": 8.0})["reading"] is None


def test_over_the_top_row_is_clb_10_and_celpip_m_is_under_the_chart() -> None:
    assert clb_levels("celpip_general", None, {"writing": 12, "reading": 0}) == {
        "listening": None,
        "reading": 3,
        "writing": 10,
        "speaking": None,
    }
