"""Fields of a visitor record (IMM 1442)."""

from __future__ import annotations

import datetime as dt

from checklist.models.fields import KindFields


class VisitorRecordFields(KindFields):
    holder_name: str | None = None
    uci: str | None = None
    issue_date: dt.date | None = None
    expiry_date: dt.date | None = None
    conditions: list[str] = []  # as printed, one sentence each ("NOT AUTHORIZED TO WORK OR STUDY IN CANADA.")
