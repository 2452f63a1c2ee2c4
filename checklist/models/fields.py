"""What every kind's fields share: the base model, provenance, and value types.

Each kind's own fields model lives in its folder (`checklist/kinds/<kind>/
fields.py`). Every key is always present (None when the document does not
state it), so the JSON report has a stable shape. Where a value came from is
kept apart (`checklist.models.document.FieldSource`), so fields hold plain values.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SalaryPeriod = Literal["year", "month", "week", "hour"]


class KindFields(BaseModel):
    """Base of every kind's fields model (extra keys are a programming error)."""

    model_config = ConfigDict(extra="forbid")


class NoFields(KindFields):
    """Fields of the kinds that have none (other, unreadable)."""
