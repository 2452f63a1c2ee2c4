"""Fields of a work permit (IMM 1442)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from checklist.models.fields import KindFields

Restriction = Literal["health_services", "child_care", "teaching"]


class WorkPermitFields(KindFields):
    holder_name: str | None = None
    permit_number: str | None = None
    uci: str | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    permit_type: Literal["open", "employer_specific"] | None = (
        None  # None: the permit does not say (never "open" by default)
    )
    employer: str | None = None
    occupation: str | None = None
    noc_code: str | None = None
    conditions: list[str] = []  # as printed, one sentence each
    restrictions: list[Restriction] = []  # occupations the conditions exclude (an open permit without a medical exam)
    coop: bool | None = None  # tied to a study program (co-op, internship): student work
    refugee_claimant: bool | None = None  # issued to a refugee claimant (R206): no temporary resident status
