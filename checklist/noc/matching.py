"""Do a letter's duties describe the claimed NOC unit group?

Contract: ``match_duties(data, claimed_code, duties, title)`` returns a frozen
``DutyMatch`` with the evidence the ``duties.*`` checks need: how well the
lead statement is matched, which main duties are evidenced by which letter
sentence, the unit groups that fit the duties best (and the claimed group's
rank), duties copied nearly word for word from the NOC, and three decisions:

- ``mismatch``: other unit groups fit the duties clearly better, or the
  letter's own title and duties describe a less skilled occupation (a higher
  TEER) than the one claimed;
- ``weak_coverage``: the lead statement is matched but few main duties are
  evidenced;
- ``copied_from_noc``: several letter duties reproduce NOC main duties.

The ranking behind ``mismatch`` uses the duties only: the duties are the
evidence. The letter's job title (the employer's words) is weak evidence
that only counts when the duties leave room for it:

- groups of the claimed group's family (same first ``FAMILY_DIGITS`` digits
  of the code: same TEER, same kind of work) never count as fitting "better";
- when the title names the claimed group (or its family), the duties must
  point clearly elsewhere (``SUPPORTED_*``) before the claim is called a
  mismatch: a plausible claim is never a blocker;
- when the title names a group of a *higher* TEER number (less skilled)
  outside the family, and the duties fit that group about as well as the
  claimed one, the claim is TEER inflation (a prep cook claimed as a chef).

A false blocker tells a qualified applicant their file will be refused, so
every threshold errs on the side of silence. When the text cannot be judged
(too little of it, or French with too many unknown words) the result says so
(``judgeable=False``) and raises no blocker.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from checklist.noc.level import LetterLevel, Level, neighbours, read_letter, required_level, role_names, works_under
from checklist.noc.models import SearchHit, UnitGroup
from checklist.noc.search import SearchIndex, lead_sentences, rank
from checklist.noc.text import analyze, english_title, query_terms, words

if TYPE_CHECKING:
    from checklist.noc.data import NocData

log = logging.getLogger(__name__)

# Thresholds (calibrated on bench/noc; see bench/noc/run.py).
DUTY_MATCH = 0.30
MIN_SHARED = 2
"""Cosine at which a letter sentence evidences a NOC main duty (what the duty table shows), sharing at least
``MIN_SHARED`` of its terms... Calibrated on the tuning set with bench/noc/evidence.py: most unrelated duties
reaching only 0.22-0.30 are not stated at all ("Take customer orders" for "order lumber", "safes and vaults" for
"keep the classroom safe"), and one shared word lifts a short duty far ("May clean kitchen and work area" at 0.40
for "Show the two kitchen helpers what to prep"). 1.0% of the main duties of unrelated groups were shown at a
plain 0.22, 0.32% with these rules, and those left are mostly generic duties the letter does state."""
SHARED_MATCH = 0.22
SHARED_TERMS = 3
"""...or, from ``SHARED_MATCH``, when the sentence shares at least ``SHARED_TERMS`` distinct terms with the duty:
a long NOC duty ("Perform scheduled maintenance service, such as oil changes, lubrications and tune-ups") has a
low cosine with a short sentence that states it ("Carry out scheduled maintenance: oil changes, tire rotations").
On the tuning set 23.5% of the own group's main duties are shown (22% at a plain 0.30) for less false evidence.
What neither can see, the level can: a main duty whose action is supervising or managing needs the letter
sentence to show that level too."""
CLOSE_MATCH = 0.45
"""Cosine from which a match is shown as "close" (most of the duty's distinctive words are in the sentence)..."""
PARTIAL_MATCH = 0.30
"""...and from which it is "partial"; below it (down to ``DUTY_MATCH``) the sentence shares only some words."""
LEAD_MATCH = 0.55
"""Lead-statement score at which the lead statement counts as matched."""
CLEARLY_BETTER = 0.70
"""Claimed fit below this share of the best other group's score = others fit clearly better..."""
CLEAR_RANK = 4
"""...provided the claimed group is also outside this many best groups (its family not counted)."""
FAR_FIT = 0.45
"""Claimed fit below this share = the duties describe something else, whatever the rank."""
SUPPORTED_RANK = 5
"""When the title names the claimed group, the duties overrule it only with the group outside this
many best groups (its family not counted), and..."""
SUPPORTED_FIT = 0.45
"""...a fit share below this, or..."""
SUPPORTED_WEAK_FIT = 0.55
"""...a fit share below this with fewer evidenced main duties than ``SUPPORTED_EVIDENCE``."""
SUPPORTED_EVIDENCE = 2
"""(Here a main duty counts with a cosine of at least ``SUPPORT_MATCH`` with a letter sentence.)"""
SUPPORT_MATCH = 0.22
"""The looser cosine the title-supported rule was calibrated with: a hint in the claim's favour, never shown
as evidence."""
FAMILY_DIGITS = 4
"""Groups sharing this many leading code digits (the NOC minor group) are one family. Three digits
(sub-major group) is too wide: it puts data scientists beside database analysts and LPNs beside
dental hygienists, and lets a data-entry letter borrow a data scientist's fit."""
SIBLING_DISCOUNT = 0.9
"""A family member's fit counts for the claimed group, discounted."""
TITLE_SUPPORT = 0.5
"""Title score (idf-weighted Dice with NOC titles) at which a title names a group..."""
TITLE_MARGIN = 0.1
"""...when it is also within this of the title's best group."""
INFLATION_TITLE = 0.7
"""Title score at which the title names a less skilled group (TEER inflation)..."""
INFLATION_TITLE_GAP = 0.2
"""...that is at least this much above the claimed group's title score..."""
INFLATION_DUTIES = 0.9
"""...and whose duties score is at least this share of the claimed group's."""
LEVEL_GAP_FIT = 0.85
"""A claim whose defining level (supervise, manage) the letter does not evidence is a mismatch when a group
that does not need that level fits at least this share of the claimed fit (or better)..."""
LEVEL_GAP_RANK = 5
"""...and is among this many best groups of the duties."""
LEVEL_NEIGHBOUR_FIT = 0.5
"""...or when a group the claim's exclusion notes name, needing less than the claimed level, fits at least this
share of the claimed fit (the NOC's own line between chefs and cooks)."""
DOWN_FIT = 0.6
"""A less skilled neighbour (NOC exclusion link, higher TEER) fitting the duties best, with the claimed fit
below this share of it, is the occupation the letter describes."""
COPY_SIMILARITY = 0.90
COPY_MIN_WORDS = 6
MIN_TERMS = 6
"""Fewer content terms than this in all duties together: cannot judge."""
MIN_FR_COVERAGE = 0.6
FULL_FR_COVERAGE = 0.9
"""A French letter with at least this share of its words known is judged like an English one; below it, a
word-for-word translation is weaker evidence and only duties pointing clearly elsewhere make a blocker."""


class DutyEvidence(BaseModel):
    """One main duty of the claimed group and the letter sentence that best evidences it."""

    model_config = ConfigDict(frozen=True)

    main_duty: str
    letter_duty: str | None
    """The closest letter sentence when the duty is evidenced (None when it is not: no sentence states it)."""
    score: float
    matched: bool
    closeness: str = "not stated"
    """How close the match is, in words: "close", "partial", "some shared words" or "not stated"."""


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
    """Claimed fit (or a family member's, discounted) over the best score of a group outside the family (at most 1)."""
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
) -> tuple[list[DutyEvidence], int]:
    """The duty table's rows, and how many main duties a sentence reaches at the looser ``SUPPORT_MATCH`` (with
    the level shown): the weak-coverage warning counts those, so a strict table never adds warnings."""
    out = []
    loose = 0
    for duty in main_duties:
        v = _noc_vector(index, duty)
        best, best_i = 0.0, -1
        for i, lv in enumerate(letter_vecs):
            s = _cosine(v, lv)
            if s > best:
                best, best_i = s, i
        level = best_i >= 0 and _shows_level(duty, letter[best_i])
        matched = level and _states(best, v, letter_vecs[best_i])
        loose += level and best >= SUPPORT_MATCH
        closeness = _closeness(best) if matched else "not stated"
        out.append(
            DutyEvidence(
                main_duty=duty,
                letter_duty=letter[best_i] if matched else None,
                score=round(min(1.0, best), 4),
                matched=matched,
                closeness=closeness,
            )
        )
    return out, loose


