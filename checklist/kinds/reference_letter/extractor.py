"""Reference letters: who, what job, when, how many hours, what pay, which duties,
who signed and how to reach the employer (English and French)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial
from typing import cast

from checklist.kinds.collector import Collector
from checklist.kinds.reference_letter.circumstances import leave_spans, read_circumstances
from checklist.kinds.reference_letter.fields import Position
from checklist.kinds.reference_letter.prose_positions import prose_positions
from checklist.models.fields import SalaryPeriod
from checklist.text.cells import date_cell, hours_cell, money_cell
from checklist.text.contacts import EMAIL_RE, PHONE_RE, find_address
from checklist.text.dates import DATE_ANY, DATE_RE, LOOSE_DATE_ANY, MONTH_YEAR, find_dates, loose_date, parse_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.language import detect_language
from checklist.text.money import find_money, nearest_period, parse_amount
from checklist.text.names import (
    HONORIFIC,
    POST_NOMINAL,
    clean_person,
    companies_by_line,
    company_names,
    looks_like_person,
    tidy_company,
)
from checklist.text.normalize import clean_value
from checklist.text.view import Cell, Hit, Line, TextView, line_at, prose_index, strip_translation

NAME = r"((?:[A-ZÀ-Ý][\w'’\-À-ÿ]+|de|da|dos|van|von|del|[A-Z]\.)(?:[ \-](?:[A-ZÀ-Ý][\w'’\-À-ÿ]+|de|da|dos|van|von|del|[A-Z]\.)){1,4})"
# A sentence that starts with the person: "X worked for us from", "X continues to hold", "X provided services to".
SENTENCE_START_EMPLOYEE = (
    rf"(?:^|[.:,;]\s+)(?:{HONORIFIC}\s+)?{NAME}\s+(?:has\s+(?:been\s+(?:employed|working|with)|worked|held|served)"
    rf"|continues\s+to\s+(?:hold|work|be\s+employed)|still\s+(?:holds|works)|(?:worked|works)\s+(?:for|at|with)"
    rf"|provided\s+(?:\w+\s+)?services|(?:is|was)\s+(?:employed|hired)|joined|served\s+(?:as|with))\b"
)
EMPLOYEE_PATTERNS = [
    rf"(?:certif|confirm|verif|attest|stat)\w*\s+that\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:is|was|has|had|worked|works|held|holds|served|joined|occupied|remains)\b",
    rf"\b(?:certifions|confirmons|attestons)\s+(?:par\s+la\s+présente\s+)?que\s+(?:{HONORIFIC}\s+)?{NAME}\s",
    rf"employment\s+of\s+(?:{HONORIFIC}\s+)?{NAME}\s*(?:with|at|by|as|from|,|\()",
    rf"\b(?:employs|employed|hired|engaged)\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:as|since|from|on)\b",
    rf"\bque\s+(?:{HONORIFIC}\s+)?{NAME}\s+(?:occupe|est|a\s+été|a\s+occupé|travaille|était|a\s+travaillé|fait)",
    SENTENCE_START_EMPLOYEE,
    rf"(?:RE|Re|Objet|Subject|OBJET)\s*:[^\n]*?[–—:-]\s*(?:{HONORIFIC}\s+)?{NAME}\s*$",
    rf"\b(?:{HONORIFIC})\s+{NAME}\b",
]
EMPLOYER_PHRASE = re.compile(
    r"(?:employed|working|worked|works|employment|employee|emploi|travaille|poste)\s+(?:with|by|at|for|au\s+sein\s+(?:de|du|de\s+la|des)|chez|par)\s+"
    r"(?:l[’']entreprise\s+|la\s+société\s+)?(.{3,80}?)(?=\s+(?:as|since|from|in|on|until|for|between|depuis|en\s+tant|à\s+titre|comme|du|,)\b|[,.;](?:\s|$)|\s*\()",
    re.IGNORECASE,
)
# "à" ends a title before a place or a manner ("cuisinier à Montréal", "à temps plein") and belongs
# to it before its object ("préposé à l'entrepôt", "éducatrice à l'enfance", "cabane à sucre").
FR_AT = r"à(?!\s+(?:l[’']|la\s|(?!(?:temps|notre|nos|votre|compter|partir|titre|ce|cette|cet|un|une|son|sa|ses|leur|raison|date)\b)(?-i:[a-zà-ÿ])))"
TITLE_STOP = (
    r"(?=\s+(?:since|from|at|with|in|on|until|starting|effective|between|for|and|depuis|du|au\s+sein|chez|"
    + FR_AT
    + r"|dans|within|where|reporting|en\s+tant|de\s+(?:notre|la)|\(|-|–)\b|\s*[,.;(]|\s*$)"
)
TITLE_PATTERNS = [
    rf"\b(?:employed|works?|worked|working|hired|serv(?:es|ed|ing)|engaged|joined|appointed|re-?hired|contracted|retained)\b[^.]{{0,80}}?\bas\s+(?:an?\s+|the\s+|our\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\bin\s+the\s+(?:capacity|role|position)\s+of\s+(?:an?\s+|the\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    (
        r"\b(?:à\s+titre\s+d[e'’]|en\s+qualité\s+d[e'’]|au\s+poste\s+d[e'’])\s*(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{2,60}?)"
        r"(?=\s+(?:depuis|du|au\s+sein|chez|"
        + FR_AT
        + r"|dans|pour|et|entre|de\s+(?:notre|l[’']entreprise)|en\s+(?:date|poste))\b|\s*[,.;(]|\s*$)"
    ),
    rf"\b(?:position|role|title|job)\s+(?:of|as)\s+(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\b(?:poste|fonction|titre)\s+d[e'’]\s*(?:an?\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\b(?:occupe|occupait|a\s+occupé|exerce)\s+(?:le\s+poste|la\s+fonction)?\s*(?:de|d['’])\s*([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{{2,60}}?){TITLE_STOP}",
    rf"\bas\s+(?:an?\s+)([A-Z][\w/&'’\-À-ÿ]*(?:\s+[A-Z&][\w/&'’\-À-ÿ]*){{0,5}}){TITLE_STOP}",
]
# The title a promotion or a later position gave: "was promoted to X", "puis celui de X".
CURRENT_TITLE = (
    r"(?i)\b(?:(?:was\s+)?promoted\s+to|(?:currently|now)\s+(?:holds?|occupies|serves?\s+as|works?\s+as)|"
    r"puis\s+(?:celui|le\s+poste)\s+de|(?:a\s+été\s+)?promue?(?:\s+(?:au\s+poste\s+de|à\s+titre\s+de|comme))?|"
    r"occupe\s+(?:actuellement|maintenant|présentement)\s+le\s+poste\s+de)"
    r"(?:\s+the\s+(?:position|role|title)\s+of)?\s+(?:an?\s+|the\s+)?([A-Za-zÀ-ÿ][\w/&'’\-À-ÿ ]{2,60}?)"
    r"(?=\s+(?:since|from|at|with|in|on|until|effective|depuis|du|au\s+sein|chez|"
    + FR_AT
    + r"|dans|qu[’'e])\b|\s*[,.;(]|\s*$)"
)
NOT_TITLE = re.compile(
    r"(?i)^(?:follows|full[- ]time|part[- ]time|permanent|temporary|an? employee|employee|our employee|a member|needed|required|of|per|soon|well|such|much|long|well as)\b|^(?-i:it|they|we|he|she|you|i)\b"
)
LABELS = {
    "title": re.compile(
        r"(?i)^(?:job\s+title|position(?:\s+(?:title|held))?|title|designation|occupation|poste(?:\s+occupé)?|titre(?:\s+du\s+poste)?|fonction|emploi(?:\s+occupé)?)(?:\s*\d{1,2})?\b\s*:?"
    ),
    "period": re.compile(
        r"(?i)^(?:period(?:\s+of\s+employment)?|période(?:\s+d[’']emploi)?|dates?(?:\s+of\s+employment)?|employment\s+dates|durée)\s*:"
    ),
    "start": re.compile(
        r"(?i)^(?:(?:start(?:ing)?\s+date|date\s+of\s+(?:hire|hiring|joining|appointment|employment)|(?:hire|joining|hiring)\s+date|employed\s+since|employment\s+start(?:\s+date)?|in\s+service\s+since|(?:date\s+of\s+)?commencement|date\s+d[’']embauche|date\s+d[’']entrée(?:\s+en\s+fonction)?|date\s+de\s+début)\b\s*:?|(?:from|du|début)\s*:)"
    ),
    "end": re.compile(
        r"(?i)^(?:(?:(?:employment\s+)?end\s+date|last\s+(?:working\s+)?day(?:\s+of\s+(?:work|employment))?|(?:termination|separation|relieving|leaving)\s+date|date\s+of\s+(?:relieving|leaving|separation|termination|departure|exit)|separation|date\s+de\s+(?:fin|départ|cessation)(?:\s+d[’']emploi)?)\b\s*:?|(?:to|until|au|fin)\s*:)"
    ),
    "hours": re.compile(
        r"(?i)^(?:(?:working\s+|work\s+|regular\s+|scheduled\s+|normal\s+)?hours(?:\s+(?:per|/)\s*week|\s+of\s+work|\s+worked)?|weekly\s+(?:hours|schedule)|heures(?:\s+(?:par\s+semaine|hebdomadaires|de\s+travail))?|horaire(?:\s+(?:de\s+travail|hebdomadaire))?|régime\s+de\s+travail)\b\s*:?"
    ),
    "salary": re.compile(
        r"(?i)^(?:(?:gross\s+)?(?:(?:annual|yearly|monthly|weekly|hourly)\s+)?(?:salary|remuneration|compensation|wage|pay)|hourly\s+rate|rate(?:\s+of\s+pay)?|salaire(?:\s+(?:annuel|mensuel))?|rémunération(?:\s+annuelle)?|taux\s+horaire)\b\s*:?"
    ),
}
CURRENT_RE = re.compile(
    r"(?i)\b(?:currently|presently|continues?\s+to|is\s+(?:still\s+)?employed|remains?\s+employed|to\s+(?:the\s+)?present|to\s+date|until\s+(?:today|now)|to\s+this\s+day|is\s+still|still\s+(?:works|employed|part\s+of|with\s+us)|remains\s+(?:with|on|an?|our)|occupe\s+toujours|est\s+toujours|"
    r"till\s+date|present\b|ongoing|\b(?:has|have)\s+(?:been\s+)?(?:work|employ|serv)\w*\b[^.]{0,150}?\bsince\b|\bdepuis\s+(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}|à\s+ce\s+jour|actuellement|toujours\s+à\s+notre\s+emploi|remains?\s+in\s+our\s+employ|still\s+in\s+our\s+employ|est\s+à\s+notre\s+(?:emploi|service)\s+depuis|jusqu[’']à\s+présent|occupe\s+(?:le\s+poste|depuis)|en\s+poste\s+depuis)"
)
PRESENT_WORD = re.compile(
    r"(?i)^(?:present|current|now|to\s+date|ongoing|à\s+ce\s+jour|aujourd[’']hui|en\s+cours|actuel(?:lement)?|présent|-|—|–|n/?a)$"
)
DUTY_HEADING = re.compile(
    r"(?i)(?:[-–—:]\s*|^)(?:main\s+|key\s+|principal\s+|primary\s+|job\s+)?(?:duties|responsibilities|tasks|responsabilités|tâches|fonctions)"
    r"(?:\s+(?:and|et)\s+(?:responsibilities|duties|responsabilités|tâches))?\s*$"
)
DUTY_HEADER = re.compile(
    r"(?i)(?:\b(?:was|is|were|are|has\s+been|will\s+be)\s+(?:mainly\s+|primarily\s+|chiefly\s+)?responsible\s+for\b|\bétait\s+responsable\s+de\b|\best\s+responsable\s+de\b|\b(?:main|principal|key|primary|major|job|specific)?\s*(?:duties|responsibilities|tasks|functions|responsabilités|tâches|fonctions)\b"
    r"(?:\s+(?:and|et)\s+(?:responsibilities|duties|responsabilités|tâches))?[^.:\n]{0,60}:|(?:duties|responsibilities)\s+(?:include|included|are|were)\b[^:\n]{0,30}:?|"
    r"(?:principales\s+)?(?:tâches|fonctions|responsabilités)\s+(?:sont|étaient|comprennent|incluent)[^:\n]{0,40}:?)"
)
DUTY_STOP = re.compile(
    r"(?i)^(?:should\s+you|if\s+you|please|i\s|we\s+(?:would|will|hope|are\s+pleased)|for\s+(?:any|further|more)|do\s+not\s+hesitate|feel\s+free|sincerely|yours|regards|respectfully|best|kind|cordially|"
    r"this\s+letter|we\s+(?:are|wish|thank|confirm)|(?:his|her|their)\s+(?:salary|position|employment|hours|rate|annual)|"
    r"(?:he|she|they)\s+(?:works|worked|earns|earned|is|was|receives|has)|pour\s+toute|n[’']hésitez|veuillez|salutations|cordialement|"
    r"benefits\b|avantages\b|salary\b|hours\b|signature|per\s*:|for\s+the\s+employer|\(?signed\)?)"
)
CLOSING_RE = re.compile(
    r"(?i)^(?:authori[sz]ed\s+by|issued\s+by|signed\s+by|certified\s+by|sincerely|yours\s+(?:truly|sincerely|faithfully)|regards|best\s+regards|kind\s+regards|warm\s+regards|respectfully|cordially|"
    r"veuillez\s+agréer|recevez|cordialement|salutations|bien\s+à\s+vous|meilleures\s+salutations|with\s+regards|thank\s+you|"
    r"fait\s+à|sign[ée]e?\s+à|issued\s+(?:this|at|on)|dated\s+(?:this|at)|for\s+and\s+on\s+behalf|authori[sz]ed\s+signatory)\b"
)
BENEFITS_RE = re.compile(
    r"(?i)\b(?:benefits?|health|dental|insurance|rrsp|pension|vacation|paid\s+(?:time\s+off|leave)|group\s+plan|avantages?\s+sociaux|"
    r"assurances?\s+collectives?|dentaires?|reer|régime\s+de\s+retraite|vacances|congés\s+payés|avantages)\b"
)
NO_BENEFITS_RE = re.compile(
    r"(?i)\b(?:not\s+eligible|no\s+benefits|without\s+benefits|aucun\s+avantage|n[’']est\s+pas\s+admissible)\b"
)
PAY_CONTEXT = re.compile(
    r"(?i)salary|wage|rate|pay|earn|compensat|remunerat|income|salaire|rémunér|taux|gagne|traitement|paid|receiv|reçoi|"
    r"per\s+(?:hour|annum|year|month|week)|hourly|an\s+hour|a\s+year|/\s*h(?:ou)?r|de\s+l[’']heure|par\s+(?:heure|année|an|mois|semaine)"
)
NOC_RE = re.compile(r"(?i)\b(?:NOC|CNP|TEER)\b(?:\s*(?:2021|code|no\.?|#|:))*\s*[:#]?\s*(\d{5})\b")
TITLE_HINT = re.compile(
    r"(?i)\b(?:manager|director|supervisor|officer|president|owner|partner|lead|head|coordinator|administrator|superintendent|"
    r"advisor|adviser|specialist|generalist|business|recruiter|vp|ceo|cfo|coo|cto|hr|human|engineer|principal|chief|"
    r"directeur|directrice|gestionnaire|responsable|superviseur|superviseure|conseill[eè]re?|président|présidente|propriétaire|chef|ressources)\b"
)


# Lines of a signature block that are no signer's name.
NOT_SIGNER = re.compile(
    r"(?i)^(?:authori[sz]ed\s+signatory|signataire\s+autoris[ée]e?|signature|for\s+and\s+on\s+behalf|on\s+behalf|human\s+resources|"
    r"ressources\s+humaines|hr\s+department|payroll\s+department)\b|\b(?:certificat|attestation|certificate|letter|lettre|"
    r"verification|confirmation)\b"
)
ABBREVIATION = re.compile(r"\b(Inc|Ltd|Corp|Co|Ltée|Ltee|inc|ltée|Mr|Mrs|Ms|Dr|St|Ave|Mme|No|approx|Sr|Jr)\.")


def extract_letter(view: TextView) -> Collector:
    out = Collector()
    prose, starts = prose_index(view)
    # Abbreviation periods become spaces (same length, so offsets still map to lines):
    # sentence patterns then stop at real sentence ends only.
    prose = ABBREVIATION.sub(lambda m: m.group(1) + " ", prose)
    read_circumstances(view, prose, starts, out)
    for begin, end in leave_spans(prose):  # a leave's dates are never the dates of employment
        prose = prose[:begin] + " " * (end - begin) + prose[end:]
    _employer(view, prose, starts, out)
    _employee(view, prose, starts, out)
    positions = (
        _table_positions(view) or _line_positions(view) or _section_positions(view, out) or prose_positions(prose)
    )
    _title(view, prose, starts, out, positions)
    _dates(view, prose, starts, out, positions)
    _hours(view, prose, starts, out, positions)
    _salary(view, prose, starts, out, positions)
    _duties(view, out)
    _benefits(view, prose, starts, out)
    _signatory(view, out)
    _contacts(view, out)
    _letter_date(view, out)
    noc = NOC_RE.search(prose)
    if noc:
        out.set("noc_code", noc.group(1), line_at(view, starts, noc.start()))
    language = detect_language(prose)
    if language:
        out.set("language", language, view.lines[0] if view.lines else None, snippet=f"language detected: {language}")
    positions = _with_duties(positions or [_single_position(out.values)], out)
    if len(positions) > 1 and positions[-1].duties:
        out.values["duties"] = positions[-1].duties  # the flat fields are the latest position's
    out.values["positions"] = [p.model_dump() for p in positions]
    return out


def _with_duties(positions: list[Position], out: Collector) -> list[Position]:
    """Give each position its own duties: a duty block headed by its title, else all duties."""
    blocks: list[tuple[Line, list[str]]] = out.values.pop("_duty_blocks", [])
    everything = out.values.get("duties", [])
    result = []
    for position in positions:
        if position.duties:
            result.append(position)
            continue
        own = [
            duties for heading, duties in blocks if position.job_title and _heads(heading.stripped, position.job_title)
        ]
        result.append(position.model_copy(update={"duties": own[0] if own else everything}))
    return result


def _heads(heading: str, title: str) -> bool:
    """A duty heading names this title ("Sous-Chef", "Duties as Sous-Chef:", "Fonctions de
    développeuse principale :"), and not a longer title that contains it."""
    lowered, wanted = heading.lower(), title.lower()
    start = lowered.find(wanted)
    if start < 0 or (start > 0 and lowered[start - 1].isalpha()):
        return False
    following = lowered[start + len(wanted) : start + len(wanted) + 1]
    return not following.isalpha() and DUTY_HEADING_LEAD.fullmatch(lowered[:start].strip(" -–(")) is not None


DUTY_HEADING_LEAD = re.compile(
    r"(?:(?:main\s+|key\s+)?(?:duties|responsibilities|tasks)(?:\s+(?:as|of))?(?:\s+an?|\s+the)?|as(?:\s+an?)?"
    r"|(?:principales\s+)?(?:fonctions|tâches|responsabilités)(?:\s+(?:de|d[’']|du|en\s+tant\s+que|comme))?(?:\s+la|\s+le|\s+l[’'])?"
    r"|en\s+tant\s+que|comme)?"
)  # what may come before the title in a heading of that position's duties


def _at(view: TextView, starts: list[int], match: re.Match[str], group: int = 1) -> Hit:
    line = line_at(view, starts, match.start(group))
    return Hit(match.group(group), line, match.group(0)[:200])  # type: ignore[arg-type]


def _employer(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    for match in EMPLOYER_PHRASE.finditer(prose):
        candidate = tidy_company(match.group(1))
        if candidate and candidate[0].isupper() and not re.match(r"(?i)(?:us|our|the company|we)\b", candidate):
            known = company_names(prose[match.start(1) : match.start(1) + 90])
            if known and known[0].start() == 0:
                candidate = tidy_company(known[0].group(1))
            out.set("employer_name", _with_period(candidate), _at(view, starts, match))
            return
    names = companies_by_line(view.lines)
    if not names:
        head = _letterhead_name(view)
        if head:
            out.set("employer_name", head.stripped, head)
        return
    counts: dict[str, int] = {}
    for name, _ in names:
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    best = max(names, key=lambda item: (counts[item[0].lower()], -item[1].index))
    out.set("employer_name", _with_period(_whole_wrapped_name(view, prose, *best)), best[1])


def _whole_wrapped_name(view: TextView, prose: str, name: str, line: Line) -> str:
    """A letterhead name wrapped over two lines ("Harbourlight Contact" above "Solutions Inc."):
    the two parts together, when the letter's text names the company so."""
    if line.index == 0 or not line.cells:
        return name
    above = view.lines[line.index - 1]
    part = next((cell.text for cell in above.cells if abs(cell.start - line.cells[0].start) <= 2), "")
    if not part or re.search(r"\d|@", part) or HEADING.match(part) or SENDER.match(part) or len(part.split()) > 5:
        return name
    joined = f"{part} {name}"

    def words(text: str) -> str:  # the prose masks abbreviation periods ("Ltd." -> "Ltd ")
        return " ".join(text.replace(".", " ").split()).lower()

    # the rest of the letter must name it so: the two lines themselves run together in any prose
    rest = " ".join(other.stripped for other in view.lines if other.index not in (above.index, line.index))
    return joined if words(joined) in words(rest) else name


ORG_WORDS = re.compile(
    r"(?i)\b(?:clinic|clinique|restaurant|bistro|caf[ée]|group|groupe|services?|solutions|systems|technologies|hospital|"
    r"hôpital|centre|center|école|school|college|collège|university|université|pharmacy|pharmacie|bakery|boulangerie|"
    r"construction|consulting|conseil|studio|agency|agence|foods?|farms?|ferme|logistics|transport|health|santé|"
    r"dental|dentaire|motors?|auto|garage|salon|hotel|hôtel|inn|store|magasin|shop|boutique|market|marché|cabinet|firm|"
    r"care|home|residence|résidence|manor|lodge|nursing|soins|foyer|church|église|municipality|municipalité|city|ville|"
    r"association|society|société|foundation|fondation|institute|institut|laboratory|laboratoire|academy|académie|authority|housing|commission|council|board|department|"
    r"ministry|ministère|régie|office|bureau|co-?op(?:erative)?|coopérative|partners|associates|enterprises?|entreprises?)\b"
)
HEADING = re.compile(
    r"(?i)^(?:to\s+whom|à\s+qui|attestation|employment|reference|letter|lettre|confirmation|re\b|objet|subject|human\s+resources|ressources\s+humaines|date\b)"
)


def _letterhead_name(view: TextView) -> Line | None:
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
        ):
            return line
    return None


SENDER = re.compile(r"(?i)^(?:from|de|expéditeur|sender)\s*:")


def _with_period(name: str) -> str:
    """Restore the abbreviation period masked in the prose ("Inc " -> "Inc.")."""
    return re.sub(r"\b(Inc|Ltd|Corp|Co|Ltée|Ltee|inc|ltée)$", r"\1.", name.strip())


def _employee(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    label = view.labelled(
        re.compile(
            r"(?i)^(?:employee(?:['’]s)?\s+name|name\s+of\s+(?:the\s+)?employee|employee|nom\s+de\s+l[’']employé(?:e)?|employé(?:e)?|salarié(?:e)?|travailleu(?:r|se))\s*(?::|$)"
        ),
        lambda text: clean_person(text) if looks_like_person(text) else None,
    )
    if label:
        out.set("employee_name", label.value, label)
        return
    for pattern in EMPLOYEE_PATTERNS:
        match = re.search(pattern, prose, re.MULTILINE)
        if match and looks_like_person(match.group(1)):
            out.set("employee_name", clean_person(match.group(1)), _at(view, starts, match))
            return
    for line in view.lines:  # the sentence may start a line after a heading with no full stop
        match = re.match(SENTENCE_START_EMPLOYEE, line.stripped)
        if match and looks_like_person(match.group(1)):
            out.set("employee_name", clean_person(match.group(1)), line)
            return


def _title(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].job_title:
        out.set("job_title", positions[-1].job_title, view.lines[0], snippet="table of positions")
    hit = view.labelled(LABELS["title"], _title_value, below=0)
    if hit:
        out.set("job_title", hit.value, hit)
    for match in reversed(list(re.finditer(CURRENT_TITLE, prose))):  # the latest of several positions
        title = _title_value(match.group(1))
        if title:
            out.set("job_title", title, _at(view, starts, match))
            return
    for pattern in TITLE_PATTERNS:
        for match in re.finditer(pattern, prose):
            title = _title_value(match.group(1))
            if title:
                out.set("job_title", title, _at(view, starts, match))
                return
    subject = _subject_title(view, out.values.get("employee_name"))
    if subject and out.values.get("job_title") is None:
        out.set("job_title", subject.value, subject)


SUBJECT_TITLE = re.compile(
    r"(?i)^(?:re|subject|objet|object|sujet)\s*:\s*"
    r"[^–—:]*?(?:employ|emploi|travail|reference|référence|experience|expérience|verification|vérification|attestation)"
    r"[^–—:]*?\s+[–—-]\s+(?P<title>[^–—]+?)\.?$"
)
PERSON_LEAD = re.compile(r"(?i)^(?:mr|mrs|ms|miss|dr|mme|mlle|m|madame|monsieur)\b\.?\s")


def _subject_title(view: TextView, employee: object) -> Hit | None:
    """The title a subject line names after a dash ("Re: Employment verification – Senior Line Cook",
    "Objet : Confirmation d'emploi – Analyste"), when the body refers to it ("the position named
    above"); a subject that names the person instead ("– Ms. Jane Roe") gives none."""
    for line in view.lines[:25]:
        match = SUBJECT_TITLE.match(line.stripped)
        if not match:
            continue
        text = match.group("title").strip()
        if PERSON_LEAD.match(text) or (employee and str(employee).lower() in text.lower()):
            return None
        title = _title_value(text)
        return Hit(title, line, line.stripped) if title else None
    return None


LEADING_DETERMINER = re.compile(r"(?i)^(?:(?:our|my|his|her|their|the|an?|notre|son|sa|un|une|le|la)\s+|l[’'])")


def _title_value(text: str) -> str | None:
    title = clean_value(
        re.sub(r"(?i)\b(?:on\s+a\s+)?(?:full|part)[- ]time\b|\b(?:permanent|temporary|contract)\b", "", text)
    )
    if title:  # "works as our Logistics Coordinator": the determiner is the letter's, not the title's
        title = clean_value(LEADING_DETERMINER.sub("", title))
    if (
        not title
        or NOT_TITLE.match(title)
        or len(title.split()) > 7
        or DATE_RE.search(title)
        or re.search(r"\d{3}", title)
    ):
        return None
    return title


def _dates(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions:
        # The flat fields describe the latest position (the contract); each position keeps its own
        # span, and the checks take the one a claim describes. A latest position without a start
        # date leaves the first stated start, so a dated letter is never reported as undated.
        first = positions[-1].start_date or min((p.start_date for p in positions if p.start_date), default=None)
        out.set("start_date", first, view.lines[0], snippet="table of positions")
        if positions[-1].end_date:
            out.set("end_date", positions[-1].end_date, view.lines[0], snippet="table of positions")
            out.set("currently_employed", False, view.lines[0], snippet="table of positions: last position ended")
        elif first:
            out.set("currently_employed", True, view.lines[0], snippet="table of positions: to present")
        if first:
            return
    date = LOOSE_DATE_ANY  # "since July 2022", "from 2022 to present" keep their precision
    ranges = [
        rf"(?i)\b(?:from|between|du|de|d[’']|served\s+from)\s*(?:the\s+|le\s+)?({date})\s*(?:,\s*)?(?:to|until|till|through|and|-|–|—|au|à|jusqu[’']au|jusqu[’']en)\s+(?:the\s+|le\s+)?({date}|present|the\s+present|date|today|now|à\s+ce\s+jour|aujourd[’']hui)",
        rf"(?i)({DATE_ANY})\s*(?:-|–|—|to)\s*({DATE_ANY}|present)",
        rf"(?i)(?<![\d/.-])\b({MONTH_YEAR})\s*(?:-|–|—|to|until)\s*({MONTH_YEAR}|present|the\s+present|today)",  # June 2021 – March 2022
    ]
    starts_re = rf"(?i)\b(?:since|depuis(?:\s+le)?|starting(?:\s+on)?|started(?:\s+on)?|commenc(?:ed|ing)(?:\s+(?:employment|work))?(?:\s+on)?|joined(?:\s+\w+){{0,4}}\s+on|began(?:\s+\w+){{0,3}}\s+on|hired\s+on|(?:with\s+)?effect(?:ive)?(?:\s+(?:from|on|as\s+of))?|start(?:ing)?\s+date\s+(?:of|was|is)|en\s+poste\s+depuis|à\s+compter\s+du|en\s+fonction\s+(?:depuis\s+)?le)\s+(?:the\s+|le\s+)?({date})"
    since = [d for d in (loose_date(m.group(1)) for m in re.finditer(starts_re, prose)) if d]
    for pattern in ranges:
        found = list(re.finditer(pattern, prose))
        if found:
            _span_of_ranges(view, starts, found, out, max(since, default=None))
            break
    match = re.search(starts_re, prose)
    if match and (out.values.get("start_date") is None or parse_date(match.group(1))):
        out.set("start_date", loose_date(match.group(1)), _at(view, starts, match))
    ends_re = rf"(?i)\b(?:until|end(?:ed|ing)\s+on|end(?:ed)?\s+date\s+(?:of|was)|last\s+day(?:\s+of\s+(?:work|employment))?\s+(?:was|is|will\s+be)|resigned(?:\s+\w+){{0,3}}\s+(?:on|effective)|terminated\s+on|left(?:\s+\w+){{0,3}}\s+on|jusqu[’']au)\s+(?:the\s+|le\s+)?({date})"
    match = re.search(ends_re, prose)
    if match:
        out.set("end_date", loose_date(match.group(1), end=True), _at(view, starts, match))
    for key in ("start", "end"):
        hit = view.labelled(LABELS[key], partial(date_cell, end=key == "end"), below=1)
        if hit:
            out.set(f"{key}_date", hit.value, hit)
    status = view.labelled(STATUS_LABEL, lambda text: True if CURRENT_STATUS.match(text.strip()) else None, below=0)
    if status and out.values.get("end_date") is None:
        out.set("currently_employed", True, status)
        return
    end = out.values.get("end_date")
    current = CURRENT_RE.search(prose)
    if end is not None:
        out.set("currently_employed", False, None, snippet="an end date is given")
    elif current:
        out.set("currently_employed", True, line_at(view, starts, current.start()), snippet=current.group(0))
    elif positions and positions[-1].start_date and not positions[-1].end_date:
        out.set("currently_employed", True, view.lines[0], snippet="table: to present")


STATUS_LABEL = re.compile(r"(?i)^(?:(?:employment\s+)?status|statut(?:\s+d[’']emploi)?)\s*:?\s*$")
CURRENT_STATUS = re.compile(
    r"(?i)^(?:active|current(?:ly\s+employed)?|employed|en\s+poste|actif|active?|en\s+emploi)\b"
)


def _span_of_ranges(
    view: TextView, starts: list[int], found: list[re.Match[str]], out: Collector, since: dt.date | None
) -> None:
    """The employment a letter's date ranges cover: from the earliest start to the latest end, or to
    the present when any range runs to the present or a later position is held "since" a date after
    the last range (one range per position held)."""
    spans = [(loose_date(m.group(1)), _range_end(m.group(2)), m) for m in found]
    spans = [span for span in spans if span[0] is not None]
    if not spans:
        return
    first = min(spans, key=lambda span: span[0])  # type: ignore[arg-type,return-value]
    out.set("start_date", first[0], _at(view, starts, first[2]))
    open_ended = [span for span in spans if span[1] is None]
    if open_ended:
        out.set("currently_employed", True, _at(view, starts, open_ended[-1][2], 2))
        return
    last = max(spans, key=lambda span: span[1])  # type: ignore[arg-type,return-value]
    if since is not None and last[1] is not None and since > last[1]:
        out.set(
            "currently_employed", True, _at(view, starts, last[2], 2), snippet=f"held since {since} after the range"
        )
        return
    out.set("end_date", last[1], _at(view, starts, last[2], 2))


def _range_end(text: str) -> dt.date | None:
    """The end of a range ("March 2022": its last day); None for "present" and its kin."""
    return (
        None
        if PRESENT_WORD.match(text.strip()) or re.match(r"(?i)the\s+present|date|today|now", text)
        else loose_date(text, end=True)
    )


def _hours(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].hours_per_week:
        out.set("hours_per_week", positions[-1].hours_per_week, view.lines[0], snippet="table of positions")
    found = parse_hours_per_week(prose)
    if found:
        out.set("hours_per_week", found.value, line_at(view, starts, found.start), snippet=found.text)
        return
    hit = view.labelled(LABELS["hours"], hours_cell, below=1)
    if hit:
        out.set("hours_per_week", hit.value, hit)


def _salary(view: TextView, prose: str, starts: list[int], out: Collector, positions: list[Position]) -> None:
    if positions and positions[-1].salary_amount:
        out.set("salary_amount", positions[-1].salary_amount, view.lines[0], snippet="table of positions")
        out.set("salary_period", positions[-1].salary_period, view.lines[0], snippet="table of positions")
    for found in find_money(prose):
        before = prose[max(0, found.start - 80) : found.start]
        after = prose[found.end : found.end + 45]
        if not PAY_CONTEXT.search(before + " " + after[:25]) or re.search(
            r"(?i)bonus|prime|allowance|deposit", before[-30:]
        ):
            continue
        line = line_at(view, starts, found.start)
        out.set("salary_amount", found.value, line, snippet=prose[max(0, found.start - 60) : found.end + 30])
        period = nearest_period(before, after, float(found.value))  # type: ignore[arg-type]
        out.set("salary_period", period, line)
        return
    hit = view.labelled(LABELS["salary"], lambda text: money_cell(text), below=1)
    if hit:
        amount, period = cast("tuple[float, str | None]", hit.value)
        out.set("salary_amount", amount, hit)
        out.set("salary_period", period, hit)


def _benefits(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    label = view.labelled(
        re.compile(r"(?i)^(?:benefits|avantages(?:\s+sociaux)?)\s*(?::|$)"), lambda t: clean_value(t) or None, below=0
    )
    if label and not NO_BENEFITS_RE.search(str(label.value)):
        out.set("benefits", label.value, label)
        return
    offset = 0
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", prose):
        begin = prose.find(sentence, offset)
        offset = begin + len(sentence)
        match = BENEFITS_RE.search(sentence)
        if not match or NO_BENEFITS_RE.search(sentence) or DUTY_HEADER.search(sentence[: match.start()]):
            continue
        if any(duty[:40] in sentence for duty in out.values.get("duties", [])):
            continue  # "insurance claims" in a pharmacy assistant's duties is not a benefit
        line = line_at(view, starts, begin + match.start())
        line_start = starts[line.index] if line else begin
        text = clean_value(prose[max(begin, line_start) if len(sentence.split()) > 30 else begin : offset])
        out.set("benefits", text[:240], line)
        return


def _duties(view: TextView, out: Collector) -> None:
    """All duties listed (every position's, in the letter's order); each block is kept apart."""
    blocks = _duty_blocks(view)
    if blocks:
        out.set(
            "duties", [duty for _, duties in blocks for duty in duties], blocks[0][0], snippet=blocks[0][0].stripped
        )
        out.values["_duty_blocks"] = blocks
        return
    prose_duties = _sentence_duties(view)
    if prose_duties:
        out.set("duties", prose_duties[1], prose_duties[0], snippet="duties written as sentences")
        return
    bullets = _bullet_blocks(view)
    if bullets:
        current = [b for b in bullets if b[0] is not None and CURRENT_RE.search(b[0].stripped)]
        heading, items = (current or bullets)[0]
        out.set("duties", items, heading or None, snippet=heading.stripped if heading else "a list of duties")


PRONOUN_START = re.compile(r"^(?:She|He|They|Il|Elle|Ils|Elles)\s")
NOT_A_DUTY = re.compile(
    r"(?i)\b(?:works?|earns?|is paid|receives?|holds?|has (?:been|worked)|salary|hours|benefits?|employed|joined)\b"
)


def _sentence_duties(view: TextView) -> tuple[Line, list[str]] | None:
    """Duties written as running sentences ("She sits down with clients... She decides..."): 3+ in a row."""
    prose, starts = prose_index(view)
    run: list[tuple[int, str]] = []
    offset = 0
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", prose):
        begin = prose.find(sentence, offset)
        offset = begin + len(sentence)
        if PRONOUN_START.match(sentence) and not NOT_A_DUTY.search(sentence):
            run.append((begin, sentence.strip().rstrip(".")))
            continue
        if len(run) >= 3:
            break
        run = []
    if len(run) < 3:
        return None
    return line_at(view, starts, run[0][0]), [text for _, text in run]  # type: ignore[return-value]


def _bullet_blocks(view: TextView) -> list[tuple[Line | None, list[str]]]:
    """Bulleted lists of 3+ items with the line that heads each (no 'duties' heading in the letter)."""
    blocks: list[tuple[Line | None, list[str]]] = []
    items: list[str] = []
    heading: Line | None = None
    indent = 0
    for line in [*view.lines, None]:
        if line is not None and BULLET.match(line.text):
            items.append(_duty_text(line.stripped))
            indent = len(line.text) - len(line.text.lstrip())
            continue
        hanging = line is not None and len(line.text) - len(line.text.lstrip()) > indent + 1
        if line is not None and items and (line.stripped[:1].islower() or hanging):
            items[-1] += " " + line.stripped
            continue
        if len(items) >= 3:
            blocks.append((heading, items))
        items, heading = [], line
    return blocks


def _duty_blocks(view: TextView) -> list[tuple[Line, list[str]]]:
    blocks: list[tuple[Line, list[str]]] = []
    for line in view.lines:
        header = DUTY_HEADER.search(line.stripped) or DUTY_HEADING.search(line.stripped)
        if not header:
            continue
        rest = line.stripped[header.end() :].strip(" :")
        sentence = _sentence_from(view, line, header.end())
        lead = FOLLOWING.match(rest)
        following = _following_sentences(view, line, line.stripped.index(rest) + lead.end()) if lead else []
        if len(following) >= 2:
            duties = following
        elif sentence.count(";") >= 2:
            duties = _inline_duties(sentence)
        else:
            duties = _inline_duties(rest) if len(rest) > 40 else _listed_duties(view, line)
        if duties and not any(duties[0] in previous for _, previous in blocks):
            blocks.append((line, duties))
    return blocks


FOLLOWING = re.compile(
    r"(?i)^(?:for\s+)?(?:the\s+following|as\s+follows|(?:sont\s+)?les\s+suivantes|suivantes)\s*[.:]\s*"
)
NOT_A_DUTY_SENTENCE = re.compile(
    r"^(?:He|She|They|We|Our|His|Her|Their|I|It|This|These|If|Should|Please|Feel|Regards|Sincerely|Yours|Best|Kind"
    r"|Il|Elle|Ils|Elles|Nous|Son|Sa|Ses|Leur|Veuillez|Pour|Si|Cordialement|N'hésitez|Mr|Mrs|Ms|Mme|M)\b"
)


def _text_after(view: TextView, line: Line, start: int) -> str:
    """The text from `start` on a line over the next lines, abbreviation periods masked (sentence ends only)."""
    text = " ".join(
        [line.stripped[start:]] + [after.stripped for after in view.lines[line.index + 1 : line.index + 12]]
    )
    return ABBREVIATION.sub(lambda m: m.group(1) + " ", text)


def _following_sentences(view: TextView, line: Line, start: int) -> list[str]:
    """Duties written as sentences after "responsible for the following." ("Schedule truckloads with
    carriers. Track shipments."): each sentence a duty, up to one that is about the person or the letter."""
    text = _text_after(view, line, start)
    duties = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", text.strip()):
        if NOT_A_DUTY_SENTENCE.match(sentence) or len(sentence.split()) > 30 or not sentence.endswith((".", "!")):
            break
        duties.append(_duty_text(sentence))
    return [duty for duty in duties if len(duty) > 8]


def _sentence_from(view: TextView, line: Line, start: int) -> str:
    """The rest of the sentence that starts on a line at `start`, across line breaks."""
    text = _text_after(view, line, start)
    return re.split(r"(?<=\.)\s+(?=[A-ZÀ-Ý])", text.strip(" :"))[0]


def _inline_duties(text: str) -> list[str]:
    text = re.split(r"(?<=\.)\s+(?=[A-Z])", text)[0]
    parts = re.split(r";\s*|\s*•\s*", text)
    if len(parts) < 3:
        parts = re.split(r",\s+(?=[a-z]+(?:ing|e|s)?\s)", text)
    return [_duty_text(part) for part in parts if len(_duty_text(part)) > 8]


def _duty_text(text: str) -> str:
    text = re.sub(r"^(?:and|et)\s+", "", clean_value(text))
    text = re.sub(r"^(?:[-–—•·*▪●○◦■□➢✓›»→✔◆♦o]|\d{1,2}[.)]|[a-z][.)])\s+", "", text)
    return text.rstrip(" .;").strip()


BULLET = re.compile(r"^\s*(?:[-–—•·*▪●○◦■□➢✓›»→✔◆♦]|\d{1,2}[.)]|[a-z][.)])\s+")


def _listed_duties(view: TextView, header: Line) -> list[str]:
    items: list[str] = []
    indent = None
    bulleted = False
    for line in view.lines[header.index + 1 : header.index + 40]:
        text = line.stripped
        if (
            DUTY_STOP.match(text)
            or CLOSING_RE.match(text)
            or (items and (DUTY_HEADER.search(text) or DUTY_HEADING.search(text)))
        ):
            break
        this_indent = len(line.text) - len(line.text.lstrip())
        bullet = BULLET.match(line.text)
        bulleted = bulleted or (bool(bullet) and not items)
        starts_item = bool(bullet) or text[:1].isupper() or not items
        hanging = indent is not None and this_indent > indent + 1 and (bulleted or not text[:1].isupper())
        if items and not bullet and (text[:1].islower() or hanging):
            items[-1] = f"{items[-1]} {text}"
            continue
        if items and bulleted and not bullet:
            break  # the bulleted list has ended
        if not starts_item:
            break
        if items and not bullet and len(text.split()) > 25:
            break  # a paragraph of prose, not a duty
        indent = this_indent
        items.append(text)
    return [d for d in (_duty_text(item) for item in items) if len(d) > 5]


def _signatory(view: TextView, out: Collector) -> None:
    per = view.find(
        re.compile(
            rf"^(?:[Pp]er|[Pp]ar|[Ss]igned(?:\s+by)?|[Ss]igné(?:e)?(?:\s+par)?)\s*:\s*(?:{HONORIFIC}\s+)?{NAME}\s*[,(–-]\s*([^)]+)\)?$"
        )
    )
    if per and not POST_NOMINAL.fullmatch(", " + per.value.group(2).strip(" )")):  # type: ignore[attr-defined]
        out.set("signatory_name", clean_value(per.value.group(1)), per)  # type: ignore[attr-defined]
        out.set("signatory_title", clean_value(per.value.group(2)), per)  # type: ignore[attr-defined]
        return
    closings = [line for line in view.lines if CLOSING_RE.match(line.stripped)]
    start = closings[-1].index + 1 if closings else max(0, len(view.lines) - 8)
    _signature_block(view.lines[start : start + 8], out)


def _signature_block(lines: list[Line], out: Collector) -> None:
    previous: str | None = None
    for position, line in enumerate(lines):
        text = re.sub(
            r"(?i)^(?:signature|signed(?:\s+by)?|\(signed\)|/s/|per|par|name|nom)\s*:?\s+", "", line.stripped
        ).strip("_ ")
        if not text or text == previous:
            previous = text
            continue
        previous = text
        bare = POST_NOMINAL.sub("", text).strip(" ,")
        name, _, title = bare.partition(",")
        name = re.sub(rf"^{HONORIFIC}\s+", "", name.strip())
        if (
            not looks_like_person(name)
            or NOT_SIGNER.search(name)
            or ORG_WORDS.search(name)
            or (name.isupper() and len(name.split()) > 2)
        ):
            continue
        text = bare
        out.set("signatory_name", clean_person(name), line)
        if title.strip():
            out.set("signatory_title", clean_value(title), line)
            return
        for next_line in lines[position + 1 : position + 3]:
            candidate = next_line.stripped
            if candidate.startswith(text + ","):
                candidate = candidate[len(text) + 1 :]
            candidate = re.sub(r"(?i)^(?:title|titre|position|poste)\s*:?\s+", "", candidate)
            if candidate != text and _is_signer_title(candidate):
                out.set("signatory_title", clean_value(_without_company(candidate)), next_line)
                return
        return


def _without_company(title: str) -> str:
    """A signer's title without the company named after it ("Owner, Tidewater Cabinetry Ltd.")."""
    head, _, rest = title.partition(",")
    return head.strip() if rest.strip() and company_names(rest) else title


def _is_signer_title(text: str) -> bool:
    """A line under a signer's name that is their title: a title word, or a short line of words that
    is no company, address, phone or e-mail ("Contrôleuse", "Partner")."""
    if EMAIL_RE.search(text) or PHONE_RE.search(text) or len(text) >= 80:
        return False
    if TITLE_HINT.search(text):
        return True
    return (
        len(text.split()) <= 4
        and not re.search(r"\d|www\.|@", text)
        and not company_names(text)
        and not ORG_WORDS.search(text)
        and not looks_like_person(text)
    )


def _contacts(view: TextView, out: Collector) -> None:
    edges = view.lines[:10] + view.lines[-10:]
    found = find_address(view, edges) or find_address(view, view.lines)
    if found:
        out.set("employer_address", found[0], found[1])
    for line in view.lines:
        for match in EMAIL_RE.finditer(line.stripped):
            out.set("employer_email", match.group(0).rstrip(".").replace(" ", ""), line)
        for match in PHONE_RE.finditer(line.stripped):
            if not re.search(r"(?i)fax|télécopieur|téléc", line.stripped[max(0, match.start() - 12) : match.start()]):
                out.set("employer_phone", match.group(0), line)


# "Issued this 9th day of January, 2026", "Fait à Montréal, le 3 mars 2025", "Dated at Regina on ...".
ISSUED_ON = re.compile(rf"(?i)^(?:issued|dated|signed|given|fait|sign[ée]e?|donn[ée]e?)\b[^\n]{{0,60}}?({DATE_ANY})")


def _letter_date(view: TextView, out: Collector) -> None:
    label = view.labelled(
        re.compile(r"(?i)^(?:date|dated|issued(?:\s+on)?|date\s+of\s+issue)\s*:"), parse_date, below=0
    )
    if label:
        out.set("letter_date", label.value, label)
        return
    issued = view.find(ISSUED_ON)
    if issued:
        out.set("letter_date", parse_date(issued.value.group(1)), issued)  # type: ignore[attr-defined]
        return
    for line in view.lines[:15]:
        for cell in line.cells:
            dates = find_dates(cell.text)
            if len(dates) != 1:
                continue
            others = DATE_RE.sub("", cell.text)
            if len(re.findall(r"[A-Za-zÀ-ÿ]+", others)) <= 4 and not re.search(
                r"(?i)since|from|depuis|born|birth", others
            ):
                out.set("letter_date", dates[0].value, line)
                return


# --- positions in repeated sections ("Position 1: ... Position 2: ...") -----------------


def _labelled_title(text: str) -> str | None:
    """The job title after a title label ("Position: Analyst"), if the text starts with one."""
    match = LABELS["title"].match(text)
    return _title_value(strip_translation(text[match.end() :])) if match else None


def _section_positions(view: TextView, out: Collector) -> list[Position]:
    """Letters that repeat a block of labelled lines per position held."""
    heads = [line.index for line in view.lines if line.cells and _labelled_title(line.cells[0].text)]
    if len(heads) < 2:
        return []
    sections = []
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else min(len(view.lines), head + 25)
        part = TextView(view.lines[head:end])
        sub = Collector()
        _title(part, part.prose(), [], sub, [])
        hit = part.labelled(LABELS["period"], lambda t: _range(t), below=0)
        if hit:
            sub.set("start_date", hit.value[0], hit)  # type: ignore[index]
            sub.set("end_date", hit.value[1], hit)  # type: ignore[index]
        for key in ("start", "end"):
            date_hit = part.labelled(LABELS[key], partial(date_cell, end=key == "end"), below=0)
            if date_hit:
                sub.set(f"{key}_date", date_hit.value, date_hit)
        _hours(part, part.prose(), _starts(part), sub, [])
        money = part.labelled(LABELS["salary"], money_cell, below=0)
        if money:
            sub.set("salary_amount", money.value[0], money)  # type: ignore[index]
            sub.set("salary_period", money.value[1], money)  # type: ignore[index]
        _duties(part, sub)
        sub.values.pop("_duty_blocks", None)
        values = {k: sub.values.get(k) for k in Position.model_fields if sub.values.get(k) is not None}
        sections.append((Position.model_validate(values), sub))
    sections.sort(key=lambda item: item[0].start_date or dt.date.min)
    everything = [duty for position, _ in sections for duty in position.duties]
    if everything:
        out.set("duties", everything, None, snippet="duties of each position held")
    return [position for position, _ in sections]


def _starts(view: TextView) -> list[int]:
    return prose_index(view)[1]


def _range(text: str) -> tuple[object, object] | None:
    dates = find_dates(text)
    if not dates:
        return None
    end = dates[1].value if len(dates) > 1 else None
    return dates[0].value, end


# --- positions listed one per line ("Cook (May 2021 to June 2023): 40 hours per week, $18/h") ---

LINE_POSITION = re.compile(
    rf"^[-•*\s]*(?:\d{{1,2}}[.)]\s+)?([A-ZÀ-Ý][\w/&'’\-À-ÿ ]{{2,60}}?)\s*(?:\(|:|–|—|-)\s*(?:from\s+|du\s+|de\s+)?({LOOSE_DATE_ANY})\s*"
    rf"(?:to|until|-|–|—|au|à|jusqu[’']au)\s*({LOOSE_DATE_ANY}|present|today|now|à\s+ce\s+jour|aujourd[’']hui|ce\s+jour)\s*\)?\s*[:,;.–—-]?\s*(.*)$",
    re.IGNORECASE,
)


def _line_positions(view: TextView) -> list[Position]:
    """Two or more lines that each give a title, its dates, and perhaps its hours and pay.

    What the line leaves out (hours, pay, duties) may follow it, up to the next position's line.
    """
    found = _position_lines(view)
    if len(found) < 2:
        return []
    positions = []
    for number, (line, position) in enumerate(found):
        end = found[number + 1][0].index if number + 1 < len(found) else min(len(view.lines), line.index + 15)
        positions.append(_with_body(position, view.lines[line.index + 1 : end]))
    return sorted(positions, key=lambda p: p.start_date or dt.date.min)


def _with_body(position: Position, body: list[Line]) -> Position:
    """A position line's missing hours and pay from the lines under it, and the bullets right under it as its duties."""
    update: dict[str, object] = {}
    for line in body[:3]:
        if BULLET.match(line.text):
            break
        hours = parse_hours_per_week(line.stripped)
        money = money_cell(line.stripped)
        if position.hours_per_week is None and hours and "hours_per_week" not in update:
            update["hours_per_week"] = float(hours.value)  # type: ignore[arg-type]
        if position.salary_amount is None and money and "salary_amount" not in update:
            update |= {"salary_amount": money[0], "salary_period": money[1]}
    duties: list[str] = []
    for line in body:
        if BULLET.match(line.text):
            duties.append(_duty_text(BULLET.sub("", line.text)))
        elif duties:
            break
    if duties:
        update["duties"] = duties
    return position.model_copy(update=update)


# "Retail Sales Associate from May 3, 2021 to June 2, 2023, ..." and "Store Lead since June 3, 2023, ...":
# the title opens the line with no mark after it; a line that starts with a sentence is not one.
LINE_POSITION_WORDED = re.compile(
    rf"^[-•*\s]*(?:\d{{1,2}}[.)]\s+)?([A-ZÀ-Ý][\w/&'’\-À-ÿ ]{{2,60}}?)\s+(?:"
    rf"(?:from|du|de)\s+({LOOSE_DATE_ANY})\s*(?:to|until|-|–|—|au|à|jusqu[’']au)\s*({LOOSE_DATE_ANY}|present|today|now|à\s+ce\s+jour|aujourd[’']hui)"
    rf"|(?:since|depuis(?:\s+le)?)\s+({LOOSE_DATE_ANY}))\s*[:,;.–—-]?\s*(.*)$",
    re.IGNORECASE,
)
SENTENCE_WORDS = re.compile(
    r"(?i)\b(?:worked|works|working|employed|was|is|has|have|had|joined|served|held|holds|a\s+travaillé|travaille|est|était|occupe)\b"
)


def _position_line(text: str) -> tuple[str, str, str | None, str] | None:
    """(title, start, end or None when current, the rest) of a line that opens with a position."""
    match = LINE_POSITION.match(text)
    if match:
        return match.group(1), match.group(2), match.group(3), match.group(4)
    worded = LINE_POSITION_WORDED.match(text)
    if not worded or SENTENCE_WORDS.search(worded.group(1)):
        return None
    if worded.group(4):
        return worded.group(1), worded.group(4), None, worded.group(5)
    return worded.group(1), worded.group(2), worded.group(3), worded.group(5)


def _position_lines(view: TextView) -> list[tuple[Line, Position]]:
    positions = []
    for line in view.lines:
        parts = _position_line(line.stripped)
        title = _title_value(parts[0]) if parts else None
        if not parts or not title or any(label.match(f"{title}:") for label in LABELS.values()):
            continue  # "Période : du ... au ..." is a labelled period, not a position
        _, start, end, rest = parts
        hours = parse_hours_per_week(rest)
        money = money_cell(rest)
        position = Position(
            job_title=title,
            start_date=loose_date(start),
            end_date=_range_end(end) if end else None,
            hours_per_week=float(hours.value) if hours else None,  # type: ignore[arg-type]
            salary_amount=money[0] if money else None,
            salary_period=cast("SalaryPeriod | None", money[1] if money else None),
        )
        positions.append((line, position))
    return positions


# --- positions in tables ----------------------------------------------------------

HEADER_WORDS = {
    "title": re.compile(
        r"(?i)^(?:job\s+|position\s+)?(?:position|title|role|poste|titre(?:\s+du\s+poste)?|fonction|occupation|designation)s?\b"
    ),
    "start": re.compile(
        r"(?i)^(?:from|since|depuis|began|commenced|joined|effective|start(?:ed)?(?:\s+date)?|start\s+of\s+employment|date\s+of\s+hire|hired|du|de|début|date\s+de\s+début|date\s+d[’']entrée|entrée|dates?)\b"
    ),
    "end": re.compile(r"(?i)^(?:to|end(?:ed)?(?:\s+date)?|left|until|au|à|fin|date\s+de\s+fin|départ|sortie)\b"),
    "hours": re.compile(
        r"(?i)^(?:(?:scheduled\s+|weekly\s+|regular\s+)?hours(?:\s*(?:/|per)\s*week)?|hrs|h/(?:week|sem)|heures(?:\s*/\s*semaine|\s+par\s+semaine|\s+hebdomadaires)?)\b"
    ),
    "salary": re.compile(
        r"(?i)^(?:(?:annual|yearly|monthly|weekly|hourly|base|current)\s+)?(?:salary|wage|rate(?:\s+of\s+pay)?|pay|compensation|salaire|rémunération|taux(?:\s+horaire)?)\b"
        r"|^(?:annual|yearly|monthly)(?:\s+(?:base|gross|amount))?$"
    ),
    "duties": re.compile(
        r"(?i)^(?:main\s+|key\s+|principales\s+)?(?:duties|responsibilities|tasks|tâches|fonctions)\b"
    ),
}
CELL_BULLET = re.compile(r"(?:^|\s)[–•▪*✓-]\s+")  # items of a duties cell, once its lines are joined
DAY_FIRST_HINT = re.compile(r"(?i)\b(?:DD|JJ)\s*/\s*MM\s*/\s*(?:YYYY|AAAA)\b|day/month/year|jour/mois/année")


def _table_positions(view: TextView) -> list[Position]:
    for line in view.lines:
        if not _header_columns(line):
            continue
        header, first_row = _whole_header(view, line)
        columns = _header_columns(header)
        if "title" in columns and ("start" in columns or "hours" in columns or "salary" in columns):
            return _rows(view, header, columns, first_row)
    return []


def _whole_header(view: TextView, header: Line) -> tuple[Line, int]:
    """A header printed over two lines ("Weekly" above "hours", "Heures/semai" above "ne") as one
    line, and the index of the first row: the line under a header continues it when each of its
    cells sits under a header cell and it holds no figure (a row holds dates or amounts)."""
    following = header.index + 1
    if following >= len(view.lines):
        return header, following
    below = view.lines[following]
    if re.search(r"\d", below.text) or not below.cells or len(below.cells) > len(header.cells):
        return header, following
    cells = list(header.cells)
    for cell in below.cells:
        above = [i for i, head in enumerate(cells) if cell.overlaps(head, slack=1)]
        if len(above) != 1:
            return header, following
        head = cells[above[0]]
        joined = head.text + cell.text if head.text.endswith(("/", "-")) else f"{head.text} {cell.text}"
        cells[above[0]] = Cell(joined, head.start, max(head.end, cell.end))
    return replace(header, cells=tuple(cells)), following + 1


def _header_columns(line: Line) -> dict[str, Cell]:
    columns: dict[str, Cell] = {}
    for cell in line.cells:
        for key, pattern in HEADER_WORDS.items():
            if pattern.match(cell.text) and key not in columns:
                columns[key] = cell
                break
    return columns


def _rows(view: TextView, header: Line, columns: dict[str, Cell], first_row: int) -> list[Position]:
    rows: list[dict[str, str]] = []
    by_index = {header.cells.index(cell): key for key, cell in columns.items()}
    lines = view.lines[first_row : first_row + 24]
    for number, line in enumerate(lines):
        if re.fullmatch(r"[|\-:+= ]+", line.stripped):
            continue  # a Markdown or ASCII table rule
        values = _row_values(line, header, columns, by_index)
        if rows and not values and _within_columns(line, columns):
            continue  # the rest of a column not read (a long remark under its header)
        if rows and "start" in columns and not values.get("start") and _within_columns(line, columns):
            following = lines[number + 1] if number + 1 < len(lines) else None
            if not _wrapped(values, _row_values(following, header, columns, by_index) if following else None):
                break  # a heading under the table ("Tâches – temps partiel")
            for key, text in values.items():  # a cell wrapped onto the next line ("March 31," / "2022")
                rows[-1][key] = f"{rows[-1].get(key, '')} {text}".strip()
            continue
        if not values.get("title") or not (values.get("start") or values.get("hours") or values.get("salary")):
            break
        rows.append(values)
    return _positions_of_rows(view, rows, columns)


BASIS_NOTE = re.compile(
    r"(?i)\s*\((?:(?:part|full)[- ]?time|casual|seasonal|temporary|permanent|temps\s+(?:partiel|plein)|occasionnel|saisonnier)\)"
)  # "Representative (part-time)", "28 (temps partiel)": the basis, not the title or the hours


def _wrapped(values: dict[str, str], following: dict[str, str] | None) -> bool:
    """A line of cells without a start date is the rest of the row above when it continues several
    cells, a note in brackets or a lowercase word, or when a dated row follows it; a capitalised line
    alone in the title column with no row after it is a heading under the table."""
    title = values.get("title", "")
    if not title or len(values) > 1 or title.startswith("(") or title[:1].islower():
        return True  # cells under other columns than the title's are never a heading
    return bool(following and following.get("start"))


def _within_columns(line: Line, columns: dict[str, Cell]) -> bool:
    """Each cell of the line stays inside one column (a wrapped cell); a sentence runs across them."""
    starts = sorted(cell.start for cell in columns.values())
    for cell in line.cells:
        inside = [start for start in starts if start <= cell.start + 1]
        following = [start for start in starts if start > cell.start + 1]
        if not inside or (following and cell.end > following[0]):
            return False
    return True


def _positions_of_rows(view: TextView, rows: list[dict[str, str]], columns: dict[str, Cell]) -> list[Position]:
    positions = []
    day_first = bool(DAY_FIRST_HINT.search(view.prose()))
    for values in rows:
        if day_first:
            values = {k: _day_first(v) if k in ("start", "end") else v for k, v in values.items()}
        money = money_cell(values.get("salary", ""))
        if money and money[1] is None and "salary" in columns:
            money = (money[0], _period_word(columns["salary"].text))  # "Monthly pay" above "$2,650.00"
        end_text = values.get("end", "")
        duties = [item.strip() for item in CELL_BULLET.split(values.get("duties", "")) if item.strip()]
        positions.append(
            Position(
                job_title=clean_value(BASIS_NOTE.sub("", values["title"])),
                start_date=parse_date(values.get("start", "")),
                end_date=None if PRESENT_WORD.match(end_text.strip()) else parse_date(end_text),
                hours_per_week=hours_cell(BASIS_NOTE.sub("", values.get("hours", ""))),
                salary_amount=money[0] if money else None,
                salary_period=cast("SalaryPeriod | None", money[1] if money else None),
                duties=duties,
            )
        )
    return sorted(positions, key=lambda p: p.start_date or dt.date.min)


PERIOD_WORDS = (
    ("year", re.compile(r"(?i)\b(?:annual|yearly|per\s+year|annuel(?:le)?)\b")),
    ("month", re.compile(r"(?i)\b(?:monthly|per\s+month|mensuel(?:le)?)\b")),
    ("week", re.compile(r"(?i)\b(?:weekly|per\s+week|hebdomadaire)\b")),
    ("hour", re.compile(r"(?i)\b(?:hourly|per\s+hour|horaire)\b")),
)


def _period_word(header: str) -> str | None:
    """The pay period a column header names ("Monthly pay", "Taux horaire")."""
    return next((period for period, pattern in PERIOD_WORDS if pattern.search(header)), None)


def _row_values(line: Line, header: Line, columns: dict[str, Cell], by_index: dict[int, str]) -> dict[str, str]:
    """A table row's cells by column: by position when the row has its own count of cells,
    by index when it has as many cells as the header (tab- or pipe-separated tables)."""
    values: dict[str, str] = {}
    if len(line.cells) == len(header.cells):
        for index, cell in enumerate(line.cells):
            if index in by_index:
                values[by_index[index]] = cell.text
        return values
    for cell in line.cells:
        key = _nearest_column(cell, columns)
        if key:
            values[key] = f"{values.get(key, '')} {cell.text}".strip()
    return values


def _day_first(text: str) -> str:
    """'14/08/2022' written day first (the letter says so) as ISO."""
    match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    return f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}" if match else text


def _nearest_column(cell: Cell, columns: dict[str, Cell]) -> str | None:
    best, best_distance = None, 1e9
    for key, header in columns.items():
        if cell.overlaps(header, slack=3):
            distance = abs(cell.start - header.start)
            if distance < best_distance:
                best, best_distance = key, distance
    return best


def _single_position(values: dict[str, object]) -> Position:
    return Position(**{key: values.get(key) for key in Position.model_fields if values.get(key) is not None})  # type: ignore[arg-type]


__all__ = ["extract_letter", "parse_amount"]
