"""The review page: a person corrects what was read, beside the document itself, in review.yaml.

One page per document shows its pages as images (`checklist.web.preview`)
beside its fields, the fields the checks rely on first, each with the text it
was read from. The person may correct a field, change the document's kind or
set it aside; on the report page each finding can be acknowledged with a note.
Every decision goes to the case's `review.yaml` through `checklist.reviewfile`,
the same file and the same parsing as `cec-checklist review`, so a date is read
in any form the extractors accept and an amount as a document writes it.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from checklist.errors import ChecklistError
from checklist.kinds import spec, specs
from checklist.models.document import Document, DocumentKind
from checklist.models.review import Review
from checklist.output import write_output
from checklist.report.environment import field_name
from checklist.reviewfile import REVIEW_FILE, load_review, review_yaml, typed_value, with_acknowledgement, with_decision
from checklist.reviewing import apply_review
from checklist.web.app import render, services
from checklist.web.preview import NoPreview, can_preview, page_png
from checklist.web.store import DOCUMENTS_DIR

MAX_NOTE = 2000
MAX_VALUE = 500
YES_NO = (("", "not stated"), ("true", "yes"), ("false", "no"))
EDITABLE = {str, int, float, dt.date, bool, type(None)}


def review_routes() -> list[Route]:
    return [
        Route("/cases/{case_id}/documents/{doc_id}", document_page),
        Route("/cases/{case_id}/documents/{doc_id}/pages/{number:int}.png", page_image),
        Route("/cases/{case_id}/documents/{doc_id}/review", save_document_review, methods=["POST"]),
        Route("/cases/{case_id}/acknowledge", save_acknowledgement, methods=["POST"]),
    ]


@dataclass(frozen=True)
class FieldRow:
    """One field as the page shows it: the value used now, where it was read, and what a person set."""

    name: str
    label: str
    value: str  # in the input: what the person typed, if the form came back with errors, else `original`
    original: str  # the value the checks use now
    choices: tuple[tuple[str, str], ...] | None
    key: bool
    snippet: str | None
    page: int | None
    ocr: bool
    confirmed: bool
    as_read: str | None
    error: str | None = None


# the document page


async def document_page(request: Request) -> Response:
    from checklist.web.pages import _case_id

    case_id = _case_id(request)
    saved = request.query_params.get("saved") == "1"
    return await _document(
        request, case_id, request.path_params["doc_id"], notices=["Saved in review.yaml."] if saved else []
    )


async def _document(
    request: Request,
    case_id: str,
    doc_id: str,
    *,
    notices: list[str],
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Response:
    from checklist.web.pages import _case_context

    svc = services(request)
    stored = svc.store.document(case_id, doc_id)
    folder = svc.store.folder(case_id)

    def build() -> dict[str, Any]:
        read = svc.cache.read(folder, stored.path)
        review, review_error = _loaded_review(folder)
        shown, apply_error = _applied(read, review)
        rows = field_rows(read, shown, errors or {}, typed or {})
        return {
            "doc": {
                "id": stored.id,
                "path": stored.path,
                "name": stored.path.removeprefix(DOCUMENTS_DIR + "/"),
                "kind": shown.kind.value,
                "kind_label": spec(shown.kind).label,
                "read_kind": read.kind.value,
                "error": read.raw.error,
                "pages": _page_numbers(read),
                "set_aside": shown.set_aside,
                "lapsed": shown.review_lapsed,
                "reviewed": shown.review is not None,
                "text": [(page.number, page.text) for page in read.raw.pages],
            },
            "rows": [row for row in rows if row.key],
            "more_rows": [row for row in rows if not row.key],
            "problem": problem or review_error or apply_error,
        }

    context = await _case_context(request, case_id, "documents")
    context.update(await run_in_threadpool(build))
    context.update(notices=notices, kinds=[(kind.kind.value, kind.label) for kind in specs()])
    return render(request, "document.html.j2", context, status)


def _loaded_review(folder: Path) -> tuple[Review, str | None]:
    """The case's review.yaml, or an empty one and what is wrong with the file (a hand edit gone wrong)."""
    try:
        return load_review(folder), None
    except ChecklistError as exc:
        return Review(), f"{exc}. Fix review.yaml or delete it; until then your decisions here cannot be saved."


