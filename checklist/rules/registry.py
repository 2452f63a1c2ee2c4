"""The catalog of checks: each declared once with its code, severity, title,
message template, fix text and the function that finds it.

Registration is explicit (each rules module is imported by name in
`checklist.rules.catalog`) and a duplicate or malformed code fails at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checklist.errors import RuleDefinitionError
from checklist.models.findings import Confidence, Severity

if TYPE_CHECKING:
    from checklist.rules.context import Context

CODE_RE = re.compile(r"^[a-z0-9]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Gap:
    """What a check found: the values its message and fix are filled with, and where."""

    values: dict[str, Any] = field(default_factory=dict)
    job: int | None = None
    documents: tuple[str, ...] = ()
    field: str | None = None
    severity: Severity | None = None  # overrides the rule's default (e.g. deadline info)
    message: str | None = None  # an alternative template for this case
    fix: str | None = None
    confidence: Confidence = Confidence.TEXT_LAYER
    unsure: bool = False  # the document may state what the finding says is missing: a person must confirm


Check = Callable[["Context"], Iterable[Gap]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    message: str
    fix: str
    check: Check
    doc: str
    needs_noc: bool = False


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity | str,
    title: str,
    message: str,
    fix: str,
    *,
    needs_noc: bool = False,
) -> Callable[[Check], Check]:
    """Declare a check; the decorated function's docstring is its long explanation."""

    def register(check: Check) -> Check:
        if not CODE_RE.match(code):
            raise RuleDefinitionError(f"check code {code!r} is malformed: use 'area.name-with-dashes'", field="code")
        if code in REGISTRY:
            raise RuleDefinitionError(f"check code {code!r} is declared twice ({check.__module__})", field="code")
        doc = " ".join((check.__doc__ or "").split())
        if not doc:
            raise RuleDefinitionError(f"check {code!r} has no docstring: it is the text 'rules' shows", field="doc")
        REGISTRY[code] = Rule(code, Severity(severity), title, message, fix, check, doc, needs_noc)
        return check

    return register
