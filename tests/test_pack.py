"""The upload pack: one file per position plus status, under the limit, in order, with bookmarks."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from checklist.checking import check_case
from checklist.pack import pack_case, position_documents
from tests.support.noc import shared_noc

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "cases"
pytest.importorskip("weasyprint")
pytest.importorskip("img2pdf")


def _pages(path: Path) -> int:
    data = path.read_bytes()
    if b"%PDF-" in data[:1024]:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        return len(reader.pages)
    return 1


@pytest.mark.parametrize("case", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_pack_every_sample(case: Path, tmp_path: Path) -> None:
    report = check_case(case, noc=shared_noc())
    result = pack_case(case, tmp_path, report)
    jobs = len(report.claims.jobs)  # type: ignore[union-attr]
    permits = [d for d in report.documents if d.kind == "work_permit"]
    assert len(result.files) == jobs + (1 if permits else 0)
    for index, packed in enumerate(result.files):
        path = tmp_path / packed.name
        assert path.stat().st_size <= 4_000_000
        reader = pypdf.PdfReader(str(path))
        for source, count in zip(packed.sources, packed.source_pages):
            if source.lower().endswith(".pdf"):
                assert count == _pages(case / source), source  # PDFs go in whole, page for page
        cover = packed.cover_pages
        assert 1 <= cover <= 3
        assert len(reader.pages) == cover + sum(packed.source_pages) == packed.pages
        titles = [item.title for item in reader.outline]
        assert titles[0] == "Contents and findings" and len(titles) == len(packed.sources) + 1
        starts = [reader.get_destination_page_number(item) for item in reader.outline[1:]]
        assert starts == [cover_start + sum(packed.source_pages[:i]) for i, cover_start in
                          enumerate([packed.cover_pages] * len(packed.sources))]
        assert all(source in title for source, title in zip(packed.sources, titles[1:]))
        if index < jobs:
            assert packed.sources == [p for p in position_documents(report, index) if p in packed.sources]
        assert "/JavaScript" not in path.read_bytes().decode("latin-1")
    assert (tmp_path / "leftovers.txt").exists()
    unreadable = {d.path for d in report.documents if d.kind == "unreadable"}
    assert {path for path, _ in result.excluded} >= unreadable


def test_order_letter_contract_stubs_then_taxes(tmp_path: Path) -> None:
    report = check_case(SAMPLES / "s01_clean_promotion", noc=shared_noc())
    kinds = {d.path: d.kind for d in report.documents}
    order = [kinds[p] for p in position_documents(report, 0)]
    ranks = {"reference_letter": 0, "employment_contract": 1, "pay_stub": 2, "t4": 3, "noa": 3}
    assert [ranks[k] for k in order] == sorted(ranks[k] for k in order)


def test_second_reader_opens_the_files(tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    report = check_case(SAMPLES / "s03_cook_employer_specific", noc=shared_noc())
    result = pack_case(SAMPLES / "s03_cook_employer_specific", tmp_path, report)
    for packed in result.files:
        subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "2", "-png", str(tmp_path / packed.name), str(tmp_path / "p")],
                       check=True, capture_output=True, timeout=60)


def test_thirty_photographed_stubs_fit_or_are_split(tmp_path: Path) -> None:
    from PIL import Image

    from checklist.pack import Source, cover_page, image_to_pdf, write_pack

    rng = random.Random(7)
    sources = []
    for number in range(30):
        image = Image.effect_noise((1500, 2000), 60).convert("RGB")  # a noisy phone photo: compresses badly
        image.paste((250, 250, 250), (100 + rng.randint(0, 50), 200, 1400, 400))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92)
        sources.append(Source(f"stub_{number:02d}.jpg", f"Pay stub {number}", image_to_pdf(buffer.getvalue())))
    assert sum(len(s.data) for s in sources) > 4_000_000 * 3
    cover = cover_page("Photos", "30 photographed stubs", sources, [], [])
    files = write_pack(tmp_path, "photos", "Photos", cover, sources, 4_000_000)
    assert [path for packed in files for path in packed.sources] == [s.path for s in sources]  # nothing dropped, in order
    for packed in files:
        path = tmp_path / packed.name
        assert path.stat().st_size <= 4_000_000
        reader = pypdf.PdfReader(str(path))
        assert len(reader.pages) == packed.pages == packed.cover_pages + len(packed.sources)
        assert reader.pages[-1].images[0].image.width >= 500  # still a legible page, not a thumbnail
