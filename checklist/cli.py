"""The command line: the only module that reads options and prints.

Exit codes of `check`: 0 ready, 1 not ready (a blocker), 2 usage or input error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from checklist import __version__, portal
from checklist.display import public
from checklist.errors import ChecklistError
from checklist.output import write_output

# Heavy modules (readers, rules, reports) are imported inside the commands that use them,
# so that 'noc search' and 'rules' answer quickly.
FORMATS = ("html", "pdf", "json", "md")

app = typer.Typer(
    name="cec-checklist",
    help="Check that a Canadian Experience Class applicant's documents prove the Express Entry claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class PublicStream:
    """The process's stdout or stderr, through which only public text passes (SINs masked, names printable).

    Every message, summary line and progress bar the CLI prints goes through
    one of these, so a file name, folder name or applicant holding a SIN is
    masked whichever code path printed it. The stream is looked up on each
    write, so a test runner's capture is honoured.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        return getattr(sys, self._name).write(public(text))  # type: ignore[no-any-return]

    def __getattr__(self, attribute: str) -> object:
        return getattr(getattr(sys, self._name), attribute)


err = Console(file=PublicStream("stderr"), highlight=False, soft_wrap=True)  # type: ignore[arg-type]
log = logging.getLogger("checklist")

CaseDir = Annotated[Path, typer.Argument(help="The case folder: case.yaml and the documents.", show_default=False)]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logging.")]
Output = Annotated[
    Optional[str], typer.Option("-o", "--output", help="Where to write the report; '-' is standard output.")
]


def _setup(debug: bool) -> None:
    from checklist.display import mask_logs

    mask_logs()
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # Libraries complain about the odd PDF on stderr; the report says what matters about each file.
        for name in ("pypdf", "fontTools", "weasyprint", "PIL"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _fail(exc: BaseException, debug: bool) -> typer.Exit:
    if debug:
        err.print_exception()
    err.print(f"[bold red]error:[/] {escape(public(str(exc)))}", markup=True)
    return typer.Exit(2)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _limits(max_mb: float, max_pages: int, max_seconds: float = 60.0):  # type: ignore[no-untyped-def]
    from checklist.ingest.limits import ReadLimits

    return ReadLimits(max_bytes=int(max_mb * 1_000_000), max_pages=max_pages, max_seconds=max_seconds or None)


@app.command()
def check(
    case_dir: CaseDir,
    fmt: Annotated[str, typer.Option("-f", "--format", help="Report format: html, pdf, json or md.")] = "html",
    output: Output = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="End of the 3-year window (YYYY-MM-DD).")] = None,
    noc_data: Annotated[Optional[Path], typer.Option("--noc-data", help="Folder with NOC 2021 reference data.")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip files larger than this (MB).")] = 20.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Skip PDFs with more pages than this.")] = 50,
    max_seconds: Annotated[
        float, typer.Option("--max-seconds", help="Give up on a document after this many seconds (0: no limit).")
    ] = 60.0,
    show_info: Annotated[bool, typer.Option("--info", help="Also list info notes in the summary.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every file again, ignoring the readings kept in the case folder.")
    ] = False,
    debug: Debug = False,
) -> None:
    """Read a case, run every check, and write the gap report."""
    _setup(debug)
    if fmt not in FORMATS:
        err.print(f"[bold red]error:[/] format {fmt!r} is not available; choose one of: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    from checklist.pipeline import CheckOptions, check_case
    from checklist.report import RENDERERS, render_pdf
    from checklist.report.terminal import print_summary

    day = _parse_date(as_of)
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir, hint="give the case folder that holds case.yaml")
        options = CheckOptions(
            as_of=day, noc_dir=noc_data, limits=_limits(max_mb, max_pages, max_seconds), cache=not no_cache
        )
        report = check_case(case_dir, options)
        content = render_pdf(report) if fmt == "pdf" else RENDERERS[fmt](report)
        target = output or str(case_dir / f"report.{fmt}")
        write_output(target, content)
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    summary = err if target == "-" else Console(highlight=False, soft_wrap=True)  # stdout, unless the report is there
    print_summary(report, summary, show_info=show_info)
    if target != "-":
        summary.print(f"report written to {target}", markup=False)
    raise typer.Exit(0 if report.ready else 1)


