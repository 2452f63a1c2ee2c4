"""Many users at once on one `cec-checklist serve`: errors, mixed-up cases, latency.

    python bench/adversarial/load.py [--users 4] [--rounds 3] [--keep]

Copies the sample cases (one per user, cycling through the samples, each with an
applicant name made unique: "Kavya Iyer Tagu03"), starts `serve` on a free
loopback port, and runs USERS threads, each with its own cookies and its own case,
for ROUNDS rounds of: home page, case page (redirects to documents or report),
upload a sample PDF of that case made unique by a trailing comment, "Check again",
the report page and report.json.

Counted: requests, errors (a 5xx status or an exception), other unexpected
statuses, "mixed" (a page of case A holding another user's applicant tag; the
home page lists every case, so it is not counted), p50/p95 latency per step, and
the wall time. Exit code 1 when there was an error or a mixed page.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

STEPS = ("home", "case", "upload", "check", "report", "report.json")


def make_cases(cases: Path, users: int) -> list[tuple[str, str]]:
    """(case id, unique tag) per user; the tag is appended to the applicant's name in case.yaml."""
    made = []
    for index, folder in enumerate(common.copy_samples(cases, count=max(users, 1))[:users]):
        tag = f"Tagu{index:03d}"
        path = cases / folder / "case.yaml"
        text = path.read_text(encoding="utf-8")
        text = re.sub(
            r"^(applicant:\s*)(.+?)(\s*(#.*)?)$", rf"\g<1>\g<2> {tag}\g<3>", text, count=1, flags=re.MULTILINE
        )
        path.write_text(text, encoding="utf-8")
        made.append((folder, tag))
    return made


def seed_file(case_dir: Path) -> tuple[str, bytes]:
    pdfs = sorted(path for path in case_dir.rglob("*.pdf") if ".cec-checklist" not in path.parts)
    source = (
        pdfs[0]
        if pdfs
        else next(path for path in sorted(case_dir.rglob("*")) if path.is_file() and path.name != "case.yaml")
    )
    return source.name, source.read_bytes()


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: defaultdict[str, list[float]] = defaultdict(list)
        self.requests = 0
        self.errors: list[str] = []
        self.unexpected: list[str] = []
        self.mixed: list[str] = []

    def add(self, step: str, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.latency[step].append(seconds)

    def note(self, kind: str, message: str) -> None:
        with self.lock:
            getattr(self, kind).append(message)


def user(
    base: str, case_id: str, tag: str, others: list[str], seed: tuple[str, bytes], rounds: int, tally: Tally
) -> None:
    browser = common.Browser(base)
    stem, ext = seed[0].rsplit(".", 1) if "." in seed[0] else (seed[0], "bin")

    def step(name: str, call: Any, *args: Any, own: bool = True) -> common.Reply | None:
        start = time.perf_counter()
        try:
            reply = call(*args)
        except Exception as exc:  # noqa: BLE001 - any failure of a request is a figure
            tally.add(name, time.perf_counter() - start)
            tally.note("errors", f"{case_id} {name}: {type(exc).__name__}: {exc}")
            return None
        tally.add(name, reply.seconds)
        if reply.status >= 500:
            tally.note("errors", f"{case_id} {name}: HTTP {reply.status}")
        elif reply.status != 200:
            tally.note("unexpected", f"{case_id} {name}: HTTP {reply.status}")
        if own:
            text = reply.text
            for other in others:
                if other in text:
                    tally.note("mixed", f"{case_id} {name}: holds {other}")
        return reply

    for number in range(rounds):
        step("home", browser.get, "/", own=False)
        page = step("case", browser.get, common.case_url(case_id))
        token = common.csrf_token(page.text) if page is not None and 'name="csrf_token"' in page.text else None
        if token is None:
            tally.note("errors", f"{case_id} case: no CSRF token on the page")
            continue
        content = seed[1] + f"\n% load user {tag} round {number}\n".encode()
        name = f"{stem} upload {number}.{ext}"
        fields = {common.CSRF_FIELD: token}
        step("upload", browser.post_files, common.case_url(case_id, "documents"), fields, [("files", name, content)])
        step("check", browser.post_form, common.case_url(case_id, "check"), fields)
        step("report", browser.get, common.case_url(case_id, "report"))
        reply = step("report.json", browser.get, common.case_url(case_id, "report.json"))
        if reply is not None and reply.status == 200 and tag not in reply.text:
            tally.note("mixed", f"{case_id} report.json: own tag {tag} missing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cec-adv-load-"))
    cases = tmp / "cases"
    made = make_cases(cases, args.users)
    tally = Tally()
    server = common.Server(cases, tmp / "home").start()
    try:
        threads = []
        for case_id, tag in made:
            others = [other for _, other in made if other != tag]
            thread = threading.Thread(
                target=user, args=(server.base, case_id, tag, others, seed_file(cases / case_id), args.rounds, tally)
            )
            threads.append(thread)
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.stop()
    log = server.log()
    tracebacks = log.count("Traceback") + log.count("unexpected failure")
    if tracebacks:
        tally.note("errors", f"server log: {tracebacks} traceback/unexpected failure line(s)")
    rows = [
        [
            name,
            len(tally.latency[name]),
            f"{common.percentile(tally.latency[name], 0.5):.3f}",
            f"{common.percentile(tally.latency[name], 0.95):.3f}",
            f"{max(tally.latency[name], default=0):.3f}",
        ]
        for name in STEPS
    ]
    everything = [value for values in tally.latency.values() for value in values]
    rows.append(
        [
            "all",
            len(everything),
            f"{common.percentile(everything, 0.5):.3f}",
            f"{common.percentile(everything, 0.95):.3f}",
            f"{max(everything, default=0):.3f}",
        ]
    )
    print(
        f"users {args.users}, rounds {args.rounds}: {tally.requests} requests in {wall:.1f} s wall "
        f"({tally.requests / wall:.1f} req/s); errors {len(tally.errors)}, unexpected {len(tally.unexpected)}, "
        f"mixed {len(tally.mixed)}"
    )
    print(common.table(["step", "requests", "p50 s", "p95 s", "max s"], rows))
    for kind in ("errors", "unexpected", "mixed"):
        for message in getattr(tally, kind)[:20]:
            print(f"{kind}: {message}")
    if args.keep:
        print(f"kept {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if tally.errors or tally.mixed else 0


if __name__ == "__main__":
    sys.exit(main())
