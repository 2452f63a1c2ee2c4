"""The IMM 1442 form: what work permits, study permits and visitor records share.

IRCC prints all three on the same form; the title says which one it is
("WORK PERMIT / PERMIS DE TRAVAIL", "STUDY PERMIT / PERMIS D'ÉTUDES",
"VISITOR RECORD / FICHE DU VISITEUR"). The holder, the UCI, the document
number, the validity dates and the printed conditions are read the same way
for each: this module reads them, each kind's extractor adds its own fields.

Labels are matched as OCR reads them too (stray spaces, O/0, I/l/1), and the
form comes in several layouts: label and value on one line, value below or
above its label, a block of labels then a block of values, surname and given
names in a grid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial

from checklist.kinds.collector import Collector
from checklist.text.boxes import is_boxed_line, unspace_letters
from checklist.text.dates import find_date_range, find_dates
from checklist.text.normalize import clean_value
from checklist.text.ocr import label_pattern
from checklist.text.sentences import split_sentences
from checklist.text.view import Hit, Line, TextView, strip_translation

# Evidence every IMM 1442 kind shares: each of the three profiles includes it,
# so it never tips one kind over another; the printed title does.
COMMON_PROFILE: tuple[tuple[str, float], ...] = (
    (r"imm ?1442", 4),
    (r"\bUCI\b|\bIUC\b|client id", 2),
    (r"immigration,? refugees and citizenship|immigration,? r[ée]fugi[ée]s et citoyennet[ée]", 3),
    (r"not (?:valid|authorized) (?:for|to work)", 2),
    (r"expiry date|date d[’']expiration|valid until|valide jusqu", 1),
    (r"permit (?:no|number)|no de permis|num[ée]ro de permis|document no", 2),
    (r"\bcase type\b|type de cas|genre de cas", 1),
    (r"this does not authori[sz]e re-?entry|ceci n[’']autorise pas", 1),
)


def title_patterns(english: str, french: str) -> tuple[tuple[str, float], ...]:
    """The profile entries of a printed bilingual title: either half, and both together near the top."""
    either = f"{english}|{french}"
    return (
        (either, 3),
        (rf"^.{{0,400}}?(?:{either})", 3),  # a title is printed at the top of the form
        (rf"(?:{english}).{{0,120}}?(?:{french})|(?:{french}).{{0,120}}?(?:{english})", 2),
    )


UCI_RE = re.compile(r"\b(\d{4}[- ]?\d{4}|\d{2}[- ]?\d{4}[- ]?\d{4})\b")
BARE_UCI = re.compile(r"\d{4}-\d{4}|\d{2}-\d{4}-\d{4}")
NUMBER_RE = re.compile(r"\b([A-Z][ -]?\d{9,10})\b")


LABELS: dict[str, re.Pattern[str]] = {
    "uci": re.compile(
        r"(?i)^(?:U\s?C\s?[I1l|]|[I1l|]\s?U\s?C|client\s+ID|ID\s+client|unique\s+client\s+identifier)\b\s*(?:/\s*IUC)?\s*(?:no\.?)?\s*:?"
    ),
    "permit_number": label_pattern(
        "permit no.",
        "permit number",
        "permit #",
        "document no.",
        "document number",
        "no de permis",
        "no. de permis",
        "n° de permis",
        "numéro de permis",
        "numéro du permis",
        "numéro de document",
        "numéro du document",
    ),
    "issue_date": label_pattern(
        "date issued",
        "date of issue",
        "issue date",
        "issued on",
        "issued",
        "date de délivrance",
        "délivré le",
        "valid from",
        "valide du",
        "valide à compter du",
        "en vigueur le",
    ),
    "expiry_date": label_pattern(
        "expiry date",
        "date of expiry",
        "expiration date",
        "expires on",
        "valid until",
        "valid to",
        "date d'expiration",
        "expire le",
        "valide jusqu'au",
        "valide au",
    ),
    "validity": re.compile(
        r"(?i)^(?:validity(?:\s+period)?|period\s+of\s+validity|p[ée]riode\s+de\s+validit[ée]|date\s+de\s+validit[ée]|validit[ée])\b\s*(?:/\s*[^:]*)?:?"
    ),
    "family": label_pattern("family name", "surname", "last name", "nom de famille"),
    "given": label_pattern("given name(s)", "given names", "first name", "prénom(s)", "prénoms"),
    "holder": re.compile(
        r"(?i)^(?:name|nom|holder|name\s+of\s+holder|nom\s+du\s+titulaire)\b(?:\s*/\s*(?:nom|name))?\s*:"
    ),
}
# Any label of the form: never a value of another label.
ANY_LABEL = re.compile(
    r"(?i)^(?:UCI|IUC|client\s+id|permit\s+no|document\s+no|application\s+no|family\s+name|given\s+name|surname|"
    r"date\s+(?:of\s+birth|issued|de\s+naissance|de\s+délivrance)|expiry|sex\b|sexe|country|pays|employer|employeur|"
    r"occupation|profession|location|lieu|conditions|remarks|case\s+type|genre\s+de\s+cas|type\s+de\s+cas|travel\s+doc|nom\b|prénom|"
    r"noc\b|cnp\b|valid\s+for|valide\s+pour|port\s+of|school|établissement|institution)"
)
CONDITIONS_LABEL = re.compile(
    r"(?i)^(?:c\s?[o0]\s?n\s?d\s?[i1l|]\s?t\s?[i1l|]\s?[o0]\s?n\s?s?|conditions?\s+d['’]admission)\b\s*:?"
)
# Labels that end the conditions: the form's next fields.
AFTER_CONDITIONS = re.compile(
    r"(?i)^(?:remarks|remarques|observations|case\s+type|type\s+de\s+cas|genre\s+de\s+cas|port\s+of\s+entry|point\s+d['’]entr"
    r"|valid\s+for|valide\s+pour|this\s+does\s+not|ceci\s+n['’]autorise|office\b|bureau\b|imm\s?1442|this\s+is\s+not\s+a"
    r"|date\s+issued|expiry\s+date|signature|officer|agent\b)"
)
REMARKS_LABEL = re.compile(
    r"(?i)^(?:remarks?|r\s?e\s?m\s?a\s?r\s?k\s?s|remarques|observations)\b\s*(?:/\s*(?:observations|remarques))?\s*:?"
)
AFTER_REMARKS = re.compile(
    r"(?i)^(?:case\s+type|type\s+de\s+cas|genre\s+de\s+cas|port\s+of\s+entry|point\s+d['’]entr|valid\s+for|valide\s+pour"
    r"|this\s+does\s+not|ceci\s+n['’]autorise|office\b|bureau\b|imm\s?1442|this\s+is\s+not\s+a|signature|officer|agent\b)"
)
# Words that open a printed condition (IRCC's standard conditions, English and French).
CONDITION_START = re.compile(
    r"\b(?:NOT\s+(?:AUTHORI[SZ]ED|VALID|PERMITTED)|MUST\s+(?:LEAVE|REPORT|CEASE|BE\s+ENROLLED|NOT)|MAY\s+(?:ACCEPT|WORK|NOT)"
    r"|UNLESS\s+AUTHORI[SZ]ED|PROHIBITED\s+FROM|N['’]EST\s+PAS\s+AUTORIS[ÉE]|NON\s+AUTORIS[ÉE]|DOIT\s+(?:QUITTER|SE\s+PR[ÉE]SENTER|CESSER|[ÊE]TRE)"
    r"|PEUT\s+(?:ACCEPTER|TRAVAILLER)|INTERDIT)",
    re.IGNORECASE,
)


def read_identity(view: TextView, out: Collector, *, number: bool = True) -> dict[str, Hit]:
    """Holder, UCI, document number (when the kind has one) and validity dates.

    Returns what a block of labels then values gave for the kinds' own
    fields (employer, occupation, school), for their extractors to use.
    """
    view.values_above = view.detect_values_above(
        [
            (LABELS["issue_date"], date_cell),
            (LABELS["expiry_date"], date_cell),
            (LABELS["uci"], lambda t: first_match(UCI_RE, t)),
            (LABELS["permit_number"], lambda t: first_match(NUMBER_RE, t)),
        ]
    )
    blocks = _from_block(view, out, number)
    keys = ("uci", "permit_number") if number else ("uci",)
    for key in keys:
        pattern = UCI_RE if key == "uci" else NUMBER_RE
        hit = view.labelled(LABELS[key], partial(first_match, pattern), below=2, skip=ANY_LABEL)
        if hit:
            out.set(key, hit.value, hit)
    if number and "permit_number" not in out.values:
        _unlabelled_number(view, out)
    if "uci" not in out.values:
        _unlabelled_uci(view, out)
    _validity_range(view, out)
    for key in ("issue_date", "expiry_date"):
        hit = view.labelled(LABELS[key], date_cell, below=2, skip=ANY_LABEL)
        if hit:
            out.set(key, hit.value, hit)
    hit = view.labelled(LABELS["validity"], date_cell, below=1, skip=ANY_LABEL)
    if hit:
        out.set("expiry_date", hit.value, hit)  # "Date de validité: 2026-05-01" is the last valid day
    _expiry_after_issue(view, out)
    _holder(view, out)
    return blocks


def read_conditions(view: TextView) -> tuple[list[str], Line | None]:
    """The conditions as printed, one string per sentence, and the line they start on.

    When OCR lost the "Conditions" label, the sentences that open like
    IRCC's standard conditions ("NOT AUTHORIZED TO...", "MUST LEAVE CANADA...")
    are taken wherever they are.
    """
    found = view.paragraph(CONDITIONS_LABEL, AFTER_CONDITIONS)
    if found:
        text, lines = found
        return split_sentences(text, CONDITION_START), lines[0]
    sentences: list[str] = []
    first: Line | None = None
    text = view.prose()
    taken_until = 0
    for match in CONDITION_START.finditer(text):
        if match.start() < taken_until or not match.group(0).isupper():
            continue  # inside the sentence taken before; printed conditions are in capitals, prose is not
        end = re.search(r"[.;](?:\s|$)|:\s+(?=" + CONDITION_START.pattern + ")", text[match.end() :])
        stop = match.end() + (end.start() + 1 if end else len(text))
        sentence = text[match.start() : stop].strip()
        if len(sentence) > 300 or re.search(r"(?i)re-?entry|rentr[ée]e", sentence):
            continue
        sentences.append(sentence)
        taken_until = stop
        first = first or view.line_of_offset(match.start())
    return sentences, first


def read_remarks(view: TextView) -> str:
    """The "Remarks / Observations" field's text ("" when none is printed)."""
    found = view.paragraph(REMARKS_LABEL, AFTER_REMARKS, max_lines=6)
    return found[0] if found else ""