@app.command()
def todo(
    case_dir: CaseDir,
    fmt: Annotated[str, typer.Option("-f", "--format", help="text, md or json.")] = "text",
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Check as if today were this date (YYYY-MM-DD).")
    ] = None,
    noc_data: NocData = None,
    debug: Debug = False,
) -> None:
    """What to collect, per job and per year, from case.yaml; each item ticks itself once a document that
    satisfies it is in the folder and has been read.

    Exit code 0: everything required is collected. 1: something is still to collect. 2: an error."""
    from checklist.pipeline import check_case
    from checklist.report import render_todo_json, render_todo_markdown
    from checklist.report.terminal import print_todo

    _setup(debug)
    if fmt not in ("text", "md", "json"):
        err.print(f"[bold red]error:[/] format {fmt!r} is not available; choose one of: text, md, json")
        raise typer.Exit(2)
    day = _parse_date(as_of)
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir, hint="give the case folder that holds case.yaml")
        report = check_case(case_dir, as_of=day, noc_dir=noc_data)
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    out = Console(file=PublicStream("stdout"), highlight=False, soft_wrap=True)  # type: ignore[arg-type]
    if fmt == "text":
        print_todo(report, out)
    else:
        out.print(render_todo_markdown(report) if fmt == "md" else render_todo_json(report), markup=False, end="")
    raise typer.Exit(0 if all(item.done for item in report.todo if item.required) else 1)


LANGUAGES = ("en", "fr")


@app.command()
def request(
    case_dir: CaseDir,
    job: Annotated[
        Optional[int],
        typer.Option("--job", help="Only this job (0 is the first, as in case.yaml).", show_default=False),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the drafts.")] = Path("requests"),
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", help="en or fr (default: the language of each letter).", show_default=False),
    ] = None,
    explanations: Annotated[
        bool,
        typer.Option(
            "--explanations",
            help="Also draft the letters of explanation the "
            "findings call for (status, names, missing T4 years, leaves...).",
        ),
    ] = False,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Check as if today were this date (YYYY-MM-DD).")
    ] = None,
    noc_data: NocData = None,
    debug: Debug = False,
) -> None:
    """Draft a request to each employer whose reference letter misses, lacks or contradicts something
    (one .docx and one .txt per job, in the letter's language), and with --explanations the letters of
    explanation to complete and sign.

    Exit code 0: drafts written, or nothing to ask. 2: an error (bad case, bad --job, cannot write)."""
    from checklist.actions.writer import explanation_drafts, request_drafts
    from checklist.pipeline import check_case

    _setup(debug)
    if lang is not None and lang not in LANGUAGES:
        err.print(f"[bold red]error:[/] --lang must be en or fr, got {escape(lang)!r}")
        raise typer.Exit(2)
    day = _parse_date(as_of)
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir, hint="give the case folder that holds case.yaml")
        report = check_case(case_dir, as_of=day, noc_dir=noc_data)
        count = len(report.claims.jobs) if report.claims else 0
        if job is not None and not 0 <= job < count:
            err.print(
                f"[bold red]error:[/] --job {job} is not a job of this case: case.yaml lists {_count(count, 'job')}"
                f" (0 to {count - 1})"
                if count
                else f"[bold red]error:[/] --job {job}: case.yaml lists no job"
            )
            raise typer.Exit(2)
        drafts = [files for _, files in request_drafts(report, job, lang)]
        notes = [files for _, files in explanation_drafts(report, lang)] if explanations else []
        written = _write_drafts(output, [item for files in drafts + notes for item in files])
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    out = Console(file=PublicStream("stdout"), highlight=False, soft_wrap=True)  # type: ignore[arg-type]
    if not drafts:
        which = f"job {job}'s reference letter" if job is not None else "every reference letter"
        out.print(
            f"Nothing to ask the employers: {which} shows what the checks look for. No request written.", markup=False
        )
    if explanations and not notes:
        out.print("No letter of explanation is called for by the findings.", markup=False)
    for path in written:
        out.print(f"wrote {path}", markup=False)


