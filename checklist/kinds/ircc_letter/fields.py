"""Fields of a letter from IRCC about a pending application."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from checklist.models.fields import KindFields

LetterType = Literal["acknowledgement_of_receipt", "interim_authorization", "r186w", "other"]
ApplicationType = Literal[
    "work_permit_extension",
    "pgwp",
    "work_permit",
    "study_permit_extension",
    "study_permit",
    "visitor_record",
    "restoration",
    "permanent_residence",
    "other",
]


class IrccLetterFields(KindFields):
    letter_type: LetterType | None = None
    holder_name: str | None = None
    uci: str | None = None
    application_number: str | None = None
    application_type: ApplicationType | None = None
    received_date: dt.date | None = None  # the day IRCC received the application
    letter_date: dt.date | None = None
    valid_until: dt.date | None = None  # the last day an interim authorization letter says it is valid
