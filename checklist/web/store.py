"""The applicant's cases on disk, as ordinary case folders the CLI can check too.

Layout under the cases folder (by default in the user data folder)::

    <case-id>/case.yaml            the claims
    <case-id>/documents/...        uploaded documents (any other file in the folder counts too)
    <case-id>/.cec-checklist/      the web app's own state: name, the last two reports

Nothing a request sends is used as a path: a case is found by matching its id
against the folders that exist, a document by matching its id against the
files `discover` lists, and an upload's name is cleaned into a plain file name
inside `documents/` before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from checklist.casefile import CASE_FILE, load_yaml
from checklist.desk import DeskFacts, desk_facts
from checklist.display import human_size, name_bytes, readable
from checklist.ingest import discover
from checklist.output import open_output, remove_leftovers, write_output
from checklist.privacy import mask_sins_in_name

STATE_DIR = ".cec-checklist"
DOCUMENTS_DIR = "documents"
CASE_ID = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}"
)  # new cases get slugs; folders copied in by hand may be looser
_UNSAFE = re.compile(r"[^\w.\-() ]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_NAME_BYTES = 200


class UnknownCase(LookupError):
    """No case with this id (or an id that could never be one)."""


class UnknownDocument(LookupError):
    """No document with this id in the case."""


class TooLarge(ValueError):
    """An upload is larger than the per-file limit."""


class CaseFull(ValueError):
    """The case already holds the most documents a case may hold."""


class Changed(Exception):
    """What a form was about to change was changed elsewhere (another tab, the CLI) since the form was shown.

    Every form that changes a file carries the file's `version` from when the page
    was rendered; the save goes through only if the file still has that version.
    """


@dataclass(frozen=True)
class StoredDocument:
    id: str
    path: str  # relative to the case folder, POSIX
    size: int
    version: str = ""  # see `version_of`; forms that replace or remove the file carry it


def version_of(path: Path) -> str:
    """A short token that changes whenever the file does ("none" while it does not exist).

    Inode, size and modification time: every write here is an atomic rename, which
    gives the file a new inode, so two saves within one clock tick still differ.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return "none"
    return hashlib.sha256(f"{info.st_ino}-{info.st_size}-{info.st_mtime_ns}".encode()).hexdigest()[:16]


def _expect(path: Path, expected: str | None) -> None:
    """Refuse the change when the form's version is not the file's (None: the caller asked no question)."""
    if expected is not None and expected != version_of(path):
        raise Changed(path.name)


@dataclass(frozen=True)
class CaseSummary:
    id: str
    name: str
    has_claims: bool
    documents: int
    last_ready: bool | None
    desk: DeskFacts | None = None  # the last check's deadline, blockers, reviews (None: never checked)


CASES_ENV_VAR = "CEC_CHECKLIST_CASES_DIR"


def default_cases_dir() -> Path:
    """`CEC_CHECKLIST_CASES_DIR`, else `cases` in the user data folder (beside the NOC data)."""
    import platformdirs

    if os.environ.get(CASES_ENV_VAR):
        return Path(os.environ[CASES_ENV_VAR])
    return Path(platformdirs.user_data_dir("cec-checklist", appauthor=False)) / "cases"


