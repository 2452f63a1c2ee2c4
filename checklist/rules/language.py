"""Language: a designated test's result, less than 2 years old when the e-APR is
submitted, at the CLB the qualifying work needs in all four skills, and the
applicant's own.

A result counts when its test is one IRCC designates (IELTS General
Training, CELPIP-General, PTE Core, TEF Canada, TCF Canada) or could not be
read (unknown is not absent); an IELTS Academic or PTE Academic result
never counts. The day a result must still be valid on is the application
date when case.yaml gives one, else today (the check's as_of).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checklist.kinds.language_test.clb import DESIGNATED, SKILLS, TEST_NAMES
from checklist.kinds.language_test.fields import LanguageTestFields
from checklist.models.document import Document, DocumentKind
from checklist.models.findings import Confidence
from checklist.models.report import REQUIRED_HOURS
from checklist.rules.context import Context
from checklist.rules.matching import same_person
from checklist.rules.registry import Gap, rule

VALID_YEARS = 2
HIGH_TEER_CLB, OTHER_CLB = 7, 5


def results(ctx: Context) -> list[tuple[Document, LanguageTestFields]]:
    """Results that may count: a designated test, or a test that could not be read."""
    return [
        (doc, fields)
        for doc in ctx.of_kind(DocumentKind.LANGUAGE_TEST)
        if (fields := doc.fields_as(LanguageTestFields)).test is None or fields.test in DESIGNATED
    ]


def valid_on(ctx: Context) -> dt.date:
    """The day a result must be less than 2 years old on: the application date, else today."""
    return ctx.case.application_date or ctx.as_of


def expires(test_date: dt.date) -> dt.date:
    """The first day a result is 2 years old (29 February falls back to the 28th)."""
    try:
        return test_date.replace(year=test_date.year + VALID_YEARS)
    except ValueError:
        return test_date.replace(year=test_date.year + VALID_YEARS, day=28)


def current(ctx: Context) -> list[tuple[Document, LanguageTestFields]]:
    """Results not known to be expired on the day that counts (an unread date is not expired)."""
    day = valid_on(ctx)
    return [(doc, f) for doc, f in results(ctx) if f.test_date is None or expires(f.test_date) > day]


def required_clb(ctx: Context) -> tuple[int, str]:
    """CLB 7 when TEER 0-1 hours are needed to reach 1,560 (the other jobs' hours alone are under it), else CLB 5."""
    jobs = ctx.experience.jobs
    high = sum(job.qualifying_hours for job in jobs if job.teer is not None and job.teer <= 1)
    other = sum(job.qualifying_hours for job in jobs if job.teer is not None and job.teer >= 2)
    if high > 0 and other < REQUIRED_HOURS:
        return HIGH_TEER_CLB, f"TEER 0 or 1 work is needed to reach {REQUIRED_HOURS:,} hours"
    if high > 0:
        return OTHER_CLB, f"the TEER 2 or 3 work alone gives {other:,.0f} qualifying hours"
    if any(job.teer is not None and job.teer <= 1 for job in jobs):
        return OTHER_CLB, "no hours of TEER 0 or 1 work qualify"
    return OTHER_CLB, "the work claimed is TEER 2 or 3"


def _confidence(doc: Document) -> Confidence:
    return Confidence.OCR if doc.raw.ocr else Confidence.TEXT_LAYER


@rule(
    "language.missing",
    "blocker",
    "No language test result",
    "No language test result is among the documents: CEC needs one from IELTS General Training, CELPIP-General, "
    "PTE Core, TEF Canada or TCF Canada.",
    "Add your language test result (the test report form, score report or attestation) to the case; "
    "if you have not taken a test yet, book one of the five IRCC designates.",
)
def missing(ctx: Context) -> Iterator[Gap]:
    """Every CEC applicant proves English or French with a result from an IRCC-designated test, taken in
    all four skills. IELTS Academic and PTE Academic results are not accepted for permanent residence."""
    if results(ctx):
        return
    others = ctx.of_kind(DocumentKind.LANGUAGE_TEST)
    if not others:
        yield Gap({})
        return
    names = ", ".join(
        f"{doc.path} ({TEST_NAMES.get(str(doc.fields_as(LanguageTestFields).test), 'another test')})" for doc in others
    )
    yield Gap(
        {"found": names},
        documents=tuple(doc.path for doc in others),
        message="No accepted language test result: IRCC does not accept {found} for permanent residence "
        "(only IELTS General Training, CELPIP-General, PTE Core, TEF Canada and TCF Canada).",
        fix="Take one of the five designated tests (IELTS General Training, not Academic; PTE Core, not Academic) "
        "and add its result to the case.",
    )


@rule(
    "language.expired",
    "blocker",
    "The language test result has expired",
    "{file}: the test was taken on {test_date}, so the result stopped being valid on {expired}; it is not valid on {day}.",
    "Take a new language test and add the new result: IRCC refuses an application whose results are 2 years "
    "old or more on the day it is submitted.",
)
def expired(ctx: Context) -> Iterator[Gap]:
    """Language test results are valid for 2 years from the test date and must still be valid on the day
    the e-APR is submitted. A result whose test date could not be read is not taken as expired
    (language.date-unread asks about it)."""
    found, day = results(ctx), valid_on(ctx)
    if any(f.test_date is None or expires(f.test_date) > day for _, f in found):
        return
    dated = [(f.test_date, doc.path, doc) for doc, f in found if f.test_date is not None]
    if not dated:
        return
    test_date, _, doc = max(dated, key=lambda item: (item[0], item[1]))
    yield Gap(
        {"file": doc.path, "test_date": test_date, "expired": expires(test_date), "day": day},
        documents=(doc.path,),
        field="test_date",
        confidence=_confidence(doc),
    )


@rule(
    "language.date-unread",
    "warning",
    "The language test date could not be read",
    "{file}: the test date could not be read, so whether the result is still valid on {day} is not known.",
    "Check the test date on {file}: the result must be less than 2 years old on {day}. "
    "Confirm the date in the review, or add a newer result.",
)
def date_unread(ctx: Context) -> Iterator[Gap]:
    """Unknown is not absent: when no result is known to be valid and a result's test date could not be
    read, the person is asked to confirm that date instead of being told the result expired. (A code the
    project adds to checks.md's; language.expired never fires on a date it could not read.)"""
    found, day = results(ctx), valid_on(ctx)
    if any(f.test_date and expires(f.test_date) > day for _, f in found):
        return
    for doc, fields in found:
        if fields.test_date is None:
            yield Gap(
                {"file": doc.path, "day": day}, documents=(doc.path,), field="test_date", confidence=Confidence.INFERRED
            )


@rule(
    "language.below-minimum",
    "blocker",
    "A language skill is below the minimum",
    "{file}: {skills}, below the CLB {required} needed ({reason}).",
    "Retake the test to reach CLB {required} in every skill, or check that the claimed jobs' NOC codes "
    "(and so their TEER) are right.",
)
def below_minimum(ctx: Context) -> Iterator[Gap]:
    """CEC needs CLB/NCLC 7 in all four skills when the TEER 0 or 1 work is needed to reach the 1,560
    hours (the other jobs alone give fewer), and CLB/NCLC 5 otherwise. Levels come from IRCC's
    equivalency charts; a skill whose level is unknown is not taken as below. With several valid
    results, the best one is judged (results from different tests cannot be combined)."""
    found = [(doc, f) for doc, f in current(ctx) if f.clb is not None]
    if not found:
        return
    required, reason = required_clb(ctx)

    def shortfall(fields: LanguageTestFields) -> list[str]:
        return [skill for skill in SKILLS if (level := getattr(fields.clb, skill)) is not None and level < required]

    doc, fields = min(found, key=lambda item: (len(shortfall(item[1])), item[0].path))
    short = shortfall(fields)
    if not short:
        return
    skills = "; ".join(
        f"{skill} {_score(getattr(fields, skill))} (CLB {getattr(fields.clb, skill)})" for skill in short
    )
    yield Gap(
        {"file": doc.path, "skills": skills, "required": required, "reason": reason},
        documents=(doc.path,),
        field="clb",
        confidence=_confidence(doc),
    )


def _score(value: object) -> str:
    return "unread" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


@rule(
    "language.name-mismatch",
    "warning",
    "The language test result names another person",
    "{file} is the result of '{found}', not the applicant '{applicant}'.",
    "Check that this result is yours; if your name is written differently (a maiden name, a missing or extra name), "
    "add a note or a name-change document, or ask the test body to correct the result.",
)
def name_mismatch(ctx: Context) -> Iterator[Gap]:
    """A language result proves the applicant's language only if it is theirs: the name on it must be the
    applicant's (order, case, accents and a missing middle name aside)."""
    for doc in ctx.of_kind(DocumentKind.LANGUAGE_TEST):
        name = doc.fields_as(LanguageTestFields).holder_name
        if name and not same_person(name, ctx.case.applicant):
            yield Gap(
                {"file": doc.path, "found": name, "applicant": ctx.case.applicant},
                documents=(doc.path,),
                field="holder_name",
                confidence=_confidence(doc),
            )
