"""Letters from IRCC read field by field: acknowledgements of receipt, interim
authorizations (R186(u)), R186(w) letters, in English and French, from text
layers and OCR-looking text (issue 15).

The letters are invented, in our own words: people and numbers are made up.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.kinds.ircc_letter.extractor import extract_ircc_letter
from checklist.kinds.ircc_letter.fields import IrccLetterFields
from checklist.models.document import DocumentKind, ReadMethod
from tests.support.views import kind_of, view_of


def _fields(text: str, method: ReadMethod = ReadMethod.TEXT_LAYER) -> IrccLetterFields:
    values = extract_ircc_letter(view_of(text, method)).values
    return IrccLetterFields.model_validate({k: v for k, v in values.items() if k in IrccLetterFields.model_fields})


RECEIPT = """\
Immigration, Refugees and Citizenship Canada        Immigration, Réfugiés et Citoyenneté Canada

Date:                  August 4, 2025
Application No.:       W311209847
UCI:                   1093-4470
Date received:         August 1, 2025

PRIYA NAIR
4410 Birchmount Crescent
Mississauga ON L5B 2K9

Subject: Acknowledgement of receipt

Dear Priya Nair,

Thank you for your application to extend your work permit. We have received your application and
will review it. Keep this letter: it shows the day we received your application.

If your work permit expires while we process your application, you may keep working under the
conditions of your current work permit until we make a decision (maintained status), as long as
you stay in Canada.

Immigration, Refugees and Citizenship Canada
"""


def test_acknowledgement_of_receipt() -> None:
    fields = _fields(RECEIPT)
    assert fields.letter_type == "acknowledgement_of_receipt"
    assert fields.holder_name == "Priya Nair"
    assert fields.uci == "1093-4470"
    assert fields.application_number == "W311209847"
    assert fields.application_type == "work_permit_extension"
    assert fields.received_date == dt.date(2025, 8, 1)
    assert fields.letter_date == dt.date(2025, 8, 4)
    assert fields.valid_until is None


INTERIM = """\
Immigration, Refugees and Citizenship Canada
                                                     Date: 2025-09-02
                                                     Application number: W309918273
                                                     UCI: 11-2345-6601

TOMASZ WIŚNIEWSKI
77 Larkspur Lane, Unit 4
Halifax NS B3M 1A1

Interim authorization to work in Canada (WP-EXT)

Dear Tomasz Wiśniewski:

This letter confirms that you are authorized to work in Canada under paragraph 186(u) of the
Immigration and Refugee Protection Regulations while we process your application to extend your
work permit, which we received on August 28, 2025. You must keep to the conditions of your
previous work permit, which expired on September 1, 2025.

This letter is valid until February 24, 2026. You may show it to your employer.
"""


def test_interim_authorization_letter() -> None:
    fields = _fields(INTERIM)
    assert fields.letter_type == "interim_authorization"
    assert fields.holder_name == "Tomasz Wiśniewski"
    assert fields.uci == "11-2345-6601"
    assert fields.application_number == "W309918273"
    assert fields.application_type == "work_permit_extension"
    assert fields.received_date == dt.date(2025, 8, 28)
    assert fields.letter_date == dt.date(2025, 9, 2)
    assert fields.valid_until == dt.date(2026, 2, 24)  # not the old permit's expiry


R186W = """\
Immigration, Refugees and Citizenship Canada
Date: 2024-06-10
Application number: W304455661
UCI: 1190-7782
Client name: Mateo Alvarez Quispe
Type of application: Post-graduation work permit

This letter confirms that you are authorized to work full time in Canada without a work permit
under paragraph R186(w) while we process your application, which we received on 2024-06-03.
This letter is valid until 2024-11-30.
"""


def test_r186w_letter_for_a_pending_pgwp() -> None:
    fields = _fields(R186W)
    assert fields.letter_type == "r186w"
    assert fields.application_type == "pgwp"
    assert fields.holder_name == "Mateo Alvarez Quispe"
    assert fields.received_date == dt.date(2024, 6, 3)
    assert fields.valid_until == dt.date(2024, 11, 30)


def test_an_authorization_for_a_pgwp_is_r186w_even_without_the_paragraph() -> None:
    text = R186W.replace("under paragraph R186(w) ", "")
    assert _fields(text).letter_type == "r186w"


FRENCH_RECEIPT = """\
Immigration, Réfugiés et Citoyenneté Canada
Date : le 12 mars 2025
Numéro de la demande : W307766554
IUC : 1021-5588
Date de réception : 10 mars 2025
Type de demande : Prolongation du permis d'études

Accusé de réception

Bonjour Léa Martin,

Nous avons reçu votre demande de prolongation de votre permis d'études. Conservez cette lettre :
elle indique la date à laquelle nous avons reçu votre demande.
"""


def test_french_acknowledgement_of_receipt() -> None:
    fields = _fields(FRENCH_RECEIPT)
    assert fields.letter_type == "acknowledgement_of_receipt"
    assert fields.holder_name == "Léa Martin"
    assert fields.uci == "1021-5588"
    assert fields.application_number == "W307766554"
    assert fields.application_type == "study_permit_extension"
    assert fields.received_date == dt.date(2025, 3, 10)
    assert fields.letter_date == dt.date(2025, 3, 12)


FRENCH_INTERIM = """\
Immigration, Réfugiés et Citoyenneté Canada
Date : 2025-07-21
Numéro de la demande : W302211009
IUC : 1150-3329