def _applied(document: Document, review: Review) -> tuple[Document, str | None]:
    try:
        return apply_review([document], review)[0], None
    except ChecklistError as exc:
        return document, str(exc)


def _page_numbers(document: Document) -> list[int]:
    if not can_preview(document.raw.file_format) or document.raw.error:
        return []
    return [page.number for page in document.raw.pages] or [1]


def field_rows(read: Document, shown: Document, errors: dict[str, str], typed: dict[str, str]) -> list[FieldRow]:
    """The fields a person can set for the document's kind: the kind's key fields first, in its order."""
    kind = spec(shown.kind)
    editable = [
        name for name, info in kind.fields.model_fields.items() if _choices_or_plain(info.annotation) is not False
    ]
    order = [name for name in kind.key_fields if name in editable] + [
        name for name in editable if name not in kind.key_fields
    ]
    values = shown.fields.model_dump()
    as_read = (shown.review or {}).get("as_read", {})
    rows = []
    for name in order:
        info = kind.fields.model_fields[name]
        choices = _choices_or_plain(info.annotation)
        source = read.sources.get(name) if read.kind == shown.kind else None
        confirmed = name in shown.reviewed_fields
        rows.append(
            FieldRow(
                name=name,
                label=field_name(name),
                value=typed.get(name, as_text(values.get(name))),
                original=as_text(values.get(name)),
                choices=choices if choices is not False else None,
                key=name in kind.key_fields,
                snippet=source.snippet if source else None,
                page=source.page if source else None,
                ocr=bool(source and source.method and source.method.value == "ocr"),
                confirmed=confirmed,
                as_read=as_text(as_read.get(name)) if confirmed else None,
                error=errors.get(name),
            )
        )
    return rows


def _choices_or_plain(annotation: Any) -> tuple[tuple[str, str], ...] | None | Literal[False]:
    """Choices for a yes/no or a fixed list, None for free text (text, date, number), False if not editable here."""
    args = set(typing.get_args(annotation)) or {annotation}
    literals = [arg for arg in args if typing.get_origin(arg) is typing.Literal]
    if literals:
        values = [value for literal in literals for value in typing.get_args(literal)]
        return (("", "not stated"), *((str(value), str(value).replace("_", " ")) for value in values))
    if not args <= EDITABLE:
        return False  # lists (duties, positions) and nested results are corrected in the document itself
    return YES_NO if bool in args else None


def as_text(value: Any) -> str:
    """A value as the page's input shows it (and as it reads back unchanged)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


async def page_image(request: Request) -> Response:
    """Page N of the document as a PNG made here: never the uploaded bytes, never anything from outside."""
    from checklist.web.pages import _case_id

    case_id = _case_id(request)
    svc = services(request)
    stored = svc.store.document(case_id, request.path_params["doc_id"])
    folder = svc.store.folder(case_id)

    def build() -> bytes:
        document = svc.cache.read(folder, stored.path)
        return page_png(folder / stored.path, document.raw.file_format, request.path_params["number"] - 1)

    try:
        png = await run_in_threadpool(build)
    except NoPreview as exc:
        raise HTTPException(404, f"There is no image of this page: {exc}.") from None
    return Response(png, media_type="image/png")


# saving decisions


async def save_document_review(request: Request) -> Response:
    from checklist.web.pages import _case_id, _case_url, _form, _see, check_now

    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)
    stored = svc.store.document(case_id, request.path_params["doc_id"])
    folder = svc.store.folder(case_id)
    action = str(form.get("action") or "save")

    def decide() -> tuple[dict[str, str], dict[str, str], str | None]:
        with svc.lock(case_id):
            try:
                review = load_review(folder)
            except ChecklistError as exc:
                return {}, {}, f"{exc}. Fix review.yaml or delete it, then try again."
            read = svc.cache.read(folder, stored.path)
            if action == "undo":
                updated = review.model_copy(
                    update={"documents": {k: v for k, v in review.documents.items() if k != stored.path}}
                )
            else:
                shown, _ = _applied(read, review)
                errors, typed, updated = _decision(form, review, folder, stored.path, read, shown)
                if errors:
                    return errors, typed, None
            write_output(folder / REVIEW_FILE, review_yaml(updated))
            return {}, {}, None

    errors, typed, problem = await run_in_threadpool(decide)
    if errors or problem:
        return await _document(
            request, case_id, stored.id, notices=[], errors=errors, typed=typed, problem=problem, status=422
        )
    if action == "check":
        return await check_now(request, case_id)
    return _see(_case_url(case_id, f"documents/{stored.id}?saved=1"))


def _decision(
    form: FormData, review: Review, folder: Path, name: str, read: Document, shown: Document
) -> tuple[dict[str, str], dict[str, str], Review]:
    """The review with this form's decisions, or the errors by field (all of them, with what was typed)."""
    kind_text = str(form.get("kind") or shown.kind.value)
    try:
        kind = DocumentKind(kind_text)
    except ValueError:
        return {"kind": f"not a document kind: {kind_text}"}, {}, review
    set_aside = form.get("set_aside") == "1"
    if kind != shown.kind:  # the fields on the page were the old kind's: start the new kind afresh
        kept = {k: v for k, v in review.documents.items() if k != name}
        fresh = review.model_copy(update={"documents": kept})
        return {}, {}, with_decision(fresh, folder, name, kind=kind if kind != read.kind else None, set_aside=set_aside)
    changed, typed, errors = _changed_fields(form, kind)
    if errors:
        return errors, typed, review
    try:
        updated = with_decision(
            review, folder, name, fields=changed or None, set_aside=set_aside, read_kind=lambda _: kind
        )
    except ChecklistError as exc:
        field = getattr(exc, "field", None) or "kind"
        return {str(field).split(".")[0]: getattr(exc, "message", str(exc))}, typed, review
    return {}, {}, updated


