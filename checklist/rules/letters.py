"""Reference letters, per claimed job: present, complete, consistent with the claim."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checklist.kinds.reference_letter.fields import Position, ReferenceLetterFields
from checklist.models.case import Job
from checklist.models.document import Document
from checklist.models.findings import Severity
from checklist.rules.context import Context
from checklist.rules.registry import Gap, rule
from checklist.text.contacts import EMAIL_RE, is_free_mail
from checklist.text.titles import titles_match

DATE_SLACK = 7  # days: further apart, the dates contradict the claim; 1-7 days apart is a note
STALE_DAYS = 183  # a current job's letter older than 6 months
FIELD_WORDS = {
    "hours_per_week": "the hours per week",
    "salary_amount": "the salary or wage",
    "duties": "the duties",
    "job_title": "the job title",
    "start_date": "the start date",
}
HINTS = {
    "hours_per_week": re.compile(
        r"(?i)[^.\n]{0,60}\b(?:hours?|hrs?|heures?|full[- ]time|part[- ]time|temps (?:plein|partiel))\b[^.\n]{0,60}"
    ),
    "salary_amount": re.compile(
        r"(?i)[^.\n]{0,60}(?:\$|\b(?:salary|wage|remuneration|compensation|salaire|r[ée]mun[ée]ration|taux horaire)\b)[^.\n]{0,60}"
    ),
    "duties": re.compile(
        r"(?i)[^.\n]{0,40}\b(?:duties|responsibilities|tasks|t[âa]ches|fonctions|responsabilit[ée]s)\b[^.\n]{0,60}"
    ),
    "job_title": re.compile(r"(?i)[^.\n]{0,40}\b(?:position|job title|title|role|poste|titre)\b[^.\n]{0,60}"),
}
UNSURE_MESSAGE = (
    'The letter from {employer} ({file}) may state {what}, but it could not be read: "{quote}". '
    "Please confirm or correct it."
)
UNSURE_FIX = (
    "Look at the letter: if it states {what}, record the value with 'cec-checklist review' (--set \"{file}\" "
    "FIELD=VALUE); if it does not, ask {employer} to add it."
)


def _with_letter(ctx: Context) -> Iterator[tuple[int, Document]]:
    """(job, letter) for every claimed job that has a reference letter."""
    for index in range(len(ctx.case.jobs)):
        letter = ctx.letter(index)
        if letter is not None:
            yield index, letter


def _job_values(ctx: Context, index: int, letter: Document) -> dict[str, object]:
    job = ctx.case.jobs[index]
    return {"employer": job.employer, "title": job.title, "file": letter.path}


@rule(
    "letter.missing",
    "blocker",
    "No reference letter for a job",
    "No reference letter names {employer} ({title}, from {start}).",
    "Ask {employer} for a reference letter on company letterhead with your title, dates, hours per week, "
    "salary and benefits, duties, and the signer's name, title and contact details.",
)
def letter_missing(ctx: Context) -> Iterator[Gap]:
    """IRCC requires a reference letter from each employer for each position claimed."""
    for index, job in enumerate(ctx.case.jobs):
        if ctx.letter(index) is None:
            yield Gap({"employer": job.employer, "title": job.title, "start": job.start}, job=index)


def _field_rule(field: str, ctx: Context) -> Iterator[Gap]:
    """The claimed position's value (a letter listing several positions must state it for each).

    Unknown is not absent: when the letter holds words that may state the value, the finding quotes them and
    asks the person to confirm, instead of telling the applicant the letter lacks it."""
    for index, letter in _with_letter(ctx):
        position = ctx.position(index)
        if getattr(position, field, None) not in (None, "", []):
            continue
        quote = unread_hint(letter, field)
        if quote is None:
            yield Gap(_job_values(ctx, index, letter), job=index, documents=(letter.path,), field=field)
        else:
            yield Gap(
                {**_job_values(ctx, index, letter), "quote": quote, "what": FIELD_WORDS[field]},
                job=index,
                documents=(letter.path,),
                field=field,
                unsure=True,
                message=UNSURE_MESSAGE,
                fix=UNSURE_FIX,
            )


@rule(
    "letter.missing-dates",
    "blocker",
    "Letter without dates of employment",
    "The letter from {employer} ({file}) {problem}.",
    "Ask {employer} to state the start date and either the end date or that you are still employed.",
)
def missing_dates(ctx: Context) -> Iterator[Gap]:
    """The letter must give the dates worked: a start date, and an end date or a statement that the job is current."""
    for index, letter in _with_letter(ctx):
        fields = letter.fields_as(ReferenceLetterFields)
        if not fields.start_date:
            problem = "gives no start date"
        elif not fields.end_date and not fields.currently_employed:
            problem = "gives no end date and does not say the job is current"
        else:
            continue
        yield Gap(
            {**_job_values(ctx, index, letter), "problem": problem},
            job=index,
            documents=(letter.path,),
            field="start_date",
        )


@rule(
    "letter.missing-hours",
    "blocker",
    "Letter without hours per week",
    "The letter from {employer} ({file}) does not state the hours worked per week.",
    "Ask {employer} to add the number of hours worked per week to the letter.",
)
def missing_hours(ctx: Context) -> Iterator[Gap]:
    """Without hours per week an officer cannot tell full-time from part-time, nor count the hours."""
    yield from _field_rule("hours_per_week", ctx)


@rule(
    "letter.missing-salary",
    "blocker",
    "Letter without salary",
    "The letter from {employer} ({file}) does not state a salary or wage.",
    "Ask {employer} to add your salary or hourly wage (IRCC asks for annual salary plus benefits).",
)
def missing_salary(ctx: Context) -> Iterator[Gap]:
    """The work must be paid; IRCC's instructions ask for the annual salary plus benefits."""
    yield from _field_rule("salary_amount", ctx)


