"""The upload pack: the applicant's documents only, one file per position plus status, under the limit,
in order, with bookmarks; read-me-first.pdf says what goes where and is never an upload file."""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from checklist.cli import app
from checklist.ingest import set_aside
from checklist.pack import LETTER, READ_ME_FIRST, pack_case, position_documents
from checklist.pipeline import check_case
from tests.support.noc import NOC_DIR, shared_noc

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "cases"
pytest.importorskip("weasyprint")
pytest.importorskip("img2pdf")
# Words the tool writes in its own pages (read-me-first, reports): none may appear in an upload file.
TOOL_WORDS = ("Contents", "cec-checklist", "Read me first", "Found by", "blocker", "Not included", "Do not upload")
CODE = re.compile(r"\b(?:cec|letter|paystub|permit|t4|noa|doc|duties|noc|employer|name)\.[a-z]+(?:-[a-z]+)+\b")


def _pages(path: Path) -> int:
    data = path.read_bytes()
    if b"%PDF-" in data[:1024]:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        return len(reader.pages)
    return 1


def _text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


@pytest.mark.parametrize("case", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_pack_every_sample(case: Path, tmp_path: Path) -> None:
    report = check_case(case, noc=shared_noc())
    result = pack_case(case, tmp_path, report)
    jobs = len(report.claims.jobs)  # type: ignore[union-attr]
    permits = [d for d in report.documents if d.kind == "work_permit"]
    assert len(result.files) == jobs - len(result.empty) + (1 if permits else 0)
    for index, packed in enumerate(result.files):
        path = tmp_path / packed.name
        assert path.stat().st_size <= 4_000_000
        reader = pypdf.PdfReader(str(path))
        for source, count in zip(packed.sources, packed.source_pages):
            if source.lower().endswith(".pdf"):
                assert count == _pages(case / source), source  # PDFs go in whole, page for page
        assert packed.sources and len(reader.pages) == sum(packed.source_pages) == packed.pages  # no cover page
        titles = [item.title for item in reader.outline]
        assert len(titles) == len(packed.sources) and all(s in t for s, t in zip(packed.sources, titles))
        starts = [reader.get_destination_page_number(item) for item in reader.outline]
        assert starts == [sum(packed.source_pages[:i]) for i in range(len(packed.sources))]
        if index < jobs and not result.empty:
            assert packed.sources == [p for p in position_documents(report, index) if p in packed.sources]
        raw = path.read_bytes().decode("latin-1")
        assert "/JavaScript" not in raw
        text = _text(path)
        assert not [word for word in TOOL_WORDS if word in text], packed.name
        assert not CODE.findall(text), packed.name
        assert len(set(packed.sources)) == len(packed.sources)
    assert (tmp_path / READ_ME_FIRST).exists() and not (tmp_path / "leftovers.txt").exists()
    unreadable = {d.path for d in report.documents if d.kind == "unreadable"}
    assert {path for path, _ in result.excluded} >= unreadable
    guide = _text(tmp_path / READ_ME_FIRST)
    assert "Do not upload this file" in guide and all(packed.name in guide for packed in result.files)
    aside = {path for path, _ in set_aside(tmp_path)}
    assert aside == {p.name for p in tmp_path.iterdir()}  # a pack put back in a case folder is never read as documents


def test_order_letter_contract_stubs_then_taxes() -> None:
    report = check_case(SAMPLES / "s01_clean_promotion", noc=shared_noc())
    kinds = {d.path: d.kind for d in report.documents}
    order = [kinds[p] for p in position_documents(report, 0)]
    ranks = {"reference_letter": 0, "employment_contract": 1, "pay_stub": 2, "t4": 3, "noa": 3}
    assert [ranks[k] for k in order] == sorted(ranks[k] for k in order)


def test_identical_files_go_in_once_and_a_position_without_documents_gets_no_file(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(SAMPLES / "s01_clean_promotion", case)
    stub = min((case / "Pay stubs").rglob("*.pdf"))
    shutil.copyfile(stub, stub.with_name("copy of " + stub.name))
    text = (case / "case.yaml").read_text(encoding="utf-8")
    text += (
        '  - employer: Nowhere Widgets Ltd.\n    title: Tester\n    noc: "21232"\n    start: 2021-01-04\n'
        "    end: 2021-06-30\n    hours_per_week: 40\n"
    )
    (case / "case.yaml").write_text(text, encoding="utf-8")
    report = check_case(case, noc=shared_noc())
    result = pack_case(case, tmp_path / "out", report)
    copy = stub.with_name("copy of " + stub.name).relative_to(case).as_posix()
    assert (copy, stub.relative_to(case).as_posix()) in result.duplicates
    assert all(copy not in packed.sources for packed in result.files)
    assert any(stub.relative_to(case).as_posix() in packed.sources for packed in result.files)
    assert [label for label in result.empty if "Nowhere Widgets" in label]
    assert not any("nowhere" in packed.name for packed in result.files)
    assert "same file as" in _text(tmp_path / "out" / READ_ME_FIRST)


def test_pack_refuses_a_case_with_blockers_unless_forced(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(SAMPLES / "s05_weak_reference_letter", case)
    runner = CliRunner()
    refused = runner.invoke(app, ["pack", str(case), "-o", str(tmp_path / "up"), "--noc-data", str(NOC_DIR)])
    assert refused.exit_code == 1 and "blocker" in refused.output and "--force" in refused.output
    assert not (tmp_path / "up").exists()
    forced = runner.invoke(app, ["pack", str(case), "-o", str(tmp_path / "up"), "--noc-data", str(NOC_DIR), "--force"])
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "up" / READ_ME_FIRST).exists() and "not for upload" in forced.stdout


def test_word_letter_goes_through_libreoffice_when_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in 'soffice' on PATH: the pack calls it headless and uses the PDF it makes."""
    from checklist import pack
    from tests.support.files import make_docx, pdf_bytes

    made = pdf_bytes(["laid out by the word processor"])
    (tmp_path / "made.pdf").write_bytes(made)
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\n"  # copies the made PDF to --outdir, as soffice names its output
        'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out=$2; shift; done\n'
        f"cp '{tmp_path / 'made.pdf'}' \"$out/document.pdf\"\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    letter = make_docx(tmp_path / "letter.docx", ["To whom it may concern", "She works here."])
    assert pack.to_pdf(letter) == made
    monkeypatch.setenv("PATH", "/nonexistent")
    assert b"%PDF" in pack.to_pdf(letter)[:8]  # no LibreOffice: typeset from the text, on Letter paper
    box = pypdf.PdfReader(io.BytesIO(pack.to_pdf(letter))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == LETTER


def test_photo_is_straightened_cropped_and_put_on_a_letter_page() -> None:
    from PIL import Image, ImageDraw

    from checklist.pack import image_to_pdf, paper_box

    photo = Image.new("RGB", (1600, 1200), (60, 50, 45))  # a dark table
    sheet = Image.new("RGB", (700, 900), (245, 245, 240))
    draw = ImageDraw.Draw(sheet)
    for row in range(40, 860, 28):
        draw.line((50, row, 650, row), fill=(20, 20, 20), width=4)
    photo.paste(sheet.rotate(3, expand=True, fillcolor=(60, 50, 45)), (400, 120))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG")
    box = paper_box(photo.convert("L"))
    assert box is not None and box[0] > 300 and box[2] < 1200  # the table is cropped off
    page = pypdf.PdfReader(io.BytesIO(image_to_pdf(buffer.getvalue()))).pages[0]
    assert sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height)))) == sorted(LETTER)


def test_a_heic_photo_goes_in_as_a_letter_page(tmp_path: Path) -> None:
    """The portal refuses HEIC, phones save it: the pack converts it, whatever the file is called."""
    from PIL import Image

    from checklist import pack
    from checklist.ingest import imaging

    if not imaging.enable_heif():
        pytest.skip("pillow-heif (the ocr extra) is not installed")
    photo = tmp_path / "IMG_0001.dat"
    Image.new("RGB", (900, 1200), (245, 245, 240)).save(photo, format="HEIF")
    page = pypdf.PdfReader(io.BytesIO(pack.to_pdf(photo))).pages[0]
    assert sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height)))) == sorted(LETTER)


def test_second_reader_opens_the_files(tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    report = check_case(SAMPLES / "s03_cook_employer_specific", noc=shared_noc())
    result = pack_case(SAMPLES / "s03_cook_employer_specific", tmp_path, report)
    for name in [packed.name for packed in result.files] + [READ_ME_FIRST]:
        subprocess.run(
            ["pdftoppm", "-r", "20", "-f", "1", "-l", "2", "-png", str(tmp_path / name), str(tmp_path / "p")],
            check=True,
            capture_output=True,
            timeout=60,
        )


def test_thirty_photographed_stubs_fit_or_are_split(tmp_path: Path) -> None:
    from PIL import Image

    from checklist.pack import Source, image_to_pdf, write_pack

    rng = random.Random(7)
    sources = []
    for number in range(30):
        image = Image.effect_noise((1500, 2000), 60).convert("RGB")  # a noisy phone photo: compresses badly
        image.paste((250, 250, 250), (100 + rng.randint(0, 50), 200, 1400, 400))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92)
        sources.append(Source(f"stub_{number:02d}.jpg", f"Pay stub {number}", image_to_pdf(buffer.getvalue())))
    assert sum(len(s.data) for s in sources) > 4_000_000 * 3
    files = write_pack(tmp_path, "photos", "Photos", sources, 4_000_000)
    assert [path for packed in files for path in packed.sources] == [
        s.path for s in sources
    ]  # nothing dropped, in order
    for packed in files:
        path = tmp_path / packed.name
        assert path.stat().st_size <= 4_000_000
        reader = pypdf.PdfReader(str(path))
        assert len(reader.pages) == packed.pages == len(packed.sources)
        assert reader.pages[-1].images[0].image.width >= 500  # still a legible page, not a thumbnail
