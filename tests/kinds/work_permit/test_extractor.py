"""Work permits (IMM 1442) read field by field, in English and French, from text
layers and from OCR-looking text (issue 15: conditions, restrictions, co-op,
refugee claimant, validity labels, name grids, the permit type only as stated).

The documents are invented: people, numbers and employers are made up.
"""

from __future__ import annotations

import datetime as dt

from checklist.kinds.work_permit.extractor import extract_permit
from checklist.kinds.work_permit.fields import WorkPermitFields
from checklist.models.document import ReadMethod
from tests.support.views import view_of

ALL_THREE = ["health_services", "child_care", "teaching"]


def _fields(text: str, method: ReadMethod = ReadMethod.TEXT_LAYER) -> WorkPermitFields:
    return WorkPermitFields.model_validate(
        {k: v for k, v in extract_permit(view_of(text, method)).values.items() if k in WorkPermitFields.model_fields}
    )


PGWP_TWO_COLUMNS = """\
Immigration, Refugees and Citizenship Canada                                  WORK PERMIT
Immigration, Réfugiés et Citoyenneté Canada                             PERMIS DE TRAVAIL
UCI / IUC                          1207-4418
Document No. / No du document      U220918374
Family Name                        HADDAD
Nom de famille
Given Name(s)                      NADIA
Prénom(s)
Date of Birth                      1997/04/09
Date de naissance
Employer                           UNSPECIFIED
Employeur
Occupation                         UNSPECIFIED
Profession
Valid from / Valide du             2024/10/07
Valid until / Valide jusqu'au      2027/10/06
Conditions                         NOT AUTHORIZED TO WORK IN OCCUPATIONS IN HEALTH SERVICES,
Conditions                         CHILD CARE, PRIMARY OR SECONDARY SCHOOL TEACHING. MAY NOT
                                   ATTEND ANY EDUCATIONAL INSTITUTION EXCEPT AS AUTHORIZED.
                                   MUST LEAVE CANADA BY 2027/10/06.
Remarks / Remarques                GRADUATE OF RIVERBEND POLYTECHNIC, 2 YEAR DIPLOMA.
Case Type / Genre de cas           56
"""


def test_valid_from_and_valid_until_are_the_issue_and_expiry_dates() -> None:
    fields = _fields(PGWP_TWO_COLUMNS)
    assert fields.issue_date == dt.date(2024, 10, 7)
    assert fields.expiry_date == dt.date(2027, 10, 6)
    assert fields.holder_name == "Nadia Haddad"
    assert fields.uci == "1207-4418"
    assert fields.permit_number == "U220918374"


def test_conditions_are_read_as_printed_one_sentence_each() -> None:
    assert _fields(PGWP_TWO_COLUMNS).conditions == [
        "NOT AUTHORIZED TO WORK IN OCCUPATIONS IN HEALTH SERVICES, CHILD CARE, PRIMARY OR SECONDARY SCHOOL TEACHING.",
        "MAY NOT ATTEND ANY EDUCATIONAL INSTITUTION EXCEPT AS AUTHORIZED.",
        "MUST LEAVE CANADA BY 2027/10/06.",
    ]


def test_restrictions_come_from_the_conditions_wording() -> None:
    fields = _fields(PGWP_TWO_COLUMNS)
    assert fields.restrictions == ALL_THREE
    assert fields.permit_type == "open"  # the employer reads "unspecified"
    assert fields.coop is False and fields.refugee_claimant is False


def test_restrictions_in_the_other_order_and_wording() -> None:
    text = PGWP_TWO_COLUMNS.replace(
        "NOT AUTHORIZED TO WORK IN OCCUPATIONS IN HEALTH SERVICES,\nConditions                         CHILD CARE, PRIMARY OR SECONDARY SCHOOL TEACHING.",
        "NOT AUTHORIZED TO WORK IN CHILDCARE, PRIMARY OR SECONDARY\nConditions                         SCHOOL TEACHING, OR HEALTH SERVICES FIELD OCCUPATIONS.",
    )
    assert _fields(text).restrictions == ALL_THREE


