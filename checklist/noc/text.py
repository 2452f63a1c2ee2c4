"""Text analysis shared by the NOC index, search and duty matching.

The contract: ``analyze(text)`` turns any English or French occupational text
into a list of comparable terms (accent-free, lower-case, hyphen-normalised,
stemmed, stop words removed). The same function runs when the index is built
and when a letter is searched, so both sides always agree. ``ANALYZER_VERSION``
is stored in the prebuilt index: change it whenever the output of ``analyze``
changes, or old indexes would silently disagree with new queries.

Query-side helpers add weighted expansion terms (tool names, jargon, a small
French vocabulary) so employers' own words can meet the NOC's wording.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from checklist.noc import vocab

ANALYZER_VERSION = 5

_WORD_RE = re.compile(r"[a-z0-9]+(?:[+#]+)?")
_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-"})
_COMBINING = re.compile("[\u0300-\u036f]")
# Hyphenated prefixes are glued ("co-ordinate" = "coordinate"); any other
# hyphen separates words ("front-end" = "front end").
_GLUE_PREFIX = re.compile(r"\b(co|re|pre|non|sub|multi|inter|e|de|anti|over|under)-(?=[a-z])")
_ACRONYM_RE = re.compile(r"\b(?:" + "|".join(sorted(vocab.ACRONYMS, key=len, reverse=True)) + r")\b")
_FR_ELISION = re.compile(r"\b(?:l|d|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)'")


def fold(text: str) -> str:
    """Lower-case, strip accents and unify punctuation, so that "Coordonner",
    "co-ordinate" and "COORDINATE" compare the way a reader sees them."""
    text = _ACRONYM_RE.sub(_expand_acronym, text)
    if not text.isascii():
        text = text.translate(_PUNCT)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).replace("œ", "oe").replace("æ", "ae")
        text = text.replace("Œ", "oe").replace("Æ", "ae")
    return _GLUE_PREFIX.sub(r"\1", text.lower())


def _expand_acronym(m: re.Match[str]) -> str:
    return vocab.ACRONYMS[m.group(0)]


def words(text: str) -> list[str]:
    """Folded words of a text, punctuation dropped, stop words kept."""
    folded = _FR_ELISION.sub(" ", fold(text))
    return _WORD_RE.findall(folded)


@lru_cache(maxsize=1)
def _stemmer() -> object:
    # Imported lazily: the prebuilt index already holds stemmed terms, so a
    # plain lookup never pays for loading the stemmer.
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem, then conflate agent nouns with their activity
    ("teacher" ~ "teach", "technician" ~ "technical") because letters name
    what people do while NOC titles name who does it."""
    word = vocab.SPELLING.get(word, word)
    own = vocab.OWN_STEM.get(word)
    if own is not None:
        return own
    s: str = _stemmer().stemWord(word)  # type: ignore[attr-defined]
    s = vocab.STEM_FIX.get(s, s)
    if len(s) >= 7 and s.endswith(("ist", "ian")) and s not in vocab.KEEP_SUFFIX:
        s = _stemmer().stemWord(s[:-3])  # type: ignore[attr-defined]
    if len(s) >= 5 and s.endswith("i"):
        s = s[:-1]
    if len(s) >= 6 and s.endswith(("er", "or")) and s not in vocab.KEEP_SUFFIX:
        s = s[:-2]
    if len(s) >= 4 and s.endswith("e"):
        s = s[:-1]
    return vocab.STEM_FIX.get(s, s)


def terms_of_words(ws: list[str]) -> list[str]:
    """Stems of the content words among ``ws``."""
    stop = vocab.STOPWORDS
    return [stem(w) for w in ws if w not in stop and not w.isdigit() and len(w) > 1]


def analyze(text: str) -> list[str]:
    """Index-side analysis: content terms of an English NOC text."""
    return list(_analyze_cached(text))


@lru_cache(maxsize=32768)
def _analyze_cached(text: str) -> tuple[str, ...]:
    return tuple(terms_of_words(words(text)))


def detect_language(text: str) -> str:
    """ "fr" or "en" from function words: letters are in one of the two
    official languages, and a wrong guess only costs translation quality."""
    ws = words(text)
    fr = sum(1 for w in ws if w in vocab.FR_FUNCTION)
    en = sum(1 for w in ws if w in vocab.EN_FUNCTION)
    return "fr" if fr > en and fr >= 2 else "en"


