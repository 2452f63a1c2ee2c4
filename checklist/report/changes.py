"""What changed between two checks of one case: findings fixed, findings new.

A finding that disappears because the document it was about was removed is
not "fixed": it is listed apart, so removing a weak letter never reads as
having repaired it.

Both reports are JSON dumps (the web app keeps each check as JSON). A finding
is "the same" in both when its code, job and documents agree: the message may
carry numbers that move (hours short, days of gap) while the gap stays open.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Changes(BaseModel):
    """The difference from the previous check to the latest one."""

    model_config = ConfigDict(frozen=True)

    was_ready: bool
    ready: bool
    hours_before: float
    hours_now: float
    fixed: list[dict[str, Any]]
    new: list[dict[str, Any]]
    dropped: list[dict[str, Any]]  # gone only because a document they were about was removed
    still_open: int
    documents_added: list[str]
    documents_removed: list[str]

    @property
    def anything(self) -> bool:
        return bool(
            self.fixed
            or self.new
            or self.dropped
            or self.documents_added
            or self.documents_removed
            or self.was_ready != self.ready
            or abs(self.hours_now - self.hours_before) >= 0.05
        )


def finding_key(finding: dict[str, Any]) -> tuple[str, Any, tuple[str, ...]]:
    return finding["code"], finding.get("job"), tuple(sorted(finding.get("documents") or ()))


def compare_reports(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """Findings fixed and new, verdict and hours before and after, documents added and removed."""
    old = {finding_key(f): f for f in before.get("findings", [])}
    new = {finding_key(f): f for f in after.get("findings", [])}
    old_docs = {d["path"] for d in before.get("documents", [])}
    new_docs = {d["path"] for d in after.get("documents", [])}
    removed = old_docs - new_docs
    gone = [f for key, f in old.items() if key not in new]
    return Changes(
        was_ready=bool(before.get("ready")),
        ready=bool(after.get("ready")),
        hours_before=float(before.get("experience", {}).get("qualifying_hours", 0.0)),
        hours_now=float(after.get("experience", {}).get("qualifying_hours", 0.0)),
        fixed=[f for f in gone if not removed.intersection(f.get("documents") or ())],
        dropped=[f for f in gone if removed.intersection(f.get("documents") or ())],
        new=[f for key, f in new.items() if key not in old],
        still_open=sum(1 for key in new if key in old),
        documents_added=sorted(new_docs - old_docs),
        documents_removed=sorted(removed),
    )
