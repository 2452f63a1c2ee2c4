"""Exceptions of cec-checklist.

Exceptions are only for programmer errors, configuration errors and
unreadable input. Each carries where the problem is (path, page, field,
line) so the CLI can print one line that says what failed and what to do.
"""

from __future__ import annotations

from pathlib import Path


class ChecklistError(Exception):
    """Base of every error the tool raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        field: str | None = None,
        line: int | None = None,
        page: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.field = field
        self.line = line
        self.page = page
        self.hint = hint

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path) + (f":{self.line}" if self.line else ""))
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.field:
            where.append(f"field '{self.field}'")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class CaseFileError(ChecklistError):
    """case.yaml is missing or invalid: exit code 2."""


class DocumentLoadError(ChecklistError):
    """A document cannot be read; becomes a doc.unreadable finding."""


class NocDataError(ChecklistError):
    """NOC reference data is missing, partial or malformed."""


class RuleDefinitionError(ChecklistError):
    """A check is declared wrongly (duplicate or malformed code)."""