def _match_phrases(ws: list[str], table: dict[tuple[str, ...], str], max_len: int) -> list[tuple[int, int, str]]:
    """Greedy longest phrase matches of ``table`` keys in ``ws``."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ws):
        for n in range(min(max_len, len(ws) - i), 0, -1):
            key = tuple(ws[i : i + n])
            if key in table:
                out.append((i, i + n, table[key]))
                i += n
                break
        else:
            i += 1
    return out


def translate_fr(ws: list[str]) -> tuple[list[str], float]:
    """Word-for-word French to English with a small occupational vocabulary.

    Returns the English words and the share of French content words that
    were known, so callers can tell a usable translation from guesswork.
    """
    out: list[str] = []
    known = total = 0
    i = 0
    table = vocab.FR_PHRASES
    while i < len(ws):
        hit = None
        for n in range(min(vocab.FR_PHRASE_MAX, len(ws) - i), 0, -1):
            if tuple(ws[i : i + n]) in table:
                hit = n
                break
        if hit:
            out.extend(table[tuple(ws[i : i + hit])].split())
            known += 1
            total += 1
            i += hit
            continue
        w = ws[i]
        i += 1
        if w in vocab.FR_STOPWORDS or w.isdigit() or len(w) <= 1:
            continue
        total += 1
        en = vocab.fr_word(w)
        if en is not None:
            known += 1
            out.extend(en.split())
        elif w in vocab.EN_PASSTHROUGH or not _looks_french(w):
            out.append(w)  # product names, acronyms: "AutoCAD", "SQL"
    return out, (known / total if total else 0.0)


def _looks_french(word: str) -> bool:
    return word.endswith(("er", "ez", "ees", "ee", "eux", "ion", "ions", "ment", "ments", "ir", "re", "es"))


def query_terms(text: str, *, expand: bool = True) -> tuple[dict[str, float], str, float]:
    """Weighted terms of a letter text, with expansions.

    Returns ``(weights, language, coverage)``: weights maps term to weight
    (1.0 for the text's own words, ``vocab.EXPANSION_WEIGHT`` for terms the
    domain vocabulary adds); coverage is 1.0 for English and the known share
    of content words for French.
    """
    ws = words(text)
    lang = detect_language(text)
    coverage = 1.0
    if lang == "fr":
        ws, coverage = translate_fr(ws)
    weights: dict[str, float] = {}
    for t in terms_of_words(ws):
        weights[t] = weights.get(t, 0.0) + 1.0
    if expand:
        for _s, _e, extra in _match_phrases(ws, vocab.EXPANSIONS, vocab.EXPANSION_MAX):
            for t in analyze(extra):
                weights[t] = weights.get(t, 0.0) + vocab.EXPANSION_WEIGHT
    return weights, lang, coverage


def english_title(title: str, language: str = "en") -> str:
    """A job title in English words, for the title channel (NOC titles are English).

    Titles are too short to tell their language from function words, so the letter's language decides
    ("Cuisinière de ligne" on a French letter is "cook line"), and a title is also read as French when most of
    its words are French words the vocabulary knows and English would not ("Préposée aux bénéficiaires").
    """
    ws = words(title)
    if not ws:
        return title
    known = sum(1 for w in ws if w not in vocab.FR_STOPWORDS and vocab.fr_word(w) is not None and w not in _EN_TITLE)
    french_words = sum(
        1 for w in ws if w in vocab.FR_STOPWORDS or (vocab.fr_word(w) is not None and w not in _EN_TITLE)
    )
    if language == "fr" or (known and french_words * 2 > len(ws) and not title.isascii()):
        return " ".join(_title_words_fr(ws)) or title
    return title


def _title_words_fr(ws: list[str]) -> list[str]:
    """English words of a French title. Its first word is the head noun ("conseiller aux ventes" is a sales
    advisor, not "advise sales"; "aide de cuisine" a kitchen helper), read with ``vocab.FR_TITLE_NOUNS``; the
    rest, which qualifies it, goes through the general vocabulary."""
    noun = vocab.fr_title_noun(ws[0])
    if noun is None:
        return translate_fr(ws)[0]
    return [noun, *translate_fr(ws[1:])[0]]


_EN_TITLE = frozenset("chef commis concierge technician analyst assistant agent".split())
"""Words a French dictionary knows that are also English titles' own words: never a sign of French."""
