"""Which claimed job each document is evidence for: by employer name (tolerant
of legal form, case, accents and punctuation), then by dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz

from checklist.kinds import spec
from checklist.models.case import Case, Job
from checklist.models.document import Document
from checklist.text.normalize import company_key, person_key

SAME_NAME = 90.0  # token-set similarity of company keys: the same employer
VARIANT_NAME = 70.0  # below SAME_NAME: the same employer written differently (warned)


@dataclass(frozen=True)
class Assignment:
    """A document's job (None: no job), and how its employer name compared."""

    job: int | None
    similarity: float
    exact: bool


def employer_similarity(a: str, b: str) -> float:
    """How alike two employer names are (0-100), after dropping case, accents, punctuation and legal form.

    Initials count as a variant ("BH Freight Services" for "Blue Harbour Logistics"):
    payroll and operating names often start with the employer's initials.
    """
    key_a, key_b = company_key(a), company_key(b)
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 100.0
    score = max(fuzz.token_set_ratio(key_a, key_b), fuzz.ratio(key_a.replace(" ", ""), key_b.replace(" ", "")))
    if _initials_match(key_a, key_b) or _initials_match(key_b, key_a):
        score = max(score, INITIALS_SCORE)
    return score


INITIALS_SCORE = 75.0


def _initials_match(short: str, long: str) -> bool:
    """The first word of one name is the initials of the other's first two or three words."""
    first, words = short.split()[0], long.split()
    return len(first) >= 2 and len(words) >= len(first) and first == "".join(w[0] for w in words[: len(first)])


def same_person(a: str, b: str) -> bool:
    """Names are equal as word sets, allowing a missing middle name and small typos."""
    key_a, key_b = person_key(a), person_key(b)
    if not key_a or not key_b:
        return True
    if key_a <= key_b or key_b <= key_a:
        return True
    return fuzz.token_sort_ratio(" ".join(sorted(key_a)), " ".join(sorted(key_b))) >= 88


def assign(case: Case, document: Document) -> Assignment:
    """The job a document supports; permits are matched by dates elsewhere."""
    name = employer_named(document) if spec(document.kind).matched_by_employer else None
    if not name:
        return Assignment(None, 0.0, False)
    scored = [(employer_similarity(name, job.employer), index) for index, job in enumerate(case.jobs)]
    best = max(score for score, _ in scored)
    if best < VARIANT_NAME:
        return Assignment(None, best, False)
    tied = [index for score, index in scored if score >= best - 0.01]
    index = tied[0] if len(tied) == 1 else _by_dates(case, document, tied)
    return Assignment(index, best, company_key(name) == company_key(case.jobs[index].employer))


def _by_dates(case: Case, document: Document, candidates: list[int]) -> int:
    """Among jobs at one employer, the one whose dates hold the document's period."""
    day = _document_day(document)
    if day is None:
        return candidates[-1]
    for index in candidates:
        job = case.jobs[index]
        if job.start <= day <= (job.end or dt.date.max):
            return index
    return min(candidates, key=lambda i: abs((case.jobs[i].start - day).days))


def _document_day(document: Document) -> dt.date | None:
    for key in ("period_end", "pay_date", "start_date"):
        value = getattr(document.fields, key, None)
        if isinstance(value, dt.date):
            return value
    year = getattr(document.fields, "tax_year", None)
    return dt.date(int(year), 7, 1) if year else None


def employer_named(document: Document) -> str | None:
    """The employer a document names, by its kind's employer field (None for kinds that name none)."""
    name_field = spec(document.kind).employer_field
    value = getattr(document.fields, name_field) if name_field else None
    return str(value) if value else None


def person_named(document: Document) -> str | None:
    """The person a document is about, by its kind's person field."""
    name_field = spec(document.kind).person_field
    value = getattr(document.fields, name_field) if name_field else None
    return str(value) if value else None


def jobs_at_employer(case: Case, name: str) -> list[int]:
    return [i for i, job in enumerate(case.jobs) if employer_similarity(name, job.employer) >= VARIANT_NAME]


def job_days(job: Job, as_of: dt.date, start: dt.date) -> tuple[dt.date, dt.date] | None:
    """The job's dates clipped to [start, as_of], or None when they do not meet."""
    first, last = max(job.start, start), min(job.end or as_of, as_of)
    return (first, last) if first <= last else None
