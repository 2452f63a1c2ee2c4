"""How long checking a case costs compared with plain text extraction of its files.

Run: python bench/speed.py [CASE_DIR ...] [--repeat N] [--noc-data DIR]

For each case it times, in one process after start-up:
- plain: pypdf `extract_text()` on every PDF and python-docx paragraphs on every DOCX
  (the least any tool must do to read the files);
- check: the whole `check_case` (read in layout mode, classify, extract, all rules,
  NOC matching when data is given) and rendering the JSON report, with every file
  read afresh (`cache=False`), then split by stage (read, classify, extract, rules,
  render);
- warm: `check_case` again with the readings kept in the case folder
  (`checklist.ingest.cache`), as a second check of an unchanged case runs.
The target is check <= 1.5x plain (issue 12); a warm check reads nothing.
Run it on copies: the warm run writes `.cec-checklist/` into each case folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import docx
import pypdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist.casefile import load_case  # noqa: E402
from checklist.classify import classify  # noqa: E402
from checklist.extract import extract  # noqa: E402
from checklist.ingest import discover, read_document  # noqa: E402
from checklist.ingest.limits import ReadLimits  # noqa: E402
from checklist.pipeline import CheckOptions, build_report, check_case, load_noc  # noqa: E402
from checklist.report import render_json  # noqa: E402
from checklist.reviewfile import load_review  # noqa: E402


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


def stages(case: Path, noc: object) -> dict[str, float]:
    """Seconds per stage of one cold check of `case`."""
    spent: dict[str, float] = {}

    def clock(name: str, start: float) -> float:
        now = time.perf_counter()
        spent[name] = spent.get(name, 0.0) + now - start
        return now

    limits = ReadLimits()
    documents = []
    for path in discover(case):
        start = time.perf_counter()
        raw = read_document(path, case, limits)
        start = clock("read", start)
        kind = classify(raw)
        start = clock("classify", start)
        documents.append(extract(raw, kind))
        clock("extract", start)
    start = time.perf_counter()
    report = build_report(load_case(case), dt.date.today(), documents, noc, load_review(case))
    start = clock("rules", start)
    render_json(report)
    clock("render", start)
    return spent


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
    names = ("read", "classify", "extract", "rules", "render")
    print(
        f"{'case':34} {'docs':>5} {'plain s':>8} {'check s':>8} {'ratio':>6} {'warm s':>7}  "
        + " ".join(f"{n:>8}" for n in names)
    )
    for case in cases:
        documents = len(discover(case))
        base = timed(lambda case=case: plain(case), args.repeat)
        cold = CheckOptions(noc=noc, cache=False)
        full = timed(lambda case=case, cold=cold: render_json(check_case(case, cold)), args.repeat)
        check_case(case, CheckOptions(noc=noc))  # fills the readings
        warm = timed(lambda case=case: render_json(check_case(case, CheckOptions(noc=noc))), args.repeat)
        split = stages(case, noc)
        print(
            f"{case.name:34} {documents:5d} {base:8.3f} {full:8.3f} {full / base:6.2f} {warm:7.3f}  "
            + " ".join(f"{split.get(n, 0.0):8.3f}" for n in names)
        )


if __name__ == "__main__":
    main()
