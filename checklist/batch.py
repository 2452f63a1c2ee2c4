"""Batch mode: every folder under a root that holds a case.yaml is a case.

Cases run in parallel processes (each loads the NOC data once); a broken
case becomes a row with its error, never a stop. The output folder gets one
HTML and one JSON report per case under a safe name, an index.html table
and a summary.csv.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from checklist import network
from checklist.casefile import CASE_FILE
from checklist.desk import desk_facts, sort_key
from checklist.display import public
from checklist.output import output_error

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseRow:
    """One line of the batch summary."""

    case: str
    name: str
    case_name: str = ""
    applicant: str = ""
    verdict: str = "error"
    ready: bool | None = None
    ita_date: dt.date | None = None
    deadline: dt.date | None = None
    days_left: int | None = None
    hours: float | None = None
    blockers: int = 0
    warnings: int = 0
    top_blockers: str = ""  # the open blocker codes, most frequent first, "; " between
    reviewed: int = 0
    acknowledged: int = 0
    checked: dt.date | None = None
    report: str = ""
    error: str = ""


def find_cases(root: Path) -> list[Path]:
    """Folders holding a case.yaml, sorted; a case's own sub-folders are not searched for cases."""
    found: list[Path] = []
    for path in sorted(root.rglob(CASE_FILE)):
        folder = path.parent
        if any(part.startswith(".") for part in folder.relative_to(root).parts):
            continue
        if not any(parent in found for parent in folder.parents):
            found.append(folder)
    return found


def safe_name(relative: str, taken: set[str]) -> str:
    """A file name from a folder path: ASCII letters, digits, '-', '_' only; never '..', a slash or a SIN."""
    text = unicodedata.normalize("NFKD", public(relative)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-_").lower()[:80] or "case"
    name, number = text, 2
    while name in taken:
        name, number = f"{text}-{number}", number + 1
    taken.add(name)
    return name


_NOC: Any = None


def _init_worker(noc_dir: Path | None, offline: bool = False) -> None:
    """Load NOC data once per worker; a worker of an offline run is offline too (a spawned process starts fresh)."""
    global _NOC
    from checklist.pipeline import load_noc

    if offline:
        from checklist.network import deny_network

        deny_network()

    try:
        _NOC = load_noc(noc_dir)
    except Exception as exc:  # noqa: BLE001 - a bad NOC folder is reported per case below
        log.warning("NOC data could not be loaded: %s", exc)
        _NOC = None


def check_one(case_dir: Path, root: Path, name: str, out_dir: Path, as_of: Any = None) -> CaseRow:
    """Check one case and write its reports; any error becomes the row's error."""
    from checklist.output import write_output
    from checklist.pipeline import check_case
    from checklist.report import render_html, render_json

    relative = public(case_dir.relative_to(root).as_posix() or ".")
    try:
        report = check_case(case_dir, as_of=as_of, noc=_NOC)
        write_output(out_dir / f"{name}.html", render_html(report))
        write_output(out_dir / f"{name}.json", render_json(report))
    except Exception as exc:  # noqa: BLE001 - one broken case never stops the others
        return CaseRow(case=relative, name=name, error=public(str(exc) or type(exc).__name__))
    counts = report.counts()
    desk = desk_facts(report.model_dump(mode="json"), report.as_of)
    return CaseRow(
        case=relative,
        name=name,
        case_name=public(report.case_name or ""),
        applicant=public(report.applicant),
        verdict=desk.verdict,
        ready=report.ready,
        ita_date=desk.ita_date,
        deadline=desk.deadline,
        days_left=desk.days_left,
        hours=report.experience.qualifying_hours,
        blockers=counts["blocker"],
        warnings=counts["warning"],
        top_blockers="; ".join(desk.top_blockers),
        reviewed=desk.reviewed,
        acknowledged=desk.acknowledged,
        checked=desk.checked,
        report=f"{name}.html",
    )


def run_batch(
    root: Path,
    out_dir: Path,
    workers: int = 1,
    noc_dir: Path | None = None,
    as_of: Any = None,
    on_done: Callable[[CaseRow], None] | None = None,
    sort: str = "case",
) -> list[CaseRow]:
    """Check every case under `root` into `out_dir`; the rows (and the index) in `sort` order (see desk.SORT_KEYS)."""
    cases = find_cases(root)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, out_dir) from None
    taken: set[str] = {"index", "summary"}
    jobs = [(case, safe_name(case.relative_to(root).as_posix() or root.name, taken)) for case in cases]
    rows = list(_run(jobs, root, out_dir, workers, noc_dir, as_of, on_done))
    rows.sort(key=lambda row: row.case)
    rows.sort(key=lambda row: sort_key(sort, row.case, row.deadline, row.blockers, row.hours))
    write_summary(rows, out_dir, sort)
    return rows


def _run(
    jobs: list[tuple[Path, str]],
    root: Path,
    out_dir: Path,
    workers: int,
    noc_dir: Path | None,
    as_of: Any,
    on_done: Callable[[CaseRow], None] | None,
) -> Iterator[CaseRow]:
    if workers <= 1:
        _init_worker(noc_dir)
        for case, name in jobs:
            row = check_one(case, root, name, out_dir, as_of)
            if on_done:
                on_done(row)
            yield row
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(noc_dir, network.denied())
    ) as pool:
        futures = {pool.submit(check_one, case, root, name, out_dir, as_of): (case, name) for case, name in jobs}
        for future in as_completed(futures):
            case, name = futures[future]
            try:
                row = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died (memory, signal) is that case's error
                row = CaseRow(
                    case=public(case.relative_to(root).as_posix()), name=name, error=public(f"the check stopped: {exc}")
                )
            if on_done:
                on_done(row)
            yield row


def write_summary(rows: list[CaseRow], out_dir: Path, sort: str = "case") -> None:
    from checklist.output import write_output
    from checklist.report.environment import render_template

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CaseRow.__dataclass_fields__))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_safe(v) for k, v in asdict(row).items()})
    write_output(out_dir / "summary.csv", public(buffer.getvalue()))
    html = render_template(
        "batch_index.html.j2",
        {
            "rows": [asdict(row) for row in rows],
            "sort": sort,
            "ready": sum(1 for r in rows if r.ready),
            "total": len(rows),
        },
    )
    write_output(out_dir / "index.html", public(html))


def _csv_safe(value: Any) -> Any:
    """Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
