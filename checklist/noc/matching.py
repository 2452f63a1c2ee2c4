"""Do a letter's duties describe the claimed NOC unit group?

Contract: ``match_duties(data, claimed_code, duties, title)`` returns a frozen
``DutyMatch`` with the evidence the ``duties.*`` checks need: how well the
lead statement is matched, which main duties are evidenced by which letter
sentence, the unit groups that fit the duties best (and the claimed group's
rank), duties copied nearly word for word from the NOC, and three decisions:

- ``mismatch``: the lead statement is not matched, or other unit groups fit
  the duties clearly better;
- ``weak_coverage``: the lead statement is matched but few main duties are
  evidenced;
- ``copied_from_noc``: several letter duties reproduce NOC main duties.

The ranking behind ``mismatch`` uses the duties only: a job title is what
the applicant claims, the duties are the evidence. When the text cannot be
judged (too little of it, or French with too many unknown words) the result
says so (``judgeable=False``) and raises no blocker: a missed warning costs
less than a false "not ready".
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from checklist.noc.models import SearchHit
from checklist.noc.search import SearchIndex, lead_sentences, rank
from checklist.noc.text import analyze, query_terms, words

if TYPE_CHECKING:
    from checklist.noc.data import NocData

log = logging.getLogger(__name__)

# Thresholds (calibrated on bench/noc; see bench/noc/run.py).
DUTY_MATCH = 0.22
"""Cosine at which a letter sentence evidences a NOC main duty."""
LEAD_MATCH = 0.55
"""Lead-statement score at which the lead statement counts as matched."""
CLEARLY_BETTER = 0.80
"""Claimed score below this share of the best score = others fit clearly better..."""
CLEAR_RANK = 3
"""...provided the claimed group is also outside this many best groups."""
SIBLING_DISCOUNT = 0.9
COPY_SIMILARITY = 0.90
COPY_MIN_WORDS = 6
MIN_TERMS = 6
"""Fewer content terms than this in all duties together: cannot judge."""
MIN_FR_COVERAGE = 0.6


class DutyEvidence(BaseModel):
    """One main duty of the claimed group and the letter sentence that best evidences it."""

    model_config = ConfigDict(frozen=True)

    main_duty: str
    letter_duty: str | None
    score: float
    matched: bool


class CopiedDuty(BaseModel):
    """A letter duty that reproduces a NOC main duty nearly word for word."""

    model_config = ConfigDict(frozen=True)

    letter_duty: str
    main_duty: str
    code: str
    similarity: float


class DutyMatch(BaseModel):
    """How a letter's duties fit the claimed unit group."""

    model_config = ConfigDict(frozen=True)

    claimed_code: str
    claimed_title: str
    language: str
    judgeable: bool
    lead_statement_score: float
    lead_statement_matched: bool
    duties: tuple[DutyEvidence, ...]
    matched_duties: int
    best_fits: tuple[SearchHit, ...]
    claimed_rank: int | None
    claimed_score: float
    fit_ratio: float
    """Claimed fit (or a sibling's, discounted) over the best group's score."""
    copied: tuple[CopiedDuty, ...]
    mismatch: bool
    weak_coverage: bool
    copied_from_noc: bool
    reasons: tuple[str, ...] = ()

    @property
    def evidenced(self) -> list[str]:
        return [d.main_duty for d in self.duties if d.matched]

    @property
    def not_evidenced(self) -> list[str]:
        return [d.main_duty for d in self.duties if not d.matched]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _noc_vector(index: SearchIndex, text: str) -> dict[str, float]:
    counts: dict[str, float] = {}
    for t in analyze(text):
        counts[t] = counts.get(t, 0.0) + 1.0
    return index.sentence_vector({t: c for t, c in counts.items()})


