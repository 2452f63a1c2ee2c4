"""Run every check over a context and collect findings; a check that raises
becomes an internal-error finding and the others still run."""

from __future__ import annotations

import logging
import string
from typing import Any

from checklist.models.findings import Finding, Severity
from checklist.rules.catalog import catalog
from checklist.rules.context import Context
from checklist.rules.registry import Gap, Rule

log = logging.getLogger(__name__)
INTERNAL = "internal.check-failed"


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for rule in catalog():
        try:
            findings += [_finding(rule, gap) for gap in rule.check(ctx)]
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            log.exception("check %s failed", rule.code)
            findings.append(
                Finding(
                    code=INTERNAL,
                    severity=Severity.WARNING,
                    title="A check could not run",
                    message=f"The check {rule.code} failed on this case ({type(exc).__name__}: {exc}); its result is unknown.",
                    fix="Report this at the project's issue tracker with --debug output (remove personal data first).",
                    values={"check": rule.code},
                )
            )
    return sorted(findings, key=Finding.sort_key)


def _finding(rule: Rule, gap: Gap) -> Finding:
    return Finding(
        code=rule.code,
        severity=gap.severity or rule.severity,
        title=rule.title,
        message=_fill(gap.message or rule.message, gap.values),
        fix=_fill(gap.fix or rule.fix, gap.values),
        documents=list(gap.documents),
        job=gap.job,
        field=gap.field,
        values={k: _plain(v) for k, v in gap.values.items()},
        confidence=gap.confidence,
        unsure=gap.unsure,
    )


class _Values(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Values(values))


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
