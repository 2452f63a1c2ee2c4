"""Test scores to CLB/NCLC levels, by IRCC's published equivalency charts.

Source: Immigration, Refugees and Citizenship Canada, "Language test
equivalency charts" (program delivery instructions, standard requirements),
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/standard-requirements/language-requirements/test-equivalency-charts.html
and the same tables on "Find your language level based on your test
results",
https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/after-graduation/eligibility/language-results.html
(tabs CELPIP (General), IELTS (General Training), PTE Core, TEF Canada,
TCF Canada). Seen 2026-12-02 through the project's reference search: the
CELPIP, IELTS General Training, TCF Canada and pre-2019 TEF Canada tables
in the stored copy of the first page; the PTE Core table and the two later
TEF Canada tables in a transcription of the second page (accessed there
2025-12-07, in the public repository ranjan-expatready/Neuron,
domain_knowledge/raw/language/clb_tables.md), whose other tables match the
first page exactly; the CLB 7 rows of PTE Core and of the 2023 TEF Canada
table also match secondary sources (CIC News, 2024-02-07; course notes).
Check the page again when IRCC revises it; the figures below are its
facts, copied row by row.

Each chart lists, per skill, the score range of CLB 4 to CLB 10 (the top
row reads "10 and above"). A score is at the level of the highest row whose
lowest score it reaches, so only those lowest scores are kept here. Two
readings the charts leave open, decided here:

- over the top row: CLB 10 (the charts stop there; a CELPIP 11 or 12 is
  CLB 10 for IRCC's purposes);
- under the lowest row: one level below it (CLB 3 for most tests, CLB 2
  for PTE Core, whose chart starts at CLB 3). The chart gives no finer
  level, and any such score is under every CEC minimum.

TEF Canada changed its score scale twice, so the table depends on the
test date (the current page gives the first two, by test date; the third
is the table the page gave before the 2019 scale):

- tests taken on or after 2023-12-11: ``TEF_2023`` (its own range per skill);
- tests taken 2019-10-01 to 2023-12-10: ``TEF_2019`` (one range for all skills);
- tests taken before 2019-10-01: ``TEF_LEGACY`` (reading out of 300,
  listening out of 360, writing and speaking out of 450).

With no test date, every TEF table whose scales hold all the printed
scores is tried, and a skill gets a level only where those tables agree:
an unknown date leaves a level unknown rather than guessed.

CELPIP-General reports levels 1-12 (or M, below level 1, read as 0);
IELTS General Training bands 0-9 in half bands; PTE Core 10-90; TCF Canada
listening and reading 0-699, writing and speaking 0-20. IELTS Academic and
PTE Academic results have no chart: IRCC does not accept them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Skill = Literal["listening", "reading", "writing", "speaking"]
SKILLS: tuple[Skill, ...] = ("listening", "reading", "writing", "speaking")
TOP = 10

DESIGNATED = ("ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada")
TEST_NAMES = {
    "ielts_general": "IELTS General Training",
    "celpip_general": "CELPIP-General",
    "pte_core": "PTE Core",
    "tef_canada": "TEF Canada",
    "tcf_canada": "TCF Canada",
    "ielts_academic": "IELTS Academic",
    "pte_academic": "PTE Academic",
}


@dataclass(frozen=True)
class Chart:
    """One equivalency table: per skill, the lowest score of each level, highest level first."""

    name: str
    lowest_level: int  # the CLB of the chart's last row
    rows: Mapping[Skill, tuple[float, ...]]  # lowest score of CLB 10, 9, ... lowest_level
    scale: Mapping[Skill, tuple[float, float]]  # the score range the test reports

    def level(self, skill: Skill, score: float) -> int | None:
        low, high = self.scale[skill]
        if not low <= score <= high:
            return None
        for level, minimum in zip(range(TOP, self.lowest_level - 1, -1), self.rows[skill]):
            if score >= minimum:
                return level
        return self.lowest_level - 1

    def holds(self, scores: Mapping[Skill, float | None]) -> bool:
        """Every known score is on this chart's scale."""
        return all(self.scale[s][0] <= v <= self.scale[s][1] for s, v in scores.items() if v is not None)


