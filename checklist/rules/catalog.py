"""Every rules module, imported by name: importing this module fills the registry."""

from __future__ import annotations

from checklist.rules import conditions, documents, duties, eligibility, language, letters, pay, permits, review  # noqa: F401
from checklist.rules.registry import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule", "catalog"]


def catalog() -> list[Rule]:
    """All checks, in code order."""
    return sorted(REGISTRY.values(), key=lambda rule: rule.code)
