"""docs/checks.md is generated from the registry; it must not go stale."""

from __future__ import annotations

from pathlib import Path

from checklist.cli import rules_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "checks.md"


def test_checks_doc_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/checks.md is stale: run 'cec-checklist rules -f md > docs/checks.md'"
    )


def test_readme_starts_with_the_two_commands() -> None:
    readme = (DOCS.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "pip install" in readme.split("## ")[0] and "pytest" in readme.split("## ")[0]
