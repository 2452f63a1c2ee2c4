"""Visitor records (IMM 1442): holder, UCI and validity as every IMM 1442
(`checklist.kinds.imm1442`), and the printed conditions ("not authorized to
work or study", "must leave Canada by ...")."""

from __future__ import annotations

from checklist.kinds import imm1442
from checklist.kinds.collector import Collector
from checklist.text.view import TextView


def extract_visitor_record(view: TextView) -> Collector:
    out = Collector()
    imm1442.read_identity(view, out, number=False)
    conditions, where = imm1442.read_conditions(view)
    out.set("conditions", conditions, where)
    return out
