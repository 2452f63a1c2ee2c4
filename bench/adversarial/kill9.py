"""`kill -9` the web server in the middle of a write, restart it, and see what the cases look like.

    python bench/adversarial/kill9.py [--points 6] [--seed N] [--max-delay 1.5] [--keep]

Copies three sample cases, starts `serve`, and POINTS times: starts one action in a
thread (an upload of a 6 MB PDF, "Check again", saving the claims, or building the
upload pack), sends SIGKILL to the server a random delay (0 to --max-delay s) after the
write request starts (the page holding the form is fetched first, outside the delay),
restarts it on the same cases and checks every case:

- the home page and each case page answer 200 and name the case;
- the last report (`.cec-checklist/report.json`, and `report.json` over HTTP) is
  valid JSON when it exists; case.yaml still parses and is one of the versions written;
- every document file is whole: a file uploaded by the bench has exactly the bytes
  sent (never a prefix), and the samples' own files are unchanged;
- leftovers: temporary files in the case folders after the kill (`.NAME.cec-part-XXXX`
  from `checklist.output` and the readings cache) and `cec-pack-*` /
  `cec-soffice-*` folders in the server's TMPDIR (a private one). The server only
  removes a temporary file untouched for 10 minutes and a pack folder untouched for 60
  (a live writer may own a younger one), so at the end the bench ages the leftovers
  by 62 minutes, restarts once more and counts what is still there: that is a
  failure, as is a temporary file listed on a case page. Because the kills rarely
  land between a temporary file's creation and its rename, one of each kind the code
  makes is also planted (upload, report, case.yaml, readings cache, pack folder)
  before that last restart.

Exit code 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

CASES = ["s01_clean_promotion", "s03_cook_employer_specific", "s08_ready_with_warnings"]
ACTIONS = ("upload", "check", "claims", "pack")
STATE_DIR = ".cec-checklist"


def is_leftover(name: str) -> bool:
    return name.startswith(".") and (".cec-part-" in name or name.endswith(".tmp") or ".partial" in name)


def leftovers(cases: Path, temp: Path | None = None) -> list[Path]:
    """Temporary files in the case folders, and the pack/conversion folders in the server's TMPDIR."""
    found = [Path(folder) / name for folder, _, names in os.walk(cases) for name in names if is_leftover(name)]
    if temp is not None and temp.is_dir():
        found += [entry for entry in temp.iterdir() if entry.name.startswith(("cec-pack-", "cec-soffice-"))]
    return sorted(found)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and STATE_DIR not in path.parts and path.name != "case.yaml" and not is_leftover(path.name)
    }


def big_pdf(case_dir: Path, mark: str, size: int = 6_000_000) -> bytes:
    """A sample PDF of the case padded with a comment to `size` bytes (a long write)."""
    source = min(case_dir.rglob("*.pdf")).read_bytes()
    pad = size - len(source) - 40
    return source + b"\n%" + mark.encode() + b"\n%" + b"x" * max(pad, 0) + b"\n"