def _write_drafts(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    """Each draft into `folder` (created when missing), through the one output helper."""
    from checklist.output import output_error

    if not files:
        return []
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, folder) from None
    for name, data in files:
        write_output(folder / name, data)
    return [folder / name for name, _ in files]


@app.command()
def batch(
    root: Annotated[
        Path, typer.Argument(help="A folder whose sub-folders are cases (each with a case.yaml).", show_default=False)
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the reports, index.html and summary.csv.")
    ] = Path("cec-reports"),
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Cases checked in parallel (processes).", min=1)] = 1,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="End of the 3-year window for every case (YYYY-MM-DD).")
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="Order of the index and CSV: case, deadline (nearest first), blockers (most first) or hours (fewest first).",
        ),
    ] = "case",
    noc_data: NocData = None,
    debug: Debug = False,
) -> None:
    """Check every case under a folder: one report each, plus an index and a CSV summary."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from checklist.batch import find_cases, run_batch
    from checklist.desk import SORT_KEYS

    _setup(debug)
    day = _parse_date(as_of)
    if sort not in SORT_KEYS:
        err.print(f"[bold red]error:[/] --sort must be one of {', '.join(SORT_KEYS)}, got {sort!r}", markup=True)
        raise typer.Exit(2)
    if not root.is_dir():
        raise _fail(ChecklistError("is not a folder", path=root), debug)
    cases = find_cases(root)
    if not cases:
        err.print(f"[bold red]error:[/] no case.yaml found under {root}")
        raise typer.Exit(2)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("checking cases", total=len(cases))
        try:
            rows = run_batch(root, output, jobs, noc_data, day, on_done=lambda row: progress.advance(task), sort=sort)
        except ChecklistError as exc:
            raise _fail(exc, debug) from None
    ready = sum(1 for row in rows if row.ready)
    broken = [row for row in rows if row.error]
    err.print(f"{ready} of {len(rows)} cases ready; {len(broken)} could not be checked. Index: {output / 'index.html'}")
    for row in broken:
        err.print(f"  {row.case}: {row.error}", markup=False)
    raise typer.Exit(0 if ready == len(rows) else 1)


@app.command()
def pack(
    case_dir: CaseDir,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the upload files.")] = Path("upload"),
    limit: Annotated[
        int, typer.Option("--limit", help="Largest file size in bytes (the IRCC portal refuses 4 MB).")
    ] = portal.MAX_BYTES,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="End of the 3-year window (YYYY-MM-DD).")] = None,
    noc_data: NocData = None,
    force: Annotated[bool, typer.Option("--force", help="Pack even when the check found blockers.")] = False,
    debug: Debug = False,
) -> None:
    """Build the files to upload to the IRCC portal: one PDF per claimed position, one for status documents,
    and read-me-first.pdf (not for upload) saying which file goes where.

    Exit code 0: packed. 1: the check found blockers and nothing was packed (--force packs anyway). 2: an error."""
    from checklist.display import human_size
    from checklist.pack import pack_case
    from checklist.pipeline import check_case

    _setup(debug)
    day = _parse_date(as_of)
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir)
        report = check_case(case_dir, as_of=day, noc_dir=noc_data)
        blockers = sum(1 for f in report.findings if f.severity.value == "blocker" and not f.acknowledged)
        if blockers and not force:
            err.print(
                f"[bold yellow]warning:[/] the check found {_count(blockers, 'blocker')}: fix "
                f"{'it' if blockers == 1 else 'them'} first ('cec-checklist check {escape(str(case_dir))}' lists "
                f"{'it' if blockers == 1 else 'them'}), or pack anyway with --force. Nothing was packed."
            )
            raise typer.Exit(1)
        result = pack_case(case_dir, output, report, limit)
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    out = Console(highlight=False, soft_wrap=True)
    for item in result.files:
        out.print(
            f"{output / item.name}: {_count(item.pages, 'page')}, {human_size(item.size)} "
            f"({_count(len(item.sources), 'document')}) -> {item.slot}",
            markup=False,
        )
    out.print(f"{output / result.read_me}: read it first; it is not for upload", markup=False)
    for label in result.empty:
        err.print(f"[bold yellow]warning:[/] no document for {escape(label)}: no upload file for it")
    if result.excluded:
        err.print(
            f"{_count(len(result.excluded), 'file')} could not be read or converted: see {output / result.read_me}",
            markup=False,
        )
    if result.leftovers:
        verb = "belongs" if len(result.leftovers) == 1 else "belong"
        err.print(
            f"{_count(len(result.leftovers), 'document')} {verb} to no position: see {output / result.read_me}",
            markup=False,
        )
    too_big = [item for item in result.files if item.size > limit]
    if too_big:
        err.print(
            f"[bold red]warning:[/] {_count(len(too_big), 'file')} {'is' if len(too_big) == 1 else 'are'} "
            "still over the limit after compression"
        )
    if blockers:
        err.print(
            f"[bold yellow]warning:[/] packed with --force although the check found {_count(blockers, 'blocker')}"
        )


def _count(number: int, noun: str) -> str:
    """'1 blocker', '2 blockers'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@app.command(context_settings={"allow_extra_args": True})
