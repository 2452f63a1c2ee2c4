"""Calibrate the score at which a letter sentence evidences a NOC main duty.

Usage::

    .venv/bin/python bench/noc/evidence.py [--set tuning|independent]

A duty the letter does not state must almost never show as evidenced. For
every description, the main duties of unit groups of *other* occupations
(outside its NOC minor group, and not among the 10 groups that fit it best)
are duties the letter does not state; the share of them that reach each
threshold is the false-evidence rate. The share of the description's own
group's main duties reaching it is shown beside it (not all of them are
stated, so it is an upper bound of the true-evidence rate). The last line is
what the duty table shows: the share *matched* (the threshold ``DUTY_MATCH``
and the level check, a supervising duty needing a supervising sentence).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from run import DEFAULT_NOC, SETS, load_bench

from checklist.noc import load_noc_data, match_duties
from checklist.noc.matching import DUTY_MATCH, MIN_SHARED, SHARED_MATCH, SHARED_TERMS

THRESHOLDS = (0.22, 0.26, 0.30, 0.34, 0.38, 0.42, 0.46, 0.50)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="tuning")
    ap.add_argument("--others", type=int, default=3, help="unrelated groups sampled per description")
    args = ap.parse_args(argv)
    data = load_noc_data(DEFAULT_NOC)
    descriptions, _ = load_bench(args.set)
    rng = random.Random(18)
    codes = [g.code for g in data.unit_groups]
    own: list[float] = []
    foreign: list[float] = []
    own_shown = foreign_shown = 0
    for d in descriptions:
        m = match_duties(data, d["code"], d["duties"], d["title"])
        own.extend(e.score for e in m.duties)
        own_shown += sum(e.matched for e in m.duties)
        near = {h.code for h in data.search("\n".join(d["duties"]), limit=10)}
        pool = [c for c in codes if c[:4] != d["code"][:4] and c not in near]
        for code in rng.sample(pool, args.others):
            rows = match_duties(data, code, d["duties"], None).duties
            foreign.extend(e.score for e in rows)
            foreign_shown += sum(e.matched for e in rows)
    print(f"{args.set}: {len(own)} own-group main duties, {len(foreign)} unrelated main duties")
    print(f"{'threshold':>9} {'unrelated evidenced':>20} {'own evidenced':>14}")
    for t in THRESHOLDS:
        f = sum(s >= t for s in foreign) / len(foreign)
        o = sum(s >= t for s in own) / len(own)
        print(f"{t:>9.2f} {f:>20.3%} {o:>14.3%}")
    print(
        f"{'shown':>9} {foreign_shown / len(foreign):>20.3%} {own_shown / len(own):>14.3%}  (DUTY_MATCH {DUTY_MATCH} with {MIN_SHARED} shared terms, or {SHARED_MATCH} with {SHARED_TERMS})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
