"""The text view's layout know-how: boxed letters, split cents, two-column prose."""

from __future__ import annotations

from checklist.text.view import TextView, column_texts, join_split_cents, split_cells


def test_a_line_of_boxed_letters_reads_as_words() -> None:
    cells = split_cells("K   A   T   E       O   '   H   A   R   A")
    assert [cell.text for cell in cells] == ["KATE", "O'HARA"]


def test_single_letters_among_other_cells_are_left_alone() -> None:
    cells = split_cells("Sex   F   Height   170 cm")
    assert [cell.text for cell in cells] == ["Sex", "F", "Height", "170 cm"]


def test_dollars_and_cents_in_two_boxes_are_one_amount() -> None:
    view = join_split_cents(TextView.from_text("Box 14    41,207   55        Box 22    6,120   00"))
    assert [cell.text for cell in view.lines[0].cells] == ["Box 14", "41,207.55", "Box 22", "6,120.00"]


def test_a_year_beside_a_box_number_is_not_taken_for_cents() -> None:
    view = join_split_cents(TextView.from_text("Tax year    2024    14"))
    assert [cell.text for cell in view.lines[0].cells] == ["Tax year", "2024", "14"]


def test_two_columns_side_by_side_are_read_down_each_column() -> None:
    text = (
        "Your request for a permit was                 Votre demande de permis a\n"
        "received on 3 March 2025 and is               été reçue le 3 mars 2025 et\n"
        "being processed.                              est en cours de traitement.\n"
        "                                              Merci.\n"
    )
    columns = [prose for prose, _ in column_texts(TextView.from_text(text))]
    assert columns == [
        "Your request for a permit was received on 3 March 2025 and is being processed.",
        "Votre demande de permis a été reçue le 3 mars 2025 et est en cours de traitement. Merci.",
    ]


def test_one_column_text_has_no_columns() -> None:
    assert column_texts(TextView.from_text("One line.\nAnother line.\nA third one.\n")) == []
