"""How long checking a case costs compared with plain text extraction of its files.

Run: python bench/speed.py [CASE_DIR ...] [--repeat N] [--noc-data DIR]

For each case it times, in one process after start-up:
- plain: pypdf `extract_text()` on every PDF and python-docx paragraphs on every DOCX
  (the least any tool must do to read the files);
- check: the whole `check_case` (read in layout mode, classify, extract, all rules,
  NOC matching when data is given) and rendering the JSON report.
The target is check < 2x plain and under 1 s for a dozen documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import docx
import pypdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist.checking import check_case, load_noc  # noqa: E402
from checklist.ingest import discover  # noqa: E402
from checklist.report import render_json  # noqa: E402


def plain(case: Path) -> int:
    count = 0
    for path in discover(case):
        try:
            if path.suffix.lower() == ".pdf":
                for page in pypdf.PdfReader(str(path)).pages:
                    page.extract_text()
            elif path.suffix.lower() == ".docx":
                "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
            else:
                continue
        except Exception:  # noqa: BLE001 - broken files are part of real cases
            continue
        count += 1
    return count


def timed(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--noc-data", type=Path, default=ROOT.parent / "shared" / "noc2021")
    args = parser.parse_args()
    cases = args.cases or sorted((ROOT / "samples" / "cases").iterdir())
    noc_dir = args.noc_data if args.noc_data.exists() else None
    load_noc(noc_dir)  # builds the index on a first run
    print(f"NOC data load (once per process): {timed(lambda: load_noc(noc_dir), args.repeat):.3f} s")
    noc = load_noc(noc_dir)
    print(f"{'case':34} {'docs':>5} {'plain s':>8} {'check s':>8} {'ratio':>6}")
    for case in cases:
        documents = len(discover(case))
        base = timed(lambda case=case: plain(case), args.repeat)
        full = timed(lambda case=case: render_json(check_case(case, noc=noc)), args.repeat)
        print(f"{case.name:34} {documents:5d} {base:8.3f} {full:8.3f} {full / base:6.2f}")


if __name__ == "__main__":
    main()
