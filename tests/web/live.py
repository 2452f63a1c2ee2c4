"""A real server on a free loopback port, for browser tests and screenshots."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import uvicorn

from checklist.web import WebSettings, create_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(cases_dir: Path, noc_dir: Path | None, today: dt.date | None = None) -> Iterator[str]:
    """Serve the app in a thread; yields its base URL and stops it afterwards (`today`: the day checks count to)."""
    port = free_port()
    settings = WebSettings(cases_dir=cases_dir, noc_dir=noc_dir)
    app = create_app(replace(settings, today=lambda: today) if today else settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
