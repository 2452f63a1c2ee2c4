"""Names and organisations as documents print them."""

from __future__ import annotations

import pytest

from checklist.text.names import looks_like_person, without_place


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


@pytest.mark.parametrize("name", ["Nguyễn Văn Minh", "NGUYỄN VĂN MINH", "Đặng Thu Trang", "Ștefan Popescu"])
def test_names_in_extended_latin_letters_look_like_persons(name: str) -> None:
    assert looks_like_person(name)
