"""Social insurance numbers put everywhere a case can hold one; every output scanned for them.

    python bench/adversarial/sinscan.py [--no-web] [--keep]

Each place gets its own valid-checksum SIN (Luhn, generated), so a leak names its place:

- document text, in every way people write one: `859 060 063`, `859-060-063`,
  `859060063`, `859 060-063`, U+202F or U+00A0 between the groups, `859/060/063`,
  and one digit per box `8 5 9 0 6 0 0 6 3`; in a .txt letter, a DOCX letter and a
  PDF letter (text layer; the PDF has only the forms its font can show), each
  line written like a field the extractor reads (title, hours, salary, signer...);
- file names (three forms), a sub-folder name, the case folder name, the
  `applicant` and `case_name` of case.yaml, a value case.yaml refuses (a second case,
  for the error message), a field value and a note recorded with `review`, paths given
  to commands that refuse them (error messages), the name of a case made on the web page,
  the name and text of a file uploaded there, and URLs typed by hand (the case folder's
  real name, a SIN in a path and in a query, percent-encoded).

Outputs: `check -f json|html|md|pdf` (and the terminal summary `check` prints), `extract`
(text and json) of every document, `batch` (everything it writes, and its terminal),
`pack` (read-me-first.pdf, the file names and the terminal: the upload PDFs hold the
original documents, which keep their SINs by design), `todo` (text, md, json), `review`,
the error messages, and a `serve` session (home, claims, documents, the upload's notice, the report, every
document page, report.json, report.pdf, the delete page, the pack's names and read-me-first.pdf, the
response headers, the page images of the letters and T4s read back with tesseract, and
the server's log; then the same again with --debug). PDFs are read with `pdftotext`
(pypdf when it is missing). A SIN in a scan is shown as it is, by design; the PDF page
images are covered where the text layer has a SIN, and an OCR control (the PDF letter
rendered by pdftoppm, unmasked) says how many SINs OCR can read back at all.

A leak is the nine digits of a SIN in an output with at most three non-digits between
two of them, after undoing HTML entities, %-escapes and JSON \\u escapes. The masked
form `XXX XXX 063` is not a leak. Any leak: exit code 1, with the place, the output
and the string around it.
"""

from __future__ import annotations

import argparse
import codecs
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

BASE = common.SAMPLES / "s01_clean_promotion"
TEXT_FORMATS = {
    "spaces 3-3-3": lambda d: f"{d[:3]} {d[3:6]} {d[6:]}",
    "dashes 3-3-3": lambda d: f"{d[:3]}-{d[3:6]}-{d[6:]}",
    "nine together": lambda d: d,
    "space then dash": lambda d: f"{d[:3]} {d[3:6]}-{d[6:]}",
    "U+202F 3-3-3": lambda d: f"{d[:3]}\u202f{d[3:6]}\u202f{d[6:]}",
    "U+00A0 3-3-3": lambda d: f"{d[:3]}\u00a0{d[3:6]}\u00a0{d[6:]}",
    "slashes 3-3-3": lambda d: f"{d[:3]}/{d[3:6]}/{d[6:]}",
    "one per box": lambda d: " ".join(d),
}
PDF_FORMATS = (
    "spaces 3-3-3",
    "dashes 3-3-3",
    "nine together",
    "space then dash",
    "U+00A0 3-3-3",
    "slashes 3-3-3",
    "one per box",
)
# Lines of a reference letter, each where an extractor takes a field from: the SIN sits inside the value.
LETTER_LINES = [
    "Cedarline Data Systems Inc. {s}",
    "Re: Employment confirmation for Kavya Iyer {s}",
    "Kavya Iyer has been employed with us as a Software Developer {s} since September 1, 2023.",
    "She works 37.5 hours per week {s}, and her salary is $92,000 per year {s2}.",
    "Employee number: {s}",
    "Her duties include designing and building web services {s}; reviewing code; writing tests.",
    "Contact: 450 Granville Street, Vancouver, BC V6C 1T2, phone 604-555-0142, hr {s}",
    "Sincerely, Dana Whitfield {s}, Director of Engineering",
]


def luhn_digit(eight: str) -> str:
    total = 0
    for position, char in enumerate(reversed(eight)):
        value = int(char)
        if position % 2 == 0:  # doubled once the check digit is appended
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return str((10 - total % 10) % 10)


