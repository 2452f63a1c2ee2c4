"""Result and reference models of the NOC subsystem (frozen pydantic).

``UnitGroup`` is what ``cec-checklist noc CODE -f json`` prints and what the
rules read; ``SearchHit`` is one line of ``noc search``. Both are frozen so a
loaded NOC data set can be shared freely between checks.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Exclusion(BaseModel):
    """A title the NOC sends to another unit group ("See 21232")."""

    model_config = ConfigDict(frozen=True)

    code: str
    job_title: str | None = None


class UnitGroup(BaseModel):
    """One NOC 2021 V1.0 unit group (5-digit code), all OaSIS profiles merged."""

    model_config = ConfigDict(frozen=True)

    code: str
    title: str
    teer: int = Field(ge=0, le=5)
    lead_statement: str
    main_duties: tuple[str, ...]
    example_titles: tuple[str, ...] = ()
    """The NOC "Illustrative example(s)"."""
    all_example_titles: tuple[str, ...] = ()
    """Illustrative examples, the rest of "All examples" and inclusions."""
    profile_labels: tuple[str, ...] = ()
    """OaSIS profile labels: the occupation sub-headings inside the group."""
    exclusions: tuple[Exclusion, ...] = ()


class SearchHit(BaseModel):
    """One ranked unit group for a search text; ``score`` is in [0, 1]."""

    model_config = ConfigDict(frozen=True)

    code: str
    title: str
    teer: int
    score: float = Field(ge=0.0, le=1.0)

    def as_row(self) -> dict[str, object]:
        """The contract's JSON row for `noc search -f json` (and the web page's suggestions)."""
        return {"code": self.code, "title": self.title, "teer": self.teer, "score": round(self.score, 4)}
