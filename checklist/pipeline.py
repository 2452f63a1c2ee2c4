"""The whole check of a case: read, classify, extract, run the rules, report.

A case flows one way: file -> RawDocument -> kind -> fields -> findings ->
report. Nothing here prints; the CLI decides what to show.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from checklist import __version__
from checklist.actions.todo import build_todo
from checklist.casefile import load_case
from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import discover, read_document, scan
from checklist.ingest.cache import ReadingCache
from checklist.ingest.limits import ReadLimits, ReadTimeout, time_limit
from checklist.ingest.parallel import ordered_map
from checklist.models.case import Case
from checklist.models.document import Classification, Document, DocumentKind, Page, RawDocument
from checklist.models.findings import Severity
from checklist.models.report import AuthorizationPeriod, Claims, Deadline, DocumentReport, Report, Window
from checklist.models.review import Review
from checklist.privacy import mask_sins
from checklist.reviewfile import file_sha256, load_review
from checklist.reviewing import acknowledge, apply_review
from checklist.rules.context import Context
from checklist.rules.eligibility import ITA_DAYS
from checklist.rules.engine import run_checks
from checklist.rules.evidence import evidence_matrix

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckOptions:
    """How to check a case: one object for the CLI, batch, the web page and pack.

    `as_of` ends the 3-year window (default: `today()`); `noc` is NOC data
    already loaded (a batch loads it once), else it is loaded from `noc_dir`,
    the environment or the user data folder; `cache` keeps each file's reading
    in the case folder (`checklist.ingest.cache`) so unchanged files are not
    read again; `on_document` is told each document's path once it is read;
    `workers` caps the processes that read files in parallel (None: one per
    core where safe, see `checklist.ingest.parallel`; 1: none). `read`, when
    given, turns each found file into its `Document` instead (the web page
    keeps its readings in memory); `find_noc` False takes `noc` as given, even
    None (the caller has looked for the data already and reports its absence).
    """

    as_of: dt.date | None = None
    today: Callable[[], dt.date] = dt.date.today
    noc_dir: Path | None = None
    noc: Any | None = None
    limits: ReadLimits = field(default_factory=ReadLimits)
    cache: bool = True
    on_document: Callable[[str], None] | None = None
    workers: int | None = None
    read: Callable[[Path], Document] | None = None
    find_noc: bool = True

    @property
    def day(self) -> dt.date:
        return self.as_of or self.today()


def understand(path: Path, root: Path, limits: ReadLimits | None = None, cache: ReadingCache | None = None) -> Document:
    """Read, classify and extract one file (SINs masked from the start), within the time limit.

    With a `cache`, a file read before (same bytes, reader and limits) is not read again."""
    limits = limits or ReadLimits()
    try:
        with time_limit(limits.max_seconds) as deadline:
            raw = read_raw(path, root, limits, cache)
            return extract(raw, classify(raw))
    except ReadTimeout as exc:
        if exc.deadline is not deadline:
            raise
        rel = path.relative_to(root).as_posix()
        reason = f"the document took longer than {limits.max_seconds:g} s to read (the time limit per document)"
        raw = _hashed(RawDocument(path=rel, size=path.stat().st_size, file_format="unknown", error=reason), path)
        return Document(
            raw=raw, classification=Classification(kind=DocumentKind.UNREADABLE, score=0.0, evidence=[reason])
        )


def read_raw(path: Path, root: Path, limits: ReadLimits, cache: ReadingCache | None = None) -> RawDocument:
    """One file's reading as the check uses it (SINs masked, hashed), from the `cache` when it holds it.

    The first stage of `understand`, on its own for the benchmark's figures per stage."""
    rel = path.relative_to(root).as_posix()
    sha256 = _sha256_within(path, limits) if cache is not None else None
    if cache is not None and sha256 is not None:
        stored = cache.get(sha256, rel)
        if stored is not None:
            return stored
    raw = _hashed(_masked(read_document(path, root, limits)), path)
    if cache is not None:
        cache.put(raw)
    return raw


def read_documents(
    case_dir: Path,
    limits: ReadLimits | None = None,
    on_document: Callable[[str], None] | None = None,
    cache: bool = False,
    paths: list[Path] | None = None,
    workers: int | None = None,
) -> list[Document]:
    """The documents of the case folder (or of `paths`, already found in it), read, classified and extracted.

    Several files are handled in parallel processes where that is safe (`checklist.ingest.parallel`,
    `workers` caps them; 1: one by one here); the documents are the same, in the same order."""
    limits = limits or ReadLimits()
    readings = ReadingCache(case_dir, limits) if cache else None
    if readings is not None:
        readings.clean_leftovers()  # once, here: not by each worker
    found = discover(case_dir) if paths is None else paths
    documents = []
    for document in ordered_map(partial(understand, root=case_dir, limits=limits, cache=readings), found, workers):
        documents.append(document)
        if on_document:
            on_document(document.path)
    return documents