def review(
    ctx: typer.Context,
    case_dir: CaseDir,
    set_values: Annotated[
        Optional[list[str]],
        typer.Option(
            "--set",
            help="FILE FIELD=VALUE: the value a document states (repeatable; dates in any form, amounts as written).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        Optional[tuple[str, str]],
        typer.Option("--kind", help="FILE KIND: the document's kind, when it was read as another.", show_default=False),
    ] = None,
    set_aside: Annotated[
        Optional[list[str]],
        typer.Option(
            "--set-aside",
            help="FILE: not evidence for this case (shown in the report, not checked; repeatable).",
            show_default=False,
        ),
    ] = None,
    ack: Annotated[
        Optional[str],
        typer.Option("--ack", help="CODE: a finding you have looked at (with --note).", show_default=False),
    ] = None,
    document: Annotated[
        Optional[str], typer.Option("--document", help="With --ack: the finding about this file.", show_default=False)
    ] = None,
    job: Annotated[
        Optional[int],
        typer.Option(
            "--job", help="With --ack: the finding about this job (0 is the first).", min=0, show_default=False
        ),
    ] = None,
    note: Annotated[
        Optional[str],
        typer.Option("--note", help="With --ack: why (shown beside the finding in every report).", show_default=False),
    ] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Check as if today were this date (YYYY-MM-DD).")
    ] = None,
    noc_data: NocData = None,
    debug: Debug = False,
) -> None:
    """Record what you decided after reading the report in CASE_DIR/review.yaml, and show what needs you.

    With no options: lists the findings a person must confirm and the decisions recorded. With options:
    records each decision for the file as it is now (its SHA-256); if the file changes, the decision lapses.

    --set takes FILE and FIELD=VALUE (e.g. --set letters/northwind.pdf start_date=2022-03-03); repeat it for more.
    """
    from checklist.reviewfile import (
        REVIEW_FILE,
        document_path,
        load_review,
        review_yaml,
        with_acknowledgement,
        with_decision,
    )

    _setup(debug)
    day = _parse_date(as_of)
    out = Console(file=PublicStream("stdout"), highlight=False, soft_wrap=True)  # type: ignore[arg-type]
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir, hint="give the case folder that holds case.yaml")
        current = load_review(case_dir)
        updated = current
        kinds: dict[str, str] = {}

        def read_kind(name: str) -> object:
            from checklist.pipeline import understand

            if name not in kinds:
                kinds[name] = understand(case_dir / name, case_dir).kind.value
            return kinds[name]

        for name, assignment in _pairs(set_values or [], ctx.args):
            field, sep, value = assignment.partition("=")
            if not sep or not field.strip():
                raise ChecklistError(
                    f"expected FIELD=VALUE after the file, got {assignment!r}",
                    field="--set",
                    hint="e.g. --set letter.pdf start_date=2022-03-03",
                )
            rel = document_path(case_dir, name)
            updated = with_decision(updated, case_dir, rel, fields={field.strip(): value.strip()}, read_kind=read_kind)
        if kind is not None:
            from checklist.models.document import DocumentKind

            try:
                chosen = DocumentKind(kind[1])
            except ValueError:
                raise ChecklistError(
                    f"not a document kind: {kind[1]!r}",
                    field="--kind",
                    hint="one of: " + ", ".join(k.value for k in DocumentKind),
                ) from None
            updated = with_decision(updated, case_dir, document_path(case_dir, kind[0]), kind=chosen)
        for name in set_aside or []:
            updated = with_decision(updated, case_dir, document_path(case_dir, name), set_aside=True)
        if ack is not None:
            if note is None:
                raise ChecklistError("--ack needs --note: say why the finding is fine", field="--note")
            about = document_path(case_dir, document) if document is not None else None
            updated = with_acknowledgement(updated, ack, note, about, job)
        elif document is not None or job is not None or note is not None:
            raise ChecklistError("--document, --job and --note go with --ack CODE", field="--ack")
        if updated is not current:
            write_output(case_dir / REVIEW_FILE, review_yaml(updated))
            err.print(f"recorded in {case_dir / REVIEW_FILE}", markup=False)
            _print_review(updated, out)
            return
        _print_needs(case_dir, day, noc_data, current, out)
    except ChecklistError as exc:
        raise _fail(exc, debug) from None


