"""What keeps a page on 127.0.0.1 from being used by other web pages.

- CSRF: signed double submit. A random cookie (HttpOnly, SameSite=Strict)
  and a form field holding its HMAC under a secret kept in the user data folder
  (0600, made on first start), so a form open across a restart still saves; another
  site can neither read the cookie nor compute the field. Cross-site requests
  (by Origin or Sec-Fetch-Site) are refused before that.
- Host check (in the app): only the loopback names, so a DNS-rebinding page
  cannot read the applicant's cases.
- Body limit: a request larger than the limit is refused while it streams,
  before the multipart parser spools it to disk.
- Headers: a strict Content-Security-Policy (scripts and styles from this app
  only), no framing, no referrer, no caching of pages that hold personal data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "cec_csrf"
CSRF_FIELD = "csrf_token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


SECRET_BYTES = 32


def load_secret(path: Path) -> bytes:
    """The form secret kept in `path` (readable by this user only), made on first use.

    A file that others could read, or that is not exactly a secret, is replaced by a
    new one: forms open at that moment must be reloaded, which is the safe side.
    """
    try:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and not info.st_mode & 0o077 and info.st_size == SECRET_BYTES:
            return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(SECRET_BYTES)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        os.write(fd, secret)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return secret


def default_secret_file() -> Path:
    """`web-form-secret` in the user data folder (beside the cases and the NOC data)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("cec-checklist", appauthor=False)) / "web-form-secret"


class Csrf:
    """Issues and verifies the form token (the secret outlives a run of the server: `load_secret`)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def cookie_value(self, request: Request) -> str:
        """The browser's cookie, or a new one (set on the response by the app)."""
        current = request.cookies.get(CSRF_COOKIE, "")
        if len(current) == 43 and current.replace("-", "").replace("_", "").isalnum():
            return current
        return getattr(request.state, "new_csrf_cookie", None) or self._new_cookie(request)

    def token(self, request: Request) -> str:
        return self._sign(self.cookie_value(request))

    def verify(self, request: Request, form: Mapping[str, Any]) -> None:
        _refuse_cross_site(request)
        cookie = request.cookies.get(CSRF_COOKIE, "")
        sent = form.get(CSRF_FIELD)
        if not cookie or not isinstance(sent, str) or not hmac.compare_digest(sent, self._sign(cookie)):
            raise HTTPException(
                403, "This form has expired or did not come from this page. Reload the page and try again."
            )

    def _new_cookie(self, request: Request) -> str:
        value = secrets.token_urlsafe(32)
        request.state.new_csrf_cookie = value
        return value

    def _sign(self, cookie: str) -> str:
        return hmac.new(self.secret, cookie.encode(), hashlib.sha256).hexdigest()


def _refuse_cross_site(request: Request) -> None:
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "Requests from other web sites are refused.")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin != expected:
            raise HTTPException(403, "Requests from other web sites are refused.")


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413, f"The upload is larger than {limit / 1_000_000:g} MB in one go. Send fewer or smaller files at a time."
        )


class BodyLimitMiddleware:
    """Refuse request bodies over `max_bytes`, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _plain_413(send, self.max_bytes)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


async def _plain_413(send: Send, limit: int) -> None:
    body = BodyTooLarge(limit).detail.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """Add the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)
