"""Test session setup: never touch the user's real data or cache folders.

NOC data: ``tests.support.noc`` picks the real files when this machine has
them, else the project's small fixture (``CEC_TEST_NO_SHARED=1`` forces the
fixture, as on a fresh clone). It is imported here, before the session hides
``CEC_CHECKLIST_NOC_DATA`` and the user data folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator

import pytest

from checklist.network import _METHODS, _NAMES, allow_network
from tests.support import noc as _noc

_TEMP_DIRS: list[str] = []


def pytest_sessionstart(session: object) -> None:
    for variable, prefix in (
        ("CEC_CHECKLIST_CACHE_DIR", "cec-checklist-test-cache-"),
        ("XDG_DATA_HOME", "cec-checklist-test-data-"),
    ):
        _TEMP_DIRS.append(tempfile.mkdtemp(prefix=prefix))
        os.environ[variable] = _TEMP_DIRS[-1]
    os.environ.pop("CEC_CHECKLIST_NOC_DATA", None)
    if _noc.USING_FIXTURE:
        _noc.use_fixture_count()


@pytest.fixture(autouse=True)
def _network_restored() -> Iterator[None]:
    """The CLI denies the network for its process (`checklist.network`); a test's run must not outlive the test.

    The socket functions as they were before the test are put back after `allow_network()`: a test that
    patched them itself (monkeypatch) has its patch undone before this runs, and `allow_network()` alone
    would restore the patch that `deny_network()` found in place."""
    functions = {name: getattr(socket, name) for name in _NAMES}
    methods = {name: getattr(socket.socket, name) for name in _METHODS}
    yield
    allow_network()
    for name, function in functions.items():
        setattr(socket, name, function)
    for name, method in methods.items():
        setattr(socket.socket, name, method)


def pytest_report_header(config: object) -> str:
    where = f"the fixture {_noc.FIXTURE_NOC_DIR}" if _noc.USING_FIXTURE else f"the real files in {_noc.REAL_NOC_DIR}"
    return f"NOC data: {where}"


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    for path in _TEMP_DIRS:
        shutil.rmtree(path, ignore_errors=True)
