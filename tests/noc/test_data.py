"""Loader of the official NOC CSVs: content, validation and error messages."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from checklist.errors import NocDataError
from checklist.noc.data import parse_noc_dir
from tests.support import nocfixture

STRUCTURE = "noc_2021_version_1.0_-_classification_structure.csv"
DUTIES = "oasis_2023_v1.0/main-duties_oasis-2023_v1.0.csv"
TITLES = "oasis_2023_v1.0/example-titles_oasis_2023_v1.0.csv"


def _copy(noc_dir: Path, dest: Path, skip: tuple[str, ...] = ()) -> Path:
    for src in [*noc_dir.glob("*.csv"), *noc_dir.glob("*/*.csv")]:
        rel = src.relative_to(noc_dir).as_posix()
        if rel in skip:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return dest


def test_all_516_unit_groups_match_the_json_view(noc_data, json_view) -> None:  # type: ignore[no-untyped-def]
    groups = {g.code: g for g in noc_data.unit_groups}
    assert set(groups) == set(json_view)
    assert len(groups) == 516
    for code, ref in json_view.items():
        g = groups[code]
        assert g.title == ref["title"], code
        assert g.teer == ref["teer"] == int(code[1]), code
        assert g.lead_statement == ref["lead_statement"], code
        assert list(g.example_titles) == ref["example_titles"], code
        assert set(g.all_example_titles) == set(ref["all_example_titles"]), code


def test_main_duties_merge_all_profiles(noc_data, json_view) -> None:  # type: ignore[no-untyped-def]
    dropped: list[str] = []
    for code, ref in json_view.items():
        duties = list(noc_data.get(code).main_duties)
        # Occupation sub-headings that leaked into the upstream duties file
        # are dropped; everything else is kept in order.
        headings = [d for d in ref["main_duties"] if d not in duties]
        dropped += headings
        ref["main_duties"] = [d for d in ref["main_duties"] if d not in headings]
        if code == "31100":
            # Upstream wrote profile 31100.10 as "31100.1"; the JSON view
            # dropped that duty, the loader keeps it.
            assert [d for d in duties if d not in ref["main_duties"]] == [
                d for d in duties if d.startswith("Diagnose and treat disorders requiring physiotherapy")
            ]
            assert len(duties) == len(ref["main_duties"]) + 1
        else:
            assert duties == ref["main_duties"], code
    assert "Procurement agents and officers" in dropped and "Court clerks" in dropped
    assert len(dropped) < 40 and all(len(h.split()) <= 8 and not h.endswith(".") for h in dropped)
    assert "Procurement agents and officers" not in noc_data.get("12102").main_duties
    # 65201 merges four OaSIS profiles (kitchen helpers, dishwashers, ...)
    assert len(noc_data.get("65201").profile_labels) == 4


def test_lookup_and_concordance(noc_data) -> None:  # type: ignore[no-untyped-def]
    g = noc_data.get("21232")
    assert g is not None and g.title == "Software developers and programmers" and g.teer == 1
    assert noc_data.get("99999") is None and noc_data.get("2173") is None
    # leading zeros restored: 2016 "0011" -> 2021 "00010"
    assert noc_data.successors_2016("0011") == ["00010"]
    assert noc_data.successors_2016("11") == ["00010"]
    # a 2016 code split over several 2021 groups
    assert set(noc_data.successors_2016("2171")) >= {"21222", "21211"}
    assert noc_data.successors_2016("9998") == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(NocDataError, match="does not exist"):
        parse_noc_dir(tmp_path / "nope")


def test_empty_folder_names_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(NocDataError) as exc:
        parse_noc_dir(tmp_path)
    msg = str(exc.value)
    assert "classification structure" in msg and "main-duties" in msg
    assert exc.value.hint and "noc install" in exc.value.hint


def test_missing_duties_file(fixture_noc_dir: Path, tmp_path: Path) -> None:
    _copy(fixture_noc_dir, tmp_path, skip=(DUTIES,))
    with pytest.raises(NocDataError, match="main-duties"):
        parse_noc_dir(tmp_path)


def test_truncated_structure_file(noc_dir: Path, tmp_path: Path) -> None:
    _copy(noc_dir, tmp_path)
    path = tmp_path / STRUCTURE
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path.write_text("".join(lines[:400]), encoding="utf-8-sig")
    with pytest.raises(NocDataError, match=r"expected 516") as exc:
        parse_noc_dir(tmp_path)
    assert exc.value.path == path


def test_truncated_fixture_structure_file(fixture_noc_dir: Path, tmp_path: Path) -> None:
    _copy(fixture_noc_dir, tmp_path)
    path = tmp_path / STRUCTURE
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path.write_text("".join(lines[:20]), encoding="utf-8-sig")
    with pytest.raises(NocDataError, match=rf"expected {nocfixture.UNIT_GROUPS}") as exc:
        parse_noc_dir(tmp_path)
    assert exc.value.path == path


def test_codes_without_leading_zeros_are_rejected(fixture_noc_dir: Path, tmp_path: Path) -> None:
    """A structure file re-saved by a spreadsheet loses "00010" -> "10"."""
    _copy(fixture_noc_dir, tmp_path)
    path = tmp_path / STRUCTURE
    text = path.read_text(encoding="utf-8-sig").replace("\n5,Unit Group,00010,", "\n5,Unit Group,10,", 1)
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(NocDataError, match="not five digits") as exc:
        parse_noc_dir(tmp_path)
    assert exc.value.line is not None


def test_not_utf8(fixture_noc_dir: Path, tmp_path: Path) -> None:
    _copy(fixture_noc_dir, tmp_path)
    path = tmp_path / DUTIES
    path.write_bytes(path.read_bytes().replace(b"Propose", "Proposé".encode("latin-1"), 1))
    with pytest.raises(NocDataError, match="not UTF-8"):
        parse_noc_dir(tmp_path)


def test_missing_lead_statement(fixture_noc_dir: Path, tmp_path: Path) -> None:
    _copy(fixture_noc_dir, tmp_path, skip=("oasis_2023_v1.0/lead-statement_oasis_2023_v1.0.csv",))
    path = tmp_path / STRUCTURE
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    for row in rows:
        if row[2] == "21232":
            row[4] = ""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(NocDataError, match="21232.*no lead statement"):
        parse_noc_dir(tmp_path)


def test_line_endings_and_renamed_files(fixture_noc_dir: Path, tmp_path: Path) -> None:
    """CRLF and LF both load; files are recognised by header, not name."""
    _copy(fixture_noc_dir, tmp_path)
    struct = tmp_path / STRUCTURE
    struct.write_bytes(struct.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    titles = tmp_path / TITLES
    titles.write_bytes(titles.read_bytes().replace(b"\r\n", b"\n"))
    titles.rename(tmp_path / "oasis_2023_v1.0" / "renamed.csv")
    units, _conc, sources = parse_noc_dir(tmp_path)
    assert len(units) == nocfixture.UNIT_GROUPS
    assert sources["oasis_titles"].name == "renamed.csv"


def test_elements_file_instead_of_oasis(noc_data, noc_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """StatCan's elements CSV (published column names) can replace OaSIS.

    The file is synthesised from the loaded data in StatCan's layout: the
    "This group performs..." header row, occupation sub-headings among the
    duties, trailing blanks.
    """
    shutil.copyfile(noc_dir / STRUCTURE, tmp_path / STRUCTURE)
    with (tmp_path / "noc_2021_version_1.0_-_elements.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(
            [
                "Level",
                "Code - NOC 2021 V1.0",
                "Class title",
                "Element Type Label English",
                "Element Description English",
            ]
        )
        for g in noc_data.unit_groups:
            for t in g.example_titles:
                w.writerow([5, g.code, g.title, "Illustrative example(s)", t + " "])
            for t in g.all_example_titles:
                w.writerow([5, g.code, g.title, "All examples", t + " "])
            w.writerow([5, g.code, g.title, "Main duties", "This group performs some or all of the following duties: "])
            multi = len(g.profile_labels) > 1
            for i, d in enumerate(g.main_duties):
                if multi and i == 0:
                    w.writerow([5, g.code, g.title, "Main duties", g.profile_labels[0] + " "])
                w.writerow([5, g.code, g.title, "Main duties", d + " "])
    units, _conc, sources = parse_noc_dir(tmp_path)
    assert "elements" in sources and "oasis_duties" not in sources
    by_code = {u.code: u for u in units}
    assert len(by_code) == 516
    same = [g.code for g in noc_data.unit_groups if by_code[g.code].main_duties == g.main_duties]
    # Sub-headings are recognised by a heuristic (the elements file does not
    # mark them); nearly every group must come out identical.
    assert len(same) >= 0.97 * 516, sorted(set(by_code) - set(same))
    for g in noc_data.unit_groups:
        assert by_code[g.code].example_titles == g.example_titles
    assert by_code["65201"].profile_labels == noc_data.get("65201").profile_labels[:1]
    assert by_code["11100"].main_duties == noc_data.get("11100").main_duties
