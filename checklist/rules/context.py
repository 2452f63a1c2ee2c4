"""What every check sees: the case, the documents understood, which job each
document supports, the permits, and the qualifying hours (computed once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from checklist.models.case import Case
from checklist.models.document import Document, DocumentKind
from checklist.models.report import Experience
from checklist.rules import matching
from checklist.rules.hours import compute_hours, window_start


@dataclass(frozen=True)
class Permit:
    document: Document
    start: dt.date
    end: dt.date
    employer_specific: bool
    employer: str | None

    def allows(self, employer: str, day: dt.date) -> bool:
        if not self.start <= day <= self.end:
            return False
        if not self.employer_specific or not self.employer:
            return True
        return matching.employer_similarity(self.employer, employer) >= matching.VARIANT_NAME


@dataclass
class Context:
    case: Case
    as_of: dt.date
    documents: list[Document]
    noc: Any | None = None  # checklist.noc.NocData when reference data is installed

    @cached_property
    def window(self) -> tuple[dt.date, dt.date]:
        return window_start(self.as_of), self.as_of

    @cached_property
    def assignments(self) -> dict[str, matching.Assignment]:
        return {doc.path: matching.assign(self.case, doc) for doc in self.documents}

    def of_kind(self, kind: DocumentKind) -> list[Document]:
        return [doc for doc in self.documents if doc.kind is kind]

    def for_job(self, job: int, kind: DocumentKind) -> list[Document]:
        return [doc for doc in self.of_kind(kind) if self.assignments[doc.path].job == job]

    def letter(self, job: int) -> Document | None:
        """The reference letter for a job: among those naming its employer, the most complete."""
        letters = self.for_job(job, DocumentKind.REFERENCE_LETTER)
        letters += [
            doc for doc in self.of_kind(DocumentKind.REFERENCE_LETTER)
            if doc not in letters and job in matching.jobs_at_employer(self.case, doc.fields.get("employer_name") or "")
        ]
        if not letters:
            return None
        return max(letters, key=lambda doc: (sum(v not in (None, [], "") for v in doc.fields.values()), doc.path))

    def position(self, job: int) -> dict[str, Any]:
        """The position in the job's letter that the claim describes (by title, then start date)."""
        letter = self.letter(job)
        if letter is None:
            return {}
        claim = self.case.jobs[job]
        positions = letter.fields.get("positions") or [letter.fields]
        if len(positions) == 1:
            return {**letter.fields, **{k: v for k, v in positions[0].items() if v not in (None, [])}}

        def distance(position: dict[str, Any]) -> tuple[float, int]:
            similarity = fuzz.token_set_ratio(str(position.get("job_title") or "").lower(), claim.title.lower())
            begin = position.get("start_date")
            days = abs((begin - claim.start).days) if isinstance(begin, dt.date) else 10_000
            return (-similarity, days)

        return min(positions, key=distance)

    def letter_hours(self, job: int) -> float | None:
        value = self.position(job).get("hours_per_week")
        if not value:
            letter = self.letter(job)
            value = letter.fields.get("hours_per_week") if letter else None
        return float(value) if value else None

    def employer_groups(self) -> list[list[int]]:
        """Claimed jobs grouped by employer (a promotion is two jobs at one employer)."""
        groups: list[list[int]] = []
        for index, job in enumerate(self.case.jobs):
            for group in groups:
                if matching.employer_similarity(self.case.jobs[group[0]].employer, job.employer) >= matching.SAME_NAME:
                    group.append(index)
                    break
            else:
                groups.append([index])
        return groups

    def weekly_hours(self, job: int) -> float:
        """The lower of the claim and the letter (the claim alone when no letter says)."""
        claim = self.case.jobs[job].hours_per_week
        stated = self.letter_hours(job)
        return min(claim, stated) if stated else claim

    @cached_property
    def permits(self) -> list[Permit]:
        out = []
        for doc in self.of_kind(DocumentKind.WORK_PERMIT):
            start, end = doc.fields.get("issue_date"), doc.fields.get("expiry_date")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and start <= end:
                specific = doc.fields.get("permit_type") == "employer_specific"
                out.append(Permit(doc, start, end, specific, doc.fields.get("employer")))
        return sorted(out, key=lambda permit: permit.start)

    def covered(self, job: int, day: dt.date) -> bool:
        """Some permit, of any type, is valid that day."""
        return any(permit.start <= day <= permit.end for permit in self.permits)

    def authorized(self, job: int, day: dt.date) -> bool:
        """A permit valid that day allows work for this job's employer."""
        employer = self.case.jobs[job].employer
        return any(permit.allows(employer, day) for permit in self.permits)

    def duty_matches(self) -> list[tuple[int, Any, Document]]:
        """(job, DutyMatch, letter) for each job whose letter lists duties and whose NOC is known."""
        return [(index, match, letter) for index, (match, letter) in self._duty_matches.items()]

    @cached_property
    def _duty_matches(self) -> dict[int, tuple[Any, Document]]:
        if self.noc is None:
            return {}
        from checklist.noc import match_duties

        out = {}
        for index, job in enumerate(self.case.jobs):
            letter = self.letter(index)
            duties = self.position(index).get("duties") or (letter.fields.get("duties") if letter else None)
            if letter is None or not duties or self.noc.get(job.noc) is None:
                continue
            title = self.position(index).get("job_title") or job.title
            out[index] = (match_duties(self.noc, job.noc, list(duties), title), letter)
        return out

    @cached_property
    def experience(self) -> Experience:
        weekly = [self.weekly_hours(index) for index in range(len(self.case.jobs))]
        return compute_hours(self.case, self.as_of, weekly, self.authorized)