def _evidence(
    index: SearchIndex, main_duties: Sequence[str], letter: Sequence[str], letter_vecs: Sequence[dict[str, float]]
) -> list[DutyEvidence]:
    out = []
    for duty in main_duties:
        v = _noc_vector(index, duty)
        best, best_i = 0.0, -1
        for i, lv in enumerate(letter_vecs):
            s = _cosine(v, lv)
            if s > best:
                best, best_i = s, i
        matched = best >= DUTY_MATCH
        out.append(
            DutyEvidence(
                main_duty=duty, letter_duty=letter[best_i] if best_i >= 0 else None,
                score=round(min(1.0, best), 4), matched=matched,
            )
        )
    return out


def _neighbourhood_fit(index: SearchIndex, scores: Sequence[float], gi: int) -> float:
    """The claimed group's fit, or a discounted fit of a sibling in its NOC
    minor group (same first four digits) when that is higher.

    Siblings such as business systems specialists (21221) and information
    systems specialists (21222) share much of their work; a letter that fits
    the sibling better is not evidence against the claim, while a letter that
    fits another minor group (help desk, 22221) is.
    """
    prefix = index.codes[gi][:4]
    best_sibling = max(
        (s for i, s in enumerate(scores) if i != gi and index.codes[i][:4] == prefix), default=0.0
    )
    return max(scores[gi], SIBLING_DISCOUNT * best_sibling)


def _lead_score(index: SearchIndex, lead: str, letter_vec: dict[str, float], rel: float) -> float:
    """Blend of the direct lexical fit to the lead statement and how close
    the claimed group is to the best-fitting group (the lead statement is
    the group's summary, so the group-level fit is evidence for it too)."""
    lexical = max((_cosine(_noc_vector(index, s), letter_vec) for s in lead_sentences(lead)), default=0.0)
    return min(1.0, 0.8 * rel + 0.2 * min(1.0, lexical / 0.30))


def _copied(
    data: NocData, index: SearchIndex, letter: Sequence[str], letter_weights: Sequence[dict[str, float]]
) -> list[CopiedDuty]:
    """Letter duties that are near-verbatim NOC main duties (any group).

    Candidates come from the sentence index (high cosine); the verdict is an
    edit-distance ratio on folded text, so rewording defeats it but
    "Co-ordinate" vs "coordinate" or a dropped period does not.
    """
    from rapidfuzz import fuzz

    out: list[CopiedDuty] = []
    duty_text: dict[int, tuple[str, str]] = {}
    for gi, code in enumerate(index.codes):
        g = data.get(code)
        if g is None:
            continue
        for d in g.main_duties:
            duty_text[len(duty_text)] = (d, code)
    # sentence ids of main duties follow group order, then duty order
    sid_to_duty: dict[int, int] = {}
    k = 0
    for sid, kind in enumerate(index.sent_kind):
        if kind == 0:
            sid_to_duty[sid] = k
            k += 1
    for text, weights in zip(letter, letter_weights):
        if len(words(text)) < COPY_MIN_WORDS:
            continue
        acc = index.sentence_coverage(weights)
        folded = " ".join(words(text))
        for sid, s in sorted(acc.items(), key=lambda kv: -kv[1])[:5]:
            if s < 0.6 or sid not in sid_to_duty:
                continue
            noc_text, code = duty_text[sid_to_duty[sid]]
            sim = fuzz.ratio(folded, " ".join(words(noc_text))) / 100.0
            if sim >= COPY_SIMILARITY:
                out.append(CopiedDuty(letter_duty=text, main_duty=noc_text, code=code, similarity=round(sim, 4)))
                break
    return out


