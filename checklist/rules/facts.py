"""What the documents say about the days of each claimed job, for the hours.

The claim gives the days; the evidence narrows them. A day counts only
inside the dates the job's reference letter supports (the overlap with the
claim; the claim alone when the letter gives no dates), outside any leave
the letter states, and only when the letter does not describe contract work
or work done outside Canada. The weekly hours are the lowest of the claim,
the letter, and, for an hourly job, what its pay stubs show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checklist.kinds.pay_stub.fields import PayStubFields
from checklist.kinds.reference_letter.fields import Position, ReferenceLetterFields
from checklist.models.case import Job
from checklist.models.document import Document
from checklist.rules.hours import CONTRACTOR, LEAVE, NOT_IN_LETTER, OUTSIDE_CANADA
from checklist.text.places import in_canada


@dataclass(frozen=True)
class StubHours:
    """The hours an hourly job's pay stubs show, over the days their periods cover within the job."""

    paid: float
    days: int
    documents: tuple[str, ...]

    @property
    def weekly(self) -> float:
        return self.paid / (self.days / 7)


@dataclass(frozen=True)
class JobFacts:
    """The evidence about one job's days: letter dates, stated leaves, contract work, place of work."""

    letter_start: dt.date | None = None
    letter_end: dt.date | None = None  # None: open (current) or not stated
    letter_dated: bool = False  # the letter gives dates at all
    leaves: tuple[tuple[dt.date, dt.date], ...] = ()
    contractor: bool = False
    abroad: bool = False
    counted_contract: bool = False  # contract work that counts anyway (the physicians' public policy)
    notes: dict[str, str] = field(default_factory=dict)

    def excluded(self, day: dt.date) -> str | None:
        """Why the documents exclude this day of the job, or None."""
        if self.contractor and not self.counted_contract:
            return CONTRACTOR
        if self.abroad:
            return OUTSIDE_CANADA
        if self.letter_dated and not (
            (self.letter_start is None or self.letter_start <= day)
            and (self.letter_end is None or day <= self.letter_end)
        ):
            return NOT_IN_LETTER
        if any(first <= day <= last for first, last in self.leaves):
            return LEAVE
        return None


def job_facts(job: Job, letter: ReferenceLetterFields | None, position: Position | None, today: dt.date) -> JobFacts:
    """The facts a job's letter gives about its days (no letter: nothing narrows the claim)."""
    if letter is None or position is None:
        return JobFacts()
    leaves = tuple((leave.start, leave.end or today) for leave in letter.leaves if leave.start)
    place = letter.work_location
    return JobFacts(
        letter_start=position.start_date,
        letter_end=position.end_date,
        letter_dated=position.start_date is not None or position.end_date is not None,
        leaves=leaves,
        contractor=bool(letter.contractor) and not job.self_employed,
        abroad=place is not None and in_canada(place) is False,
        counted_contract=job.physician_fee_for_service,
    )


def stub_hours(job: Job, stubs: list[Document], until: dt.date) -> StubHours | None:
    """Hours paid over the days the stubs cover within the job (a period paid twice counts once)."""
    paid, days, used, seen = 0.0, 0, [], set()
    for stub in stubs:
        fields = stub.fields_as(PayStubFields)
        start, end = fields.period_start, fields.period_end or fields.pay_date
        if fields.hours is None or start is None or end is None or start > end or (start, end) in seen:
            continue
        first, last = max(start, job.start), min(end, job.end or end, until)
        if first > last:
            continue
        seen.add((start, end))
        share = ((last - first).days + 1) / ((end - start).days + 1)
        paid += float(fields.hours) * share
        days += (last - first).days + 1
        used.append(stub.path)
    return StubHours(paid, days, tuple(used)) if days else None
