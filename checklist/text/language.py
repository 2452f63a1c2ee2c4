"""The main language of a text, from its common short words."""

from __future__ import annotations

import re

_STOPWORDS = {
    "en": "the and of to is in for with as has was her his our this that she he be by on at are from".split(),
    "fr": "le la les de des du et est en pour avec au aux une un que qui son sa ses nous par dans sur".split(),
    "es": "el la los las de del y es en para con por una un que su sus nosotros trabaja como desde".split(),
    "pt": "o a os as de do da dos das e é em para com por uma um que seu sua nós trabalha como desde".split(),
    "de": "der die das und ist in für mit als hat war ihr sein wir von bei auf sind dem den".split(),
    "it": "il la lo gli le di del della e è in per con come una un che suo sua noi dal".split(),
}

# As sets, built once: a word is looked up for every token of every document.
_VOCABULARIES = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}


def detect_language(text: str) -> str | None:
    """ISO code of the main language, from common short words; None when too little text."""
    tokens = re.findall(r"[a-zà-ÿ]+", text.lower())
    if len(tokens) < 12:
        return None
    scores = {lang: sum(1 for token in tokens if token in vocab) for lang, vocab in _VOCABULARIES.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 3 else None