def match_duties(data: NocData, claimed_code: str, duties: list[str], title: str | None = None) -> DutyMatch:
    """Compare a letter's duties with the claimed unit group.

    Raises ``ValueError`` for a code that is not a NOC 2021 unit group: the
    ``cec.noc-unknown`` check reports that, so callers check first.
    """
    group = data.get(claimed_code)
    if group is None:
        raise ValueError(f"{claimed_code!r} is not a NOC 2021 unit group")
    index: SearchIndex = data.index
    letter = [d.strip() for d in duties if d and d.strip()]
    ranking = rank(index, letter, title, use_title=False)
    gi = index.codes.index(group.code)
    order = ranking.top(index, len(index.codes))
    claimed_rank = order.index(gi) + 1
    top_score = ranking.scores[order[0]] if order else 0.0
    claimed_score = ranking.scores[gi]
    rel = claimed_score / top_score if top_score > 0 else 0.0
    fit_rel = _neighbourhood_fit(index, ranking.scores, gi) / top_score if top_score > 0 else 0.0
    best_fits = tuple(
        SearchHit(code=index.codes[i], title=index.titles[i], teer=int(index.codes[i][1]),
                  score=round(ranking.scores[i], 4))
        for i in order[:3]
    )
    letter_weights = [query_terms(d)[0] for d in letter]
    letter_vecs = [index.sentence_vector(w) for w in letter_weights]
    all_weights: dict[str, float] = {}
    for w in letter_weights:
        for t, v in w.items():
            all_weights[t] = all_weights.get(t, 0.0) + v
    letter_vec = index.sentence_vector(all_weights)
    evidence = _evidence(index, group.main_duties, letter, letter_vecs)
    matched = sum(1 for e in evidence if e.matched)
    lead = _lead_score(index, group.lead_statement, letter_vec, fit_rel)
    lead_matched = lead >= LEAD_MATCH
    copied = _copied(data, index, letter, letter_weights)

    n_terms = sum(1 for w in all_weights.values() if w >= 1.0)
    reasons: list[str] = []
    judgeable = True
    if n_terms < MIN_TERMS:
        judgeable = False
        reasons.append("too few duties to judge")
    if ranking.language == "fr" and ranking.coverage < MIN_FR_COVERAGE:
        judgeable = False
        reasons.append(f"French text, only {ranking.coverage:.0%} of its words could be compared")
    clearly_better = claimed_rank > CLEAR_RANK and fit_rel < CLEARLY_BETTER
    if not lead_matched:
        reasons.append(f"lead statement not matched (score {lead:.2f})")
    if clearly_better:
        reasons.append(
            f"{claimed_rank - 1} unit groups fit the duties better; best: "
            + ", ".join(f"{h.code} {h.title}" for h in best_fits)
        )
    if ranking.language != "en":
        # A word-for-word translation is weaker evidence: blocker only when
        # both signs agree.
        mismatch = judgeable and not lead_matched and clearly_better
    else:
        mismatch = judgeable and (not lead_matched or clearly_better)
    needed = min(3, math.ceil(len(evidence) / 2))
    weak = judgeable and lead_matched and not mismatch and matched < needed
    if weak:
        reasons.append(f"only {matched} of {len(evidence)} main duties evidenced")
    copied_flag = len(copied) >= 2 or (len(copied) >= 1 and len(copied) * 2 >= len(letter))
    log.debug(
        "match %s: rank %d rel %.2f lead %.2f matched %d/%d copied %d -> mismatch=%s",
        group.code, claimed_rank, rel, lead, matched, len(evidence), len(copied), mismatch,
    )
    return DutyMatch(
        claimed_code=group.code, claimed_title=group.title, language=ranking.language, judgeable=judgeable,
        lead_statement_score=round(lead, 4), lead_statement_matched=lead_matched,
        duties=tuple(evidence), matched_duties=matched, best_fits=best_fits, claimed_rank=claimed_rank,
        claimed_score=round(claimed_score, 4), fit_ratio=round(fit_rel, 4), copied=tuple(copied), mismatch=mismatch, weak_coverage=weak,
        copied_from_noc=copied_flag, reasons=tuple(reasons),
    )


__all__ = ["CopiedDuty", "DutyEvidence", "DutyMatch", "match_duties"]
