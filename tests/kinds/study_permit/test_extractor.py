"""Study permits (IMM 1442) read field by field, English, French and OCR-looking (issue 15).

The documents are invented: people, schools and numbers are made up.
"""

from __future__ import annotations

import datetime as dt

from checklist.kinds.study_permit.extractor import extract_study_permit
from checklist.kinds.study_permit.fields import StudyPermitFields
from checklist.models.document import ReadMethod
from tests.support.views import view_of


def _fields(text: str, method: ReadMethod = ReadMethod.TEXT_LAYER) -> StudyPermitFields:
    values = extract_study_permit(view_of(text, method)).values
    return StudyPermitFields.model_validate({k: v for k, v in values.items() if k in StudyPermitFields.model_fields})


ENGLISH = """\
Immigration, Refugees and Citizenship Canada                                   STUDY PERMIT
Immigration, Réfugiés et Citoyenneté Canada                                PERMIS D'ÉTUDES
UCI / IUC                          3390-1187
Permit No. / No de permis          S318840276
Family Name / Nom de famille       OKONJO
Given Name(s) / Prénom(s)          ADAEZE GRACE
Date Issued / Date de délivrance   2021/08/23
Expiry Date / Date d'expiration    2024/12/31
School / Établissement d'enseignement   LAKESHORE INSTITUTE OF TECHNOLOGY
Level of Study / Niveau d'études   COLLEGE
Conditions                         MAY WORK 20 HRS PER WEEK OFF CAMPUS OR FULL-TIME DURING REGULAR
                                   BREAKS IF MEETING CRITERIA OUTLINED IN R186(V). MUST CEASE
                                   WORKING IF NO LONGER MEETING THESE CRITERIA. MUST LEAVE CANADA BY
                                   2024/12/31.
Remarks / Observations             FULL-TIME STUDENT. DLI O192837465012.
"""


def test_english_study_permit_fields() -> None:
    fields = _fields(ENGLISH)
    assert fields.holder_name == "Adaeze Grace Okonjo"
    assert fields.uci == "3390-1187"
    assert fields.permit_number == "S318840276"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2021, 8, 23), dt.date(2024, 12, 31))
    assert fields.school == "LAKESHORE INSTITUTE OF TECHNOLOGY"
    assert fields.conditions == [
        "MAY WORK 20 HRS PER WEEK OFF CAMPUS OR FULL-TIME DURING REGULAR BREAKS IF MEETING CRITERIA OUTLINED IN R186(V).",
        "MUST CEASE WORKING IF NO LONGER MEETING THESE CRITERIA.",
        "MUST LEAVE CANADA BY 2024/12/31.",
    ]


FRENCH = """\
PERMIS D'ÉTUDES / STUDY PERMIT
IMMIGRATION, RÉFUGIÉS ET CITOYENNETÉ CANADA
Numéro de permis : S207719384
IUC : 1044-2981
Nom de famille : BERGERON-NGUYEN
Prénom(s) : THI MAI
Date de délivrance : 15 août 2023
Date d'expiration : 30 novembre 2026
Établissement d'enseignement : CÉGEP DE LA RIVIÈRE-NOIRE (EED O245566778899)
Conditions :
PEUT TRAVAILLER SUR LE CAMPUS DE L'ÉTABLISSEMENT OÙ IL EST INSCRIT À TEMPS PLEIN.
DOIT QUITTER LE CANADA AU PLUS TARD À LA DATE D'EXPIRATION DU PRÉSENT PERMIS.
Observations : ÉTUDIANT À TEMPS PLEIN.
"""


def test_french_study_permit_fields() -> None:
    fields = _fields(FRENCH)
    assert fields.holder_name == "Thi Mai Bergeron-Nguyen"
    assert fields.uci == "1044-2981"
    assert fields.permit_number == "S207719384"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2023, 8, 15), dt.date(2026, 11, 30))
    assert fields.school == "CÉGEP DE LA RIVIÈRE-NOIRE"  # the DLI number is not the school's name
    assert fields.conditions == [
        "PEUT TRAVAILLER SUR LE CAMPUS DE L'ÉTABLISSEMENT OÙ IL EST INSCRIT À TEMPS PLEIN.",
        "DOIT QUITTER LE CANADA AU PLUS TARD À LA DATE D'EXPIRATION DU PRÉSENT PERMIS.",
    ]


OCR = """\
 Immigration, Refugees and Citizenship Canada                 STUDY  PERMIT
 Immigration, Réfugiés et Citoyenneté Canada              PERMIS D' ÉTUDES

 UCI                           2765-0043
 IUC
 Permit N0.                    F102938475
 No de permis
 Date lssued                   2022/01/04
 Date de délivrance
 Exp1ry Date                   2023/08/31
 Date d'expiration
 Family Name                   SILVA
 Nom de famille
 Given Name(s)                 RAFAEL
 Prénom(s)
 School                        NORTHERN LIGHTS UNIVERSITY
 Établissement
 d'enseignement
 Conditions                    MAY ACCEPT EMPLOYMENT ON THE CAMPUS OF THE INSTITUTION AT WHICH
 Conditions                    REGISTERED IN FULL-TIME STUDIES. MUST LEAVE CANADA BY 2023/08/31.
"""


def test_ocr_study_permit_with_the_school_label_on_two_lines() -> None:
    fields = _fields(OCR, ReadMethod.OCR)
    assert fields.permit_number == "F102938475"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2022, 1, 4), dt.date(2023, 8, 31))
    assert fields.holder_name == "Rafael Silva"
    assert fields.school == "NORTHERN LIGHTS UNIVERSITY"
    assert len(fields.conditions) == 2


def test_a_study_permit_has_no_work_permit_fields() -> None:
    assert not {"employer", "permit_type", "restrictions", "coop"} & set(StudyPermitFields.model_fields)
