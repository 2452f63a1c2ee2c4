"""The sentences of a request to an employer and of a letter of explanation, in English and French.

`request_lines` and `explanation_lines` turn the decided content (see
`checklist.actions.requests` and `checklist.actions.explanations`) into `Line`s:
a style (title, heading, para, bullet, note) and the text. The writer renders
the same lines as a .txt and a .docx, so both say the same. Every line passes
through `mask_sins`. Values are shown as read; a value that was not read is
said to be unread. No sentence here describes the work: duties are asked for
in the employer's own words, never suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklist.actions.elements import LETTER_ELEMENTS
from checklist.actions.explanations import Explanation
from checklist.actions.requests import Ask, EmployerRequest, Fact
from checklist.privacy import mask_sins

MARKER = "Prepared with cec-checklist."  # the last line of every draft: `checklist.ingest.own` recognises it
MARKER_FR = "Préparé avec cec-checklist."
BLANK = {"en": "[____ {} ____]", "fr": "[____ {} ____]"}


@dataclass(frozen=True)
class Line:
    style: str  # title | heading | para | bullet | note
    text: str


def _lines(pairs: list[tuple[str, str]]) -> list[Line]:
    return [Line(style, mask_sins(text)) for style, text in pairs]


def blank(language: str, what: str) -> str:
    """A gap only the applicant can fill, e.g. "[____ explain why ____]"."""
    return BLANK[language].format(what)


# --- values ---------------------------------------------------------------------------------------------------

FACT_LABELS = {
    "en": {
        "title": "Job title",
        "start": "Start date",
        "end": "End date",
        "hours": "Hours per week",
        "salary": "Salary",
    },
    "fr": {
        "title": "Titre du poste",
        "start": "Date de début",
        "end": "Date de fin",
        "hours": "Heures par semaine",
        "salary": "Salaire",
    },
}
PERIODS = {
    "en": {"year": "per year", "month": "per month", "week": "per week", "hour": "per hour"},
    "fr": {"year": "par année", "month": "par mois", "week": "par semaine", "hour": "de l'heure"},
}
STATES = {
    "en": {"unread": "could not be read", "unknown": "not read", "absent": "not stated", "current": "still employed"},
    "fr": {
        "unread": "n'a pas pu être lu",
        "unknown": "non lu",
        "absent": "non indiqué",
        "current": "toujours en poste",
    },
}


def number(value: str, language: str) -> str:
    """37.5 as "37.5" in English, "37,5" in French."""
    return value.replace(".", ",") if language == "fr" else value


def money(value: str, unit: str | None, language: str) -> str:
    amount = float(value)
    period = PERIODS[language].get(unit or "", "")
    if language == "fr":
        text = f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",") + " $"
    else:
        text = f"${amount:,.2f}"
    return f"{text} {period}".strip()


def fact_text(fact: Fact, language: str) -> str:
    label = FACT_LABELS[language][fact.key]
    sep = " : " if language == "fr" else ": "
    if fact.state == "read" and fact.value is not None:
        if fact.key == "end" and fact.value == "current":
            shown = STATES[language]["current"]
        elif fact.key == "salary":
            shown = money(fact.value, fact.unit, language)
        elif fact.key == "hours":
            shown = number(fact.value, language)
        else:
            shown = fact.value
        return f"{label}{sep}{shown}"
    shown = STATES[language]["unknown" if fact.state == "unread" and not fact.quote else fact.state]
    if fact.quote:
        shown += f" (« {fact.quote} »)" if language == "fr" else f' (the letter says: "{fact.quote}")'
    return f"{label}{sep}{shown}"


# --- the request ----------------------------------------------------------------------------------------------

EN = {
    "subject": "Request for an updated employment reference letter ({employer})",
    "subject_none": "Request for an employment reference letter ({employer})",
    "to_signer": "To: {name}{title}, {employer}",
    "to_hr": "To: Human Resources, {employer}",
    "greeting_signer": "Dear {name},",
    "greeting_hr": "Dear Human Resources team,",
    "intro": "I am applying for permanent residence in Canada under the Canadian Experience Class. Immigration, "
    "Refugees and Citizenship Canada (IRCC) asks for a reference letter from each employer, and the letter I have "
    "for my work as {title} from {start} does not yet show everything IRCC asks for. Could you please issue an "
    "updated letter? The points below say exactly what is needed.",
    "intro_none": "I am applying for permanent residence in Canada under the Canadian Experience Class. Immigration, "
    "Refugees and Citizenship Canada (IRCC) asks for a reference letter from each employer; I do not yet have one "
    "for my work as {title} from {start}. Could you please provide one?",
    "requires": "What IRCC asks a reference letter to show",
    "gives": "What the current letter gives",
    "gives_position": "Position {n}",
    "needed": "What to add or correct",
    "duties_note": "Please describe the duties in your own words, as the work was actually done. They must not be "
    "copied from the National Occupational Classification (NOC) or from any other list, and nothing in this "
    "request suggests how to describe the work.",
    "accuracy": "Everything in the letter must be accurate: if a point above does not match the facts, please write "
    "the facts and tell me, and I will correct my profile instead.",
    "thanks": "Thank you very much for your help.",
    "closing": "Sincerely,",
}
FR = {
    "subject": "Demande d'une attestation d'emploi mise à jour ({employer})",
    "subject_none": "Demande d'une attestation d'emploi ({employer})",
    "to_signer": "À : {name}{title}, {employer}",
    "to_hr": "À : Service des ressources humaines, {employer}",
    "greeting_signer": "Bonjour {name},",
    "greeting_hr": "Madame, Monsieur,",
    "intro": "Je présente une demande de résidence permanente au Canada dans la catégorie de l'expérience "
    "canadienne. Immigration, Réfugiés et Citoyenneté Canada (IRCC) demande une lettre de référence de chaque "
    "employeur, et celle que j'ai pour mon emploi ({title}) depuis le {start} ne contient pas encore tout ce "
    "qu'IRCC demande. Pourriez-vous me remettre une attestation mise à jour? Les points ci-dessous précisent ce "
    "qui manque.",
    "intro_none": "Je présente une demande de résidence permanente au Canada dans la catégorie de l'expérience "
    "canadienne. Immigration, Réfugiés et Citoyenneté Canada (IRCC) demande une lettre de référence de chaque "
    "employeur; je n'en ai pas encore pour mon emploi ({title}) depuis le {start}. Pourriez-vous m'en remettre une?",
    "requires": "Ce qu'IRCC demande dans une lettre de référence",
    "gives": "Ce que la lettre actuelle indique",
    "gives_position": "Poste {n}",
    "needed": "Ce qu'il faut ajouter ou corriger",
    "duties_note": "Veuillez décrire les fonctions dans vos propres mots, telles qu'elles ont réellement été "
    "exercées. Elles ne doivent pas être copiées de la Classification nationale des professions (CNP) ni d'une "
    "autre liste, et rien dans cette demande n'indique comment décrire le travail.",
    "accuracy": "Tout ce que contient la lettre doit être exact : si un point ci-dessus ne correspond pas aux faits, "
    "veuillez indiquer les faits et me le dire; je corrigerai alors mon profil.",
    "thanks": "Je vous remercie de votre aide.",
    "closing": "Cordialement,",
}
WORDS = {"en": EN, "fr": FR}

CONTACT_FR = {
    "address": "l'adresse",
    "telephone number": "le numéro de téléphone",
    "email address": "l'adresse courriel",
}
SIGNER_FR = {"the name and title": "le nom et le titre", "the name": "le nom", "the title": "le titre"}
DATES_FR = {
    "gives no start date": "la lettre n'indique pas de date de début",
    "gives no end date and does not say the job is current": "la lettre n'indique ni date de fin ni que l'emploi se "
    "poursuit",
}


def request_lines(request: EmployerRequest) -> list[Line]:
    """The whole request, top to bottom."""
    lang = request.language
    words = WORDS[lang]
    start = request.claim.get("start", "")
    subject = words["subject"] if request.letter else words["subject_none"]
    pairs: list[tuple[str, str]] = [("title", subject.format(employer=request.employer))]
    pairs.append(("para", _addressee(request, words)))
    pairs.append(
        ("para", words["greeting_signer"].format(name=request.signer) if request.signer else words["greeting_hr"])
    )
    intro = words["intro"] if request.letter else words["intro_none"]
    pairs.append(("para", intro.format(title=request.title, start=start)))
    pairs.append(("heading", words["requires"]))
    pairs += [("bullet", element.label(lang)) for element in LETTER_ELEMENTS]
    if request.letter:
        pairs.append(("heading", words["gives"]))
        for n, position in enumerate(request.positions, 1):
            if len(request.positions) > 1:
                pairs.append(("para", words["gives_position"].format(n=n)))
            pairs += [("bullet", fact_text(fact, lang)) for fact in position.facts]
    pairs.append(("heading", words["needed"]))
    pairs += [("bullet", ask_text(ask, request)) for ask in request.asks]
    pairs += [("para", words["duties_note"]), ("para", words["accuracy"]), ("para", words["thanks"])]
    pairs += [("para", words["closing"]), ("para", request.applicant)]
    pairs.append(("note", MARKER_FR if lang == "fr" else MARKER))
    return _lines(pairs)


def _addressee(request: EmployerRequest, words: dict[str, str]) -> str:
    if not request.signer:
        return words["to_hr"].format(employer=request.employer)
    title = f", {request.signer_title}" if request.signer_title else ""
    return words["to_signer"].format(name=request.signer, title=title, employer=request.employer)


# One sentence per kind of thing to ask, in each language; the values are filled in by name.
ASKS: dict[str, dict[str, str]] = {
    "letter": {
        "en": "A reference letter that shows each of the points above, signed on company letterhead.",
        "fr": "Une lettre de référence qui présente chacun des points ci-dessus, signée, sur papier à en-tête.",
    },
    "own-words": {
        "en": "The duties: {duties}please describe the main duties in your own words.",
        "fr": "Les fonctions : {duties}veuillez décrire les principales fonctions dans vos propres mots.",
    },
    "unread": {
        "en": "Please make sure the letter states {label} clearly; I could not read it in the current letter{quote}.",
        "fr": "Veuillez vous assurer que la lettre indique clairement {label}; je n'ai pas pu le lire dans la lettre "
        "actuelle{quote}.",
    },
    "positions": {
        "en": "Every position I held: the letter lists {listed}, but not my position as {title} from {start}. "
        "Please list each position with its title, dates, hours, salary and duties.",
        "fr": "Chacun de mes postes : la lettre mentionne {listed}, mais pas mon poste ({title}) depuis le {start}. "
        "Veuillez indiquer chaque poste avec son titre, ses dates, ses heures, son salaire et ses fonctions.",
    },
    "renew": {
        "en": "A recent date: the letter is dated {letter_date}; please date the new letter and confirm that I still "
        "work for you.",
        "fr": "Une date récente : la lettre est datée du {letter_date}; veuillez dater la nouvelle lettre et confirmer "
        "que je travaille toujours pour vous.",
    },
    "after-end": {
        "en": "A date after my last day: the letter is dated {letter_date}, before my last day worked ({end}); "
        "please confirm the end date.",
        "fr": "Une date postérieure à mon dernier jour : la lettre est datée du {letter_date}, avant mon dernier jour "
        "de travail ({end}); veuillez confirmer la date de fin.",
    },
    "company-email": {
        "en": "A company email address: the only one in the letter is {email}, a personal (free-mail) address.",
        "fr": "Une adresse courriel de l'entreprise : la seule de la lettre est {email}, une adresse personnelle.",
    },
    "name": {
        "en": "My full legal name: the letter names '{found}'; my name as on my passport is '{applicant}'.",
        "fr": "Mon nom légal complet : la lettre indique « {found} »; mon nom, comme sur mon passeport, est "
        "« {applicant} ».",
    },
    "employer-name": {
        "en": "The employer's name: the letter names '{found}', my profile '{employer}'. If both are names of the "
        "company (a legal and an operating name), please state both.",
        "fr": "Le nom de l'employeur : la lettre indique « {found} », mon profil « {employer} ». S'il s'agit de deux "
        "noms de l'entreprise (dénomination sociale et nom commercial), veuillez indiquer les deux.",
    },
}
ASK_PARTS: dict[str, dict[str, str]] = {
    "en": {
        "no-duties": "the letter lists none; ",
        "noc-duties": "some of them read like the NOC's wording; ",
        "quote": ' (it says: "{}")',
        "listed": "other positions",
        "fix": " If the letter is right, tell me and I will correct my profile; if not, please correct it.",
    },
    "fr": {
        "no-duties": "la lettre n'en décrit aucune; ",
        "noc-duties": "certaines reprennent le libellé de la CNP; ",
        "quote": " (elle indique : « {} »)",
        "listed": "d'autres postes",
        "fix": " Si la lettre est exacte, dites-le-moi et je corrigerai mon profil; sinon, veuillez la corriger.",
    },
}
# A value the letter and the profile give differently, by what differs.
DIFFERS: dict[str, dict[str, str]] = {
    "hours": {
        "en": "The hours per week: the letter gives {letter} h/week, my profile claims {claimed}.",
        "fr": "Les heures par semaine : la lettre indique {letter} h/semaine, mon profil {claimed}.",
    },
    "title": {
        "en": "The job title: the letter gives '{letter}', my profile claims '{claimed}'. If I held more than one "
        "title, please list each with its dates.",
        "fr": "Le titre du poste : la lettre indique « {letter} », mon profil « {claimed} ». Si j'ai occupé plus "
        "d'un poste, veuillez indiquer chacun avec ses dates.",
    },
    "start": {
        "en": "The start date: the letter gives {letter}, my profile claims {claimed}.",
        "fr": "La date de début : la lettre indique le {letter}, mon profil le {claimed}.",
    },
    "end": {
        "en": "The end date: the letter gives {letter}, my profile claims {claimed}.",
        "fr": "La date de fin : la lettre indique le {letter}, mon profil le {claimed}.",
    },
    "ended": {
        "en": "The end date: the letter says the job ended on {letter}, my profile says I still work there.",
        "fr": "La date de fin : la lettre indique que l'emploi a pris fin le {letter}, mon profil que j'y travaille "
        "toujours.",
    },
    "current": {
        "en": "The end date: the letter says I still work there, my profile says the job ended on {letter}.",
        "fr": "La date de fin : la lettre indique que j'y travaille toujours, mon profil que l'emploi a pris fin le "
        "{letter}.",
    },
    "other": {
        "en": "The letter and my profile differ: {text}.",
        "fr": "La lettre et mon profil diffèrent : {text}.",
    },
}


def ask_text(ask: Ask, request: EmployerRequest) -> str:
    """One thing to add or correct, with the values compared; French when the request is French."""
    lang = "fr" if request.language == "fr" else "en"
    v, parts = ask.values, ASK_PARTS[lang]
    label = (ask.element.fr if lang == "fr" else ask.element.en) if ask.element else ""
    if ask.kind == "differs":
        return _differs(v, lang)
    if ask.kind in ASKS:
        duties = parts["no-duties" if ask.code == "letter.missing-duties" else "noc-duties"]
        values = {
            "letter_date": "",
            "end": "",
            "email": "",
            "found": "",
            "applicant": request.applicant,
            "employer": request.employer,
            "title": request.title,
            "start": request.claim.get("start", ""),
            **v,
            "label": label,
            "duties": duties,
            "quote": parts["quote"].format(v["quote"]) if v.get("quote") else "",
            "listed": v.get("listed") or parts["listed"],
        }
        return ASKS[ask.kind][lang].format_map(values)
    return _missing_element(ask, label, lang)


def _differs(v: dict[str, str], lang: str) -> str:
    aspect = v.get("aspect") or "other"
    letter, claimed = v.get("letter", ""), v.get("claimed", "")
    if aspect == "hours":
        letter, claimed = number(letter, lang), number(claimed, lang)
    template = DIFFERS.get(aspect, DIFFERS["other"])[lang]
    return template.format(letter=letter, claimed=claimed, text=v.get("text", "")) + ASK_PARTS[lang]["fix"]


def _missing_element(ask: Ask, label: str, lang: str) -> str:
    """An element the letter does not state, with what exactly misses when the check says so."""
    v = ask.values
    if lang == "en":
        head = f"{label[0].upper()}{label[1:]}" if label else ""
        detail = v.get("missing") or v.get("problem")
        if ask.code == "letter.missing-dates" and detail:
            return f"{head}: the letter {detail}."
        if ask.code == "letter.missing-contact" and detail:
            return f"{head}: the letter has no {detail}."
        if ask.code == "letter.missing-signatory" and detail:
            return f"{head}: the letter does not show {detail} of the person who signs."
        return f"{head}: the letter does not state it." if label else "Please complete the letter."
    head = f"{label[0].upper()}{label[1:]}" if label else "La lettre"
    if ask.code == "letter.missing-dates" and v.get("problem"):
        return f"{head} : {DATES_FR.get(v['problem'], v['problem'])}."
    if ask.code == "letter.missing-contact" and v.get("missing"):
        missing = ", ".join(CONTACT_FR.get(part.strip(), part.strip()) for part in v["missing"].split(","))
        return f"{head} : il manque {missing}."
    if ask.code == "letter.missing-signatory" and v.get("missing"):
        return f"{head} : la lettre n'indique pas {SIGNER_FR.get(v['missing'], v['missing'])} de la personne qui signe."
    return f"{head} : la lettre ne l'indique pas."


# --- letters of explanation -----------------------------------------------------------------------------------

EXPLAIN: dict[str, dict[str, str]] = {
    "en": {
        "draft": "DRAFT TO COMPLETE AND SIGN: fill in every [____ ____] blank in your own words, check every fact "
        "below against your documents, remove what does not apply, then sign. Do not send it as it is.",
        "to": "To: Immigration, Refugees and Citizenship Canada",
        "re": "Re: application for permanent residence, Canadian Experience Class, {applicant}",
        "greeting": "Dear Officer,",
        "facts": "What my documents show",
        "mine": "My explanation",
        "closing": "I confirm that the information in this letter is true and complete.",
        "sign": "Signature: {blank}    Date: {date}",
        "name": "{applicant}",
    },
    "fr": {
        "draft": "BROUILLON À COMPLÉTER ET À SIGNER : remplissez chaque espace [____ ____] dans vos propres mots, "
        "vérifiez chaque fait ci-dessous dans vos documents, retirez ce qui ne s'applique pas, puis signez. Ne "
        "l'envoyez pas tel quel.",
        "to": "À : Immigration, Réfugiés et Citoyenneté Canada",
        "re": "Objet : demande de résidence permanente, catégorie de l'expérience canadienne, {applicant}",
        "greeting": "Madame, Monsieur,",
        "facts": "Ce que montrent mes documents",
        "mine": "Mon explication",
        "closing": "Je confirme que les renseignements de cette lettre sont exacts et complets.",
        "sign": "Signature : {blank}    Date : {date}",
        "name": "{applicant}",
    },
}
EXPLAIN_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "status.maintained": "Letter of explanation: work under maintained status",
        "name.mismatch": "Letter of explanation: my name on a document",
        "employer.name-mismatch": "Letter of explanation: my employer's name on a document",
        "t4.missing-year": "Letter of explanation: a year without a T4",
        "paystub.gap": "Letter of explanation: periods without pay stubs",
        "cec.leave": "Letter of explanation: a leave from work",
    },
    "fr": {
        "status.maintained": "Lettre explicative : travail sous statut maintenu",
        "name.mismatch": "Lettre explicative : mon nom sur un document",
        "employer.name-mismatch": "Lettre explicative : le nom de mon employeur sur un document",
        "t4.missing-year": "Lettre explicative : une année sans feuillet T4",
        "paystub.gap": "Lettre explicative : des périodes sans talons de paie",
        "cec.leave": "Lettre explicative : un congé",
    },
}
BASIS_FR = {
    "maintained status (R186(u))": "le statut maintenu (alinéa 186u) du RIPR)",
    "R186(w) (PGWP application pending)": "l'alinéa 186w) du RIPR (demande de PTPD en cours)",
}


def explanation_lines(explanation: Explanation) -> list[Line]:
    """A draft letter of explanation: the DRAFT marker on top, the facts found, blanks for the rest."""
    lang = explanation.language
    words = EXPLAIN[lang]
    pairs: list[tuple[str, str]] = [
        ("note", words["draft"]),
        ("title", EXPLAIN_TITLES[lang][explanation.topic]),
        ("para", words["to"]),
        ("para", words["re"].format(applicant=explanation.applicant)),
        ("para", words["greeting"]),
        ("heading", words["facts"]),
    ]
    for occurrence in explanation.occurrences:
        claimed = explanation.employers.get(occurrence.job, "") if occurrence.job is not None else ""
        employer = occurrence.values.get("employer") or claimed
        pairs.append(("bullet", _fact_sentence(explanation.topic, occurrence.values, employer, explanation, lang)))
    pairs.append(("heading", words["mine"]))
    pairs += [("para", text) for text in _blanks(explanation.topic, lang)]
    pairs += [
        ("para", words["closing"]),
        ("para", words["sign"].format(blank=blank(lang, "signature"), date=blank(lang, "date"))),
        ("para", words["name"].format(applicant=explanation.applicant)),
        ("note", MARKER_FR if lang == "fr" else MARKER),
    ]
    return _lines(pairs)


def _fact_sentence(topic: str, v: dict[str, str], employer: str, explanation: Explanation, lang: str) -> str:
    if lang == "fr":
        return _fact_fr(topic, v, employer, explanation)
    sentences = {
        "status.maintained": "From {start} to {end} ({days} days) I kept working under {basis}, as shown by {files}.",
        "name.mismatch": "{file} gives my name as '{found}'; my legal name, as on my passport, is '{applicant}'.",
        "employer.name-mismatch": "{file} names my employer '{found}'; my profile names it '{employer}'.",
        "t4.missing-year": "I worked for {employer} in {year}, a completed calendar year, and I have no T4 slip from "
        "{employer} for {year} among my documents.",
        "paystub.gap": "My pay stubs from {employer} do not cover {ranges}.",
        "cec.leave": "The letter from {employer} ({file}) states {leaves}; those days ({hours} hours) are not "
        "counted as work.",
    }
    return _fill(sentences[topic], v, employer, explanation.applicant)


def _fact_fr(topic: str, v: dict[str, str], employer: str, explanation: Explanation) -> str:
    sentences = {
        "status.maintained": "Du {start} au {end} ({days} jours), j'ai continué à travailler sous {basis}, comme le "
        "montrent {files}.",
        "name.mismatch": "{file} indique mon nom ainsi : « {found} »; mon nom légal, comme sur mon passeport, est "
        "« {applicant} ».",
        "employer.name-mismatch": "{file} nomme mon employeur « {found} »; mon profil le nomme « {employer} ».",
        "t4.missing-year": "J'ai travaillé pour {employer} en {year}, une année civile complète, et je n'ai pas de "
        "feuillet T4 de {employer} pour {year} parmi mes documents.",
        "paystub.gap": "Mes talons de paie de {employer} ne couvrent pas les périodes suivantes : {ranges}.",
        "cec.leave": "La lettre de {employer} ({file}) indique : {leaves}; ces jours ({hours} heures) ne sont pas "
        "comptés comme du travail.",
    }
    values = dict(v)
    if "basis" in values:
        values["basis"] = BASIS_FR.get(values["basis"], values["basis"])
    if "ranges" in values:
        values["ranges"] = values["ranges"].replace(" to ", " au ").replace(" days)", " jours)")
    return _fill(sentences[topic], values, employer, explanation.applicant)


def _fill(template: str, v: dict[str, str], employer: str, applicant: str) -> str:
    values = {"employer": employer, "applicant": applicant, **{k: x for k, x in v.items() if x}}

    return template.format_map(_Unread(values))


class _Unread(dict[str, str]):
    """A value a finding did not give is a blank, never a guess."""

    def __missing__(self, key: str) -> str:
        return "[____]"


def _blanks(topic: str, lang: str) -> list[str]:
    """What only the applicant knows, as blanks; nothing here gives a reason for them."""
    en = {
        "status.maintained": [
            "I applied to extend my work permit on {applied}, before it expired on {expiry}.",
            "{why}",
        ],
        "name.mismatch": ["{why}", "{proof}"],
        "employer.name-mismatch": ["{how}", "{proof}"],
        "t4.missing-year": ["{why}", "{other}"],
        "paystub.gap": ["{why}", "{other}"],
        "cec.leave": ["{leave}", "{why}"],
    }
    holes = {
        "en": {
            "applied": "date you applied",
            "expiry": "expiry date of the permit",
            "why": "explain why, in your own words",
            "proof": "the document that shows it, if any",
            "how": "explain how the two names relate",
            "other": "other proof of pay you include",
            "leave": "the kind of leave and its exact dates",
        },
        "fr": {
            "applied": "date de la demande",
            "expiry": "date d'expiration du permis",
            "why": "expliquez pourquoi, dans vos propres mots",
            "proof": "le document qui le prouve, s'il y a lieu",
            "how": "expliquez le lien entre les deux noms",
            "other": "autre preuve de paie jointe",
            "leave": "le type de congé et ses dates exactes",
        },
    }
    fr_status = [
        "J'ai demandé la prolongation de mon permis de travail le {applied}, avant son expiration le {expiry}.",
        "{why}",
    ]
    lines = fr_status if (lang == "fr" and topic == "status.maintained") else en[topic]
    fills = {key: blank(lang, text) for key, text in holes[lang].items()}
    return [line.format(**fills) for line in lines]
