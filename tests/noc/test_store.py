"""Installing the NOC data, resolving its folder and loading the prebuilt index."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from checklist.errors import NocDataError
from checklist.noc import install_noc_data, load_noc_data, resolve_noc_dir, store
from tests.support import nocfixture


def test_resolve_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_noc_dir(None) is None  # nothing installed, no env var
    monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "env"))
    assert resolve_noc_dir(None) == tmp_path / "env"
    assert resolve_noc_dir(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.delenv(store.ENV_VAR)
    installed = store.default_noc_dir()
    installed.mkdir(parents=True)
    (installed / store.INDEX_NAME).write_text("{}")
    assert resolve_noc_dir(None) == installed


def test_no_data_anywhere_is_a_clear_error() -> None:
    with pytest.raises(NocDataError, match="no NOC 2021 data found") as exc:
        load_noc_data(None)
    assert exc.value.hint and "noc install" in exc.value.hint


def test_install_then_load_uses_the_index(
    fixture_noc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int | None, str]] = []
    dest = install_noc_data(fixture_noc_dir, tmp_path / "noc", progress=lambda d, t, n: calls.append((d, t, n)))
    assert (dest / store.INDEX_NAME).is_file()
    assert calls and calls[-1][0] == calls[-1][1]  # progress reached 100 %
    assert not (dest / "noc2021_unit_groups.json").exists()  # only the official CSVs are copied

    def no_parse(*_a: object, **_k: object) -> None:
        raise AssertionError("CSV parsed although a fresh index exists")

    monkeypatch.setattr(store, "parse_noc_dir", no_parse)
    t0 = time.perf_counter()
    data = load_noc_data(dest, cache=False)
    elapsed = time.perf_counter() - t0
    assert len(data.unit_groups) == nocfixture.UNIT_GROUPS
    assert data.get("62200").title == "Chefs"
    assert data.search("line cook", limit=1)[0].code == "63200"
    assert elapsed < 1.0  # typically ~40 ms; generous for slow CI machines


def test_stale_index_is_rebuilt(fixture_noc_dir: Path, tmp_path: Path) -> None:
    dest = install_noc_data(fixture_noc_dir, tmp_path / "noc")
    labels = next(dest.glob("labels*.csv"))
    st = labels.stat()
    os.utime(labels, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert store._read_index(dest / store.INDEX_NAME, store._fingerprint(dest), dest) is None
    data = load_noc_data(dest)  # falls back to the CSVs and caches an index
    assert len(data.unit_groups) == nocfixture.UNIT_GROUPS
    assert list(Path(os.environ[store.CACHE_ENV_VAR]).glob("noc-index-*.json"))


def test_bad_source_keeps_the_existing_install(fixture_noc_dir: Path, tmp_path: Path) -> None:
    dest = install_noc_data(fixture_noc_dir, tmp_path / "noc")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "noc_2021_version_1.0_-_classification_structure.csv").write_text(
        "Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition\n", encoding="utf-8"
    )
    with pytest.raises(NocDataError):
        install_noc_data(broken, dest)
    assert len(load_noc_data(dest, cache=False).unit_groups) == nocfixture.UNIT_GROUPS
    assert not list(tmp_path.glob(".noc-install-*"))  # staging cleaned up


def test_install_from_urls(fixture_noc_dir: Path, tmp_path: Path) -> None:
    """URLs go through urllib (file: URLs keep the test offline)."""
    files = [*fixture_noc_dir.glob("*.csv"), *fixture_noc_dir.glob("*/*.csv")]
    seen: set[str] = set()
    dest = install_noc_data([f.as_uri() for f in files], tmp_path / "noc", progress=lambda d, t, n: seen.add(n))
    assert len(load_noc_data(dest, cache=False).unit_groups) == nocfixture.UNIT_GROUPS
    assert "labels_oasis_2023_v1.0.csv" in seen
