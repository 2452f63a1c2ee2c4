"""Letters from IRCC about a pending application (English and French): what
the letter is, whose application, which application and when IRCC received
it, and how long an interim authorization says it is valid.

The letter type comes from what the letter says of itself: a letter that
confirms the holder may work while an extension is processed (R186(u),
"WP-EXT") is an interim authorization; one that does so for a
post-graduation work permit or under R186(w) is an R186(w) letter; one that
only confirms receipt is an acknowledgement of receipt.
"""

from __future__ import annotations

import re

from checklist.kinds import imm1442
from checklist.kinds.collector import Collector
from checklist.text.dates import DATE_ANY, find_dates, parse_date
from checklist.text.names import clean_person, looks_like_person
from checklist.text.normalize import clean_value
from checklist.text.ocr import BILINGUAL_TAIL, label_pattern
from checklist.text.view import TextView, column_texts, line_at, prose_index

APPLICATION_NUMBER = re.compile(r"\b([A-Z]{1,2}\d{9,10})\b")
LABELS = {
    "letter_date": re.compile(
        r"(?i)^(?:date(?!\s*(?:received|of\s+receipt|de\s+r[ée]ception|of\s+birth|de\s+naissance|re[çc]ue|application))"
        r"|date\s+of\s+(?:this\s+)?letter|date\s+de\s+la\s+lettre)\s*:?"
    ),
    "received_date": label_pattern(
        "date received",
        "date of receipt",
        "date application received",
        "application received on",
        "application received",
        "received on",
        "date de réception de la demande",
        "date de réception",
        "demande reçue le",
        "reçue le",
    ),
    "application_number": label_pattern(
        "application number",
        "application no.",
        "application #",
        "file number",
        "file no.",
        "numéro de la demande",
        "numéro de demande",
        "no de la demande",
        "no de demande",
        "n° de la demande",
        "n° de demande",
        "numéro de dossier",
        "application",  # "Application: V304887120"; the value must still look like a number
    ),
    "application_type": label_pattern(
        "application type", "type of application", "type de demande", "application for", "demande de"
    ),
    "holder": re.compile(
        r"(?i)^(?:name|client(?:\s+name)?|applicant(?:['’]s\s+name)?|principal\s+applicant|nom(?:\s+du\s+client|\s+du\s+demandeur)?|demandeur|demandeuse)"
        + BILINGUAL_TAIL
        + r"\s*:"
    ),
    "valid_until": label_pattern("valid until", "valid to", "valid through", "valide jusqu'au", "valable jusqu'au"),
}
# "received your application [to extend your permit (…)] on", "your application …, received on",
# "nous avons reçu votre demande [de prolongation …] le": the clause may sit between, never a sentence end.
RECEIVED_SENTENCE = re.compile(
    rf"(?i)(?:received\s+your\s+(?:[\w-]+\s+){{0,6}}?application\b[^.;:]{{0,160}}?\s(?:on|dated)"
    rf"|application\b[^.;:]{{0,120}}?(?:,\s*|\s(?:was|has\s+been)\s+)received\s+(?:by\s+(?:us|IRCC)\s+)?on"
    rf"|application\s+(?:was\s+)?received\s+on|date\s+we\s+received\s+it\s*:?"
    rf"|we\s+received\s+(?:it\s+|your\s+application\s+)?on"
    rf"|re[çc]u\s+votre\s+demande\b[^.;:]{{0,120}}?\sle|demande\b[^.;:]{{0,120}}?\sa\s+[ée]t[ée]\s+re[çc]ue\s+le"
    rf"|demande\b[^.;:]{{0,120}}?,\s*re[çc]ue\s+le)\s*:?\s*({DATE_ANY})"
)
VALID_SENTENCE = re.compile(
    rf"(?i)(?:valid\s+(?:until|through)|valide\s+jusqu['’]au|valable\s+jusqu['’]au|expires?\s+on|cette\s+lettre\s+expire\s+le)\s*:?\s*({DATE_ANY})"
)
SALUTATION = re.compile(
    r"^(?:Dear|Bonjour|Cher|Chère|Hello)\s+(?:(?:Mr|Mrs|Ms|Mx|Dr|M|Mme|Mlle|Madame|Monsieur)\.?\s+)?([^,:]{3,60})[,:]?\s*$",
    re.IGNORECASE,
)

