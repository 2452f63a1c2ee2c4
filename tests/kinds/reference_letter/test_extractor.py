"""The reference-letter extractor on prose that names the position with a determiner."""

from __future__ import annotations

import pytest

from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import _read_text
from checklist.ingest.limits import ReadLimits
from checklist.models.document import RawDocument


def _letter(text: str):  # type: ignore[no-untyped-def]
    raw = RawDocument(
        path="letter.txt", size=len(text), file_format="text", pages=_read_text(text.encode(), ReadLimits())
    )
    return extract(raw, classify(raw))


EN = """Northwind Freight Ltd.
To whom it may concern,
This letter confirms that Amara Okafor has been employed with Northwind Freight Ltd. since March 6, 2023.
She currently works as {title} on a full-time basis, 40 hours per week, at $28.50 per hour.
Her duties include scheduling carrier pickups and tracking shipments.
Sincerely,
Dana Lee, HR Manager
"""

FR = """Boulangerie Lumière inc.
Attestation d'emploi
Nous confirmons que Julien Tremblay est à notre emploi depuis le 6 mars 2023.
Il occupe le poste de {title} à temps plein, 40 heures par semaine, au taux de 22,00 $ l'heure.
Veuillez agréer nos salutations distinguées.
Marie Roy, directrice
"""


@pytest.mark.parametrize("title", ["our Logistics Coordinator", "a Logistics Coordinator", "the Logistics Coordinator"])
def test_a_determiner_before_the_title_is_not_part_of_it(title: str) -> None:
    document = _letter(EN.format(title=title))
    assert document.fields.job_title == "Logistics Coordinator"


def test_a_title_without_determiner_is_kept_whole() -> None:
    assert _letter(EN.format(title="Logistics Coordinator")).fields.job_title == "Logistics Coordinator"


def test_french_title_keeps_its_words() -> None:
    assert _letter(FR.format(title="boulanger")).fields.job_title.lower() == "boulanger"


NUMBERED_POSITIONS = """Harbourview Kitchens Ltd.
88 Quay Street, Saint John NB E2L 4T1
To whom it may concern:
Tavita Faleolo worked for Harbourview Kitchens Ltd. from May 3, 2021 to June 27, 2025 in two positions.
1. Line Cook — May 3, 2021 to August 14, 2023
36 hours per week at $18.75 per hour.
 • Prepare sauces and garnishes for the evening menu
 • Keep the walk-in cooler labelled and rotated
2. Sous-Chef — August 15, 2023 to June 27, 2025
42 hours per week at $25.00 per hour.
 • Plan the weekly specials with the chef
 • Train new line cooks on the grill station
Odile Marchand
General Manager
"""


def test_numbered_positions_take_hours_pay_and_duties_from_the_lines_under_them() -> None:
    positions = _letter(NUMBERED_POSITIONS).fields.positions
    assert [(p.job_title, p.hours_per_week, p.salary_amount, p.salary_period) for p in positions] == [
        ("Line Cook", 36.0, 18.75, "hour"),
        ("Sous-Chef", 42.0, 25.0, "hour"),
    ]
    assert positions[0].duties == [
        "Prepare sauces and garnishes for the evening menu",
        "Keep the walk-in cooler labelled and rotated",
    ]
    assert positions[1].duties[0] == "Plan the weekly specials with the chef"
    assert str(positions[0].end_date) == "2023-08-14"


def test_the_flat_fields_are_the_latest_position_and_each_position_keeps_its_span() -> None:
    """The contract: a letter's flat fields describe its latest position; the whole span stays in `positions`."""
    fields = _letter(NUMBERED_POSITIONS).fields
    assert (fields.job_title, str(fields.start_date), str(fields.end_date)) == ("Sous-Chef", "2023-08-15", "2025-06-27")
    assert (fields.hours_per_week, fields.salary_amount) == (42.0, 25.0)
    assert fields.duties == fields.positions[1].duties
    assert str(fields.positions[0].start_date) == "2021-05-03"


TABLE_SINCE_MONTHLY = """Brightwater Optometry
Dear Visa Officer,
Noor Al-Sayegh continues to hold a part-time position at our clinic.
Position\tSince\tHours/week\tMonthly pay
Optometric Assistant\tApril 4, 2022\t24\t$2,310.00
Sincerely,
Paul Verhoeven, Owner
"""


def test_a_table_headed_since_and_monthly_pay_and_a_sentence_that_starts_with_the_person() -> None:
    document = _letter(TABLE_SINCE_MONTHLY)
    fields = document.fields
    assert document.kind.value == "reference_letter"
    assert fields.employee_name == "Noor Al-Sayegh"
    assert (fields.job_title, str(fields.start_date), fields.hours_per_week) == (
        "Optometric Assistant",
        "2022-04-04",
        24.0,
    )
    assert (fields.salary_amount, fields.salary_period) == (2310.0, "month")
    assert fields.currently_employed is True


