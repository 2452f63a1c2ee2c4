"""The project's own NOC fixture: committed files match their generator, and the loader takes them whole."""

from __future__ import annotations

from pathlib import Path

from checklist.noc import load_noc_data
from tests.support import nocfixture


def test_committed_fixture_files_are_fresh() -> None:
    stale = [
        name
        for name, data in nocfixture.files().items()
        if not (nocfixture.FIXTURE_DIR / name).is_file() or (nocfixture.FIXTURE_DIR / name).read_bytes() != data
    ]
    assert not stale, f"run 'python -m tests.support.nocfixture' to rewrite {stale}"


def test_fixture_loads_every_group_with_its_duties_and_titles(fixture_noc_dir: Path) -> None:
    data = load_noc_data(fixture_noc_dir, cache=False)
    assert len(data) == nocfixture.UNIT_GROUPS
    for group in nocfixture.GROUPS:
        loaded = data.get(group.code)
        assert loaded is not None and loaded.title == group.title and loaded.teer == int(group.code[1])
        assert len(loaded.main_duties) == len(group.duties) + sum(len(p[1]) for p in group.profiles)
        assert set(group.examples) <= set(loaded.example_titles)
    assert data.successors_2016("2174") == ["21230", "21232"]
    assert data.search("line cook in a restaurant", limit=1)[0].code == "63200"
