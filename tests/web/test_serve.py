"""`cec-checklist serve`: starts on loopback, warns for other addresses, fails clearly on a busy port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.web.live import free_port


def serve(*args: str, cases: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "checklist", "serve", "--cases", str(cases), *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_serve_answers_on_loopback_and_stops_on_interrupt(tmp_path: Path) -> None:
    port = free_port()
    process = serve("--port", str(port), cases=tmp_path / "cases")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200 and b"Your cases" in response.read()
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in stderr
    assert (tmp_path / "cases").is_dir()
    assert "warning" not in stderr


def test_other_address_warns_and_busy_port_exits_2(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        process = serve("--host", "0.0.0.0", "--port", str(port), cases=tmp_path / "cases")
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "other computers on the network can open this page" in stderr
    assert f"could not listen on 0.0.0.0:{port}" in stderr
    assert "Traceback" not in stderr
