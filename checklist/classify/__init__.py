"""Classification: which kind a document is, from its content, never its file name.

Kinds are scored from the keyword profile each kind keeps in its folder; the matched
phrases are kept as evidence so `extract` can show why.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from checklist.kinds import specs
from checklist.models.document import Classification, DocumentKind, RawDocument

log = logging.getLogger(__name__)
MIN_SCORE = 4.0  # a kind needs this much evidence to be chosen
HEAD_CHARS = 6000  # the kind shows in the first pages; long files need not be scanned whole


@cache
def _compiled() -> dict[DocumentKind, list[tuple[re.Pattern[str], float]]]:
    return {
        kind_spec.kind: [(re.compile(pattern, re.IGNORECASE), weight) for pattern, weight in kind_spec.profile]
        for kind_spec in specs()
        if kind_spec.profile
    }


def classify(raw: RawDocument) -> Classification:
    """The kind of a read document, with the phrases that decided it."""
    if not raw.readable:
        return Classification(kind=DocumentKind.UNREADABLE, score=0.0, evidence=[raw.error or ""])
    text = " ".join(raw.text[:HEAD_CHARS].split())
    return classify_text(text)


def classify_text(text: str) -> Classification:
    scores: list[tuple[float, DocumentKind, list[str]]] = []
    for kind, patterns in _compiled().items():
        score, evidence = 0.0, []
        for pattern, weight in patterns:
            match = pattern.search(text)
            if match:
                score += weight
                evidence.append(match.group(0))
        scores.append((score, kind, evidence))
    scores.sort(key=lambda item: -item[0])
    best_score, best_kind, evidence = scores[0]
    runner_up = scores[1][1] if scores[1][0] > 0 else None
    log.debug("classified as %s (%.1f) on %s", best_kind.value, best_score, evidence)
    if best_score < MIN_SCORE:
        return Classification(kind=DocumentKind.OTHER, score=best_score, evidence=evidence, runner_up=best_kind)
    return Classification(kind=best_kind, score=best_score, evidence=evidence, runner_up=runner_up)
