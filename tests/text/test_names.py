"""Names and organisations as documents print them."""

from __future__ import annotations

import pytest

from checklist.text.names import unspace_letters, without_place


def test_letter_spaced_words_are_joined() -> None:
    assert unspace_letters("N A K A M U R A  Y U K I") == "NAKAMURA  YUKI"


def test_initials_and_ordinary_words_stay() -> None:
    assert unspace_letters("J. R. Smith and A B") == "J. R. Smith and A B"


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("HOLLOWAY MARINE SERVICES LTD., PORT HARDY, BC", "HOLLOWAY MARINE SERVICES LTD."),
        ("Collège Boréal, Sudbury ON", "Collège Boréal"),
        ("Smith, Jones & Partners", "Smith, Jones & Partners"),
    ],
)
def test_the_city_and_province_after_a_name_are_dropped(printed: str, name: str) -> None:
    assert without_place(printed) == name
