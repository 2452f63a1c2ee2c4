"""NOC 2016 -> NOC 2021 successors without the reference data installed.

The code pairs of Statistics Canada's concordance (figures, not text) ship
with the package, so a four-digit NOC 2016 code in a profile is named with
its NOC 2021 successors even before `cec-checklist noc install`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _pairs() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    text = (resources.files("checklist.noc") / "concordance_2016_2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            old, new = line.split()
            out.setdefault(old, []).append(new)
    return {old: tuple(new) for old, new in out.items()}


def successors_2016(code: str) -> tuple[str, ...]:
    """The NOC 2021 codes a NOC 2016 code became (empty for a code the concordance does not know)."""
    return _pairs().get(code.strip().zfill(4), ())
