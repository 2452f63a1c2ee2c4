"""Does a static embedding model (WordLlama, weights in its wheel) improve NOC search?

Usage::

    .venv/bin/python bench/noc/semantic.py [--set tuning|independent] [--weights 0,0.2,0.35]

Blends the lexical ranking of ``checklist.noc.search.rank`` with a semantic
channel: for each unit group, the mean over letter duties of the best cosine
with the group's main duties and lead-statement sentences (WordLlama L2
supercat, 256 dimensions). Reports title+duties and duties-only top-1/3/5
for each blend weight, and the time to load the model and embed the NOC.
Needs ``pip install wordllama``; nothing is downloaded (files ship in the wheel).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from run import DEFAULT_NOC, SETS, load_bench

from checklist.noc import load_noc_data
from checklist.noc.search import lead_sentences, rank


def load_model():  # type: ignore[no-untyped-def]
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="tuning")
    ap.add_argument("--weights", default="0,0.15,0.3,0.45")
    args = ap.parse_args(argv)
    data = load_noc_data(DEFAULT_NOC)
    index = data.index
    t0 = time.perf_counter()
    model = load_model()
    t_load = time.perf_counter() - t0
    sents: list[str] = []
    owner: list[int] = []
    for gi, code in enumerate(index.codes):
        g = data.get(code)
        for s in (*g.main_duties, *lead_sentences(g.lead_statement)):  # type: ignore[union-attr]
            sents.append(s)
            owner.append(gi)
    t0 = time.perf_counter()
    noc_vecs = model.embed(sents, norm=True)
    t_embed = time.perf_counter() - t0
    owner_arr = np.array(owner)
    n_groups = len(index.codes)
    print(f"model load {1000 * t_load:.0f} ms, embed {len(sents)} NOC sentences {1000 * t_embed:.0f} ms")
    descriptions, _ = load_bench(args.set)
    weights = [float(w) for w in args.weights.split(",")]

    def semantic(duties: list[str]) -> np.ndarray:
        q = model.embed(duties, norm=True)
        sims = q @ noc_vecs.T  # letter duties x NOC sentences
        best = np.full((len(duties), n_groups), -1.0)
        for j in range(len(duties)):
            np.maximum.at(best[j], owner_arr, sims[j])
        return np.clip(best.mean(axis=0), 0.0, 1.0)

    for with_title in (True, False):
        hits = {w: [0, 0, 0] for w in weights}
        for d in descriptions:
            duties = [x for x in d["duties"] if x.strip()]
            lex = np.array(rank(index, duties, d["title"] if with_title else None).scores)
            sem = semantic(duties)
            for w in weights:
                order = np.argsort(-((1 - w) * lex + w * sem * lex.max()))
                top = [index.codes[i] for i in order[:5]]
                for k, n in enumerate((1, 3, 5)):
                    hits[w][k] += d["code"] in top[:n]
        n = len(descriptions)
        for w in weights:
            h = hits[w]
            print(
                f"{args.set} {'title+duties' if with_title else 'duties-only '} w={w:.2f}: "
                f"top1 {h[0] / n:.3f} top3 {h[1] / n:.3f} top5 {h[2] / n:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