def test_a_condition_naming_one_field_restricts_only_that_field() -> None:
    text = """\
WORK PERMIT / PERMIS DE TRAVAIL
Employer / Employeur: OPEN
Conditions:
NOT AUTHORIZED TO WORK IN CHILD CARE UNLESS A MEDICAL EXAMINATION HAS BEEN PASSED.
MUST LEAVE CANADA BY 2026-01-31.
"""
    assert _fields(text).restrictions == ["child_care"]


def test_a_permit_without_restriction_wording_has_none() -> None:
    text = PGWP_TWO_COLUMNS.replace("IN OCCUPATIONS IN HEALTH SERVICES,", "IN BUSINESSES RELATED TO THE").replace(
        "CHILD CARE, PRIMARY OR SECONDARY SCHOOL TEACHING.", "SEX TRADE SUCH AS ESCORT SERVICES."
    )
    assert _fields(text).restrictions == []


FRENCH_EMPLOYER_SPECIFIC = """\
IMMIGRATION, RÉFUGIÉS ET CITOYENNETÉ CANADA / IMMIGRATION, REFUGEES AND CITIZENSHIP CANADA
PERMIS DE TRAVAIL / WORK PERMIT                              N° de permis / Permit No. : W418273650
IUC / UCI : 11-2093-7765
Nom de famille / Family name : TREMBLAY-OKAFOR
Prénom(s) / Given name(s) : CHIDI ÉMILE
Employeur / Employer : BOULANGERIE DU VIEUX-PORT INC.
Profession / Occupation : BOULANGER-PÂTISSIER (CNP 63202)
Lieu de travail / Location : QUÉBEC (QC)
Valide du / Valid from : 2025-03-17     au / to : 2027-03-16
Genre de cas / Case type : 20
Conditions :
N'EST PAS AUTORISÉ À TRAVAILLER POUR UN AUTRE EMPLOYEUR QUE CELUI INDIQUÉ.
N'EST PAS AUTORISÉ À EXERCER UNE AUTRE PROFESSION QUE CELLE INDIQUÉE.
DOIT QUITTER LE CANADA AU PLUS TARD LE 2027-03-16.
Observations / Remarks : TRAVAILLEUR QUALIFIÉ, VOLET DES TALENTS MONDIAUX.
"""


def test_french_permit_fields() -> None:
    fields = _fields(FRENCH_EMPLOYER_SPECIFIC)
    assert fields.permit_number == "W418273650"
    assert fields.uci == "11-2093-7765"
    assert fields.holder_name == "Chidi Émile Tremblay-Okafor"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2025, 3, 17), dt.date(2027, 3, 16))
    assert fields.employer == "BOULANGERIE DU VIEUX-PORT INC"  # the label reader trims trailing dots
    assert fields.occupation == "BOULANGER-PÂTISSIER"
    assert fields.noc_code == "63202"
    assert fields.permit_type == "employer_specific"
    assert fields.conditions[0] == "N'EST PAS AUTORISÉ À TRAVAILLER POUR UN AUTRE EMPLOYEUR QUE CELUI INDIQUÉ."
    assert len(fields.conditions) == 3
    assert fields.restrictions == [] and fields.coop is False and fields.refugee_claimant is False


def test_french_restrictions() -> None:
    text = """\
PERMIS DE TRAVAIL / WORK PERMIT
Employeur / Employer : NON PRÉCISÉ / UNSPECIFIED
Date de validité / Validity : du 2024-09-01 au 2026-08-31
Conditions :
NON AUTORISÉ À TRAVAILLER DANS LES PROFESSIONS DES SERVICES DE SANTÉ, DE LA GARDE D'ENFANTS
OU DE L'ENSEIGNEMENT PRIMAIRE OU SECONDAIRE.
"""
    fields = _fields(text)
    assert fields.restrictions == ALL_THREE
    assert fields.permit_type == "open"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2024, 9, 1), dt.date(2026, 8, 31))


