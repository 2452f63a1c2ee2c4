"""The applicant's claims, as entered in the Express Entry profile (case.yaml).

Inputs are strict (`extra="forbid"`): a typo in a field name is an error the
user must see, not a silently ignored claim.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checklist.errors import shown


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Job(_Input):
    """One position claimed in the profile."""

    employer: str = Field(min_length=1)
    title: str = Field(min_length=1)
    noc: str
    start: dt.date
    end: dt.date | None = None
    hours_per_week: float = Field(gt=0, le=168)
    self_employed: bool = False

    @field_validator("noc", mode="before")
    @classmethod
    def _noc_is_five_digits(cls, value: object) -> str:
        text = str(value).strip() if value is not None else ""
        if isinstance(value, int) and len(text) == 4:
            text = text.zfill(5)  # YAML read 01234 as an int
        if not (len(text) == 5 and text.isdigit()):
            raise ValueError(f"NOC must be a NOC 2021 code of five digits, got {shown(value)}")
        return text

    @model_validator(mode="after")
    def _end_after_start(self) -> Job:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    @property
    def teer(self) -> int:
        """TEER category: the second digit of a NOC 2021 code."""
        return int(self.noc[1])


class StudyPeriod(_Input):
    """A period of full-time study: work done then does not count."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _end_after_start(self) -> StudyPeriod:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Case(_Input):
    """The whole case.yaml."""

    applicant: str = Field(min_length=1)
    ita_date: dt.date | None = None
    application_date: dt.date | None = None
    jobs: list[Job] = Field(min_length=1)
    study: list[StudyPeriod] = Field(default_factory=list)

    def as_of(self, override: dt.date | None = None, today: dt.date | None = None) -> dt.date:
        """The day the 3-year window ends (contract: --as-of, application, ITA, today)."""
        return override or self.application_date or self.ita_date or today or dt.date.today()
