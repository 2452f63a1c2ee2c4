"""The conditions of the work and of the applicant: paid employment (not contract work),
done in Canada, not on leave; and the intention to live outside Quebec."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checklist.kinds.reference_letter.fields import ReferenceLetterFields
from checklist.kinds.t4.fields import T4Fields
from checklist.models.document import Document, DocumentKind
from checklist.rules.context import Context
from checklist.rules.eligibility import _fmt
from checklist.rules.hours import LEAVE, uncovered_ranges
from checklist.rules.matching import VARIANT_NAME, employer_similarity, job_days
from checklist.rules.registry import Gap, rule

_T4A = re.compile(r"(?i)\bT4A\b|statement of pension, retirement, annuity|[ée]tat des revenus de pension")
_INVOICE = re.compile(
    r"(?i)^\s*(?:tax\s+)?invoice\b|^\s*facture\b|\binvoice\s+(?:no|number|#|date)\b|\bnum[ée]ro\s+de\s+facture\b",
    re.MULTILINE,
)
_DEDUCTIONS = re.compile(
    r"(?i)\b(?:CPP|QPP|RRQ|EI|AE|C\.P\.P|E\.I|employment\s+insurance|assurance[- ]emploi|"
    r"canada\s+pension|r[ée]gime\s+de\s+rentes)\b"
)
_PAY_SUMMARY = re.compile(
    r"(?i)\bnet\s+(?:pay|amount|earnings)\b|\bsalaire\s+net\b|\bnet\s+[àa]\s+payer\b|\bdeductions\b|\bretenues\b"
)
_QUEBEC = re.compile(r"(?:,\s*|\s)(?:QC|Qu[ée]bec|P\.?Q\.?)\b(?:\s*[GHJ]\d[A-Z])?|\b[GHJ]\d[A-Z]\s?\d[A-Z]\d\b")


def _for_employer(ctx: Context, index: int, documents: list[Document]) -> list[Document]:
    """Documents of the job, and unclassified ones that name its employer in their text."""
    employer = ctx.case.jobs[index].employer
    return [
        doc
        for doc in documents
        if ctx.assignments[doc.path].job == index
        or (doc.kind is DocumentKind.OTHER and employer_similarity(_first_line(doc), employer) >= VARIANT_NAME)
        or (doc.kind is DocumentKind.OTHER and employer.lower() in doc.raw.text.lower())
    ]


def _first_line(doc: Document) -> str:
    return next((line for line in doc.raw.text.splitlines() if line.strip()), "")


def contractor_evidence(ctx: Context, index: int) -> list[tuple[str, str]]:
    """(what, file) for each sign that a job claimed as employment was contract work."""
    out: list[tuple[str, str]] = []
    letter = ctx.letter(index)
    if letter is not None and letter.fields_as(ReferenceLetterFields).contractor:
        source = letter.sources.get("contractor")
        out.append((f"the letter describes contract work ('{source.snippet if source else 'contract'}')", letter.path))
    for doc in _for_employer(ctx, index, ctx.documents):
        if doc.kind in (DocumentKind.OTHER, DocumentKind.T4) and _T4A.search(doc.raw.text):
            out.append(("a T4A slip instead of a T4", doc.path))
        elif doc.kind is DocumentKind.OTHER and _INVOICE.search(doc.raw.text):
            out.append(("an invoice to the employer", doc.path))
    stubs = [s for s in ctx.for_job(index, DocumentKind.PAY_STUB) if _PAY_SUMMARY.search(s.raw.text) and not s.raw.ocr]
    if len(stubs) >= 2 and not any(_DEDUCTIONS.search(stub.raw.text) for stub in stubs):
        out.append((f"{len(stubs)} pay stubs without CPP/QPP or EI deductions", stubs[0].path))
    return out


@rule(
    "cec.contractor-signals",
    "blocker",
    "Documents describe contract work, not employment",
    "{employer} is claimed as paid employment, but the documents point to contract work: {evidence}.",
    "Contract (self-employed) work does not count for CEC. If you were an employee, ask {employer} for a letter "
    "that says so, with your T4 slips and pay stubs showing CPP and EI deductions; if you were a contractor, remove "
    "this job from the hours you rely on.",
)
def contractor_signals(ctx: Context) -> Iterator[Gap]:
    """Independent-contractor work (invoices, a T4A instead of a T4, no CPP/EI deductions) is self-employment,
    which CEC excludes, whatever the profile calls it."""
    for index, job in enumerate(ctx.case.jobs):
        if job.self_employed:
            continue
        found = contractor_evidence(ctx, index)
        if found:
            hours = ctx.experience.jobs[index].excluded.get("contractor", 0.0)
            yield Gap(
                {
                    "employer": job.employer,
                    "evidence": "; ".join(f"{what} ({path})" for what, path in found),
                    "hours_excluded": round(hours, 2),
                },
                job=index,
                documents=tuple(dict.fromkeys(p for _, p in found)),
            )


@rule(
    "cec.outside-canada",
    "blocker",
    "Work done outside Canada",
    "The letter from {employer} ({file}) places the work outside Canada ({place}); work done abroad does not count.",
    "Only work done in Canada counts for CEC, even for a Canadian employer. If the work was in fact done in Canada, "
    "ask {employer} to state the Canadian work location in the letter.",
)
def outside_canada(ctx: Context) -> Iterator[Gap]:
    """The work must be done in Canada: remote work from abroad for a Canadian employer does not count."""
    for index, job in enumerate(ctx.case.jobs):
        letter = ctx.letter(index)
        if letter is not None and ctx.facts[index].abroad:
            place = letter.fields_as(ReferenceLetterFields).work_location
            yield Gap(
                {"employer": job.employer, "file": letter.path, "place": place},
                job=index,
                documents=(letter.path,),
                field="work_location",
            )


@rule(
    "cec.leave",
    "warning",
    "A leave was excluded from the hours",
    "The letter from {employer} ({file}) states {leaves}: {hours} hours in those days were not counted.",
    "Nothing to fix if the dates are right: leave is not work. Check that the leave dates in the letter are exact; "
    "IRCC may ask for them.",
)
def leave(ctx: Context) -> Iterator[Gap]:
    """Maternity, parental, sick, unpaid leave and other leaves of absence are not hours worked."""
    for index, job in enumerate(ctx.case.jobs):
        letter = ctx.letter(index)
        if letter is None:
            continue
        stated = letter.fields_as(ReferenceLetterFields).leaves
        if stated:
            text = ", ".join(
                f"{item.reason} leave from {item.start or 'an unstated date'} to {item.end or 'an unstated end'}"
                for item in stated
            )
            hours = ctx.experience.jobs[index].excluded.get(LEAVE, 0.0)
            yield Gap(
                {"employer": job.employer, "file": letter.path, "leaves": text, "hours": _fmt(round(hours, 1))},
                job=index,
                documents=(letter.path,),
                field="leaves",
            )


@rule(
    "cec.quebec",
    "blocker",
    "CEC is for people who plan to live outside Quebec",
    "The profile says you intend to live in Quebec (intended_province: QC).",
    "CEC requires the intention to live outside Quebec. Quebec selects its own immigrants: look at the Programme "
    "de l'expérience québécoise (PEQ) or the Regular Skilled Worker Program (PRTQ/Arrima) instead; if you plan to "
    "live elsewhere, correct the profile.",
)
def quebec(ctx: Context) -> Iterator[Gap]:
    """IRPR 87.1(1): the Canadian Experience Class is for foreign nationals who intend to reside outside Quebec
    (work done in Quebec still counts)."""
    if ctx.case.intended_province == "QC":
        yield Gap({"province": "QC"})


@rule(
    "cec.province-unknown",
    "warning",
    "Documents point to Quebec and the intended province is not given",
    "The documents point to Quebec ({evidence}) and case.yaml does not say where you intend to live.",
    "Add intended_province to case.yaml (the province or territory where you plan to live). CEC requires the "
    "intention to live outside Quebec; if you plan to live in Quebec, look at Quebec's own programs (PEQ).",
)
def province_unknown(ctx: Context) -> Iterator[Gap]:
    """Work in Quebec counts, but an applicant who plans to stay there is not eligible: officers ask when the
    file is all Quebec."""
    if ctx.case.intended_province is not None:
        return
    evidence = []
    for doc in ctx.of_kind(DocumentKind.T4):
        if (doc.fields_as(T4Fields).province or "").upper() in ("QC", "QUEBEC", "QUÉBEC"):
            evidence.append((f"T4 box 10 is QC ({doc.path})", doc.path))
    for doc in ctx.of_kind(DocumentKind.REFERENCE_LETTER):
        address = doc.fields_as(ReferenceLetterFields).employer_address or ""
        if _QUEBEC.search(address):
            evidence.append((f"an employer address in Quebec ({doc.path})", doc.path))
    if evidence:
        yield Gap({"evidence": "; ".join(text for text, _ in evidence)}, documents=tuple(p for _, p in evidence))


@rule(
    "cec.undeclared-study",
    "warning",
    "Documents show full-time study the profile does not declare",
    "{file} ({why}) is valid from {start} to {end}, and case.yaml declares no full-time study then; claimed work at "
    "{employer} from {ranges} was excluded as student work.",
    "Declare the full-time study periods in case.yaml (and in the profile). If you had finished your studies, add the "
    "proof (a completion letter) and the work permit that covered the work after them.",
)
def undeclared_study(ctx: Context) -> Iterator[Gap]:
    """Work while a full-time student (co-op, on- or off-campus work on a study permit) does not count; a study or
    co-op permit in the folder shows study the profile must declare."""
    declared = ctx.case.study
    for other in ctx.authorization.others:
        if not other.study:
            continue
        for index, job in enumerate(ctx.case.jobs):
            span = job_days(job, ctx.until, ctx.window[0])
            if span is None:
                continue
            days = [
                d
                for d in _days(max(span[0], other.start), min(span[1], other.end))
                if not any(p.start <= d <= p.end for p in declared)
            ]
            if days:
                yield Gap(
                    {
                        "file": other.document,
                        "why": other.why.split(":")[0],
                        "start": other.start,
                        "end": other.end,
                        "employer": job.employer,
                        "ranges": ", ".join(f"{a} to {b}" for a, b in uncovered_ranges(days)),
                    },
                    job=index,
                    documents=(other.document,),
                )


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)
