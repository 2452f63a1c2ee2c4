"""The web app's routes: cases, claims, documents, check and report, downloads, NOC search.

Handlers are thin: they read the request (forms through `_form`, which also
verifies the CSRF token), call the store or the checking pipeline in a worker
thread, and render a template or redirect. Every state change is a POST.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from checklist.casefile import CASE_FILE, case_yaml, load_yaml, parse_case
from checklist.display import public, readable, shown_name
from checklist.errors import ChecklistError
from checklist.kinds import specs
from checklist.models.report import Report
from checklist.output import PACK_TEMP_PREFIX, OutputError
from checklist.privacy import mask_sins_in_name
from checklist.reviewfile import REVIEW_FILE
from checklist.web.app import render, services, static_file
from checklist.web.claims import ClaimsForm, form_from_data, parse_form, read_form
from checklist.web.notices import Outcome, outcomes
from checklist.web.passwords import is_locked, password_routes
from checklist.web.reading import key_fields
from checklist.web.review import review_routes
from checklist.web.store import DOCUMENTS_DIR, STATE_DIR, CaseFull, CaseSummary, Changed, TooLarge, UnknownDocument

MAX_CASE_FILE = 256 * 1024
CLAIMS_CHANGED = (
    "The claims were changed in another tab (or another program) since this page was shown, so this "
    "was not saved. Your input is still in the form below: compare it with the saved claims "
    "(reload the page in another tab to see them) and save again to keep yours."
)
MAX_FIELDS = 2000


def _summaries(request: Request) -> list[CaseSummary]:
    """The case list with days left counted from the app's today (tests pin it)."""
    svc = services(request)
    return svc.store.summaries(svc.settings.today())


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/cases", create_case, methods=["POST"]),
        Route("/cases/{case_id}", open_case),
        Route("/cases/{case_id}/claims", claims_page),
        Route("/cases/{case_id}/claims", save_claims, methods=["POST"]),
        Route("/cases/{case_id}/claims/file", upload_case_file, methods=["POST"]),
        Route("/cases/{case_id}/documents", documents_page),
        Route("/cases/{case_id}/documents", upload_documents, methods=["POST"]),
        Route("/cases/{case_id}/documents/{doc_id}/remove", remove_document, methods=["POST"]),
        Route("/cases/{case_id}/documents/{doc_id}/replace", replace_document, methods=["POST"]),
        Route("/cases/{case_id}/check", run_check, methods=["POST"]),
        Route("/cases/{case_id}/report", report_page),
        Route("/cases/{case_id}/report.pdf", report_pdf),
        Route("/cases/{case_id}/report.json", report_json),
        Route("/cases/{case_id}/pack.zip", pack_zip),
        Route("/cases/{case_id}/requests/{job:int}.{ext}", request_file),
        Route("/cases/{case_id}/drafts.zip", drafts_zip),
        Route("/cases/{case_id}/delete", confirm_delete),
        Route("/cases/{case_id}/delete", delete_case, methods=["POST"]),
        Route("/noc", noc_page),
        Route("/api/noc/search", noc_search),
        Route("/static/{name}", static_file),
        *review_routes(),
        *password_routes(),
    ]


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _case_url(case_id: str, tail: str) -> str:
    """A case's page; folder names made by hand may hold spaces."""
    return f"/cases/{quote(case_id, safe='')}/{tail}"


async def _form(request: Request) -> FormData:
    """The posted form, within the upload limits, after the CSRF check."""
    svc = services(request)
    try:
        form = await request.form(max_files=svc.settings.max_files, max_fields=MAX_FIELDS)
    except HTTPException as exc:
        if exc.status_code != 400:
            raise
        raise HTTPException(
            400,
            f"The form could not be read: {exc.detail} At most {svc.settings.max_files} files "
            "go in one upload; send the rest in another.",
        ) from None
    svc.csrf.verify(request, form)
    return form


def _case_id(request: Request) -> str:
    case_id: str = request.path_params["case_id"]
    services(request).store.folder(case_id)  # raises UnknownCase
    return case_id


async def _case_context(request: Request, case_id: str, step: str) -> dict[str, Any]:
    """What every page of a case shows; read in a worker thread (the name may come from parsing case.yaml)."""
    return await run_in_threadpool(_context_of, services(request).store, case_id, step)


