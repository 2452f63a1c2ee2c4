"""The case store: names made safe, ids matched never joined, reports kept two deep."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checklist.web.store import CaseStore, TooLarge, UnknownCase, UnknownDocument, case_slug, clean_file_name


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kavya Iyer", "kavya-iyer"),
        ("  Zoë O'Brien-Ng  ", "zoe-o-brien-ng"),
        ("王芳", "case"),
        ("../..", "case"),
        ("A" * 100, "a" * 48),
    ],
)
def test_case_slug(name: str, slug: str) -> None:
    assert case_slug(name) == slug


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("letter.pdf", "letter.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\T4 2024.pdf", "T4 2024.pdf"),
        (".bashrc", "bashrc"),
        ("..", "document"),
        ("", "document"),
        ("con.txt", "con_.txt"),
        ("lettre d'emploi é.docx", "lettre d_emploi é.docx"),
        ("a\x00b\nc.pdf", "a_b_c.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
        ("書" * 120 + ".pdf", "書" * 65 + ".pdf"),  # 200 bytes of UTF-8 at most
        ("NUL.tar.gz", "NUL_.tar.gz"),
        ("★★★.pdf", "document.pdf"),
        ("046 454 286 T4.pdf", "XXX-XXX-286 T4.pdf"),
    ],
)
def test_clean_file_name(name: str, clean: str) -> None:
    assert clean_file_name(name) == clean


def test_ids_are_matched_against_what_exists(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    assert store.folder(case_id) == tmp_path / "ana"
    (tmp_path / "not-a-case.txt").write_text("x")
    for bad in ("..", "../ana", "ana/..", "ANA", "", "not-a-case.txt", "nobody"):
        with pytest.raises(UnknownCase):
            store.folder(bad)
    with pytest.raises(UnknownDocument):
        store.document(case_id, "../case.yaml")


def test_documents_land_in_documents_and_never_replace_each_other(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    first = store.add_document(case_id, "../case.yaml", io.BytesIO(b"one"), 100)
    second = store.add_document(case_id, "case.yaml", io.BytesIO(b"two"), 100)
    assert (first.path, second.path) == ("documents/case.yaml", "documents/case (2).yaml")
    assert not (tmp_path / case_id / "case.yaml").exists()
    assert [doc.path for doc in store.documents(case_id)] == ["documents/case (2).yaml", "documents/case.yaml"]


def test_a_too_large_upload_leaves_nothing_behind(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    with pytest.raises(TooLarge):
        store.add_document(case_id, "big.pdf", io.BytesIO(b"x" * 3_000_000), 2_000_000)
    assert list((tmp_path / case_id / "documents").iterdir()) == []


def test_documents_outside_documents_folder_count_too(tmp_path: Path) -> None:
    """A case made with the CLI keeps documents anywhere in the folder; the page lists them."""
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    (tmp_path / case_id / "Pay stubs").mkdir()
    (tmp_path / case_id / "Pay stubs" / "jan.pdf").write_bytes(b"%PDF")
    (tmp_path / case_id / "report.html").write_text("the CLI's report")
    assert [doc.path for doc in store.documents(case_id)] == ["Pay stubs/jan.pdf"]


def test_replace_keeps_the_name_and_remove_deletes(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    doc = store.add_document(case_id, "a.txt", io.BytesIO(b"old"), 100)
    assert store.replace_document(case_id, doc.id, io.BytesIO(b"new"), 100).path == "documents/a.txt"
    assert (tmp_path / case_id / "documents" / "a.txt").read_bytes() == b"new"
    store.remove_document(case_id, doc.id)
    assert store.documents(case_id) == []


def test_reports_are_kept_two_deep(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana")
    assert store.report(case_id) is None
    store.save_report(case_id, '{"n": 1}')
    store.save_report(case_id, '{"n": 2}')
    store.save_report(case_id, '{"n": 3}')
    assert (store.previous_report(case_id), store.report(case_id)) == ({"n": 2}, {"n": 3})


def test_summaries_and_delete(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    case_id = store.create("Ana Lima")
    store.write_claims(case_id, "applicant: Ana Lima\n")
    store.save_report(case_id, '{"ready": false}')
    (summary,) = store.summaries()
    assert (summary.name, summary.has_claims, summary.documents, summary.last_ready) == ("Ana Lima", True, 0, False)
    store.delete(case_id)
    assert store.summaries() == []


def test_a_symlinked_folder_is_not_a_case(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    store = CaseStore(tmp_path / "cases")
    (tmp_path / "cases" / "linked").symlink_to(outside)
    assert store.ids() == []
    with pytest.raises(UnknownCase):
        store.delete("linked")
    assert outside.is_dir()