def check_case(case_dir: Path, options: CheckOptions | None = None, **shorthand: Any) -> Report:
    """Check a case folder and return its report: the one pipeline every command uses.

    `shorthand` sets fields of `options` by name (`check_case(d, as_of=day)`).
    Raises CaseFileError for a bad case.yaml or review.yaml and NocDataError
    for a bad NOC folder; without any NOC data the NOC checks report
    noc.data-missing. The report lists the tool's own files it set aside.
    """
    options = replace(options or CheckOptions(), **{k: v for k, v in shorthand.items() if v is not None})
    case = load_case(case_dir)
    review = load_review(case_dir)
    noc = options.noc if options.noc is not None or not options.find_noc else load_noc(options.noc_dir)
    found, aside = scan(case_dir)  # one walk of the folder: the documents and the tool's own files
    if options.read is not None:
        documents = _read_each(found, options.read)
    else:
        documents = read_documents(
            case_dir, options.limits, options.on_document, cache=options.cache, paths=found, workers=options.workers
        )
    report = build_report(case, options.day, documents, noc, review)
    return report.model_copy(update={"set_aside": [{"path": p, "reason": r} for p, r in aside]})


def _read_each(found: list[Path], read: Callable[[Path], Document]) -> list[Document]:
    documents = []
    for path in found:
        try:
            documents.append(read(path))
        except FileNotFoundError:  # removed since the folder was listed: the check is of what is there
            continue
    return documents


def load_noc(noc_dir: Path | None) -> Any | None:
    """NOC data from the given folder, else the environment variable or the user data folder, else None."""
    from checklist.noc import load_noc_data, resolve_noc_dir

    found = resolve_noc_dir(noc_dir)
    return load_noc_data(found) if found is not None else None


def build_report(
    case: Case, as_of: dt.date, documents: list[Document], noc: Any | None = None, review: Review | None = None
) -> Report:
    """The report of a case as of `as_of`, today as the check sees it (nothing after it is counted).

    `review` (review.yaml) applies a person's decisions first, so every check uses the reviewed
    values; documents set aside are reported but not checked; acknowledged blockers do not
    count against `ready`.
    """
    documents = apply_review(documents, review)
    ctx = Context(
        case=case,
        as_of=as_of,
        documents=[doc for doc in documents if not doc.set_aside],
        noc=noc,
        review_lapsed=[doc.path for doc in documents if doc.review_lapsed],
    )
    deadline = case.ita_date + dt.timedelta(days=ITA_DAYS) if case.ita_date else None
    findings = acknowledge(run_checks(ctx), review)
    start, end = ctx.window
    report = Report(
        tool_version=__version__,
        applicant=case.applicant,
        case_name=case.case_name,
        as_of=as_of,
        window=Window(start=start, end=end),
        ita_deadline=deadline,
        deadline=Deadline(date=deadline, days_left=(deadline - as_of).days) if deadline else None,
        ready=not any(f.severity is Severity.BLOCKER and not f.acknowledged for f in findings),
        experience=ctx.experience,
        documents=[_document_report(doc, ctx) for doc in documents],
        findings=findings,
        duties=_duty_table(ctx),
        noc_data=noc is not None,
        claims=Claims(
            ita_date=case.ita_date,
            application_date=case.application_date,
            jobs=[job.model_dump(mode="json") for job in case.jobs],
            study=[period.model_dump(mode="json") for period in case.study],
        ),
        evidence=evidence_matrix(ctx, findings),
        authorization=[
            AuthorizationPeriod(
                start=p.start,
                end=p.end,
                basis=p.basis,
                documents=list(p.documents),
                employer=p.employer,
                occupation=p.occupation,
                noc=p.noc,
                restrictions=list(p.restrictions),
            )
            for p in ctx.authorization.periods
        ],
        other_status=[
            {"start": o.start, "end": o.end, "document": o.document, "why": o.why} for o in ctx.authorization.others
        ],
    )
    return report.model_copy(update={"todo": build_todo(case, report)})


def _duty_table(ctx: Context) -> list[dict[str, Any]]:
    """The duty-by-duty NOC match per job; if matching failed, the checks already said so."""
    try:
        return [
            {"job": index, "letter": letter.path, **match.model_dump(mode="json")}
            for index, match, letter in ctx.duty_matches()
        ]
    except Exception:  # noqa: BLE001 - reported as internal.check-failed by the duties checks
        log.exception("NOC duty matching failed")
        return []


def _document_report(doc: Document, ctx: Context) -> DocumentReport:
    method = doc.raw.pages[0].method.value if doc.raw.pages else None
    return DocumentReport(
        path=doc.path,
        kind=doc.kind.value,
        fields=doc.fields.model_dump(),
        sources={name: source.model_dump(mode="json") for name, source in doc.sources.items()},
        job=ctx.assignments[doc.path].job if doc.path in ctx.assignments else None,
        read_as=method,
        language=doc.language,
        evidence=doc.classification.evidence,
        error=doc.raw.error,
        review=doc.review,
        reviewed_fields=doc.reviewed_fields,
    )


def _sha256_within(path: Path, limits: ReadLimits) -> str | None:
    """The file's SHA-256 if it is small enough to be read at all (a huge file is refused unhashed)."""
    try:
        return file_sha256(path) if path.stat().st_size <= limits.max_bytes else None
    except OSError:
        return None


def _hashed(raw: RawDocument, path: Path) -> RawDocument:
    """The raw document with its file's SHA-256 (hashed here when the reader stopped before reading it)."""
    if raw.sha256 is not None:
        return raw
    try:
        return raw.model_copy(update={"sha256": file_sha256(path)})
    except OSError:
        return raw


def _masked(raw: RawDocument) -> RawDocument:
    if not raw.pages:
        return raw
    pages = [Page(number=p.number, text=mask_sins(p.text), method=p.method, confidence=p.confidence) for p in raw.pages]
    return raw.model_copy(update={"pages": pages})