def _context_of(store: Any, case_id: str, step: str) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "case_name": store.name(case_id),
        "step": step,
        "has_claims": store.claims_text(case_id) is not None,
        "document_count": len(store.documents(case_id)),
        "checked": store.report(case_id) is not None,
    }


# cases


async def home(request: Request) -> Response:
    cases = await run_in_threadpool(_summaries, request)  # never on the event loop: a cold index reads
    return render(request, "cases.html.j2", {"cases": cases, "name_error": None})


async def create_case(request: Request) -> Response:
    form = await _form(request)
    name = str(form.get("name") or "").strip()
    if not name:
        cases = await run_in_threadpool(_summaries, request)
        context = {"cases": cases, "name_error": "Give the case a name, such as the applicant's name."}
        return render(request, "cases.html.j2", context, 422)
    case_id = services(request).store.create(name[:120])
    return _see(_case_url(case_id, "claims"))


async def open_case(request: Request) -> Response:
    case_id = _case_id(request)
    store = services(request).store
    if store.claims_text(case_id) is None:
        return _see(_case_url(case_id, "claims"))
    if store.report(case_id) is None:
        return _see(_case_url(case_id, "documents"))
    return _see(_case_url(case_id, "report"))


async def confirm_delete(request: Request) -> Response:
    case_id = _case_id(request)
    context = await _case_context(request, case_id, "delete")
    context["folder"] = str(services(request).store.folder(case_id))
    return render(request, "delete.html.j2", context)


async def delete_case(request: Request) -> Response:
    case_id = _case_id(request)
    await _form(request)
    svc = services(request)
    with svc.lock(case_id):
        await run_in_threadpool(svc.store.delete, case_id)
    return _see("/")


# claims


async def claims_page(request: Request) -> Response:
    case_id = _case_id(request)
    claims, file_error = await run_in_threadpool(_read_claims, services(request).store, case_id)
    return await _claims(request, case_id, claims, file_error, saved=request.query_params.get("saved") == "1")


def _read_claims(store: Any, case_id: str) -> tuple[ClaimsForm, str | None]:
    """The form prefilled from case.yaml, and what is wrong with the file; YAML is parsed in a worker thread."""
    text = store.claims_text(case_id)
    if text is None:
        return ClaimsForm(applicant=store.name(case_id)), None
    claims = form_from_data(_loose_yaml(text))
    try:
        parse_case(text, store.folder(case_id) / CASE_FILE)
    except ChecklistError as exc:
        return claims, str(exc)
    return claims, None


async def save_claims(request: Request) -> Response:
    case_id = _case_id(request)
    form = await _form(request)
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    step = str(form.get("next") or "claims")
    if step == "add-job" or step.startswith("remove-job-"):
        return await _claims(request, case_id, rearranged(fields, step), None, unsaved=True)
    case, claims = await run_in_threadpool(parse_form, fields)
    if case is None:
        return await _claims(request, case_id, claims, None, status=422)
    try:
        await run_in_threadpool(_write_claims, services(request), case_id, case_yaml(case), form.get("version"))
    except Changed:
        return await _claims(request, case_id, claims, None, status=409, conflict=CLAIMS_CHANGED)
    target = "documents" if form.get("next") == "documents" else "claims?saved=1"
    return _see(_case_url(case_id, target))


async def upload_case_file(request: Request) -> Response:
    case_id = _case_id(request)
    form = await _form(request)
    store = services(request).store
    upload = form.get("case_file")
    error = None
    if not isinstance(upload, UploadFile) or not upload.filename:
        error = "Choose a case.yaml file to upload."
    else:
        data = await upload.read(MAX_CASE_FILE + 1)
        try:
            if len(data) > MAX_CASE_FILE:
                raise ChecklistError(f"the file is larger than {MAX_CASE_FILE // 1024} KB; a case.yaml is a few lines")
            text = data.decode("utf-8-sig")
            await run_in_threadpool(parse_case, text, Path(upload.filename.replace("\\", "/").rsplit("/", 1)[-1]))
        except UnicodeDecodeError:
            error = f"{upload.filename}: not a text file (case.yaml is UTF-8 text)"
        except ChecklistError as exc:
            error = str(exc)
        else:
            try:
                await run_in_threadpool(_write_claims, services(request), case_id, text, form.get("version"))
            except Changed:
                claims, _ = await run_in_threadpool(_read_claims, store, case_id)
                return await _claims(
                    request,
                    case_id,
                    claims,
                    None,
                    status=409,
                    conflict=CLAIMS_CHANGED.replace(
                        "Your input is still in the form below",
                        "The saved claims are shown below; upload the file again",
                    ),
                )
            return _see(_case_url(case_id, "claims?saved=1"))
    claims, _ = await run_in_threadpool(_read_claims, store, case_id)
    return await _claims(request, case_id, claims, error, status=422)