def new_sin(rng: random.Random, used: set[str]) -> str:
    while True:
        eight = str(rng.choice("1234567")) + "".join(rng.choice("0123456789") for _ in range(7))
        sin = eight + luhn_digit(eight)
        if sin not in used and len(set(sin)) > 3:
            used.add(sin)
            return sin


class Places:
    """place name -> SIN digits, each unique."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used: set[str] = set()
        self.sins: dict[str, str] = {}

    def __call__(self, place: str) -> str:
        if place not in self.sins:
            self.sins[place] = new_sin(self.rng, self.used)
        return self.sins[place]


def letter_text(places: Places, container: str, formats: list[str]) -> str:
    lines = []
    for index, line in enumerate(LETTER_LINES * ((len(formats) + len(LETTER_LINES) - 1) // len(LETTER_LINES))):
        if index >= len(formats):
            break
        fmt = formats[index]
        form = TEXT_FORMATS[fmt]
        second = formats[(index + 1) % len(formats)]
        lines.append(
            line.format(
                s=form(places(f"{container}: {fmt}")), s2=TEXT_FORMATS[second](places(f"{container}: {second}"))
            )
        )
    return "To whom it may concern,\n\n" + "\n".join(lines) + "\n"


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    y = 740
    for line in text.splitlines():
        pdf.drawString(60, y, line)
        y -= 18
    pdf.save()


def make_cases(root: Path, places: Places) -> tuple[Path, Path]:
    folder_sin = places("case folder name")
    case = root / f"Kavya {folder_sin[:3]} {folder_sin[3:6]} {folder_sin[6:]}"
    shutil.copytree(BASE, case)
    pay = case / "Pay stubs"
    sub_sin = places("sub-folder name")
    pay.rename(case / f"Pay stubs {sub_sin[:3]}-{sub_sin[3:6]}-{sub_sin[6:]}")
    text = (case / "case.yaml").read_text(encoding="utf-8")
    applicant = places("case.yaml applicant")
    case_name = places("case.yaml case_name")
    text = text.replace(
        "applicant: Kavya Iyer",
        f"applicant: Kavya Iyer {applicant[:3]} {applicant[3:6]} {applicant[6:]}\ncase_name: Kavya file {case_name}",
        1,
    )
    (case / "case.yaml").write_text(text, encoding="utf-8")
    letters = case / "Letters"
    letters.mkdir()
    (letters / "letter.txt").write_text(letter_text(places, "txt letter", list(TEXT_FORMATS)), encoding="utf-8")
    write_docx(letters / "letter.docx", letter_text(places, "docx letter", list(TEXT_FORMATS)))
    write_pdf(letters / "letter.pdf", letter_text(places, "pdf letter", list(PDF_FORMATS)))
    sample = next(iter(sorted((case / "Immigration").glob("*.pdf"))))
    for fmt in ("spaces 3-3-3", "dashes 3-3-3", "nine together"):
        sin = places(f"file name: {fmt}")
        shutil.copy(sample, case / "Immigration" / f"permit copy {TEXT_FORMATS[fmt](sin)}.pdf")
    broken = root / "broken claims"
    broken.mkdir()
    bad = places("refused case.yaml value")
    (broken / "case.yaml").write_text(
        BASE.joinpath("case.yaml")
        .read_text(encoding="utf-8")
        .replace('noc: "21232"', f'noc: "{bad}"', 1)
        .replace("ita_date: 2025-10-22", f"ita_date: {bad[:3]} {bad[3:6]} {bad[6:]}", 1),
        encoding="utf-8",
    )
    shutil.copytree(BASE / "Immigration", broken / "Immigration")
    return case, broken


# scanning


def _json_unescape(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


VIEWS = ("as written", "HTML entities undone", "%-escapes undone", "JSON escapes undone", "all undone")


def views(text: str) -> list[str]:
    """The text as written, and as a reader of each kind of output would see it (same order as VIEWS)."""
    unescaped = html.unescape(text)
    return [
        text,
        unescaped,
        urllib.parse.unquote(unescaped),
        _json_unescape(text),
        urllib.parse.unquote(_json_unescape(unescaped)),
    ]


def pattern(sin: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\d)" + r"\D{0,3}".join(sin) + r"(?!\d)")


def pdf_text(data: bytes) -> str:
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, timeout=60, check=False
        )
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def as_text(name: str, data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return pdf_text(data)
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)


def masked_pattern(sin: str) -> re.Pattern[str]:
    """The masked form of one SIN (`XXX XXX 063`, `XXX-XXX-063`): proof that the SIN reached the output."""
    return re.compile(r"XXX\W{1,3}XXX\W{1,3}" + sin[-3:] + r"(?!\d)")


def self_test(places: Places) -> list[str]:
    """The scanner finds each SIN in the forms an output could carry it: written, escaped, quoted."""
    problems = []
    for place, sin in places.sins.items():
        regex = pattern(sin)
        for fmt, form in TEXT_FORMATS.items():
            written = form(sin)
            carried = [
                written,
                html.escape(written).replace("\u202f", "&#8239;").replace("\u00a0", "&nbsp;"),
                urllib.parse.quote(written),
                json.dumps(written),
                f"x{written}y",
            ]
            for text in carried:
                if not any(regex.search(view) for view in views(text)):
                    problems.append(f"self-test: {place} as {fmt} carried as {text!r} not found")
        if regex.search(f"XXX XXX {sin[-3:]}") or regex.search(f"1{sin}") or regex.search(f"{sin}2"):
            problems.append(f"self-test: {place}: masked or longer numbers taken for the SIN")
    return problems


class Scanner:
    def __init__(self, places: Places) -> None:
        self.patterns = {place: pattern(sin) for place, sin in places.sins.items()}
        self.masked = {place: masked_pattern(sin) for place, sin in places.sins.items()}
        self.reached: defaultdict[str, int] = defaultdict(int)  # place -> outputs holding its masked form
        self.leaks: list[tuple[str, str, str]] = []  # (place, output, context)
        self.outputs: defaultdict[str, int] = defaultdict(int)  # output group -> pieces scanned
        self.cells: defaultdict[tuple[str, str], int] = defaultdict(int)

    def scan(self, group: str, label: str, text: str | bytes) -> None:
        content = as_text(label, text) if isinstance(text, bytes) else text
        self.outputs[group] += 1
        for place, regex in self.masked.items():
            if any(regex.search(view) for view in views(content)):
                self.reached[place] += 1
        for place, regex in self.patterns.items():
            for how, view in zip(VIEWS, views(content), strict=True):
                match = regex.search(view)
                if match:
                    context = view[max(0, match.start() - 50) : match.end() + 30].replace("\n", " ")
                    if how != VIEWS[0]:
                        near = max(0, match.start() - 60)  # the views are shorter than the text: a wider window
                        raw = (content if len(content) < 300 else content[near : near + 240]).replace("\n", " ")
                        context += f" ({how}; as written: ...{raw}...)"
                    self.leaks.append((place, f"{group}: {label}", context))
                    self.cells[(place, group)] += 1
                    break


def ocr(png: bytes) -> str:
    """The text tesseract sees in an image ('' without tesseract)."""
    if not shutil.which("tesseract"):
        return ""
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "6"], input=png, capture_output=True, timeout=120, check=False
    )
    return done.stdout.decode("utf-8", "replace")


def ocr_control(case: Path, places: Places) -> str:
    """What OCR finds in the PDF letter rendered without the tool (pdftoppm): how far the page-image scan can be trusted."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return "OCR control: tesseract or pdftoppm missing, page images not read"
    done = subprocess.run(
        ["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", str(case / "Letters" / "letter.pdf")],
        capture_output=True,
        timeout=120,
        check=False,
    )
    text = ocr(done.stdout)
    pdf_places = [place for place in places.sins if place.startswith("pdf letter")]
    found = [place for place in pdf_places if any(pattern(places.sins[place]).search(view) for view in views(text))]
    return f"OCR control: {len(found)} of the {len(pdf_places)} PDF-letter SINs read back from the unmasked page"


