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