def first_match(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return re.sub(r"[ ]", "", match.group(1)) if match else None


def date_cell(text: str) -> dt.date | None:
    """The date a cell holds: one date, or the same date in both languages ("10 février 2025 / February 10, 2025")."""
    dates = find_dates(text)
    if not dates:
        return None
    if len(text.split()) <= 6 or (len(dates) == 2 and dates[0].value == dates[1].value and len(text.split()) <= 9):
        return dates[0].value  # type: ignore[return-value]
    return None


def name_cell(text: str) -> str | None:
    text = clean_value(unspace_letters(text))
    if not text or re.search(r"\d", text) or len(text.split()) > 5 or "/" in text:
        return None
    if re.match(r"(?i)^(?:nom|prénom|given|family|sex|sexe|date)", text):
        return None
    return text


def person(text: str) -> str:
    """A name printed in capitals, as a name is written ("DELA CRUZ-OKAFOR" -> "Dela Cruz-Okafor")."""
    return " ".join(
        re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word) if word.isupper() else word
        for word in text.split()
    )


OTHER_NUMBERS = re.compile(r"(?i)application|file|dossier|demande|passport|passeport|travel\s+doc|LMIA|EIMT")


def _stacked_names(view: TextView, out: Collector) -> None:
    """Surname and given-name labels on two lines, their values on the next two, in the same order."""
    for line in view.lines[:-3]:
        second = view.lines[line.index + 1]
        order = [
            name
            for text in (line.stripped, second.stripped)
            for name in ("family", "given")
            if LABELS[name].match(text) and not strip_translation(LABELS[name].sub("", text, count=1))
        ]
        if sorted(order) != ["family", "given"]:
            continue
        values = [name_cell(view.lines[line.index + k].stripped) for k in (2, 3)]
        if all(values) and not any(ANY_LABEL.match(str(v)) for v in values):
            names = dict(zip(order, values))
            out.set(
                "holder_name",
                person(f"{names['given']} {names['family']}"),
                view.lines[line.index + 2],
                snippet=f"{line.stripped} / {second.stripped} / {values[0]} / {values[1]}",
            )
            return