def _states(score: float, duty_vec: dict[str, float], sentence_vec: dict[str, float]) -> bool:
    """Whether a sentence with this cosine states the duty (``DUTY_MATCH`` with ``MIN_SHARED`` terms in common,
    or ``SHARED_MATCH`` with ``SHARED_TERMS``)."""
    shared = len(duty_vec.keys() & sentence_vec.keys())
    return (score >= DUTY_MATCH and shared >= MIN_SHARED) or (score >= SHARED_MATCH and shared >= SHARED_TERMS)


def _closeness(score: float) -> str:
    if score >= CLOSE_MATCH:
        return "close"
    return "partial" if score >= PARTIAL_MATCH else "some shared words"


def _shows_level(main_duty: str, sentence: str) -> bool:
    """A main duty defined by a level of work ("Supervise, coordinate and schedule the activities of
    staff who prepare food") is evidenced only by a sentence that shows that level, not by one that
    shares its other words ("Prepare food for the lunch service")."""
    wanted = read_letter([main_duty])
    if wanted.supervises is None and wanted.manages is None:
        return True
    got = read_letter([sentence])
    if wanted.manages is not None and wanted.supervises is None:
        return got.reaches(Level.MANAGE) or got.supervises is not None
    return got.reaches(Level.SUPERVISE)


