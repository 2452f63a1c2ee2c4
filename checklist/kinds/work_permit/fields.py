"""Fields of a work permit (IMM 1442)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from checklist.models.fields import KindFields


class WorkPermitFields(KindFields):
    holder_name: str | None = None
    permit_number: str | None = None
    uci: str | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    permit_type: Literal["open", "employer_specific"] | None = None
    employer: str | None = None
    occupation: str | None = None
    noc_code: str | None = None