def test_date_de_validite_alone_is_the_expiry_date() -> None:
    text = "PERMIS DE TRAVAIL\nDate de délivrance : 2024-09-01\nDate de validité : 2026-08-31\n"
    fields = _fields(text)
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2024, 9, 1), dt.date(2026, 8, 31))


OCR_SPOUSAL = """\
 Immigration, Refugees and Citizenship Canada          WORK  PERMIT
 Immigration, Réfugiés et Citoyenneté Canada     PERMlS DE TRAVAlL

 UC1                  4471-0932
 lUC
 D0cument N0.         U305172846
 Date lssued          2023/11/20
 Date de dé livrance
 Exp iry Date/Date d' expiration     2026/11/19
 FAMlLY NAME          MENSAH
 Nom de famille
 GlVEN NAME(S)        KWAME  ADJEI
 Prénom(s)
 Employer             0PEN
 Employeur
 Conditions           NOT AUTHORIZED TO WORK IN CHILDCARE, PRIMARY OR SECONDARY SCHOOL TEACHING, OR
 Conditions           HEALTH SERVICES FIELD OCCUPATIONS. MUST LEAVE CANADA BY THE EXPIRY DATE
                      OF THIS PERMIT.
 Remarks/Observations SPOUSE OF A SKILLED WORKER.
"""


def test_ocr_labels_with_stray_spaces_and_confused_letters() -> None:
    fields = _fields(OCR_SPOUSAL, ReadMethod.OCR)
    assert fields.uci == "4471-0932"
    assert fields.permit_number == "U305172846"
    assert fields.issue_date == dt.date(2023, 11, 20)
    assert fields.expiry_date == dt.date(2026, 11, 19)
    assert fields.holder_name == "Kwame Adjei Mensah"
    assert fields.permit_type == "open"  # "0PEN": O read as zero
    assert fields.restrictions == ALL_THREE
    assert fields.conditions == [
        "NOT AUTHORIZED TO WORK IN CHILDCARE, PRIMARY OR SECONDARY SCHOOL TEACHING, OR HEALTH SERVICES FIELD OCCUPATIONS.",
        "MUST LEAVE CANADA BY THE EXPIRY DATE OF THIS PERMIT.",
    ]


def test_ocr_that_lost_the_labels_still_gives_the_uci_expiry_and_conditions() -> None:
    text = """\
  Immigration, Refugees and Citizenship Canada                 WORK PERMIT
                               2290-6614

                               U418822093

 Date Issued                   2025/01/15
 Date de dé

                               2027/01/14

                              NOT AUTHORIZED TO WORK IN CHILD CARE, PRIMARY OR SECONDARY SCHOOL
                              TEACHING, OR HEALTH SERVICES FIELD OCCUPATION:    MUST LEAVE CANADA
                              BY THE EXPIRY DATE OF THIS PERMIT.
"""
    fields = _fields(text, ReadMethod.OCR)
    assert fields.uci == "2290-6614"
    assert fields.permit_number == "U418822093"
    assert fields.expiry_date == dt.date(2027, 1, 14)
    assert fields.restrictions == ALL_THREE
    assert len(fields.conditions) == 2 and fields.conditions[1].startswith("MUST LEAVE CANADA")


COOP = """\
IMMIGRATION, REFUGEES AND CITIZENSHIP CANADA
WORK PERMIT / PERMIS DE TRAVAIL                                  U551029384
UCI / IUC: 1188-2054                  APPLICATION NO. / NO DE LA DEMANDE: W201938475
SURNAME / NOM: PARK                   GIVEN NAME(S) / PRÉNOM(S): JI-WOO
EMPLOYER / EMPLOYEUR: UNSPECIFIED / NON PRÉCISÉ
DATE OF ISSUE / DATE DE DÉLIVRANCE: 2023/01/09     EXPIRY DATE / DATE D'EXPIRATION: 2025/04/30
CONDITIONS:
1. MUST REMAIN ENROLLED AT HARBOURVIEW COLLEGE OF APPLIED ARTS.
2. WORK IS AN INTEGRAL PART OF THE PROGRAM OF STUDY; NOT AUTHORIZED FOR ANY OTHER EMPLOYMENT.
3. MUST LEAVE CANADA BY 2025/04/30.
REMARKS / OBSERVATIONS:
STUDENT WORK PLACEMENT.
"""


