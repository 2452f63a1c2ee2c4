"""The authorization timeline: which days each status document lets the applicant do which work.

Work counts only while authorized (IRPR R185, R186; cec-rules.md):

- a work permit authorizes from its issue date to its expiry date, inclusive,
  under its conditions: the employer and occupation of an employer-specific
  permit, the restrictions of an open permit;
- maintained status (R186(u)): after a permit's expiry, when an
  acknowledgement of receipt or an interim-authorization letter shows the
  extension was received on or before the expiry, under the old permit's
  conditions, until the day before the next permit's issue date (or the
  interim letter's validity end when no new permit is there);
- R186(w): from the day a post-graduation work permit application was
  received, full time for any employer, until the day before the next work
  permit (or the letter's validity end);
- study permits, visitor records, co-op work permits and permits issued to
  refugee claimants authorize no work that counts; study and co-op permits
  also show full-time study for their validity.

A status document whose dates cannot be read covers nothing here, and the
checks say which days depend on it: it is never silently treated as absent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from checklist.kinds.ircc_letter.fields import IrccLetterFields
from checklist.kinds.study_permit.fields import StudyPermitFields
from checklist.kinds.visitor_record.fields import VisitorRecordFields
from checklist.kinds.work_permit.fields import WorkPermitFields
from checklist.models.case import Job
from checklist.models.document import Document, DocumentKind
from checklist.text.normalize import company_key
from checklist.text.titles import titles_match

Basis = Literal["work_permit", "maintained_status", "r186w"]
ONE_DAY = dt.timedelta(days=1)

# NOC 2021 unit groups an open permit's medical restriction covers (the wording IRCC prints:
# "not authorized to work in occupations in health services, child care, primary or secondary school teaching").
RESTRICTED = {
    "health_services": lambda noc: noc[:1] == "3",  # broad category 3: health occupations
    "child_care": lambda noc: noc in {"42202", "44100", "44101"},  # early childhood educators, home child care
    "teaching": lambda noc: noc in {"41220", "41221", "43100"},  # secondary, elementary teachers and assistants
}


@dataclass(frozen=True)
class Period:
    """Days one basis authorizes, with the conditions that limit which work."""

    start: dt.date
    end: dt.date
    basis: Basis
    documents: tuple[str, ...]
    employer: str | None = None  # an employer-specific condition
    occupation: str | None = None
    noc: str | None = None
    restrictions: tuple[str, ...] = ()

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def refusal(self, job: Job) -> str | None:
        """Why these conditions do not allow the job ('employer', 'occupation', 'restriction'), or None."""
        if self.employer and company_key(self.employer) != company_key(job.employer):
            return "employer"
        if self.noc and len(job.noc) == 5 and self.noc != job.noc:
            return "occupation"
        if self.occupation and not self.noc and not _same_occupation(self.occupation, job.title):
            return "occupation"
        if any(RESTRICTED[name](job.noc) for name in self.restrictions if name in RESTRICTED):
            return "restriction"
        return None


@dataclass(frozen=True)
class Other:
    """A status document that authorizes no work that counts, and the days it is valid."""

    start: dt.date
    end: dt.date
    document: str
    why: str
    study: bool  # it shows full-time study (study permit, co-op permit)


@dataclass
class Timeline:
    periods: list[Period] = field(default_factory=list)
    others: list[Other] = field(default_factory=list)
    unread: list[Document] = field(default_factory=list)  # status documents whose validity dates were not read

    @property
    def authorizing(self) -> bool:
        return bool(self.periods)

    def any_status(self, day: dt.date) -> bool:
        return any(p.covers(day) for p in self.periods) or any(o.start <= day <= o.end for o in self.others)

    def allowing(self, job: Job, day: dt.date) -> list[Period]:
        return [p for p in self.periods if p.covers(day) and p.refusal(job) is None]

    def refusals(self, job: Job, day: dt.date) -> list[tuple[Period, str]]:
        return [(p, reason) for p in self.periods if p.covers(day) and (reason := p.refusal(job)) is not None]

    def study_days(self, day: dt.date) -> Other | None:
        return next((o for o in self.others if o.study and o.start <= day <= o.end), None)


def build_timeline(documents: list[Document], today: dt.date) -> Timeline:
    timeline = Timeline()
    permits: list[tuple[Document, WorkPermitFields]] = []
    for doc in documents:
        if doc.kind is DocumentKind.WORK_PERMIT:
            fields = doc.fields_as(WorkPermitFields)
            if not _dated(fields.issue_date, fields.expiry_date):
                timeline.unread.append(doc)
            elif fields.coop:
                timeline.others.append(
                    Other(
                        fields.issue_date,  # type: ignore[arg-type]  # _dated() checked both
                        fields.expiry_date,  # type: ignore[arg-type]
                        doc.path,
                        "a co-op work permit, tied to a study program: its work is student work",
                        True,
                    )
                )
            elif fields.refugee_claimant:
                timeline.others.append(
                    Other(
                        fields.issue_date,  # type: ignore[arg-type]  # _dated() checked both
                        fields.expiry_date,  # type: ignore[arg-type]
                        doc.path,
                        "an open permit issued to a refugee claimant, who has no temporary resident status",
                        False,
                    )
                )
            else:
                permits.append((doc, fields))
        elif doc.kind is DocumentKind.STUDY_PERMIT:
            study = doc.fields_as(StudyPermitFields)
            _other(
                timeline,
                doc,
                study.issue_date,
                study.expiry_date,
                "a study permit: it allows only student work, which does not count",
                True,
            )
        elif doc.kind is DocumentKind.VISITOR_RECORD:
            visitor = doc.fields_as(VisitorRecordFields)
            _other(
                timeline,
                doc,
                visitor.issue_date,
                visitor.expiry_date,
                "a visitor record: a visitor is not authorized to work",
                False,
            )
    permits.sort(key=lambda item: item[1].issue_date)  # type: ignore[arg-type, return-value]
    for doc, fields in permits:
        assert fields.issue_date is not None and fields.expiry_date is not None
        timeline.periods.append(_period(fields.issue_date, fields.expiry_date, "work_permit", (doc.path,), fields))
    letters = [(doc, doc.fields_as(IrccLetterFields)) for doc in documents if doc.kind is DocumentKind.IRCC_LETTER]
    timeline.periods += _maintained(permits, letters, today) + _r186w(permits, letters, documents, today)
    timeline.periods.sort(key=lambda p: (p.start, p.basis))
    return timeline


def _other(
    timeline: Timeline, doc: Document, start: dt.date | None, end: dt.date | None, why: str, study: bool
) -> None:
    if _dated(start, end):
        timeline.others.append(Other(start, end, doc.path, why, study))  # type: ignore[arg-type]
    else:
        timeline.unread.append(doc)


def _dated(start: dt.date | None, end: dt.date | None) -> bool:
    return start is not None and end is not None and start <= end


def _period(start: dt.date, end: dt.date, basis: Basis, documents: tuple[str, ...], fields: WorkPermitFields) -> Period:
    """A period under a permit's conditions (an employer-specific permit's employer and occupation)."""
    specific = fields.permit_type == "employer_specific"
    return Period(
        start,
        end,
        basis,
        documents,
        employer=fields.employer if specific else None,
        occupation=fields.occupation if specific else None,
        noc=fields.noc_code if specific and fields.noc_code and len(fields.noc_code) == 5 else None,
        restrictions=tuple(fields.restrictions),
    )


def _maintained(
    permits: list[tuple[Document, WorkPermitFields]], letters: list[tuple[Document, IrccLetterFields]], today: dt.date
) -> list[Period]:
    """Maintained status after each permit whose extension was received on or before its expiry."""
    out = []
    for index, (doc, fields) in enumerate(permits):
        expiry, issued = fields.expiry_date, fields.issue_date
        assert expiry is not None and issued is not None
        proofs = [
            (d, f)
            for d, f in letters
            if f.letter_type in ("acknowledgement_of_receipt", "interim_authorization")
            and f.application_type
            not in ("pgwp", "study_permit", "study_permit_extension", "visitor_record", "permanent_residence")
            and f.received_date is not None
            and issued <= f.received_date <= expiry
        ]
        if not proofs:
            continue
        following = [f.issue_date for _, f in permits[index + 1 :] if f.issue_date and f.issue_date > expiry]
        interim_ends = [f.valid_until for _, f in proofs if f.letter_type == "interim_authorization" and f.valid_until]
        if following:
            end = min(following) - ONE_DAY
        elif interim_ends:
            end = max(interim_ends)
        else:
            end = today  # still pending: the applicant keeps working under the old conditions
        if end > expiry:
            out.append(
                _period(expiry + ONE_DAY, end, "maintained_status", (doc.path, *(d.path for d, _ in proofs)), fields)
            )
    return out


def _r186w(
    permits: list[tuple[Document, WorkPermitFields]],
    letters: list[tuple[Document, IrccLetterFields]],
    documents: list[Document],
    today: dt.date,
) -> list[Period]:
    """Full-time work for any employer while a PGWP application made before the study permit expired is pending."""
    study_expiries = [
        d.fields_as(StudyPermitFields).expiry_date for d in documents if d.kind is DocumentKind.STUDY_PERMIT
    ]
    out = []
    for doc, fields in letters:
        pgwp = fields.letter_type == "r186w" or fields.application_type == "pgwp"
        received = fields.received_date
        if not pgwp or received is None:
            continue
        if any(expiry is not None and received > expiry for expiry in study_expiries) and not any(
            expiry is not None and received <= expiry for expiry in study_expiries
        ):
            continue  # applied after the study permit expired: R186(w) does not apply
        following = [f.issue_date for _, f in permits if f.issue_date and f.issue_date > received]
        end = min(following) - ONE_DAY if following else (fields.valid_until or today)
        if end >= received:
            out.append(Period(received, end, "r186w", (doc.path,)))
    return out


def _same_occupation(permit_occupation: str, title: str) -> bool:
    return titles_match(permit_occupation, title)
