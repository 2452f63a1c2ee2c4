"""What every check sees: the case, the documents understood, which job each
document supports, the permits, and the qualifying hours (computed once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from checklist.kinds.reference_letter.fields import Position, ReferenceLetterFields
from checklist.models.case import Case
from checklist.models.document import Document, DocumentKind
from checklist.models.report import REQUIRED_HOURS, Experience
from checklist.rules import matching
from checklist.rules.authorization import Timeline, build_timeline
from checklist.rules.facts import JobFacts, StubHours, job_facts, stub_hours
from checklist.rules.hours import STUDY, WEEKLY_CAP, compute_hours, window_start


@dataclass
class Context:
    """`as_of` is today as the check sees it (the --as-of option, else the run date)."""

    case: Case
    as_of: dt.date
    documents: list[Document]
    noc: Any | None = None  # checklist.noc.NocData when reference data is installed
    review_lapsed: list[str] = field(default_factory=list)  # files whose review decisions lapsed (the file changed)

    @cached_property
    def window(self) -> tuple[dt.date, dt.date]:
        """The 3-year window: it ends on the application date when given, else today."""
        end = self.case.window_end(self.as_of)
        return window_start(end), end

    @cached_property
    def until(self) -> dt.date:
        """The last day counted: the window's end, and never after today."""
        return min(self.window[1], self.as_of)

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
            doc
            for doc in self.of_kind(DocumentKind.REFERENCE_LETTER)
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
        return self._positions[job]

    @cached_property
    def _positions(self) -> list[Position | None]:
        return [self._position(job) for job in range(len(self.case.jobs))]

    def _position(self, job: int) -> Position | None:
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
            name: getattr(flat, name)
            for name in Position.model_fields
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
        """The lowest of the claim, the letter and an hourly job's stubs (the claim alone when no document says)."""
        supported = [self.case.jobs[job].hours_per_week, self.letter_hours(job)]
        stubs = self.stub_hours(job) if self.hourly(job) else None
        supported.append(stubs.weekly if stubs else None)
        return min(hours for hours in supported if hours)

    def hourly(self, job: int) -> bool:
        """Paid by the hour, as the letter states the pay (salaried stubs with conventional hours do not lower the hours)."""
        position = self.position(job)
        return bool(position and position.salary_period == "hour")

    def stub_hours(self, job: int) -> StubHours | None:
        return self._stub_hours[job]

    @cached_property
    def _stub_hours(self) -> list[StubHours | None]:
        return [
            stub_hours(job, self.for_job(index, DocumentKind.PAY_STUB), self.until)
            for index, job in enumerate(self.case.jobs)
        ]

    @cached_property
    def facts(self) -> list[JobFacts]:
        """What the documents say about each job's days."""
        return [
            job_facts(job, self.letter_fields(index), self.position(index), self.as_of)
            for index, job in enumerate(self.case.jobs)
        ]

    def excluded(self, job: int, day: dt.date) -> str | None:
        """Why the documents exclude a day: the letter's facts, then study a study or co-op permit shows."""
        reason = self.facts[job].excluded(day)
        if reason is None and self.authorization.study_days(day) is not None:
            return STUDY
        return reason

    @cached_property
    def authorization(self) -> Timeline:
        """The periods each status document authorizes, with their conditions."""
        return build_timeline(self.documents, self.until)

    def authorized(self, job: int, day: dt.date) -> bool:
        """Some authorization valid that day allows this job's work (employer, occupation, restrictions)."""
        return bool(self.authorization.allowing(self.case.jobs[job], day))

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
    def weekly(self) -> list[float]:
        return [self.weekly_hours(index) for index in range(len(self.case.jobs))]

    def hours_until(self, end: dt.date, today: dt.date) -> Experience:
        """Qualifying hours in the 3 years ending `end`, counting no day after `today`."""
        return compute_hours(self.case, end, self.weekly, self.authorized, until=today, excluded=self.excluded)

    @cached_property
    def experience(self) -> Experience:
        experience = self.hours_until(self.window[1], self.as_of)
        return experience.model_copy(
            update={
                "today": self.as_of,
                "at_ita": self.at_ita.qualifying_hours if self.at_ita else None,
                "reaches_required_on": self._reaches_required_on(experience),
            }
        )

    @cached_property
    def at_ita(self) -> Experience | None:
        """The hours in the 3 years before the ITA: the profile had to be true on that day."""
        ita = self.case.ita_date
        return self.hours_until(ita, min(ita, self.as_of)) if ita else None

    def _reaches_required_on(self, now: Experience) -> dt.date | None:
        """The first day the window ending then holds 1,560 hours, if current jobs and status continue."""
        if now.qualifying_hours >= REQUIRED_HOURS:
            return None
        if not any(job.end is None or job.end > self.as_of for job in self.case.jobs):
            return None
        lo, hi = self._bracket(now)
        if hi is None:
            return None
        while (hi - lo).days > 1:
            mid = lo + (hi - lo) / 2
            lo, hi = (lo, mid) if self._projected(mid) >= REQUIRED_HOURS else (mid, hi)
        return hi

    def _bracket(self, now: Experience) -> tuple[dt.date, dt.date | None]:
        """Days (lo, hi) with the projected hours short on `lo` and reached on `hi` (None if never within 3 years).

        Every projection costs a full count of three years, so the search starts where the
        30-hour weekly cap says the hours cannot yet be reached, and gallops from there: a case
        a few weeks short costs a handful of counts instead of a dozen.
        """
        limit = self.as_of + dt.timedelta(days=3 * 366)
        shortfall = REQUIRED_HOURS - now.qualifying_hours
        fewest = max(0, int(7 * (shortfall / WEEKLY_CAP - 2)) - 1)  # the cap bounds what any week adds
        lo = self.as_of + dt.timedelta(days=fewest)
        if lo > self.as_of and (lo >= limit or self._projected(lo) >= REQUIRED_HOURS):
            lo = self.as_of
        step = 7
        while True:
            hi = min(lo + dt.timedelta(days=step), limit)
            if self._projected(hi) >= REQUIRED_HOURS:
                return lo, hi
            if hi >= limit:
                return lo, None
            lo, step = hi, step * 2

    def _projected(self, day: dt.date) -> float:
        """Hours in the window ending `day` if current work and its authorization continue until then."""

        def authorized(job: int, d: dt.date) -> bool:
            return d > self.as_of or self.authorized(job, d)

        return compute_hours(
            self.case, day, self.weekly, authorized, until=day, excluded=self.excluded
        ).qualifying_hours