CONTRACT_ENGAGEMENT = """Lindqvist Data Labs Inc.
Confirmation of contract engagement
Rafael Quispe provided consulting services to Lindqvist Data Labs Inc. as an independent contractor from
February 1, 2023 to March 29, 2024, as Data Pipeline Developer, for about 30 hours per week at $61.00 per hour.
Mira Holm, Director
"""


def test_a_contractor_confirmation_is_a_letter_about_the_work() -> None:
    document = _letter(CONTRACT_ENGAGEMENT)
    assert document.kind.value == "reference_letter"
    assert document.fields.employee_name == "Rafael Quispe"
    assert document.fields.contractor is True


PARTICULARS = """Stonebridge Survey Ltd.
CERTIFICATE OF EMPLOYMENT
We certify that Daniela Oyelaran was employed by our firm. The particulars are set out below.
Item\tParticulars
Designation\tSurvey Technician
Commencement\tSeptember 2020
Separation\tFebruary 2024
Weekly schedule\t40 hrs
Gross yearly remuneration\tCAD 64,500
Mark Tennant, HR Lead
"""


def test_unusual_labels_and_dates_that_give_only_a_month() -> None:
    fields = _letter(PARTICULARS).fields
    assert (str(fields.start_date), str(fields.end_date)) == ("2020-09-01", "2024-02-29")
    assert fields.currently_employed is False
    assert (fields.hours_per_week, fields.salary_amount, fields.salary_period) == (40.0, 64500.0, "year")


def test_the_company_after_a_signers_title_is_not_part_of_it() -> None:
    text = EN.format(title="Logistics Coordinator").replace(
        "Dana Lee, HR Manager", "Dana Lee\nOwner, Northwind Freight Ltd."
    )
    assert _letter(text).fields.signatory_title == "Owner"


def test_a_french_promotion_without_au_poste_de_gives_the_current_title() -> None:
    text = FR.format(title="boulanger").replace(
        "Veuillez", "Il a été promu chef boulanger à compter du 2 juin 2024.\nVeuillez"
    )
    assert _letter(text).fields.job_title.lower() == "chef boulanger"


WRAPPED_TABLE = """Fernhill Logistics Corp.
To whom it may concern,
Oksana Bilyk has worked for us since 2 March 2020 and still does.
Role                      Began              Ended               Scheduled       Wage
                                                                 hours/week
Warehouse                 March 2, 2020      September 30,       30              $19.25 / hour
Associate                                    2021                (part-time)
Inventory Controller      October 1, 2021    Present             40              $54,000 / year
                                                                 (full-time)
Duties as Inventory Controller
Reconcile cycle counts against the warehouse system
Sincerely,
Lena Park, Operations Director
"""


def test_a_table_with_a_two_line_header_and_wrapped_cells_reads_each_position_whole() -> None:
    fields = _letter(WRAPPED_TABLE).fields
    assert [
        (p.job_title, str(p.start_date), str(p.end_date), p.hours_per_week, p.salary_amount) for p in fields.positions
    ] == [
        ("Warehouse Associate", "2020-03-02", "2021-09-30", 30.0, 19.25),
        ("Inventory Controller", "2021-10-01", "None", 40.0, 54000.0),
    ]
    assert (fields.job_title, fields.salary_period) == ("Inventory Controller", "year")


def test_a_heading_under_a_table_is_not_part_of_its_last_row() -> None:
    text = WRAPPED_TABLE.replace("Duties as Inventory Controller", "Main Responsibilities")
    assert _letter(text).fields.positions[-1].job_title == "Inventory Controller"


FRENCH_DUTY_HEADINGS = """Quincaillerie Beaulieu inc.
Attestation d'emploi
Poste                       Du             Au            Heures/semaine     Salaire
Commis de plancher          2020-05-04     2022-02-27    30                 17,25 $/h
Gérant de rayon             2022-02-28     en cours      40                 48 000 $/an
Fonctions de commis de plancher :
- Placer la marchandise en rayon
- Conseiller les clients au comptoir
Fonctions de gérant de rayon :
- Préparer les horaires du rayon
- Passer les commandes aux fournisseurs
Marc Beaulieu, président
"""


def test_duty_headings_that_name_a_position_after_a_lead_word_give_each_position_its_duties() -> None:
    positions = _letter(FRENCH_DUTY_HEADINGS).fields.positions
    assert [p.duties for p in positions] == [
        ["Placer la marchandise en rayon", "Conseiller les clients au comptoir"],
        ["Préparer les horaires du rayon", "Passer les commandes aux fournisseurs"],
    ]