def _write_claims(svc: Any, case_id: str, text: str, version: Any) -> None:
    """Save under the case's lock, if case.yaml is still the version the form was shown with."""
    with svc.lock(case_id):
        svc.store.write_claims(case_id, text, expected=version if isinstance(version, str) else None)


def rearranged(fields: dict[str, str], step: str) -> ClaimsForm:
    """The form with one more empty job ("add-job") or without job N ("remove-job-N"), as typed, not saved."""
    claims = read_form(fields)
    if step == "add-job":
        claims.blank_jobs = 1  # an empty row typed nothing into is dropped: there is always just one to fill
    else:
        index = step.removeprefix("remove-job-")
        if index.isdigit() and int(index) < len(claims.jobs):
            del claims.jobs[int(index)]
    return claims


async def _claims(
    request: Request,
    case_id: str,
    claims: ClaimsForm,
    file_error: str | None,
    *,
    saved: bool = False,
    status: int = 200,
    conflict: str | None = None,
    unsaved: bool = False,
) -> Response:
    context = await _case_context(request, case_id, "claims")
    context.update(
        form=claims,
        file_error=file_error,
        saved=saved,
        noc_titles=_noc_titles(request, claims),
        conflict=conflict,
        unsaved=unsaved,
        version=services(request).store.claims_version(case_id),
    )
    return render(request, "claims.html.j2", context, status)


def _noc_titles(request: Request, claims: ClaimsForm) -> dict[str, str]:
    noc = services(request).noc()
    if noc is None:
        return {}
    titles = {}
    for row in claims.jobs:
        group = noc.get(row["noc"]) if len(row["noc"]) == 5 else None
        if group is not None:
            titles[row["noc"]] = f"{group.title} (TEER {group.teer})"
    return titles


def _loose_yaml(text: str | None) -> Any:
    """Whatever case.yaml holds, to prefill the form; nothing when it cannot be read (its error is shown instead)."""
    try:
        return load_yaml(text or "")
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}


# documents


async def documents_page(request: Request) -> Response:
    case_id = _case_id(request)
    tokens = request.query_params.get("done")
    outcome = outcomes(request).merged(case_id, tokens)
    if outcome is None:
        return await _documents(request, case_id, notices=[], errors=[])
    summary = outcome.summary
    if "," in (tokens or "") and outcome.added:  # files uploaded one by one: one summary of them all (readings cached)
        summary = await run_in_threadpool(_reading_summary, services(request), case_id, outcome.added)
    return await _documents(
        request, case_id, notices=[*summary, *outcome.notices], errors=outcome.errors, added=outcome.added
    )


def _after(request: Request, case_id: str, outcome: Outcome) -> Response:
    """Post/Redirect/Get: the documents page with what the POST did; a reload uploads nothing again."""
    token = outcomes(request).put(outcome)
    return _see(_case_url(case_id, f"documents?done={token}"))