def _pairs(files: list[str], extra: list[str]) -> list[tuple[str, str]]:
    """--set FILE FIELD=VALUE: typer takes one value per option, so each FIELD=VALUE comes as an extra
    argument, in the order of the --set options."""
    if len(extra) != len(files) or any("=" not in value for value in extra):
        raise ChecklistError(
            "--set takes two values: FILE FIELD=VALUE (give CASE_DIR first)",
            field="--set",
            hint="e.g. cec-checklist review CASE_DIR --set letter.pdf start_date=2022-03-03",
        )
    return list(zip(files, extra))


def _print_review(review, out: Console) -> None:  # type: ignore[no-untyped-def]
    for name, entry in sorted(review.documents.items()):
        parts = []
        if entry.kind:
            parts.append(f"kind {entry.kind.value}")
        parts += [f"{field} = {value}" for field, value in entry.fields.items()]
        if entry.set_aside:
            parts.append("set aside")
        out.print(public(f"{name}: " + ("; ".join(parts) or "reviewed")), markup=False)
    for ack in review.acknowledged:
        where = "".join(
            [f" in {ack.document}" if ack.document else "", f" (job {ack.job})" if ack.job is not None else ""]
        )
        out.print(public(f"acknowledged {ack.code}{where}: {ack.note}"), markup=False)