def _same(row: tuple[float, ...]) -> dict[Skill, tuple[float, ...]]:
    return {skill: row for skill in SKILLS}


def _scale(low: float, high: float) -> dict[Skill, tuple[float, float]]:
    return {skill: (low, high) for skill in SKILLS}


# Rows are CLB 10, 9, 8, 7, 6, 5, 4 (PTE Core also 3): the lowest score of each range.
CELPIP_GENERAL = Chart("CELPIP-General", 4, _same((10, 9, 8, 7, 6, 5, 4)), _scale(0, 12))
IELTS_GENERAL = Chart(
    "IELTS General Training",
    4,
    {
        "reading": (8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5),
        "writing": (7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0),
        "listening": (8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5),
        "speaking": (7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0),
    },
    _scale(0, 9),
)
PTE_CORE = Chart(
    "PTE Core",
    3,
    {
        "reading": (88, 78, 69, 60, 51, 42, 33, 24),
        "writing": (90, 88, 79, 69, 60, 51, 41, 32),
        "listening": (89, 82, 71, 60, 50, 39, 28, 18),
        "speaking": (89, 84, 76, 68, 59, 51, 42, 34),
    },
    _scale(10, 90),
)
TEF_2023 = Chart(
    "TEF Canada (tests from 2023-12-11)",
    4,
    {
        "reading": (546, 503, 462, 434, 393, 352, 306),
        "writing": (558, 512, 472, 428, 379, 330, 268),
        "listening": (546, 503, 462, 434, 393, 352, 306),
        "speaking": (556, 518, 494, 456, 422, 387, 328),
    },
    _scale(0, 699),
)
TEF_2019 = Chart(
    "TEF Canada (tests 2019-10-01 to 2023-12-10)", 4, _same((566, 533, 500, 450, 400, 350, 300)), _scale(0, 699)
)
TEF_LEGACY = Chart(
    "TEF Canada (tests before 2019-10-01)",
    4,
    {
        "reading": (263, 248, 233, 207, 181, 151, 121),
        "writing": (393, 371, 349, 310, 271, 226, 181),
        "listening": (316, 298, 280, 249, 217, 181, 145),
        "speaking": (393, 371, 349, 310, 271, 226, 181),
    },
    {"reading": (0, 300), "writing": (0, 450), "listening": (0, 360), "speaking": (0, 450)},
)
TCF_CANADA = Chart(
    "TCF Canada",
    4,
    {
        "reading": (549, 524, 499, 453, 406, 375, 342),
        "writing": (16, 14, 12, 10, 7, 6, 4),
        "listening": (549, 523, 503, 458, 398, 369, 331),
        "speaking": (16, 14, 12, 10, 7, 6, 4),
    },
    {"reading": (0, 699), "writing": (0, 20), "listening": (0, 699), "speaking": (0, 20)},
)

TEF_2023_FROM = dt.date(2023, 12, 11)
TEF_2019_FROM = dt.date(2019, 10, 1)
CHARTS = {
    "celpip_general": CELPIP_GENERAL,
    "ielts_general": IELTS_GENERAL,
    "pte_core": PTE_CORE,
    "tcf_canada": TCF_CANADA,
}


def charts_for(test: str | None, test_date: dt.date | None) -> list[Chart]:
    """The chart that applies to a result (for TEF Canada without a date: every candidate)."""
    if test == "tef_canada":
        if test_date is None:
            return [TEF_2023, TEF_2019, TEF_LEGACY]
        if test_date >= TEF_2023_FROM:
            return [TEF_2023]
        return [TEF_2019] if test_date >= TEF_2019_FROM else [TEF_LEGACY]
    chart = CHARTS.get(test or "")
    return [chart] if chart else []


def clb_levels(
    test: str | None, test_date: dt.date | None, scores: Mapping[Skill, float | None]
) -> dict[Skill, int | None]:
    """The CLB/NCLC level of each skill; None where the score, the test or the chart is unknown."""
    charts = [chart for chart in charts_for(test, test_date) if chart.holds(scores)]
    out: dict[Skill, int | None] = {}
    for skill in SKILLS:
        score = scores.get(skill)
        levels = {chart.level(skill, score) for chart in charts} if score is not None else set()
        out[skill] = levels.pop() if len(levels) == 1 else None
    return out
