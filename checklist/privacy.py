"""Social insurance numbers never leave the tool: they are masked as soon as a
document is read, and every rendered output is masked again before writing."""

from __future__ import annotations

import re

# Nine digits, alone or as 3-3-3 groups separated by a space, dash or dot.
SIN_RE = re.compile(r"(?<![\w\-./])(\d{3})([ \-.\u00a0]?)(\d{3})\2(\d{3})(?![\w]|[\-./]\d)")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


# A number right after one of these labels is a SIN even if it fails the checksum (a typo is still personal).
LABEL_RE = re.compile(r"(?i)(?:\bSIN\b|\bNAS\b|social\s+insurance|assurance\s+sociale)[^\n\d]{0,40}$")


def mask_sins(text: str) -> str:
    """Replace every SIN-shaped number by 'XXX XXX 123' (the last three digits kept)."""

    def mask(match: re.Match[str]) -> str:
        digits = match.group(1) + match.group(3) + match.group(4)
        separated = bool(match.group(2))
        labelled = bool(LABEL_RE.search(text[max(0, match.start() - 60) : match.start()]))
        if not separated and not labelled and not luhn_valid(digits):
            return match.group(0)  # a bare 9-digit number that cannot be a SIN
        return f"XXX XXX {match.group(4)}"

    return SIN_RE.sub(mask, text)


# In a name (a file or case name) any 3-3-3 digit run counts, checksum or not, whatever separates it:
# a false positive there costs a renamed file, a miss leaks the SIN into paths and URLs.
NAME_SIN_RE = re.compile(r"(?<!\d)(\d{3})[ ._\-\u00a0]?(\d{3})[ ._\-\u00a0]?(\d{3})(?!\d)")


def mask_sins_in_name(name: str) -> str:
    """Mask every SIN-shaped digit run in a file or case name ('046 454 286 T4.pdf' -> 'XXX-XXX-286 T4.pdf')."""
    return NAME_SIN_RE.sub(lambda match: f"XXX-XXX-{match.group(3)}", name)