@rule(
    "letter.missing-benefits",
    "warning",
    "Letter does not mention benefits",
    "The letter from {employer} ({file}) gives the salary but says nothing of benefits.",
    "Ask {employer} to add the benefits (or to state that there are none): IRCC asks for salary plus benefits.",
)
def missing_benefits(ctx: Context) -> Iterator[Gap]:
    """IRCC's checklist asks for 'annual salary plus benefits'."""
    for index, letter in _with_letter(ctx):
        fields = letter.fields_as(ReferenceLetterFields)
        if fields.salary_amount and not fields.benefits:
            yield Gap(_job_values(ctx, index, letter), job=index, documents=(letter.path,), field="benefits")


@rule(
    "letter.missing-duties",
    "blocker",
    "Letter without duties",
    "The letter from {employer} ({file}) lists no duties or responsibilities.",
    "Ask {employer} to describe your main duties, in its own words, one per line.",
)
def missing_duties(ctx: Context) -> Iterator[Gap]:
    """Duties are how the officer checks the NOC: without them the experience cannot be assessed."""
    yield from _field_rule("duties", ctx)


@rule(
    "letter.missing-title",
    "blocker",
    "Letter without job title",
    "The letter from {employer} ({file}) does not state your job title.",
    "Ask {employer} to state your job title for each position held.",
)
def missing_title(ctx: Context) -> Iterator[Gap]:
    """Each position held must be named with its job title."""
    yield from _field_rule("job_title", ctx)


@rule(
    "letter.missing-contact",
    "blocker",
    "Letter without employer contact details",
    "The letter from {employer} ({file}) has no employer {missing}.",
    "Ask {employer} to print the letter on letterhead with the company's address, telephone number and email.",
)
def missing_contact(ctx: Context) -> Iterator[Gap]:
    """Officers verify letters by contacting the employer: address, telephone and email are required."""
    names = {"employer_address": "address", "employer_phone": "telephone number", "employer_email": "email address"}
    for index, letter in _with_letter(ctx):
        missing = [label for key, label in names.items() if not getattr(letter.fields, key)]
        if missing:
            yield Gap(
                {**_job_values(ctx, index, letter), "missing": ", ".join(missing)},
                job=index,
                documents=(letter.path,),
                field="employer_address",
            )


@rule(
    "letter.missing-signatory",
    "blocker",
    "Letter without signer's name and title",
    "The letter from {employer} ({file}) does not show {missing} of the person who signed it.",
    "Ask your supervisor or HR officer to sign the letter with their name and job title printed under the signature.",
)
def missing_signatory(ctx: Context) -> Iterator[Gap]:
    """The letter must carry the name, title and signature of the supervisor or personnel officer."""
    for index, letter in _with_letter(ctx):
        fields = letter.fields_as(ReferenceLetterFields)
        name, title = fields.signatory_name, fields.signatory_title
        if not name or not title:
            missing = "the name and title" if not name and not title else "the name" if not name else "the title"
            yield Gap(
                {**_job_values(ctx, index, letter), "missing": missing},
                job=index,
                documents=(letter.path,),
                field="signatory_name",
            )


