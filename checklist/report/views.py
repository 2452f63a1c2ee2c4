"""Presentation helpers computed from the report's JSON data (never from the case itself):
the timeline's geometry and the grouping of findings, so HTML shows only what JSON holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

WIDTH = 900  # SVG user units; the SVG scales to the page
LABEL = 215  # left margin for lane labels: an employer of 30 characters and its NOC fit
ROW = 26
LABEL_FONT = 11  # font size of the lane labels, in SVG units
GOAL_LABEL = 175  # width of "1,560 h reached (YYYY-MM-DD)" at that size
REASON_COLOURS = {
    "outside_window": "#cbd5e1",
    "no_permit": "#f87171",
    "study": "#fbbf24",
    "teer": "#a78bfa",
    "self_employed": "#fb923c",
    "cap": "#94a3b8",
    "not_in_letter": "#e2e8f0",
    "leave": "#c4b5fd",
    "contractor": "#fdba74",
    "outside_canada": "#fda4af",
}
REASON_NAMES = {
    "outside_window": "before the window",
    "no_permit": "no valid permit",
    "study": "full-time study",
    "teer": "TEER 4-5",
    "self_employed": "self-employment",
    "cap": "over 30 h/week",
    "not_in_letter": "outside the letter's dates",
    "leave": "leave",
    "contractor": "contract work",
    "outside_canada": "outside Canada",
}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


BAR_COLOURS = {"job": "#60a5fa", "permit": "#34d399", "study": "#fcd34d", "other": "#fca5a5"}


def timeline(data: dict[str, Any]) -> dict[str, Any]:
    """Lanes of bars (jobs, permits, study) over the 3-year window (earlier when a job starts
    before it), with the weeks whose hours were excluded shaded by reason."""
    window_start, end = _date(data["window"]["start"]), _date(data["window"]["end"])
    assert window_start and end
    claims = data.get("claims") or {"jobs": [], "study": []}
    earliest = min([_date(job["start"]) or window_start for job in claims["jobs"]] + [window_start])
    start = max(earliest, dt.date(window_start.year - 2, 1, 1))
    span = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        clipped = min(max(day, start), end)
        return round(LABEL + (WIDTH - LABEL - 10) * (clipped - start).days / span, 1)

    lanes: list[dict[str, Any]] = []
    first: dt.date | None
    last: dt.date | None
    for index, job in enumerate(claims["jobs"]):
        first, last = _date(job["start"]) or start, _date(job.get("end")) or end  # a claimed job always has a start
        bars = [] if (last < start or first > end) else [_bar(x, first, last, "job")]
        if first < window_start:
            bars.append(
                {
                    "x": x(first),
                    "w": max(x(window_start) - x(first), 1.0),
                    "colour": REASON_COLOURS["outside_window"],
                    "title": "before the window",
                }
            )
        shades = _shades(data, index, x, first, last)
        full = f"{job['employer']} ({job['noc']})"
        lanes.append(
            {"label": fit_label(job["employer"], f" ({job['noc']})"), "full": full, "bars": bars, "shades": shades}
        )
    for period in data.get("authorization", []):
        first, last = _date(period["start"]), _date(period["end"])
        if first and last and last >= start and first <= end:
            label = _basis_label(period)
            lanes.append(
                {"label": fit_label(label), "full": label, "bars": [_bar(x, first, last, "permit")], "shades": []}
            )
    for other in data.get("other_status", []):
        first, last = _date(other["start"]), _date(other["end"])
        if first and last and last >= start and first <= end:
            label = f"No work authorization: {other['document']}"
            lanes.append(
                {"label": fit_label(label), "full": label, "bars": [_bar(x, first, last, "other")], "shades": []}
            )
    for period in claims.get("study", []):
        first, last = _date(period["start"]), _date(period["end"])
        if first and last and last >= start and first <= end:
            lanes.append(
                {
                    "label": "Full-time study",
                    "full": "Full-time study",
                    "bars": [_bar(x, first, last, "study")],
                    "shades": [],
                }
            )
    years = [{"x": x(dt.date(year, 1, 1)), "label": str(year)} for year in range(start.year + 1, end.year + 1)]
    legend = [{"colour": c, "name": REASON_NAMES[k]} for k, c in REASON_COLOURS.items() if k != "study"]
    return {
        "width": WIDTH,
        "height": ROW * (len(lanes) + 2),
        "lanes": lanes,
        "years": years,
        "row": ROW,
        "label_width": LABEL,
        "goal": _goal(data, x),
        "legend": legend,
        "window_x": x(window_start),
        "bar_colours": BAR_COLOURS,
    }


def _basis_label(period: dict[str, Any]) -> str:
    """How a person names an authorization period in the timeline."""
    if period["basis"] == "maintained_status":
        return "Maintained status"
    if period["basis"] == "r186w":
        return "R186(w): PGWP pending"
    return "Permit (employer-specific)" if period.get("employer") else "Permit (open)"


def _bar(x: Any, first: dt.date, last: dt.date, kind: str) -> dict[str, Any]:
    return {
        "x": x(first),
        "w": max(x(last) - x(first), 1.5),
        "colour": BAR_COLOURS[kind],
        "title": f"{first} to {last}",
    }


def _shades(data: dict[str, Any], job: int, x: Any, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    """Runs of weeks of this job where hours were excluded, coloured by the main reason.

    Hours lost to the 30-hour cap are a thin strip under the bar: the days still count.
    """
    runs: list[dict[str, Any]] = []
    for week in data["experience"].get("weeks", []):
        monday = _date(week["week_start"])
        if not week["excluded"] or monday is None or monday + dt.timedelta(days=6) < first or monday > last:
            continue
        reason = max(week["excluded"], key=lambda key: week["excluded"][key])
        sunday = monday + dt.timedelta(days=7)
        if runs and runs[-1]["reason_key"] == reason and runs[-1]["until"] == monday:
            runs[-1]["until"] = sunday
        else:
            runs.append({"reason_key": reason, "from": monday, "until": sunday})
    return [
        {
            "x": x(run["from"]),
            "w": max(x(run["until"]) - x(run["from"]), 1.0),
            "colour": REASON_COLOURS.get(run["reason_key"], "#cbd5e1"),
            "thin": run["reason_key"] == "cap",
            "reason": f"{REASON_NAMES.get(run['reason_key'], run['reason_key'])}: {run['from']} to {run['until'] - dt.timedelta(days=1)}",
        }
        for run in runs
    ]


def _goal(data: dict[str, Any], x: Any) -> dict[str, Any] | None:
    """Where the cumulative qualifying hours reach the 1,560 required."""
    total = 0.0
    for week in data["experience"].get("weeks", []):
        total += week["counted"]
        if total >= data["experience"]["required_hours"]:
            monday = _date(week["week_start"])
            if monday is None:
                return None
            where = x(monday)  # the label goes left of the line when it would run off the right edge
            return {"x": where, "date": week["week_start"], "anchor": "end" if where > WIDTH - GOAL_LABEL else "start"}
    return None


def text_width(text: str, size: float = LABEL_FONT) -> float:
    """Estimated width of text in DejaVu Sans / Helvetica at `size` (no font metrics at hand in a report)."""
    narrow, wide = set("iljtfrI.,:;'()[]!| -"), set("mwMWQGOCDHNU@%&")
    units = sum(0.32 if c in narrow else 0.86 if c in wide else 0.68 if c.isupper() else 0.57 for c in text)
    return units * size


def fit_label(text: str, suffix: str = "", width: float = LABEL - 8) -> str:
    """The label whole when it fits the label column, else its text shortened with '…' (the suffix kept)."""
    if text_width(text + suffix) <= width:
        return text + suffix
    room = width - text_width(suffix + "…")
    cut = text
    while cut and text_width(cut) > room:
        cut = cut[:-1]
    return cut.rstrip(" ,.-&(") + "…" + suffix


def days_left(data: dict[str, Any]) -> int | None:
    deadline = _date(data.get("ita_deadline"))
    return (deadline - _date(data["as_of"])).days if deadline else None  # type: ignore[operator]
