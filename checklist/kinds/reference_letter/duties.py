"""A letter's duties: under a heading or a lead-in ("Her main duties were:", "Ses principales tâches
sont :"), as bullets, numbered items, a list in one sentence, or sentences that each state one; and which
position each block of duties belongs to."""

from __future__ import annotations

import re

from checklist.kinds.collector import Collector
from checklist.kinds.reference_letter.fields import Position
from checklist.kinds.reference_letter.phrases import ABBREVIATION, CLOSING_RE, CURRENT_RE
from checklist.text.normalize import clean_value
from checklist.text.view import Line, TextView, line_at, prose_index

DUTY_HEADING = re.compile(
    r"(?i)(?:[-–—:]\s*|^)(?:main\s+|key\s+|principal\s+|primary\s+|job\s+)?(?:duties|responsibilities|tasks|responsabilités|tâches|fonctions)"
    r"(?:\s+(?:and|et)\s+(?:responsibilities|duties|responsabilités|tâches))?\s*$"
)


DUTY_HEADER = re.compile(
    r"(?i)(?:\b(?:was|is|were|are|has\s+been|will\s+be)\s+(?:mainly\s+|primarily\s+|chiefly\s+)?responsible\s+for\b|\bétait\s+responsable\s+de\b|\best\s+responsable\s+de\b|\b(?:main|principal|key|primary|major|job|specific)?\s*(?:duties|responsibilities|tasks|functions|responsabilités|tâches|fonctions)\b"
    r"(?:\s+(?:and|et)\s+(?:responsibilities|duties|responsabilités|tâches))?[^.:\n]{0,60}:|(?:duties|responsibilities|work)\s+(?:include|included|includes|are|were)\b(?:[^:\n]{0,30}:)?|"
    r"(?:principales\s+)?(?:tâches|fonctions|responsabilités)\s+(?:sont|étaient|comprennent|comprenaient|incluent|consistent\s+à|consistaient\s+à)(?:[^:\n]{0,40}:)?|"
    r"\b(?:a|avait)\s+(?:notamment\s+)?pour\s+(?:mission|tâches?|fonctions?)\s+d[e'’]|\b(?:est|était)\s+chargée?\s+d[e'’])"
)


DUTY_STOP = re.compile(
    r"(?i)^(?:should\s+you|if\s+you|please|i\s|we\s+(?:would|will|hope|are\s+pleased)|for\s+(?:any|further|more)|do\s+not\s+hesitate|feel\s+free|sincerely|yours|regards|respectfully|best|kind|cordially|"
    r"this\s+letter|we\s+(?:are|wish|thank|confirm)|(?:his|her|their)\s+(?:salary|position|employment|hours|rate|annual)|"
    r"(?:he|she|they)\s+(?:works|worked|earns|earned|is|was|receives|has)|pour\s+toute|n[’']hésitez|veuillez|salutations|cordialement|"
    r"benefits\b|avantages\b|salary\b|hours\b|signature|per\s*:|for\s+the\s+employer|\(?signed\)?)"
)


def with_duties(positions: list[Position], out: Collector) -> list[Position]:
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


def read_duties(view: TextView, out: Collector) -> None:
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


PRONOUN_START = re.compile(
    r"^(?:(?:In\s+addition|Also|Finally|Additionally|Moreover|Enfin|De\s+plus|Aussi|En\s+outre|Par\s+ailleurs),\s+)?"
    r"(?i:she|he|they|il|elle|ils|elles)\s"
)


NOT_A_DUTY = re.compile(
    r"(?i)\b(?:works?|earns?|is paid|receives?|holds?|has (?:been|worked)|salary|hours|benefits?|employed|joined|"
    r"travaille|reçoit|gagne|heures|salaire|occupe|a\s+été\s+(?:embauchée?|promue?))\b"
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
            items.append(duty_text(line.stripped))
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
            runs_on = len(sentence) > len(rest) + 20  # the sentence goes on over the next lines
            duties = _inline_duties(sentence if runs_on else rest) if len(rest) > 40 else _listed_duties(view, line)
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
        duties.append(duty_text(sentence))
    return [duty for duty in duties if len(duty) > 8]


def _sentence_from(view: TextView, line: Line, start: int) -> str:
    """The rest of the sentence that starts on a line at `start`, across line breaks."""
    text = _text_after(view, line, start)
    return re.split(r"(?<=\.)\s+(?=[A-ZÀ-Ý])", text.strip(" :"))[0]


def _inline_duties(text: str) -> list[str]:
    text = re.split(r"(?<=\.)\s+(?=[A-Z])", text)[0]
    parts = re.split(r";\s*|\s*•\s*", text)
    if len(parts) < 3:  # a list of gerunds or infinitives: "preparing X, posting Y and answering Z"
        parts = re.split(r",\s+(?=[a-zà-ÿ]+(?:ing|e|s)?\s)|\s+(?:and|et)\s+(?=[a-zà-ÿ]+(?:ing|er|ir|re)\s)", text)
    return [duty_text(part) for part in parts if len(duty_text(part)) > 8]


def duty_text(text: str) -> str:
    text = re.sub(r"^(?:and|et)\s+", "", clean_value(text))
    text = re.sub(r"^(?:[-–—•·*▪●○◦■□➢➤►▸>✓›»→✔◆♦o]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+", "", text)
    return text.rstrip(" .;").strip()


BULLET = re.compile(r"^\s*(?:[-–—•·*▪●○◦■□➢➤►▸>✓›»→✔◆♦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")


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
    return [d for d in (duty_text(item) for item in items) if len(d) > 5]
