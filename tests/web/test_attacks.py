"""The web app under attack: what a hostile web page, a hostile upload or a hostile file can and cannot do.

Every test drives the app through Starlette's TestClient, as a browser (or a
page that is not ours) would, and checks the files on disk as well as the
answer. The bugs these tests found (long non-ASCII names, SINs in file and case
names, YAML nesting and alias bombs, reserved names, dangling symlinks, the
headers of the 500 page) are fixed; the tests keep them fixed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from checklist.ingest.cache import CACHE_DIR, READINGS
from checklist.web import WebSettings, create_app
from checklist.web.store import document_id
from tests.support.noc import NOC_DIR

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
HAVE_NOC = (NOC_DIR / "noc_2021_version_1.0_-_classification_structure.csv").is_file()
LETTERS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "reference_letter"
LETTER = LETTERS / "en_keyvalue_past_footer.txt"
EMPLOYER = "Bow Valley Engineering Consultants Inc."
SIN = "046 454 286"  # passes the Luhn check
SIN_ANYHOW = re.compile(r"046\D{0,3}454\D{0,3}286")
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>{{7*7}}"
RAW_HTML = ("<script>alert", "<img src=x", "onerror=alert(2)>")


# the attacker's toolbox ---------------------------------------------------------------------------------------------


@dataclass
class Site:
    """One running app over a temporary folder, and the browser of the applicant who uses it."""

    root: Path  # tmp_path: the cases folder and anything "outside" it live here
    cases: Path
    app: Any
    client: TestClient
    token: str

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.client.post(url, data={"csrf_token": self.token, **(data or {})}, follow_redirects=False, **kwargs)

    def new_case(self, name: str = "Farah Nazari") -> str:
        response = self.post("/cases", {"name": name})
        assert response.status_code == 303, response.text
        return str(response.headers["location"]).split("/")[2]

    def upload(self, case_id: str, files: list[tuple[str, bytes]]) -> Any:
        return self.after(self.post(f"/cases/{case_id}/documents", files=[("files", item) for item in files]))

    def after(self, response: Any) -> Any:
        """Post/Redirect/Get: the page a browser shows after a POST that answers with a redirect to it."""
        return self.client.get(response.headers["location"]) if response.status_code == 303 else response

    def claims(self, case_id: str, **overrides: str) -> Any:
        form = {
            "applicant": "Farah Nazari",
            "ita_date": "2025-10-22",
            "application_date": "2025-11-14",
            "jobs-0-employer": EMPLOYER,
            "jobs-0-title": "Civil Engineering Technologist",
            "jobs-0-noc": "22300",
            "jobs-0-start": "2021-06-14",
            "jobs-0-end": "2023-11-30",
            "jobs-0-hours_per_week": "37.5",
            **overrides,
        }
        response = self.post(f"/cases/{case_id}/claims", form)
        assert response.status_code == 303, response.text
        return response

    def check(self, case_id: str) -> Any:
        response = self.post(f"/cases/{case_id}/check")
        assert response.status_code == 303, response.text
        return response

    def documents_dir(self, case_id: str) -> Path:
        return self.cases / case_id / "documents"


def make_site(tmp_path: Path, **limits: Any) -> Iterator[Site]:
    settings = WebSettings(
        cases_dir=tmp_path / "cases", noc_dir=NOC_DIR if HAVE_NOC else None, allowed_hosts=("testserver",), **limits
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/")
        match = TOKEN.search(page.text)
        assert match, page.text
        yield Site(tmp_path, settings.cases_dir, app, client, match.group(1))


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    yield from make_site(tmp_path)


@pytest.fixture
def small_site(tmp_path: Path) -> Iterator[Site]:
    yield from make_site(tmp_path, max_request_bytes=50_000, max_file_bytes=10_000, max_files=3, max_documents=4)


def plant(site: Site) -> None:
    """A real case "victim", a case-like folder outside the cases folder, and odd things planted in the cases folder."""
    case_id = site.new_case("victim")
    assert case_id == "victim"
    site.claims(case_id)
    site.upload(case_id, [("letter.txt", letter())])
    outside = site.root / "outside"
    (outside / "documents").mkdir(parents=True)
    (outside / "case.yaml").write_text("applicant: Somebody Else\njobs: []\n", encoding="utf-8")
    (outside / "documents" / "secret.txt").write_text("secret: 1234\n", encoding="utf-8")
    (site.cases / "linked").symlink_to(outside, target_is_directory=True)  # a symlink that looks like a case
    (site.cases / "-planted").mkdir()  # a folder whose name can be no case id
    (site.cases / "-planted" / "case.yaml").write_text("applicant: X\n", encoding="utf-8")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One app for the many small attacks that must change nothing (or only what they add), to keep the file fast."""
    for site in make_site(tmp_path_factory.mktemp("shared")):
        plant(site)
        yield site


@pytest.fixture
def planted(site: Site) -> Site:
    """Like `shared`, for attacks that plant more things of their own."""
    plant(site)
    return site


READINGS_DIR = f"{CACHE_DIR}/{READINGS}"  # the case's reading cache (checklist.ingest.cache)