@rule(
    "letter.claim-mismatch",
    "blocker",
    "Letter contradicts the claim",
    "The letter from {employer} ({file}) contradicts the profile: {differences}.",
    "Correct the profile to match the letter, or ask {employer} to correct the letter; officers refuse files whose letter and profile disagree.",
)
def claim_mismatch(ctx: Context) -> Iterator[Gap]:
    """The letter's dates (more than 7 days apart), hours per week (lower than claimed) or title must not
    contradict the claim; dates 1 to 7 days apart are noted (information) so the profile can be corrected."""
    for index, letter in _with_letter(ctx):
        differences = _differences(ctx, index, letter)
        if differences:
            yield Gap(
                {**_job_values(ctx, index, letter), "differences": "; ".join(differences)},
                job=index,
                documents=(letter.path,),
            )
            continue
        close = _close_dates(ctx, index)
        if close:
            yield Gap(
                {**_job_values(ctx, index, letter), "differences": "; ".join(close)},
                job=index,
                documents=(letter.path,),
                severity=Severity.INFO,
                message="The letter from {employer} ({file}) and the profile differ by a few days: {differences}.",
                fix="Make the profile's dates match the letter exactly; only the days both support are counted.",
            )


def _close_dates(ctx: Context, index: int) -> list[str]:
    job, position = ctx.case.jobs[index], ctx.position(index) or Position()
    pairs = [("start", position.start_date, job.start), ("end", position.end_date, job.end)]
    return [
        f"{name} {stated} in the letter, {claimed} claimed"
        for name, stated, claimed in pairs
        if stated and claimed and 1 <= abs((stated - claimed).days) <= DATE_SLACK
    ]


def _differences(ctx: Context, index: int, letter: Document) -> list[str]:
    job = ctx.case.jobs[index]
    position = ctx.position(index) or Position()
    fields = letter.fields_as(ReferenceLetterFields)
    out = []
    start = position.start_date
    if isinstance(start, dt.date) and abs((start - job.start).days) > DATE_SLACK:
        out.append(f"start {start} in the letter, {job.start} claimed")
    end = position.end_date
    if job.end is None and isinstance(end, dt.date) and end < ctx.as_of - dt.timedelta(days=DATE_SLACK):
        out.append(f"the letter says the job ended on {end}, the claim says it is current")
    elif job.end is not None and isinstance(end, dt.date) and abs((end - job.end).days) > DATE_SLACK:
        out.append(f"end {end} in the letter, {job.end} claimed")
    elif (
        job.end is not None
        and end is None
        and fields.currently_employed
        and job.end < ctx.as_of - dt.timedelta(days=DATE_SLACK)
    ):
        out.append(f"the letter says the job is current, the claim ends it on {job.end}")
    hours = position.hours_per_week
    if hours and float(hours) < job.hours_per_week - 0.01:
        out.append(f"{hours:g} hours per week in the letter, {job.hours_per_week:g} claimed")
    title = position.job_title
    if title and not titles_match(str(title), job.title, letter.language):
        if not any(titles_match(str(p.job_title or ""), job.title, letter.language) for p in fields.positions):
            out.append(f"title '{title}' in the letter, '{job.title}' claimed")
    return out


@rule(
    "letter.personal-email",
    "warning",
    "Employer email is a personal address",
    "The only employer email in the letter from {employer} ({file}) is {email}, a free-mail address.",
    "Ask {employer} for a letter showing a company email address; officers treat free-mail contacts as a red flag.",
)
def personal_email(ctx: Context) -> Iterator[Gap]:
    """A gmail/outlook/yahoo... address for the employer is a misrepresentation red flag for officers."""
    for index, letter in _with_letter(ctx):
        emails = {m.group(0).rstrip(".").replace(" ", "").lower() for m in EMAIL_RE.finditer(letter.raw.text)}
        if emails and all(is_free_mail(email) for email in emails):
            yield Gap(
                {**_job_values(ctx, index, letter), "email": sorted(emails)[0]},
                job=index,
                documents=(letter.path,),
                field="employer_email",
            )


@rule(
    "letter.date-before-end",
    "warning",
    "Letter dated before the last day worked",
    "The letter from {employer} ({file}) is dated {letter_date}, before the last day worked ({end}).",
    "Ask {employer} for a new letter dated after your last day, confirming the end date.",
)
def date_before_end(ctx: Context) -> Iterator[Gap]:
    """A letter for a past job should be written after the last day worked, so it can confirm the end date."""
    for index, letter in _with_letter(ctx):
        fields = letter.fields_as(ReferenceLetterFields)
        end = fields.end_date or ctx.case.jobs[index].end
        written = fields.letter_date
        if isinstance(end, dt.date) and isinstance(written, dt.date) and written < end and end <= ctx.as_of:
            yield Gap(
                {**_job_values(ctx, index, letter), "letter_date": written, "end": end},
                job=index,
                documents=(letter.path,),
                field="letter_date",
            )


