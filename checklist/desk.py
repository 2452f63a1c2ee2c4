"""The consultant's desk: one line per case, read from the report's JSON data.

The batch index, `summary.csv` and the web page's case list all show the
same facts (ITA date, deadline, days left, verdict, hours, top blocker
codes, what a person reviewed and acknowledged, the day of the last check).
They are read here from a report's dump, never from the case or the
documents, so the desk shows only what the report holds; the days left are
counted again from the day the desk is looked at, since a saved report
ages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

TOP_CODES = 3  # blocker codes shown per case: enough to see what blocks it, short enough for one cell
SORT_KEYS = ("case", "deadline", "blockers", "hours")


@dataclass(frozen=True)
class DeskFacts:
    """What a consultant scans per case; None is "not known" (no ITA date, no report yet)."""

    case_name: str | None = None
    ita_date: dt.date | None = None
    deadline: dt.date | None = None
    days_left: int | None = None
    verdict: str = ""  # ready | not ready | "" when there is no report
    hours: float | None = None  # qualifying hours in the window
    top_blockers: tuple[str, ...] = ()
    reviewed: int = 0  # documents with a person's review decision
    acknowledged: int = 0  # findings a person acknowledged
    checked: dt.date | None = None  # the day the last check saw as today


def desk_facts(data: dict[str, Any], today: dt.date) -> DeskFacts:
    """The desk line of one report dump (`Report.model_dump(mode="json")` or a saved report.json)."""
    deadline = _day(data.get("ita_deadline"))
    claims = data.get("claims") or {}
    return DeskFacts(
        case_name=data.get("case_name") or None,
        ita_date=_day(claims.get("ita_date")),
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        verdict="ready" if data.get("ready") else "not ready",
        hours=(data.get("experience") or {}).get("qualifying_hours"),
        top_blockers=top_blockers(data.get("findings") or []),
        reviewed=sum(1 for doc in data.get("documents") or [] if doc.get("review") or doc.get("reviewed_fields")),
        acknowledged=sum(1 for finding in data.get("findings") or [] if finding.get("acknowledged")),
        checked=_day(data.get("as_of")),
    )


def top_blockers(findings: list[dict[str, Any]]) -> tuple[str, ...]:
    """The codes of the open (unacknowledged) blockers, most frequent first, then by code."""
    codes = Counter(f["code"] for f in findings if f.get("severity") == "blocker" and not f.get("acknowledged"))
    return tuple(code for code, _ in sorted(codes.items(), key=lambda item: (-item[1], item[0]))[:TOP_CODES])


def sort_key(key: str, case: str, deadline: dt.date | None, blockers: int, hours: float | None) -> tuple[Any, ...]:
    """Order of the desk: by case name, by nearest deadline (none last), by most blockers, by fewest hours."""
    if key == "deadline":
        return (deadline is None, deadline or dt.date.max, case)
    if key == "blockers":
        return (-blockers, case)
    if key == "hours":
        return (hours is None, hours or 0.0, case)
    return (case,)


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
