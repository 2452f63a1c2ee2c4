"""Fields of a study permit (IMM 1442)."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields


class StudyPermitFields(KindFields):
    holder_name: str | None = None
    permit_number: str | None = None
    uci: str | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    school: str | None = None  # the designated learning institution, as printed
    conditions: list[str] = []  # as printed, one sentence each
