"""Folding text for comparison: accents, case, punctuation, legal forms, word sets."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LEGAL_FORMS = {
    "inc",
    "incorporated",
    "ltd",
    "ltee",
    "limited",
    "limitee",
    "corp",
    "corporation",
    "co",
    "company",
    "llp",
    "lp",
    "llc",
    "ulc",
    "plc",
    "senc",
    "sencrl",
    "srl",
    "sa",
    "sas",
    "cie",
    "enr",
    "the",
}


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", strip_accents(text).lower())


@lru_cache(maxsize=8192)
def company_key(name: str) -> str:
    """Employer name without case, accents, punctuation or legal form.

    Cached: the hours count compares the same few names for every day of every job."""
    joined = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", strip_accents(name).lower())
    tokens = [w for w in re.findall(r"[a-z0-9]+", joined.replace("&", " and ")) if w not in LEGAL_FORMS]
    return " ".join(tokens)


def person_key(name: str) -> frozenset[str]:
    """A person's name as a set of words: 'SANTOS, MARIA' equals 'Maria Santos'."""
    titles = {"mr", "mrs", "ms", "miss", "dr", "mme", "m", "madame", "monsieur", "mlle"}
    return frozenset(w for w in words(name) if w not in titles and len(w) > 1)


def clean_value(text: str) -> str:
    """Trim a value cut from a line: spaces, bullets, trailing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" :;,|•·-–—\t").strip()


def strip_accent_lower(text: str) -> str:
    return strip_accents(text).lower()
