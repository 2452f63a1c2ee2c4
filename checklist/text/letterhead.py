"""The organisation a letterhead or a sender block names, when no legal form is printed beside it:
the words that mark an organisation, a heading that is no name, and the words of a signer's title."""

from __future__ import annotations

import re

from checklist.text.names import looks_like_person
from checklist.text.view import Line, TextView

TITLE_HINT = re.compile(
    r"(?i)\b(?:manager|director|supervisor|officer|president|owner|partner|lead|head|coordinator|administrator|superintendent|"
    r"advisor|adviser|specialist|generalist|business|recruiter|vp|ceo|cfo|coo|cto|hr|human|engineer|principal|chief|"
    r"directeur|directrice|gestionnaire|responsable|superviseur|superviseure|conseill[eè]re?|président|présidente|propriétaire|chef|ressources)\b"
)


ORG_WORDS = re.compile(
    r"(?i)\b(?:clinic|clinique|restaurant|bistro|caf[ée]|group|groupe|services?|solutions|systems|technologies|hospital|"
    r"hôpital|centre|center|école|school|college|collège|university|université|pharmacy|pharmacie|bakery|boulangerie|"
    r"construction|consulting|conseil|studio|agency|agence|foods?|farms?|ferme|logistics|transport|health|santé|"
    r"dental|dentaire|motors?|auto|garage|salon|hotel|hôtel|inn|store|magasin|shop|boutique|market|marché|cabinet|firm|"
    r"care|home|residence|résidence|manor|lodge|nursing|soins|foyer|church|église|municipality|municipalité|city|ville|"
    r"association|society|société|foundation|fondation|institute|institut|laboratory|laboratoire|academy|académie|authority|housing|commission|council|board|department|"
    r"ministry|ministère|régie|office|bureau|cpe|garderie|daycare|child\s?care|épicerie|dépanneur|traiteur|catering|co-?op(?:erative)?|coopérative|partners|associates|enterprises?|entreprises?)\b"
)


HEADING = re.compile(
    r"(?i)^(?:to\s+whom|à\s+qui|attestation|employment|reference|letter|lettre|confirmation|re\b|objet|subject|human\s+resources|ressources\s+humaines|date\b)"
)


def letterhead_name(view: TextView) -> Line | None:
    """The organisation named on the first line of a letterhead (no legal form printed), or in a
    sender block on top ("From: Name / Title / Organisation")."""
    first = view.lines[0].stripped if view.lines else ""
    sender = SENDER.match(first) or looks_like_person(first)
    for line in view.lines[: 6 if sender else 2]:
        text = line.cells[0].text if line.cells else ""
        if sender and (not ORG_WORDS.search(text) or TITLE_HINT.search(text)):
            continue
        if (
            text
            and not HEADING.match(text)
            and not SENDER.match(text)
            and not re.search(r"\d|@|www\.", text)
            and 1 <= len(text.split()) <= 7
            and (ORG_WORDS.search(text) or not looks_like_person(text))
            and _name_shaped(text)
        ):
            return line
    return None


def _name_shaped(text: str) -> bool:
    """A name, not a sentence: no closing punctuation, and its long words mostly capitalised
    ("Riverside Dental Clinic", "Boulangerie du Vieux-Port"), unless it names a kind of organisation."""
    if text.rstrip().endswith((",", ":", ";", "…", "...")):
        return False
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    return bool(ORG_WORDS.search(text)) or capitalised * 2 >= len(long_words)


SENDER = re.compile(r"(?i)^(?:from|de|expéditeur|sender)\s*:")