def test_a_permit_tied_to_a_study_program_is_coop() -> None:
    fields = _fields(COOP)
    assert fields.coop is True
    assert fields.permit_type == "open"
    assert fields.permit_number == "U551029384"
    assert fields.holder_name == "Ji-Woo Park"
    assert fields.conditions == [
        "MUST REMAIN ENROLLED AT HARBOURVIEW COLLEGE OF APPLIED ARTS.",
        "WORK IS AN INTEGRAL PART OF THE PROGRAM OF STUDY; NOT AUTHORIZED FOR ANY OTHER EMPLOYMENT.",
        "MUST LEAVE CANADA BY 2025/04/30.",
    ]


def test_coop_and_internship_wordings() -> None:
    for condition in (
        "NOT AUTHORIZED TO WORK EXCEPT IN A CO-OP PLACEMENT.",
        "INTERNSHIP FORMING AN ESSENTIAL PART OF THE PROGRAM.",
        "STAGE COOPÉRATIF FAISANT PARTIE INTÉGRANTE DU PROGRAMME D'ÉTUDES.",
    ):
        text = f"WORK PERMIT\nEmployer: OPEN\nConditions:\n{condition}\n"
        assert _fields(text).coop is True, condition


REFUGEE = """\
Immigration, Refugees and Citizenship Canada / Immigration, Réfugiés et Citoyenneté Canada
WORK PERMIT / PERMIS DE TRAVAIL
Permit No. / No de permis: U660213847
Client ID / ID client: 0912-3384
Name / Nom: ORTEGA RAMÍREZ, SOFÍA
Employer / Employeur: OPEN / OUVERT
Date issued / Date de délivrance: 12 MAR 2024
Expiry date / Date d'expiration: 11 MAR 2026
Conditions: MUST REPORT FOR EXAMINATION WHEN REQUESTED. NOT VALID FOR EMPLOYMENT IN BUSINESSES RELATED TO THE SEX TRADE.
Remarks / Observations: ISSUED TO A REFUGEE PROTECTION CLAIMANT UNDER R206.
"""


def test_a_permit_issued_to_a_refugee_claimant() -> None:
    fields = _fields(REFUGEE)
    assert fields.refugee_claimant is True
    assert fields.permit_type == "open"
    assert fields.holder_name == "Sofía Ortega Ramírez"
    assert fields.coop is False
    assert len(fields.conditions) == 2


def test_refugee_claimant_in_french() -> None:
    text = REFUGEE.replace("ISSUED TO A REFUGEE PROTECTION CLAIMANT UNDER R206.", "DEMANDEUR D'ASILE.")
    assert _fields(text).refugee_claimant is True


def test_the_refugees_of_irccs_name_are_no_refugee_claimant() -> None:
    assert _fields(PGWP_TWO_COLUMNS).refugee_claimant is False


UNREADABLE_TYPE = """\
IMMIGRATION, REFUGEES AND CITIZENSHIP CANADA
WORK PERMIT / PERMIS DE TRAVAIL
Document No.: U771203948
UCI: 1102-8876
Family name / Nom de famille: LINDQVIST
Given name(s) / Prénom(s): ASTRID
Employer / Employeur:    ,' . ~
Date issued: 2024-02-01
Expiry date: 2025-01-31
"""


def test_an_unreadable_permit_type_is_unknown_never_open() -> None:
    fields = _fields(UNREADABLE_TYPE)
    assert fields.permit_type is None
    assert fields.employer is None
    assert fields.coop is None and fields.refugee_claimant is None  # nothing printed was read: unknown
    assert fields.holder_name == "Astrid Lindqvist"


