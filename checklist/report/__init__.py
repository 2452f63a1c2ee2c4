"""Report renderers: one per format, all from the report model's JSON dump.

JSON is the contract; Markdown (and HTML) render the same dumped data
through Jinja templates, so no format shows what the JSON lacks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from checklist.display import public_data
from checklist.kinds import specs
from checklist.models.report import Report
from checklist.privacy import mask_sins


def render_template(name: str, data: dict[str, Any]) -> str:
    """A template rendered; Jinja loads on first use, so a JSON report or a terminal summary never pays for it."""
    from checklist.report.environment import render_template as render

    return render(name, data)


CONTRACT_FINDING_KEYS = ("code", "severity", "message", "fix", "documents", "job")


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON data: the contract's keys plus details, every string made public.

    Masking here, before any template, matters: Markdown escaping puts a
    backslash before '_' and '|', and a SIN written '046_454_286' in a file
    name would no longer look like one to the mask on the rendered page.
    """
    data: dict[str, Any] = public_data(report.model_dump(mode="json"))
    return data


def render_json(report: Report) -> str:
    return mask_sins(json.dumps(report_data(report), indent=2, ensure_ascii=False)) + "\n"


def render_markdown(report: Report) -> str:
    return mask_sins(render_template("report.md.j2", {**report_data(report), "names": {"kinds": KIND_NAMES}}))


def render_html(report: Report) -> str:
    """A self-contained page: CSS inline, no scripts, fonts, images or links outside it."""
    return html_from_data(report_data(report))


def html_from_data(data: dict[str, Any]) -> str:
    """The HTML page of an already dumped report (the web app keeps reports as JSON)."""
    return mask_sins(render_template("report.html.j2", {**data, "view": html_view(data)}))


def render_pdf(report: Report) -> bytes:
    """The HTML report as PDF, through WeasyPrint with every external fetch refused."""
    from checklist.report.pdf import html_to_pdf

    return html_to_pdf(render_html(report))


def pdf_from_data(data: dict[str, Any]) -> bytes:
    from checklist.report.pdf import html_to_pdf

    return html_to_pdf(html_from_data(data))


def html_view(data: dict[str, Any]) -> dict[str, Any]:
    from checklist.report import views

    anchors = {doc["path"]: f"doc-{index}" for index, doc in enumerate(data["documents"])}
    return {
        "timeline": views.timeline(data),
        "days_left": views.days_left(data),
        "anchors": anchors,
        "reason_names": views.REASON_NAMES,
        "status_names": STATUS_NAMES,
        "kind_names": KIND_NAMES,
    }


STATUS_NAMES = {
    "present": "present",
    "missing": "missing",
    "in_doubt": "in doubt",
    "not_needed": "not needed",
    "not_provided": "not provided",
}
KIND_NAMES = {kind.kind.value: kind.label for kind in specs()}

RENDERERS: dict[str, Callable[[Report], str]] = {"json": render_json, "md": render_markdown, "html": render_html}


def render_todo_markdown(report: Report) -> str:
    """The to-do list alone, in Markdown (`cec-checklist todo -f md`): the report's own section."""
    data = report_data(report)
    jobs = (data.get("claims") or {}).get("jobs", [])
    return mask_sins(render_template("todo_list.md.j2", {"todo": data["todo"], "todo_jobs": jobs}).strip() + "\n")


def render_todo_json(report: Report) -> str:
    return mask_sins(json.dumps(report_data(report)["todo"], indent=2, ensure_ascii=False)) + "\n"
