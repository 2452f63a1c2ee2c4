"""Load case.yaml into a `Case`, or fail with file, field and line.

A bad manifest is the user's to fix, so every error names the file, the
field (as a dotted path like `jobs[0].end`) and the YAML line where the
value sits, and says what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checklist.errors import CaseFileError
from checklist.models.case import Case

CASE_FILE = "case.yaml"


def load_case(case_dir: Path) -> Case:
    """Read `case_dir/case.yaml` (or a case.yaml path) and validate it."""
    path = case_dir / CASE_FILE if case_dir.is_dir() else case_dir
    if not path.is_file():
        raise CaseFileError(
            "no case.yaml found",
            path=path,
            hint="run 'cec-checklist init CASE_DIR' to write one to fill in",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"cannot read the file: {exc}", path=path) from exc
    return parse_case(text, path)


def parse_case(text: str, path: Path) -> Case:
    """Validate YAML text as a case; `path` is only used in messages."""
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise CaseFileError(f"YAML syntax error: {problem}", path=path, line=line) from exc
    except RecursionError:
        raise CaseFileError("the YAML is nested too deeply to be a case.yaml", path=path) from None
    except ValueError as exc:  # YAML read something shaped like a date that is no date (2023-02-30)
        field, line, value = _bad_timestamp(text)
        raise CaseFileError(f"not a date: {value!r} ({exc})", path=path, field=field, line=line) from None
    if not isinstance(data, dict):
        raise CaseFileError(
            "expected a mapping with 'applicant' and 'jobs' at the top", path=path, line=1
        )
    _nocs_as_written(data, root)
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise _first_error(exc, root, path) from None


def _nocs_as_written(data: dict[str, Any], root: yaml.Node | None) -> None:
    """Each job's `noc` as the text the user wrote: YAML reads `00012` as the octal 10 and `2174` as an int."""
    jobs = _child(root, "jobs")
    if jobs is None or not isinstance(data.get("jobs"), list):
        return
    for index, job in enumerate(data["jobs"]):
        found = _child(jobs[1], index)
        noc = _child(found[1], "noc") if found else None
        if isinstance(job, dict) and noc is not None and isinstance(noc[1], yaml.ScalarNode) and noc[1].value:
            job["noc"] = noc[1].value


def _bad_timestamp(text: str) -> tuple[str | None, int | None, str]:
    """Where the YAML holds an impossible date such as 2023-02-30."""

    seen: set[int] = set()  # aliases share nodes: each is visited once, so an alias bomb stays linear

    def walk(node: yaml.Node, loc: tuple[object, ...]) -> tuple[str | None, int | None, str] | None:
        if id(node) in seen:
            return None
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.safe_load(node.value)
            except ValueError:
                return _dotted(loc), node.start_mark.line + 1, node.value
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                found = walk(value, (*loc, key.value))
                if found:
                    return found
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                found = walk(item, (*loc, index))
                if found:
                    return found
        return None

    root = yaml.compose(text)
    return (walk(root, ()) if root is not None else None) or (None, None, "")


def validation_errors(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem in case data as (dotted field, message), in the CLI's words.

    The web form shows them all next to their fields; the CLI stops at the first.
    """
    try:
        Case.model_validate(data)
    except ValidationError as exc:
        return [(_dotted(tuple(error["loc"])), _explain(error)) for error in exc.errors()]
    return []


def case_yaml(case: Case) -> str:
    """case.yaml text for a case, in the layout 'init' documents (for the web form)."""
    data = case.model_dump(exclude_defaults=False)
    for job in data["jobs"]:
        hours = job["hours_per_week"]
        job["hours_per_week"] = int(hours) if float(hours).is_integer() else hours
    if not data["study"]:
        del data["study"]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return WRITTEN_HEADER + body


WRITTEN_HEADER = (
    "# case.yaml: the claims of your Express Entry profile (written by the cec-checklist web page).\n"
    "# 'cec-checklist check' and the web page read this same file; edit either way.\n"
)


def _first_error(exc: ValidationError, root: yaml.Node | None, path: Path) -> CaseFileError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    field = _dotted(loc)
    message = _explain(error)
    return CaseFileError(message, path=path, field=field, line=_line_of(root, loc))


def _explain(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "this field is required"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling against 'cec-checklist init')"
    if kind == "string_too_short" and not str(value or "").strip():
        return "this field is required"
    if kind == "too_short" and tuple(error["loc"]) == ("jobs",):
        return "claim at least one job"
    if kind.startswith("date"):
        return f"not a date: {value!r} (write dates as YYYY-MM-DD)"
    text = str(error["msg"]).removeprefix("Value error, ")
    return text


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out or "(top level)"


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the deepest YAML node on `loc` that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        node, line = child[1], child[0]
    return line


def _child(node: yaml.Node | None, part: Any) -> tuple[int, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key.start_mark.line + 1, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item = node.value[part]
        return item.start_mark.line + 1, item
    return None


INIT_TEMPLATE = """\
# case.yaml: the claims of your Express Entry profile, as you entered them.
# cec-checklist compares them with the documents in this folder.
# Dates are YYYY-MM-DD. Remove the '#' in front of optional lines to use them.

applicant: Your Full Name          # as on your passport
# ita_date: 2026-01-07             # the day you received the Invitation to Apply
# application_date: 2026-02-20     # the day you submit (or will submit) the e-APR
# intended_province: ON            # where you plan to live (two letters); CEC is not for Quebec
# case_name: File 2026-041         # your own name for the case (shown, never compared)

jobs:                              # one entry per position you claim
  - employer: Example Employer Inc.
    title: Software Developer      # your job title
    noc: "21232"                   # NOC 2021, five digits, in quotes
    start: 2023-03-01
    end: null                      # null while you still work there
    hours_per_week: 40
    self_employed: false
    # physician_fee_for_service: false   # true: the public policy for fee-for-service physicians applies

# study:                           # full-time study periods, if any
#   - start: 2022-09-01
#     end: 2023-04-30
"""
