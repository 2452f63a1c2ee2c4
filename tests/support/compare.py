"""Loose field comparison for extractor tests, following the devset scorer's rules:
the same value written differently (case, accents, punctuation, name order) is right."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Any

LEGAL = {"inc", "ltd", "ltee", "corp", "corporation", "limited", "llp", "co", "company", "senc", "srl"}


def _plain(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if value is None:
        return None
    text = re.sub(r"[^\d,.\-]", "", str(value).replace("\u00a0", " ").replace(" ", ""))
    if "," in text and "." not in text:
        text = text.replace(",", ".") if re.search(r",\d{2}$", text) else text.replace(",", "")
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def field_matches(name: str, expected: Any, got: Any) -> bool:
    if expected is None or expected == [] or expected == "":
        return got in (None, "", [])
    if got in (None, "", []):
        return False
    if name == "benefits":
        return True
    if name in {"currently_employed"}:
        return bool(got) == bool(expected)
    if name == "duties":
        return _duties_match(expected, got)
    if name.endswith("_date") or name in {"period_start", "period_end", "pay_date", "date_issued", "letter_date"}:
        return str(got)[:10] == str(expected)[:10]
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        number = _number(got)
        return number is not None and abs(number - expected) <= max(0.005 * abs(expected), 0.01)
    if name in {"employee_name", "holder_name", "signatory_name"}:
        return set(_plain(expected).split()) == set(_plain(got).split())
    if name in {"employer_name", "employer"}:
        strip = lambda v: " ".join(w for w in _plain(v).split() if w not in LEGAL)  # noqa: E731
        return strip(expected) == strip(got)
    if name == "employer_phone":
        return re.sub(r"\D", "", str(expected))[-10:] == re.sub(r"\D", "", str(got))[-10:]
    if name in {"uci", "noc_code", "permit_number"}:
        return _plain(expected).replace(" ", "") == _plain(got).replace(" ", "")
    if name == "employer_address":
        want, have = _plain(expected).split(), _plain(got).split()
        return sum(w in have for w in want) >= 0.8 * len(want) and len(have) <= 2 * len(want) + 4
    if name == "job_title":
        return SequenceMatcher(None, _plain(expected), _plain(got)).ratio() >= 0.9
    return _plain(expected) == _plain(got)


def _duties_match(expected: list[str], got: list[str]) -> bool:
    found = 0
    for duty in expected:
        words = set(_plain(duty).split())
        if any(len(words & set(_plain(g).split())) >= 0.8 * len(words) for g in got):
            found += 1
    total_words = sum(len(_plain(d).split()) for d in expected)
    got_words = sum(len(_plain(g).split()) for g in got)
    return found >= 0.8 * len(expected) and got_words <= 2 * total_words + 30
