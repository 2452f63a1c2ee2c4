"""No name resolution, no connection but loopback: `check`, `batch`, `pack` and a `serve` session with an OCR upload.

In the process, `checklist.network` refuses and records every attempt; child
programs (tesseract) are watched under strace when the machine has it: a
connect to a non-loopback address, or to the name service's socket, fails the test.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist import network
from checklist.cli import app
from checklist.web import WebSettings, create_app
from tests.support.noc import NOC_DIR
from tests.web.conftest import SAMPLE_DAY, Browser, sample_form
from tests.web.live import free_port

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "cases"
OCR_IMAGE = SAMPLES / "s09_scans_and_photos" / "LMIA" / "IMG_4821.jpg"  # a phone photo: read only by OCR
ROOT = Path(__file__).resolve().parents[1]


def test_lookups_and_outside_connections_are_refused_and_recorded() -> None:
    network.deny_network()
    with pytest.raises(network.NetworkDenied):
        socket.getaddrinfo("mobile.events.data.microsoft.com", 443)
    with pytest.raises(network.NetworkDenied):
        socket.gethostbyname("example.org")
    with pytest.raises(OSError):  # libraries see an ordinary "offline" error
        socket.create_connection(("example.org", 80), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, pytest.raises(network.NetworkDenied):
        udp.sendto(b"\x00", ("192.0.2.53", 53))  # a DNS query sent by hand
    assert len(network.attempts()) == 4
    assert "mobile.events.data.microsoft.com" in network.attempts()[0]
    network.allow_network()
    assert socket.getaddrinfo is not network._getaddrinfo  # restored


def test_loopback_and_local_sockets_still_work() -> None:
    network.deny_network()
    assert {info[4][0] for info in socket.getaddrinfo("localhost", 80, socket.AF_INET)} == {"127.0.0.1"}
    with socket.socket() as server:
        server.bind(("localhost", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    left, right = socket.socketpair()
    left.close()
    right.close()
    assert network.attempts() == []


def _copy(name: str, into: Path) -> Path:
    target = into / name
    shutil.copytree(SAMPLES / name, target)
    return target


def test_check_batch_and_pack_make_no_network_attempt(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = tmp_path / "cases"
    case = _copy("s01_clean_promotion", cases)
    shutil.copy(OCR_IMAGE, case / OCR_IMAGE.name)  # a photo: OCR on every path (check, batch, pack)
    noc = ["--noc-data", str(NOC_DIR), "--as-of", SAMPLE_DAY.isoformat()]
    runs = [
        ["check", str(case), "-f", "pdf", "-o", str(tmp_path / "r.pdf"), *noc],
        ["batch", str(cases), "-o", str(tmp_path / "batch"), *noc],
        ["pack", str(case), "-o", str(tmp_path / "up"), "--force", *noc],
    ]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        assert network.denied(), f"{args[0]} ran with the network open"
        assert network.attempts() == [], f"{args[0]} tried the network: {network.attempts()}"
        network.allow_network()
    assert (tmp_path / "r.pdf").stat().st_size > 1000 and any((tmp_path / "up").glob("*.pdf"))


def test_a_web_session_with_an_ocr_upload_makes_no_network_attempt(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    network.deny_network()  # what `serve` does before it starts
    settings = WebSettings(
        cases_dir=tmp_path / "cases", noc_dir=NOC_DIR, allowed_hosts=("testserver",), today=lambda: SAMPLE_DAY
    )
    with TestClient(create_app(settings)) as client:
        browser = Browser(client, settings.cases_dir)
        case_id = browser.new_case("Network Test")
        assert (
            browser.post(f"/cases/{case_id}/claims", sample_form(SAMPLES / "s09_scans_and_photos")).status_code == 200
        )
        uploaded = browser.upload(case_id, [(OCR_IMAGE.name, OCR_IMAGE.read_bytes())])
        assert uploaded.status_code == 200 and "1 read." in uploaded.text
        assert browser.post(f"/cases/{case_id}/check").status_code == 200
        assert browser.get(f"/cases/{case_id}/report.pdf").status_code == 200
        assert browser.get(f"/cases/{case_id}/pack.zip").status_code in (200, 409)
    assert network.attempts() == []


def _outside_connects(trace: str) -> list[str]:
    """strace lines of connect/sendto calls that leave the machine or ask the name service."""
    bad = []
    for line in trace.splitlines():
        if "connect(" not in line and "sendto(" not in line and "sendmsg(" not in line:
            continue
        outside = "AF_INET" in line and not re.search(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"', line)
        if outside or re.search(r"nscd|resolve|dbus", line):  # the name service's sockets: a lookup
            bad.append(line)
    return bad


def _stop_traced(tracer: subprocess.Popen[str]) -> None:
    """Stop the program strace runs (stopping strace alone would leave it running, untraced)."""
    children = Path(f"/proc/{tracer.pid}/task/{tracer.pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        subprocess.run(["kill", "-TERM", pid], check=False)
    try:
        tracer.wait(timeout=30)
    except subprocess.TimeoutExpired:
        tracer.kill()


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=none", "true"], capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.skipif(not _strace_works(), reason="strace is not available here")
def test_serve_and_its_children_connect_nowhere_under_strace(tmp_path: Path) -> None:
    import httpx

    port = free_port()
    trace = tmp_path / "strace.txt"
    command = [
        "strace",
        "-f",
        "-qq",
        "-e",
        "trace=connect,sendto,sendmsg",
        "-o",
        str(trace),
        sys.executable,
        "-m",
        "checklist",
        "serve",
        "--port",
        str(port),
        "--cases",
        str(tmp_path / "cases"),
        "--noc-data",
        str(NOC_DIR),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120, follow_redirects=True) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    home = client.get("/")
                    break
                except httpx.TransportError:
                    assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.3)
            token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]
            created = client.post("/cases", data={"csrf_token": token, "name": "Strace"})
            case_id = str(created.url).split("/")[4]
            client.post(
                f"/cases/{case_id}/claims", data={"csrf_token": token, **sample_form(SAMPLES / "s09_scans_and_photos")}
            )
            uploaded = client.post(
                f"/cases/{case_id}/documents",
                data={"csrf_token": token},
                files=[("files", (OCR_IMAGE.name, OCR_IMAGE.read_bytes()))],
            )
            assert uploaded.status_code == 200, uploaded.text[:500]
            assert client.post(f"/cases/{case_id}/check", data={"csrf_token": token}).status_code == 200
    finally:
        _stop_traced(process)
        _, stderr = process.communicate(timeout=60)
    assert "refused a network access" not in stderr, stderr
    assert _outside_connects(trace.read_text(encoding="utf-8", errors="replace")) == []
