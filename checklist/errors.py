"""Exceptions of cec-checklist.

Exceptions are only for programmer errors, configuration errors and
unreadable input. Each carries where the problem is (path, page, field,
line) so the CLI can print one line that says what failed and what to do.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

SHOWN_CHARS = 80  # at most this much of a bad value is echoed in a message


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


def shown(value: Any) -> str:
    """A bad value as a message echoes it: its repr, at most SHOWN_CHARS long.

    The value comes from the user's file and may be huge (an alias bomb) or
    hostile; a message needs only enough of it to be recognised.
    """
    short = reprlib.Repr()
    short.maxstring = short.maxother = SHOWN_CHARS
    short.maxlist = short.maxtuple = short.maxdict = short.maxset = short.maxfrozenset = short.maxdeque = 4
    short.maxlevel = 2
    text = short.repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."
