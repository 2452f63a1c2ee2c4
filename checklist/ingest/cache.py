"""Readings kept in the case folder, so a file is read (and OCR'd) once, not at every check.

What a reader got from a file (its text per page, how each page was read,
the OCR confidence) is stored in ``<case>/.cec-checklist/readings/`` under
the file's SHA-256, with the reader's version and the read limits it ran
under. A second `check`, a batch re-run or a restarted web server then
classifies and extracts from the stored text, which takes milliseconds where
OCR takes seconds a page.

The cache is never trusted: an entry that does not parse, was written by
another reader version or other limits, or names another hash is ignored
(and removed), and the file is read afresh. Failed readings are not stored
(a timeout or a missing OCR engine may not happen next time). The text is
stored as the check sees it, SINs already masked (`checklist.privacy`), in
files only the user can read. A cache that cannot be written (read-only
folder, full disk) costs speed, never the check.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from pydantic import ValidationError

from checklist import __version__
from checklist.ingest import ocr
from checklist.ingest.limits import ReadLimits
from checklist.ingest.own import CACHE_TAG
from checklist.models.document import RawDocument
from checklist.output import TEMP_MARK, remove_leftovers

log = logging.getLogger(__name__)

CACHE_DIR = ".cec-checklist"
READINGS = "readings"
# Bumped when what a reader produces for the same bytes changes (a new reader, other page splitting).
READ_FORMAT = 1
_TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n# cec-checklist: readings of this case's files, safe to delete.\n"
)


def reader_key(limits: ReadLimits) -> str:
    """What must match for a stored reading to stand for a fresh one: reader version, limits and OCR engine."""
    limits_json = json.dumps(limits.model_dump(mode="json"), sort_keys=True)
    digest = hashlib.sha256(limits_json.encode()).hexdigest()[:16]
    return f"{__version__}/{READ_FORMAT}/{digest}/{ocr.preferred_engine() or 'no-ocr'}"


class ReadingCache:
    """The readings of one case folder's files, by SHA-256."""

    def __init__(self, case_dir: Path, limits: ReadLimits) -> None:
        self.folder = case_dir / CACHE_DIR / READINGS
        self._cleaned = False
        self.key = reader_key(limits)

    def get(self, sha256: str, path: str) -> RawDocument | None:
        """The stored reading of the file with this hash, shown under its current `path`; None if none stands."""
        self._clean_once()
        entry = self._entry(sha256)
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
            if stored.get("reader") != self.key or stored.get("sha256") != sha256:
                raise ValueError("another reader, other limits or another file")
            raw = RawDocument.model_validate(stored["raw"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
            log.debug("reading cache entry %s ignored: %s", entry.name, exc)
            _forget(entry)
            return None
        if raw.sha256 != sha256 or not raw.readable:
            _forget(entry)
            return None
        return raw.model_copy(update={"path": path})

    def put(self, raw: RawDocument) -> None:
        """Store a successful reading; any failure to write is logged and ignored."""
        if raw.sha256 is None or not raw.readable:
            return
        entry = self._entry(raw.sha256)
        # marked like every temporary file of the tool, so the start-up cleaning removes one a killed run left
        temporary = entry.with_name(f".{entry.name}{TEMP_MARK}{os.getpid()}")
        try:
            # the path is stored too, and a name that is not valid UTF-8 (surrogate escapes) cannot be: store none
            payload = json.dumps(
                {"reader": self.key, "sha256": raw.sha256, "raw": raw.model_dump(mode="json") | {"path": ""}},
                ensure_ascii=False,
            )
            payload.encode("utf-8")
            self._prepare()
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(temporary, entry)
        except (OSError, UnicodeError, ValueError) as exc:
            log.debug("reading not cached: %s", exc)
        finally:  # also on Ctrl+C or a time limit: no half-written entry stays behind
            _forget(temporary)

    def _entry(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256: {sha256[:80]!r}")
        return self.folder / f"{sha256}.json"

    def clean_leftovers(self) -> None:
        """Clean now, before the reading starts (the processes that read files in parallel need not)."""
        self._clean_once()

    def _clean_once(self) -> None:
        """Remove, once per check, the half-written entries a killed check left (old enough to be nobody's)."""
        if not self._cleaned and self.folder.is_dir():
            remove_leftovers(self.folder)
        self._cleaned = True

    def _prepare(self) -> None:
        self._clean_once()
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tag = self.folder / CACHE_TAG  # the readings only: the web app keeps its state beside them
        if not tag.exists():
            tag.write_text(_TAG_TEXT, encoding="utf-8")


def _forget(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
