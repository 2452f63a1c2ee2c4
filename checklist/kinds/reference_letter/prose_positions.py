"""Positions a letter tells in sentences: "joined us on May 3, 2021 as a Line Cook ... until
June 2023, then as Sous-Chef from July 2023", "On 7 November 2022 she was promoted to Team
Lead", "Du 3 février 2020 au 31 août 2022, à titre de développeuse; puis, depuis le 1er
septembre 2022, à titre de développeuse principale".

Each title a letter introduces ("as", "promoted to", "à titre de", "au poste de") opens a part
of the text that runs to the next one: the sentence that holds it, or the clause after a "then"
or a semicolon when two positions share a sentence. The dates, hours and pay of a position are
read from its own part only, so one position's hours are never another's.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from checklist.kinds.reference_letter.fields import Position
from checklist.models.fields import SalaryPeriod
from checklist.text.dates import LOOSE_DATE_ANY, loose_date
from checklist.text.hours import parse_hours_per_week
from checklist.text.money import find_money, nearest_period
from checklist.text.normalize import clean_value

_EN_TITLE = r"(?P<en>[A-Z][\w’'/-]*(?:\s+(?:[A-Z][\w’'/-]*|of|and|&|in|to)){0,6})"
_FR_TITLE = r"(?P<fr>[^\W\d_][\w’'-]*(?:\s+(?![ée]tait\b|depuis\b|du\b|au\b|et\b|puis\b|jusqu)[^\W\d_][\w’'-]*){0,5})"
TITLE_ANCHOR = re.compile(
    r"\b(?:(?:(?:hired|employed|joined|started|began|engaged)[^.;]{0,80}?|worked|continued|then|now)\s+as"
    r"|promoted\s+to(?:\s+the\s+(?:position|role)\s+of)?|appointed\s+(?:as|to)|moved\s+(?:up\s+)?to\s+the\s+(?:position|role)\s+of"
    r"|(?<=[,;]\s)as)"
    rf"\s+(?:an?\s+|the\s+|our\s+)?{_EN_TITLE}"
    r"|(?i:\b(?:à\s+titre\s+d[e’']|au\s+poste\s+d[e’']|en\s+qualité\s+d[e’']|promue?\s+(?:au\s+poste\s+)?(?:de\s+|d[’'])?))"
    rf"\s*(?:la\s+|le\s+|l[’'])?{_FR_TITLE}"
)
_UNTIL = r"(?:until|till|to|through|au|à|jusqu[’']au|jusqu[’']en|-|–|—)"
END_DATE = re.compile(rf"(?i)\b{_UNTIL}\s+(?:the\s+|le\s+)?({LOOSE_DATE_ANY})")
START_DATE = re.compile(
    rf"(?i)\b(?:on|from|since|effective|as\s+of|starting|commencing|in|du|depuis(?:\s+le)?|le|dès\s+le|à\s+compter\s+du)\s+(?:the\s+)?({LOOSE_DATE_ANY})"
)
ANY_DATE = re.compile(rf"(?i)({LOOSE_DATE_ANY})")
CLAUSE_BREAK = re.compile(r"(?i);|,\s*(?:and\s+)?then\b|\bpuis\b")
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý(]|\s*$)")
NOT_A_TITLE = re.compile(r"(?i)^(?:a|an|the|our|well|such|part|full|of|per)$")


def prose_positions(prose: str) -> list[Position]:
    """The positions a letter's sentences introduce, oldest first; [] unless it names two or more
    different titles, each with a date of its own (one position is read by the letter's own rules)."""
    anchors = [(match, title) for match in TITLE_ANCHOR.finditer(prose) if (title := _title(match))]
    if len({title.lower() for _, title in anchors}) < 2:
        return []
    bounds = _parts(prose, [match for match, _ in anchors])
    positions = [_position(prose[start:end], title) for (start, end), (_, title) in zip(bounds, anchors)]
    positions = _merged(positions)
    if len(positions) < 2 or sum(1 for p in positions if p.start_date) < 2:
        return []
    return _ends_from_next_start(sorted(positions, key=lambda p: p.start_date or dt.date.min))


def _title(match: re.Match[str]) -> str | None:
    words = (match.group("en") or match.group("fr") or "").split()
    while words and words[-1].lower() in {"of", "and", "&", "in", "to", "de", "du", "des", "la", "le"}:
        words.pop()  # "Manager of" before a date or a company
    title = clean_value(" ".join(words))
    if not title or NOT_A_TITLE.match(title) or len(title) < 3:
        return None
    return title


def _parts(prose: str, anchors: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Where each position's part of the text begins and ends."""
    starts = []
    for number, anchor in enumerate(anchors):
        sentence = _sentence_start(prose, anchor.start())
        if number:
            previous = anchors[number - 1].end()
            if sentence <= previous:  # the same sentence: from the clause break before this title
                breaks = [m.end() for m in CLAUSE_BREAK.finditer(prose, previous, anchor.start())]
                sentence = breaks[-1] if breaks else anchor.start()
        starts.append(sentence)
    ends = starts[1:] + [_sentence_end(prose, anchors[-1].end(), sentences=2)]
    return list(zip(starts, ends))


def _sentence_start(prose: str, offset: int) -> int:
    """The start of the sentence holding `offset`, at most LOOK_BACK characters before it (a letterhead
    and its date run into the first sentence when the prose has no full stop before it)."""
    ends = [m.end() for m in SENTENCE_END.finditer(prose, 0, offset)]
    start = max(ends[-1] if ends else 0, offset - LOOK_BACK)
    return prose.find(" ", start) + 1 if start > 0 and start == offset - LOOK_BACK else start


LOOK_BACK = 120


def _sentence_end(prose: str, offset: int, sentences: int) -> int:
    found = [m.end() for m in SENTENCE_END.finditer(prose, offset)][:sentences]
    return found[-1] if found else len(prose)


def _position(part: str, title: str) -> Position:
    ends = [(m.start(), loose_date(m.group(1), end=True)) for m in END_DATE.finditer(part)]
    end_at = {offset for offset, _ in ends}
    cued = [loose_date(m.group(1)) for m in START_DATE.finditer(part)]
    starts = [
        loose_date(m.group(1))
        for m in ANY_DATE.finditer(part)
        if not any(m.start() > at and m.start() - at < 16 for at in end_at)
    ]
    start = next((day for day in cued + starts if day), None)  # "on May 3, 2021" before a bare date
    end = next((day for _, day in ends if day and (start is None or day > start)), None)
    hours = parse_hours_per_week(part)
    money = find_money(part)
    amount = float(money[0].value) if money else None  # type: ignore[arg-type]
    period = nearest_period(part[: money[0].start], part[money[0].end :], amount) if money else None
    return Position(
        job_title=title,
        start_date=start,
        end_date=end,
        hours_per_week=float(hours.value) if hours else None,  # type: ignore[arg-type]
        salary_amount=amount,
        salary_period=cast("SalaryPeriod | None", period),
    )


def _merged(positions: list[Position]) -> list[Position]:
    """One title named twice ("hired as a Cook ... As Cook, he ...") is one position."""
    kept: list[Position] = []
    for position in positions:
        same = next((p for p in kept if str(p.job_title).lower() == str(position.job_title).lower()), None)
        if same is None:
            kept.append(position)
            continue
        filled = {k: v for k, v in position if v not in (None, []) and getattr(same, k) in (None, [])}
        kept[kept.index(same)] = same.model_copy(update=filled)
    return kept


def _ends_from_next_start(positions: list[Position]) -> list[Position]:
    """A position held until the next began ends the day before it, when the letter gives no end."""
    out = []
    for number, position in enumerate(positions):
        following = positions[number + 1] if number + 1 < len(positions) else None
        if position.end_date is None and following is not None and following.start_date is not None:
            position = position.model_copy(update={"end_date": following.start_date - dt.timedelta(days=1)})
        out.append(position)
    return out
