"""What every check sees: the case, the documents understood, which job each
document supports, the permits, and the qualifying hours (computed once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from checklist.kinds.reference_letter.fields import Position, ReferenceLetterFields
from checklist.kinds.work_permit.fields import WorkPermitFields
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
            if doc not in letters
            and job in matching.jobs_at_employer(self.case, doc.fields_as(ReferenceLetterFields).employer_name or "")
        ]
        if not letters:
            return None
        return max(letters, key=lambda doc: (sum(v not in (None, [], "") for _, v in doc.fields), doc.path))

    def letter_fields(self, job: int) -> ReferenceLetterFields | None:
        letter = self.letter(job)
        return letter.fields_as(ReferenceLetterFields) if letter else None

    def position(self, job: int) -> Position | None:
        """The position in the job's letter that the claim describes (by title, then start date).

        A value the position does not state is taken from the letter as a whole only
        when it is letter-wide: the letter lists one position, or no position states
        that value (a sentence such as "all positions were full time, 40 hours a week").
        """
        fields = self.letter_fields(job)
        if fields is None:
            return None
        flat = Position.model_validate({name: getattr(fields, name) for name in Position.model_fields})
        positions = fields.positions or [flat]
        claim = self.case.jobs[job]

        def distance(position: Position) -> tuple[float, int]:
            similarity = fuzz.token_set_ratio(str(position.job_title or "").lower(), claim.title.lower())
            days = abs((position.start_date - claim.start).days) if position.start_date else 10_000
            return (-similarity, days)

        chosen = positions[0] if len(positions) == 1 else min(positions, key=distance)
        letter_wide = {
            name: getattr(flat, name) for name in Position.model_fields
            if len(positions) == 1 or all(getattr(p, name) in (None, []) for p in positions)
        }
        stated = {name: value for name, value in chosen if value not in (None, [])}
        return Position.model_validate({**letter_wide, **stated})

    def letter_hours(self, job: int) -> float | None:
        position = self.position(job)
        return float(position.hours_per_week) if position and position.hours_per_week else None

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
            fields = doc.fields_as(WorkPermitFields)
            start, end = fields.issue_date, fields.expiry_date
            if start and end and start <= end:
                out.append(Permit(doc, start, end, fields.permit_type == "employer_specific", fields.employer))
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
            letter, position = self.letter(index), self.position(index)
            duties = position.duties if position else []
            if letter is None or not duties or self.noc.get(job.noc) is None:
                continue
            title = (position.job_title if position else None) or job.title
            out[index] = (match_duties(self.noc, job.noc, list(duties), title), letter)
        return out

    @cached_property
    def experience(self) -> Experience:
        weekly = [self.weekly_hours(index) for index in range(len(self.case.jobs))]
        return compute_hours(self.case, self.as_of, weekly, self.authorized)
