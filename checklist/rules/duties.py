"""Does the work described match the claimed NOC 2021 unit group? (needs NOC data)

The duties of each job's letter are compared with the claimed unit group's
lead statement and main duties, and with all 516 unit groups
(`checklist.noc.match_duties`). French letters, or too little text, are not
judged: "cannot tell" is better than a false blocker.
"""

from __future__ import annotations

from collections.abc import Iterator

from checklist.noc.concordance import successors_2016
from checklist.rules.context import Context
from checklist.rules.registry import Gap, rule

INSTALL_HINT = (
    "cec-checklist noc install (it downloads Statistics Canada's official files, about 2 MB), "
    "or cec-checklist noc install FOLDER if you already have them, or pass --noc-data DIR"
)


def _hits(hits: object) -> str:
    return ", ".join(f"{hit.code} {hit.title} ({hit.score:.2f})" for hit in hits)  # type: ignore[attr-defined]


@rule(
    "noc.data-missing",
    "warning",
    "NOC reference data is not installed",
    "NOC 2021 reference data was not found, so the NOC checks (cec.noc-unknown, duties.*) did not run.",
    "Install it once with: " + INSTALL_HINT + ".",
)
def data_missing(ctx: Context) -> Iterator[Gap]:
    """Without NOC data the tool cannot tell whether the duties match the claimed occupation; it says so instead of passing silently."""
    if ctx.noc is None:
        yield Gap()


@rule(
    "cec.noc-unknown",
    "blocker",
    "Claimed NOC is not a NOC 2021 unit group",
    "{employer} ({title}) is claimed under NOC {noc}, which is not a NOC 2021 unit group.{hint}",
    "Find the right five-digit NOC 2021 code with 'cec-checklist noc search \"{title}\"' and correct the profile.",
)
def noc_unknown(ctx: Context) -> Iterator[Gap]:
    """Express Entry uses NOC 2021 five-digit codes since 16 November 2022; a four-digit code is NOC 2016
    and must be translated (the official concordance names its successors); a five-digit code that is no
    unit group cannot be assessed (that needs the NOC data)."""
    for index, job in enumerate(ctx.case.jobs):
        if job.noc_2016:
            hint = _successors_hint(ctx, job.noc)
        elif ctx.noc is not None and ctx.noc.get(job.noc) is None:
            hits = ctx.noc.search(job.title, limit=3)
            hint = f" Closest for the title: {_hits(hits)}." if hits else ""
        else:
            continue
        yield Gap({"employer": job.employer, "title": job.title, "noc": job.noc, "hint": hint}, job=index)


def _successors_hint(ctx: Context, code: str) -> str:
    successors = successors_2016(code)
    if not successors:
        return " It looks like a NOC 2016 code, but the NOC 2016 to 2021 concordance does not know it."
    names = [
        f"{new} {group.title}" if ctx.noc is not None and (group := ctx.noc.get(new)) else new for new in successors
    ]
    return f" It is a NOC 2016 code; its NOC 2021 successors are: {', '.join(names)}."


@rule(
    "duties.noc-mismatch",
    "blocker",
    "Duties do not match the claimed NOC",
    "The duties in the letter from {employer} ({file}) do not describe NOC {noc} {noc_title}: {reason}. "
    "Best fits for these duties: {best}.",
    "Check the NOC: if one of the best fits is right, claim it; if {noc} is right, ask {employer} to describe the "
    "duties you really performed that match its lead statement and main duties, in their own words.",
    needs_noc=True,
)
def noc_mismatch(ctx: Context) -> Iterator[Gap]:
    """Officers refuse files whose duties do not show the NOC lead statement and a substantial number of its
    main duties; other unit groups fitting the duties clearly better is a strong sign of a wrong NOC."""
    for index, match, letter in ctx.duty_matches():
        if match.judgeable and match.mismatch:
            job = ctx.case.jobs[index]
            reason = "; ".join(match.reasons) or "the lead statement is not matched"
            yield Gap(
                {
                    "employer": job.employer,
                    "file": letter.path,
                    "noc": job.noc,
                    "noc_title": match.claimed_title,
                    "reason": reason,
                    "best": _hits(match.best_fits),
                },
                job=index,
                documents=(letter.path,),
                field="duties",
            )


@rule(
    "duties.weak-coverage",
    "warning",
    "Few of the NOC main duties are evidenced",
    "The letter from {employer} ({file}) matches the lead statement of NOC {noc}, but only {matched} of its "
    "{total} main duties are evidenced. Evidenced: {evidenced}. Not evidenced: {missing}.",
    "Ask {employer} to describe more of the duties you performed (one per line, in their own words), "
    "especially: {missing}.",
    needs_noc=True,
)
def weak_coverage(ctx: Context) -> Iterator[Gap]:
    """IRCC expects 'a substantial number of the main duties'; letters that evidence few of them invite questions."""
    for index, match, letter in ctx.duty_matches():
        if match.judgeable and match.weak_coverage and not match.mismatch:
            job = ctx.case.jobs[index]
            yield Gap(
                {
                    "employer": job.employer,
                    "file": letter.path,
                    "noc": job.noc,
                    "matched": match.matched_duties,
                    "total": len(match.duties),
                    "evidenced": "; ".join(match.evidenced) or "none",
                    "missing": "; ".join(match.not_evidenced) or "none",
                },
                job=index,
                documents=(letter.path,),
                field="duties",
            )


@rule(
    "duties.copied-from-noc",
    "warning",
    "Duties copied from the NOC",
    "{count} duties in the letter from {employer} ({file}) reproduce NOC main duties nearly word for word, e.g. "
    "'{example}'.",
    "Ask {employer} to describe your duties in its own words, with the specifics of your job (tools, clients, "
    "products); officers treat NOC text pasted into letters as a credibility concern.",
    needs_noc=True,
)
def copied(ctx: Context) -> Iterator[Gap]:
    """Duties pasted from the NOC (Ansari v. Canada, 2013 FC 849) make officers doubt the letter."""
    for index, match, letter in ctx.duty_matches():
        if match.copied_from_noc and match.copied:
            job = ctx.case.jobs[index]
            yield Gap(
                {
                    "employer": job.employer,
                    "file": letter.path,
                    "count": len(match.copied),
                    "example": match.copied[0].letter_duty,
                },
                job=index,
                documents=(letter.path,),
                field="duties",
            )