def test_a_blank_employer_is_not_an_open_permit() -> None:
    assert _fields(UNREADABLE_TYPE.replace("   ,' . ~", " —")).permit_type is None


def test_open_only_when_the_document_says_so() -> None:
    assert _fields(UNREADABLE_TYPE + "Remarks: OPEN WORK PERMIT - SPOUSE OF A STUDENT.\n").permit_type == "open"
    assert _fields(UNREADABLE_TYPE + "Case type / Genre de cas: 58\n").permit_type == "open"
    assert _fields(UNREADABLE_TYPE + "Case type / Genre de cas: 20\n").permit_type is None


def test_an_employer_condition_or_an_lmia_makes_it_employer_specific() -> None:
    condition = UNREADABLE_TYPE + "Conditions: NOT AUTHORIZED TO WORK FOR ANY EMPLOYER OTHER THAN STATED.\n"
    assert _fields(condition).permit_type == "employer_specific"
    assert _fields(UNREADABLE_TYPE + "LMIA / EIMT: 8712093\n").permit_type == "employer_specific"


def test_lmia_exempt_remark_on_an_open_permit_stays_open() -> None:
    text = UNREADABLE_TYPE.replace("   ,' . ~", " UNSPECIFIED") + "Remarks: LMIA EXEMPT - C41.\n"
    assert _fields(text).permit_type == "open"


def test_name_grid_with_values_below_the_labels() -> None:
    text = """\
WORK PERMIT / PERMIS DE TRAVAIL
FAMILY NAME / NOM DE FAMILLE          GIVEN NAME(S) / PRÉNOM(S)
FERREIRA DA SILVA                     LUCAS HENRIQUE
"""
    assert _fields(text).holder_name == "Lucas Henrique Ferreira Da Silva"


def test_name_labels_stacked_with_their_values_below() -> None:
    text = """\
WORK PERMIT / PERMIS DE TRAVAIL
GIVEN NAME(S) / PRÉNOM(S)
FAMILY NAME / NOM DE FAMILLE
AMARA
NWOSU
"""
    assert _fields(text).holder_name == "Amara Nwosu"


def test_name_grid_beside_the_labels_in_french_first() -> None:
    text = (
        "PERMIS DE TRAVAIL\nNOM DE FAMILLE / FAMILY NAME      KOWALCZYK\nPRÉNOM(S) / GIVEN NAME(S)      ZOFIA MARIA\n"
    )
    assert _fields(text).holder_name == "Zofia Maria Kowalczyk"


def test_every_field_read_keeps_where_it_came_from() -> None:
    collected = extract_permit(view_of(PGWP_TWO_COLUMNS))
    for name in (
        "holder_name",
        "uci",
        "permit_number",
        "issue_date",
        "expiry_date",
        "permit_type",
        "conditions",
        "restrictions",
        "coop",
        "refugee_claimant",
    ):
        assert collected.sources[name].snippet, name


BOXED_NAMES = """\
                      WORK PERMIT / PERMIS DE TRAVAIL
UCI / IUC                        Permit No. / No de permis
1203-7715                        U301100442
Family name / Nom de famille
 B   E   R   G   -   L   U   N   D
Given name(s) / Prénom(s)
 A   S   T   R   I   D        M   A   R   I   E
Date of birth / Date de naissance   Sex / Sexe
 1994/07/30                         F
Employer / Employeur
 HOLLOWAY MARINE SERVICES LTD., PORT HARDY, BC
Occupation / Profession
 DECKHAND
"""


def test_names_printed_a_letter_per_box_and_the_employer_without_its_city() -> None:
    fields = _fields(BOXED_NAMES)
    assert fields.holder_name == "Astrid Marie Berg-Lund"
    assert fields.employer == "HOLLOWAY MARINE SERVICES LTD."
    assert fields.permit_type == "employer_specific"
