"""A small case folder made in code (one plain-text reference letter), fast enough to check in every test."""

from __future__ import annotations

from pathlib import Path

LETTER = (
    Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "reference_letter" / "en_keyvalue_past_footer.txt"
)
APPLICANT = "Farah Nazari"
EMPLOYER = "Bow Valley Engineering Consultants Inc."

CASE_YAML = """\
applicant: {applicant}
ita_date: 2025-10-22
application_date: 2025-11-14
jobs:
  - employer: {employer}
    title: Civil Engineering Technologist
    noc: "22300"
    start: 2021-06-14
    end: 2023-11-30
    hours_per_week: 37.5
"""


def letter_text(extra: str = "") -> str:
    """The fixture letter, with `extra` lines after the employee's name (a SIN, say)."""
    text = LETTER.read_text(encoding="utf-8")
    if extra:
        text = text.replace(f"Employee name:          {APPLICANT}", f"Employee name:          {APPLICANT}\n{extra}")
    return text


def small_case(
    folder: Path, *, applicant: str = APPLICANT, letter_name: str | bytes = "letter.txt", letter: str | None = None
) -> Path:
    """A case folder: case.yaml and one reference letter; `letter_name` may be bytes (a name that is not UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.yaml").write_text(CASE_YAML.format(applicant=applicant, employer=EMPLOYER), encoding="utf-8")
    content = (letter if letter is not None else letter_text()).encode("utf-8")
    if isinstance(letter_name, bytes):
        import os

        with open(os.path.join(os.fsencode(folder), letter_name), "wb") as handle:
            handle.write(content)
    else:
        (folder / letter_name).parent.mkdir(parents=True, exist_ok=True)
        (folder / letter_name).write_bytes(content)
    return folder


CLAIMED_START = "Start date:             2021-06-14"
MISREAD_START = "Start date:             2022-06-14"


def misread_web_case(cases_dir: Path, name: str = "farah") -> Path:
    """A case folder as the web app keeps one (documents/letter.pdf), the letter's start date a year off.

    The letter is a text PDF (so the review page has a page image); the misread date gives a false
    letter.claim-mismatch blocker that a correction in review.yaml clears (issue 14).
    """
    from tests.support.files import make_pdf

    folder = cases_dir / name
    (folder / "documents").mkdir(parents=True)
    (folder / "case.yaml").write_text(CASE_YAML.format(applicant=APPLICANT, employer=EMPLOYER), encoding="utf-8")
    lines = letter_text().replace(CLAIMED_START, MISREAD_START).splitlines()
    make_pdf(folder / "documents" / "letter.pdf", [lines[:40]])
    return folder
