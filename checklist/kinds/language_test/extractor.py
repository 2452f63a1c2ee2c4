"""Language test results: which test, who took it, when, and the four scores as printed.

Result documents put the four skills either as a row of column headers with
the scores beneath (IELTS test report forms, PTE score reports) or one
skill per line with its score beside it (CELPIP score reports, TEF Canada
and TCF Canada attestations), in English or French. A score is read on its
test's own scale (an IELTS half band, a CELPIP level, a 0-699 score, a
TCF writing mark out of 20), so a CLB/NCLC level, a CEFR grade or an
"out of 699" printed beside it is never taken for it. The levels are not
read but computed (see `fields.py` and `clb.py`); an NCLC a TEF
attestation prints is kept for a skill whose score cannot be read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from checklist.kinds.collector import Collector
from checklist.kinds.language_test.clb import SKILLS, Skill
from checklist.text.dates import DATE_ANY, parse_date
from checklist.text.normalize import clean_value
from checklist.text.view import Line, TextView

log = logging.getLogger(__name__)
Parse = Callable[[str], object | None]

# Which test: the earliest name in the document decides; IELTS and PTE then say which module.
TEST_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ielts", re.compile(r"(?i)\bIELTS\b|international english language testing system")),
    ("celpip_general", re.compile(r"(?i)\bCELPIP\b|canadian english language proficiency index")),
    ("pte", re.compile(r"(?i)\bPTE\b|pearson test of english")),
    ("tef", re.compile(r"(?i)\be?-?TEF\b|test d['’]?\s*[ée]valuation de fran[çc]ais")),
    ("tcf", re.compile(r"(?i)\bTCF\b|test de connaissance du fran[çc]ais")),
)
TEF_CANADA = re.compile(
    r"(?i)\be?-?TEF\s*-?\s*Canada\b|test d['’]?\s*[ée]valuation de fran[çc]ais\s+pour\s+le\s+canada"
)
TCF_CANADA = re.compile(r"(?i)\bTCF\s*-?\s*Canada\b|test de connaissance du fran[çc]ais\s+pour\s+le\s+canada")
GENERAL_TRAINING = re.compile(r"(?i)general\s+training")
ACADEMIC = re.compile(r"(?i)\bacademic\b(?!\s+purposes)")
MARK = r"(?:[xX✓✔☒■●]|\[\s*[xX✓✔]\s*\])"

# Labels. Each is matched at the start of a cell; what follows it in the cell is read as its value.
LAST_NAME = re.compile(
    r"(?i)^\W{0,2}(?:family\s+name|surname|last\s+name|nom\s+de\s+famille|nom(?!\s+(?:du|de|des|d['’]|et)\b))\b"
    r"(?:\s*/\s*(?:nom|surname|family\s+name))?"
)
FIRST_NAME = re.compile(
    r"(?i)^\W{0,2}(?:first\s+names?|given\s+names?|other\s+names?|pr[ée]noms?)(?:\s*\(s\))?(?:\s*/\s*pr[ée]noms?(?:\s*\(s\))?)?"
)
FULL_NAME = re.compile(
    r"(?i)^\W{0,2}(?:test[\s-]+taker(?:['’]s)?(?:\s+name)?|candidate(?:['’]s)?\s+name|name\s+of\s+(?:the\s+)?(?:candidate|test\s+taker)"
    r"|nom\s+(?:et\s+pr[ée]noms?|du\s+candidat|de\s+la\s+candidate|complet)|candidat(?:e)?|name)\b"
    r"(?!\s*(?:id|number|no\b|#|code))"
)
TEST_DATE = re.compile(
    r"(?i)^\W{0,2}(?:test\s+date|date\s+of\s+(?:the\s+)?(?:test|exam(?:ination)?)|exam(?:ination)?\s+date|test\s+taken(?:\s+on)?"
    r"|session\s+date|date\s+(?:de\s+(?:la\s+)?session|du\s+test|de\s+passation|d['’]examen|de\s+l['’]examen|des\s+[ée]preuves"
    r"|de\s+l['’][ée]preuve|du\s+passage)|session\s+du|pass[ée]\s+le)\b"
)
BARE_DATE = re.compile(r"(?i)^\W{0,2}date\W*$")
GLUED_DATE = re.compile(rf"(?i)(?<![\w'’])date\s*[|:\]]?\s*\|?\s*({DATE_ANY})")
OTHER_DATES = re.compile(r"(?i)report|issue|birth|naissance|[ée]mission|d[ée]livrance|expir|valid|print|impression")
_AFTER_SKILL = (
    r"(?:\s*\((?:CO|CE|EE|EO)\))?(?:\s+(?:score|band(?:\s+score)?|level|niveau|points?|results?|r[ée]sultat))?"
    r"(?=[\s\]\)|:\-–]*$|[\s:\-–]*(?:\d|M\b|NA\b|N/A\b))"
)
SKILL_WORDS: dict[Skill, str] = {
    "listening": r"(?i:listening|compr[ée]hension\s+(?:de\s+l['’]\s*)?orale?|compr[ée]hension\s+audio)|(?-i:CO)",
    "reading": r"(?i:reading|compr[ée]hension\s+(?:de\s+l['’]\s*)?[ée]crite?|compr[ée]hension\s+des\s+[ée]crits)|(?-i:CE)",
    "writing": r"(?i:writing|expression\s+[ée]crite|production\s+[ée]crite)|(?-i:EE)",
    "speaking": r"(?i:speaking|expression\s+orale|production\s+orale)|(?-i:EO)",
}
SKILL_LABELS: dict[Skill, re.Pattern[str]] = {
    skill: re.compile(rf"^\W{{0,3}}(?:{words}){_AFTER_SKILL}") for skill, words in SKILL_WORDS.items()
}
PRINTED_LEVEL = re.compile(r"(?i)\b(?:NCLC|CLB)\s*:?\s*(\d{1,2})\b")
_NOT_SCORE = (
    re.compile(r"(?i)(?:niveau\s+)?(?:NCLC|CLB)\s*:?\s*\d{1,2}\b"),
    re.compile(r"(?i)(?:niveau\s+)?(?:CECRL?|CEFR)?\s*:?\s*<?\s*\b[ABC][12]\b\+?"),
    re.compile(r"(?i)(?:/|\bsur\b|\bout\s+of\b)\s*\d{1,3}\b"),
    re.compile(r"(?i)\b(?:points?|pts)\b"),
)
NAME_STOP = {
    "id",
    "number",
    "date",
    "test",
    "centre",
    "center",
    "candidate",
    "score",
    "report",
    "birth",
    "naissance",
    "nationality",
    "nationalité",
    "sex",
    "sexe",
    "taker",
    "no",
    "numéro",
    "session",
    "code",
}


def extract_language_test(view: TextView) -> Collector:
    out = Collector()
    test, where = _test(view)
    out.set("test", test, where)
    _holder(view, out)
    hit = view.labelled(TEST_DATE, parse_date, below=2) or view.labelled(BARE_DATE, parse_date, below=1)
    if hit:
        out.set("test_date", hit.value, hit)
    else:
        _glued_date(view, out)
    _header_row(view, test, out)
    printed: dict[str, int] = {}
    for skill in SKILLS:
        score = view.labelled(SKILL_LABELS[skill], score_parser(test, skill), below=2, whole_line=True)
        if score is not None:
            out.set(skill, score.value, score)
        printed |= _printed_level(view, skill)
    if printed:
        out.set("clb", printed, None, snippet="levels printed on the result")
    log.debug("language test %s: %s", test, {skill: out.values.get(skill) for skill in SKILLS})
    return out


def _test(view: TextView) -> tuple[str | None, Line | None]:
    """The test the document is a result of (None when it names none we know, or an unclear IELTS/PTE module)."""
    text = view.flat
    found = [(match.start(), name) for name, pattern in TEST_NAMES if (match := pattern.search(text))]
    if not found:
        return None, None
    start, name = min(found)
    line = view.line_of_offset(start)
    if name == "ielts":
        return _ielts_module(text), line
    if name == "pte":
        if re.search(r"(?i)\bPTE\s*Core\b|pearson test of english\s*(?:\(PTE\)\s*)?core", text):
            return "pte_core", line
        return (
            ("pte_academic", line)
            if re.search(r"(?i)\bPTE\s*Academic\b|pearson test of english\s*academic", text)
            else (None, line)
        )
    if name in ("tef", "tcf"):
        canada = (TEF_CANADA if name == "tef" else TCF_CANADA).search(text)
        return (f"{name}_canada", line) if canada else (None, line)
    return name, line


def _ielts_module(text: str) -> str | None:
    """General Training or Academic: the one printed, or the one marked when a form prints both."""
    general, academic = GENERAL_TRAINING.search(text), ACADEMIC.search(text)
    if general and not academic:
        return "ielts_general"
    if academic and not general:
        return "ielts_academic"
    if not general:
        return None
    marked_general = re.search(
        rf"(?i){MARK}\s*general\s+training|general\s+training\s*:?\s*{MARK}(?!\s*academic)", text
    )
    marked_academic = re.search(rf"(?i){MARK}\s*academic\b|\bacademic\s*:?\s*{MARK}(?!\s*general)", text)
    if bool(marked_general) != bool(marked_academic):
        return "ielts_general" if marked_general else "ielts_academic"
    module = re.search(r"(?i)\b(?:module|test\s+type|type)\s*:?\s*(general\s+training|academic)\b", text)
    if module:
        return "ielts_general" if module.group(1).lower().startswith("general") else "ielts_academic"
    return None


def _glued_date(view: TextView, out: Collector) -> None:
    """A bare "Date" label run together with its value by OCR table borders ("MX004 |Date   |18/JUN/2025")."""
    for line in view.lines:
        for match in GLUED_DATE.finditer(line.stripped):
            before = line.stripped[max(0, match.start() - 24) : match.start()]
            if not OTHER_DATES.search(before):
                out.set("test_date", parse_date(match.group(1)), line)
                return


def _holder(view: TextView, out: Collector) -> None:
    last = view.labelled(LAST_NAME, _name_part, below=1)
    first = view.labelled(FIRST_NAME, _name_part, below=1)
    if last and first:
        out.set("holder_name", f"{first.value} {last.value}", last, snippet=f"{first.snippet} / {last.snippet}")
        return
    full = view.labelled(FULL_NAME, _full_name, below=1)
    if full:
        out.set("holder_name", full.value, full)


def _name_part(text: str) -> str | None:
    text = clean_value(text)
    tokens = text.replace(",", " ").split()
    if not tokens or len(tokens) > 4 or re.search(r"\d|@", text):
        return None
    if any(not re.fullmatch(r"[^\W\d_][\w'’.\-]*", token) or token.lower() in NAME_STOP for token in tokens):
        return None
    if all(token[0].islower() for token in tokens):
        return None  # a label or a sentence, not a name
    return " ".join(_cased(token) for token in tokens)


def _full_name(text: str) -> str | None:
    text = clean_value(text)
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        text = f"{first} {last}"
    name = _name_part(text)
    return name if name and len(name.split()) >= 2 else None


def _cased(token: str) -> str:
    return token.title() if token.isupper() and len(token) > 1 else token


def score_parser(test: str | None, skill: Skill) -> Callable[[str], int | float | None]:
    """A parser of one skill's score on its test's scale: a cell holding anything else gives None."""

    def parse(text: str) -> int | float | None:
        value = _score_text(text)
        if value is None:
            return None
        if value == "M":
            return 0 if test == "celpip_general" else None
        number = float(value.replace(",", "."))
        return _on_scale(test, skill, number)

    return parse


def _score_text(text: str) -> str | None:
    for pattern in _NOT_SCORE:
        text = pattern.sub(" ", text)
    text = text.strip(" \t|[](){}:;-–—*")
    if re.fullmatch(r"M", text):
        return "M"
    return text if re.fullmatch(r"\d{1,3}(?:[.,]\d)?", text) else None


def _on_scale(test: str | None, skill: Skill, number: float) -> int | float | None:
    whole = number == int(number)
    if test in ("ielts_general", "ielts_academic"):
        if whole and 10 <= number <= 90 and number % 5 == 0:
            number /= 10  # OCR dropped the point of a half band: "75" is 7.5
        return number if 0 <= number <= 9 and (number * 2) == int(number * 2) else None
    if not whole:
        return None
    value = int(number)
    if test == "celpip_general":
        return value if 0 <= value <= 12 else None
    if test in ("pte_core", "pte_academic"):
        return value if 10 <= value <= 90 else None
    if test == "tcf_canada" and skill in ("writing", "speaking"):
        return value if 0 <= value <= 20 else None
    return value if 0 <= value <= 699 else None


def _printed_level(view: TextView, skill: Skill) -> dict[str, int]:
    """The NCLC/CLB a result prints on a skill's own line ("Expression orale  560  NCLC 10")."""
    for line in view.lines:
        if any(SKILL_LABELS[skill].search(cell.text) for cell in line.cells):
            match = PRINTED_LEVEL.search(line.stripped)
            return {skill: int(match.group(1))} if match and 1 <= int(match.group(1)) <= 12 else {}
    return {}