SUBJECT_LINE = """Prairie Rivet Works Ltd.
Re: Employment confirmation – {subject}
To whom it may concern,
This confirms that Mr. Idris Kamara has worked with us since 2 May 2022 in the position named above.
He works 40 hours per week and is paid $29.00 per hour.
Sincerely,
Amy Chu, HR Lead
"""


def test_a_title_named_only_in_the_subject_line_is_read() -> None:
    assert _letter(SUBJECT_LINE.format(subject="Structural Steel Fitter")).fields.job_title == "Structural Steel Fitter"


@pytest.mark.parametrize("subject", ["Mr. Idris Kamara", "Idris Kamara"])
def test_a_subject_line_that_names_the_person_gives_no_title(subject: str) -> None:
    assert _letter(SUBJECT_LINE.format(subject=subject)).fields.job_title is None


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("à titre de préposé à l'entrepôt depuis le 3 mars 2023", "préposé à l'entrepôt"),
        ("au poste de technicienne à la qualité depuis le 3 mars 2023", "technicienne à la qualité"),
        ("à titre de cuisinier à Montréal depuis le 3 mars 2023", "cuisinier"),
        ("à titre de caissière à temps plein depuis le 3 mars 2023", "caissière"),
    ],
)
def test_a_french_title_keeps_what_a_a_introduces_but_not_a_place_or_a_manner(said: str, title: str) -> None:
    text = f"Boulangerie Lumière inc.\nAttestation d'emploi\nNous confirmons que Julien Tremblay travaille chez nous {said}.\nMarie Roy, directrice\n"
    assert _letter(text).fields.job_title == title


WRAPPED_LETTERHEAD = """Sable Island Marine                                  77 Water Street
Supply Ltd.                                          Halifax, NS B3J 1A1
To whom it may concern,
I confirm, as Office Manager of Sable Island Marine Supply Ltd., that Ravi Menon works for our company.
Sincerely,
Ana Silva
"""


def test_a_letterhead_name_wrapped_over_two_lines_is_read_whole_when_the_letter_names_it_so() -> None:
    assert _letter(WRAPPED_LETTERHEAD).fields.employer_name == "Sable Island Marine Supply Ltd."
    unnamed = WRAPPED_LETTERHEAD.replace(" of Sable Island Marine Supply Ltd.", "")
    assert _letter(unnamed).fields.employer_name == "Supply Ltd."  # nothing says the lines are one name


@pytest.mark.parametrize(
    ("said", "start", "end", "current"),
    [
        ("worked as a Printer Operator, June 2021 – March 2022.", "2021-06-01", "2022-03-31", False),
        (
            "worked as a Printer Operator, commencing on 16 August 2021 and ending on 29 February 2024.",
            "2021-08-16",
            "2024-02-29",
            False,
        ),
        ("has worked as a Printer Operator since 6 May 2024 and remains in our employ.", "2024-05-06", "None", True),
    ],
)
def test_month_ranges_commencing_and_ending_and_remaining_in_our_employ(
    said: str, start: str, end: str, current: bool
) -> None:
    fields = _letter(
        f"Prairie Print Co.\nTo whom it may concern,\nMs. Rosa Lima {said}\nSincerely,\nAl Reyes, Owner\n"
    ).fields
    assert (str(fields.start_date), str(fields.end_date), fields.currently_employed) == (start, end, current)


def test_numbered_sections_whose_lines_open_with_the_title_give_one_position_each() -> None:
    text = """Harbour Books Ltd.
To whom it may concern,
Ms. Ines Duarte has worked for us in two periods with different hours.
Position 1 – part-time
Bookseller from March 1, 2021 to August 31, 2022, 20 hours per week, $16.00 per hour.
Position 2 – full-time
Bookseller since September 1, 2022, 37.5 hours per week, $18.25 per hour.
Sincerely,
Tom Rae, Manager
"""
    positions = _letter(text).fields.positions
    assert [
        (p.job_title, str(p.start_date), str(p.end_date), p.hours_per_week, p.salary_amount) for p in positions
    ] == [
        ("Bookseller", "2021-03-01", "2022-08-31", 20.0, 16.0),
        ("Bookseller", "2022-09-01", "None", 37.5, 18.25),
    ]


DUTIES_COLUMN = """Bow River Surveys Ltd.
To whom it may concern,
Mr. Omar Haddad is currently employed by us in the roles below.
Role              Effective      Ended        Hrs/      Annual      Main duties
                                              week      base
Survey            2021-03-01     2023-06-30   40        $58,000     - Set up total stations on site
Assistant                                                           - Record field notes
Survey            2023-07-01     -            40        $71,500     - Plan survey crews' weekly
Technician                                                          routes
                                                                    - Check plans before release
Sincerely,
Jo Tan, Principal
"""


