"""'noc install' with no source: the published files, downloaded with a progress bar and checked.

A local HTTP server on 127.0.0.1 serves the project's NOC fixture in place of
the Government of Canada's portal (the URL table is replaced): no test reaches
the internet.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.cli import app
from checklist.noc import install_noc_data, load_noc_data, sources
from tests.support import nocfixture

runner = CliRunner()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the base class names it "format"
        pass


@pytest.fixture
def server(fixture_noc_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(fixture_noc_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _table(base: str, fixture: Path, *, wrong_digest: str = "") -> tuple[sources.OfficialFile, ...]:
    """The real table's entries, pointed at the local server, with the fixture's sizes and digests."""
    local = {path.name: path for path in fixture.rglob("*.csv")}
    out = []
    for official in sources.OFFICIAL_FILES:
        path = local[official.name]
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if official.name != wrong_digest else "0" * 64
        url = f"{base}/{urllib.parse.quote(path.relative_to(fixture).as_posix())}"
        out.append(
            sources.OfficialFile(official.name, url, official.what, path.stat().st_size, digest, official.required)
        )
    return tuple(out)


def test_the_table_lists_every_file_the_loader_needs_once() -> None:
    names = [f.name for f in sources.OFFICIAL_FILES]
    assert len(names) == len(set(names))
    assert all(f.url.startswith("https://") and f.url.rstrip("/").endswith(".csv") for f in sources.OFFICIAL_FILES)
    assert {f.name for f in sources.OFFICIAL_FILES if f.required} == {
        "noc_2021_version_1.0_-_classification_structure.csv",
        "main-duties_oasis-2023_v1.0.csv",
        "example-titles_oasis_2023_v1.0.csv",
    }
    assert set(names) == {path.name for path in nocfixture.FIXTURE_DIR.rglob("*.csv")}  # the fixture mirrors them


def test_install_downloads_checks_and_indexes(
    server: str, fixture_noc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sources, "OFFICIAL_FILES", _table(server, fixture_noc_dir, wrong_digest="labels_oasis_2023_v1.0.csv")
    )
    seen: list[tuple[int, int | None, str]] = []
    checked: dict[str, str] = {}
    dest = install_noc_data(
        None,
        tmp_path / "noc",
        progress=lambda d, t, n: seen.append((d, t, n)),
        on_checked=lambda name, how: checked.__setitem__(name, how),
    )
    assert len(load_noc_data(dest, cache=False)) == nocfixture.UNIT_GROUPS
    assert checked["noc_2021_version_1.0_-_classification_structure.csv"] == "SHA-256 verified"
    assert checked["labels_oasis_2023_v1.0.csv"] == "new copy, checked by content"
    total = sum(f.size or 0 for f in sources.OFFICIAL_FILES)
    assert seen[-1][:2] == (total, total) and all(t == total for _d, t, _n in seen)


def test_cli_install_without_source_then_search(
    server: str, fixture_noc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "OFFICIAL_FILES", _table(server, fixture_noc_dir))
    result = runner.invoke(app, ["noc", "install", "--dest", str(tmp_path / "noc")])
    assert result.exit_code == 0, result.output
    assert "SHA-256 verified" in result.output and "installed in" in result.output
    hits = json.loads(
        runner.invoke(app, ["noc", "search", "line cook", "-f", "json", "--noc-data", str(tmp_path / "noc")]).stdout
    )
    assert hits[0]["code"] == "63200"


def test_offline_is_one_clear_line(fixture_noc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nobody listens on: the connection is refused, as offline
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    monkeypatch.setattr(sources, "OFFICIAL_FILES", _table(closed, fixture_noc_dir))
    result = runner.invoke(app, ["noc", "install", "--dest", str(tmp_path / "noc")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 or all(not line.startswith("error") for line in lines[1:])
    text = " ".join(result.output.split())
    assert "cannot download the NOC data" in text and "offline" in text and "noc install FOLDER" in text
    assert not (tmp_path / "noc").exists()


def test_a_bad_download_keeps_the_working_install(
    server: str, fixture_noc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = install_noc_data(fixture_noc_dir, tmp_path / "noc")
    table = list(_table(server, fixture_noc_dir))
    table[1] = sources.OfficialFile(table[1].name, f"{server}/{table[0].name}", table[1].what)  # the wrong file
    monkeypatch.setattr(sources, "OFFICIAL_FILES", tuple(table))
    result = runner.invoke(app, ["noc", "install", "--dest", str(dest)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(load_noc_data(dest, cache=False)) == nocfixture.UNIT_GROUPS
