"""Hostile files through `cec-checklist check -f json`: a finding with a reason, never a crash.

    python bench/adversarial/hostile.py [--timeout 120] [--max-rss-mb 1024] [--keep]

Each hostile file goes alone into a case made of the sample s01's case.yaml (so
its time and memory are its own), and `check -f json -o -` runs on it in a child
process. For each run the bench checks:

- no Python traceback on standard error, and an exit code in {0, 1, 2}
  (contract.md: 0 ready, 1 not ready, 2 usage or input error);
- a file that cannot be read ("unreadable" below) is listed in the report with an
  error and named by a finding (`doc.unreadable` or another `doc.*` code);
- a file that can be read but has a hostile name or text ("listed") is in the report;
- a hostile case.yaml or review.yaml ("input error") ends with exit code 2 and
  a message naming the file, within the limits;
- the run takes less than --timeout seconds and the child's peak memory
  (max RSS from `wait4`) stays under --max-rss-mb.

The letter with HTML and script in its text is also rendered with `-f html` and
`-f md`: the raw `<script` / `onerror=` / `javascript:` must not come through.
Then (unless --no-web) every hostile document is uploaded on `serve`, followed by file
names built to escape the case folder or break the page (`../../x`, `..\\x`, an absolute
path, `CON`, a dot file, 300 characters, HTML, a newline, a NUL, a byte that is not UTF-8,
a right-to-left override): each answer must be 200, 400 or 422 (never 5xx), say why an
unreadable file could not be read, show no name as HTML, and write nothing outside the
case's documents folder; the server log must hold no traceback.
Exit code 1 when any file fails.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import re
import shutil
import signal
import struct
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

BASE = common.SAMPLES / "s01_clean_promotion"
SAMPLE_PDF = BASE / "Immigration" / "PGWP.pdf"
SAMPLE_DOCX = BASE / "Employment" / "Cedarline reference letter.docx"
SCRIPT_LETTER = """To whom it may concern,

<script>alert('cec')</script> Kavya Iyer <img src=x onerror=alert(1)> has worked at
Cedarline Data Systems Inc. as a [Software Developer](javascript:alert(2)) since 2023-09-01,
37.5 hours per week, salary $85,000 per year. <a href="https://evil.example/x">duties</a>
{{ 7*7 }} {% raw %} ${7*7} =HYPERLINK("https://evil.example")

Signed, Jane <b>Boss</b>, Manager
"""


@dataclass
class Hostile:
    name: str
    expect: str  # "unreadable", "listed" or "input error"
    file_name: str | bytes
    content: bytes
    target: str = "document"  # or "case.yaml" / "review.yaml"


def pdf_pages(count: int, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(612, 792)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password + "-owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_sample() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(SAMPLE_PDF))
    writer.encrypt(user_password="hunter2", owner_password="owner-hunter2")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bomb(inflated_mb: int) -> bytes:
    """A DOCX whose document.xml inflates to `inflated_mb` MB (a few hundred KB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(SAMPLE_DOCX) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            )
            chunk = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + chunk(b"IEND", b"")
    )


def yaml_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join(f"*{previous}" for _ in range(9)) + "]")
    return ("\n".join(lines) + "\n").encode()


def embedded_bomb() -> bytes:
    """The sample's case.yaml with the alias chain defined first and used as a job title and the duties."""
    bomb = yaml_bomb().decode().replace("\n", "\n  ").rstrip()
    text = BASE.joinpath("case.yaml").read_text(encoding="utf-8")
    text = text.replace("    title: Junior Software Developer", "    title: *i\n    duties: *i", 1)
    return (f"x-lol:\n  {bomb}\n" + text).encode()