def _print_needs(case_dir: Path, day, noc_data, review, out: Console) -> None:  # type: ignore[no-untyped-def]
    """What needs a person: findings that may be wrong about what a document states, then the decisions so far."""
    from checklist.pipeline import check_case

    report = check_case(case_dir, as_of=day, noc_dir=noc_data)
    needs = [
        f
        for f in report.findings
        if (f.unsure or f.code in ("doc.needs-review", "review.lapsed")) and not f.acknowledged
    ]
    if not needs:
        out.print("Nothing needs your review.", markup=False)
    for finding in needs:
        files = f" [{', '.join(finding.documents)}]" if finding.documents else ""
        out.print(public(f"{finding.severity.value} {finding.code}{files}: {finding.message}"), markup=False)
    if not review.empty:
        out.print("Recorded in review.yaml:", markup=False)
        _print_review(review, out)


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="One document to read.", show_default=False)],
    fmt: Annotated[str, typer.Option("-f", "--format", help="json or text.")] = "text",
    debug: Debug = False,
) -> None:
    """Show what was read from one document: its kind, its fields, and where each came from."""
    from checklist.pipeline import understand

    _setup(debug)
    if not file.is_file():
        raise _fail(ChecklistError("no such file", path=file), debug)
    document = understand(file.resolve(), file.resolve().parent)
    data = {
        "path": public(str(file)),
        "kind": document.kind.value,
        "read_as": document.raw.pages[0].method.value if document.raw.pages else None,
        "error": document.raw.error,
        "evidence": document.classification.evidence,
        "language": document.language,
        "fields": document.fields.model_dump(mode="json"),
        "sources": {name: source.model_dump(mode="json") for name, source in document.sources.items()},
    }
    if fmt == "json":
        write_output("-", public(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n")
        return
    out = Console(file=PublicStream("stdout"), highlight=False, soft_wrap=True)  # type: ignore[arg-type]
    out.print(
        f"[bold]{escape(str(data['path']))}[/]: {data['kind']}"
        + escape(f" ({data['error']})" if data["error"] else ""),
        markup=True,
    )
    if data["evidence"] and not data["error"]:
        out.print("  decided by: " + "; ".join(data["evidence"]), markup=False)
    for name, value in document.fields:
        source = document.sources.get(name)
        where = f"  [page {source.page}: {source.snippet[:80]}]" if source else ""
        out.print(public(f"  {name}: {value}{where}"), markup=False)


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("-f", "--format", help="text, md or json.")] = "text",
) -> None:
    """List the checks: code, severity, what each verifies, and how to fix it."""
    from checklist.rules.catalog import catalog

    items = [
        {"code": r.code, "severity": r.severity.value, "title": r.title, "verifies": r.doc, "fix": r.fix}
        for r in catalog()
    ]
    if fmt == "json":
        write_output("-", json.dumps(items, indent=2) + "\n")
        return
    if fmt == "md":
        write_output("-", rules_markdown())
        return
    out = Console(highlight=False, soft_wrap=True)
    for item in items:
        out.print(f"[bold]{item['code']}[/] ({item['severity']}): {item['title']}", markup=True)
        out.print(f"    {item['verifies']}", markup=False)


def rules_markdown() -> str:
    """The catalog as Markdown: docs/checks.md is generated from this."""
    from checklist.rules.catalog import catalog

    lines = ["# Checks", "", "Generated by `cec-checklist rules -f md`; do not edit by hand.", ""]
    for r in catalog():
        fix = re.sub(r"\{(\w+)\}", r"<\1>", r.fix)
        lines += [f"## `{r.code}` ({r.severity.value})", "", f"**{r.title}.** {r.doc}", "", f"Fix: {fix}", ""]
    return "\n".join(lines)


@app.command()
def init(
    case_dir: CaseDir,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing case.yaml.")] = False,
) -> None:
    """Write a commented case.yaml to fill in."""
    from checklist.casefile import INIT_TEMPLATE
    from checklist.output import output_error

    target = case_dir / "case.yaml"
    if target.exists() and not force:
        err.print(f"[bold red]error:[/] {target} already exists (use --force to overwrite)")
        raise typer.Exit(2)
    try:
        case_dir.mkdir(parents=True, exist_ok=True)
        write_output(target, INIT_TEMPLATE)
    except OSError as exc:
        raise _fail(output_error(exc, case_dir), False) from None
    except ChecklistError as exc:
        raise _fail(exc, False) from None
    err.print(
        f"wrote {target}: fill in your claims, put your documents in {case_dir}, then run 'cec-checklist check {case_dir}'"
    )