def snapshot(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry under `root` (hidden ones too): kind and content hash or link target, to prove nothing changed."""
    found: dict[str, tuple[str, str]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                found[rel] = ("dir", "")
            else:
                found[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def files_in(folder: Path) -> list[str]:
    """Every name in a folder, hidden ones included."""
    return sorted(os.listdir(folder))


def letter() -> bytes:
    return LETTER.read_bytes()


def hostile_letter() -> bytes:
    """A plain-text reference letter whose employer and job title are HTML and a template expression."""
    text = LETTER.read_text(encoding="utf-8")
    text = text.replace(f"employment with {EMPLOYER}", f"employment with Evil {EVIL} Inc.")
    text = text.replace("Civil Engineering Technologist", f"Technologist {EVIL}")
    return text.encode("utf-8")


def sin_letter() -> bytes:
    """A plain-text reference letter holding the applicant's SIN on its own line and in the employer's name."""
    text = LETTER.read_text(encoding="utf-8")
    text = text.replace("Employee name:          Farah Nazari", f"Employee name:          Farah Nazari\nSIN: {SIN}")
    text = text.replace(f"employment with {EMPLOYER}", f"employment with Bow Valley {SIN} Inc.")
    return text.encode("utf-8")


def hostile_docx() -> bytes:
    """The hostile letter as a Word file, one paragraph per line."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in hostile_letter().decode("utf-8").splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_text(content: bytes) -> str:
    pypdf = pytest.importorskip("pypdf")
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def assert_no_raw_html(text: str, where: str) -> None:
    for raw in RAW_HTML:
        assert raw not in text, f"{raw!r} reaches {where} unescaped"


# uploaded file names ------------------------------------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../x.pdf",
    "..\\..\\x.txt",
    "/etc/passwd",
    "C:\\Windows\\System32\\drivers\\etc\\hosts",
    "\\\\server\\share\\x.txt",
    "documents/../../case.yaml",
    "a\x00b.txt",
    "a\x01\x1f\x7fb.txt",
    "line\r\nbreak.txt",
    ".hidden",
    ".cec-checklist",
    "case.yaml",
    "..",
    ".",
    "   ",
    "a.txt.",
    "x" * 400 + ".txt",
    "a." + "b" * 300,
    "CON",
    "con.txt",
    "Aux.pdf",
    "nul",
    "LPT9.txt",
    "COM1 .txt",
    "ééé.txt",
    "e\u0301te\u0301.txt",
    "Résumé – lettre d’emploi.txt",
    "\u202ecod.exe.txt",
    "<img src=x onerror=alert(1)>.txt",
    "report.json",
]


def names_case(site: Site) -> str:
    """One case of the shared app takes every hostile name, one upload at a time."""
    if not (site.cases / "names").is_dir():
        assert site.new_case("names") == "names"
        site.claims("names")
    return "names"


def assert_one_document_added(site: Site, case_id: str, before: dict[str, tuple[str, str]], content: bytes) -> str:
    """Exactly one new plain file in <case>/documents/, nothing else touched, listed on the page; its name.

    Besides it, only the case's own reading cache may change (the upload is read at once)."""
    after = snapshot(site.root)
    changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
    readings = f"cases/{case_id}/{READINGS_DIR}"
    cached = {path for path in changed if path == readings or path.startswith(readings + "/")}
    assert all(
        re.fullmatch(r"[0-9a-f]{64}\.json|CACHEDIR\.TAG", path.rsplit("/", 1)[1]) for path in cached - {readings}
    )
    changed -= cached
    assert len(changed) == 1, changed
    (new,) = changed
    assert new.startswith(f"cases/{case_id}/documents/") and new.count("/") == 3, new
    stored = new.rsplit("/", 1)[1]
    assert stored and not stored.startswith(".") and stored not in (".", "..")
    assert not re.search(r"[\x00-\x1f\x7f/\\:*?\"<>|\u202e]", stored), repr(stored)
    assert not stored.endswith((".", " "))
    assert len(stored.encode("utf-8")) <= 255
    assert stored.split(".")[0].rstrip(" ").upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}
    assert (site.documents_dir(case_id) / stored).read_bytes() == content
    # the file shows in the list (on a fresh page too), so the applicant can see it and remove it
    page = site.client.get(f"/cases/{case_id}/documents")
    assert f'id="doc-{document_id("documents/" + stored)}"' in page.text
    assert_no_raw_html(page.text, "the documents page")
    return stored


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n[:24]))
def test_upload_name_never_escapes_documents_folder(shared: Site, name: str) -> None:
    case_id = names_case(shared)
    claims_before = (shared.cases / case_id / "case.yaml").read_bytes()
    before = snapshot(shared.root)
    content = (
        f"hostile upload {HOSTILE_NAMES.index(name)}\n".encode()
    )  # one case takes them all: identical files are refused
    response = shared.upload(case_id, [(name, content)])
    assert response.status_code == 200, response.text
    assert_one_document_added(shared, case_id, before, content)
    assert (shared.cases / case_id / "case.yaml").read_bytes() == claims_before


RAW_DISPOSITIONS = [
    b'filename="a\x00b\x01c\x1b[31m\x7f.txt"',  # raw NUL and control bytes, as no browser would send them
    b'filename="a\tb.txt"',
    b'filename="..\\\\..\\\\esc.txt"',
    b'filename="/abs/path.txt"',
    b'filename="\xff\xfe not utf-8.txt"',
    b"filename=\"x.txt\"; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fcase.yaml",
]


@pytest.mark.parametrize("disposition", RAW_DISPOSITIONS, ids=lambda d: repr(d[:28]))
def test_raw_multipart_file_names_never_escape_documents_folder(shared: Site, disposition: bytes) -> None:
    """Bytes a browser would escape, sent raw in the multipart header."""
    case_id = names_case(shared)
    before = snapshot(shared.root)
    content = f"raw upload {RAW_DISPOSITIONS.index(disposition)}\n".encode()  # identical files are refused
    boundary = b"rawboundary"
    body = (
        b"--"
        + boundary
        + b'\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        + shared.token.encode()
        + b"\r\n--"
        + boundary
        + b'\r\nContent-Disposition: form-data; name="files"; '
        + disposition
        + b"\r\nContent-Type: text/plain\r\n\r\n"
        + content
        + b"\r\n--"
        + boundary
        + b"--\r\n"
    )
    response = shared.client.post(
        f"/cases/{case_id}/documents",
        content=body,
        headers={"content-type": "multipart/form-data; boundary=rawboundary"},
    )
    assert response.status_code == 200, response.text
    assert_one_document_added(shared, case_id, before, content)