async def upload_documents(request: Request) -> Response:
    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)
    uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
    if not uploads:
        return await _documents(
            request, case_id, notices=[], errors=["Choose one or more files to upload."], status=422
        )
    errors: list[str] = []
    added: list[str] = []
    renamed: list[str] = []
    for upload in uploads:
        sent = upload.filename or ""
        name = shown_name(sent)  # in the messages; the store makes its own safe name from what was sent
        try:
            stored, same_as = await run_in_threadpool(_add, svc, case_id, sent, upload)
        except TooLarge as exc:
            errors.append(f"{name}: not kept; {exc} (the limit per file).")
            continue
        except CaseFull as exc:
            errors.append(f"{name}: not kept; {exc}.")
            continue
        if same_as is not None:
            errors.append(
                f"{name}: not kept; it is the same file as {same_as.removeprefix(DOCUMENTS_DIR + '/')}, "
                "already in this case."
            )
            continue
        added.append(stored.id)
        if stored.path.rsplit("/", 1)[-1] != sent.replace("\\", "/").rsplit("/", 1)[-1]:
            renamed.append(f"{name} is saved as {stored.path.rsplit('/', 1)[-1]}.")
    wants_json = request.headers.get("accept", "").startswith("application/json")
    if not added and not wants_json:  # nothing changed: a reload only says the same again
        return await _documents(request, case_id, notices=[], errors=errors, status=422)
    summary = await run_in_threadpool(_reading_summary, svc, case_id, added)
    outcome = Outcome(case_id, notices=renamed, errors=errors, added=added, summary=summary)
    if wants_json:  # the page's one-file-at-a-time upload: what this file gave, and a token for the summary page
        token = outcomes(request).put(outcome)
        return JSONResponse({"token": token, "summary": summary, "notices": renamed, "errors": errors})
    return _after(request, case_id, outcome)


def _add(svc: Any, case_id: str, name: str, upload: UploadFile) -> tuple[Any, str | None]:
    """Keep an upload, unless the case holds the same bytes already: then (the upload, the path it repeats)."""
    with svc.lock(case_id):  # two tabs uploading at once still get two names, and the case's limit holds
        stored = svc.store.add_document(
            case_id, name, upload.file, svc.settings.max_file_bytes, svc.settings.max_documents
        )
        same_as = _same_file(svc, case_id, stored)
        if same_as is not None:
            svc.store.remove_document(case_id, stored.id)
        return stored, same_as


def _same_file(svc: Any, case_id: str, new: Any) -> str | None:
    """Another document of the case with the same bytes (compared by SHA-256, only among files of the same size)."""
    from checklist.reviewfile import file_sha256

    if new.size == 0:
        return None  # two empty files are not copies of one document: each is kept and said to be empty
    folder = svc.store.folder(case_id)
    others = [doc for doc in svc.store.documents(case_id) if doc.size == new.size and doc.id != new.id]
    if not others:
        return None
    digest = file_sha256(folder / new.path)
    return next((doc.path for doc in others if file_sha256(folder / doc.path) == digest), None)


def _reading_summary(svc: Any, case_id: str, added: list[str]) -> list[str]:
    """What reading the new files gave, honestly: "1 read, 4 could not be read: a.pdf (why); ..."."""
    if not added:
        return []
    folder = svc.store.folder(case_id)
    by_id = {doc.id: doc for doc in svc.store.documents(case_id)}
    added = [doc_id for doc_id in added if doc_id in by_id]  # removed since (another tab): not summarised
    if not added:
        return []
    unread: list[str] = []
    unknown = 0
    for doc_id in added:
        document = svc.cache.read(folder, by_id[doc_id].path)
        if document.raw.error or document.kind.value == "unreadable":
            reason = document.raw.error or "no text could be read"
            unread.append(f"{by_id[doc_id].path.removeprefix(DOCUMENTS_DIR + '/')} ({reason})")
        elif document.kind.value == "other":
            unknown += 1
    read = len(added) - len(unread)
    parts = [f"{read} read"] if read else []
    if unknown:
        parts[0] += (
            f" ({unknown} of them of no kind the checks know: open {'it' if unknown == 1 else 'each'} to set its kind)"
        )
    if unread:
        parts.append(f"{len(unread)} could not be read: " + "; ".join(unread))
    return [", ".join(parts) + "."]


async def remove_document(request: Request) -> Response:
    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)

    def remove() -> None:
        with svc.lock(case_id):  # never while a check of this case reads it
            svc.store.remove_document(case_id, request.path_params["doc_id"], expected=_version(form))

    try:
        await run_in_threadpool(remove)
    except Changed as exc:  # (already removed: UnknownDocument, the "no such document" page)
        return await _documents(
            request,
            case_id,
            notices=[],
            status=409,
            errors=[
                f"{exc}: not removed; it was replaced in another tab since this page was shown. Look at it below first."
            ],
        )
    return _see(_case_url(case_id, "documents"))


def _version(form: FormData) -> str | None:
    value = form.get("version")
    return value if isinstance(value, str) else None


