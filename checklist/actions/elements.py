"""What IRCC asks a reference letter to show, element by element, and which checks say it misses.

One home for this list: the to-do list ticks each element, and the request to the
employer names the ones to add, in English or French. Elements whose `codes` are
empty cannot be seen by the tool (a signature, a letterhead): a person confirms them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterElement:
    key: str
    en: str
    fr: str
    codes: tuple[str, ...] = ()  # the findings that say this element misses or is wrong

    def label(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


LETTER_ELEMENTS: tuple[LetterElement, ...] = (
    LetterElement(
        "letterhead", "printed on the company's letterhead", "imprimée sur le papier à en-tête de l'entreprise"
    ),
    LetterElement(
        "name",
        "the employee's full legal name, as on the passport",
        "le nom complet de la personne employée, comme sur son passeport",
        ("name.mismatch",),
    ),
    LetterElement(
        "contact",
        "the company's address, telephone number and email address",
        "l'adresse, le numéro de téléphone et l'adresse courriel de l'entreprise",
        ("letter.missing-contact", "letter.personal-email"),
    ),
    LetterElement(
        "positions",
        "every position held at the company",
        "chacun des postes occupés dans l'entreprise",
        ("letter.position-missing",),
    ),
    LetterElement("title", "the job title of each position", "le titre de chaque poste", ("letter.missing-title",)),
    LetterElement(
        "dates",
        'the dates worked in each position (start, and end or "still employed")',
        "les dates de travail de chaque poste (début, et fin ou « toujours en poste »)",
        ("letter.missing-dates", "letter.date-before-end", "letter.stale"),
    ),
    LetterElement(
        "hours", "the hours worked per week", "le nombre d'heures travaillées par semaine", ("letter.missing-hours",)
    ),
    LetterElement(
        "salary", "the annual salary (or wage)", "le salaire annuel (ou le taux horaire)", ("letter.missing-salary",)
    ),
    LetterElement(
        "benefits",
        "the benefits (or that there are none)",
        "les avantages sociaux (ou leur absence)",
        ("letter.missing-benefits",),
    ),
    LetterElement(
        "duties",
        "the main duties and responsibilities, in the employer's own words",
        "les principales fonctions et responsabilités, dans les mots de l'employeur",
        ("letter.missing-duties", "duties.copied-from-noc"),
    ),
    LetterElement(
        "claim",
        "facts that agree with the profile (dates, title, hours)",
        "des faits qui concordent avec le profil (dates, titre, heures)",
        ("letter.claim-mismatch",),
    ),
    LetterElement(
        "signer",
        "the name and job title of the supervisor or HR officer who signs",
        "le nom et le titre du superviseur ou de la personne des ressources humaines qui signe",
        ("letter.missing-signatory",),
    ),
    LetterElement("signature", "a signature", "une signature"),
)
