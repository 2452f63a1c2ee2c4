"""The command line: the only module that reads options and prints.

Exit codes of `check`: 0 ready, 1 not ready (a blocker), 2 usage or input error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from checklist import __version__
from checklist.casefile import INIT_TEMPLATE, load_case
from checklist.checking import build_report, read_documents, understand
from checklist.errors import ChecklistError
from checklist.ingest.limits import ReadLimits
from checklist.privacy import mask_sins
from checklist.report import RENDERERS
from checklist.report.terminal import print_summary
from checklist.rules.catalog import catalog

app = typer.Typer(
    name="cec-checklist",
    help="Check that a Canadian Experience Class applicant's documents prove the Express Entry claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
log = logging.getLogger("checklist")

CaseDir = Annotated[Path, typer.Argument(help="The case folder: case.yaml and the documents.", show_default=False)]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logging.")]
Output = Annotated[Optional[str], typer.Option("-o", "--output", help="Where to write the report; '-' is standard output.")]


def _setup(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _fail(exc: BaseException, debug: bool) -> typer.Exit:
    if debug:
        err.print_exception()
    err.print(f"[bold red]error:[/] {mask_sins(str(exc))}", markup=True)
    return typer.Exit(2)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _limits(max_mb: float, max_pages: int) -> ReadLimits:
    return ReadLimits(max_bytes=int(max_mb * 1024 * 1024), max_pages=max_pages)


def _write(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@app.command()
def check(
    case_dir: CaseDir,
    fmt: Annotated[str, typer.Option("-f", "--format", help="Report format: json or md.")] = "md",
    output: Output = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="End of the 3-year window (YYYY-MM-DD).")] = None,
    noc_data: Annotated[Optional[Path], typer.Option("--noc-data", help="Folder with NOC 2021 reference data.")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip files larger than this (MB).")] = 20.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Skip PDFs with more pages than this.")] = 50,
    show_info: Annotated[bool, typer.Option("--info", help="Also list info notes in the summary.")] = False,
    debug: Debug = False,
) -> None:
    """Read a case, run every check, and write the gap report."""
    _setup(debug)
    if fmt not in RENDERERS:
        err.print(f"[bold red]error:[/] format {fmt!r} is not available; choose one of: {', '.join(RENDERERS)}")
        raise typer.Exit(2)
    day = _parse_date(as_of)
    try:
        if not case_dir.is_dir():
            raise ChecklistError("is not a folder", path=case_dir, hint="give the case folder that holds case.yaml")
        case = load_case(case_dir)
        documents = read_documents(case_dir, _limits(max_mb, max_pages))
        report = build_report(case, case.as_of(day), documents, _noc(noc_data))
        text = RENDERERS[fmt](report)
        target = output or str(case_dir / f"report.{fmt}")
        _write(text, target)
    except ChecklistError as exc:
        raise _fail(exc, debug) from None
    print_summary(report, err, show_info=show_info)
    if target != "-":
        err.print(f"report written to {target}")
    raise typer.Exit(0 if report.ready else 1)


def _noc(noc_data: Optional[Path]) -> object | None:
    return None


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="One document to read.", show_default=False)],
    fmt: Annotated[str, typer.Option("-f", "--format", help="json or text.")] = "text",
    debug: Debug = False,
) -> None:
    """Show what was read from one document: its kind, its fields, and where each came from."""
    _setup(debug)
    if not file.is_file():
        raise _fail(ChecklistError("no such file", path=file), debug)
    document = understand(file.resolve(), file.resolve().parent)
    data = {
        "path": str(file),
        "kind": document.kind.value,
        "read_as": document.raw.pages[0].method.value if document.raw.pages else None,
        "error": document.raw.error,
        "evidence": document.classification.evidence,
        "language": document.language,
        "fields": document.fields,
        "sources": document.sources,
    }
    if fmt == "json":
        sys.stdout.write(mask_sins(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n")
        return
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"[bold]{file}[/]: {data['kind']}" + (f" ({data['error']})" if data["error"] else ""), markup=True)
    if data["evidence"] and not data["error"]:
        out.print("  decided by: " + "; ".join(data["evidence"]), markup=False)
    for name, value in document.fields.items():
        source = document.sources.get(name, {})
        where = f"  [page {source.get('page')}: {source.get('snippet', '')[:80]}]" if source else ""
        out.print(mask_sins(f"  {name}: {value}{where}"), markup=False)


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("-f", "--format", help="text, md or json.")] = "text",
) -> None:
    """List the checks: code, severity, what each verifies, and how to fix it."""
    items = [{"code": r.code, "severity": r.severity.value, "title": r.title, "verifies": r.doc, "fix": r.fix} for r in catalog()]
    if fmt == "json":
        sys.stdout.write(json.dumps(items, indent=2) + "\n")
        return
    if fmt == "md":
        sys.stdout.write(rules_markdown())
        return
    out = Console(highlight=False, soft_wrap=True)
    for item in items:
        out.print(f"[bold]{item['code']}[/] ({item['severity']}): {item['title']}", markup=True)
        out.print(f"    {item['verifies']}", markup=False)


def rules_markdown() -> str:
    """The catalog as Markdown: docs/checks.md is generated from this."""
    lines = ["# Checks", "", "Generated by `cec-checklist rules -f md`; do not edit by hand.", ""]
    for r in catalog():
        lines += [f"## `{r.code}` ({r.severity.value})", "", f"**{r.title}.** {r.doc}", "", f"Fix: {r.fix}", ""]
    return "\n".join(lines)


@app.command()
def init(
    case_dir: CaseDir,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing case.yaml.")] = False,
) -> None:
    """Write a commented case.yaml to fill in."""
    target = case_dir / "case.yaml"
    if target.exists() and not force:
        err.print(f"[bold red]error:[/] {target} already exists (use --force to overwrite)")
        raise typer.Exit(2)
    case_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(INIT_TEMPLATE, encoding="utf-8")
    err.print(f"wrote {target}: fill in your claims, put your documents in {case_dir}, then run 'cec-checklist check {case_dir}'")


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit(0)


def run() -> None:
    """Console-script entry point."""
    app()
