"""The catalog holds every code of the spec, declared once and well-formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checklist.errors import RuleDefinitionError
from checklist.rules.catalog import catalog
from checklist.rules.registry import REGISTRY, rule
from tests.support.noc import NO_SHARED

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "checks.md"
NOC_CODES = {
    "cec.noc-unknown",
    "duties.noc-mismatch",
    "duties.weak-coverage",
    "duties.copied-from-noc",
    "noc.data-missing",
}


def spec_codes() -> dict[str, str]:
    text = SPEC.read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z0-9]+\.[a-z0-9-]+)` \| (blocker|warning|info) \|", text, re.MULTILINE))


@pytest.mark.skipif(NO_SHARED or not SPEC.exists(), reason="../shared/spec is not beside the repository")
def test_every_spec_code_is_declared_with_its_default_severity() -> None:
    declared = {r.code: r.severity.value for r in catalog()}
    for code, severity in spec_codes().items():
        assert code in declared, f"{code} from checks.md is not declared"
        assert declared[code] == severity, f"{code}: {declared[code]} instead of {severity}"


def test_every_rule_has_title_message_fix_and_explanation() -> None:
    for r in catalog():
        assert r.title and r.message and r.fix and len(r.doc) > 30, r.code


def test_a_duplicate_code_fails_at_import() -> None:
    code = next(iter(REGISTRY))
    with pytest.raises(RuleDefinitionError, match="declared twice"):
        rule(code, "warning", "t", "m", "f")(lambda ctx: [])


def test_a_malformed_code_fails_at_import() -> None:
    def check(ctx):  # type: ignore[no-untyped-def]
        """Explains."""
        return []

    with pytest.raises(RuleDefinitionError, match="malformed"):
        rule("Bad Code", "warning", "t", "m", "f")(check)


def test_a_rule_without_docstring_fails() -> None:
    with pytest.raises(RuleDefinitionError, match="docstring"):
        rule("test.no-doc", "warning", "t", "m", "f")(lambda ctx: [])


def test_missing_noc_data_names_the_one_command_that_installs_it() -> None:
    """The first way offered needs no folder: `noc install` downloads the official files itself."""
    fix = REGISTRY["noc.data-missing"].fix
    assert fix.startswith("Install it once with: cec-checklist noc install (it downloads")
    assert "FOLDER_WITH" not in fix
