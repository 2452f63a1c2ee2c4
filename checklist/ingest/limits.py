"""Limits that keep one pathological file from hanging or exhausting a run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ReadLimits(BaseModel):
    """Per-file limits; all configurable, all defaulted."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 2_000_000
    max_unzipped_bytes: int = 100 * 1024 * 1024  # DOCX zip bombs
    max_image_pixels: int = 60_000_000
