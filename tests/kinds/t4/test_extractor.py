"""T4 slips on CRA's box layout, as a text layer scatters it (invented people and amounts)."""

from __future__ import annotations

from checklist.kinds.t4.extractor import extract_t4
from tests.support.views import view_of

SLIP = """\
Canada Revenue Agency    Agence du revenu du Canada          T4   STATEMENT OF REMUNERATION PAID
 Employer's name – Nom de l'employeur                                              Year / Année
  Stillwater Bakeries Ltd.                                                          2024
  54   Employer's account number                14   Employment income / Revenus d'emploi   22   Income tax deducted
  10477 3321 RP0001                                      48,316     72                          7,004     10
   10   Province of employment
        NS
 Employee's name and address – Nom et adresse de l'employé
  Last name (in capital letters) – Nom de famille (en lettres moulées)First name – Prénom   Initial
                                                                                 1,102     35
   OKONKWO-BAIRD                                                        Adanna
   12 Spruce Row, Halifax NS B3K 2R1
"""


def test_names_under_labels_that_share_a_cell_and_cents_in_their_own_box() -> None:
    values = extract_t4(view_of(SLIP)).values
    assert values["employee_name"] == "Adanna Okonkwo-Baird"
    assert values["employment_income"] == 48316.72
    assert values["province"] == "NS"
    assert values["tax_year"] == 2024


def test_the_name_and_address_label_is_never_the_name() -> None:
    text = "Employee's name and address – Nom et adresse de l'employé\n\n  12 Spruce Row, Halifax NS\n"
    assert "employee_name" not in extract_t4(view_of(text)).values


def test_a_box_label_beside_the_employers_name_label_is_never_the_employer() -> None:
    slip = (
        "T4   Statement of Remuneration Paid                                   2024\n"
        " Employer's name / Nom de l'employeur          Province of employment     Employment income\n"
        " Lunenburg Sail Lofts Inc.                                    NS                41,200.00\n"
    )
    assert extract_t4(view_of(slip)).values["employer_name"] == "Lunenburg Sail Lofts Inc."