async def replace_document(request: Request) -> Response:
    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)
    doc = svc.store.document(case_id, request.path_params["doc_id"])
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _documents(
            request, case_id, notices=[], errors=[f"{doc.path}: choose the new file to replace it with."], status=422
        )

    def replace() -> None:
        with svc.lock(case_id):
            svc.store.replace_document(case_id, doc.id, upload.file, svc.settings.max_file_bytes, _version(form))

    try:
        await run_in_threadpool(replace)
    except (Changed, UnknownDocument):
        message = (
            f"{doc.path}: not replaced; it was changed or removed in another tab since this page was shown. "
            "Look at it below, then choose the new file again."
        )
        return await _documents(request, case_id, notices=[], errors=[message], status=409)
    except TooLarge as exc:
        return await _documents(
            request, case_id, notices=[], errors=[f"{shown_name(upload.filename or '')}: not kept; {exc}."], status=422
        )
    summary = await run_in_threadpool(_reading_summary, svc, case_id, [doc.id])
    return _after(
        request,
        case_id,
        Outcome(
            case_id, notices=[f"{doc.path}: replaced by {shown_name(upload.filename or '')}.", *summary], added=[doc.id]
        ),
    )


async def _documents(
    request: Request,
    case_id: str,
    *,
    notices: list[str],
    errors: list[str],
    added: list[str] | None = None,
    status: int = 200,
) -> Response:
    svc = services(request)
    folder = svc.store.folder(case_id)

    def read_all() -> list[dict[str, Any]]:
        rows = []
        for stored in svc.store.documents(case_id):
            try:
                document = svc.cache.read(folder, stored.path)
            except FileNotFoundError:  # removed in another tab while this page was being made
                continue
            method = document.raw.pages[0].method.value if document.raw.pages else None
            rows.append(
                {
                    "id": stored.id,
                    "path": stored.path,
                    "name": stored.path.removeprefix(DOCUMENTS_DIR + "/"),
                    "size": stored.size,
                    "kind": document.kind.value,
                    "error": document.raw.error,
                    "fields": key_fields(document),
                    "ocr": method == "ocr",
                    "locked": is_locked(document.raw.file_format, document.raw.error),
                    "new": stored.id in (added or []),
                    "version": stored.version,
                }
            )
        return rows

    context = await _case_context(request, case_id, "documents")
    context.update(await run_in_threadpool(_todo, request, case_id))
    context.update(
        documents=await run_in_threadpool(read_all),
        notices=notices,
        errors=errors,
        kinds=[{"name": kind.kind.value, "plural": kind.plural} for kind in specs()],
        max_mb=svc.settings.max_file_bytes / 1_000_000,
        max_files=svc.settings.max_files,
    )
    return render(request, "documents.html.j2", context, status)


def _todo(request: Request, case_id: str) -> dict[str, Any]:
    """What to collect: the last check's list (ticked by the documents it read), else the claims' own list."""
    from checklist.casefile import load_case
    from checklist.pipeline import build_report
    from checklist.report import report_data

    svc = services(request)
    last = svc.store.report(case_id)
    if isinstance(last, dict) and isinstance(last.get("todo"), list):
        return {
            "todo": last["todo"],
            "todo_jobs": (last.get("claims") or {}).get("jobs", []),
            "todo_as_of": last.get("as_of"),
        }
    try:
        data = report_data(build_report(load_case(svc.store.folder(case_id)), svc.settings.today(), []))
    except ChecklistError:
        return {"todo": [], "todo_jobs": [], "todo_as_of": None}
    return {"todo": data["todo"], "todo_jobs": data["claims"]["jobs"], "todo_as_of": None}


# check and report


def _build_report(request: Request, case_id: str) -> Report:
    """Check the case as it is on disk now (the one pipeline), reusing the readings of unchanged files."""
    from checklist.pipeline import CheckOptions, check_case

    svc = services(request)
    folder = svc.store.folder(case_id)
    options = CheckOptions(
        as_of=svc.settings.today(),
        noc=svc.noc(),
        find_noc=False,  # looked for once by the page, which says why it is missing
        read=lambda path: svc.cache.read(folder, path.relative_to(folder).as_posix()),
    )
    return check_case(folder, options)