def _unlabelled_number(view: TextView, out: Collector) -> None:
    """The document number printed alone (top right on IMM 1442), not an application or file number."""
    for line in view.lines:
        for cell in line.cells:
            match = NUMBER_RE.search(cell.text)
            if match and not OTHER_NUMBERS.search(cell.text):
                out.set("permit_number", re.sub(r"[ -]", "", match.group(1)), line)
                return


def _unlabelled_uci(view: TextView, out: Collector) -> None:
    """A UCI printed alone near the top when OCR lost its label (0000-0000 or 00-0000-0000)."""
    for line in view.lines[:20]:
        if len(line.cells) == 1 and BARE_UCI.fullmatch(line.cells[0].text.strip()):
            out.set("uci", line.cells[0].text.strip(), line)
            return


def _validity_range(view: TextView, out: Collector) -> None:
    """ "Valid from 2024-05-01 to 2026-04-30", "Valide du ... au ...", "Validity: ... - ...": both dates."""
    for label in (LABELS["issue_date"], LABELS["validity"]):
        for line in view.lines:
            if not any(label.search(cell.text) for cell in line.cells):
                continue
            span = find_date_range(line.stripped)
            if span and span[0] <= span[1]:
                out.set("issue_date", span[0], line)
                out.set("expiry_date", span[1], line)
                return


