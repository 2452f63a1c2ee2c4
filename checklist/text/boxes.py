"""Words printed a letter per box, as text layers and OCR give them back.

IMM 1442 and other forms print the holder's names in a grid, one box per
letter: a text layer gives one cell per letter ("V   O   L   K"), OCR one
letter per word ("V O L K"). One home for telling such letters from text and
for joining them into the words they spell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BOX_LETTER = r"(?:[^\W\d_]|[-'’])"  # a letter, or the hyphen or apostrophe a name may hold
BOXED_LINE = re.compile(rf"\s*{BOX_LETTER}(?:\s+{BOX_LETTER})+\s*")
SPACED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){2,}[^\W\d_](?![^\W\d_])")


def is_box_letter(text: str) -> bool:
    """One letter (or hyphen or apostrophe) alone: what one box holds."""
    return len(text) == 1 and (text.isalpha() or text in "-'’")


def is_boxed_line(text: str) -> bool:
    """The whole line is letters a box each: no other cell (sex, date of birth) shares it."""
    return BOXED_LINE.fullmatch(text) is not None


def unspace_letters(text: str) -> str:
    """Three letters or more, each alone and one space apart, as one word ("V O L K" -> "VOLK");
    other text as it is ("J. R. Smith", "A B")."""
    return SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def words_by_pitch(starts: Sequence[int]) -> list[list[int]]:
    """The indexes of boxed letters grouped into words: letters at the line's narrowest pitch make
    one word, a wider gap (an empty box) starts the next."""
    pitch = min(b - a for a, b in zip(starts, starts[1:]))
    words: list[list[int]] = [[0]]
    for index in range(1, len(starts)):
        if starts[index] - starts[index - 1] > pitch * 1.5:
            words.append([])
        words[-1].append(index)
    return words