# running the commands


def run_cli(
    scanner: Scanner, home: Path, group: str, label: str, args: list[str]
) -> subprocess.CompletedProcess[bytes]:
    done = common.cli(args, home, timeout=600)
    scanner.scan(group, f"{label} (terminal)", done.stdout + b"\n" + done.stderr)
    if b"Traceback" in done.stderr:
        print(f"note: traceback in {label}: {done.stderr.decode('utf-8', 'replace')[-300:]}")
    return done


def scan_tree(scanner: Scanner, group: str, folder: Path, skip: tuple[str, ...] = ()) -> None:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        scanner.scan(group, f"name {relative}", relative)
        if path.is_file() and not relative.startswith(skip):
            scanner.scan(group, relative, path.read_bytes())


def review(scanner: Scanner, home: Path, case: Path, places: Places) -> None:
    """Decisions holding SINs, recorded with `review` before the reports are made: a field value and a note."""
    done = common.cli(["check", str(case), "-f", "json", "-o", "-"], home, timeout=600)
    codes = [finding["code"] for finding in json.loads(done.stdout)["findings"]] if done.stdout.strip() else []
    field_sin = places("review --set value")
    note_sin = places("review --ack note")
    run_cli(
        scanner,
        home,
        "review",
        "review --set",
        [
            "review",
            str(case),
            "--set",
            "Letters/letter.txt",
            f"job_title=Developer {TEXT_FORMATS['spaces 3-3-3'](field_sin)}",
        ],
    )
    if codes:
        run_cli(
            scanner,
            home,
            "review",
            "review --ack",
            [
                "review",
                str(case),
                "--ack",
                codes[0],
                "--note",
                f"explained; employee {TEXT_FORMATS['dashes 3-3-3'](note_sin)}",
            ],
        )
    else:
        print("note: no finding to acknowledge")