def case_slug(name: str) -> str:
    """A folder name from what the user called the case: ASCII letters, digits and dashes, no SIN."""
    ascii_name = unicodedata.normalize("NFKD", mask_sins_in_name(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:48].strip("-")
    return slug or "case"


def clean_file_name(name: str) -> str:
    """A plain file name from an upload's name: no folders, no leading dots, no odd characters, no SIN.

    At most MAX_NAME_BYTES of UTF-8 (file systems count bytes: 120 CJK characters are 360),
    leaving room for the " (2)" that tells two uploads of one name apart.
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", mask_sins_in_name(name or "")))[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem:  # "report" or ".bashrc": no extension to keep
        stem, ext = base, ""
    ext = _UNSAFE.sub("", ext)[:10]
    stem = _UNSAFE.sub("_", stem).strip(" ._") or "document"
    first, dot, rest = stem.partition(".")
    if first.rstrip(" ").lower() in _RESERVED:  # Windows reads "NUL.tar.gz" as the device NUL
        stem = f"{first}_{dot}{rest}"
    stem = _cut_bytes(stem, MAX_NAME_BYTES - len(ext) - 1).rstrip(" .") or "document"
    return f"{stem}.{ext}" if ext else stem


def _cut_bytes(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def document_id(relative: str) -> str:
    """A document's id in URLs: a hash of its path's bytes (a name that is not UTF-8 has an id too)."""
    return hashlib.sha256(name_bytes(relative)).hexdigest()[:16]


def public_id(folder_name: str) -> str:
    """The id a case folder is known by in URLs, pages and download names.

    Its name, unless the name holds a SIN (a folder made by hand, "Farah 046
    454 286"): then the masked name and a hash of the real one, so the URL
    never carries the SIN and two such folders still differ.
    """
    masked = mask_sins_in_name(readable(folder_name))
    if masked == folder_name:
        return folder_name
    return f"{masked}-{hashlib.sha256(name_bytes(folder_name)).hexdigest()[:8]}"


class CaseStore:
    """Cases in one folder; every method takes ids, never paths from a request."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._index: dict[str, tuple[tuple[Any, ...], CaseSummary]] = {}  # public id -> (signature, summary)
        self._index_lock = threading.Lock()
        remove_leftovers(root)  # hidden partial uploads and reports a killed server left

    # cases
    def ids(self) -> list[str]:
        return sorted(self._folders())

    def _folders(self) -> dict[str, str]:
        """Public id -> folder name, for every folder that can be a case (no links, no odd names)."""
        found = {}
        for path in self.root.iterdir():
            if CASE_ID.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
                found[public_id(path.name)] = path.name
        return found

    def folder(self, case_id: str) -> Path:
        if not CASE_ID.fullmatch(case_id or ""):
            raise UnknownCase(case_id)
        name = self._folders().get(case_id)
        if name is None:
            raise UnknownCase(case_id)
        return self.root / name

    def create(self, name: str) -> str:
        base = case_slug(name)
        taken = set(self.ids())
        case_id = base
        counter = 2
        while case_id in taken:
            case_id = f"{base}-{counter}"
            counter += 1
        folder = self.root / case_id
        (folder / STATE_DIR).mkdir(parents=True)
        (folder / DOCUMENTS_DIR).mkdir()
        self._write_state(case_id, "meta.json", json.dumps({"name": mask_sins_in_name(name.strip()) or case_id}))
        return case_id

    def delete(self, case_id: str) -> None:
        shutil.rmtree(self.folder(case_id))

    def name(self, case_id: str) -> str:
        """case_name in case.yaml, else the name given at creation, else the applicant (a folder made with the
        CLI), else the id: the display name, never the legal name the checks compare."""
        return _name_in(self.folder(case_id), case_id)

    def summaries(self, today: dt.date | None = None) -> list[CaseSummary]:
        """Every case for the home page, from an index: a case is read again only when its folder changed.

        One listing of the cases folder, then per case a few `stat` calls (`_signature`);
        the web app's own writes change the signature too, as do the CLI's and a file
        manager's. Call it in a worker thread: a cold index reads every case once. The
        desk line's days left count from `today` (default: the clock), so the day is
        part of what an index entry was made for.
        """
        day = today or dt.date.today()
        folders = self._folders()
        out = []
        for case_id in sorted(folders):
            folder = self.root / folders[case_id]
            signature = (_signature(folder), day)
            with self._index_lock:
                cached = self._index.get(case_id)
            if cached is None or cached[0] != signature:
                cached = (signature, _summary_in(folder, case_id, day))
                with self._index_lock:
                    self._index[case_id] = cached
            out.append(cached[1])
        with self._index_lock:
            for gone in set(self._index) - set(folders):
                del self._index[gone]
        return out

    # claims
    def claims_text(self, case_id: str) -> str | None:
        path = self.folder(case_id) / CASE_FILE
        return path.read_text(encoding="utf-8-sig", errors="replace") if path.is_file() else None

    def claims_version(self, case_id: str) -> str:
        return version_of(self.folder(case_id) / CASE_FILE)

    def write_claims(self, case_id: str, text: str, expected: str | None = None) -> None:
        """Save case.yaml; with `expected`, only if it is still the version the form was shown with (hold the case's lock)."""
        path = self.folder(case_id) / CASE_FILE
        _expect(path, expected)
        _atomic_write(path, text.encode("utf-8"))

    # documents
    def documents(self, case_id: str) -> list[StoredDocument]:
        return _documents_in(self.folder(case_id))

    def document(self, case_id: str, doc_id: str) -> StoredDocument:
        for doc in self.documents(case_id):
            if doc.id == doc_id:
                return doc
        raise UnknownDocument(doc_id)

    def add_document(
        self, case_id: str, file_name: str, stream: IO[bytes], max_bytes: int, max_documents: int | None = None
    ) -> StoredDocument:
        """Store an upload under a free name; with `max_documents`, only if the case has room (hold the case's lock)."""
        if max_documents is not None and len(self.documents(case_id)) >= max_documents:
            raise CaseFull(f"a case holds at most {max_documents} documents")
        target_dir = self.folder(case_id) / DOCUMENTS_DIR
        target_dir.mkdir(exist_ok=True)
        name = _unique(target_dir, clean_file_name(file_name))
        return self._store(case_id, target_dir / name, stream, max_bytes)

    def replace_document(
        self, case_id: str, doc_id: str, stream: IO[bytes], max_bytes: int, expected: str | None = None
    ) -> StoredDocument:
        """New content under the old name, so the report's references stay the same."""
        doc = self.document(case_id, doc_id)
        _expect(self.folder(case_id) / doc.path, expected)
        return self._store(case_id, self.folder(case_id) / doc.path, stream, max_bytes)

    def remove_document(self, case_id: str, doc_id: str, expected: str | None = None) -> StoredDocument:
        doc = self.document(case_id, doc_id)
        path = self.folder(case_id) / doc.path
        _expect(path, expected)
        try:
            path.unlink()
        except FileNotFoundError:  # gone between the listing and now
            raise UnknownDocument(doc_id) from None
        return doc

    def _store(self, case_id: str, target: Path, stream: IO[bytes], max_bytes: int) -> StoredDocument:
        folder = self.folder(case_id)
        if not target.resolve().is_relative_to(folder.resolve()):
            raise UnknownDocument(target.name)  # cannot happen with cleaned names; refuse rather than trust
        _atomic_copy(stream, target, max_bytes)
        relative = target.relative_to(folder).as_posix()
        return StoredDocument(
            id=document_id(relative), path=relative, size=target.stat().st_size, version=version_of(target)
        )

    # checks
    def save_report(self, case_id: str, report_json: str) -> None:
        """Keep the latest report and the one before it, to show what changed."""
        state = self.folder(case_id) / STATE_DIR
        state.mkdir(exist_ok=True)
        last = state / "report.json"

        def keep_last() -> None:
            """Once the new report is safely on disk: a copy of the last one becomes the previous one.

            A copy, not a move: if the disk fills now, or the rename after this fails,
            the last report is still in place (a move would leave the case with none).
            """
            if last.is_file():
                _atomic_write(state / "previous-report.json", last.read_bytes())

        _atomic_write(last, report_json.encode("utf-8"), before_replace=keep_last)

    def report(self, case_id: str) -> dict[str, Any] | None:
        return self._read_json(case_id, "report.json")

    def previous_report(self, case_id: str) -> dict[str, Any] | None:
        return self._read_json(case_id, "previous-report.json")

    def _read_json(self, case_id: str, name: str) -> Any:
        return _read_json_in(self.folder(case_id), name)

    def _write_state(self, case_id: str, name: str, text: str) -> None:
        state = self.folder(case_id) / STATE_DIR
        state.mkdir(exist_ok=True)
        _atomic_write(state / name, text.encode("utf-8"))


def _read_json_in(folder: Path, name: str) -> Any:
    try:
        return json.loads((folder / STATE_DIR / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _name_in(folder: Path, case_id: str) -> str:
    path = folder / CASE_FILE
    try:
        data = load_yaml(path.read_text(encoding="utf-8-sig", errors="replace")) if path.is_file() else None
    except (OSError, yaml.YAMLError, ValueError, RecursionError):
        data = None
    data = data if isinstance(data, dict) else {}
    meta = _read_json_in(folder, "meta.json") or {}
    for name in (data.get("case_name"), meta.get("name"), data.get("applicant")):
        if isinstance(name, str) and name.strip():
            return mask_sins_in_name(name.strip())
    return case_id


def _documents_in(folder: Path) -> list[StoredDocument]:
    found = []
    for path in discover(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            size = path.stat().st_size
        except FileNotFoundError:  # removed since the folder was listed (another tab, the file manager)
            continue
        found.append(StoredDocument(id=document_id(relative), path=relative, size=size, version=version_of(path)))
    return found


def _summary_in(folder: Path, case_id: str, today: dt.date) -> CaseSummary:
    last = _read_json_in(folder, "report.json")
    return CaseSummary(
        id=case_id,
        name=_name_in(folder, case_id),
        has_claims=(folder / CASE_FILE).is_file(),
        documents=len(_documents_in(folder)),
        last_ready=None if not isinstance(last, dict) else bool(last.get("ready")),
        desk=desk_facts(last, today) if isinstance(last, dict) else None,
    )


def _signature(folder: Path) -> tuple[Any, ...]:
    """What changes whenever a case's summary may: every folder's listing time, and the files the summary reads.

    Adding, removing or replacing a document (an atomic rename) changes its folder's
    time; case.yaml, the name and the report are stat'ed themselves (an edit in place
    keeps the folder's time).
    """
    marks: list[Any] = []
    for path in (folder / CASE_FILE, folder / STATE_DIR / "meta.json", folder / STATE_DIR / "report.json"):
        try:
            info = path.stat()
            marks.append((info.st_ino, info.st_size, info.st_mtime_ns))
        except OSError:
            marks.append(None)
    for current, dirs, _ in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        try:
            marks.append((current, os.stat(current).st_mtime_ns))
        except OSError:
            marks.append((current, None))
    return tuple(marks)


def _unique(folder: Path, name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, counter = name, 2
    while os.path.lexists(folder / candidate):  # a dangling symlink is taken too
        candidate = f"{stem} ({counter}).{ext}" if ext else f"{stem} ({counter})"
        counter += 1
    return candidate


def _atomic_write(path: Path, data: bytes, before_replace: Callable[[], None] | None = None) -> None:
    write_output(path, data, follow=False, before_replace=before_replace)


def _atomic_copy(stream: IO[bytes], target: Path, max_bytes: int) -> None:
    """Copy an upload in chunks, giving up past `max_bytes`; the target appears only when complete."""
    with open_output(target, follow=False) as out:
        copied = 0
        while chunk := stream.read(1024 * 1024):
            copied += len(chunk)
            if copied > max_bytes:
                raise TooLarge(f"larger than {human_size(max_bytes)}")
            out.write(chunk)