def _family(index: SearchIndex, code: str) -> set[int]:
    """Groups that share the claimed code's first ``FAMILY_DIGITS`` digits.

    Siblings such as business systems specialists (21221), information
    systems specialists (21222) and database analysts (21223) share much of
    their work and their TEER; a letter that fits a sibling better is not
    evidence against the claim, while a letter that fits another family
    (help desk, 22221) is.
    """
    prefix = code[:FAMILY_DIGITS]
    return {i for i, c in enumerate(index.codes) if c[:FAMILY_DIGITS] == prefix}


def _title_scores(index: SearchIndex, title: str | None) -> list[float] | None:
    if not title or not title.strip():
        return None
    scores = index.title_scores(title)
    return scores if max(scores, default=0.0) > 0 else None


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
    for code in index.codes:
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


_LEVEL_MISSING = {
    Level.MANAGE: "the letter never shows the applicant planning, directing or managing an operation",
    Level.SUPERVISE: "the letter never shows the applicant supervising staff",
    Level.PLAN: "the letter never shows the applicant planning, designing or directing the work",
}


def _level_gap(
    data: NocData,
    index: SearchIndex,
    order: Sequence[int],
    scores: Sequence[float],
    gi: int,
    needed: Level,
    reached: Level,
) -> int | None:
    """A group that does not need the claimed level and fits the duties about as well (the letter's
    real occupation when a cook is claimed as a food service supervisor). A group whose level the letter
    does reach is named first (cooks rather than chefs, who plan and direct, for a cook's letter)."""
    candidates = []
    for i in order[:LEVEL_GAP_RANK]:
        other = data.get(index.codes[i])
        if i != gi and other is not None and scores[i] >= LEVEL_GAP_FIT * scores[gi]:
            level = required_level(other)
            if level < needed:
                candidates.append((level > reached, i))
    if candidates:
        return min(candidates, key=lambda c: c[0])[1]
    return _excluded_neighbour(data, index, scores, gi, needed)


def _excluded_neighbour(
    data: NocData, index: SearchIndex, scores: Sequence[float], gi: int, needed: Level
) -> int | None:
    """A group the claim's own exclusion notes name ("Chefs" exclude "Cooks (63200)") that does not need
    the claimed level, is no more skilled, and fits the duties well enough: the NOC itself draws the line
    the letter stays below."""
    group = data.get(index.codes[gi])
    if group is None:
        return None
    found = []
    for exclusion in group.exclusions:
        other = data.get(exclusion.code)
        if other is None or other.teer < group.teer or required_level(other) >= needed:
            continue
        i = index.codes.index(other.code)
        if scores[i] >= LEVEL_NEIGHBOUR_FIT * scores[gi]:
            found.append(i)
    return max(found, key=lambda i: scores[i]) if found else None


def _reached(level: LetterLevel) -> Level:
    """The highest level a letter evidences."""
    return next((c for c in (Level.MANAGE, Level.SUPERVISE, Level.PLAN) if level.reaches(c)), Level.WORK)