async def run_check(request: Request) -> Response:
    case_id = _case_id(request)
    await _form(request)
    return await check_now(request, case_id)


async def check_now(request: Request, case_id: str) -> Response:
    """Check the case, keep the report, and show it (after a form was accepted: "Check again" or a decision)."""
    from checklist.report import render_json

    svc = services(request)

    def check() -> None:
        with svc.lock(case_id):
            svc.store.save_report(case_id, render_json(_build_report(request, case_id)))

    try:
        await run_in_threadpool(check)
    except OutputError:
        raise  # a full or read-only disk has its own page (web.app.storage_error)
    except ChecklistError as exc:
        fix = "Fix review.yaml" if exc.path is not None and exc.path.name == REVIEW_FILE else "Fix the claims"
        return await _documents(
            request, case_id, notices=[], errors=[f"Cannot check yet: {exc}. {fix} first."], status=422
        )
    return _see(_case_url(case_id, "report"))


async def report_page(request: Request) -> Response:
    case_id = _case_id(request)
    return await _report(request, case_id)


async def report_with_error(request: Request, case_id: str, error: str) -> Response:
    """The report page with what stopped a decision from being saved (a note left empty, a broken review.yaml)."""
    return await _report(request, case_id, error=error, status=422)


async def _report(request: Request, case_id: str, *, error: str | None = None, status: int = 200) -> Response:
    from checklist.report import html_view
    from checklist.report.changes import compare_reports

    store = services(request).store
    data = store.report(case_id)
    context = await _case_context(request, case_id, "report")
    context["report_error"] = error
    if data is None:
        return render(request, "report.html.j2", {**context, "report": None}, status)
    previous = store.previous_report(case_id)
    changes = compare_reports(previous, data) if previous else None
    doc_pages = {public(doc.path): _case_url(case_id, f"documents/{doc.id}") for doc in store.documents(case_id)}
    context.update(
        report=True,
        changes=changes,
        stale=_stale(store.folder(case_id), data),
        doc_pages=doc_pages,
        review_actions=True,
        drafts=_draft_links(data),
    )
    return render(request, "report.html.j2", {**data, "view": html_view(data), **context}, status)


def _stale(folder: Path, data: dict[str, Any]) -> bool:
    """Whether claims or documents changed after the last check (added, removed, replaced or edited)."""
    from checklist.ingest import discover

    checked = (folder / STATE_DIR / "report.json").stat().st_mtime_ns
    files = discover(folder)
    if {public(path.relative_to(folder).as_posix()) for path in files} != {
        doc["path"] for doc in data.get("documents", [])
    }:
        return True  # the report holds public paths (SINs masked, names printable): compare like with like
    decided = [folder / CASE_FILE, folder / REVIEW_FILE]
    return any(path.stat().st_mtime_ns > checked for path in [*decided, *files] if path.exists())


def _last_report(request: Request, case_id: str) -> dict[str, Any]:
    data = services(request).store.report(case_id)
    if data is None:
        raise HTTPException(404, "This case has not been checked yet. Press “Check my documents” first.")
    return data


def _download(content: bytes, media_type: str, name: str) -> Response:
    """A file to save; its name is made of a public case id, and is masked once more on the way out."""
    safe = re.sub(r"[^\w .()-]", "_", mask_sins_in_name(readable(name)), flags=re.ASCII)
    return Response(content, media_type=media_type, headers={"content-disposition": f'attachment; filename="{safe}"'})


async def report_json(request: Request) -> Response:
    import json

    case_id = _case_id(request)
    text = public(json.dumps(_last_report(request, case_id), indent=2, ensure_ascii=False)) + "\n"
    return _download(text.encode("utf-8"), "application/json", f"cec-report-{case_id}.json")


async def report_pdf(request: Request) -> Response:
    from checklist.report import pdf_from_data

    case_id = _case_id(request)
    data = _last_report(request, case_id)
    try:
        pdf = await run_in_threadpool(pdf_from_data, data)
    except ChecklistError as exc:
        raise HTTPException(503, str(exc)) from None
    return _download(pdf, "application/pdf", f"cec-report-{case_id}.pdf")


