"""Field values with where each came from: what every kind's extractor returns."""

from __future__ import annotations

from typing import Any

from checklist.models.document import FieldSource
from checklist.text.view import Hit, Line


class Collector:
    """Field values with where each came from; the first value set wins."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.sources: dict[str, FieldSource] = {}

    def set(self, name: str, value: Any, where: Hit | Line | None, snippet: str | None = None) -> None:
        if value is None or value == [] or name in self.values:
            return
        self.values[name] = value
        line = where.line if isinstance(where, Hit) else where
        text = snippet or (where.snippet if isinstance(where, Hit) else line.stripped if line else "")
        self.sources[name] = FieldSource(
            page=line.page if line else None,
            snippet=text[:300],
            method=line.method if line else None,
        )
