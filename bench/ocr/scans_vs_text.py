"""Field accuracy of scanned and photographed samples against the same documents' text versions.

Run: python bench/ocr/scans_vs_text.py
For each document of samples/cases/s09_scans_and_photos that make_samples.py made from a
text PDF of s03_cook_employer_specific, it extracts both versions and counts the fields
the scan gives as the text version does (the comparison rules of tests/support/compare.py),
and times the OCR per page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "samples"))

from make_samples import SCANNED, SCANS_CASE, SCANS_FROM  # noqa: E402

from checklist.pipeline import understand  # noqa: E402
from tests.support.compare import field_matches  # noqa: E402


def main() -> None:
    cases = ROOT / "samples" / "cases"
    total = right = 0
    seconds: list[float] = []
    for old, (new, style, _, _) in sorted(SCANNED.items()):
        text = understand(cases / SCANS_FROM / old, cases / SCANS_FROM)
        start = time.perf_counter()
        scan = understand(cases / SCANS_CASE / new, cases / SCANS_CASE)
        seconds.append(time.perf_counter() - start)
        fields = {k: v for k, v in text.fields.items() if k != "positions" and v not in (None, [], "")}
        good = [k for k, v in fields.items() if field_matches(k, v, scan.fields.get(k))]
        total, right = total + len(fields), right + len(good)
        missed = sorted(set(fields) - set(good))
        print(
            f"{new:24} {style:8} kind {scan.kind.value:17} fields {len(good):2}/{len(fields):2}  "
            f"{seconds[-1]:5.1f} s/page  missed: {', '.join(missed) or '-'}"
        )
    print(
        f"field accuracy on scans and photos: {right}/{total} = {right / total:.2f}; "
        f"median {sorted(seconds)[len(seconds) // 2]:.1f} s per page"
    )


if __name__ == "__main__":
    main()
