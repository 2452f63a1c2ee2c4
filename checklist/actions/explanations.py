"""Letters of explanation to complete: the gaps that call for one, with the facts the checks found.

A letter of explanation is the applicant's own statement. The tool drafts its
frame: the facts it found (dates, documents, names, years, as the findings give
them) and blanks for what only the applicant knows. Each draft is marked at the
top as a DRAFT to complete and sign; nothing in it asserts a reason.

Topics, one draft each, from these findings (not acknowledged):

- `status.maintained`: days worked under maintained status or R186(w);
- `name.mismatch`: a document names the applicant differently;
- `employer.name-mismatch`: a document names the employer differently;
- `t4.missing-year`: a completed year of work without a T4 from the employer;
- `paystub.gap`: stretches of a job without pay stubs;
- `cec.leave`: a leave the letter states.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checklist.actions.requests import letter_fields
from checklist.models.report import Report

TOPICS = ("status.maintained", "name.mismatch", "employer.name-mismatch", "t4.missing-year", "paystub.gap", "cec.leave")


@dataclass(frozen=True)
class Occurrence:
    """One finding of the topic: its values as strings, and the documents it concerns."""

    values: dict[str, str]
    documents: tuple[str, ...] = ()
    job: int | None = None


@dataclass(frozen=True)
class Explanation:
    topic: str  # one of TOPICS
    applicant: str
    language: str  # en | fr
    occurrences: tuple[Occurrence, ...]
    employers: dict[int, str] = field(default_factory=dict)  # job index -> employer, as claimed


def build_explanations(report: Report, language: str | None = None) -> list[Explanation]:
    """One draft per topic the findings raise, in TOPICS order."""
    language = language or case_language(report)
    employers = {i: str(job.get("employer", "")) for i, job in enumerate(report.claims.jobs if report.claims else [])}
    out = []
    for topic in TOPICS:
        found = [f for f in report.findings if f.code == topic and not f.acknowledged]
        if found:
            occurrences = tuple(
                Occurrence({k: str(v) for k, v in f.values.items() if v is not None}, tuple(f.documents), f.job)
                for f in found
            )
            out.append(Explanation(topic, report.applicant, language, occurrences, employers))
    return out


def case_language(report: Report) -> str:
    """French when most of the reference letters are French; English otherwise."""
    languages = [d.language or letter_fields(d).language for d in report.documents if d.kind == "reference_letter"]
    french = sum(1 for language in languages if language == "fr")
    return "fr" if languages and french * 2 > len(languages) else "en"