Madame, Monsieur,

La présente lettre confirme que vous êtes autorisé à travailler au Canada en vertu de l'alinéa 186u)
du Règlement pendant que nous traitons votre demande de prolongation de permis de travail, que nous
avons reçue le 15 juillet 2025. Cette lettre est valide jusqu'au 15 janvier 2026.
"""


def test_french_interim_authorization() -> None:
    fields = _fields(FRENCH_INTERIM)
    assert fields.letter_type == "interim_authorization"
    assert fields.application_type == "work_permit_extension"
    assert fields.valid_until == dt.date(2026, 1, 15)
    assert fields.letter_date == dt.date(2025, 7, 21)
    assert fields.holder_name is None  # "Madame, Monsieur" names nobody


def test_ocr_receipt_with_broken_labels() -> None:
    text = """\
 Immigration, Refugees and Citizenship  Canada
 Date :                 2025-04-02
 Appl ication  No. :    W316677889
 UC I :                 1203-9941
 Date  rece ived :      2025-03-30
 Appl ication type :    Application to change conditions, extend my stay or remain in Canada as a worker
 Dear Hana Yoshida,
 We have received your application. This letter confirms the date we received it.
"""
    fields = _fields(text, ReadMethod.OCR)
    assert fields.letter_type == "acknowledgement_of_receipt"
    assert fields.application_number == "W316677889"
    assert fields.uci == "1203-9941"
    assert fields.received_date == dt.date(2025, 3, 30)
    assert fields.letter_date == dt.date(2025, 4, 2)
    assert fields.application_type == "work_permit_extension"  # "remain in Canada as a worker"
    assert fields.holder_name == "Hana Yoshida"


def test_a_visitor_record_application_type() -> None:
    text = RECEIPT.replace("to extend your work permit", "to extend your stay as a visitor (visitor record)")
    assert _fields(text).application_type == "visitor_record"


def test_a_letter_that_neither_acknowledges_nor_authorizes_is_other() -> None:
    text = """\
Immigration, Refugees and Citizenship Canada
Date: 2025-05-05
Application number: W318800112
Dear Omar Farouk,
To continue processing your application for a work permit, you must give your biometrics within
30 days of the date of this letter.
"""
    fields = _fields(text)
    assert fields.letter_type == "other"
    assert fields.application_type == "work_permit"


BILINGUAL_COLUMNS = """\
Immigration, Refugees and Citizenship Canada            Immigration, Réfugiés et Citoyenneté Canada

Date / Date :                          2025-03-17
Name / Nom :                           Chiara Bellandi
UCI / IUC :                            1177-0542
Application no. / No de demande :      W312004417

Authorization to continue working. We received                Autorisation de continuer à travailler. Nous avons
your application to renew your work permit on                 reçu votre demande de renouvellement de permis de
March 14, 2025. You may keep working under the                travail le 14 mars 2025. Vous pouvez continuer à
conditions of your current permit. This letter is             travailler selon les conditions de votre permis.
valid until September 10, 2025.                               Cette lettre est valide jusqu'au 10 septembre 2025.
"""


def test_a_bilingual_letter_in_two_columns() -> None:
    fields = _fields(BILINGUAL_COLUMNS)
    assert fields.letter_type == "interim_authorization"
    assert fields.holder_name == "Chiara Bellandi"
    assert fields.application_number == "W312004417"
    assert fields.received_date == dt.date(2025, 3, 14)
    assert fields.valid_until == dt.date(2025, 9, 10)
    assert fields.letter_date == dt.date(2025, 3, 17)


@pytest.mark.parametrize(
    "sentence",
    [
        "We received your application to extend your stay as a student (study permit) on 6 May 2025.",
        "Your application for a visitor record, received on 6 May 2025, is in process.",
        "This confirms that your application to restore your status was received on May 6, 2025.",
        "Nous avons reçu votre demande de prolongation de votre permis d'études le 6 mai 2025.",
    ],
)
def test_the_day_received_in_the_letters_own_words(sentence: str) -> None:
    text = f"Immigration, Refugees and Citizenship Canada\nApplication number: V300000222\n\n{sentence}\n"
    assert _fields(text).received_date == dt.date(2025, 5, 6)


def test_a_date_after_a_sentence_end_is_not_the_day_received() -> None:
    text = "We received your application. It was sent on 6 May 2025 by courier.\n"
    assert _fields(text).received_date is None


def test_a_letter_that_is_neither_receipt_nor_authorization_is_other() -> None:
    text = (
        "Immigration, Refugees and Citizenship Canada\nUCI: 1144-2020\nApplication number: W310000333\n\n"
        "Biometric instruction letter\nYou must give your fingerprints and photo for your application.\n"
        "This letter does not authorize you to work.\n"
    )
    assert kind_of(text) is DocumentKind.IRCC_LETTER
    assert _fields(text).letter_type == "other"
