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