def hostiles() -> list[Hostile]:
    pdf = SAMPLE_PDF.read_bytes()
    docx = SAMPLE_DOCX.read_bytes()
    corrupt = pdf[: len(pdf) // 3] + os.urandom(2048) + b"\n%%EOF\n"
    return [
        Hostile("corrupt PDF", "unreadable", "corrupt.pdf", corrupt),
        Hostile("PDF header then random bytes", "unreadable", "random.pdf", b"%PDF-1.7\n" + os.urandom(50_000)),
        Hostile("encrypted PDF (user password)", "unreadable", "encrypted.pdf", encrypted_sample()),
        Hostile("encrypted blank PDF", "unreadable", "encrypted-blank.pdf", pdf_pages(1, "pw")),
        Hostile("empty .pdf", "unreadable", "empty.pdf", b""),
        Hostile("empty .txt", "unreadable", "empty.txt", b""),
        Hostile("truncated DOCX", "unreadable", "truncated.docx", docx[: len(docx) // 2]),
        Hostile("DOCX bomb (150 MB member)", "unreadable", "bomb.docx", docx_bomb(150)),
        Hostile("PNG claiming 100000 x 100000", "unreadable", "huge.png", png_claiming(100_000, 100_000)),
        Hostile("PDF of 60 pages (limit 50)", "unreadable", "long.pdf", pdf_pages(60)),
        Hostile("PDF of 21 MB (limit 20)", "unreadable", "big.pdf", pdf + b"\n%" + b"x" * 21_000_000 + b"\n"),
        Hostile("non-UTF-8 file name", "listed", b"lettre\xe9.pdf", pdf),
        Hostile(
            "NUL bytes in a .txt",
            "listed",
            "nul.txt",
            b"Reference letter\x00\x00 Kavya\x00Iyer worked 37.5 hours per week\x00\n" * 20,
        ),
        Hostile("HTML/script in a letter", "listed", "letter-script.txt", SCRIPT_LETTER.encode()),
        Hostile("YAML alias bomb as case.yaml", "input error", "case.yaml", yaml_bomb(), "case.yaml"),
        Hostile("alias bomb inside a valid case.yaml", "input error", "case.yaml", embedded_bomb(), "case.yaml"),
        Hostile("YAML alias bomb as review.yaml", "input error", "review.yaml", yaml_bomb(), "review.yaml"),
    ]


def make_case(folder: Path, hostile: Hostile) -> None:
    folder.mkdir(parents=True)
    if hostile.target == "case.yaml":
        (folder / "case.yaml").write_bytes(hostile.content)
        return
    shutil.copy(BASE / "case.yaml", folder / "case.yaml")
    if hostile.target == "review.yaml":
        (folder / "review.yaml").write_bytes(hostile.content)
        (folder / "Immigration").mkdir()
        shutil.copy(SAMPLE_PDF, folder / "Immigration" / "PGWP.pdf")
        return
    (folder / "documents").mkdir()
    name = hostile.file_name if isinstance(hostile.file_name, bytes) else os.fsencode(hostile.file_name)
    with open(os.path.join(os.fsencode(folder / "documents"), name), "wb") as handle:
        handle.write(hostile.content)


@dataclass
class ChildRun:
    code: int | None
    seconds: float
    max_rss_mb: float
    stdout: bytes
    stderr: bytes
    timed_out: bool


def run_child(args: list[str], home: Path, timeout: float) -> ChildRun:
    """Run `python -m checklist ARGS`, with its own peak memory from wait4 (not the harness's)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = os.posix_spawn(
            common.PYTHON,
            [common.PYTHON, "-m", "checklist", *args],
            common.child_env(home),
            file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)],
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                os.kill(process, signal.SIGKILL)
                timed_out = True
                _, status, usage = os.wait4(process, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return ChildRun(code, seconds, usage.ru_maxrss / 1024, out.read(), err.read(), timed_out)


def judge(hostile: Hostile, run: ChildRun, limits: argparse.Namespace) -> tuple[str, str, list[str]]:
    """(outcome, finding codes, problems)."""
    problems = []
    stderr = run.stderr.decode("utf-8", "replace")
    if run.timed_out:
        problems.append(f"still running after {limits.timeout} s (killed)")
    if "Traceback (most recent call last)" in stderr:
        problems.append("traceback on stderr: " + stderr.strip().splitlines()[-1][:200])
    if run.code not in (0, 1, 2):
        problems.append(f"exit code {run.code}")
    if run.max_rss_mb > limits.max_rss_mb:
        problems.append(f"max RSS {run.max_rss_mb:.0f} MB over {limits.max_rss_mb} MB")
    if hostile.expect == "input error":
        first = stderr.strip().splitlines()[0][:90] if stderr.strip() else "(no message)"
        if run.code != 2:
            problems.append(f"exit {run.code}, expected 2 (input error)")
        if hostile.target not in stderr:
            problems.append(f"the message does not name {hostile.target}")
        return (f"exit {run.code}", first, problems)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        problems.append("standard output is not a JSON report")
        return (f"exit {run.code}", "-", problems)
    documents = [doc for doc in report.get("documents", []) if doc["path"].startswith("documents/")]
    if len(documents) != 1:
        problems.append(f"{len(documents)} documents in the report, expected 1")
        return (f"exit {run.code}", "-", problems)
    doc = documents[0]
    codes = sorted(
        {finding["code"] for finding in report.get("findings", []) if doc["path"] in finding.get("documents", [])}
    )
    outcome = f"exit {run.code}, kind {doc['kind']}"
    if hostile.expect == "unreadable":
        if not doc.get("error"):
            problems.append(f"no error (reason) on the document (kind {doc['kind']})")
        if not any(code.startswith("doc.") for code in codes):
            problems.append("no doc.* finding names the document")
        reason = (doc.get("error") or "")[:70]
        return (outcome, ", ".join(codes) + (f" ({reason})" if reason else ""), problems)
    return (outcome + f", path {doc['path']!r}", ", ".join(codes) or "(none)", problems)


def script_outputs(folder: Path, home: Path, timeout: float) -> list[str]:
    """The letter with HTML in it, rendered as HTML and Markdown: nothing active may come through.

    Escaped text (`&lt;script&gt;`, a `javascript:` shown as text) is fine; a live element,
    attribute or link is not. The HTML report has no script of its own, so any `<script` is the letter's.
    """
    problems = []
    tags = (r"<script", r"<img", r"<b>boss", r"<a href=\"https://evil")
    active = {
        "html": (*tags, r"href=[\"']?javascript"),
        "md": (*tags, r"(?<!\\)\]\(javascript:"),
    }  # `\[x\](javascript:...)` is escaped text, not a link
    for fmt, needles in active.items():
        run = run_child(["check", str(folder), "-f", fmt, "-o", "-"], home, timeout)
        text = run.stdout.decode("utf-8", "replace").lower()
        problems += [f"-f {fmt}: {needle!r} comes through" for needle in needles if re.search(needle, text)]
        if run.code not in (0, 1, 2) or b"Traceback" in run.stderr:
            problems.append(f"-f {fmt}: exit {run.code} / traceback")
    return problems


NAME_ATTACKS = [
    "../../escape-up.txt",
    "..\\..\\escape-back.txt",
    "/etc/escape-abs.txt",
    "CON.txt",
    ".bashrc",
    "a" * 300 + ".txt",
    "<img src=x onerror=alert(1)>.txt",
    "new\nline.txt",
    "nul\x00byte.txt",
    "lettre\udce9.txt",
    "\u202e.txt.exe",
    "  .txt",
]


def notice_of(page: str) -> str:
    """The upload's notices and errors on the documents page, as text."""
    found = re.findall(r'<p class="alert error"[^>]*>(.*?)</p>|<div class="alert ok"[^>]*>(.*?)</div>', page, re.DOTALL)
    text = " ".join(a or b for a, b in found)
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).strip()


def web_uploads(tmp: Path, items: list[Hostile]) -> tuple[list[list[object]], list[str]]:
    """Every hostile document uploaded on `serve`, then names built to escape the folder or break the page."""
    cases = tmp / "web-cases"
    case = cases / "web-hostile"
    (case / ".cec-checklist").mkdir(parents=True)
    shutil.copy(BASE / "case.yaml", case / "case.yaml")
    rows: list[list[object]] = []
    failures: list[str] = []
    server = common.Server(cases, tmp / "home-web").start()
    try:
        browser = common.Browser(server.base, timeout=300)
        uploads = [
            (
                h.name,
                h.file_name.decode("utf-8", "surrogateescape") if isinstance(h.file_name, bytes) else h.file_name,
                h.content,
                h.expect,
            )
            for h in items
            if h.target == "document"
        ]
        uploads += [
            (f"name {name[:40]!r}", name, f"note {index}: Kavya Iyer\n".encode(), "stored inside")
            for index, name in enumerate(NAME_ATTACKS)
        ]
        for label, name, content, expect in uploads:
            page = browser.get(common.case_url("web-hostile", "documents"))
            token = common.csrf_token(page.text)
            reply = browser.post_files(
                common.case_url("web-hostile", "documents"), {common.CSRF_FIELD: token}, [("files", name, content)]
            )
            notice = notice_of(reply.text)
            problems = []
            if reply.status >= 500 or reply.status not in (200, 400, 422):
                problems.append(f"HTTP {reply.status}")
            if expect == "unreadable" and "could not be read" not in notice and "not kept" not in notice:
                problems.append("the notice does not say it could not be read")
            if re.search(r"<img src=x", reply.text, re.IGNORECASE):  # the page has its own <script src=app.js>
                problems.append("the name comes through as HTML")
            shown = notice.encode("unicode_escape").decode("ascii") if not notice.isprintable() else notice
            rows.append(
                [
                    label,
                    reply.status,
                    shown[:110] or "(no notice)",
                    f"{reply.seconds:.1f}",
                    "ok" if not problems else "FAIL",
                ]
            )
            failures += [f"web upload {label}: {problem}" for problem in problems]
        page = browser.get(common.case_url("web-hostile", "documents"))
        if page.status != 200:
            failures.append(f"web: the documents page answers {page.status} after the uploads")
    finally:
        server.stop()
    inside = (case / "documents").resolve()
    for folder, _, names in os.walk(tmp):
        for name in names:
            path = Path(folder, name).resolve()
            if "escape" in name and not path.is_relative_to(inside):
                failures.append(f"web: an upload was written outside the case's documents folder: {path}")
    log = server.log()
    if "Traceback" in log or "unexpected failure" in log:
        failures.append("web: the server log holds a traceback / unexpected failure: " + log[-300:])
    return rows, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--max-rss-mb", type=float, default=1024)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-web", action="store_true", help="skip the uploads to `serve`")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cec-adv-hostile-"))
    home = tmp / "home"
    rows, failures = [], []
    started = time.perf_counter()
    for number, hostile in enumerate(hostiles()):
        folder = tmp / "cases" / f"h{number:02d}"
        make_case(folder, hostile)
        run = run_child(["check", str(folder), "-f", "json", "-o", "-", "--no-cache"], home, args.timeout)
        outcome, codes, problems = judge(hostile, run, args)
        if hostile.name.startswith("HTML/script"):
            problems += script_outputs(folder, home, args.timeout)
        rows.append(
            [
                hostile.name,
                f"{len(hostile.content):,}",
                hostile.expect,
                outcome,
                codes,
                f"{run.seconds:.1f}",
                f"{run.max_rss_mb:.0f}",
                "ok" if not problems else "FAIL",
            ]
        )
        failures += [f"{hostile.name}: {problem}" for problem in problems]
    print(f"check: {len(rows)} hostile files, {time.perf_counter() - started:.0f} s; failures {len(failures)}")
    print(
        common.table(
            ["file", "bytes", "expected", "outcome", "finding codes (reason)", "s", "max RSS MB", "verdict"], rows
        )
    )
    if not args.no_web:
        web_rows, web_failures = web_uploads(tmp, hostiles())
        failures += web_failures
        print()
        print(f"web uploads: {len(web_rows)} files on `serve`; failures {len(web_failures)}")
        print(common.table(["upload", "HTTP", "notice on the page", "s", "verdict"], web_rows))
    for message in failures:
        print(f"failure: {message}")
    if args.keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
