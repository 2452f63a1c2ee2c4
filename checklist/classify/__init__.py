"""Classification: which kind a document is, from its content, never its file name.

Kinds are scored from the keyword profile each kind keeps in its folder; the matched
phrases are kept as evidence so `extract` can show why.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

try:
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _parser

from checklist.kinds import specs
from checklist.models.document import Classification, DocumentKind, RawDocument

log = logging.getLogger(__name__)
MIN_SCORE = 4.0  # a kind needs this much evidence to be chosen
HEAD_CHARS = 6000  # the kind shows in the first pages; long files need not be scanned whole


# Characters re's IGNORECASE matches to an ASCII letter that str.lower() does not turn into that letter
# (Turkish dotted and dotless i, the long s, the Kelvin sign); tests/classify checks every code point.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@cache
def _compiled() -> dict[DocumentKind, list[tuple[re.Pattern[str], float]]]:
    return {
        kind_spec.kind: [(re.compile(pattern, re.IGNORECASE), weight) for pattern, weight in kind_spec.profile]
        for kind_spec in specs()
        if kind_spec.profile
    }


@cache
def needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which the folded text (`fold`) holds wherever `pattern` matches; None: unknown.

    Most profile phrases are missing from most documents, and a substring test is far cheaper
    than a case-insensitive search, so a pattern is searched only where one of these occurs:
    the same matches, found sooner. Worked out from the pattern's parse tree; anything the
    walk does not know (a class, a lookaround, an optional part) requires nothing.
    """
    try:
        return _sequence_needs(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a parser this code does not know: always search
        return None


def fold(text: str) -> str:
    """The text as `needs` compares it: lowercase, and what IGNORECASE matches to an ASCII letter as that letter."""
    return text.translate(_FOLD).lower()


def _sequence_needs(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, arg in list(items) + [(None, None)]:
        name = str(op)
        if name == "LITERAL" and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        found: list[frozenset[str] | None] = [frozenset({"".join(run)})] if run else []
        run = []
        if name == "BRANCH":
            found.append(_branch_needs(arg[1]))
        elif name == "SUBPATTERN":
            found.append(_sequence_needs(arg[-1]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            found.append(_sequence_needs(arg[2]))
        for candidate in found:
            if candidate is not None and (best is None or _strength(candidate) > _strength(best)):
                best = candidate
    return best


def _branch_needs(alternatives: list[Any]) -> frozenset[str] | None:
    union: set[str] = set()
    for alternative in alternatives:
        needed = _sequence_needs(alternative)
        if needed is None:
            return None
        union |= needed
    return frozenset(union)


def _strength(needed: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer; with the same shortest length, fewer strings are tested sooner."""
    return min(len(text) for text in needed), -len(needed)


def classify(raw: RawDocument) -> Classification:
    """The kind of a read document, with the phrases that decided it."""
    if not raw.readable:
        return Classification(kind=DocumentKind.UNREADABLE, score=0.0, evidence=[raw.error or ""])
    text = " ".join(raw.text[:HEAD_CHARS].split())
    return classify_text(text)


def classify_text(text: str) -> Classification:
    scores: list[tuple[float, DocumentKind, list[str]]] = []
    found: dict[re.Pattern[str], str | None] = {}  # the permit kinds share their IRCC phrases: search each once
    folded = fold(text)
    for kind, patterns in _compiled().items():
        score, evidence = 0.0, []
        for pattern, weight in patterns:
            if pattern not in found:
                found[pattern] = _phrase(pattern, text, folded)
            phrase = found[pattern]
            if phrase is not None:
                score += weight
                evidence.append(phrase)
        scores.append((score, kind, evidence))
    scores.sort(key=lambda item: -item[0])
    best_score, best_kind, evidence = scores[0]
    runner_up = scores[1][1] if scores[1][0] > 0 else None
    log.debug("classified as %s (%.1f) on %s", best_kind.value, best_score, evidence)
    if best_score < MIN_SCORE:
        return Classification(kind=DocumentKind.OTHER, score=best_score, evidence=evidence, runner_up=best_kind)
    return Classification(kind=best_kind, score=best_score, evidence=evidence, runner_up=runner_up)


def _phrase(pattern: re.Pattern[str], text: str, folded: str) -> str | None:
    """The first match of `pattern` in `text`, not searched for where the text lacks what it needs."""
    needed = needs(pattern)
    if needed is not None and not any(part in folded for part in needed):
        return None
    match = pattern.search(text)
    return match.group(0) if match else None
