"""Synthetic cases made in code: a clean baseline that every check passes, and
small changes to it that make exactly one check fire."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from checklist.kinds import spec
from checklist.models.case import Case, Job, StudyPeriod
from checklist.models.document import Classification, Document, DocumentKind, Page, RawDocument, ReadMethod
from checklist.models.report import Report
from checklist.pipeline import build_report
from tests.support.noc import shared_noc

K = DocumentKind
D = dt.date
AS_OF = D(2026, 3, 1)
EMPLOYER = "Northwind Analytics Inc."
APPLICANT = "Maria Santos"

LETTER = {
    "employer_name": EMPLOYER,
    "employee_name": APPLICANT,
    "job_title": "Software Developer",
    "start_date": D(2023, 3, 1),
    "end_date": None,
    "currently_employed": True,
    "hours_per_week": 40,
    "salary_amount": 72000,
    "salary_period": "year",
    "benefits": "extended health and dental",
    "duties": [
        "Design and build new features for our billing platform in Python and TypeScript",
        "Write unit and integration tests and fix the defects they find",
        "Debug production issues reported by the support team and ship the fixes",
        "Review pull requests from other developers and keep the code documented",
        "Plan releases with the product manager and estimate the work",
    ],
    "signatory_name": "Ana Lopez",
    "signatory_title": "Engineering Manager",
    "employer_address": "100 King Street West, Toronto, ON M5X 1A9",
    "employer_phone": "(416) 555-0100",
    "employer_email": "hr@northwind.ca",
    "letter_date": D(2026, 2, 1),
    "language": "en",
}


LANGUAGE = {
    "test": "ielts_general",
    "holder_name": APPLICANT,
    "test_date": D(2025, 6, 14),
    "listening": 8.0,
    "reading": 7.0,
    "writing": 7.0,
    "speaking": 7.5,
}


def document(
    kind: DocumentKind,
    path: str,
    text: str = "",
    method: ReadMethod = ReadMethod.TEXT_LAYER,
    size: int = 50_000,
    language: str | None = "en",
    **fields: Any,
) -> Document:
    """A document as the extractors would have produced it."""
    values = spec(kind).fields.model_validate(fields)
    raw = RawDocument(
        path=path,
        size=size,
        file_format="pdf",
        pages=[Page(number=1, text=text or f"{kind.value} text ({path})", method=method)],
    )
    return Document(raw=raw, classification=Classification(kind=kind, score=10.0), fields=values, language=language)


def unreadable(path: str, reason: str, size: int = 1000) -> Document:
    raw = RawDocument(path=path, size=size, file_format="unknown", error=reason)
    return Document(raw=raw, classification=Classification(kind=K.UNREADABLE, score=0.0))


def monthly_stubs(
    start: D, end: D, employer: str = EMPLOYER, hours: float = 173.3, name: str = APPLICANT
) -> list[Document]:
    stubs, month = [], D(start.year, start.month, 1)
    while month <= end:
        nxt = D(month.year + (month.month == 12), month.month % 12 + 1, 1)
        stubs.append(
            document(
                K.PAY_STUB,
                f"stubs/{month:%Y-%m}.pdf",
                employer_name=employer,
                employee_name=name,
                period_start=month,
                period_end=nxt - dt.timedelta(days=1),
                pay_date=nxt - dt.timedelta(days=1),
                hours=hours,
                gross_pay=6000.0,
            )
        )
        month = nxt
    return stubs


@dataclass
class Scenario:
    """A case and its documents; `report()` runs every check."""

    jobs: list[dict[str, Any]] = field(
        default_factory=lambda: [
            dict(employer=EMPLOYER, title="Software Developer", noc="21232", start=D(2023, 3, 1), hours_per_week=40)
        ]
    )
    documents: list[Document] = field(default_factory=list)
    study: list[tuple[D, D]] = field(default_factory=list)
    ita_date: D | None = None
    application_date: D | None = None
    as_of: D = AS_OF
    with_noc: bool = True
    claims: dict[str, Any] = field(
        default_factory=dict
    )  # other case.yaml fields (application_date, intended_province...)

    @classmethod
    def clean(cls) -> Scenario:
        docs = [
            document(K.REFERENCE_LETTER, "letter.pdf", text="Contact hr@northwind.ca", **LETTER),
            document(
                K.WORK_PERMIT,
                "permit.pdf",
                holder_name=APPLICANT,
                permit_number="U123456789",
                issue_date=D(2022, 12, 1),
                expiry_date=D(2027, 11, 30),
                permit_type="open",
            ),
        ]
        docs += monthly_stubs(D(2023, 3, 1), D(2026, 1, 31))
        docs += [
            document(
                K.T4,
                f"t4_{y}.pdf",
                tax_year=y,
                employer_name=EMPLOYER.upper(),
                employee_name=APPLICANT,
                employment_income=72000 * (306 / 365 if y == 2023 else 1),
                province="ON",
            )
            for y in (2023, 2024, 2025)
        ]
        docs.append(document(K.LANGUAGE_TEST, "ielts.pdf", **LANGUAGE))
        return cls(documents=docs)

    def replace(self, path: str, **fields: Any) -> Scenario:
        """The same scenario with one document's fields changed (None removes a value)."""
        out = []
        for doc in self.documents:
            if doc.path == path:
                values = {**doc.fields.model_dump(), **fields}
                doc = document(doc.kind, doc.path, text=doc.raw.text, **values)
            out.append(doc)
        self.documents = out
        return self

    def drop(self, *paths: str) -> Scenario:
        self.documents = [
            d for d in self.documents if d.path not in paths and not any(d.path.startswith(p) for p in paths)
        ]
        return self

    def case(self) -> Case:
        return Case(
            applicant=APPLICANT,
            ita_date=self.ita_date,
            application_date=self.application_date,
            jobs=[Job(**job) for job in self.jobs],
            study=[StudyPeriod(start=a, end=b) for a, b in self.study],
            **self.claims,
        )

    def report(self) -> Report:
        return build_report(self.case(), self.as_of, self.documents, shared_noc() if self.with_noc else None)

    def codes(self, *severities: str) -> set[str]:
        wanted = severities or ("blocker", "warning")
        return {f.code for f in self.report().findings if f.severity.value in wanted}
