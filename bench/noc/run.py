"""Benchmark of NOC search and duty matching against a naive baseline.

Usage::

    .venv/bin/python bench/noc/run.py [--set tuning|boundaries|independent] [--noc-data DIR] [--show-misses] [--json OUT]

Reads the labelled descriptions (``descriptions_*.yaml``) and the
letter/claim pairs (``pairs.yaml``) beside this script and reports, for the
project's method and for a plain TF-IDF baseline over title, lead
statement, main duties and example titles:

- top-1/3/5 accuracy of search on title + duties and on duties alone;
- TEER accuracy of the top hit (title + duties);
- precision and recall of ``mismatch`` on the pairs (positive = mismatch);
- two harder views of the mismatch decision: false alarms when *every*
  description claims its own code (the precision that matters: a false
  blocker), and recall when the letter's title does not give the inflation
  away (the title is the claimed group's NOC title, or there is none);
- time per search and per duty match.

The baseline's mismatch rule: the claimed group is not among its 5 best
groups for the duties.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from checklist.noc import NocData, load_noc_data, match_duties  # noqa: E402

DEFAULT_NOC = REPO.parent / "shared" / "noc2021"


SETS = {"tuning": HERE, "boundaries": HERE / "boundaries", "independent": HERE / "independent"}
"""Two tuning sets (tune on them: the first, and one written later on the level boundaries by a helper
who never saw the matcher) and the frozen independent set (never tune on it; report it separately)."""


def load_bench(name: str = "tuning") -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    folder = SETS[name]
    descriptions: list[dict[str, Any]] = []
    for path in sorted(folder.glob("descriptions*.yaml")):
        descriptions.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    pairs = yaml.safe_load((folder / "pairs.yaml").read_text(encoding="utf-8"))
    return descriptions, pairs


# ----------------------------------------------------------------- baseline


_TOKEN = re.compile(r"[a-z]+")
_STOP = frozenset(
    "a an and the of to in for on with by or as at from is are be this that their they may such other all "
    "including into our we i".split()
)


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


class Baseline:
    """Plain TF-IDF cosine over one document per unit group."""

    def __init__(self, data: NocData) -> None:
        self.codes: list[str] = []
        docs: list[Counter[str]] = []
        for g in data.unit_groups:
            text = " ".join([g.title, g.lead_statement, *g.main_duties, *g.all_example_titles])
            docs.append(Counter(_tokens(text)))
            self.codes.append(g.code)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self.idf = {t: math.log(n / c) + 1.0 for t, c in df.items()}
        self.vecs = [self._vec(d) for d in docs]

    def _vec(self, counts: Counter[str]) -> dict[str, float]:
        v = {t: c * self.idf[t] for t, c in counts.items() if t in self.idf}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def search(self, text: str, limit: int = 10) -> list[str]:
        q = self._vec(Counter(_tokens(text)))
        scores = [sum(w * v.get(t, 0.0) for t, w in q.items()) for v in self.vecs]
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        return [self.codes[i] for i in order[:limit]]


# ------------------------------------------------------------------ metrics


def _topk(ranked: list[str], gold: str) -> tuple[bool, bool, bool]:
    return gold in ranked[:1], gold in ranked[:3], gold in ranked[:5]


def evaluate_search(search, descriptions: list[dict[str, Any]], with_title: bool):  # type: ignore[no-untyped-def]
    hits = [0, 0, 0]
    teer_ok = 0
    times: list[float] = []
    misses: list[str] = []
    for d in descriptions:
        t0 = time.perf_counter()
        ranked = search(d["title"] if with_title else None, d["duties"])
        times.append(time.perf_counter() - t0)
        for i, ok in enumerate(_topk(ranked, d["code"])):
            hits[i] += ok
        teer_ok += bool(ranked) and ranked[0][1] == d["code"][1]
        if ranked[:1] != [d["code"]]:
            misses.append(f"{d['id']} {d['code']} {d['title']!r} -> {ranked[:3]}")
    n = len(descriptions)
    return {
        "top1": hits[0] / n,
        "top3": hits[1] / n,
        "top5": hits[2] / n,
        "teer": teer_ok / n,
        "ms_mean": 1000 * statistics.mean(times),
        "ms_p95": 1000 * sorted(times)[int(0.95 * (n - 1))],
    }, misses


def evaluate_pairs(decide, descriptions: list[dict[str, Any]], pairs: dict[str, list[dict[str, Any]]]):  # type: ignore[no-untyped-def]
    by_id = {d["id"]: d for d in descriptions}
    tp = fp = fn = tn = 0
    misses: list[str] = []
    for label, items in (("mismatched", pairs["mismatched"]), ("correct", pairs["correct"])):
        for p in items:
            d = by_id[p["description"]]
            said, info = decide(p["claimed"], d)
            truth = label == "mismatched"
            tp += said and truth
            fp += said and not truth
            fn += (not said) and truth
            tn += (not said) and not truth
            if said != truth:
                misses.append(f"{label} {d['id']} ({d['code']}) claimed {p['claimed']}: said {said} {info}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn, "tn": tn}, misses


def evaluate_views(
    decide,
    descriptions: list[dict[str, Any]],
    pairs: dict[str, list[dict[str, Any]]],  # type: ignore[no-untyped-def]
    noc_title,
):
    """Own-code false alarms over all descriptions; recall with the claimed group's title and with none."""
    by_id = {d["id"]: d for d in descriptions}
    misses: list[str] = []
    alarms = 0
    times: list[float] = []
    for d in descriptions:
        t0 = time.perf_counter()
        said, info = decide(d["code"], d)
        times.append(time.perf_counter() - t0)
        if said:
            alarms += 1
            misses.append(f"own code {d['id']} ({d['code']}): said True {info}")
    recall: dict[str, float] = {}
    for view, title_of in (("claimed-title", noc_title), ("no-title", lambda code: None)):
        found = 0
        for p in pairs["mismatched"]:
            d = dict(by_id[p["description"]], title=title_of(p["claimed"]))
            said, info = decide(p["claimed"], d)
            found += said
            if not said:
                misses.append(f"{view}: {d['id']} claimed {p['claimed']}: said False {info}")
        recall[view] = found / len(pairs["mismatched"])
    return {
        "own_alarms": alarms,
        "own_n": len(descriptions),
        "recall_claimed_title": recall["claimed-title"],
        "recall_no_title": recall["no-title"],
        "ms_match": 1000 * statistics.mean(times),
    }, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--noc-data", type=Path, default=DEFAULT_NOC)
    ap.add_argument(
        "--set",
        choices=sorted(SETS),
        default="tuning",
        help="tuning (bench/noc/*.yaml) or independent (the frozen held-out set)",
    )
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    descriptions, pairs = load_bench(args.set)
    t0 = time.perf_counter()
    data = load_noc_data(args.noc_data)
    load_s = time.perf_counter() - t0
    _ = data.index
    baseline = Baseline(data)
    groups = {d["code"] for d in descriptions}
    print(
        f"bench ({args.set}): {len(descriptions)} descriptions, {len(groups)} unit groups, "
        f"TEERs {sorted({c[1] for c in groups})}, broad categories {sorted({c[0] for c in groups})}, "
        f"{len(pairs['correct'])} correct + {len(pairs['mismatched'])} mismatched pairs"
    )
    print(f"NOC data load: {1000 * load_s:.0f} ms")

    def ours(title: str | None, duties: list[str]) -> list[str]:
        return (
            [h.code for h in data.search("\n".join(duties), title=title, limit=5)]
            if title
            else [h.code for h in data.search("\n".join(duties), title=None, limit=5)]
        )

    def base(title: str | None, duties: list[str]) -> list[str]:
        return baseline.search(" ".join(([title] if title else []) + duties), limit=5)

    def ours_pair(claimed: str, d: dict[str, Any]) -> tuple[bool, str]:
        m = match_duties(data, claimed, d["duties"], d["title"])
        info = (
            f"rank={m.claimed_rank} lead={m.lead_statement_score:.2f} rel={m.claimed_score:.3f}/"
            f"{m.best_fits[0].score:.3f} fit={m.fit_ratio:.2f} best={[h.code for h in m.best_fits]}"
        )
        return m.mismatch, info

    def base_pair(claimed: str, d: dict[str, Any]) -> tuple[bool, str]:
        ranked = baseline.search(" ".join(d["duties"]), limit=5)
        return claimed not in ranked, f"best={ranked[:3]}"

    results: dict[str, Any] = {}
    all_misses: dict[str, list[str]] = {}
    for name, fn, pair_fn in (("method", ours, ours_pair), ("baseline", base, base_pair)):
        r_td, m_td = evaluate_search(fn, descriptions, with_title=True)
        r_d, m_d = evaluate_search(fn, descriptions, with_title=False)
        r_p, m_p = evaluate_pairs(pair_fn, descriptions, pairs)
        r_v, m_v = evaluate_views(pair_fn, descriptions, pairs, lambda code: data.get(code).title)  # type: ignore[union-attr]
        results[name] = {"title+duties": r_td, "duties": r_d, "mismatch": r_p, "mismatch_views": r_v}
        all_misses[name] = m_td + ["-- duties only --"] + m_d + ["-- pairs --"] + m_p + ["-- mismatch views --"] + m_v

    print()
    print(
        f"{'':10} {'title+duties top1/3/5':>24} {'TEER':>6} {'duties top1/3/5':>20} "
        f"{'mismatch P/R':>14} {'ms/search':>10}"
    )
    for name, r in results.items():
        td, du, mm = r["title+duties"], r["duties"], r["mismatch"]
        print(
            f"{name:10} {td['top1']:>10.3f}/{td['top3']:.3f}/{td['top5']:.3f} {td['teer']:>6.3f} "
            f"{du['top1']:>8.3f}/{du['top3']:.3f}/{du['top5']:.3f} "
            f"{mm['precision']:>7.3f}/{mm['recall']:.3f} {td['ms_mean']:>7.1f} (p95 {td['ms_p95']:.1f})"
        )
    print()
    print(
        f"{'':10} {'own-code false alarms':>22} {'recall, claimed title':>22} {'recall, no title':>17} {'ms/match':>9}"
    )
    for name, r in results.items():
        v = r["mismatch_views"]
        print(
            f"{name:10} {v['own_alarms']:>15d}/{v['own_n']:<6d} {v['recall_claimed_title']:>22.3f} "
            f"{v['recall_no_title']:>17.3f} {v['ms_match']:>9.1f}"
        )
    if args.show_misses:
        for name, misses in all_misses.items():
            print(f"\n== misses: {name}")
            for line in misses:
                print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
