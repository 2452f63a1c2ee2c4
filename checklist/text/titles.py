"""Job titles compared as people write them: case, accents, word order, seniority and French wording aside."""

from __future__ import annotations

from rapidfuzz import fuzz

from checklist.text.normalize import strip_accents, words

TITLE_SIMILAR = 80
# French job-title words to English, so "Ingénieure civile" matches "Civil Engineer".
FR_TITLE_WORDS = {
    "ingenieur": "engineer",
    "ingenieure": "engineer",
    "civil": "civil",
    "civile": "civil",
    "analyste": "analyst",
    "developpeur": "developer",
    "developpeuse": "developer",
    "logiciel": "software",
    "logiciels": "software",
    "technicien": "technician",
    "technicienne": "technician",
    "comptable": "accountant",
    "gestionnaire": "manager",
    "directeur": "director",
    "directrice": "director",
    "infirmier": "nurse",
    "infirmiere": "nurse",
    "cuisinier": "cook",
    "cuisiniere": "cook",
    "conseiller": "advisor",
    "conseillere": "advisor",
    "adjoint": "assistant",
    "adjointe": "assistant",
    "administratif": "administrative",
    "administrative": "administrative",
    "programmeur": "programmer",
    "programmeuse": "programmer",
    "informatique": "it",
    "soutien": "support",
    "donnees": "data",
    "reseau": "network",
    "reseaux": "network",
    "systemes": "systems",
    "systeme": "systems",
    "ventes": "sales",
    "vente": "sales",
    "representant": "representative",
    "representante": "representative",
    "commis": "clerk",
    "superviseur": "supervisor",
    "superviseure": "supervisor",
    "chef": "chef",
    "charpentier": "carpenter",
    "electricien": "electrician",
    "mecanicien": "mechanic",
    "concepteur": "designer",
    "conceptrice": "designer",
    "agent": "officer",
    "agente": "officer",
    "commis-comptable": "bookkeeper",
    "testeur": "tester",
    "testeuse": "tester",
    "assurance": "assurance",
    "qualite": "quality",
    "principal": "senior",
    "principale": "senior",
    "senior": "senior",
    "junior": "junior",
    "des": "",
    "de": "",
    "du": "",
    "la": "",
    "en": "",
}


def _title_key(title: str, language: str | None) -> str:
    tokens = words(strip_accents(title))
    tokens = [FR_TITLE_WORDS.get(token, token) for token in tokens]
    return " ".join(sorted(token for token in tokens if token))


def titles_match(a: str, b: str, language: str | None = None) -> bool:
    """Same title allowing case, accents, word order, seniority words and French wording."""
    key_a, key_b = _title_key(a, language), _title_key(b, language)
    if not key_a or not key_b:
        return True
    return fuzz.token_set_ratio(key_a, key_b) >= TITLE_SIMILAR
