"""Study permits (IMM 1442): holder, numbers and validity as every IMM 1442
(`checklist.kinds.imm1442`), the school (designated learning institution)
and the printed conditions (on/off-campus work, must leave Canada...)."""

from __future__ import annotations

import re

from checklist.kinds import imm1442
from checklist.kinds.collector import Collector
from checklist.text.names import without_place
from checklist.text.normalize import clean_value
from checklist.text.view import TextView

DLI_NUMBER = re.compile(r"\s*[(\[]?\s*(?:DLI|EED)\s*(?:no\.?|#|:)?\s*[O0]\d{10,12}\s*[)\]]?\s*")


def extract_study_permit(view: TextView) -> Collector:
    out = Collector()
    blocks = imm1442.read_identity(view, out)
    school = blocks.get("school") or view.labelled(imm1442.SCHOOL_LABEL, _school_cell, below=1, skip=imm1442.ANY_LABEL)
    if school:
        name = _school_cell(str(school.value))
        out.set("school", without_place(name) if name else None, school)
    conditions, where = imm1442.read_conditions(view)
    out.set("conditions", conditions, where)
    return out


def _school_cell(text: str) -> str | None:
    text = clean_value(DLI_NUMBER.sub(" ", text))
    if not text or re.match(r"(?i)^(?:/|d['’]enseignement\b|unspecified|non\s+pr[ée]cis)", text) or len(text) < 3:
        return None
    return text
