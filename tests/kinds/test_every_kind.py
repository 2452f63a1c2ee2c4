"""Every document kind has a home: a registered spec, layout fixtures, and real documents the tool recognises.

A kind is complete when the registry (`checklist.kinds`) holds its spec, a
plain-text layout fixture of it (under `tests/fixtures/layouts/<kind>/` or
`tests/kinds/<kind>/fixtures/`) is classified as it, and a document of it in
the samples, and in the independent devset when it is beside the repository,
is read, classified and extracted (`understand`) as it. Which file is of which
kind comes from the ground truth written with those cases (`expected/<case>.json`),
not from the tool. Kinds that still lack a sample are listed below as strict
expected failures, so that adding the sample turns them into a failure to remove.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist.kinds import spec, specs
from checklist.models.document import DocumentKind
from checklist.pipeline import understand
from tests.support.files import encrypt_pdf, make_pdf
from tests.support.noc import NO_SHARED
from tests.support.views import kind_of

TESTS = Path(__file__).resolve().parents[1]
SAMPLES = TESTS.parent / "samples"
DEVSET = TESTS.parents[1] / "shared" / "devset-v2"
K = DocumentKind
# A file the readers could not read is of this kind: it is never chosen from text, so it has no layout fixture.
NOT_FROM_TEXT = {K.UNREADABLE}
# Read the cheapest files first: a text layer before OCR.
STYLE_ORDER = {"text_pdf": 0, "docx": 1, "image": 2, "scanned": 3, "noise": 4}

NO_SAMPLE = {
    K.STUDY_PERMIT: "samples/cases holds no study permit",
    K.VISITOR_RECORD: "samples/cases holds no visitor record",
    K.IRCC_LETTER: "samples/cases holds no IRCC letter (acknowledgement of receipt, interim authorization)",
}
NOT_IN_DEVSET = {K.VISITOR_RECORD: "../shared/devset-v2 holds no visitor record"}


def layout_fixtures(kind: DocumentKind) -> list[Path]:
    folders = [TESTS / "fixtures" / "layouts" / kind.value, TESTS / "kinds" / kind.value / "fixtures"]
    return sorted(path for folder in folders for path in folder.glob("*.txt"))


def documents_of(kind: DocumentKind, root: Path) -> list[tuple[Path, str]]:
    """(case folder, file) of every document the ground truth under `root` says is of `kind`, text layers first."""
    found = []
    for truth in sorted((root / "expected").glob("*.json")):
        entries = json.loads(truth.read_text(encoding="utf-8"))["documents"]
        found += [
            (STYLE_ORDER.get(entry.get("style"), 9), root / "cases" / truth.stem, path)
            for path, entry in entries.items()
            if entry["kind"] == kind.value
        ]
    return [(case, path) for _, case, path in sorted(found)]


def recognised(kind: DocumentKind, root: Path) -> str | None:
    """The first document of `kind` (by the ground truth) that the tool also reads as `kind`."""
    for case, path in documents_of(kind, root):
        if understand(case / path, case).kind is kind:
            return f"{case.name}/{path}"
    return None


def with_gaps(gaps: dict[DocumentKind, str]) -> list[object]:
    return [
        pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason=gaps[kind])) if kind in gaps else kind
        for kind in DocumentKind
    ]


def test_the_registry_holds_one_spec_per_kind() -> None:
    assert sorted(s.kind.value for s in specs()) == sorted(kind.value for kind in DocumentKind)
    for kind in DocumentKind:
        assert spec(kind).kind is kind and spec(kind.value) is spec(kind)


@pytest.mark.parametrize(
    "kind", [kind for kind in DocumentKind if kind not in NOT_FROM_TEXT], ids=lambda kind: kind.value
)
def test_a_layout_fixture_of_the_kind_is_classified_as_it(kind: DocumentKind) -> None:
    fixtures = layout_fixtures(kind)
    assert fixtures, f"no layout fixture for {kind.value}: add one under tests/fixtures/layouts/{kind.value}/"
    got = {path.name: kind_of(path.read_text(encoding="utf-8")) for path in fixtures}
    assert kind in got.values(), f"no layout fixture of {kind.value} is classified as it: {got}"


def test_an_unreadable_file_is_made_in_code_and_never_chosen_from_text(tmp_path: Path) -> None:
    """UNREADABLE has no profile (no text makes a document unreadable); its fixtures are broken files made by tests."""
    assert NOT_FROM_TEXT == {kind for kind in DocumentKind if not spec(kind).profile} - {K.OTHER}
    locked = encrypt_pdf(make_pdf(tmp_path / "plain.pdf", [["Pay statement"]]), tmp_path / "locked.pdf", "secret")
    assert understand(locked, tmp_path).kind is K.UNREADABLE


@pytest.mark.parametrize("kind", with_gaps(NO_SAMPLE), ids=lambda kind: kind.value)
def test_the_samples_hold_a_document_of_the_kind(kind: DocumentKind) -> None:
    assert documents_of(kind, SAMPLES), f"no document of {kind.value} in samples/cases"
    assert recognised(kind, SAMPLES), f"no document of {kind.value} in samples/cases is read as it"


@pytest.mark.skipif(
    NO_SHARED or not (DEVSET / "expected").is_dir(), reason="../shared/devset-v2 is not beside the repository"
)
@pytest.mark.parametrize("kind", with_gaps(NOT_IN_DEVSET), ids=lambda kind: kind.value)
def test_the_independent_devset_holds_a_document_of_the_kind(kind: DocumentKind) -> None:
    assert documents_of(kind, DEVSET), f"no document of {kind.value} in ../shared/devset-v2"
    assert recognised(kind, DEVSET), f"no document of {kind.value} in ../shared/devset-v2 is read as it"
