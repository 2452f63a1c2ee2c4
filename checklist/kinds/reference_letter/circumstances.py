"""What a letter says about the conditions of the work, beyond the position:
stated leaves, contract (not employment) wording, and where the work was done.

Leaves are periods that are not hours worked; a letter that describes
contract work, or work done abroad, describes work that does not count. The
sentences that state a leave are also the ones whose dates must never be
taken for the dates of employment, so `leave_spans` lets the extractor
blank them out first.
"""

from __future__ import annotations

import datetime as dt
import re

from checklist.kinds.collector import Collector
from checklist.kinds.reference_letter.fields import Leave
from checklist.models.document import FieldSource
from checklist.text.dates import find_dates
from checklist.text.places import in_canada
from checklist.text.view import TextView, line_at

_LEAVE_KIND = [
    ("maternity", r"maternity|maternit[ée]|pregnancy|grossesse"),
    ("parental", r"parental|paternity|paternit[ée]|adoption"),
    ("sick", r"sick|medical|illness|disability|maladie|m[ée]dical|invalidit[ée]"),
    ("unpaid", r"unpaid|without pay|sans solde|non r[ée]mun[ée]r[ée]"),
    ("leave of absence", r"leave of absence|personal leave|cong[ée] personnel|absence autoris[ée]e"),
]
_LEAVE = re.compile(
    r"[^.;\n]*\b(?:(?:maternity|parental|paternity|sick|medical|disability|unpaid|personal|compassionate|educational)"
    r"\s+leave|leave\s+of\s+absence|leave\s+without\s+pay|on\s+leave|cong[ée]\s+(?:de\s+|d[’'])?(?:maternit[ée]|parental|"
    r"paternit[ée]|maladie|sans\s+solde|sabbatique|personnel|invalidit[ée])|absence\s+autoris[ée]e)\b[^.;\n]*",
    re.IGNORECASE,
)
_NOT_A_LEAVE = re.compile(
    r"(?i)\b(?:eligible|entitled|benefits?|policy|top[- ]up|avantages?|droit|admissible|include)\b"
)
_CONTRACT = re.compile(
    r"(?i)\b(?:independent\s+contractor|self[- ]employed\s+contractor|contractor\s+basis|on\s+a\s+contract(?:or)?\s+basis|"
    r"(?:submitted|sent|issued)\s+(?:monthly\s+|weekly\s+|bi-?weekly\s+)?invoices|invoiced\s+(?:us|the\s+company|monthly)|"
    r"paid\s+(?:on|against)\s+invoices?|T4A\b|not\s+an\s+employee|consulting\s+agreement|contract\s+for\s+services|"
    r"travailleur\s+autonome|travailleuse\s+autonome|sous-traitant|contrat\s+de\s+service|sur\s+facturation|factures?\s+mensuelles?)"
)
_LOCATION = re.compile(
    r"(?i)(?:work(?:ed|s|ing)?|based|employed|located|perform(?:ed|s)?\s+(?:her|his|their)\s+duties)\s+"
    r"(?:remotely\s+)?(?:at|in|from|out\s+of)\s+(?:our|the)?\s*((?:[A-Z][\w.'-]*[ ,]*){1,4})\s*(?:office|branch|site|location|headquarters|plant|store)?"
    r"|(?:work\s+location|location\s+of\s+work|place\s+of\s+work|lieu\s+de\s+travail)\s*[:\-]\s*([^\n;.]+)"
    r"|(?:au|à\s+notre)\s+(?:bureau|succursale|établissement)\s+de\s+((?:[A-ZÀ-Ý][\w'-]*[ -]?){1,3})"
)
_FOREIGN_PAY = re.compile(
    r"(?i)\b(?:U\.?S\.?\s+payroll|paid\s+in\s+U\.?S\.?\s+dollars|USD\s?\$?\s?\d|US\$\s?\d|(?:en\s+)?dollars\s+am[ée]ricains)"
)


_SENTENCE_END = re.compile(r"[.;\n]")


def leave_spans(prose: str) -> list[tuple[int, int]]:
    """Where the letter states a leave: (start, end) offsets in the prose.

    The pattern is tried at each sentence start only ('.', ';' or a line break before it): tried at
    every character, as `finditer` does, it rescans the rest of the sentence from each one, which
    cost a tenth of a second a letter. A match can only start at a sentence start anyway."""
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(prose):
        match = _LEAVE.match(prose, position)
        if match:
            if not _NOT_A_LEAVE.search(match.group(0)):
                spans.append((match.start(), match.end()))
            position = match.end() + 1  # the match ends at a sentence end (or the prose's)
            continue
        after = _SENTENCE_END.search(prose, position)
        if after is None:
            break
        position = after.end()
    return spans


def read_circumstances(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    """Set `leaves`, `contractor` and `work_location` from the letter's prose."""
    leaves = []
    for start, end in leave_spans(prose):
        sentence = prose[start:end]
        dates = sorted(found.value for found in find_dates(sentence) if isinstance(found.value, dt.date))
        if not dates:
            continue
        reason = next((name for name, pattern in _LEAVE_KIND if re.search(pattern, sentence, re.IGNORECASE)), "leave")
        last = dates[-1] if len(dates) > 1 else None
        leaves.append(Leave(start=dates[0], end=last, reason=reason))
        out.sources.setdefault("leaves", _source(view, starts, start, sentence))
    if leaves:
        out.values["leaves"] = [leave.model_dump() for leave in leaves]
    contract = _CONTRACT.search(prose)
    if contract:
        out.set("contractor", True, line_at(view, starts, contract.start()), snippet=contract.group(0))
    else:
        out.values.setdefault("contractor", False)  # no wording of contract work: employment, as letters describe it
    _work_location(view, prose, starts, out)


def _work_location(view: TextView, prose: str, starts: list[int], out: Collector) -> None:
    foreign_pay = _FOREIGN_PAY.search(prose)
    for match in _LOCATION.finditer(prose):
        place = next(group for group in match.groups() if group)
        place = re.sub(r"(?i)[\s,]*\b(?:office|branch|site|location|headquarters|plant|store)\b\W*$", "", place).strip(
            " ,."
        )
        if in_canada(place) is not None:
            out.set("work_location", place, line_at(view, starts, match.start()), snippet=match.group(0))
            return
    if foreign_pay:
        out.set(
            "work_location",
            foreign_pay.group(0),
            line_at(view, starts, foreign_pay.start()),
            snippet=foreign_pay.group(0),
        )


def _source(view: TextView, starts: list[int], offset: int, snippet: str) -> FieldSource:
    line = line_at(view, starts, offset)
    return FieldSource(
        page=line.page if line else None, snippet=snippet.strip()[:300], method=line.method if line else None
    )
