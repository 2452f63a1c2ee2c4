"""Documents read once per version of the file, for the web app.

An upload is read as soon as it arrives (so the page can show its kind and
key fields), and the check reuses that reading unless the file changed. The
key in memory is the file's path, size and modification time; behind it, the
case folder's reading cache (`checklist.ingest.cache`, by SHA-256) keeps the
readings across restarts of the server, so scans are not OCR'd again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checklist.ingest.cache import ReadingCache
from checklist.ingest.limits import ReadLimits
from checklist.kinds import spec
from checklist.models.document import Document
from checklist.pipeline import understand


class DocumentCache:
    """Readings of documents, newest kept, at most `size` of them."""

    def __init__(self, limits: ReadLimits, size: int = 2000) -> None:
        self.limits = limits
        self.size = size
        self._items: OrderedDict[tuple[str, int, int], Document] = OrderedDict()
        self._readings: dict[Path, ReadingCache] = {}  # one per case: it cleans its leftovers once, not per read
        self._lock = threading.Lock()

    def read(self, case_dir: Path, relative: str) -> Document:
        path = case_dir / relative
        info = path.stat()
        key = (str(path), info.st_size, info.st_mtime_ns)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        with self._lock:
            readings = self._readings.setdefault(case_dir, ReadingCache(case_dir, self.limits))
        document = understand(path, case_dir, self.limits, readings)
        with self._lock:
            self._items[key] = document
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return document


def key_fields(document: Document) -> list[tuple[str, Any]]:
    """The few fields that tell the applicant the file was understood (label, value)."""
    fields = document.fields
    period = getattr(fields, "salary_period", None)  # only the kinds that state pay have one
    shown = []
    for name in spec(document.kind).key_fields:
        value = getattr(fields, name)
        if isinstance(value, BaseModel):  # CLB levels: shown as the template shows a mapping
            value = value.model_dump()
        if name == "salary_amount" and isinstance(value, (int, float)) and period:
            value = f"{value:,.2f} per {period}"
        elif name == "salary_period" and isinstance(getattr(fields, "salary_amount", None), (int, float)) and period:
            continue  # shown with the amount
        if value not in (None, "", []):
            shown.append((LABELS.get(name, name.replace("_", " ")), value))
    return shown


LABELS = {
    "employer_name": "employer",
    "salary_amount": "salary",
    "hours_per_week": "hours/week",
    "gross_pay": "gross",
    "employment_income": "income",
    "total_income": "total income",
}
