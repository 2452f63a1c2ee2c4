"""Shared helpers of the adversarial scripts: temp cases, a `serve` subprocess, a small HTTP client.

Nothing here is a test: the scripts print figures and exit non-zero on a failure.
Every child process gets its own HOME and XDG folders under the run's temporary
folder, so the user's own cases, NOC data and form secret are never touched.
"""

from __future__ import annotations

import html
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
PYTHON = sys.executable
CSRF_FIELD = "csrf_token"  # checklist.web.security.CSRF_FIELD
_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>', re.IGNORECASE)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def sample_names() -> list[str]:
    return sorted(path.name for path in SAMPLES.iterdir() if (path / "case.yaml").is_file())


def copy_samples(dest: Path, names: list[str] | None = None, count: int | None = None) -> list[str]:
    """Copy sample cases into `dest` (cycling through the samples when `count` is larger); returns folder names."""
    dest.mkdir(parents=True, exist_ok=True)
    names = names or sample_names()
    made = []
    for index in range(count if count is not None else len(names)):
        source = names[index % len(names)]
        target = source if count is None or count <= len(names) else f"{source}-{index:03d}"
        shutil.copytree(SAMPLES / source, dest / target)
        made.append(target)
    return made


def applicant_of(case_dir: Path) -> str:
    """The `applicant:` line of a case.yaml (without YAML, so a hostile file cannot hurt the harness)."""
    for line in (case_dir / "case.yaml").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("applicant:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    return ""


def child_env(home: Path) -> dict[str, str]:
    """The environment of a child cec-checklist: this checkout first on the path, a private HOME."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
    ):
        path = home / sub if sub else home
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    (home / "tmp").mkdir(exist_ok=True)
    env["TMPDIR"] = str(home / "tmp")  # the child's temporary folders (upload packs) are the bench's to inspect
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def cli(
    args: list[str], home: Path, *, timeout: float = 300, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m checklist ARGS` (bytes out, so a non-UTF-8 output is still seen as it is)."""
    return subprocess.run(
        [PYTHON, "-m", "checklist", *args],
        capture_output=True,
        timeout=timeout,
        env=child_env(home),
        cwd=cwd or ROOT,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """`cec-checklist serve` on a free loopback port, as a child process."""

    cases: Path
    home: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    extra: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.log_path = self.home / f"serve-{self.port}-{secrets.token_hex(2)}.log"
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "checklist", "serve", "--port", str(self.port), "--cases", str(self.cases), *self.extra],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=child_env(self.home),
            cwd=ROOT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited with {self.process.returncode}: {self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(self.base + "/static/app.css", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"serve did not answer within {timeout} s: {self.log()[-2000:]}")

    def log(self) -> str:
        return (
            self.log_path.read_text(encoding="utf-8", errors="replace")
            if self.log_path and self.log_path.exists()
            else ""
        )

    def log_bytes(self) -> bytes:
        return self.log_path.read_bytes() if self.log_path and self.log_path.exists() else b""

    def kill9(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9()

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class Reply:
    status: int
    body: bytes
    url: str
    headers: dict[str, str]
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """One user: a cookie jar and urllib (redirects followed, like a browser after a POST's 303)."""

    def __init__(self, base: str, timeout: float = 300) -> None:
        self.base = base
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> Reply:
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(
            url, data=data, headers=headers or {}, method="POST" if data is not None else "GET"
        )
        start = time.perf_counter()
        try:
            with self.opener.open(req, timeout=self.timeout) as response:
                body = response.read()
                return Reply(response.status, body, response.url, dict(response.headers), time.perf_counter() - start)
        except urllib.error.HTTPError as exc:
            body = exc.read()
            return Reply(exc.code, body, url, dict(exc.headers or {}), time.perf_counter() - start)

    def get(self, path: str) -> Reply:
        return self.request(path)

    def post_form(self, path: str, fields: dict[str, str]) -> Reply:
        data = urllib.parse.urlencode(fields).encode()
        return self.request(path, data, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_files(self, path: str, fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> Reply:
        body, ctype = multipart(fields, files)
        return self.request(path, body, {"Content-Type": ctype})


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: `files` are (field, file name, bytes)."""
    boundary = "----cecbench" + secrets.token_hex(12)
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        quoted = filename.replace('"', "%22")
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{quoted}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode("utf-8", "surrogateescape") + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def hidden_fields(page: str, action: str | None = None) -> dict[str, str]:
    """The hidden inputs of the first form on `page` (whose action contains `action`, if given)."""
    for match in re.finditer(r"<form\b([^>]*)>(.*?)</form>", page, re.IGNORECASE | re.DOTALL):
        attrs = dict(_ATTR.findall(match.group(1)))
        if action is not None and action not in html.unescape(attrs.get("action", "")):
            continue
        fields = {}
        for tag in _HIDDEN.findall(match.group(2)):
            found = dict(_ATTR.findall(tag))
            if "name" in found:
                fields[html.unescape(found["name"])] = html.unescape(found.get("value", ""))
        return fields
    return {}


def csrf_token(page: str) -> str:
    match = re.search(rf'name="{CSRF_FIELD}" value="([^"]+)"', page)
    if not match:
        raise ValueError("no CSRF token on the page")
    return match.group(1)


def case_url(case_id: str, tail: str = "") -> str:
    return f"/cases/{urllib.parse.quote(case_id, safe='')}" + (f"/{tail}" if tail else "")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A plain Markdown table (pastes into the README as it is)."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) if cells else len(h) for i, h in enumerate(headers)]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |"

    return "\n".join(
        [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(row) for row in cells)]
    )
