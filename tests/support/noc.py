"""NOC data for the tests: the real NOC 2021 files when this machine has them, else the project's fixture.

The real files are looked for, in order, in ``$CEC_CHECKLIST_NOC_DATA``, the
user data folder (where ``cec-checklist noc install`` puts them) and
``../shared/noc2021`` beside the repository. ``CEC_TEST_NO_SHARED=1`` ignores
all three, as on a fresh clone: the suite then runs on the small fixture in
``tests/fixtures/noc2021`` (see ``tests/support/nocfixture.py``) and the
tests that need the real files skip, saying why.

This module is imported by ``tests/conftest.py`` before the session hides
the environment variable and the user data folder from the tests.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.support import nocfixture

REPO = Path(__file__).resolve().parents[2]
SHARED_NOC_DIR = REPO.parent / "shared" / "noc2021"
FIXTURE_NOC_DIR = nocfixture.FIXTURE_DIR
NO_SHARED = os.environ.get("CEC_TEST_NO_SHARED", "") not in ("", "0")
REAL_NOC_HINT = (
    "needs the real NOC 2021 files: set CEC_CHECKLIST_NOC_DATA, run 'cec-checklist noc install', "
    "or put them in ../shared/noc2021 beside the repository"
)


def _has_structure(directory: Path) -> bool:
    from checklist.noc.data import STRUCTURE, find_sources

    try:
        return directory.is_dir() and STRUCTURE in find_sources(directory)
    except Exception:  # noqa: BLE001 - an unusable folder is simply not a source
        return False


def _user_noc_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("cec-checklist", appauthor=False)) / "noc2021"


def _find_real() -> Path | None:
    if NO_SHARED:
        return None
    env = os.environ.get("CEC_CHECKLIST_NOC_DATA")
    for candidate in ([Path(env).expanduser()] if env else []) + [_user_noc_dir(), SHARED_NOC_DIR]:
        if _has_structure(candidate):
            return candidate
    return None


REAL_NOC_DIR: Path | None = _find_real()
NOC_DIR: Path = REAL_NOC_DIR or FIXTURE_NOC_DIR  # what tests that work on either data set use
USING_FIXTURE = REAL_NOC_DIR is None
needs_real_noc = pytest.mark.skipif(USING_FIXTURE, reason=REAL_NOC_HINT)


def use_fixture_count() -> None:
    """Let the loader accept the fixture's few unit groups (the real files must have 516)."""
    import checklist.noc.data

    checklist.noc.data.EXPECTED_UNIT_GROUPS = nocfixture.UNIT_GROUPS


@cache
def _load(directory: Path) -> Any:
    from checklist.noc import load_noc_data

    return load_noc_data(directory)


def shared_noc() -> Any:
    """The NOC data of NOC_DIR, loaded once: the real files, or the fixture on a fresh clone."""
    return _load(NOC_DIR)


def real_noc() -> Any:
    """The real NOC data, loaded once; skips the test when this machine does not have it."""
    if REAL_NOC_DIR is None:
        pytest.skip(REAL_NOC_HINT)
    return _load(REAL_NOC_DIR)
