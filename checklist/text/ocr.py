"""Printed labels as OCR reads them: stray spaces inside words, O read as 0,
I and l read as 1 or |, accents dropped.

`ocr_label("Expiry Date")` is a pattern that also finds "Exp iry Date",
"EXPIRY  DATE", "Exp1ry Date" and "Expiry Dat e"; it is
meant for labels at the start of a cell, where a loose pattern cannot
wander into running text.
"""

from __future__ import annotations

import re

# Characters OCR engines confuse on printed forms (each stands for its class).
_CONFUSED = {
    "o": "[o0ôö]",
    "0": "[0o]",
    "i": "[i1l|íî]",
    "l": "[l1i|]",
    "1": "[1il|]",
    "e": "[eéèê]",
    "é": "[eéèê]",
    "è": "[eéèê]",
    "a": "[aàâ]",
    "à": "[aàâ]",
    "c": "[cç]",
    "ç": "[cç]",
    "u": "[uùû]",
    "'": "['’`´]?",
    "’": "['’`´]?",
    "s": "[s5]",
    "b": "[b8]",
}


def ocr_label(phrase: str) -> str:
    """A regex (no flags, no groups) finding `phrase` as OCR may have read it; compile it case-insensitively.

    Words may be split by one stray space and joined by up to two; "(s)" and
    "." in the phrase are optional, as OCR often loses them.
    """
    out: list[str] = []
    for word_index, word in enumerate(phrase.split()):
        if word_index:
            out.append(r"\s{0,2}")
        letters: list[str] = []
        for char in word:
            lower = char.lower()
            if lower in _CONFUSED:
                letters.append(_CONFUSED[lower])
            elif char in "().":
                letters.append(re.escape(char) + "?")
            elif char == "/":
                letters.append(r"\s?/\s?")
            else:
                letters.append(re.escape(lower))
        out.append(r"\s?".join(letters))
    return "".join(out)


# Federal forms and letters print labels in both languages, either first: "Nom / Name :",
# "Application no. / No de demande :", "Our file / Application number:". The other half is
# skipped before the label, or after it when a colon ends the cell's label.
BILINGUAL_HEAD = r"(?:[^\W\d_][\w'’.()\- ]{0,30}?\s?/\s?)?"
BILINGUAL_TAIL = r"(?:\s?/\s?[^\W\d_][^:/\n]{0,40}?(?=\s*:))?"


def label_pattern(*phrases: str) -> re.Pattern[str]:
    """A label at the start of a cell, any of `phrases` as OCR may read them, with its colon.

    Either half of a bilingual "English / French" label is enough.
    """
    return re.compile(
        r"(?i)^" + BILINGUAL_HEAD + "(?:" + "|".join(ocr_label(p) for p in phrases) + ")" + BILINGUAL_TAIL + r"\s*:?"
    )
