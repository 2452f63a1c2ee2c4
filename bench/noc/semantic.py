"""Does a static embedding model (WordLlama, weights in its wheel) improve NOC search?

Usage::

    python bench/noc/semantic.py [--set tuning|independent] [--weights 0,0.1,0.2,0.3] [--pairs]

Blends the lexical ranking of ``checklist.noc.search.rank`` with a semantic
channel (WordLlama L2 supercat, 256 dimensions), two ways:

- ``best``: for each unit group, the mean over letter duties of the best
  cosine with the group's main duties and lead-statement sentences;
- ``centroid``: the cosine of the mean letter-duty vector with the mean of
  the group's sentence vectors;

each either raw or min-max normalised over the groups (``_n``: from the
median group to the best). The blend is ``(1 - w) * lexical + w * semantic *
max(lexical)``. Reports, per variant and weight, title+duties and duties-only
top-1/3/5 and the TEER of the top hit; with ``--pairs``, the mismatch
precision/recall and own-code false alarms of ``match_duties`` when its
ranking is the blend (variant ``best``); and the time to load the model, to
embed the NOC and to embed a letter.

Needs ``pip install wordllama`` (in a separate venv); nothing is downloaded
(the files ship in the wheel). Measured on the tuning set (2026-12-03): no
weight beats the lexical ranking at top-1 (title+duties 0.965 at w=0, 0.961
at best w>0; duties-only 0.800 at w=0, 0.800 at best), top-3 of duties-only
gains 0.004-0.009, mismatch P/R unchanged at w<=0.3; model load 160-510 ms,
NOC embedding about 1 s, a letter 7-11 ms. So it is not in ``checklist``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from run import DEFAULT_NOC, SETS, load_bench

import checklist.noc.matching as matching
from checklist.noc import load_noc_data, match_duties
from checklist.noc.search import lead_sentences, rank


def load_model():  # type: ignore[no-untyped-def]
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def _normalised(s: np.ndarray) -> np.ndarray:
    lo, hi = np.median(s), s.max()
    return np.clip((s - lo) / (hi - lo + 1e-9), 0.0, 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="tuning")
    ap.add_argument("--weights", default="0,0.1,0.2,0.3")
    ap.add_argument("--pairs", action="store_true", help="also the mismatch decision with the blended ranking")
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
    owner_arr = np.array(owner)  # sentences are in group order
    starts = np.r_[0, np.flatnonzero(np.diff(owner_arr)) + 1]
    centroids = np.add.reduceat(noc_vecs, starts, axis=0)
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)

    def semantic(duties: list[str], variant: str) -> np.ndarray:
        q = model.embed(duties, norm=True)
        if variant.startswith("best"):
            s = np.maximum.reduceat(q @ noc_vecs.T, starts, axis=1).mean(axis=0)
        else:
            m = q.mean(axis=0)
            s = centroids @ (m / np.linalg.norm(m))
        return _normalised(s) if variant.endswith("_n") else np.clip(s, 0.0, 1.0)

    descriptions, pairs = load_bench(args.set)
    times = []
    for d in descriptions[:50]:
        t0 = time.perf_counter()
        semantic(d["duties"], "best")
        times.append(time.perf_counter() - t0)
    print(
        f"model load {1000 * t_load:.0f} ms, embed {len(sents)} NOC sentences {1000 * t_embed:.0f} ms, "
        f"a letter {1000 * float(np.mean(times)):.1f} ms"
    )
    weights = [float(w) for w in args.weights.split(",")]
    n = len(descriptions)
    for with_title in (True, False):
        for variant in ("best", "centroid", "best_n", "centroid_n"):
            hits = {w: [0, 0, 0, 0] for w in weights}
            for d in descriptions:
                duties = [x for x in d["duties"] if x.strip()]
                lex = np.array(rank(index, duties, d["title"] if with_title else None).scores)
                sem = semantic(duties, variant) * lex.max()
                for w in weights:
                    top = [index.codes[i] for i in np.argsort(-((1 - w) * lex + w * sem))[:5]]
                    h = hits[w]
                    h[0] += d["code"] in top[:1]
                    h[1] += d["code"] in top[:3]
                    h[2] += d["code"] in top[:5]
                    h[3] += top[0][1] == d["code"][1]
            print(
                f"{args.set} {'title+duties' if with_title else 'duties-only '} {variant:10} "
                + "  ".join(
                    f"w={w:.2f} {h[0] / n:.3f}/{h[1] / n:.3f}/{h[2] / n:.3f} TEER {h[3] / n:.3f}"
                    for w, h in hits.items()
                )
            )
    if args.pairs:
        lexical_rank = matching.rank
        weight = [0.0]

        def blended(index, duties, title=None, **kw):  # type: ignore[no-untyped-def]
            r = lexical_rank(index, duties, title, **kw)
            ds = [x for x in duties if x.strip()]
            if not weight[0] or not ds:
                return r
            lex = np.array(r.scores)
            mixed = (1 - weight[0]) * lex + weight[0] * semantic(ds, "best") * lex.max()
            return dataclasses.replace(r, scores=mixed.tolist())

        matching.rank = blended  # type: ignore[assignment]
        by_id = {d["id"]: d for d in descriptions}
        for w in weights:
            weight[0] = w
            tp = fp = fn = 0
            for label in ("mismatched", "correct"):
                for p in pairs[label]:
                    d = by_id[p["description"]]
                    said = match_duties(data, p["claimed"], d["duties"], d["title"]).mismatch
                    tp += said and label == "mismatched"
                    fn += (not said) and label == "mismatched"
                    fp += said and label == "correct"
            own = sum(match_duties(data, d["code"], d["duties"], d["title"]).mismatch for d in descriptions)
            print(
                f"{args.set} mismatch w={w:.2f}: precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
                f" own-code alarms {own}/{n}"
            )
        matching.rank = lexical_rank
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
