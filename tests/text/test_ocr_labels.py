"""Labels as printed on federal forms: either half of a bilingual label is enough."""

from __future__ import annotations

import pytest

from checklist.text.ocr import label_pattern

NUMBER = label_pattern("application number", "numéro de demande")


@pytest.mark.parametrize(
    "cell",
    [
        "Application number: W1",
        "Numéro de demande / Application number : W1",
        "Application number / Numéro de demande : W1",
        "Our file / Application number: W1",
    ],
)
def test_a_bilingual_label_is_found_and_skipped_whole(cell: str) -> None:
    match = NUMBER.search(cell)
    assert match is not None and cell[match.end() :].strip() == "W1"


def test_a_label_with_no_colon_keeps_its_value() -> None:
    match = NUMBER.search("Application number W1 / W2")
    assert match is not None and cell_rest(match.string, match.end()) == "W1 / W2"


def test_another_label_is_not_taken() -> None:
    assert NUMBER.search("Passport number / Numéro de passeport: X") is None


def cell_rest(text: str, end: int) -> str:
    return text[end:].strip()
