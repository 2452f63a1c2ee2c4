"""Words printed a letter per box, as text layers and OCR give them back."""

from __future__ import annotations

from checklist.text.boxes import is_box_letter, is_boxed_line, unspace_letters, words_by_pitch


def test_letter_spaced_words_are_joined() -> None:
    assert unspace_letters("N A K A M U R A  Y U K I") == "NAKAMURA  YUKI"


def test_initials_and_ordinary_words_stay() -> None:
    assert unspace_letters("J. R. Smith and A B") == "J. R. Smith and A B"


def test_a_box_holds_one_letter_hyphen_or_apostrophe() -> None:
    assert all(is_box_letter(text) for text in ("É", "k", "-", "’"))
    assert not any(is_box_letter(text) for text in ("AB", "7", "", " ", "."))


def test_a_boxed_line_is_letters_only() -> None:
    assert is_boxed_line("  D M I T R I     A L E K S A N D R O V I C H ")
    assert is_boxed_line("O ’ B R I E N")
    assert not is_boxed_line("D M I T R I   M   1990-04-02")  # a date of birth shares the line
    assert not is_boxed_line("Dmitri Aleksandrovich")


def test_a_wider_gap_between_boxes_starts_a_word() -> None:
    # V O L K at a pitch of 4, then an empty box, then A N at the same pitch
    assert words_by_pitch([0, 4, 8, 12, 20, 24]) == [[0, 1, 2, 3], [4, 5]]
    assert words_by_pitch([0, 3, 6]) == [[0, 1, 2]]
