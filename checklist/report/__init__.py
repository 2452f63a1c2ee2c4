"""Report renderers: one per format, all from the report model's JSON dump.

JSON is the contract; Markdown (and HTML) render the same dumped data
through Jinja templates, so no format shows what the JSON lacks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from checklist.models.report import Report
from checklist.privacy import mask_sins
from checklist.report.environment import render_template

CONTRACT_FINDING_KEYS = ("code", "severity", "message", "fix", "documents", "job")


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON data: the contract's keys plus details."""
    return report.model_dump(mode="json")


def render_json(report: Report) -> str:
    return mask_sins(json.dumps(report_data(report), indent=2, ensure_ascii=False)) + "\n"


def render_markdown(report: Report) -> str:
    return mask_sins(render_template("report.md.j2", report_data(report)))


RENDERERS: dict[str, Callable[[Report], str]] = {"json": render_json, "md": render_markdown}