async def pack_zip(request: Request) -> Response:
    """The upload pack (one PDF per position, each under 4 MB) as one zip, built from the files as they are now."""
    from checklist.pack import pack_case

    case_id = _case_id(request)
    svc = services(request)

    def build() -> bytes:
        with svc.lock(case_id), tempfile.TemporaryDirectory(prefix=PACK_TEMP_PREFIX) as tmp:
            out = Path(tmp) / "upload"
            pack_case(svc.store.folder(case_id), out, _build_report(request, case_id))
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
                for path in sorted(out.iterdir()):
                    archive.write(path, path.name)
            return buffer.getvalue()

    try:
        content = await run_in_threadpool(build)
    except OutputError:
        raise
    except ChecklistError as exc:
        raise HTTPException(409, f"Cannot build the upload pack: {exc}") from None
    return _download(content, "application/zip", f"cec-upload-{case_id}-{dt.date.today().isoformat()}.zip")


# Requests to employers and letters of explanation: GETs that only read the last report

DRAFT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
}


def _drafts_report(data: dict[str, Any]) -> Report | None:
    try:
        return Report.model_validate(data)
    except ValueError:  # a report.json from another version: no drafts rather than a broken page
        return None


def _draft_links(data: dict[str, Any]) -> dict[str, Any]:
    """What the report page offers: one request per job that needs one, and whether explanations are called for."""
    from checklist.actions.explanations import build_explanations
    from checklist.actions.requests import build_requests

    report = _drafts_report(data)
    if report is None:
        return {"requests": [], "explanations": 0}
    requests = [{"job": r.job, "employer": r.employer, "title": r.title} for r in build_requests(report)]
    return {"requests": requests, "explanations": len(build_explanations(report))}


async def request_file(request: Request) -> Response:
    """The request to one job's employer, as .docx or .txt, from the last check."""
    from checklist.actions.writer import request_drafts

    case_id = _case_id(request)
    ext, job = request.path_params["ext"], request.path_params["job"]
    report = _drafts_report(_last_report(request, case_id))
    if ext not in DRAFT_TYPES or report is None:
        raise HTTPException(404, "No such file.")
    drafts = request_drafts(report, job)
    if not drafts:
        raise HTTPException(404, "The last check found nothing to ask this employer.")
    name, content = next((n, c) for n, c in drafts[0][1] if n.endswith("." + ext))
    return _download(content, DRAFT_TYPES[ext], name)


async def drafts_zip(request: Request) -> Response:
    """Every request and letter of explanation of the last check, .docx and .txt, in one zip."""
    from checklist.actions.writer import explanation_drafts, request_drafts

    case_id = _case_id(request)
    report = _drafts_report(_last_report(request, case_id))
    files = (
        []
        if report is None
        else [item for _, pair in [*request_drafts(report), *explanation_drafts(report)] for item in pair]
    )
    if not files:
        raise HTTPException(404, "The last check found nothing to ask an employer and nothing to explain.")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(mask_sins_in_name(name), content)
    return _download(buffer.getvalue(), "application/zip", f"cec-drafts-{case_id}.zip")


# NOC


async def noc_page(request: Request) -> Response:
    query = request.query_params.get("q", "").strip()[:300]
    noc = services(request).noc()
    hits = noc_hits(noc, query, 15) if noc is not None else []
    return render(request, "noc.html.j2", {"query": query, "hits": hits})


async def noc_search(request: Request) -> Response:
    """Search-as-you-type for the claims form: the best unit groups for a title, duties or the start of a code."""
    query = request.query_params.get("q", "").strip()[:300]
    noc = services(request).noc()
    if noc is None:
        return JSONResponse(
            {"error": "NOC 2021 data is not installed: run 'cec-checklist noc install FOLDER'."}, status_code=503
        )
    return JSONResponse(noc_hits(noc, query, 8))


SUGGESTED_DUTIES = 3  # a few main duties beside each suggestion: enough to tell two close groups apart


def noc_hits(noc: Any, query: str, limit: int) -> list[dict[str, Any]]:
    """The suggestions for a title, duties or the start of a code, each with its first main duties, so a
    person sees what the group does before using its code."""
    if len(query) < 2:
        return []
    rows = []
    for hit in noc.find(query, limit=limit):
        group = noc.get(hit.code)
        rows.append({**hit.as_row(), "duties": list(group.main_duties[:SUGGESTED_DUTIES]) if group else []})
    return rows
