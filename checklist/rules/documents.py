"""Consistency between documents, and the health of each file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from checklist import portal
from checklist.kinds import spec
from checklist.kinds.pay_stub.fields import PayStubFields
from checklist.models.document import DocumentKind
from checklist.models.findings import Confidence
from checklist.rules.context import Context
from checklist.rules.matching import employer_named, person_named, same_person
from checklist.rules.registry import Gap, rule
from checklist.text.normalize import company_key


@rule(
    "employer.name-mismatch",
    "warning",
    "Documents name the employer differently",
    "{file} names the employer '{found}', the profile says '{employer}'.",
    "If it is the same employer under another name (an operating or former name), ask {employer} to state both "
    "names in the reference letter; otherwise check which employer this document belongs to.",
)
def employer_name_mismatch(ctx: Context) -> Iterator[Gap]:
    """Officers cross-check employer names across the letter, pay stubs, T4s and permits; differences beyond legal form need explaining."""
    for doc in ctx.documents:
        assignment = ctx.assignments[doc.path]
        name = employer_named(doc)
        if assignment.job is None or not name or assignment.exact:
            continue
        job = ctx.case.jobs[assignment.job]
        if doc.raw.ocr and assignment.similarity >= 90:
            continue  # OCR misreads a letter or two; that is not another name
        if company_key(name) != company_key(job.employer):
            yield Gap(
                {"file": doc.path, "found": name, "employer": job.employer},
                job=assignment.job,
                documents=(doc.path,),
                field="employer_name",
                confidence=_confidence(doc),
            )


@rule(
    "name.mismatch",
    "warning",
    "A document names another person",
    "{file} names '{found}', not the applicant '{applicant}'.",
    "Check that this document is yours; if your name is written differently (maiden name, a missing or extra name), add a note or a name-change document.",
)
def name_mismatch(ctx: Context) -> Iterator[Gap]:
    """Every document must be about the applicant; a different name needs an explanation."""
    for doc in ctx.documents:
        if doc.kind is DocumentKind.LANGUAGE_TEST:
            continue  # language.name-mismatch says it, with what a language result needs
        name = person_named(doc)
        if name and not same_person(name, ctx.case.applicant):
            yield Gap(
                {"file": doc.path, "found": name, "applicant": ctx.case.applicant},
                job=ctx.assignments[doc.path].job,
                documents=(doc.path,),
                field=spec(doc.kind).person_field,
                confidence=_confidence(doc),
            )


@rule(
    "doc.unreadable",
    "warning",
    "A file cannot be read",
    "{file} cannot be read: {reason}.",
    "Replace {file} with a readable copy (an unprotected PDF, or a clear photo or scan saved as PDF, JPG or PNG).",
)
def unreadable(ctx: Context) -> Iterator[Gap]:
    """A file that cannot be opened proves nothing, and IRCC may not be able to open it either."""
    for doc in ctx.of_kind(DocumentKind.UNREADABLE):
        yield Gap({"file": doc.path, "reason": doc.raw.error}, documents=(doc.path,))


@rule(
    "doc.unclassified",
    "warning",
    "A file is none of the known document kinds",
    "{file} was read but is not a reference letter, pay stub, work permit, T4, notice of assessment or contract.",
    "Remove {file} from the case if it is not evidence of work; if it is, check that it is complete and legible.",
)
def unclassified(ctx: Context) -> Iterator[Gap]:
    """Unrelated files clutter the upload; a document that should count but is not recognised may be incomplete."""
    for doc in ctx.of_kind(DocumentKind.OTHER):
        yield Gap({"file": doc.path}, documents=(doc.path,), confidence=_confidence(doc))


@rule(
    "doc.needs-translation",
    "warning",
    "A document needs a certified translation",
    "{file} is written in {language}, neither English nor French.",
    "Upload a certified English or French translation together with a copy of the original.",
)
def needs_translation(ctx: Context) -> Iterator[Gap]:
    """IRCC requires a certified translation of every document in neither official language."""
    for doc in ctx.documents:
        if doc.language and doc.language not in ("en", "fr") and doc.kind is not DocumentKind.UNREADABLE:
            yield Gap(
                {"file": doc.path, "language": LANGUAGE_NAMES.get(doc.language, doc.language)},
                documents=(doc.path,),
                confidence=_confidence(doc),
            )


LANGUAGE_NAMES = {"es": "Spanish", "pt": "Portuguese", "de": "German", "it": "Italian"}


@rule(
    "doc.scanned",
    "info",
    "Values read by OCR",
    "{file} is a scan or photo; its text was read by OCR, so check the values read against the document by eye.",
    "Compare the fields shown for {file} with the paper; a text PDF from the employer avoids OCR errors.",
)
def scanned(ctx: Context) -> Iterator[Gap]:
    """OCR can misread digits and names; values from scans deserve a look."""
    for doc in ctx.documents:
        if doc.raw.readable and doc.raw.ocr:
            yield Gap({"file": doc.path}, documents=(doc.path,), confidence=Confidence.OCR)


@rule(
    "doc.portal-limit",
    "warning",
    "The IRCC portal would refuse a file",
    "{file} {problem}.",
    "Convert {file} to PDF (or JPG/PNG for photos) and keep each upload under 4 MB; 'cec-checklist pack' builds the upload files.",
)
def portal_limit(ctx: Context) -> Iterator[Gap]:
    """The IRCC portal accepts .pdf, .tiff, .jpg, .png, .doc and .docx files under 4 MB."""
    for doc in ctx.documents:
        suffix = PurePosixPath(doc.path).suffix.lower()
        problems = []
        if suffix not in portal.ACCEPTED_SUFFIXES:
            problems.append(f"is a '{suffix or 'no extension'}' file, a type the portal does not accept")
        if doc.raw.size > portal.MAX_BYTES:
            problems.append(f"is {doc.raw.size / 1_000_000:.1f} MB, over the portal's 4 MB limit")
        if problems:
            yield Gap({"file": doc.path, "problem": " and ".join(problems)}, documents=(doc.path,))


def _confidence(doc: object) -> Confidence:
    return Confidence.OCR if getattr(getattr(doc, "raw", None), "ocr", False) else Confidence.TEXT_LAYER


@rule(
    "doc.duplicate",
    "warning",
    "The same document twice",
    "{file} {what} {other}; it is counted once.",
    "Keep one copy of each document: remove {file} from the folder (the upload pack includes each file once).",
)
def duplicate(ctx: Context) -> Iterator[Gap]:
    """The same file twice, or two pay stubs for one period, look padded to an officer; each counts once."""
    seen: dict[tuple[int, str, str], str] = {}
    for doc in ctx.documents:
        if not doc.raw.readable or not doc.raw.text.strip():
            continue
        key = (doc.raw.size, doc.raw.file_format, doc.raw.text)
        if key in seen:
            yield Gap(
                {"file": doc.path, "what": "has the same content as", "other": seen[key]},
                documents=(doc.path, seen[key]),
            )
        else:
            seen[key] = doc.path
    copies = set(seen.values())
    for index in range(len(ctx.case.jobs)):
        periods: dict[tuple[object, object], str] = {}
        for stub in ctx.for_job(index, DocumentKind.PAY_STUB):
            fields = stub.fields_as(PayStubFields)
            if fields.period_start is None or fields.period_end is None or stub.path not in copies:
                continue
            period = (fields.period_start, fields.period_end)
            if period in periods:
                yield Gap(
                    {
                        "file": stub.path,
                        "what": f"is a pay stub for the same period ({period[0]} to {period[1]}) as",
                        "other": periods[period],
                    },
                    job=index,
                    documents=(stub.path, periods[period]),
                )
            else:
                periods[period] = stub.path