AUTHORIZED_TO_WORK = re.compile(
    r"(?i)(?:confirms?|confirm|attests?)\s+that\s+you\s+(?:are|were|may|can)\s+(?:\w+\s+)?(?:authori[sz]ed|eligible|allowed)\s+to\s+(?:continue\s+to\s+)?work"
    r"|authori[sz]ed\s+to\s+(?:continue\s+)?work\s+(?:in\s+Canada\s+)?(?:while|until|without)"
    r"|authori[sz]ation\s+to\s+continue\s+(?:to\s+)?work|autorisation\s+de\s+continuer\s+[àa]\s+travailler"
    r"|interim\s+(?:authori[sz]ation|proof\s+of\s+work)|\bWP-?EXT\b|IMM\s?0127"
    r"|autoris[ée]e?\s+[àa]\s+(?:continuer\s+[àa]\s+)?travailler|autorisation\s+(?:de\s+travail\s+)?(?:provisoire|int[ée]rimaire)|preuve\s+provisoire"
)
R186W = re.compile(r"(?i)\b(?:R\s?)?186\s?\(\s?w\s?\)|alin[ée]a\s+186\s?w")
RECEIPT = re.compile(
    r"(?i)acknowledge?ment\s+of\s+receipt|we\s+(?:have\s+)?received\s+your\s+application|accus[ée]\s+de\s+r[ée]ception|nous\s+avons\s+re[çc]u\s+votre\s+demande"
)

# Application types, most specific first: a PGWP is applied for on the worker's form too.
APPLICATION_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pgwp", re.compile(r"(?i)post[- ]?graduation|\bPGWP\b|post[- ]?dipl[ôo]me|\bPTPD\b")),
    (
        "restoration",
        re.compile(r"(?i)restor(?:ation|e)\s+(?:of\s+)?(?:your\s+)?(?:status|temporary)|r[ée]tablissement"),
    ),
    (
        "work_permit_extension",
        re.compile(
            r"(?i)(?:extend|extension|renew(?:al)?|prolong\w*|prorog\w*)\W+(?:\w+\W+){0,4}?(?:work\s+permit|permis\s+de\s+travail)"
            r"|(?:work\s+permit|permis\s+de\s+travail)\W+(?:\w+\W+){0,2}?(?:extension|renewal|prolongation|prorogation)"
            r"|(?:remain|stay|rester|demeurer)\s+(?:\w+\s+){0,3}?(?:as|en\s+tant\s+que|comme)\s+(?:a\s+)?(?:worker|travailleur|travailleuse)\b|WP-?EXT"
        ),
    ),
    (
        "study_permit_extension",
        re.compile(
            r"(?i)(?:extend|extension|renew(?:al)?|prolong\w*|prorog\w*)\W+(?:\w+\W+){0,4}?(?:study\s+permit|permis\s+d['’]?\s?[ée]tudes)"
            r"|(?:study\s+permit|permis\s+d['’]?\s?[ée]tudes)\W+(?:\w+\W+){0,2}?(?:extension|renewal|prolongation|prorogation)"
            r"|(?:remain|stay|rester|demeurer)\s+(?:\w+\s+){0,3}?(?:as|en\s+tant\s+que|comme)\s+(?:a\s+)?(?:student|[ée]tudiant)"
        ),
    ),
    (
        "visitor_record",
        re.compile(
            r"(?i)visitor\s+record|fiche\s+du\s+visiteur|(?:remain|stay|rester|demeurer)\s+(?:\w+\s+){0,3}?(?:as|en\s+tant\s+que|comme)\s+(?:a\s+)?visit"
        ),
    ),
    (
        "permanent_residence",
        re.compile(r"(?i)permanent\s+residen|r[ée]sidence\s+permanente|express\s+entry|entr[ée]e\s+express"),
    ),
    ("study_permit", re.compile(r"(?i)study\s+permit|permis\s+d['’]?\s?[ée]tudes")),
    ("work_permit", re.compile(r"(?i)work\s+permit|permis\s+de\s+travail")),
)


