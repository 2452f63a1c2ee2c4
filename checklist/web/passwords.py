"""A password-protected PDF opened once with the password its owner types, then kept without it.

Payroll portals often protect pay stubs with a password (a birth date, the
last digits of a SIN). The page asks for it beside the document; the
password decrypts the file once, in memory, and the case keeps the decrypted
copy under the same name, so every later check, preview and upload pack can
read it. The password itself is never written, logged or put in a page.
"""

from __future__ import annotations

import io
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from checklist.web.app import services
from checklist.web.notices import Outcome
from checklist.web.store import DOCUMENTS_DIR

log = logging.getLogger(__name__)
MAX_PASSWORD = 200


class WrongPassword(ValueError):
    """The password does not open the PDF (or the file is not a protected PDF)."""


def password_routes() -> list[Route]:
    return [Route("/cases/{case_id}/documents/{doc_id}/unlock", unlock_document, methods=["POST"])]


def is_locked(file_format: str, error: str | None) -> bool:
    """A PDF the reader could not open for want of its password (what the page asks the password for)."""
    return file_format == "pdf" and bool(error) and "password-protected" in str(error)


def decrypted_pdf(data: bytes, password: str) -> bytes:
    """The PDF without its protection; WrongPassword if `password` does not open it."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if not reader.is_encrypted:
            raise WrongPassword("the file is not password-protected")
        if not reader.decrypt(password):
            raise WrongPassword("the password does not open it")
        writer = pypdf.PdfWriter(clone_from=reader)
        out = io.BytesIO()
        writer.write(out)
    except WrongPassword:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF makes pypdf raise almost any type
        log.debug("decryption failed: %s", type(exc).__name__)  # never the password
        raise WrongPassword(f"it cannot be opened ({type(exc).__name__})") from None
    return out.getvalue()


async def unlock_document(request: Request) -> Response:
    from checklist.web.pages import _after, _case_id, _form, _reading_summary

    case_id = _case_id(request)
    form = await _form(request)
    svc = services(request)
    doc = svc.store.document(case_id, request.path_params["doc_id"])
    name = doc.path.removeprefix(DOCUMENTS_DIR + "/")
    password = str(form.get("password") or "")[:MAX_PASSWORD]
    if not password:
        return _after(request, case_id, Outcome(case_id, errors=[f"{name}: type the password that opens it."]))

    def unlock() -> None:
        with svc.lock(case_id):
            path = svc.store.folder(case_id) / doc.path
            plain = decrypted_pdf(path.read_bytes(), password)
            svc.store.replace_document(case_id, doc.id, io.BytesIO(plain), max(svc.settings.max_file_bytes, len(plain)))

    try:
        await run_in_threadpool(unlock)
    except WrongPassword as exc:
        return _after(request, case_id, Outcome(case_id, errors=[f"{name}: not opened; {exc}."]))
    summary = await run_in_threadpool(_reading_summary, svc, case_id, [doc.id])
    notice = f"{name}: opened with its password and kept without it (the password is not stored)."
    return _after(request, case_id, Outcome(case_id, notices=[notice, *summary], added=[doc.id]))
