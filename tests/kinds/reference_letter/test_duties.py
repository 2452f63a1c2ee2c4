"""Duties under a lead-in, in one sentence, as sentences; and each position's own block."""

from __future__ import annotations

from checklist.kinds.collector import Collector
from checklist.kinds.reference_letter.duties import read_duties, with_duties
from checklist.kinds.reference_letter.fields import Position
from checklist.text.view import TextView


def _duties(text: str) -> tuple[list[str], Collector]:
    out = Collector()
    read_duties(TextView.from_text(text), out)
    return out.values.get("duties", []), out


def test_bulleted_duties_under_a_lead_in_wrap_and_stop_at_the_closing() -> None:
    duties, _ = _duties(
        "Her main responsibilities were:\n• Reconcile the daily cash and card\n  deposits with the bank\n"
        "• Prepare supplier payments\n• File GST returns\nSincerely,\nDana Lee"
    )
    assert duties == [
        "Reconcile the daily cash and card deposits with the bank",
        "Prepare supplier payments",
        "File GST returns",
    ]


def test_duties_separated_by_semicolons_in_one_sentence() -> None:
    duties, _ = _duties("His duties include: loading trucks; checking bills of lading; counting stock.")
    assert duties == ["loading trucks", "checking bills of lading", "counting stock"]


def test_each_position_gets_the_block_its_title_heads() -> None:
    text = (
        "Duties as Line Cook:\n- Grill meats to order\n- Prepare sauces\n"
        "Duties as Sous-Chef:\n- Plan the weekly menu\n- Train the line cooks\n"
    )
    _, out = _duties(text)
    positions = with_duties([Position(job_title="Line Cook"), Position(job_title="Sous-Chef")], out)
    assert [p.duties for p in positions] == [
        ["Grill meats to order", "Prepare sauces"],
        ["Plan the weekly menu", "Train the line cooks"],
    ]


def test_a_gerund_list_over_two_lines_after_responsible_for_is_split_at_commas_and_and() -> None:
    duties, _ = _duties(
        "In this role, he is responsible for preparing monthly bank reconciliations for clients, posting\n"
        "payable entries, preparing T4 slips at year end and answering client questions.\nYours truly,"
    )
    assert duties == [
        "preparing monthly bank reconciliations for clients",
        "posting payable entries",
        "preparing T4 slips at year end",
        "answering client questions",
    ]


def test_responsibilities_include_keeps_the_first_item_whole() -> None:
    duties, _ = _duties(
        "Her responsibilities include planning daily activities; observing each child; calling parents."
    )
    assert duties[0] == "planning daily activities"


def test_french_fonctions_consistent_a_with_infinitives() -> None:
    duties, _ = _duties(
        "Ses fonctions consistent à préparer les déclarations de revenus, assurer la tenue de livres "
        "et répondre aux questions des clients."
    )
    assert duties == [
        "préparer les déclarations de revenus",
        "assurer la tenue de livres",
        "répondre aux questions des clients",
    ]


def test_angle_and_parenthesised_numbers_are_bullets() -> None:
    for mark in (">", "(1)", "ii."):
        duties, _ = _duties(
            f"His work included:\n  {mark}  Operate tractors\n  {mark}  Sort potatoes\n  {mark}  Load trucks\n"
        )
        assert duties == ["Operate tractors", "Sort potatoes", "Load trucks"], mark


def test_duty_sentences_may_open_with_a_connector_and_pay_sentences_are_none() -> None:
    duties, _ = _duties(
        "Il travaille 45 heures par semaine. Il prépare les semis en serre. Il assure l'irrigation des cultures. "
        "Il dépiste les insectes. Enfin, il récolte les légumes. Veuillez agréer nos salutations."
    )
    assert duties[0].startswith("Il prépare") and duties[-1] == "Enfin, il récolte les légumes"