def _header_row(view: TextView, test: str | None, out: Collector) -> None:
    """Skills printed as column headers with one row of values beneath (or above), cell for cell.

    Punctuation-only cells (an OCR'd table border) are dropped; when the values run together
    (two spaces apart), they are taken word for word.
    """
    for line in view.lines:
        headers = [cell.text for cell in line.cells if re.search(r"\w", cell.text)]
        skills = [_skill_of(text) for text in headers]
        if sum(skill is not None for skill in skills) < 3:
            continue
        index = line.index
        for other in [*view.lines[index + 1 : index + 3], *view.lines[max(0, index - 1) : index]]:
            cells = [cell.text for cell in other.cells if re.search(r"\w", cell.text)]
            if len(cells) != len(headers):
                cells = other.stripped.replace("|", " ").split()
            if len(cells) != len(headers):
                continue
            values = {skill: score_parser(test, skill)(text) for skill, text in zip(skills, cells) if skill}
            if any(value is None for value in values.values()):
                continue
            for skill, value in values.items():
                out.set(skill, value, other, snippet=f"{line.stripped} / {other.stripped}")
            return


def _skill_of(text: str) -> Skill | None:
    for skill, label in SKILL_LABELS.items():
        match = label.search(text)
        if match and not text[match.end() :].strip(" ]):|"):
            return skill
    return None
