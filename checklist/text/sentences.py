"""Sentences as forms print them: wrapped lines rejoined, then split at each
sentence end and each numbered item, keeping the printed wording and case.

A form's list of conditions ("NOT AUTHORIZED TO ... . MUST LEAVE CANADA BY
...") may be wrapped anywhere, numbered ("1. ...") or run together on one
line; `split_sentences` gives one string per sentence as printed.
"""

from __future__ import annotations

import re

# Abbreviations a printed sentence does not end on ("LMIA NO. 1234567", "ST. JOHN'S").
_ABBREVIATIONS = r"(?<!\bNO\.)(?<!\bNo\.)(?<!\bST\.)(?<!\bSt\.)(?<!\bMR\.)(?<!\bMr\.)(?<!\bMS\.)(?<!\bMs\.)(?<!\bDR\.)(?<!\bDr\.)(?<!\bMT\.)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"(?<=[.!?])\s+(?=[\"'(«]?[A-ZÀ-Ý])")
_NUMBERED = re.compile(r"(?:^|\s)(?:\(?\d{1,2}[.)]|[a-h]\))\s+(?=[A-ZÀ-Ý])")
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-zÀ-ÿ])- (?=[A-Za-zÀ-ÿ])")


def split_sentences(text: str, starts: re.Pattern[str] | None = None) -> list[str]:
    """The sentences of a printed passage, whitespace folded, in order.

    `starts` (optional) matches words that open a sentence even when OCR
    turned the period before them into a colon or dropped it
    ("... OCCUPATION: MUST LEAVE CANADA ...").
    """
    text = _WRAPPED_HYPHEN.sub("-", " ".join(text.split()))
    pieces = [part for part in _NUMBERED.split(text) if part.strip()]
    out: list[str] = []
    for piece in pieces:
        for sentence in _SENTENCE_END.split(piece):
            out.extend(_split_at_starts(sentence, starts) if starts else [sentence])
    return [s.strip() for s in out if re.search(r"[A-Za-zÀ-ÿ]{2}", s)]


def _split_at_starts(sentence: str, starts: re.Pattern[str]) -> list[str]:
    out, begin = [], 0
    for match in starts.finditer(sentence):
        before = sentence[: match.start()].rstrip()
        if match.start() > begin and before.endswith((":", ".")) and len(before) > begin:
            out.append(sentence[begin : match.start()])
            begin = match.start()
    out.append(sentence[begin:])
    return out