BIRTH_OR_TRAVEL = re.compile(r"(?i)birth|naissance|passport|passeport|travel|voyage")


def _expiry_after_issue(view: TextView, out: Collector) -> None:
    """When OCR lost the expiry label: the bare date printed right after the issue date, later than it."""
    issue = out.values.get("issue_date")
    if "expiry_date" in out.values or not isinstance(issue, dt.date):
        return
    source = out.sources["issue_date"].snippet
    start = next((line.index for line in view.lines if line.stripped in source or source.endswith(line.stripped)), None)
    if start is None:
        return
    for line in view.lines[start + 1 : start + 5]:
        if BIRTH_OR_TRAVEL.search(line.stripped):
            return
        value = date_cell(line.stripped)
        if value is not None and len(line.cells) == 1 and value > issue:
            out.set("expiry_date", value, line)
            return


def _from_block(view: TextView, out: Collector, number: bool) -> dict[str, Hit]:
    """Labels printed as one block and values as the next: pair them in order."""
    block = view.block_values(
        {k: LABELS[k] for k in ("permit_number", "uci", "family", "given", "issue_date", "expiry_date")}
        | {"employer": EMPLOYER_LABEL, "occupation": OCCUPATION_LABEL, "school": SCHOOL_LABEL}
    )
    parsers = {"uci": lambda t: first_match(UCI_RE, t), "issue_date": date_cell, "expiry_date": date_cell}
    if number:
        parsers["permit_number"] = lambda t: first_match(NUMBER_RE, t)
    for key, parse in parsers.items():
        if key in block and parse(str(block[key].value)) is not None:
            out.set(key, parse(str(block[key].value)), block[key])
    if "family" in block and "given" in block:
        out.set("holder_name", person(f"{block['given'].value} {block['family'].value}"), block["family"])
    return {key: block[key] for key in ("employer", "occupation", "school") if key in block}


EMPLOYER_LABEL = re.compile(r"(?i)^(?:employer|employeur|name\s+of\s+employer)\b")
OCCUPATION_LABEL = re.compile(r"(?i)^(?:occupation|profession)\b")
SCHOOL_LABEL = re.compile(
    r"(?i)^(?:school|[ée]tablissement(?:\s+d['’]enseignement)?|institution|designated\s+learning\s+institution|name\s+of\s+(?:school|institution)|[ée]cole)\b"
)


def _with_more_given_names(given: Hit) -> Hit:
    """Given names boxed apart on their own line ("D M I T R I     A L E K S A N D R O V I C H") are all kept."""
    if not is_boxed_line(given.line.text):
        return given  # other cells on the line are other boxes (sex, date of birth)
    cells = [name_cell(cell.text) for cell in given.line.cells]
    if given.value not in cells or len(given.line.cells) < 2 or not all(cells):
        return given
    more = cells[cells.index(given.value) + 1 :]
    return replace(given, value=" ".join([str(given.value), *map(str, more)])) if more else given


def _holder(view: TextView, out: Collector) -> None:
    _stacked_names(view, out)
    family = view.labelled(LABELS["family"], name_cell, below=1, skip=ANY_LABEL)
    given = view.labelled(LABELS["given"], name_cell, below=1, skip=ANY_LABEL)
    if given:
        given = _with_more_given_names(given)
    if family and given:
        out.set(
            "holder_name",
            person(f"{given.value} {family.value}"),
            family,
            snippet=f"{given.snippet} / {family.snippet}",
        )
        return
    hit = view.labelled(LABELS["holder"], name_cell, below=1, skip=ANY_LABEL)
    if hit and "holder_name" not in out.values:
        value = str(hit.value)
        if "," in value:
            last, first = (part.strip() for part in value.split(",", 1))
            value = f"{first} {last}"
        out.set("holder_name", person(value), hit)
