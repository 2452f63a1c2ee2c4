"""Ranked search over the 516 unit groups for a job title and/or duties.

Three lexical channels, each a score in [0, 1] per unit group:

- **title**: the job title against the group title and every NOC example
  title (idf-weighted Dice of terms, best title of the group). Employers'
  titles are the strongest single signal when they are ordinary titles. A
  level word (supervisor, manager, chief...) on one side only costs a
  factor: "security guard" is not "chief security guard", whatever the
  words' weights. So does a NOC title whose head noun (the occupation it
  names, ``title_head``) is not in the letter's title: a "software tester"
  shares two words with "software testing engineer" but is no engineer.
  A vague title ("Coordinator", "Team Member"), the best match of many
  groups alike, weighs less in the final mean (``TITLE_SPREAD``).
- **profile**: the whole text against a group profile (title, lead
  statement, main duties, example titles), tf-idf cosine.
- **duties**: each letter duty against each NOC main duty and lead
  statement sentence (tf-idf cosine); a group scores the mean, over letter
  duties, of its best matching sentence. This rewards groups whose duties
  are evidenced one by one, not just groups that share vocabulary.

The final score is a weighted mean of the channels present, then two
skill-level (TEER) adjustments:

- a small prior for skilled groups (``W_TEER``): NOC duties of TEER 4-5
  groups are written in the concrete, everyday words of reference letters,
  those of TEER 0-2 groups in abstract ones, so lexical similarity alone
  prefers the less skilled neighbour (bookkeepers lose to accounting clerks,
  registered nurses to LPNs: on the benchmark, two thirds of the wrong first
  hits were a less skilled neighbour, a tenth a more skilled one);
- when the letter describes supervising, hiring or recruiting staff, groups
  whose NOC main duties never mention it (workers rather than their
  supervisors) are demoted in proportion (``W_SUPERVISION``). NOC separates
  supervisors and managers from the workers they direct mainly by these
  duties.

Everything is pure Python over precomputed postings: a search touches only
the postings of the query's terms, well under 100 ms for all 516 groups.
"""

from __future__ import annotations

import base64
import logging
import math
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from checklist.noc.level import Level, read_letter, required_level
from checklist.noc.models import SearchHit, UnitGroup
from checklist.noc.text import analyze, english_title, query_terms, words
from checklist.noc.vocab import TITLE_STOPWORDS

if TYPE_CHECKING:
    from checklist.noc.data import NocData

log = logging.getLogger(__name__)

INDEX_FORMAT = 8

# Channel weights (tuned on bench/noc, kept round to avoid overfitting).
W_TITLE, W_PROFILE, W_DUTIES = 0.50, 0.25, 0.25

TITLE_SPREAD = 4
TITLE_NEAR = 0.7
"""A title whose best NOC title match is shared (within ``TITLE_NEAR`` of it) by more than ``TITLE_SPREAD``
groups names no one occupation ("Coordinator", "Associate", "Team Member"): its channel weight falls as
TITLE_SPREAD / (that number of groups), and the duties decide."""

# Field weights of the profile channel and its BM25 parameters.
_F_TITLE, _F_LEAD, _F_DUTIES, _F_EXAMPLES = 3.0, 2.0, 1.0, 1.0
_K1, _B = 1.2, 0.75
_QUALIFIED = 0.9

# Skill-level (TEER) adjustments of the final score (see the module docstring).
W_TEER = 0.1
"""A group of TEER t gains W_TEER * (5 - t) / 5 of its score (then all are divided by 1 + W_TEER)."""
SUPERVISION_WORDS = "supervise hire recruit"
"""Words that mark supervision of staff, in a letter duty or a NOC main duty."""
W_SUPERVISION = 0.5
"""Share of its score a group loses per unit of (letter duties supervising - its own duties supervising)."""
FLAT_GROUPS = 20
FLAT_COVERAGE = 0.95
"""A letter duty that NOC sentences of at least ``FLAT_GROUPS`` groups cover this fully is boilerplate for the
duties channel ("Other duties as assigned": 41 groups; no duty of the tuning letters reaches more than 10)."""
W_LEVEL = 0.2
"""Share of its score a group loses when its lead statement's defining level is not in the letter."""
LEVEL_WORDS = {
    "supervisor": 1,
    "supervisors": 1,
    "manager": 2,
    "managers": 2,
    "foreman": 4,
    "foremen": 4,
    "forewoman": 4,
    "forewomen": 4,
    "director": 8,
    "directors": 8,
    "chief": 16,
    "chiefs": 16,
    "head": 32,
}
"""Level words of job titles (whole words, not stems: a "management accountant" is no manager), as bits..."""
LEVEL_MISMATCH = 0.8
"""...and the factor of a title match where one side has a level word the other lacks."""
HEAD_MISMATCH = 0.85
"""Factor of a title match whose NOC title's head noun (``title_head``) is not in the letter's title: a "software
tester" shares two words with "software testing engineer" but is no engineer."""

