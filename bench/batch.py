"""Batch throughput on 1 and 2 workers over copies of the sample cases.

Run: python bench/batch.py [--copies 7] [--noc-data DIR]
Copies every sample case `--copies` times (8 samples x 7 = 56 cases) into a
temporary folder, runs `run_batch` with 1 and then 2 worker processes, and
prints cases per second and the speed-up.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist.batch import run_batch  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument("--noc-data", type=Path, default=ROOT.parent / "shared" / "noc2021")
    args = parser.parse_args()
    noc_dir = args.noc_data if args.noc_data.exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases"
        for sample in sorted((ROOT / "samples" / "cases").iterdir()):
            for copy in range(args.copies):
                shutil.copytree(sample, cases / f"{sample.name}-{copy}")
        count = len(list(cases.iterdir()))
        results = {}
        for workers in (1, 2):
            start = time.perf_counter()
            rows = run_batch(cases, Path(tmp) / f"out{workers}", workers=workers, noc_dir=noc_dir)
            seconds = time.perf_counter() - start
            assert len(rows) == count and not any(row.error for row in rows)
            results[workers] = seconds
            print(f"{workers} worker(s): {count} cases in {seconds:.1f} s, {count / seconds:.2f} cases/s")
        print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