def error_messages(scanner: Scanner, home: Path, tmp: Path, places: Places) -> None:
    """Paths holding a SIN that do not exist, or are not what the command wants: the error names them."""
    sin = places("path in an error message")
    spaced = TEXT_FORMATS["spaces 3-3-3"](sin)
    missing = tmp / f"gone {spaced}"
    plain = tmp / f"plain file {TEXT_FORMATS['dashes 3-3-3'](sin)}.txt"
    plain.write_text("not a case\n", encoding="utf-8")
    for label, args in (
        ("check missing folder", ["check", str(missing)]),
        ("extract missing file", ["extract", str(missing / "letter.pdf")]),
        ("check a file, not a folder", ["check", str(plain)]),
        ("pack into a file", ["pack", str(missing), "-o", str(plain)]),
        ("batch missing folder", ["batch", str(missing)]),
        ("todo missing folder", ["todo", str(missing)]),
    ):
        run_cli(scanner, home, "error messages", label, args)


def commands(scanner: Scanner, tmp: Path, case: Path, broken: Path, places: Places) -> None:
    home = tmp / "home"
    out = tmp / "out"
    out.mkdir()
    review(scanner, home, case, places)
    error_messages(scanner, home, tmp, places)
    for fmt in ("json", "html", "md", "pdf"):
        target = out / f"report.{fmt}"
        run_cli(scanner, home, f"check -f {fmt}", "check", ["check", str(case), "-f", fmt, "-o", str(target), "--info"])
        if target.exists():
            scanner.scan(f"check -f {fmt}", target.name, target.read_bytes())
        else:
            print(f"note: check -f {fmt} wrote nothing")
    run_cli(scanner, home, "check (terminal)", "check -o -", ["check", str(case), "-f", "json", "-o", "-", "--info"])
    for fmt in ("json", "md"):
        run_cli(
            scanner,
            home,
            "check refused case.yaml",
            f"check -f {fmt} broken",
            ["check", str(broken), "-f", fmt, "-o", "-"],
        )
    chosen = [
        p
        for p in sorted(case.rglob("*"))
        if p.is_file()
        and ".cec-checklist" not in p.parts
        and p.name != "case.yaml"
        and (p.parent.name in ("Letters", "Immigration", "Taxes") or p.name.startswith("2023-09-15"))
    ]
    for path in chosen:
        for fmt in ("text", "json"):
            run_cli(
                scanner, home, f"extract -f {fmt}", path.relative_to(case).as_posix(), ["extract", str(path), "-f", fmt]
            )
    batch_out = tmp / "batch-out"
    run_cli(scanner, home, "batch", "batch", ["batch", str(case.parent), "-o", str(batch_out), "-j", "1"])
    scan_tree(scanner, "batch", batch_out)
    pack_out = tmp / "pack-out"
    run_cli(scanner, home, "pack", "pack", ["pack", str(case), "-o", str(pack_out), "--force"])
    if pack_out.is_dir():
        for path in sorted(pack_out.iterdir()):
            scanner.scan("pack", f"name {path.name}", path.name)
            if path.name.startswith("read-me-first"):
                scanner.scan("pack", path.name, path.read_bytes())
    else:
        print("note: pack wrote nothing")
    for fmt in ("text", "md", "json"):
        run_cli(scanner, home, f"todo -f {fmt}", "todo", ["todo", str(case), "-f", fmt])
    for name in ("case.yaml",):
        run_cli(scanner, home, "check refused case.yaml", f"todo broken {name}", ["todo", str(broken)])