# a period ends a sentence only before a word that starts in upper case ("600,000 sq. ft. office", "approx. 30")
_SENT_SPLIT = re.compile(r"(?<=[;!?])\s+|(?<=\.)\s+(?![a-z0-9])|\n+|\s+[•·▪\-–]\s+|^\s*[•·▪\-–*]\s*", re.M)

Postings = dict[str, tuple[list[int], list[float]]]
_QUANT = 65535.0


class PostingTable:
    """Term -> (ids, weights), stored encoded and decoded per term on demand.

    A prebuilt index holds ~190k postings; decoding only the query's terms
    keeps loading to a single fast ``json.loads`` of short strings.
    """

    __slots__ = ("_raw", "_cache")

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw
        self._cache: dict[str, tuple[Sequence[int], list[float]]] = {}

    @classmethod
    def from_postings(cls, post: Postings) -> PostingTable:
        table = cls({})
        table._cache = {t: (ids, ws) for t, (ids, ws) in post.items()}
        table._raw = dict.fromkeys(post, None)
        return table

    def __contains__(self, term: str) -> bool:
        return term in self._raw

    def get(self, term: str) -> tuple[Sequence[int], list[float]] | None:
        hit = self._cache.get(term)
        if hit is not None:
            return hit
        raw = self._raw.get(term)
        if raw is None:
            return None
        ids = array("I")
        ids.frombytes(base64.b64decode(raw[0]))
        qs = array("H")
        qs.frombytes(base64.b64decode(raw[1]))
        if sys.byteorder != "little":
            ids.byteswap()
            qs.byteswap()
        decoded = (ids, [q / _QUANT for q in qs])
        self._cache[term] = decoded
        return decoded

    def to_json(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for term in self._raw:
            got = self.get(term)
            assert got is not None
            ids = array("I", got[0])
            qs = array("H", [min(65535, max(0, round(w * _QUANT))) for w in got[1]])
            if sys.byteorder != "little":
                ids.byteswap()
                qs.byteswap()
            out[term] = [base64.b64encode(ids.tobytes()).decode(), base64.b64encode(qs.tobytes()).decode()]
        return out


def split_sentences(text: str) -> list[str]:
    """Duty-sized pieces of a free text (bullets, lines, sentences)."""
    parts = [p.strip(" \t•·▪-–*") for p in _SENT_SPLIT.split(text or "")]
    return [p for p in parts if p and len(p.split()) >= 1]


def _idf(df: dict[str, int], n: int) -> dict[str, float]:
    return {t: math.log(1.0 + n / d) for t, d in df.items()}


def _normalise(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _tf_vector(counts: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    return _normalise({t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items() if c > 0 and t in idf})


def _count(terms: Iterable[str], weight: float = 1.0, into: dict[str, float] | None = None) -> dict[str, float]:
    out = into if into is not None else {}
    for t in terms:
        out[t] = out.get(t, 0.0) + weight
    return out


def _postings(vectors: Sequence[dict[str, float]]) -> Postings:
    post: dict[str, tuple[list[int], list[float]]] = {}
    for i, vec in enumerate(vectors):
        for t, w in vec.items():
            ids, ws = post.setdefault(t, ([], []))
            ids.append(i)
            ws.append(round(w, 4))
    return post


def title_terms(title: str, *, query: bool = False) -> list[str]:
    """Terms of a job title. In a query, seniority words are dropped ("Senior"
    adds nothing), but not in NOC titles, where "junior high" is a level."""
    if not query:
        return analyze(title)
    return analyze(" ".join(w for w in words(title) if w not in TITLE_STOPWORDS))


@lru_cache(maxsize=1)
def supervision_terms() -> frozenset[str]:
    return frozenset(analyze(SUPERVISION_WORDS))


def level_mask(title: str) -> int:
    """Bits of the level words (``LEVEL_WORDS``) in a job title."""
    mask = 0
    for w in words(title):
        mask |= LEVEL_WORDS.get(w, 0)
    return mask


_HEAD_CUT = re.compile(r"\s+-\s+|\s*\(|,|\s+(?:of|in|for|who|with|to)\s+")


def title_head(title: str) -> str:
    """The head terms of an English job title, the occupations it names, space-separated: the last word of each
    conjunct before any qualifier ("software testing engineer" -> engineer, "retail salespersons and visual
    merchandisers" -> salesperson merchandiser, "director of nursing" -> director). Empty when none is found."""
    heads = []
    for part in re.split(r"\s+and\s+|/", _HEAD_CUT.split(title.replace("–", "-").replace("—", "-"), maxsplit=1)[0]):
        terms = analyze(part)
        if terms:
            heads.append(terms[-1])
    return " ".join(dict.fromkeys(heads))


_LEVEL_KEY = "={}"
"""Title postings of NOC titles holding a level bit; "=" never starts an analysed term."""


def lead_sentences(lead: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+", lead) if s.strip()]


@dataclass
class SearchIndex:
    """Precomputed postings of the three channels; JSON-serialisable."""

    codes: list[str]
    titles: list[str]
    profile_idf: dict[str, float]
    profile_post: PostingTable
    sent_idf: dict[str, float]
    sent_post: PostingTable
    sent_group: list[int]
    sent_kind: list[int]  # 0 = main duty, 1 = lead statement sentence
    title_idf: dict[str, float]
    title_post: PostingTable
    title_group: list[int]
    title_mass: list[float]
    title_factor: list[float]
    title_head: list[str]
    """The head term of each NOC title (``title_head``): the occupation it names."""
    supervision: list[float]
    """Share of each group's main duties that supervise, hire or recruit staff."""
    levels: list[int]
    """The level each group's lead statement demands (``checklist.noc.level.required_level``)."""

    # ------------------------------------------------------------------ build
    @classmethod
    def build(cls, groups: Sequence[UnitGroup]) -> SearchIndex:
        """Analyse all NOC text once; the result is what the store saves."""
        codes = [g.code for g in groups]
        # Profile channel: BM25 term weights of one weighted bag per group.
        bags: list[dict[str, float]] = []
        for g in groups:
            bag = _count(analyze(g.title), _F_TITLE)
            _count(analyze(g.lead_statement), _F_LEAD, bag)
            for d in g.main_duties:
                _count(analyze(d), _F_DUTIES, bag)
            for t in g.all_example_titles:
                _count(set(analyze(t)), _F_EXAMPLES, bag)
            bags.append(bag)
        df: dict[str, int] = {}
        for bag in bags:
            for t in bag:
                df[t] = df.get(t, 0) + 1
        n_groups = len(groups)
        p_idf = {t: math.log(1.0 + (n_groups - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        lengths = [sum(bag.values()) for bag in bags]
        avg_len = sum(lengths) / n_groups
        p_vecs = [
            {
                t: tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * lengths[gi] / avg_len)) / (_K1 + 1)
                for t, tf in bag.items()
            }
            for gi, bag in enumerate(bags)
        ]
        # Duties channel: one vector per main duty and lead sentence.
        sent_terms: list[list[str]] = []
        sent_group: list[int] = []
        sent_kind: list[int] = []
        for gi, g in enumerate(groups):
            for d in g.main_duties:
                sent_terms.append(analyze(d))
                sent_group.append(gi)
                sent_kind.append(0)
            for s in lead_sentences(g.lead_statement):
                sent_terms.append(analyze(s))
                sent_group.append(gi)
                sent_kind.append(1)
        df = {}
        for terms in sent_terms:
            for t in set(terms):
                df[t] = df.get(t, 0) + 1
        s_idf = _idf(df, len(sent_terms))
        s_vecs = [dict.fromkeys(terms, 1.0) for terms in sent_terms]
        # Title channel: group title and every example title.
        t_terms: list[list[str]] = []
        t_group: list[int] = []
        t_factor: list[float] = []
        t_level: list[int] = []
        t_head: list[str] = []
        for gi, g in enumerate(groups):
            seen: set[tuple[str, ...]] = set()
            for t in (g.title, *g.all_example_titles):
                # "sales associate - personal banking" also matches a bare
                # "Sales Associate", but less than an unqualified title would.
                for variant, factor in ((t, 1.0), (t.split(" - ")[0], _QUALIFIED)):
                    key = tuple(dict.fromkeys(title_terms(variant)))
                    if key and key not in seen:
                        seen.add(key)
                        t_terms.append(list(key))
                        t_group.append(gi)
                        t_factor.append(factor)
                        t_level.append(level_mask(variant))
                        t_head.append(title_head(variant))
        df = {}
        for terms in t_terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        t_idf = _idf(df, len(t_terms))
        t_vecs = [{t: t_idf[t] for t in terms} for terms in t_terms]
        t_post = _postings(t_vecs)
        for tid, mask in enumerate(t_level):
            for bit in sorted(set(LEVEL_WORDS.values())):
                if mask & bit:
                    ids, ws = t_post.setdefault(_LEVEL_KEY.format(bit), ([], []))
                    ids.append(tid)
                    ws.append(1.0)
        sup = supervision_terms()
        supervision = [
            round(sum(1 for d in g.main_duties if sup.intersection(analyze(d))) / max(1, len(g.main_duties)), 4)
            for g in groups
        ]
        return cls(
            codes=codes,
            titles=[g.title for g in groups],
            profile_idf=_round(p_idf),
            profile_post=PostingTable.from_postings(_postings(p_vecs)),
            sent_idf=_round(s_idf),
            sent_post=PostingTable.from_postings(_postings(s_vecs)),
            sent_group=sent_group,
            sent_kind=sent_kind,
            title_idf=_round(t_idf),
            title_post=PostingTable.from_postings(t_post),
            title_group=t_group,
            title_mass=[round(sum(v.values()), 4) for v in t_vecs],
            title_factor=t_factor,
            title_head=t_head,
            supervision=supervision,
            levels=[int(required_level(g)) for g in groups],
        )

    # ------------------------------------------------------------ serialise
    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": INDEX_FORMAT}
        for k in self.__dataclass_fields__:
            v = getattr(self, k)
            out[k] = v.to_json() if isinstance(v, PostingTable) else v
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SearchIndex:
        if data.get("format") != INDEX_FORMAT:
            raise ValueError(f"search index format {data.get('format')} is not {INDEX_FORMAT}")
        fields = {k: data[k] for k in cls.__dataclass_fields__}
        for k in ("profile_post", "sent_post", "title_post"):
            fields[k] = PostingTable(fields[k])
        return cls(**fields)

    # ---------------------------------------------------------------- score
    @cached_property
    def _title_levels(self) -> dict[int, int]:
        """Bit mask of the level words in each NOC title that has one (read
        from the postings of those words, so the index stores nothing more)."""
        levels: dict[int, int] = {}
        for bit in set(LEVEL_WORDS.values()):
            post = self.title_post.get(_LEVEL_KEY.format(bit))
            for tid in post[0] if post is not None else ():
                levels[tid] = levels.get(tid, 0) | bit
        return levels

    def title_scores(self, title: str) -> list[float]:
        """Best idf-weighted Dice between ``title`` and each group's titles."""
        q = dict.fromkeys(title_terms(title, query=True))
        q_level = level_mask(title)
        levels = self._title_levels
        scores = [0.0] * len(self.codes)
        q_idf = {t: self.title_idf.get(t, math.log(1.0 + len(self.title_group))) for t in q}
        q_mass = sum(q_idf.values())
        if not q_mass:
            return scores
        acc: dict[int, float] = {}
        for t in q:
            post = self.title_post.get(t)
            if post is None:
                continue
            w = q_idf[t]
            for tid in post[0]:
                acc[tid] = acc.get(tid, 0.0) + w
        mass, group, factor, heads = self.title_mass, self.title_group, self.title_factor, self.title_head
        for tid, a in acc.items():
            s = 2.0 * a / (q_mass + mass[tid]) * factor[tid]
            if heads[tid] and not any(h in q for h in heads[tid].split()):
                s *= HEAD_MISMATCH
            if levels.get(tid, 0) != q_level:
                s *= LEVEL_MISMATCH
            g = group[tid]
            if s > scores[g]:
                scores[g] = s
        return scores

    def profile_scores(self, weights: dict[str, float]) -> list[float]:
        """BM25 of the whole query against each group profile, scaled so the
        best group scores 1 (query term counts are capped: a word repeated in
        every duty is not worth more than twice)."""
        scores = [0.0] * len(self.codes)
        for t, w in weights.items():
            post = self.profile_post.get(t)
            if post is None:
                continue
            qw = min(w, 2.0) * self.profile_idf[t]
            for gi, tw in zip(*post):
                scores[gi] += qw * tw
        top = max(scores, default=0.0)
        return [s / top for s in scores] if top > 0 else scores

    def sentence_vector(self, weights: dict[str, float]) -> dict[str, float]:
        return _normalise(
            {t: (1.0 + math.log(1.0 + w)) * self.sent_idf[t] for t, w in weights.items() if t in self.sent_idf}
        )

    def coverage_weights(self, weights: dict[str, float]) -> dict[str, float]:
        """idf-weighted query terms, normalised to sum 1, for coverage scoring."""
        q = {t: w * self.sent_idf[t] for t, w in weights.items() if t in self.sent_idf}
        mass = sum(q.values())
        return {t: v / mass for t, v in q.items()} if mass else {}

    def sentence_coverage(self, weights: dict[str, float]) -> dict[int, float]:
        """Share of a letter duty's (idf-weighted) terms found in each NOC sentence.

        Coverage rather than cosine: a short letter duty fully contained in a
        long NOC duty is strong evidence, and cosine would punish the length.
        """
        acc: dict[int, float] = {}
        for t, qw in self.coverage_weights(weights).items():
            post = self.sent_post.get(t)
            if post is None:
                continue
            for sid in post[0]:
                acc[sid] = acc.get(sid, 0.0) + qw
        return acc

    def duty_scores(self, duty_weights: Sequence[dict[str, float]]) -> list[float]:
        """Mean over letter duties of the best-covering NOC sentence of each group.

        A line that the NOC duties of at least ``FLAT_GROUPS`` groups state in full ("Other duties as
        assigned", "Provide excellent customer service") tells no occupation from another: it is left out of
        the mean, which it would otherwise flatten (unless every line is such a line)."""
        n = len(self.codes)
        group = self.sent_group
        per_duty: list[dict[int, float]] = []
        for weights in duty_weights:
            acc = self.sentence_coverage(weights)
            if not acc:
                continue
            best: dict[int, float] = {}
            for sid, s in acc.items():
                g = group[sid]
                if s > best.get(g, 0.0):
                    best[g] = s
            per_duty.append(best)
        telling = [b for b in per_duty if sum(1 for s in b.values() if s >= FLAT_COVERAGE) < FLAT_GROUPS]
        used = telling or per_duty
        total = [0.0] * n
        for best in used:
            for g, s in best.items():
                total[g] += s
        return [min(1.0, t / len(used)) for t in total] if used else total


@dataclass(frozen=True)
class Ranking:
    """Scores of every group for one query, with the parts that made them."""

    scores: list[float]
    title: list[float] | None
    profile: list[float]
    duties: list[float] | None
    language: str
    coverage: float

    def top(self, index: SearchIndex, limit: int) -> list[int]:
        order = sorted(range(len(self.scores)), key=lambda i: (-self.scores[i], index.codes[i]))
        return order[:limit]


def rank(
    index: SearchIndex,
    duties: Sequence[str],
    title: str | None = None,
    *,
    use_title: bool = True,
    use_level: bool = True,
) -> Ranking:
    """Score all groups for a list of duty sentences and an optional title.

    ``use_level=False`` when there are no real duties (a bare title typed into ``noc search``): the level of
    the work is read from duties, and a title alone says nothing either way."""
    duty_weights: list[dict[str, float]] = []
    lang_votes: dict[str, int] = {}
    coverages: list[float] = []
    all_weights: dict[str, float] = {}
    sup = supervision_terms()
    supervising = 0
    for d in duties:
        w, lang, cov = query_terms(d)
        if not w:
            continue
        duty_weights.append(w)
        # the letter's own words only: expansions ("lead" -> supervise) are
        # too loose for a penalty ("report to the QA lead")
        supervising += bool(sup.intersection(query_terms(d, expand=False)[0]))
        lang_votes[lang] = lang_votes.get(lang, 0) + 1
        coverages.append(cov)
        for t, v in w.items():
            all_weights[t] = all_weights.get(t, 0.0) + v
    letter_language = max(lang_votes, key=lambda k: lang_votes[k]) if lang_votes else "en"
    if title:
        title = english_title(title, letter_language)
    t_scores = index.title_scores(title) if (title and use_title) else None
    if t_scores is not None and title:
        tw, _lang, _cov = query_terms(" ".join(w for w in words(title) if w not in TITLE_STOPWORDS))
        for t, v in tw.items():
            all_weights[t] = all_weights.get(t, 0.0) + v
    p_scores = index.profile_scores(all_weights)
    d_scores = index.duty_scores(duty_weights) if duty_weights else None
    parts: list[tuple[float, list[float]]] = [(W_PROFILE, p_scores)]
    if t_scores is not None:
        parts.append((W_TITLE * title_weight(t_scores), t_scores))
    if d_scores is not None:
        parts.append((W_DUTIES, d_scores))
    wsum = sum(w for w, _ in parts)
    n = len(index.codes)
    scores = [min(1.0, sum(w * s[i] for w, s in parts) / wsum) for i in range(n)]
    share = supervising / len(duty_weights) if duty_weights else 0.0
    # (divided by the largest TEER factor, so scores stay in [0, 1] without ties at 1)
    scores = [
        s * (1.0 + W_TEER * (5 - int(code[1])) / 5) / (1.0 + W_TEER) * (1.0 - W_SUPERVISION * max(0.0, share - g))
        for s, code, g in zip(scores, index.codes, index.supervision)
    ]
    if use_level:
        scores = _level_demotion(index, scores, letter_level(duties, title))
    language = max(lang_votes, key=lambda k: lang_votes[k]) if lang_votes else "en"
    coverage = sum(coverages) / len(coverages) if coverages else 1.0
    return Ranking(scores, t_scores, p_scores, d_scores, language, coverage)


def title_weight(t_scores: Sequence[float]) -> float:
    """Share of ``W_TITLE`` a title's scores get: 1 for a title that names a few groups, less for a vague one
    (``TITLE_SPREAD``)."""
    top = max(t_scores, default=0.0)
    if not TITLE_SPREAD or top <= 0:
        return 1.0
    spread = sum(1 for t in t_scores if t >= TITLE_NEAR * top)
    return min(1.0, TITLE_SPREAD / spread)


def letter_level(duties: Sequence[str], title: str | None) -> int:
    """The highest level of work a letter evidences (``Level``), read from its duties (and its title, for
    managing)."""
    level = read_letter(list(duties), title)
    for candidate in (Level.MANAGE, Level.SUPERVISE, Level.PLAN):
        if level.reaches(candidate):
            return int(candidate)
    return int(Level.WORK)


def _level_demotion(index: SearchIndex, scores: list[float], reached: int) -> list[float]:
    """Groups whose lead statement demands a level the letter never shows (supervising, managing, planning
    and directing) lose ``W_LEVEL`` of their score: a lead statement counts only when its defining action is
    evidenced, so a cook's letter ranks cooks above chefs and food service supervisors."""
    return [s * (1.0 - W_LEVEL) if need > reached else s for s, need in zip(scores, index.levels)]


def search(data: NocData, text: str = "", *, title: str | None = None, limit: int = 10) -> list[SearchHit]:
    """Best unit groups for a title and/or duties text.

    A short text with no separate title (``noc search "line cook"``) is
    treated as a title too, since that is what people type.
    """
    index: SearchIndex = data.index
    duties = split_sentences(text)
    title_only = title is None and bool(text) and len(words(text)) <= 8 and len(duties) <= 1
    if title_only:
        # what people type: a title, maybe with a few words of duties
        title = text
        duties = [" ".join(w for w in words(text) if w not in TITLE_STOPWORDS)]
    ranking = rank(index, duties, title, use_level=not title_only)
    hits = []
    for gi in ranking.top(index, limit):
        code = index.codes[gi]
        hits.append(SearchHit(code=code, title=index.titles[gi], teer=int(code[1]), score=round(ranking.scores[gi], 4)))
    log.debug("search %r/%r -> %s", title, text[:60], [h.code for h in hits[:3]])
    return hits


def _round(d: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in d.items()}
