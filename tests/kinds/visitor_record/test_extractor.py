"""Visitor records (IMM 1442) read field by field, English, French and OCR-looking (issue 15).

The documents are invented: people and numbers are made up.
"""

from __future__ import annotations

import datetime as dt

from checklist.kinds.visitor_record.extractor import extract_visitor_record
from checklist.kinds.visitor_record.fields import VisitorRecordFields
from checklist.models.document import ReadMethod
from tests.support.views import view_of


def _fields(text: str, method: ReadMethod = ReadMethod.TEXT_LAYER) -> VisitorRecordFields:
    values = extract_visitor_record(view_of(text, method)).values
    return VisitorRecordFields.model_validate(
        {k: v for k, v in values.items() if k in VisitorRecordFields.model_fields}
    )


ENGLISH = """\
Immigration, Refugees and Citizenship Canada                                VISITOR RECORD
Immigration, Réfugiés et Citoyenneté Canada                           FICHE DU VISITEUR
UCI / IUC                          5512-0038
Document No. / No du document      V102284756
Family Name / Nom de famille       ABERNATHY
Given Name(s) / Prénom(s)          COLE
Date Issued / Date de délivrance   2025/02/14
Expiry Date / Date d'expiration    2025/08/13
Conditions                         NOT AUTHORIZED TO WORK OR STUDY IN CANADA. MUST LEAVE CANADA BY
                                   2025/08/13.
Remarks / Observations             EXTENSION OF STAY AS A VISITOR. PREVIOUS WORK PERMIT EXPIRED 2025/01/31.
"""


def test_english_visitor_record_fields() -> None:
    fields = _fields(ENGLISH)
    assert fields.holder_name == "Cole Abernathy"
    assert fields.uci == "5512-0038"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2025, 2, 14), dt.date(2025, 8, 13))
    assert fields.conditions == ["NOT AUTHORIZED TO WORK OR STUDY IN CANADA.", "MUST LEAVE CANADA BY 2025/08/13."]


FRENCH = """\
FICHE DU VISITEUR / VISITOR RECORD
IMMIGRATION, RÉFUGIÉS ET CITOYENNETÉ CANADA
IUC / UCI : 09-8811-2376
Nom / Name : HAMIDI, YASMINE
Date de délivrance / Date issued : 3 février 2025
Valide jusqu'au / Valid until : 2 août 2025
Conditions :
NE PEUT TRAVAILLER NI ÉTUDIER AU CANADA.
DOIT QUITTER LE CANADA AU PLUS TARD LE 2 AOÛT 2025.
"""


def test_french_visitor_record_fields() -> None:
    fields = _fields(FRENCH)
    assert fields.holder_name == "Yasmine Hamidi"
    assert fields.uci == "09-8811-2376"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2025, 2, 3), dt.date(2025, 8, 2))
    assert fields.conditions == [
        "NE PEUT TRAVAILLER NI ÉTUDIER AU CANADA.",
        "DOIT QUITTER LE CANADA AU PLUS TARD LE 2 AOÛT 2025.",
    ]


def test_ocr_visitor_record_with_values_above_their_labels() -> None:
    text = """\
VISITOR RECORD
FICHE DU VISITEUR
1122-3344
UC I / IUC
DUBROVSKY
FAMILY NAME / NOM DE FAMILLE
OLENA
GIVEN NAME(S) / PRÉNOM(S)
2024-11-02
DATE ISSUED / DATE DE DÉLIVRANCE
2025-05-01
EXPIRY DATE / DATE D'EXPIRATION
CONDITIONS:
NOT AUTHORIZED TO ENGAGE IN EMPLOYMENT OR STUDIES IN CANADA.
"""
    fields = _fields(text, ReadMethod.OCR)
    assert fields.uci == "1122-3344"
    assert fields.holder_name == "Olena Dubrovsky"
    assert (fields.issue_date, fields.expiry_date) == (dt.date(2024, 11, 2), dt.date(2025, 5, 1))
    assert fields.conditions == ["NOT AUTHORIZED TO ENGAGE IN EMPLOYMENT OR STUDIES IN CANADA."]


def test_a_visitor_record_has_no_permit_number_field() -> None:
    assert "permit_number" not in VisitorRecordFields.model_fields
