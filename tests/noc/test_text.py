"""French handling of the NOC text analysis: Québec letters are read through a small vocabulary."""

from __future__ import annotations

import pytest

from checklist.noc.text import query_terms, translate_fr, words
from checklist.noc.vocab import fr_word


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("cuisiniere", "cook"),  # feminine -iere
        ("technicienne", "technician"),  # feminine -ienne
        ("preposee", "attendant aide"),  # feminine participle
        ("educatrice", "educator early childhood"),  # -trice
        ("preparait", "prepare"),  # imparfait
        ("vitaux", "vital"),  # -aux plural
        ("caissieres", "cashier"),  # feminine plural
    ],
)
def test_inflected_french_words_find_their_dictionary_form(french: str, english: str) -> None:
    assert fr_word(french) == english


def test_a_quebec_kitchen_letter_is_mostly_understood() -> None:
    """Below ``MIN_FR_COVERAGE`` a letter is not judged: everyday kitchen words must be known."""
    line = "Préparer la mise en place et cuire les viandes sur la ligne chaude pendant le service du soir"
    weights, lang, coverage = query_terms(line)
    assert lang == "fr" and coverage >= 0.9
    english, _ = translate_fr(words(line))
    assert {"cook", "meat", "line", "hot"} <= set(english)


def test_french_titles_are_read_in_english_words() -> None:
    from checklist.noc.text import english_title

    assert english_title("Cuisinière de ligne", "fr") == "cook line"
    assert english_title("Préposée aux bénéficiaires").startswith("attendant")  # French by its own words
    # English titles on English letters are left alone, even with words a French dictionary knows
    assert english_title("Line Cook") == "Line Cook"
    assert english_title("Concierge") == "Concierge"


def test_irregular_third_person_verbs_are_known() -> None:
    assert fr_word("tient") == fr_word("tenir")  # "elle tient la comptabilité"
    assert fr_word("recoit") == fr_word("recevoir")


def test_quebec_phrases_and_trade_words() -> None:
    english, _ = translate_fr(words("Conseillère au guichet de la caisse populaire"))
    assert "credit" in english and "union" in english
    assert fr_word("vidange") == "oil change" and fr_word("freins") == "brake"


def test_the_first_word_of_a_french_title_is_read_as_its_head_noun() -> None:
    from checklist.noc.text import english_title

    assert english_title("Conseillère aux ventes", "fr").split()[0] == "advisor"  # not "advise"
    assert english_title("Aide de cuisine", "fr").split()[0] == "helper"
    assert english_title("Commis comptable", "fr") == "clerk accountant"