def _changed_fields(form: FormData, kind: DocumentKind) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Fields whose input differs from what the page showed, parsed as the CLI parses them; errors by field."""
    changed: dict[str, Any] = {}
    typed: dict[str, str] = {}
    errors: dict[str, str] = {}
    for name in spec(kind).fields.model_fields:
        sent = form.get(f"field-{name}")
        if not isinstance(sent, str):
            continue
        sent = sent.strip()[:MAX_VALUE]
        typed[name] = sent
        if sent == str(form.get(f"shown-{name}") or "").strip():
            continue
        value: Any = {"true": True, "false": False}.get(sent, sent) if sent else None
        try:
            typed_value(kind, name, value)
        except ValueError as exc:
            errors[name] = str(exc)
            continue
        changed[name] = value
    return changed, typed, errors


async def save_acknowledgement(request: Request) -> Response:
    """Acknowledge a finding with a note (or withdraw it), then check again so the report shows it at once."""
    from checklist.web.pages import _case_id, _form, check_now, report_with_error

    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)
    folder = svc.store.folder(case_id)
    code = str(form.get("code") or "")
    documents = [str(item) for item in form.getlist("document") if isinstance(item, str) and item]
    job_text = str(form.get("job") or "")
    job = int(job_text) if job_text.isdigit() else None
    note = str(form.get("note") or "").strip()[:MAX_NOTE]
    withdraw = form.get("action") == "withdraw"

    def decide() -> str | None:
        with svc.lock(case_id):
            try:
                review = load_review(folder)
                real = _real_paths(svc, case_id, documents)
                if withdraw:
                    kept = [ack for ack in review.acknowledged if not ack.matches(code, real, job)]
                    updated = review.model_copy(update={"acknowledged": kept})
                else:
                    updated = with_acknowledgement(review, code, note, real[0] if real else None, job)
            except ChecklistError as exc:
                if getattr(exc, "field", None) == "--note":
                    return "Write a note saying why this finding is fine: it stays beside the finding in every report."
                return str(exc)
            write_output(folder / REVIEW_FILE, review_yaml(updated))
            return None

    problem = await run_in_threadpool(decide)
    if problem:
        return await report_with_error(request, case_id, problem)
    return await check_now(request, case_id)


def _real_paths(svc: Any, case_id: str, documents: list[str]) -> list[str]:
    """The documents a finding names, as the case folder names them (the report shows paths with SINs masked)."""
    from checklist.display import public

    by_public = {public(doc.path): doc.path for doc in svc.store.documents(case_id)}
    return [by_public[name] for name in documents if name in by_public]