def test_upload_with_only_an_encoded_file_name_adds_nothing(shared: Site) -> None:
    case_id = names_case(shared)
    before = snapshot(shared.root)
    body = (
        b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        + shared.token.encode()
        + b"\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''..%2F..%2Fx.txt\r\n\r\n"
        + b"data\r\n--b--\r\n"
    )
    response = shared.client.post(
        f"/cases/{case_id}/documents", content=body, headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 422 and "Choose one or more files" in response.text
    assert snapshot(shared.root) == before


@pytest.mark.parametrize(
    "name", ["日本語の雇用証明書" * 20 + ".txt", "Zeugnis-Müller-" + "证" * 110 + ".pdf"], ids=["cjk", "mixed"]
)
def test_long_unicode_upload_name_is_shortened_not_a_500(shared: Site, name: str) -> None:
    stored = stored_name(shared, name)
    assert len(stored.encode("utf-8")) <= 255 and stored.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize("name", ["COM1.tar.gz", "nul.tar.gz", "con.backup.txt"])
def test_windows_reserved_name_with_two_extensions_is_renamed(shared: Site, name: str) -> None:
    stored = stored_name(shared, name)
    assert stored.split(".")[0].rstrip(" ").upper() not in {"CON", "PRN", "AUX", "NUL", "COM1"}, stored


@pytest.mark.parametrize("name", ["★★★.pdf", "???.pdf", "_.pdf"])
def test_name_of_odd_characters_keeps_its_extension(shared: Site, name: str) -> None:
    assert stored_name(shared, name).endswith(".pdf")


def stored_name(site: Site, name: str) -> str:
    """Upload one small file under `name` into a new case; the name it was stored under."""
    case_id = site.new_case("more names")
    response = site.upload(case_id, [(name, b"hello\n")])
    assert response.status_code == 200, response.status_code
    (stored,) = files_in(site.documents_dir(case_id))
    return stored


def test_same_name_twice_keeps_both_files(site: Site) -> None:
    case_id = site.new_case()
    site.upload(case_id, [("letter.txt", b"first\n")])
    response = site.upload(case_id, [("letter.txt", b"second\n"), ("../letter.txt", b"third\n")])
    assert response.status_code == 200
    folder = site.documents_dir(case_id)
    assert sorted((folder / name).read_bytes() for name in files_in(folder)) == [b"first\n", b"second\n", b"third\n"]
    assert "is saved as letter (2).txt" in response.text


def test_two_uploads_of_one_name_at_once_keep_both(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two tabs upload "scan.txt" at once: the second arrives after the first chose its name, before it is written."""
    import threading

    case_id = site.new_case()
    store = site.app.state.services.store
    original = store._store
    second: dict[str, Any] = {}

    def other_tab() -> None:
        second["response"] = site.upload(case_id, [("scan.txt", b"second tab\n")])

    def slow_store(*args: Any) -> Any:
        if not second:
            second["thread"] = threading.Thread(target=other_tab)
            second["thread"].start()
            second["thread"].join(timeout=0.3)  # it finishes now unless the app makes it wait for this one
        return original(*args)

    monkeypatch.setattr(store, "_store", slow_store)
    first = site.upload(case_id, [("scan.txt", b"first tab\n")])
    second["thread"].join(timeout=10)
    assert first.status_code == 200 and second["response"].status_code == 200
    assert "1 read" in first.text and "1 read" in second["response"].text
    folder = site.documents_dir(case_id)
    assert sorted((folder / name).read_bytes() for name in files_in(folder)) == [b"first tab\n", b"second tab\n"]


# case ids and document ids in URLs -----------------------------------------------------------------------------------

BAD_CASE_IDS = [
    "%2e%2e",
    "%2E%2E",
    "%2e",
    "..%2f..%2foutside",
    "%2f",
    "Farah-Nazari",
    "-planted",
    "-a",
    "a-",
    "a" * 65,
    "a%00",
    "a%20b",
    "%E2%80%AE",
    "victim%2f..%2fvictim",
    ".cec-checklist",
    "outside",
    "linked",
]


@pytest.mark.parametrize("bad", BAD_CASE_IDS)
def test_bad_case_id_is_404_and_touches_nothing(shared: Site, bad: str) -> None:
    planted = shared  # holds "linked" (a symlink to a case-like folder outside) and "-planted" (no case id)
    before = snapshot(planted.root)
    for suffix in ("", "/claims", "/documents", "/report", "/report.json", "/report.pdf", "/pack.zip", "/delete"):
        response = planted.client.get(f"/cases/{bad}{suffix}")  # "/cases//" redirects to "/cases", a POST route
        assert response.status_code in (404, 405), (bad, suffix, response.status_code)
        assert "secret" not in response.text and "Somebody Else" not in response.text
    for suffix in ("/delete", "/check", "/claims", "/documents"):
        response = planted.post(f"/cases/{bad}{suffix}", {"applicant": "x"}, files=[("files", ("a.txt", b"a"))])
        assert response.status_code in (404, 405), (bad, suffix, response.status_code)
    victim_doc = document_id("documents/letter.txt")
    for action in ("remove", "replace"):
        response = planted.post(f"/cases/{bad}/documents/{victim_doc}/{action}", files=[("file", ("a.txt", b"a"))])
        assert response.status_code == 404, (bad, action, response.status_code)
    assert snapshot(planted.root) == before


def test_symlinked_case_is_not_listed_and_cannot_be_deleted(planted: Site) -> None:
    home = planted.client.get("/")
    assert 'href="/cases/linked"' not in home.text and 'href="/cases/-planted"' not in home.text
    assert "Somebody Else" not in home.text
    assert planted.post("/cases/linked/delete").status_code == 404
    assert planted.post("/cases/-planted/delete").status_code == 404
    assert (planted.root / "outside" / "documents" / "secret.txt").is_file()
    assert (planted.cases / "linked").is_symlink() and (planted.cases / "-planted" / "case.yaml").is_file()


def test_document_ids_of_other_cases_and_own_files_are_404(planted: Site) -> None:
    other = planted.new_case("other")
    planted.upload(other, [("mine.txt", b"other case\n")])
    before = snapshot(planted.root)
    foreign = document_id("documents/letter.txt")  # exists in "victim", not in "other"
    ids = [
        foreign,
        document_id("case.yaml"),
        document_id(".cec-checklist/meta.json"),
        document_id("documents"),
        "..",
        "%2e%2e",
        "..%2f..%2fcase.yaml",
        "0" * 16,
        "x" * 300,
    ]
    for doc_id in ids:
        for action in ("remove", "replace"):
            response = planted.post(f"/cases/{other}/documents/{doc_id}/{action}", files=[("file", ("x.txt", b"x"))])
            assert response.status_code == 404, (doc_id, action, response.status_code)
    assert snapshot(planted.root) == before


def test_symlink_inside_documents_is_neither_listed_nor_followed(planted: Site) -> None:
    docs = planted.documents_dir("victim")
    secret = planted.root / "outside" / "documents" / "secret.txt"
    (docs / "link.txt").symlink_to(secret)
    (docs / "linkdir").symlink_to(secret.parent, target_is_directory=True)
    page = planted.client.get("/cases/victim/documents")
    assert page.status_code == 200
    assert "link.txt" not in page.text and "linkdir" not in page.text and "secret" not in page.text
    for rel in ("documents/link.txt", "documents/linkdir/secret.txt"):
        for action in ("remove", "replace"):
            url = f"/cases/victim/documents/{document_id(rel)}/{action}"
            response = planted.post(url, files=[("file", ("x.txt", b"x"))])
            assert response.status_code == 404, (rel, action)
    assert secret.read_text(encoding="utf-8") == "secret: 1234\n"
    planted.claims("victim")
    planted.check("victim")
    report = planted.client.get("/cases/victim/report.json")
    assert report.status_code == 200 and "secret" not in report.text and "link.txt" not in report.text


def test_upload_over_a_dangling_symlink_writes_nothing_outside(planted: Site) -> None:
    target = planted.root / "outside" / "planted.txt"
    (planted.documents_dir("victim") / "evil.txt").symlink_to(target)
    response = planted.upload("victim", [("evil.txt", b"should stay inside\n")])
    assert response.status_code < 500
    assert not target.exists()
    assert (planted.documents_dir("victim") / "evil.txt").is_symlink()
    assert not [name for name in files_in(planted.documents_dir("victim")) if name.startswith(".")]


def test_upload_over_a_dangling_symlink_is_kept_under_another_name(planted: Site) -> None:
    (planted.documents_dir("victim") / "evil.txt").symlink_to(planted.root / "outside" / "planted.txt")
    response = planted.upload("victim", [("evil.txt", b"should stay inside\n")])
    assert response.status_code == 200, response.status_code
    assert (planted.documents_dir("victim") / "evil (2).txt").read_bytes() == b"should stay inside\n"


# CSRF and cross-site requests -----------------------------------------------------------------------------------------


def _state_changes(site: Site, case_id: str) -> list[tuple[str, dict[str, Any], list[tuple[str, tuple[str, bytes]]]]]:
    doc = document_id("documents/letter.txt")
    claims = {
        "applicant": "Mallory",
        "jobs-0-employer": "X",
        "jobs-0-title": "Y",
        "jobs-0-noc": "22300",
        "jobs-0-start": "2020-01-01",
        "jobs-0-current": "1",
        "jobs-0-hours_per_week": "40",
    }
    return [
        ("/cases", {"name": "planted by another site"}, []),
        (f"/cases/{case_id}/claims", claims, []),
        (f"/cases/{case_id}/claims/file", {}, [("case_file", ("case.yaml", b"applicant: Mallory\njobs: []\n"))]),
        (f"/cases/{case_id}/documents", {}, [("files", ("planted.txt", b"planted\n"))]),
        (f"/cases/{case_id}/documents/{doc}/remove", {}, []),
        (f"/cases/{case_id}/documents/{doc}/replace", {}, [("file", ("x.txt", b"replaced\n"))]),
        (f"/cases/{case_id}/check", {}, []),
        (f"/cases/{case_id}/delete", {}, []),
    ]


@pytest.fixture
def victim(site: Site) -> tuple[Site, str]:
    case_id = site.new_case("victim")
    site.claims(case_id)
    site.upload(case_id, [("letter.txt", letter())])
    return site, case_id


ATTACKS: dict[str, Callable[[Site], tuple[dict[str, Any], dict[str, str]]]] = {
    "no token": lambda site: ({}, {}),
    "empty token": lambda site: ({"csrf_token": ""}, {}),
    "wrong token": lambda site: ({"csrf_token": "0" * 64}, {}),
    "token twice, both wrong": lambda site: ({"csrf_token": ["0" * 64, site.token[::-1]]}, {}),
    "cross-site fetch": lambda site: ({"csrf_token": site.token}, {"sec-fetch-site": "cross-site"}),
    "cross origin": lambda site: ({"csrf_token": site.token}, {"origin": "https://evil.example"}),
    "other port": lambda site: ({"csrf_token": site.token}, {"origin": "http://testserver:8081"}),
    "https origin": lambda site: ({"csrf_token": site.token}, {"origin": "https://testserver"}),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_forged_posts_are_refused_and_change_nothing(shared: Site, attack: str) -> None:
    site, case_id = shared, "victim"
    before = snapshot(site.root)
    for url, data, files in _state_changes(site, case_id):
        extra, headers = ATTACKS[attack](site)
        response = site.client.post(
            url, data={**data, **extra}, files=files or None, headers=headers, follow_redirects=False
        )
        assert response.status_code == 403, (attack, url, response.status_code)
        assert "did not come from this page" in response.text or "other web sites" in response.text
        assert response.headers["content-security-policy"]
    assert snapshot(site.root) == before


def test_token_of_another_cookie_is_refused(shared: Site) -> None:
    site, case_id = shared, "victim"
    # the attacker opens the page with its own browser and gets its own cookie and token
    with TestClient(site.app) as attacker:
        attacker_token = TOKEN.search(attacker.get("/").text).group(1)  # type: ignore[union-attr]
    assert attacker_token != site.token
    before = snapshot(site.root)
    for url, data, files in _state_changes(site, case_id):
        response = site.client.post(
            url, data={**data, "csrf_token": attacker_token}, files=files or None, follow_redirects=False
        )
        assert response.status_code == 403, (url, response.status_code)
    # and the applicant's token without the applicant's cookie is worthless too
    with TestClient(site.app, raise_server_exceptions=False) as stranger:
        for url, data, files in _state_changes(site, case_id):
            response = stranger.post(
                url, data={**data, "csrf_token": site.token}, files=files or None, follow_redirects=False
            )
            assert response.status_code == 403, (url, response.status_code)
    assert snapshot(site.root) == before


def test_token_made_under_another_secret_is_refused(site: Site, tmp_path: Path) -> None:
    """Forms survive a restart (the secret is kept), but not a server holding a different secret."""
    case_id = site.new_case("victim")
    cookie = site.client.cookies.get("cec_csrf")
    assert cookie
    restarted = create_app(
        WebSettings(
            cases_dir=site.cases,
            noc_dir=NOC_DIR if HAVE_NOC else None,
            allowed_hosts=("testserver",),
            secret_file=tmp_path / "other" / "web-form-secret",
        )
    )
    with TestClient(restarted, cookies={"cec_csrf": cookie}) as client:
        response = client.post(f"/cases/{case_id}/delete", data={"csrf_token": site.token}, follow_redirects=False)
    assert response.status_code == 403
    assert (site.cases / case_id).is_dir()


def test_csrf_cookie_is_httponly_and_samesite_strict(tmp_path: Path) -> None:
    settings = WebSettings(
        cases_dir=tmp_path / "cases", noc_dir=NOC_DIR if HAVE_NOC else None, allowed_hosts=("testserver",)
    )
    with TestClient(create_app(settings)) as client:
        cookie = client.get("/").headers["set-cookie"].lower()
    assert "cec_csrf=" in cookie and "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def test_same_origin_post_with_token_works(victim: tuple[Site, str]) -> None:
    site, _ = victim
    response = site.post(
        "/cases", {"name": "second"}, headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"}
    )
    assert response.status_code == 303 and (site.cases / "second").is_dir()


def test_get_never_changes_state(shared: Site) -> None:
    site, case_id = shared, "victim"
    before = snapshot(site.root)
    doc = document_id("documents/letter.txt")
    for url in (
        "/cases?name=x",
        f"/cases/{case_id}/check",
        f"/cases/{case_id}/documents/{doc}/remove",
        f"/cases/{case_id}/documents/{doc}/replace",
        f"/cases/{case_id}/claims/file",
    ):
        assert site.client.get(url, follow_redirects=False).status_code == 405, url
    confirm = site.client.get(f"/cases/{case_id}/delete")
    assert confirm.status_code == 200 and "Delete this case?" in confirm.text
    assert f'action="/cases/{case_id}/delete"' in confirm.text and 'method="post"' in confirm.text
    assert snapshot(site.root) == before


def test_delete_needs_post_with_token(victim: tuple[Site, str]) -> None:
    site, case_id = victim
    keep = site.new_case("keep me")
    assert site.client.post(f"/cases/{case_id}/delete", follow_redirects=False).status_code == 403
    assert site.client.request("DELETE", f"/cases/{case_id}/delete").status_code == 405
    assert (site.cases / case_id / "documents" / "letter.txt").is_file()
    response = site.post(f"/cases/{case_id}/delete")
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert not (site.cases / case_id).exists()
    assert (site.cases / keep).is_dir()
    assert site.client.get(f"/cases/{case_id}/documents").status_code == 404


# the Host header (DNS rebinding) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8000",
        "testserver.evil.example",
        "127.0.0.1.nip.io",
        "localhost.evil.example",
        "127.0.0.1",
    ],
)
def test_foreign_host_header_is_refused(shared: Site, host: str) -> None:
    site, case_id = shared, "victim"
    before = snapshot(site.root)
    for url in ("/", f"/cases/{case_id}/documents", f"/cases/{case_id}/report.json", "/api/noc/search?q=21231"):
        response = site.client.get(url, headers={"host": host})
        assert response.status_code == 400, (host, url)
        assert "letter.txt" not in response.text and "Farah" not in response.text
        assert response.headers["content-security-policy"]
    response = site.client.post("/cases", data={"csrf_token": site.token, "name": "rebound"}, headers={"host": host})
    assert response.status_code == 400
    assert (
        site.client.post(
            f"/cases/{case_id}/delete", data={"csrf_token": site.token}, headers={"host": host}
        ).status_code
        == 400
    )
    assert snapshot(site.root) == before


def test_default_hosts_are_loopback_only(tmp_path: Path) -> None:
    app = create_app(WebSettings(cases_dir=tmp_path / "cases", noc_dir=NOC_DIR if HAVE_NOC else None))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
        for host in ("testserver", "evil.example:8765", "127.0.0.1.evil.example", "0.0.0.0:8765", "[::ffff:7f00:1]"):
            assert client.get("/", headers={"host": host}).status_code == 400, host


# size limits ---------------------------------------------------------------------------------------------------------


def _no_leftovers(site: Site, case_id: str, expected: list[str]) -> None:
    """Exactly the expected documents: no partial file, no hidden temporary file, nothing beside the folder."""
    assert files_in(site.documents_dir(case_id)) == sorted(expected)
    assert files_in(site.cases / case_id) == [".cec-checklist", "documents"]
    assert files_in(site.cases / case_id / ".cec-checklist") in (["meta.json"], ["meta.json", "readings"])
    readings = site.cases / case_id / READINGS_DIR
    if readings.is_dir():  # a reading per kept document (a file too large is never read), and no temporary file
        entries = [name for name in files_in(readings) if name != "CACHEDIR.TAG"]
        assert len(entries) <= len(expected) and all(re.fullmatch(r"[0-9a-f]{64}\.json", n) for n in entries), entries


def test_request_over_limit_by_content_length(small_site: Site) -> None:
    case_id = small_site.new_case()
    before = snapshot(small_site.root)
    response = small_site.upload(case_id, [("big.txt", b"a" * 60_000)])
    assert response.status_code == 413
    assert "larger than 0.05 MB" in response.text and "fewer or smaller files" in response.text
    assert response.headers["content-security-policy"]
    assert snapshot(small_site.root) == before
    _no_leftovers(small_site, case_id, [])


def test_request_over_limit_while_streaming(small_site: Site) -> None:
    """No Content-Length (chunked): the body is cut off as it arrives."""
    case_id = small_site.new_case()
    before = snapshot(small_site.root)
    boundary = "attackboundary"

    def body() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{small_site.token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="stream.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        for _ in range(40):
            yield b"b" * 5_000
        yield f"\r\n--{boundary}--\r\n".encode()

    response = small_site.client.post(
        f"/cases/{case_id}/documents",
        content=body(),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413
    assert "larger than 0.05 MB" in response.text
    assert snapshot(small_site.root) == before
    _no_leftovers(small_site, case_id, [])


def test_file_over_limit_is_not_kept_and_others_are(small_site: Site) -> None:
    case_id = small_site.new_case()
    response = small_site.upload(case_id, [("<b>big</b>.txt", b"a" * 10_001), ("small.txt", b"small\n")])
    assert response.status_code == 200
    assert "&lt;b&gt;big&lt;/b&gt;.txt: not kept; larger than 10 KB (the limit per file)." in response.text
    _no_leftovers(small_site, case_id, ["small.txt"])
    response = small_site.upload(case_id, [("big.txt", b"a" * 10_001)])
    assert response.status_code == 422 and "not kept" in response.text
    _no_leftovers(small_site, case_id, ["small.txt"])


def test_replace_with_file_over_limit_keeps_the_old_one(small_site: Site) -> None:
    case_id = small_site.new_case()
    small_site.upload(case_id, [("letter.txt", b"original\n")])
    response = small_site.post(
        f"/cases/{case_id}/documents/{document_id('documents/letter.txt')}/replace",
        files=[("file", ("new.txt", b"a" * 10_001))],
    )
    assert response.status_code == 422 and "not kept" in response.text
    assert (small_site.documents_dir(case_id) / "letter.txt").read_bytes() == b"original\n"
    _no_leftovers(small_site, case_id, ["letter.txt"])


def test_too_many_files_in_one_upload(small_site: Site) -> None:
    case_id = small_site.new_case()
    response = small_site.upload(case_id, [(f"f{i}.txt", b"x") for i in range(4)])
    assert response.status_code == 400
    assert "At most 3 files go in one upload" in response.text
    _no_leftovers(small_site, case_id, [])


def test_too_many_documents_in_a_case(small_site: Site) -> None:
    case_id = small_site.new_case()
    assert small_site.upload(case_id, [(f"f{i}.txt", f"f{i}".encode()) for i in range(3)]).status_code == 200
    response = small_site.upload(case_id, [(f"g{i}.txt", f"g{i}".encode()) for i in range(3)])
    assert response.status_code == 200
    assert response.text.count("a case holds at most 4 documents") == 2
    _no_leftovers(small_site, case_id, ["f0.txt", "f1.txt", "f2.txt", "g0.txt"])
    response = small_site.upload(case_id, [("h.txt", b"x")])
    assert response.status_code == 422 and "at most 4 documents" in response.text
    _no_leftovers(small_site, case_id, ["f0.txt", "f1.txt", "f2.txt", "g0.txt"])


def test_too_many_form_fields(site: Site) -> None:
    case_id = site.new_case()
    fields = {f"jobs-{i}-x": "1" for i in range(2500)}
    response = site.post(f"/cases/{case_id}/claims", fields)
    assert response.status_code == 400 and "could not be read" in response.text
    assert not (site.cases / case_id / "case.yaml").exists()


# hostile content in pages ---------------------------------------------------------------------------------------------


def test_hostile_values_are_escaped_in_every_page(site: Site) -> None:
    case_id = site.new_case(f"Case {EVIL}")
    site.claims(case_id, **{"applicant": f"Farah {EVIL}", "jobs-0-title": f"Tech {EVIL}"})
    upload = site.upload(
        case_id, [("letter.txt", hostile_letter()), ("letter.docx", hostile_docx()), (f"{EVIL}.txt", b"note\n")]
    )
    assert upload.status_code == 200
    assert "3 read" in upload.text
    site.check(case_id)
    pages = {
        "upload answer": upload,
        "home": site.client.get("/"),
        "claims": site.client.get(f"/cases/{case_id}/claims"),
        "documents": site.client.get(f"/cases/{case_id}/documents"),
        "report": site.client.get(f"/cases/{case_id}/report"),
        "delete": site.client.get(f"/cases/{case_id}/delete"),
        "noc": site.client.get("/noc", params={"q": EVIL}),
        "404": site.client.get(f"/cases/{case_id}/documents/{EVIL}/remove"),
    }
    for where, response in pages.items():
        assert response.status_code in (200, 404, 405), (where, response.status_code)
        assert response.headers["content-type"].startswith("text/html")
        assert_no_raw_html(response.text, where)
    # the hostile text is shown, escaped, where the applicant expects it
    escaped = "Technologist &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;{{7*7}}"
    assert pages["documents"].text.count(escaped) == 2  # the text letter and the Word letter
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["report"].text and "{{7*7}}" in pages["report"].text
    assert "Case &lt;script&gt;" in pages["home"].text
    report = site.client.get(f"/cases/{case_id}/report.json")
    assert report.headers["content-type"].startswith("application/json")
    assert "attachment" in report.headers["content-disposition"]
    api = site.client.get("/api/noc/search", params={"q": EVIL})
    assert api.headers["content-type"].startswith("application/json")


def test_every_response_has_the_security_headers(site: Site) -> None:
    case_id = site.new_case()
    site.claims(case_id)
    site.upload(case_id, [("letter.txt", letter())])
    responses = {
        "home": site.client.get("/"),
        "redirect": site.post("/cases", {"name": "other"}),
        "claims": site.client.get(f"/cases/{case_id}/claims"),
        "documents": site.client.get(f"/cases/{case_id}/documents"),
        "report before check": site.client.get(f"/cases/{case_id}/report"),
        "report.json before check": site.client.get(f"/cases/{case_id}/report.json"),
        "check": site.post(f"/cases/{case_id}/check"),
        "report": site.client.get(f"/cases/{case_id}/report"),
        "report.json": site.client.get(f"/cases/{case_id}/report.json"),
        "static css": site.client.get("/static/app.css"),
        "static js": site.client.get("/static/app.js"),
        "static unknown": site.client.get("/static/..%2fcases.html.j2"),
        "noc": site.client.get("/noc?q=software"),
        "api": site.client.get("/api/noc/search?q=software"),
        "api 404": site.client.get("/api/nothing"),
        "404": site.client.get("/cases/nope"),
        "405": site.client.get(f"/cases/{case_id}/check"),
        "403": site.client.post("/cases", data={"name": "x"}),
        "400 host": site.client.get("/", headers={"host": "evil.example"}),
    }
    for where, response in responses.items():
        headers = response.headers
        assert "script-src 'self'" in headers.get("content-security-policy", ""), where
        assert "frame-ancestors 'none'" in headers["content-security-policy"], where
        assert headers.get("x-content-type-options") == "nosniff", where
        assert headers.get("x-frame-options") == "DENY", where
        assert headers.get("cache-control") in ("no-store", "no-cache"), where
        assert headers.get("referrer-policy") == "no-referrer", where
    assert responses["static unknown"].status_code == 404


def test_unexpected_failure_page_has_the_security_headers(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> None:
        raise RuntimeError(f"failure holding SIN {SIN}")

    monkeypatch.setattr(site.app.state.services.store, "summaries", boom)
    response = site.client.get("/")
    assert response.status_code == 500
    assert not SIN_ANYHOW.search(response.text) and "RuntimeError" not in response.text
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    assert response.headers.get("cache-control") == "no-store"


# the Social Insurance Number ------------------------------------------------------------------------------------------


def test_sin_in_a_document_never_leaves_unmasked(site: Site) -> None:
    case_id = site.new_case()
    site.claims(case_id)
    upload = site.upload(
        case_id, [("reference letter.txt", sin_letter()), ("t4 note.txt", f"T4 2023\nSIN {SIN}\n".encode())]
    )
    assert upload.status_code == 200
    assert "Bow Valley XXX XXX 286 Inc." in upload.text  # the employer was read, masked
    site.check(case_id)
    outputs = {
        "upload answer": upload.text,
        "documents": site.client.get(f"/cases/{case_id}/documents").text,
        "report": site.client.get(f"/cases/{case_id}/report").text,
        "report.json": site.client.get(f"/cases/{case_id}/report.json").text,
        "home": site.client.get("/").text,
        "claims": site.client.get(f"/cases/{case_id}/claims").text,
        "delete": site.client.get(f"/cases/{case_id}/delete").text,
    }
    pdf = site.client.get(f"/cases/{case_id}/report.pdf")
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF")
        outputs["report.pdf"] = pdf_text(pdf.content)
    for where, text in outputs.items():
        found = SIN_ANYHOW.search(text)
        assert not found, f"the SIN shows in {where}: {text[max(0, found.start() - 80) : found.end() + 20]!r}"


def test_sin_in_an_upload_name_never_leaves_unmasked(site: Site) -> None:
    case_id = site.new_case()
    site.claims(case_id)
    upload = site.upload(case_id, [(f"{SIN} T4.txt", b"T4 2023\n")])
    assert upload.status_code == 200
    site.check(case_id)
    outputs = {
        "documents": site.client.get(f"/cases/{case_id}/documents").text,
        "report": site.client.get(f"/cases/{case_id}/report").text,
        "report.json": site.client.get(f"/cases/{case_id}/report.json").text,
    }
    for where, text in outputs.items():
        assert not SIN_ANYHOW.search(text), where


def test_sin_in_a_case_name_never_leaves_unmasked(site: Site) -> None:
    case_id = site.new_case(f"Farah SIN {SIN}")
    site.claims(case_id)
    site.check(case_id)
    outputs = {
        "home": site.client.get("/").text,
        "delete": site.client.get(f"/cases/{case_id}/delete").text,
        "download name": site.client.get(f"/cases/{case_id}/report.json").headers["content-disposition"],
    }
    for where, text in outputs.items():
        assert not SIN_ANYHOW.search(text), where


# unreadable and hostile files ---------------------------------------------------------------------------------------


def _pdfs() -> dict[str, bytes]:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    plain = io.BytesIO()
    writer.write(plain)
    writer.encrypt("owner-and-user-password")
    locked = io.BytesIO()
    writer.write(locked)
    return {
        "empty.pdf": b"",
        "header only.pdf": b"%PDF-1.7\n",
        "garbage.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 12,
        "truncated.pdf": plain.getvalue()[: len(plain.getvalue()) // 2],
        "encrypted.pdf": locked.getvalue(),
        "binary.pdf": b"\x00\x01\x02\xff" * 100,
        "fake.docx": b"PK\x03\x04not a zip at all",
        "fake.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 30,
    }


def test_broken_files_become_rows_saying_they_could_not_be_read(site: Site) -> None:
    case_id = site.new_case()
    site.claims(case_id)
    broken = _pdfs()
    response = site.upload(case_id, list(broken.items()))
    assert response.status_code == 200, response.text
    assert f"{len(broken)} could not be read: " in response.text and " read, " not in response.text
    assert "Could not be read" in response.text
    row = re.compile(r'<td class="doc-name"><a [^>]*>([^<]+?)</a>(?: <span.*?)?</td>\s*<td>\s*(.*?)\s*</td>', re.DOTALL)
    rows = dict(row.findall(response.text))
    assert set(rows) == set(broken)
    for name in broken:
        assert 'class="field-error"' in rows[name], (name, rows[name])
    assert "password-protected" in rows["encrypted.pdf"]
    assert "empty" in rows["empty.pdf"]
    site.check(case_id)
    report = site.client.get(f"/cases/{case_id}/report")
    assert report.status_code == 200
    assert all(f"documents/{name}" in report.text for name in broken)
    assert site.client.get(f"/cases/{case_id}/report.json").status_code == 200


def test_replace_with_a_broken_file_is_a_row_not_a_500(site: Site) -> None:
    case_id = site.new_case()
    site.upload(case_id, [("letter.txt", letter())])
    response = site.after(
        site.post(
            f"/cases/{case_id}/documents/{document_id('documents/letter.txt')}/replace",
            files=[("file", ("broken.pdf", b"%PDF-1.4\n\x00\x00broken"))],
        )
    )
    assert response.status_code == 200
    assert "documents/letter.txt: replaced by broken.pdf." in response.text
    assert 'class="field-error"' in response.text


# hostile case.yaml --------------------------------------------------------------------------------------------------


def test_case_yaml_with_python_tags_is_refused(site: Site) -> None:
    case_id = site.new_case()
    marker = site.root / "pwned"
    payload = f"applicant: !!python/object/apply:os.system ['touch {marker}']\njobs: []\n".encode()
    response = site.post(f"/cases/{case_id}/claims/file", files=[("case_file", ("case.yaml", payload))])
    assert response.status_code == 422
    assert not marker.exists() and not (site.cases / case_id / "case.yaml").exists()


def test_case_yaml_that_is_not_text_or_too_big_is_refused(site: Site) -> None:
    case_id = site.new_case()
    for name, payload, message in [
        ("case.yaml", b"\xff\xfe\x00binary", "not a text file"),
        ("case.yaml", b"# " + b"x" * (256 * 1024), "larger than 256 KB"),
        (f"{EVIL}.yaml", b"applicant: [unclosed", "YAML syntax error"),
    ]:
        response = site.post(f"/cases/{case_id}/claims/file", files=[("case_file", (name, payload))])
        assert response.status_code == 422, name
        assert message in response.text
        assert_no_raw_html(response.text, "the claims page")
    assert not (site.cases / case_id / "case.yaml").exists()


@pytest.mark.parametrize(
    "payload",
    ["applicant: " + "[" * 600 + "]" * 600, "applicant: " + "{a: " * 600 + "1" + "}" * 600],
    ids=["lists", "mappings"],
)
def test_deeply_nested_case_yaml_is_refused_not_a_500(site: Site, payload: str) -> None:
    case_id = site.new_case()
    response = site.post(f"/cases/{case_id}/claims/file", files=[("case_file", ("case.yaml", payload.encode()))])
    assert response.status_code == 422
    assert not (site.cases / case_id / "case.yaml").exists()


def test_alias_bomb_case_yaml_is_refused_quickly(site: Site) -> None:
    case_id = site.new_case()
    lines = ["l0: &l0 [" + ", ".join(["2020-01-01"] * 6) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 6) + "]" for i in range(1, 5)]
    payload = ("\n".join(lines) + "\nbad: 2023-02-30\n").encode()  # under 1 KB
    started = time.perf_counter()
    response = site.post(f"/cases/{case_id}/claims/file", files=[("case_file", ("case.yaml", payload))])
    elapsed = time.perf_counter() - started
    assert response.status_code == 422
    assert elapsed < 0.2, f"{elapsed:.2f} s for a {len(payload)}-byte file"  # a linear walk takes milliseconds