NocData = Annotated[Optional[Path], typer.Option("--noc-data", help="Folder with NOC 2021 reference data.")]


def _noc_or_exit(noc_data: Optional[Path], debug: bool = False):  # type: ignore[no-untyped-def]
    from checklist.noc import load_noc_data, resolve_noc_dir

    try:
        found = resolve_noc_dir(noc_data)
        noc = load_noc_data(found) if found is not None else None
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    if noc is None:
        err.print(
            "[bold red]error:[/] NOC 2021 reference data is not installed: run "
            "'cec-checklist noc install' (downloads the official files) or pass --noc-data DIR"
        )
        raise typer.Exit(2)
    return noc


@app.command("noc")
def noc_command(
    words: Annotated[list[str], typer.Argument(help="CODE | search TEXT... | install [SOURCE...]", show_default=False)],
    fmt: Annotated[str, typer.Option("-f", "--format", help="text or json.")] = "text",
    limit: Annotated[int, typer.Option("-n", "--limit", help="search: how many unit groups to show.")] = 10,
    noc_data: NocData = None,
    dest: Annotated[
        Optional[Path], typer.Option("--dest", help="install: into this folder instead of the user data folder.")
    ] = None,
    debug: Debug = False,
) -> None:
    """NOC 2021: 'noc CODE' shows a unit group (a NOC 2016 code shows its successors);
    'noc search TEXT' lists the best unit groups for a title or duties; 'noc install' downloads
    the official files (or copies them from SOURCE: folders, zips or URLs) into the user data
    folder and indexes them."""
    _setup(debug)
    if words[0] == "search" and len(words) > 1:
        noc_search(" ".join(words[1:]), limit, fmt, noc_data)
    elif words[0] == "install":
        noc_install(words[1:], dest, debug)
    else:
        noc_lookup(words[0], fmt, noc_data)


def noc_lookup(code: str, fmt: str, noc_data: Optional[Path]) -> None:
    noc = _noc_or_exit(noc_data)
    group = noc.get(code.strip())
    if group is None and len(code.strip()) == 4:
        successors = noc.successors_2016(code.strip())
        if successors:
            _print_successors(code, [noc.get(c) for c in successors], fmt)
            return
    if group is None:
        err.print(f"[bold red]error:[/] {code!r} is not a NOC 2021 unit group; try 'cec-checklist noc search TEXT'")
        raise typer.Exit(2)
    data = {
        "code": group.code,
        "title": group.title,
        "teer": group.teer,
        "lead_statement": group.lead_statement,
        "main_duties": list(group.main_duties),
        "example_titles": list(group.example_titles),
    }
    if fmt == "json":
        write_output("-", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"[bold]{group.code} {escape(group.title)}[/] (TEER {group.teer})")
    out.print(group.lead_statement, markup=False)
    out.print("[bold]Main duties[/]")
    for duty in group.main_duties:
        out.print(f"  - {duty}", markup=False)
    out.print("[bold]Example titles[/]: " + escape(", ".join(group.example_titles[:15])))


def _print_successors(code: str, groups: list, fmt: str) -> None:  # type: ignore[type-arg]
    items = [{"code": g.code, "title": g.title, "teer": g.teer} for g in groups if g is not None]
    if fmt == "json":
        write_output("-", json.dumps({"noc2016": code, "noc2021": items}, indent=2, ensure_ascii=False) + "\n")
        return
    typer.echo(f"NOC 2016 {code} became, in NOC 2021:")
    for item in items:
        typer.echo(f"  {item['code']} {item['title']} (TEER {item['teer']})")


def noc_search(text: str, limit: int, fmt: str, noc_data: Optional[Path]) -> None:
    """The NOC 2021 unit groups that best match a job title or duties, best first."""
    noc = _noc_or_exit(noc_data)
    hits = noc.find(text, limit=max(limit, 1))
    if fmt == "json":
        write_output("-", json.dumps([hit.as_row() for hit in hits], indent=2, ensure_ascii=False) + "\n")
        return
    for hit in hits:
        typer.echo(f"{hit.code}  {hit.score:.2f}  TEER {hit.teer}  {hit.title}")


