"""The local web app: assembly of routes, middleware, templates and services.

`create_app(settings)` returns a Starlette application; `cec-checklist serve`
runs it with uvicorn on 127.0.0.1. Pages are rendered by the report's Jinja
environment (autoescape on), every page is masked for SINs like every other
output, and the only assets are the app's own CSS and script.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from checklist import __version__
from checklist.display import mask_logs, public
from checklist.errors import ChecklistError
from checklist.ingest.limits import MAX_FILE_BYTES, ReadLimits
from checklist.output import OutputError, is_storage_error, output_error, remove_stale_temp_dirs
from checklist.report.environment import environment, template_dir
from checklist.web.reading import DocumentCache
from checklist.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SECURITY_HEADERS,
    BodyLimitMiddleware,
    Csrf,
    SecurityHeadersMiddleware,
    default_secret_file,
    load_secret,
)
from checklist.web.store import CaseStore, UnknownCase, UnknownDocument

log = logging.getLogger(__name__)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
STATIC = {"app.css": "text/css", "app.js": "text/javascript", "report.css": "text/css"}


@dataclass(frozen=True)
class WebSettings:
    """What `serve` passes in; the defaults are what an applicant gets."""

    cases_dir: Path
    noc_dir: Path | None = None
    max_file_bytes: int = MAX_FILE_BYTES
    max_files: int = 100  # per upload
    max_documents: int = 300  # per case
    max_request_bytes: int = 200 * 1024 * 1024
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    limits: ReadLimits = field(default_factory=ReadLimits)
    today: Callable[[], dt.date] = dt.date.today  # the day checks count to (tests pin it to a sample's day)
    secret_file: Path | None = None  # the form secret; None: `web-form-secret` in the user data folder


class Services:
    """What the handlers share: the store, the readings, NOC data, the CSRF secret, one lock per case."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.store = CaseStore(settings.cases_dir)
        self.cache = DocumentCache(settings.limits)
        self.csrf = Csrf(load_secret(settings.secret_file or default_secret_file()))
        self._noc: Any = None
        self._noc_error: str | None = None
        self._noc_loaded = False
        self._noc_lock = threading.Lock()
        self._case_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)

    def noc(self) -> Any | None:
        """NOC data, loaded on first use; None (with `noc_error`) when not installed or broken."""
        with self._noc_lock:
            if not self._noc_loaded:
                from checklist.pipeline import load_noc

                try:
                    self._noc = load_noc(self.settings.noc_dir)
                except ChecklistError as exc:
                    self._noc_error = str(exc)
                self._noc_loaded = True
        return self._noc

    @property
    def noc_error(self) -> str | None:
        return self._noc_error

    def lock(self, case_id: str) -> threading.Lock:
        return self._case_locks[case_id]


def services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page from templates/web, with the CSRF token and SINs masked."""
    svc = services(request)
    base = {
        "csrf_field": CSRF_FIELD,
        "csrf_token": svc.csrf.token(request),
        "tool_version": __version__,
        "noc_installed": svc.noc() is not None,
        "noc_error": svc.noc_error,
    }
    html = environment().get_template(f"web/{name}").render({**base, **context})
    response = HTMLResponse(public(html), status_code=status)
    _set_csrf_cookie(request, response)
    return response


def _set_csrf_cookie(request: Request, response: Response) -> None:
    new = getattr(request.state, "new_csrf_cookie", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")


async def static_file(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        raise HTTPException(404, "No such file.")
    source = template_dir() / ("web" if name != "report.css" else "") / name
    return Response(source.read_bytes(), media_type=STATIC[name], headers={"cache-control": "no-cache"})


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    detail = exc.detail if isinstance(exc, HTTPException) else _not_found(exc)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": public(str(detail))}, status_code=status)
    return render(request, "error.html.j2", {"status": status, "message": detail}, status)


def _not_found(exc: Exception) -> str:
    return "There is no such document in this case." if isinstance(exc, UnknownDocument) else "There is no such case."


async def server_error(request: Request, exc: Exception) -> Response:
    log.error(
        "unexpected failure on %s: %s",
        public(request.url.path),
        public(f"{type(exc).__name__}: {exc}")[:300],
        exc_info=log.isEnabledFor(logging.DEBUG),
    )
    return HTMLResponse(
        "<!DOCTYPE html><meta charset=utf-8><title>Unexpected failure</title><h1>Something went wrong</h1>"
        "<p>The page hit an unexpected failure. Your files are unchanged. The terminal running "
        "<code>cec-checklist serve</code> shows the details.</p><p><a href='/'>Back to your cases</a></p>",
        status_code=500,
        headers={name.decode(): value.decode() for name, value in SECURITY_HEADERS},
    )


STORAGE_WORDS = {
    "full": "the disk is full",
    "read-only": "the cases folder is on a read-only disk",
    "denied": "this program may not write in the cases folder",
}


async def storage_error(request: Request, exc: Exception) -> Response:
    """A full or read-only disk, said as such (507 or 503), not as an unexpected failure.

    Every file the app writes is written whole or not at all (`checklist.output`), so the
    page can promise that nothing was half-written and that the last report is still there.
    """
    if isinstance(exc, OSError) and not is_storage_error(exc):
        return await server_error(request, exc)
    error = exc if isinstance(exc, OutputError) else output_error(exc, getattr(exc, "filename", None) or "")  # type: ignore[arg-type]
    if error.reason not in STORAGE_WORDS:
        return await server_error(request, exc)
    log.error("cannot write on %s: %s", public(request.url.path), public(str(error)))
    status = 507 if error.reason == "full" else 503
    message = (
        f"Not saved: {STORAGE_WORDS[error.reason]}. Nothing was half-written: your claims, your documents "
        "and the last report are as they were before this step. "
        + (
            "Free some space, then try again."
            if error.reason == "full"
            else "Make the folder writable (or start the page with --cases on another disk), then try again."
        )
    )
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": public(message)}, status_code=status)
    return render(request, "error.html.j2", {"status": status, "message": message, "heading": "Could not save"}, status)


def create_app(settings: WebSettings) -> Starlette:
    from checklist.web.pages import routes

    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)),
        Middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes),
    ]
    handlers = {
        HTTPException: http_error,
        UnknownCase: http_error,
        UnknownDocument: http_error,
        OutputError: storage_error,
        OSError: storage_error,
        Exception: server_error,
    }
    mask_logs()
    app = Starlette(routes=routes(), middleware=middleware, exception_handlers=handlers)  # type: ignore[arg-type]
    app.state.services = Services(settings)
    remove_stale_temp_dirs()  # upload packs a killed server was building
    return app
