"""Employment contracts as French-Canadian firms word them (invented parties)."""

from __future__ import annotations

import datetime as dt

from checklist.kinds.employment_contract.extractor import extract_contract
from tests.support.views import view_of

CONTRAT = """\
CONTRAT DE TRAVAIL
ENTRE : Fromagerie du Rang Neuf inc., ci-après « l'Employeur »
ET : Anh Thu Lemieux, ci-après appelée « la Salariée »
Article 1 — La Salariée est embauchée à titre de technicienne de laboratoire.
Article 2 — Le présent contrat prend effet le 3 février 2025.
Article 3 — La semaine normale de travail est de 37,5 heures.
"""


def test_parties_named_hereinafter_the_day_it_takes_effect_and_the_normal_work_week() -> None:
    values = extract_contract(view_of(CONTRAT)).values
    assert values["employee_name"] == "Anh Thu Lemieux"
    assert values["start_date"] == dt.date(2025, 2, 3)
    assert values["hours_per_week"] == 37.5


def test_a_party_named_with_where_they_live_and_the_position_the_employee_is_engaged_in() -> None:
    text = (
        "CONTRAT DE TRAVAIL\n"
        "ENTRE : Boulangerie Vachon-Roy inc., ci-après « l'Employeur »,\n"
        "ET : Mme Iulia Popescu, domiciliée à Granby (Québec), ci-après « la Salariée ».\n"
        "Article 1 – La Salariée est engagée au poste de pâtissière en chef.\n"
    )
    values = extract_contract(view_of(text)).values
    assert (values["employee_name"], values["job_title"]) == ("Iulia Popescu", "pâtissière en chef")


def test_an_english_agreement_with_the_residence_of_the_employee_and_employs_as() -> None:
    text = (
        "This agreement is made between\n"
        'COASTAL KELP FARMS LTD., 9 Harbour Road, Tofino, BC (the "Employer")\n'
        "and\n"
        'ADEBAYO OKAFOR, of Ucluelet, British Columbia (the "Employee").\n'
        "1. The Employer employs the Employee as Seaweed Harvest Lead.\n"
        "2. The Employee will work 40 hours per week, in shifts as scheduled.\n"
    )
    values = extract_contract(view_of(text)).values
    assert (values["employer_name"], values["employee_name"]) == ("COASTAL KELP FARMS LTD.", "ADEBAYO OKAFOR")
    assert values["job_title"] == "Seaweed Harvest Lead"


def test_an_offer_defines_the_company_and_gives_the_first_day_and_labelled_terms() -> None:
    text = (
        "Tamarack Robotics                                   55 King St W, Toronto, ON\n"
        "Dear Ms. Leila Farouk,\n"
        'We are pleased to offer you a position with Tamarack Robotics Inc. (the "Company").\n'
        "Your first day of work will be March 3, 2025.\n"
        "Job title            Controls Technologist\n"
        "Normal hours         37.5 hours per week\n"
        "Remuneration         $5,900.00 per month\n"
    )
    values = extract_contract(view_of(text)).values
    assert values["employer_name"] == "Tamarack Robotics Inc."
    assert values["employee_name"] == "Leila Farouk"
    assert values["start_date"] == dt.date(2025, 3, 3)
    assert (values["job_title"], values["hours_per_week"], values["salary_amount"], values["salary_period"]) == (
        "Controls Technologist",
        37.5,
        5900.0,
        "month",
    )


def test_a_letterhead_above_a_street_is_the_employer_not_the_employee() -> None:
    text = (
        "Juniper Grove Co-op\n"
        "44 Elm Street\n"
        "Fredericton, NB E3B 1A1\n"
        "Dear Mr. Tomasz Nowak,\n"
        "We are happy to offer you a part-time role as Produce Clerk.\n"
    )
    values = extract_contract(view_of(text)).values
    assert (values["employer_name"], values["employee_name"]) == ("Juniper Grove Co-op", "Tomasz Nowak")


def test_a_clause_heading_that_starts_with_a_label_word_is_no_label() -> None:
    text = "1.   POSITION AND DUTIES\n1.1  The Employer shall employ the Employee in the position of Line Mechanic.\n"
    assert extract_contract(view_of(text)).values["job_title"] == "Line Mechanic"
