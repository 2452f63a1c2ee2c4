"""The one Jinja environment: strict undefined, autoescape for HTML, and the
filters every template shares. Templates ship inside the wheel as
`checklist/templates`; in a source checkout they are read from `templates/`."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

SOURCE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def template_dir() -> Path:
    packaged = resources.files("checklist") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return SOURCE_TEMPLATES


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=escape_markdown, hours=format_hours, value=format_value)
    return env


def render_template(name: str, data: dict[str, Any]) -> str:
    return environment().get_template(name).render(**data)


def escape_markdown(value: Any) -> str:
    """A document's text shown literally in Markdown: no links, emphasis, tables or HTML."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def format_hours(value: Any) -> str:
    number = float(value)
    return f"{number:,.0f}" if abs(number - round(number)) < 0.05 else f"{number:,.1f}"


def format_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):  # a language result's levels: "listening 8, reading 7, ..."
        return ", ".join(f"{key} {format_value(item)}" for key, item in value.items())
    if isinstance(value, list):
        return f"{len(value)} items" if value and isinstance(value[0], dict) else "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)
