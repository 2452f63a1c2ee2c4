"""A value found in a text, with the span it came from: what every finder returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """A value found in a text, and the span it came from."""

    value: object
    start: int
    end: int
    text: str
