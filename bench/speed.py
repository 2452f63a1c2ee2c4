"""How long checking a case costs compared with plain text extraction of its files.

Run: python bench/speed.py [CASE_DIR ...] [--repeat N] [--noc-data DIR]

For each case it times, in one process after start-up, the runs interleaved
(plain, check, serial check, plain, ...) so a change in the machine's load
falls on all of them alike; each figure is the median of `--repeat` runs:
- plain: pypdf `extract_text()` on every PDF and python-docx paragraphs on every DOCX
  (the least any tool must do to read the files);
- check: the whole `check_case` (read in layout mode, classify, extract, all rules,
  NOC matching when data is given) and rendering the JSON report, with every file
  read afresh (`cache=False`), as the CLI runs it: files read in parallel processes
  where possible (`checklist.ingest.parallel`);
- serial: the same check in this process only (`workers=1`);
- parallel: the same check with one process per core whatever the load (`workers=cores`);
  `check` chooses between the two from the idle cores it sees (the load average);
- warm: `check_case` again with the readings kept in the case folder
  (`checklist.ingest.cache`), as a second check of an unchanged case runs;
- stages: one serial cold check split by stage (read, classify, extract, rules, render),
  the work each stage costs; in `check` the first three run spread over the workers.
The load average and the CPU count are printed before and after: on a shared
machine the ratio is only meaningful next to them.
The target is check <= 1.5x plain (issue 12); a warm check reads nothing.
Run it on copies: the warm run writes `.cec-checklist/` into each case folder.
Measured figures: bench/SPEED.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist.casefile import load_case  # noqa: E402
from checklist.classify import classify  # noqa: E402
from checklist.extract import extract  # noqa: E402
from checklist.ingest import discover  # noqa: E402
from checklist.ingest.limits import ReadLimits  # noqa: E402
from checklist.pipeline import CheckOptions, build_report, check_case, load_noc, read_raw  # noqa: E402
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


def interleaved(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of each function, run in turn `repeat` times (not each `repeat` times in a row)."""
    runs: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in runs.items()}


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


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
        raw = read_raw(path, case, limits)
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
    started = time.perf_counter()
    noc = load_noc(noc_dir)
    print(f"NOC data load (once per process): {time.perf_counter() - started:.3f} s")
    print(f"before: {load()}")
    names = ("read", "classify", "extract", "rules", "render")
    cores = os.cpu_count() or 1
    print(
        f"{'case':30} {'docs':>4} {'plain s':>7} {'check s':>7} {'ratio':>5} {'serial s':>8} {'ratio':>5} "
        f"{'parall s':>8} {'ratio':>5} {'warm s':>6}  " + " ".join(f"{n:>8}" for n in names)
    )
    for case in cases:
        documents = len(discover(case))
        check_case(case, CheckOptions(noc=noc))  # fills the readings (and warms this process up)
        figures = interleaved(
            {
                "plain": lambda case=case: plain(case),
                "check": lambda case=case: render_json(check_case(case, CheckOptions(noc=noc, cache=False))),
                "serial": lambda case=case: render_json(
                    check_case(case, CheckOptions(noc=noc, cache=False, workers=1))
                ),
                "parallel": lambda case=case: render_json(
                    check_case(case, CheckOptions(noc=noc, cache=False, workers=cores))
                ),
                "warm": lambda case=case: render_json(check_case(case, CheckOptions(noc=noc))),
            },
            args.repeat,
        )
        split = stages(case, noc)
        base = figures["plain"]
        print(
            f"{case.name[:30]:30} {documents:4d} {base:7.3f} {figures['check']:7.3f} {figures['check'] / base:5.2f} "
            f"{figures['serial']:8.3f} {figures['serial'] / base:5.2f} "
            f"{figures['parallel']:8.3f} {figures['parallel'] / base:5.2f} {figures['warm']:6.3f}  "
            + " ".join(f"{split.get(n, 0.0):8.3f}" for n in names)
        )
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
