"""An organisation's domain, and which words of a name it spells."""

from __future__ import annotations

from checklist.text.contacts import domain_labels, spelled_by_domain


def test_domain_labels_leave_free_mail_out() -> None:
    text = "hr@cvplastics.example · www.harbour-light.ca · someone@gmail.com"
    assert domain_labels(text) == ["cvplastics", "harbourlight"]


def test_a_domain_spells_words_whole_or_by_their_initial() -> None:
    assert spelled_by_domain("Credit Valley Precision Plastics Inc.".split(), "cvplastics") == {0, 1, 3}


def test_a_domain_that_spells_none_of_the_words_spells_nothing() -> None:
    assert spelled_by_domain(["Acme", "Foods"], "zetalogistics") == set()