def noc_install(sources: list[str], dest: Optional[Path], debug: bool) -> None:
    """Install the NOC 2021 files into the user data folder and index them: downloaded from the
    Government of Canada's open data portal when no SOURCE is given, else copied from folders, zips or URLs."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    from checklist.network import allow_network
    from checklist.noc import install_noc_data

    allow_network()  # the one command that downloads, and only what the user named (or the official files)
    checked: list[tuple[str, str]] = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("NOC data", total=None)

        def report(done: int, total: int | None, name: str) -> None:
            progress.update(task, completed=done, total=total, description=name[:40])

        try:
            source = None if not sources else sources if len(sources) > 1 else sources[0]
            target = install_noc_data(source, dest, report, on_checked=lambda name, how: checked.append((name, how)))
        except ChecklistError as exc:
            raise _fail(exc, debug) from None
    for name, how in checked:
        err.print(f"  {name}: {how}", markup=False)
    err.print(f"NOC 2021 data installed in {target}", markup=False)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8765,
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Address to listen on. Anything but 127.0.0.1 lets other computers reach your files."
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in your web browser.")] = False,
    cases: Annotated[
        Optional[Path], typer.Option("--cases", help="Folder holding the cases (default: the user data folder).")
    ] = None,
    noc_data: NocData = None,
    debug: Debug = False,
) -> None:
    """Start the local web page: fill in the claims, add the documents and read the report in your browser."""
    _setup(debug)
    try:
        import uvicorn

        from checklist.web import WebSettings, create_app
        from checklist.web.store import default_cases_dir
    except ImportError as exc:  # pragma: no cover - the web dependencies are core dependencies
        err.print(f"[bold red]error:[/] the web page needs its libraries ({exc}); reinstall cec-checklist")
        raise typer.Exit(2) from None
    hosts = ("127.0.0.1", "localhost") if host in LOOPBACK else ("127.0.0.1", "localhost", host)
    cases_dir = (cases or default_cases_dir()).expanduser()
    try:
        application = create_app(WebSettings(cases_dir=cases_dir, noc_dir=noc_data, allowed_hosts=hosts))
    except OSError as exc:
        raise _fail(ChecklistError(f"cannot use the cases folder ({exc.strerror})", path=cases_dir), debug) from None
    if host not in LOOPBACK:
        err.print(
            f"[bold yellow]warning:[/] listening on {host}: other computers on the network can open this page "
            "and the applicant's documents. Use it only on a network you trust."
        )
    url = f"http://{'127.0.0.1' if host in LOOPBACK or host == '0.0.0.0' else host}:{port}/"
    err.print(f"cec-checklist web page: {url} (cases in {cases_dir}); press Ctrl+C to stop", markup=False)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(
        application,
        host=host,
        port=port,
        log_level="debug" if debug else "warning",
        server_header=False,
        access_log=debug,
    )
    server = uvicorn.Server(config)
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind
        pass
    if not server.started:
        err.print(
            f"[bold red]error:[/] could not listen on {host}:{port} (is another program using the port? try --port)"
        )
        raise typer.Exit(2)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    """Every command runs offline: no name lookup, no connection but loopback (`noc install` lifts it)."""
    from checklist.network import deny_network

    deny_network()
    if version:
        typer.echo(__version__)
        raise typer.Exit(0)


def run() -> None:
    """Console-script entry point: an unexpected failure is one line (the traceback with --debug)."""
    try:
        app()
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - the last guard between a bug and the user
        if "--debug" in sys.argv:
            raise
        message = public(f"{type(exc).__name__}: {exc}")[:300]
        err.print(
            f"[bold red]error:[/] unexpected failure ({escape(message)}); run again with --debug to see the "
            "traceback, and report it (without personal documents) to the project"
        )
        raise SystemExit(2) from None