def test_a_duties_column_gives_each_position_its_items_across_wrapped_lines() -> None:
    positions = _letter(DUTIES_COLUMN).fields.positions
    assert [(p.job_title, p.duties) for p in positions] == [
        ("Survey Assistant", ["Set up total stations on site", "Record field notes"]),
        ("Survey Technician", ["Plan survey crews' weekly routes", "Check plans before release"]),
    ]


FRENCH_FACT_SHEET = """Régie des Transports de l'Outaouais
Gatineau, le 2 mars 2025
ATTESTATION D'EMPLOI
Salarié                 Mathieu Ouellet-Nadeau
Emploi                  Répartiteur principal
Date d'embauche         4 novembre 2019
Régime de travail       Temps plein, 37,5 heures par semaine
Statut                  En poste
Cette attestation est remise à l'employé à sa demande.
Julie Caron, directrice
"""


def test_a_french_fact_sheet_with_its_own_labels_and_a_status() -> None:
    fields = _letter(FRENCH_FACT_SHEET).fields
    assert (fields.employer_name, fields.employee_name, fields.job_title) == (
        "Régie des Transports de l'Outaouais",
        "Mathieu Ouellet-Nadeau",
        "Répartiteur principal",
    )
    assert (str(fields.start_date), fields.hours_per_week, fields.currently_employed) == ("2019-11-04", 37.5, True)


def test_a_sender_line_above_the_company_is_not_part_of_its_name() -> None:
    text = """From: Dana Whitfield, Store Manager
Lighthouse Outfitters Ltd.
12 Main Street, Moncton, NB E1C 1B1
I confirm that Mr. Paulo Reis is employed at Lighthouse Outfitters Ltd. as a Sales Associate.
"""
    assert _letter(text).fields.employer_name == "Lighthouse Outfitters Ltd."
    stacked = text.replace("From: Dana Whitfield, Store Manager\nLighthouse", "Tidal Reach\nLighthouse").replace(
        "employed at Lighthouse Outfitters Ltd.", "employed by our company"
    )
    assert _letter(stacked).fields.employer_name == "Lighthouse Outfitters Ltd."  # two lines alone say nothing


def test_duties_written_as_sentences_after_the_following() -> None:
    text = """Kestrel Freight Corp.
To whom it may concern:
Mr. Ivo Petrov works for Kestrel Freight Corp. as a Dispatcher since May 2022, 40 hours per week.
In this role he is responsible for the following. Assign loads to drivers each morning. Track trucks
on the map and call drivers about delays. Update customers on arrival times.
Regards,
Mona Diaz
"""
    assert _letter(text).fields.duties == [
        "Assign loads to drivers each morning",
        "Track trucks on the map and call drivers about delays",
        "Update customers on arrival times",
    ]


FACT_SHEET = """Pêcheries du Fleuve ltée
Nom                  {name}
Date d'embauche      9 janvier 2023
Nous confirmons que M. Ramírez Ortega est à notre service à titre de préposé à l'entrepôt.
Pour servir et valoir ce que de droit.
Nom : Jean Ouellet
Directeur des opérations
"""


def test_a_bare_name_label_above_the_closing_names_the_employee() -> None:
    assert _letter(FACT_SHEET.format(name="Nicolás Ramírez Ortega")).fields.employee_name == "Nicolás Ramírez Ortega"


def test_a_name_label_below_the_closing_is_the_signer_not_the_employee() -> None:
    text = FACT_SHEET.replace("Nom                  {name}\n", "")
    assert _letter(text).fields.employee_name == "Ramírez Ortega"


def test_a_surname_in_the_body_takes_the_whole_name_printed_elsewhere() -> None:
    text = (
        "RE: Employment of Nicolás Ramírez Ortega\nWe confirm that Mr. Ramírez Ortega has been employed as a "
        "Forklift Operator since March 6, 2023.\nSincerely,\nDana Lee, HR Manager\n"
    )
    assert _letter(text).fields.employee_name == "Nicolás Ramírez Ortega"


WRAPPED_HEAD = """Credit Valley Precision                          6790 Davand Drive
Plastics Inc.                                    Mississauga, ON L5T 2G5
                                                 hr@{domain}.example
To whom it may concern,
Employee: Svetlana Ivanova
Ms. Ivanova works for us full-time, 40 hours per week.
Sincerely,
Dana Lee, HR Manager
"""


def test_a_letterhead_name_wrapped_over_two_lines_is_joined_when_its_domain_spells_it() -> None:
    assert (
        _letter(WRAPPED_HEAD.format(domain="cvplastics")).fields.employer_name
        == "Credit Valley Precision Plastics Inc."
    )


def test_a_wrapped_letterhead_name_stays_apart_when_nothing_confirms_the_line_above() -> None:
    assert _letter(WRAPPED_HEAD.format(domain="plastics")).fields.employer_name == "Plastics Inc."
