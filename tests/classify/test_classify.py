"""Classification searches a profile phrase only where the text holds what the phrase needs (issue 12):
the same kinds, scores and evidence as searching every phrase everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checklist.classify import HEAD_CHARS, MIN_SCORE, _compiled, classify_text, fold, needs
from checklist.models.document import Classification, DocumentKind
from checklist.pipeline import read_documents

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"


def searched_everywhere(text: str) -> Classification:
    """The classification as it was before the shortcut: every pattern searched in the whole text."""
    scores: list[tuple[float, DocumentKind, list[str]]] = []
    for kind, patterns in _compiled().items():
        matches = [(weight, pattern.search(text)) for pattern, weight in patterns]
        evidence = [match.group(0) for _, match in matches if match]
        scores.append((sum(weight for weight, match in matches if match), kind, evidence))
    scores.sort(key=lambda item: -item[0])
    (best, kind, evidence), second = scores[0], scores[1]
    if best < MIN_SCORE:
        return Classification(kind=DocumentKind.OTHER, score=best, evidence=evidence, runner_up=kind)
    return Classification(kind=kind, score=best, evidence=evidence, runner_up=second[1] if second[0] > 0 else None)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    documents = read_documents(SAMPLES / "s07_no_readable_permit", workers=2)
    found = [" ".join(doc.raw.text[:HEAD_CHARS].split()) for doc in documents if doc.raw.readable]
    odd = str.maketrans({"i": "\u0130", "s": "\u017f", "k": "\u212a", "I": "\u0131"})
    return found + [text.upper() for text in found] + [text.translate(odd) for text in found]


def test_the_same_classification_as_searching_everywhere(texts: list[str]) -> None:
    assert len(texts) > 100
    for text in texts:
        assert classify_text(text) == searched_everywhere(text), text[:200]


def test_what_a_phrase_needs() -> None:
    assert needs(re.compile("enrol+ment", re.IGNORECASE)) == {"enro"}
    assert needs(re.compile(r"\bT4\b", re.IGNORECASE)) == {"t4"}
    assert needs(re.compile(r"net pay|salaire net", re.IGNORECASE)) == {"net pay", "salaire net"}
    assert needs(re.compile(r"(?:main )?duties", re.IGNORECASE)) == {"duties"}  # the optional part needs nothing
    assert needs(re.compile(r"imm ?1442", re.IGNORECASE)) == {"1442"}
    assert needs(re.compile(r"r[ée]sultat", re.IGNORECASE)) == {"sultat"}  # a class breaks the run
    assert needs(re.compile(r"à qui", re.IGNORECASE)) == {" qui"}  # only ASCII is compared
    assert needs(re.compile(r"pay|[0-9]+", re.IGNORECASE)) is None  # one way to match needs no letter
    assert needs(re.compile(r"(?!net)x", re.IGNORECASE)) == {"x"}  # a lookahead needs nothing


def test_fold_turns_what_ignorecase_matches_to_ascii_into_that_letter() -> None:
    """Every code point that a case-insensitive ASCII literal matches folds to that literal's lowercase."""
    any_ascii = re.compile("[\x00-\x7f]", re.IGNORECASE)
    odd = [chr(point) for point in range(0x80, 0x110000) if any_ascii.fullmatch(chr(point))]
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} <= set(odd)
    for char in odd:
        letters = [x for x in map(chr, range(0x80)) if re.fullmatch(re.escape(x), char, re.IGNORECASE)]
        assert letters and {fold(char)} == {x.lower() for x in letters}, hex(ord(char))
