"""Duty matching: the evidence behind the duties.* checks (synthetic letters)."""

from __future__ import annotations

import pytest

from checklist.noc import match_duties

HELP_DESK = [
    "Answer support tickets, calls and chat messages from staff in every branch",
    "Reset passwords and unlock user accounts in Active Directory",
    "Set up laptops, monitors and printers for new employees",
    "Guide users through fixes for email and VPN problems over the phone",
    "Log each incident and how it was solved in the ticketing tool",
    "Escalate server and network outages to the infrastructure team",
]
ERP_ANALYST = [
    "Interview department managers to document how they use the ERP and CRM systems",
    "Map business processes and recommend system changes that remove manual work",
    "Write functional specifications for the development team",
    "Coordinate user acceptance testing and follow defects until they are fixed",
    "Prepare cost-benefit analyses of new software and present them to management",
]


def test_matching_letter(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21222", ERP_ANALYST, "Information Systems Analyst")
    assert not m.mismatch and m.lead_statement_matched and m.judgeable
    assert len(m.duties) == len(noc_data.get("21222").main_duties)
    assert m.claimed_rank is not None and 1 <= m.claimed_rank <= 516
    assert len(m.best_fits) == 3 and not m.copied_from_noc


def test_help_desk_claimed_as_systems_analyst_is_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21222", HELP_DESK, "Systems Analyst")
    assert m.mismatch
    assert "22221" in [h.code for h in m.best_fits]
    assert m.claimed_rank > 3
    assert any("fit the duties better" in r or "lead statement" in r for r in m.reasons)


def test_same_letter_for_its_own_group(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "22221", HELP_DESK, "IT Support Technician")
    assert not m.mismatch and m.claimed_rank <= 3 and m.best_fits[0].code in {"22221", "22220"}
    evidenced = [d for d in m.duties if d.matched]
    assert evidenced and all(d.letter_duty in HELP_DESK for d in evidenced)


def test_copied_duties(noc_data) -> None:  # type: ignore[no-untyped-def]
    noc = list(noc_data.get("62200").main_duties[:4])
    letter = [noc[0].replace("Plan", "plan").rstrip("."), noc[1], noc[2].replace("co-ordinate", "coordinate"),
              "Keep the walk-in cooler organised and clean"]
    m = match_duties(noc_data, "62200", letter, "Chef")
    assert m.copied_from_noc
    assert len(m.copied) >= 2 and all(c.code == "62200" and c.similarity >= 0.9 for c in m.copied)
    own_words = match_duties(noc_data, "62200", [
        "Create new dishes and write the seasonal menu with the owner",
        "Run the line on busy nights and direct the cooks",
        "Order meat and produce and keep food costs under target",
    ], "Chef")
    assert not own_words.copied_from_noc and not own_words.copied


def test_french_letter_is_not_a_false_blocker(noc_data) -> None:  # type: ignore[no-untyped-def]
    duties = [
        "Concevoir des réseaux d'aqueduc et d'égouts pour les municipalités",
        "Calculer le débit des eaux pluviales des nouveaux quartiers",
        "Préparer les plans et devis et les estimations de quantités",
        "Inspecter les chantiers et vérifier la conformité des travaux",
    ]
    m = match_duties(noc_data, "21300", duties, "Ingénieure civile")
    assert m.language == "fr"
    assert not m.mismatch


def test_unreadable_french_cannot_be_judged(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21300", ["Bidouiller les trucs du machin", "Patenter les bébelles du gréement"], None)
    assert not m.judgeable and not m.mismatch and not m.weak_coverage


def test_too_little_text_is_not_judged(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21232", ["Coding"], None)
    assert not m.judgeable and not m.mismatch


def test_unknown_code(noc_data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="not a NOC 2021 unit group"):
        match_duties(noc_data, "99999", HELP_DESK, None)