def extract_ircc_letter(view: TextView) -> Collector:
    out = Collector()
    text, starts = prose_index(view)
    for key in ("letter_date", "received_date", "valid_until"):
        hit = view.labelled(LABELS[key], imm1442.date_cell, below=1)
        if hit:
            out.set(key, hit.value, hit)
    for key, pattern in (("received_date", RECEIVED_SENTENCE), ("valid_until", VALID_SENTENCE)):
        match = pattern.search(text)
        if match:
            out.set(key, parse_date(match.group(1)), line_at(view, starts, match.start()), snippet=match.group(0))
            continue
        for column, first in column_texts(view):  # a bilingual letter in two columns, each read down
            match = pattern.search(column)
            if match:
                out.set(key, parse_date(match.group(1)), first, snippet=match.group(0))
                break
    _letter_date_alone(view, out)
    hit = view.labelled(imm1442.LABELS["uci"], lambda t: imm1442.first_match(imm1442.UCI_RE, t), below=1)
    if hit:
        out.set("uci", hit.value, hit)
    hit = view.labelled(LABELS["application_number"], lambda t: imm1442.first_match(APPLICATION_NUMBER, t), below=1)
    if hit:
        out.set("application_number", hit.value, hit)
    _holder(view, out)
    _application_type(view, out, text)
    _letter_type(view, out, text)
    return out


def _letter_date_alone(view: TextView, out: Collector) -> None:
    """A letter dated on a line of its own near the top ("May 14, 2025"), when no "Date:" label says so."""
    for line in view.lines[:12]:
        dates = find_dates(line.stripped)
        if len(line.cells) == 1 and dates and len(dates[0].text) >= len(line.stripped) - 2:
            out.set("letter_date", dates[0].value, line)
            return


def _holder(view: TextView, out: Collector) -> None:
    for line in view.lines:
        match = SALUTATION.match(line.stripped)
        if match and looks_like_person(clean_person(match.group(1))):
            out.set("holder_name", imm1442.person(clean_person(match.group(1))), line)
            return
    hit = view.labelled(
        LABELS["holder"], lambda t: clean_person(t) if looks_like_person(clean_person(t)) else None, below=1
    )
    if hit:
        value = str(hit.value)
        if "," in value:
            last, first = (part.strip() for part in value.split(",", 1))
            value = f"{first} {last}"
        out.set("holder_name", imm1442.person(value), hit)


def _application_type(view: TextView, out: Collector, text: str) -> None:
    """What was applied for: the "Application type" field (with its wrapped second line), else the letter's words."""
    hit = view.labelled(LABELS["application_type"], lambda t: clean_value(t) or None, below=0)
    stated = ""
    if hit:
        stated = str(hit.value)
        following = view.lines[hit.line.index + 1] if hit.line.index + 1 < len(view.lines) else None
        if (
            following is not None
            and len(following.cells) == 1
            and hit.line.cells[-1].overlaps(following.cells[0], slack=4)
        ):
            stated += " " + following.stripped
    for source in (stated, text):
        for name, pattern in APPLICATION_TYPES:
            if source and pattern.search(source):
                out.set(
                    "application_type",
                    name,
                    hit if source is stated else view.find(pattern),
                    snippet=pattern.search(source).group(0),  # type: ignore[union-attr]
                )
                return


def _letter_type(view: TextView, out: Collector, text: str) -> None:
    authorized = AUTHORIZED_TO_WORK.search(text)
    if authorized and (R186W.search(text) or out.values.get("application_type") == "pgwp"):
        kind, evidence = "r186w", (R186W.search(text) or authorized).group(0)  # type: ignore[union-attr]
    elif authorized:
        kind, evidence = "interim_authorization", authorized.group(0)
    elif RECEIPT.search(text):
        kind, evidence = "acknowledgement_of_receipt", RECEIPT.search(text).group(0)  # type: ignore[union-attr]
    else:
        kind, evidence = "other", ""
    out.set(
        "letter_type",
        kind,
        view.find(re.compile(re.escape(evidence[:30]), re.IGNORECASE)) if evidence else None,
        snippet=evidence or "no receipt or authorization wording",
    )
