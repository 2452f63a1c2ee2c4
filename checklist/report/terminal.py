"""The terminal summary: verdict, hours, and the blockers and warnings with fixes.

`check` prints it on standard output (standard error only when the report
itself goes to standard output with `-o -`)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checklist.display import public
from checklist.models.report import Report
from checklist.report.environment import count_noun

NOC_MISSING = (
    "The duties were not checked against the NOC: its reference data is not installed. "
    "Run 'cec-checklist noc install', then check again."
)

STYLE = {"blocker": "bold red", "warning": "yellow", "info": "dim"}
SHOWN_PER_CODE = 2  # more findings of one code are counted, not printed: the report has them all


def print_summary(report: Report, console: Console, *, show_info: bool = False) -> None:
    verdict = "[bold green]READY[/]" if report.ready else "[bold red]NOT READY[/]"
    hours = report.experience.qualifying_hours
    console.print(
        f"{verdict}  {escape(public(report.display_name))}: {hours:,.1f} of {report.experience.required_hours:,} qualifying hours "
        f"({report.window.start} to {report.window.end})"
    )
    if not report.noc_data:
        console.print(f"[yellow]{escape(NOC_MISSING)}[/]")
    counts = report.counts()
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("severity")
    table.add_column("code")
    table.add_column("finding and fix")
    shown: dict[str, int] = {}
    for finding in report.findings:
        if finding.severity.value == "info" and not show_info:
            continue
        shown[finding.code] = shown.get(finding.code, 0) + 1
        if shown[finding.code] > SHOWN_PER_CODE:
            continue
        text = escape(public(finding.message)) + "\n[dim]→ " + escape(public(finding.fix)) + "[/]"
        if finding.acknowledged:
            text = "[bold]acknowledged by you:[/] " + escape(public(finding.note or "")) + "\n" + text
        table.add_row(f"[{STYLE[finding.severity.value]}]{finding.severity.value}[/]", finding.code, text)
    for code, count in shown.items():
        if count > SHOWN_PER_CODE:
            table.add_row("", code, f"[dim]… and {count - SHOWN_PER_CODE} more like these (see the report)[/]")
    if table.row_count:
        console.print(table)
    if report.set_aside:
        names = ", ".join(item["path"] for item in report.set_aside[:3]) + (
            ", ..." if len(report.set_aside) > 3 else ""
        )
        console.print(
            f"[dim]{count_noun(len(report.set_aside), 'file')} set aside, not read as documents "
            f"(cec-checklist's own: reports, packs, case files): {escape(names)}[/]"
        )
    console.print(
        f"{count_noun(counts['blocker'], 'blocker')}, {count_noun(counts['warning'], 'warning')}, "
        f"{count_noun(counts['info'], 'note')}"
    )


def print_todo(report: Report, console: Console) -> None:
    """What to collect, job by job: a tick or a circle, then what still misses and what to check by eye."""
    jobs = report.claims.jobs if report.claims else []
    done = sum(1 for item in report.todo if item.done)
    console.print(
        f"[bold]What to collect[/] for {escape(public(report.display_name))}: {done} of {len(report.todo)} items collected"
    )
    for job in [None, *range(len(jobs))]:
        items = [item for item in report.todo if item.job == job]
        if not items:
            continue
        heading = (
            "For the whole application"
            if job is None
            else f"Job {job + 1}: {jobs[job]['employer']} ({jobs[job]['title']})"
        )
        console.print(f"\n[bold]{escape(public(heading))}[/]")
        for item in items:
            mark = "[green]✓[/]" if item.done else "[red]○[/]"
            extra = "" if item.required else " [dim](supporting)[/]"
            console.print(f"  {mark} {escape(public(item.label))}{extra}")
            for line in item.missing:
                console.print(f"      [red]missing:[/] {escape(public(line))}")
            for line in item.confirm:
                console.print(f"      [dim]check by eye: {escape(public(line))}[/]")