class Run:
    def __init__(self, tmp: Path, seed: int, max_delay: float) -> None:
        self.tmp = tmp
        self.cases = tmp / "cases"
        self.home = tmp / "home"
        self.random = random.Random(seed)
        self.max_delay = max_delay
        common.copy_samples(self.cases, CASES)
        self.original = {case: snapshot(self.cases / case) for case in CASES}
        self.uploaded: dict[str, dict[str, str]] = {case: {} for case in CASES}  # sha256 -> mark, per case
        self.claims_versions = {case: {(self.cases / case / "case.yaml").read_text(encoding="utf-8")} for case in CASES}
        self.failures: list[str] = []
        self.rows: list[list[object]] = []
        self.server: common.Server | None = None
        self.temp = self.home / "tmp"  # the server's TMPDIR (common.child_env)
        self.planted: list[Path] = []

    def start(self) -> common.Server:
        self.server = common.Server(self.cases, self.home).start()
        return self.server

    def action(
        self,
        browser: common.Browser,
        case: str,
        kind: str,
        number: int,
        outcome: dict[str, object],
        ready: threading.Event,
    ) -> None:
        try:
            page = browser.get(common.case_url(case, "claims" if kind == "claims" else "documents"))
            token = common.csrf_token(page.text)
            ready.set()  # the delay before the kill counts from here: the write request itself
            if kind == "upload":
                content = big_pdf(self.cases / case, f"kill9 point {number}")
                self.uploaded[case][hashlib.sha256(content).hexdigest()] = f"point {number}"
                reply = browser.post_files(
                    common.case_url(case, "documents"),
                    {common.CSRF_FIELD: token},
                    [("files", f"kill9 upload {number}.pdf", content)],
                )
            elif kind == "check":
                reply = browser.post_form(common.case_url(case, "check"), {common.CSRF_FIELD: token})
            elif kind == "claims":
                fields = common.hidden_fields(page.text, "/claims/file") or {common.CSRF_FIELD: token}
                text = (self.cases / case / "case.yaml").read_text(encoding="utf-8")
                new = text.rstrip("\n") + f"\n# kill9 point {number}\n"
                self.claims_versions[case].add(new)
                reply = browser.post_files(
                    common.case_url(case, "claims/file"), fields, [("case_file", "case.yaml", new.encode())]
                )
            else:
                reply = browser.get(common.case_url(case, "pack.zip"))
            outcome["status"] = reply.status
        except Exception as exc:  # noqa: BLE001 - the kill makes the request fail; that is the point
            outcome["status"] = type(exc).__name__
        finally:
            ready.set()

    def point(self, number: int) -> None:
        assert self.server is not None
        case = self.random.choice(CASES)
        kind = ACTIONS[number % len(ACTIONS)]
        delay = self.random.uniform(0, self.max_delay)
        outcome: dict[str, object] = {}
        browser = common.Browser(self.server.base, timeout=120)
        ready = threading.Event()
        thread = threading.Thread(target=self.action, args=(browser, case, kind, number, outcome, ready))
        thread.start()
        ready.wait(timeout=120)
        time.sleep(delay)
        self.server.kill9()
        thread.join(timeout=60)
        found_left = leftovers(self.cases, self.temp)
        start = time.perf_counter()
        self.start()
        restart = time.perf_counter() - start
        before = len(self.failures)
        self.verify(f"point {number} ({kind} {case}, {delay:.2f} s)")
        self.rows.append(
            [
                number,
                kind,
                case,
                f"{delay:.2f}",
                outcome.get("status", "?"),
                len(found_left),
                f"{restart:.1f}",
                len(self.failures) - before,
            ]
        )

    def verify(self, where: str) -> None:
        assert self.server is not None
        browser = common.Browser(self.server.base, timeout=120)
        home = browser.get("/")
        if home.status != 200:
            self.failures.append(f"{where}: home page {home.status}")
        for case in CASES:
            page = browser.get(common.case_url(case))
            if page.status != 200:
                self.failures.append(f"{where}: {case} page {page.status}")
            folder = self.cases / case
            yaml_text = (folder / "case.yaml").read_text(encoding="utf-8", errors="replace")
            if yaml_text not in self.claims_versions[case]:
                self.failures.append(
                    f"{where}: {case}/case.yaml is none of the versions written ({len(yaml_text)} chars)"
                )
            report = folder / STATE_DIR / "report.json"
            if report.exists():
                try:
                    json.loads(report.read_text(encoding="utf-8"))
                except ValueError as exc:
                    self.failures.append(f"{where}: {case} report.json is not JSON: {exc}")
                reply = browser.get(common.case_url(case, "report.json"))
                try:
                    json.loads(reply.body)
                except ValueError:
                    self.failures.append(f"{where}: {case} GET report.json {reply.status} is not JSON")
            now = snapshot(folder)
            for path, digest in self.original[case].items():
                if now.get(path) != digest:
                    self.failures.append(f"{where}: {case}/{path} changed or went missing")
            for path, digest in now.items():
                if path not in self.original[case] and digest not in self.uploaded[case]:
                    self.failures.append(f"{where}: {case}/{path} is not a whole upload (partial or unknown bytes)")
            listed = json.dumps([public for public in page.text.split() if "cec-part" in public or ".tmp" in public])
            if listed != "[]":
                self.failures.append(f"{where}: {case} page lists a temporary file: {listed[:200]}")

    def plant(self) -> None:
        """What each writer leaves when killed between creating its temporary file and renaming it.

        Names as the code makes them: `checklist.output` (".NAME.cec-part-XXXXXXXX", for uploads,
        reports and case.yaml), the readings cache (".SHA.json.cec-part-PID" in .cec-checklist/readings)
        and the web page's pack folder ("cec-pack-XXXX" in the temp folder). Planting them makes
        the start-up cleaning's test certain; the random kills rarely land in those windows.
        """
        case = self.cases / CASES[0]
        readings = case / STATE_DIR / "readings"
        readings.mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256(b"planted").hexdigest()
        for path in (
            case / "Immigration" / ".PGWP.pdf.cec-part-0badc0de",
            case / STATE_DIR / ".report.json.cec-part-0badc0de",
            case / ".case.yaml.cec-part-0badc0de",
            readings / f".{sha}.json.cec-part-4242",
        ):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"half")
            self.planted.append(path)
        pack = self.temp / "cec-pack-planted"
        (pack / "upload").mkdir(parents=True, exist_ok=True)
        (pack / "upload" / "read-me-first.pdf").write_bytes(b"%PDF-1.7 half")
        self.planted.append(pack)

    def final_cleanup_check(self) -> tuple[list[Path], int]:
        """Age what is left by 62 minutes, restart, and count what the start-up cleaning kept."""
        assert self.server is not None
        self.server.stop()
        self.plant()
        before = leftovers(self.cases, self.temp)
        old = time.time() - 3700  # the start-up cleaning: 10 minutes for files, 60 for the pack folders
        for path in before:
            for inner in [path, *(path.rglob("*") if path.is_dir() else [])]:
                os.utime(inner, (old, old))
        self.start()
        common.Browser(self.server.base).get("/")
        after = leftovers(self.cases, self.temp)
        for path in after:
            self.failures.append(f"after the aged restart: leftover kept: {path}")
        return before, len(after)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=6)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=1.5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**8)
    tmp = Path(tempfile.mkdtemp(prefix="cec-adv-kill9-"))
    run = Run(tmp, seed, args.max_delay)
    start = time.perf_counter()
    try:
        run.start()
        run.verify("first start")
        for number in range(args.points):
            run.point(number)
        before, after = run.final_cleanup_check()
    finally:
        if run.server is not None:
            run.server.stop()
    print(
        f"seed {seed}, {args.points} kill points, max delay {args.max_delay} s, {time.perf_counter() - start:.0f} s; "
        f"leftovers before the aged restart {len(before)}, after {after}; failures {len(run.failures)}"
    )
    for path in before:
        where = path.relative_to(tmp)
        kind = "planted" if path in run.planted else "from a kill"
        kept = "KEPT" if path.exists() else "removed"
        print(f"leftover ({kind}) before the aged restart: {where.parent}/{path.name} -> {kept}")
    print(
        common.table(
            ["point", "action", "case", "kill after s", "request", "temp files so far", "restart s", "failures"],
            run.rows,
        )
    )
    for message in run.failures[:30]:
        print(f"failure: {message}")
    if args.keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