def _less_skilled_neighbour(
    data: NocData, index: SearchIndex, group: UnitGroup, others: Sequence[int], scores: Sequence[float], fit: float
) -> int | None:
    """The best group outside the claimed family, when it is a less skilled NOC neighbour of the claim
    that fits the duties clearly better (a bookkeeper claimed as an accountant)."""
    if not others:
        return None
    best = data.get(index.codes[others[0]])
    if best is None or best.teer <= group.teer or not neighbours(group, best):
        return None
    return others[0] if fit < DOWN_FIT * scores[others[0]] else None


def _works_under_claim(data: NocData, group: UnitGroup, letter: Sequence[str]) -> str | None:
    """The role the letter places the applicant under, when that role is the claimed occupation (a dental
    assistant's "assist the dentist chairside" claimed as a dentist). An explicit statement of who the applicant
    assists or reports to is what an officer reads first; a title naming the claim overrides it (checked by the
    caller), since apprentices and junior staff also write that they work under their seniors."""
    role = works_under(list(letter))
    return role if role is not None and role_names(role, group, data.unit_groups) else None


def match_duties(data: NocData, claimed_code: str, duties: list[str], title: str | None = None) -> DutyMatch:
    """Compare a letter's duties with the claimed unit group.

    ``title`` is the job title the letter gives (weak evidence, see the
    module docstring). Raises ``ValueError`` for a code that is not a NOC
    2021 unit group: the ``cec.noc-unknown`` check reports that, so callers
    check first.
    """
    group = data.get(claimed_code)
    if group is None:
        raise ValueError(f"{claimed_code!r} is not a NOC 2021 unit group")
    index: SearchIndex = data.index
    letter = [d.strip() for d in duties if d and d.strip()]
    ranking = rank(index, letter, title, use_title=False, use_level=False)
    scores = ranking.scores
    gi = index.codes.index(group.code)
    order = ranking.top(index, len(index.codes))
    claimed_rank = order.index(gi) + 1
    claimed_score = scores[gi]
    family = _family(index, group.code)
    others = [i for i in order if i not in family]
    other_score = scores[others[0]] if others else 0.0
    # rank among the groups outside the family: siblings never fit "better"
    rank_out = 1 + sum(1 for i in others if scores[i] > claimed_score)
    fit = max([claimed_score] + [SIBLING_DISCOUNT * scores[i] for i in family if i != gi])
    fit_rel = min(1.0, fit / other_score) if other_score > 0 else 1.0
    best_fits = tuple(
        SearchHit(code=index.codes[i], title=index.titles[i], teer=int(index.codes[i][1]), score=round(scores[i], 4))
        for i in order[:3]
    )
    letter_weights = [query_terms(d)[0] for d in letter]
    letter_vecs = [index.sentence_vector(w) for w in letter_weights]
    all_weights: dict[str, float] = {}
    for w in letter_weights:
        for t, v in w.items():
            all_weights[t] = all_weights.get(t, 0.0) + v
    letter_vec = index.sentence_vector(all_weights)
    evidence, loosely_stated = _evidence(index, group.main_duties, letter, letter_vecs)
    matched = sum(1 for e in evidence if e.matched)
    support = sum(1 for e in evidence if e.score >= SUPPORT_MATCH)
    lead = _lead_score(index, group.lead_statement, letter_vec, fit_rel)
    level = read_letter(letter, title)
    needed_level = required_level(group)
    level_ok = level.reaches(needed_level)
    # a lead statement counts only when its defining action is evidenced
    lead_matched = lead >= LEAD_MATCH and level_ok
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

    # The title: does it name the claimed group (or its family), or a less
    # skilled group the duties fit as well?
    t_scores = _title_scores(index, english_title(title, ranking.language) if title else None)
    title_supports = False
    inflated: int | None = None
    if t_scores is not None:
        t_best = max(t_scores)
        t_claim = max(t_scores[i] for i in family)
        title_supports = t_claim >= TITLE_SUPPORT and t_claim >= t_best - TITLE_MARGIN
        named = None
        if any(t >= INFLATION_TITLE and int(c[1]) > group.teer for t, c in zip(t_scores, index.codes)):
            # the group the whole letter (title and duties) reads as
            named = rank(index, letter, title, use_title=True).top(index, 1)[0]
        if (
            named is not None
            and named not in family
            and int(index.codes[named][1]) > group.teer
            and t_scores[named] >= INFLATION_TITLE
            and t_scores[named] >= t_claim + INFLATION_TITLE_GAP
            and scores[named] >= INFLATION_DUTIES * claimed_score
        ):
            inflated = named

    level_gap = None if level_ok else _level_gap(data, index, order, scores, gi, needed_level, _reached(level))
    under = None if title_supports else _works_under_claim(data, group, letter)
    down = _less_skilled_neighbour(data, index, group, others, scores, fit)
    clearly_better = (rank_out > CLEAR_RANK and fit_rel < CLEARLY_BETTER) or fit_rel < FAR_FIT
    if title_supports:
        # the title names the claim: only duties that clearly describe
        # something else (and evidence few of its main duties) overrule it
        clearly_better = rank_out > SUPPORTED_RANK and (
            fit_rel < SUPPORTED_FIT or (fit_rel < SUPPORTED_WEAK_FIT and support < SUPPORTED_EVIDENCE)
        )
    if not level_ok:
        reasons.append(f"the lead statement's defining action is not evidenced: {_LEVEL_MISSING[needed_level]}")
    elif not lead_matched:
        reasons.append(f"lead statement not matched (score {lead:.2f})")
    if level_gap is not None:
        reasons.append(f"the duties fit {index.codes[level_gap]} {index.titles[level_gap]} as well or better")
    if down is not None:
        reasons.append(
            f"the duties fit {index.codes[down]} {index.titles[down]} (TEER {index.codes[down][1]}) better, "
            f"a less skilled neighbour of the TEER {group.teer} occupation claimed"
        )
    if clearly_better:
        reasons.append(
            f"{rank_out - 1} unit groups of other occupations fit the duties better; best: "
            + ", ".join(f"{index.codes[i]} {index.titles[i]}" for i in others[: min(3, rank_out - 1)])
        )
    if under is not None:
        reasons.append(
            f"the letter has the applicant working under or assisting the {under} ({group.title} is the "
            "occupation the applicant assists, not the applicant's own)"
        )
    if inflated is not None:
        reasons.append(
            f"the letter's title and duties describe {index.codes[inflated]} {index.titles[inflated]} "
            f"(TEER {index.codes[inflated][1]}), not the TEER {group.teer} occupation claimed"
        )
    if ranking.language != "en" and ranking.coverage < FULL_FR_COVERAGE:
        # A word-for-word translation is weaker evidence: blocker only when
        # the duties alone point clearly elsewhere.
        mismatch = judgeable and ((not lead_matched and clearly_better) or level_gap is not None or under is not None)
    else:
        mismatch = judgeable and (
            clearly_better or inflated is not None or level_gap is not None or down is not None or under is not None
        )
    needed = min(3, math.ceil(len(evidence) / 2))
    weak = judgeable and lead_matched and not mismatch and loosely_stated < needed
    if weak:
        reasons.append(f"only {matched} of {len(evidence)} main duties evidenced")
    copied_flag = len(copied) >= 2 or (len(copied) >= 1 and len(copied) * 2 >= len(letter))
    log.debug(
        "match %s: rank %d (%d outside family) fit %.2f lead %.2f matched %d/%d title %s inflated %s copied %d "
        "-> mismatch=%s",
        group.code,
        claimed_rank,
        rank_out,
        fit_rel,
        lead,
        matched,
        len(evidence),
        title_supports,
        index.codes[inflated] if inflated is not None else None,
        len(copied),
        mismatch,
    )
    return DutyMatch(
        claimed_code=group.code,
        claimed_title=group.title,
        language=ranking.language,
        judgeable=judgeable,
        lead_statement_score=round(lead, 4),
        lead_statement_matched=lead_matched,
        duties=tuple(evidence),
        matched_duties=matched,
        best_fits=best_fits,
        claimed_rank=claimed_rank,
        claimed_score=round(claimed_score, 4),
        fit_ratio=round(fit_rel, 4),
        copied=tuple(copied),
        mismatch=mismatch,
        weak_coverage=weak,
        copied_from_noc=copied_flag,
        reasons=tuple(reasons),
    )


__all__ = ["CopiedDuty", "DutyEvidence", "DutyMatch", "match_duties"]
