"""The applicant's claims, as entered in the Express Entry profile (case.yaml).

Inputs are strict (`extra="forbid"`): a typo in a field name is an error the
user must see, not a silently ignored claim.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checklist.errors import shown

PROVINCE_CODES = frozenset({"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"})


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
    physician_fee_for_service: bool = False  # the temporary public policy for fee-for-service physicians applies

    @field_validator("noc", mode="before")
    @classmethod
    def _noc_as_written(cls, value: object) -> str:
        """The code as the user wrote it (the loader passes the YAML text, so 00012 stays 00012).

        Five digits is a NOC 2021 code; four digits is a NOC 2016 code, kept so the
        checks can name its NOC 2021 successors; anything else is refused."""
        text = str(value).strip() if value is not None else ""
        if not (len(text) in (4, 5) and text.isdigit()):
            raise ValueError(f"NOC must be a NOC 2021 code of five digits, got {shown(value)}")
        return text

    @model_validator(mode="after")
    def _end_after_start(self) -> Job:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    @property
    def noc_2016(self) -> bool:
        """A four-digit code: NOC 2016, replaced by NOC 2021 since 2022-11-16."""
        return len(self.noc) == 4

    @property
    def teer(self) -> int | None:
        """TEER category: the second digit of a NOC 2021 code (None for a NOC 2016 code)."""
        return None if self.noc_2016 else int(self.noc[1])


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

    applicant: str = Field(min_length=1)  # the legal name, as on the documents
    case_name: str | None = None  # the consultant's own name for the case: shown, never compared
    ita_date: dt.date | None = None
    application_date: dt.date | None = None
    intended_province: str | None = None
    jobs: list[Job] = Field(min_length=1)
    study: list[StudyPeriod] = Field(default_factory=list)

    @field_validator("intended_province", mode="before")
    @classmethod
    def _province_code(cls, value: object) -> str | None:
        if value is None:
            return None
        code = str(value).strip().upper()
        if code not in PROVINCE_CODES:
            raise ValueError(
                f"intended_province must be a two-letter province or territory code ({', '.join(sorted(PROVINCE_CODES))}), got {value!r}"
            )
        return code

    def window_end(self, today: dt.date) -> dt.date:
        """The day the 3-year window ends: the application date when given, else today."""
        return self.application_date or today
