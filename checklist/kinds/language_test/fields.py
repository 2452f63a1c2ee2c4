"""Fields of a language test result (IELTS, CELPIP, PTE, TEF Canada, TCF Canada).

`clb` is derived from the scores by IRCC's equivalency charts
(`checklist.kinds.language_test.clb`) each time the fields are built, so a
corrected score or date always gives its level; a level the document
prints (a TEF Canada NCLC) is kept only for a skill whose score is unknown.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from checklist.kinds.language_test.clb import SKILLS, clb_levels
from checklist.models.fields import KindFields

LanguageTestName = Literal[
    "ielts_general",
    "celpip_general",
    "pte_core",
    "tef_canada",
    "tcf_canada",
    "ielts_academic",
    "pte_academic",  # results IRCC does not accept: recognised so they never pass as accepted ones
]
Score = int | float  # as printed: an IELTS band 6.5, a CELPIP level 8 (M is 0), a TEF score 452


class ClbLevels(BaseModel):
    """The CLB (English) or NCLC (French) level of each skill; None where unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    listening: int | None = None
    reading: int | None = None
    writing: int | None = None
    speaking: int | None = None


class LanguageTestFields(KindFields):
    test: LanguageTestName | None = None
    holder_name: str | None = None
    test_date: dt.date | None = None
    listening: Score | None = None
    reading: Score | None = None
    writing: Score | None = None
    speaking: Score | None = None
    clb: ClbLevels | None = None

    @model_validator(mode="after")
    def _levels_from_scores(self) -> LanguageTestFields:
        scores = {skill: getattr(self, skill) for skill in SKILLS}
        computed = clb_levels(self.test, self.test_date, scores)
        printed = self.clb or ClbLevels()
        levels = {
            skill: computed[skill] if computed[skill] is not None else getattr(printed, skill) for skill in SKILLS
        }
        self.clb = ClbLevels(**levels) if any(v is not None for v in levels.values()) else None
        return self