@rule(
    "letter.stale",
    "warning",
    "The letter for a current job is old",
    "The letter from {employer} ({file}) is dated {letter_date}, more than 6 months before {day} ({which}).",
    "Ask {employer} for a letter dated within 6 months of your application, confirming you are still employed.",
)
def stale(ctx: Context) -> Iterator[Gap]:
    """For a current job, officers expect a recent letter that confirms the job goes on."""
    day, which = (
        (ctx.case.application_date, "the application date") if ctx.case.application_date else (ctx.as_of, "today")
    )
    for index, letter in _with_letter(ctx):
        written = letter.fields_as(ReferenceLetterFields).letter_date
        if ctx.case.jobs[index].end is None and written and _months_before(written, day):
            yield Gap(
                {**_job_values(ctx, index, letter), "letter_date": written, "day": day, "which": which},
                job=index,
                documents=(letter.path,),
                field="letter_date",
            )


def _months_before(written: dt.date, day: dt.date) -> bool:
    """More than 6 months before `day`, as calendar months and as 183 days."""
    month = written.month + 6
    try:
        six_months = written.replace(year=written.year + (month - 1) // 12, month=(month - 1) % 12 + 1)
    except ValueError:  # 31 August + 6 months: the end of February
        six_months = dt.date(written.year + (month - 1) // 12, (month - 1) % 12 + 1, 28)
    return day > six_months and (day - written).days > STALE_DAYS


@rule(
    "letter.position-missing",
    "blocker",
    "A claimed position is not in the employer's letter",
    "You claim {title} at {employer} from {start}, but the letter from {employer} ({file}) lists {listed}, not this position.",
    "Ask {employer} for a letter that lists every position you held, each with its title, dates, hours, salary and "
    "duties (IRCC asks for all positions held at the company).",
)
def position_missing(ctx: Context) -> Iterator[Gap]:
    """A reference letter must show every position held at the company; a promotion claimed as its own job needs
    its own entry in the letter."""
    for group in ctx.employer_groups():
        for index in group:
            letter = ctx.letter(index)
            if letter is None:
                continue
            positions = letter.fields_as(ReferenceLetterFields).positions
            job = ctx.case.jobs[index]
            if len(group) < 2 and len(positions) < 2:
                continue  # one claim, one position: a different title is a claim mismatch
            if not positions or any(_describes(p, job, letter.language) for p in positions):
                continue
            listed = ", ".join(
                f"'{p.job_title or 'a position without title'}' from {p.start_date or '?'}" for p in positions
            )
            yield Gap(
                {
                    "employer": job.employer,
                    "title": job.title,
                    "start": job.start,
                    "file": letter.path,
                    "listed": listed,
                },
                job=index,
                documents=(letter.path,),
                field="positions",
            )


def _describes(position: Position, job: Job, language: str | None) -> bool:
    """The letter's position is the claimed one: the same title, or dates within a month of the claim's."""
    if position.job_title and titles_match(position.job_title, job.title, language):
        return True
    return bool(position.start_date and abs((position.start_date - job.start).days) <= 31)


def unread_hint(doc: Document, field: str) -> str | None:
    """Text of the document that may state `field` although it was not read (None: nothing suggests it)."""
    pattern = HINTS.get(field)
    match = pattern.search(doc.raw.text) if pattern else None
    return " ".join(match.group(0).split())[:160] if match else None


@rule(
    "doc.needs-review",
    "warning",
    "A value may be in the document but could not be read",
    "{file} seems to state {what} but it could not be read: {quotes}.",
    "Open {file} and confirm or correct these values with 'cec-checklist review' (or in the web page); the checks "
    "then use what you confirmed.",
)
def needs_review(ctx: Context) -> Iterator[Gap]:
    """A field the checks rely on was not read while the document seems to state it: a person must confirm it."""
    for index, letter in _with_letter(ctx):
        position = ctx.position(index)
        unread = [
            (field, quote)
            for field in HINTS
            if getattr(position, field, None) in (None, "", []) and (quote := unread_hint(letter, field)) is not None
        ]
        if unread:
            yield Gap(
                {
                    "file": letter.path,
                    "what": ", ".join(FIELD_WORDS[f] for f, _ in unread),
                    "quotes": "; ".join(f'{FIELD_WORDS[f]}: "{q}"' for f, q in unread),
                },
                job=index,
                documents=(letter.path,),
                field=unread[0][0],
                unsure=True,
            )