def web(scanner: Scanner, tmp: Path, cases: Path, places: Places, debug: bool) -> None:
    group = "web --debug" if debug else "web"
    server = common.Server(cases, tmp / ("home-web-debug" if debug else "home-web"), extra=["--debug"] if debug else [])
    server.start()
    images: set[tuple[str, str]] = set()  # (page image URL, document name)
    try:
        browser = common.Browser(server.base, timeout=300)
        seen: set[str] = set()

        def page(path: str) -> common.Reply:
            reply = browser.get(path)
            label = urllib.parse.unquote(urllib.parse.urlsplit(reply.url).path)
            scanner.scan(group, f"GET {label}", reply.body)
            scanner.scan(group, f"URL/headers {label}", reply.url + "\n" + json.dumps(reply.headers))
            seen.add(reply.url)
            return reply

        home = page("/")
        if not debug:
            new_sin = places("web new case name")
            reply = browser.post_form(
                "/cases",
                {
                    common.CSRF_FIELD: common.csrf_token(home.text),
                    "name": f"Farah {TEXT_FORMATS['U+00A0 3-3-3'](new_sin)}",
                },
            )
            scanner.scan(group, f"new case answer ({reply.status})", reply.body)
            scanner.scan(group, "URL/headers after new case", reply.url + "\n" + json.dumps(reply.headers))
            home = page("/")
        case_links = sorted(set(re.findall(r'href="(/cases/[^"/?#]+)"', home.text)))
        for link in case_links:
            page(link)
            for tail in ("claims", "documents"):
                page(f"{link}/{tail}")
            documents = page(f"{link}/documents")
            token = common.csrf_token(documents.text)
            upload_sin = places("uploaded file name")
            content_sin = places("uploaded file text")
            name = f"note {upload_sin[:3]} {upload_sin[3:6]} {upload_sin[6:]}.txt"
            body = f"Pay statement. Employee SIN {content_sin[:3]}-{content_sin[3:6]}-{content_sin[6:]}\n".encode()
            reply = browser.post_files(f"{link}/documents", {common.CSRF_FIELD: token}, [("files", name, body)])
            scanner.scan(group, "upload notice", reply.body)
            scanner.scan(group, "URL/headers after upload", reply.url + "\n" + json.dumps(reply.headers))
            reply = browser.post_form(f"{link}/check", {common.CSRF_FIELD: token})
            scanner.scan(group, f"check answer ({reply.status})", reply.body)
            report = page(f"{link}/report")
            doc_links = sorted(
                set(re.findall(rf'href="({re.escape(link)}/documents/[0-9a-f]{{16}})"', report.text + documents.text))
            )
            for doc_link in doc_links:
                doc_page = page(doc_link)
                title = re.search(r'<h1 class="doc-title">(.*?)</h1>', doc_page.text, re.DOTALL)
                name = html.unescape(title.group(1)).strip() if title else ""
                if not debug and name.rsplit("/", 1)[-1].startswith(("letter.pdf", "T4")):
                    found = re.findall(rf'src="({re.escape(doc_link)}/pages/\d+\.png)"', doc_page.text)
                    images.update((source, name) for source in found)
            for download in ("report.json", "report.pdf", "delete"):
                page(f"{link}/{download}")
            pack = browser.get(f"{link}/pack.zip")
            scanner.scan(group, "pack.zip headers", json.dumps(pack.headers))
            if pack.status == 200 and pack.body[:2] == b"PK":
                with zipfile.ZipFile(io.BytesIO(pack.body)) as archive:
                    for item in archive.namelist():
                        scanner.scan(group, f"pack.zip name {item}", item)
                        if item.startswith("read-me-first"):
                            scanner.scan(group, f"pack.zip {item}", archive.read(item))
            else:
                scanner.scan(group, f"pack.zip answer {pack.status}", pack.body)
        # URLs typed or bookmarked by hand: the folder's real name, and a SIN in a path and a query (percent-encoded)
        raw = next(path.name for path in cases.iterdir() if path.name.startswith("Kavya"))
        typed = places("typed URL")
        spaced = TEXT_FORMATS["spaces 3-3-3"](typed)
        for path in (
            common.case_url(raw),
            common.case_url(raw, "report.json"),
            "/cases/" + urllib.parse.quote(f"note {spaced}", safe=""),
            "/cases/" + urllib.parse.quote(f"note {TEXT_FORMATS['U+202F 3-3-3'](typed)}", safe=""),
            "/?q=" + urllib.parse.quote(spaced),
            "/?q=" + urllib.parse.quote_plus(TEXT_FORMATS["U+00A0 3-3-3"](typed)),
        ):
            reply = browser.get(path)
            scanner.scan(group, f"typed URL answer ({reply.status})", reply.body)
        for source, name in sorted(images):
            reply = browser.get(source)
            if reply.status == 200:
                scanner.scan("web page images (OCR)", f"{name} page {source.rsplit('/', 1)[-1]}", ocr(reply.body))
        if not debug:
            print(f"page images read back: {', '.join(sorted({name for _, name in images})) or 'none'}")
    finally:
        server.stop()
    for number, line in enumerate(server.log_bytes().decode("utf-8", "replace").splitlines(), 1):
        scanner.scan(group, f"server log line {number}", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--no-web", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="cec-adv-sinscan-"))
    places = Places(args.seed)
    cases = tmp / "cases"
    cases.mkdir()
    case, broken = make_cases(cases, places)
    places("uploaded file name")
    places("uploaded file text")
    for place in (
        "typed URL",
        "review --set value",
        "review --ack note",
        "path in an error message",
        "web new case name",
    ):
        places(place)
    places.sins["sample T4's own SIN"] = "993857085"  # printed in the sample's T4 slips (the pay stubs show it masked)
    problems = self_test(places)
    for problem in problems:
        print(problem)
    scanner = Scanner(places)
    commands(scanner, tmp, case, broken, places)
    if not args.no_web:
        web(scanner, tmp, cases, places, debug=False)
        web(scanner, tmp, cases, places, debug=True)
    control = ocr_control(case, places) if not args.no_web else ""
    groups = list(scanner.outputs)
    short = {group: group.replace("check -f ", "").replace("extract -f ", "x-") for group in groups}
    rows = [
        [place, places.sins[place], scanner.reached[place], *(scanner.cells.get((place, group), 0) for group in groups)]
        for place in places.sins
    ]
    print(
        f"seed {args.seed}: {len(places.sins)} SINs in {len(places.sins)} places, {sum(scanner.outputs.values())} "
        f"outputs scanned in {len(groups)} groups, {time.perf_counter() - started:.0f} s; leaks {len(scanner.leaks)}"
    )
    print(
        "masked seen: how many outputs hold the place's SIN masked (XXX XXX 123), i.e. the SIN got that far; "
        "the other columns count leaks"
    )
    print(common.table(["place", "SIN", "masked seen", *(short[group] for group in groups)], rows))
    print()
    if control:
        print(control)
    print(
        common.table(
            ["output group", "pieces scanned", "leaks"],
            [
                [group, scanner.outputs[group], sum(v for (_, g), v in scanner.cells.items() if g == group)]
                for group in groups
            ],
        )
    )
    for place, output, context in scanner.leaks:
        shown = codecs.encode(context, "unicode_escape").decode("ascii")
        print(f"leak: place {place!r} -> {output}: ...{shown}...")
    if args.keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if scanner.leaks or problems else 0


if __name__ == "__main__":
    sys.exit(main())
