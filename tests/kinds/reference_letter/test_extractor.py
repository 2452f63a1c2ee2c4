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
