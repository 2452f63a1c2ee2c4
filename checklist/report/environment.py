"""The one Jinja environment: strict undefined, autoescape for HTML, and the
filters every template shares. Templates ship inside the wheel as
`checklist/templates`; in a source checkout they are read from `templates/`."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

SOURCE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Markdown that pastes cleanly into an email: only what would change the rendering is escaped.
_MD_SPECIAL = re.compile(r"([\\`*\[\]~])")
_MD_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")  # intra-word (snake_case) never emphasizes
_MD_HTML = re.compile(r"<(?=[A-Za-z/!?])")  # a tag, comment or autolink; "a < b" stays as it is
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # "&amp;" typed in a document stays literal


def template_dir() -> Path:
    packaged = resources.files("checklist") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return SOURCE_TEMPLATES


@cache
def environment() -> jinja2.Environment:
    """The templates' environment, built on first use: jinja2 costs a tenth of a second to import,
    which `check -f json` and the terminal summary (`count_noun`) need not pay."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape_markdown,
        mdcell=escape_markdown_cell,
        hours=format_hours,
        value=format_value,
        count=count_noun,
        field=field_name,
        read=read_name,
    )
    return env


def render_template(name: str, data: dict[str, Any]) -> str:
    return environment().get_template(name).render(**data)


def escape_markdown(value: Any) -> str:
    """A document's text shown literally in Markdown (no links, emphasis or HTML), escaping only what must be."""
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_UNDERSCORE.sub(r"\\_", text)
    text = _MD_ENTITY.sub("&amp;", text)
    return _MD_HTML.sub("&lt;", text)


def escape_markdown_cell(value: Any) -> str:
    """Like `escape_markdown`, for a table cell: a pipe would end the cell."""
    return escape_markdown(value).replace("|", "\\|")


def count_noun(number: Any, noun: str, plural: str | None = None) -> str:
    """'1 warning', '2 warnings', '1,560 hours'."""
    value = int(number)
    return f"{value:,} {noun if value == 1 else (plural or noun + 's')}"


FIELD_NAMES = {
    "employer_name": "employer",
    "employee_name": "employee",
    "job_title": "job title",
    "start_date": "start date",
    "end_date": "end date",
    "currently_employed": "still employed",
    "hours_per_week": "hours per week",
    "salary_amount": "salary",
    "salary_period": "salary per",
    "noc_code": "NOC code",
    "signatory_name": "signed by",
    "signatory_title": "signer's title",
    "employer_address": "employer's address",
    "employer_phone": "employer's phone",
    "employer_email": "employer's email",
    "letter_date": "date of the letter",
    "work_location": "work location",
    "period_start": "pay period from",
    "period_end": "pay period to",
    "pay_date": "pay date",
    "gross_pay": "gross pay",
    "ytd_gross": "gross pay, year to date",
    "holder_name": "holder",
    "permit_number": "permit number",
    "uci": "UCI",
    "issue_date": "issued",
    "expiry_date": "expires",
    "permit_type": "permit type",
    "tax_year": "tax year",
    "employment_income": "employment income (box 14)",
    "province": "province (box 10)",
    "total_income": "total income (line 15000)",
    "date_issued": "date issued",
}
READ_NAMES = {
    "text_layer": "read from the text layer",
    "docx": "read from the Word file",
    "plain_text": "read from the text file",
    "ocr": "read by OCR",
}


def field_name(name: Any) -> str:
    """A field's name in plain words: 'hours_per_week' is 'hours per week'."""
    return FIELD_NAMES.get(str(name), str(name).replace("_", " "))


def read_name(method: Any) -> str:
    """How a value or document was read, in plain words; '—' when unknown."""
    return READ_NAMES.get(str(method), str(method).replace("_", " ")) if method else "—"


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
