"""SINs never appear in any output; checking never opens a network connection.

The property tests (issue 20, part 3) write a SIN in every way a person or an
OCR engine does (nine digits, 3-3-3 with any mix of separators, one digit per
box), put it in a document's text, a file name, a folder name and the
applicant's name, and scan everything the tool produces: `check` in every
format, `extract`, `batch` (its file names, index and CSV), the web pages,
downloads, redirects and the log. They run derandomized with a few examples
each, so the suite stays fast and the same on every run.
"""

from __future__ import annotations

import html
import json
import logging
import re
import socket
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checklist.cli import app
from checklist.privacy import luhn_valid, mask_sins, mask_sins_in_name
from tests.support.cases import letter_text, small_case
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NINE = re.compile(r"(?<!\d)(\d{3})[ \-.]?(\d{3})[ \-.]?(\d{3})(?!\d)")


def sins_in(text: str) -> set[str]:
    """Luhn-valid nine-digit numbers, written in any of the usual ways."""
    return {"".join(m.groups()) for m in NINE.finditer(text) if luhn_valid("".join(m.groups()))}


def known_sins() -> set[str]:
    out: set[str] = set()
    for path in (SAMPLES / "expected").glob("*.json"):
        out |= set(json.loads(path.read_text(encoding="utf-8")).get("sins", []))
    return out


def test_mask_sins() -> None:
    assert luhn_valid("046454286") and not luhn_valid("946454286")
    assert mask_sins("946 454 286 and 046-454-286 and 046454286") == "XXX XXX 286 and XXX XXX 286 and XXX XXX 286"
    assert mask_sins("SIN: 946454286") == "SIN: XXX XXX 286"  # labelled, even with a bad checksum
    assert mask_sins("account 123456789") == "account 123456789"  # not Luhn-valid, unlabelled: not a SIN
    assert mask_sins("U962340910 and 628274132RP0001") == "U962340910 and 628274132RP0001"


@pytest.mark.parametrize(
    "written",
    [
        "859\u202f060\u202f063",
        "859\u00a0060\u00a0063",
        "859\u2009060\u2009063",
        "859\u2007060\u2007063",
        "859 060-063",
        "859-060 063",
        "859/060/063",
        "859 / 060 / 063",
        "859.060.063",
        "859_060_063",
        "859\u2013060\u2013063",
        "859060063",
        "8 5 9 0 6 0 0 6 3",
        "8|5|9|0|6|0|0|6|3",
        "8 | 5 | 9 | 0 | 6 | 0 | 0 | 6 | 3",
        "8  5  9  0  6  0  0  6  3",
    ],
)
def test_issue20_every_written_form_is_masked(written: str) -> None:
    """Regression (issue 20): these forms went through unmasked (U+202F and thin spaces, mixed separators, boxes)."""
    for text in (f"SIN {written}", f"Box 12: {written} Box 14", f"{written}", f"T4_{written}.pdf", f"({written})"):
        masked = mask_sins(text)
        assert "XXX XXX 063" in masked and not leaks(masked, "859060063"), (text, masked)


@pytest.mark.parametrize(
    "text",
    [
        "Tel 613-555-0123",
        "(613) 555-0123",
        "+1 613 555 0123",
        "613.555.0123 ext 123",
        "2023-01-05",
        "05/01/2023",
        "2023 01 05",
        "$123,456.78",
        "68 500,00 $",
        "68\u202f500,00 $",
        "123 456 789,00 $",
        "123 456 789.00",
        "Postal code T2P 3E7",
        "UCI 1111-1111",
        "Permit U962340910",
        "BN 628274132RP0001",
        "W307 123 456",
        "account 123456789",
        "hours 8 8 8 8 8 0 0 8 8",
        "1 2 3 4 5 6 7 8 9 10",
        "pages 1 2 3 4 5 6 7 8 9",
        "invoice 2024-123-4567",
        "Reference 12-345-678-901",
    ],
)
def test_issue20_ordinary_numbers_are_not_masked(text: str) -> None:
    assert mask_sins(text) == text


@pytest.mark.parametrize(
    "written",
    [
        "859\n060\n063",
        "859 \n 060\r\n063",
        "8\n5\n9\n0\n6\n0\n0\n6\n3",
        "SIN859060063",
        "NAS859060063",
        "S.I.N.859060063",
    ],
)
def test_sins_broken_across_lines_or_glued_to_their_label_are_masked(written: str) -> None:
    """Regression: a reader that puts each group (or each boxed digit) on its own line, or OCR that glues the label on."""
    for text in (written, f"Employee\n{written}\nEnd", f"SIN\n{written}"):
        masked = mask_sins(text)
        assert "XXX XXX 063" in masked and not leaks(masked.replace("\n", " "), "859060063"), (text, masked)


@pytest.mark.parametrize(
    "text",
    [
        "100\n200\n300",
        "Hours\n40\n40\n40",
        "1\n2\n3\n4\n5\n6\n7\n8\n9",
        "Box\n14\n68500\n22\n9876",
        "ASIN859060064",
        "CASINO 859060064",
    ],
)
def test_line_broken_and_label_glued_numbers_that_are_not_sins_are_left_alone(text: str) -> None:
    assert mask_sins(text) == text


def test_names_get_a_name_friendly_mask() -> None:
    assert mask_sins_in_name("Farah 046 454 286") == "Farah XXX-XXX-286"
    assert mask_sins_in_name("T4 2024.pdf") == "T4 2024.pdf"


# the property tests -------------------------------------------------------------------------------------------------


def leaks(text: str, sin: str) -> bool:
    """Whether `sin` can be read in `text` in any written form, after undoing URL, HTML and JSON escapes."""
    text = html.unescape(urllib.parse.unquote(text))
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return any(sin in re.sub(r"\D", "", run.group()) for run in re.finditer(r"\d(?:[^\dA-Za-z\n]{0,4}\d)*", text))


def with_check_digit(first_eight: int) -> str:
    digits = f"{first_eight:08d}"
    return next(digits + str(last) for last in range(10) if luhn_valid(digits + str(last)))


SINS = st.integers(10_000_000, 99_999_999).map(with_check_digit)
SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007", " ", "  "]
MARKS = ["-", ".", "\u2013", "_", " - "]


@st.composite
def written(draw: st.DrawFn, sin: str, *, in_name: bool = False) -> str:
    """The SIN as someone wrote it: bare, 3-3-3 with any two separators, or one digit per box."""
    marks = MARKS + ([] if in_name else ["/", " / "])
    form = draw(st.sampled_from(["bare", "grouped", "boxed"]))
    if form == "bare":
        return sin
    if form == "grouped":
        first, second = draw(st.sampled_from(SPACES + marks)), draw(st.sampled_from(SPACES + marks))
        return f"{sin[:3]}{first}{sin[3:6]}{second}{sin[6:]}"
    return draw(st.sampled_from([" ", "|", " | ", "\u2009"])).join(sin)


@st.composite
def placed(draw: st.DrawFn) -> dict[str, str]:
    """A SIN, and where it goes: a line of the letter, the letter's file name, the case folder, the applicant."""
    sin = draw(SINS)
    label = draw(st.sampled_from(["SIN: ", "Social insurance number ", "NAS : ", "Reference ", ""]))
    return {
        "sin": sin,
        "line": label + draw(written(sin)),
        "file": draw(st.sampled_from(["{} letter.txt", "T4_{}.txt", "lettre ({}).txt"])).format(
            draw(written(sin, in_name=True))
        ),
        "folder": draw(st.sampled_from(["Client {}", "{}"])).format(draw(written(sin, in_name=True))),
        "applicant": draw(st.sampled_from(["Farah Nazari {}", "Farah Nazari"])).format(draw(written(sin))),
    }


QUICK = settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@QUICK
@given(sin=SINS, data=st.data())
def test_issue20_property_mask_sins_leaves_no_sin_in_text(sin: str, data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(["{}", "SIN {} end", "a {}\nb", "Box 12 {} Box 14 68,500.00", "x_{}_y"]))
    text = text.format(data.draw(written(sin)))
    assert not leaks(mask_sins(text), sin) and not leaks(mask_sins_in_name(text), sin)
    assert mask_sins(mask_sins(text)) == mask_sins(text)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(text=st.text(alphabet=st.sampled_from("0123456789٣ \n-./|_SINAS:xé,"), max_size=40))
def test_the_shortcut_for_strings_of_few_digits_masks_the_same(text: str) -> None:
    """Strings with fewer than nine digits are returned unread (issue 12): exactly what the full search gives."""
    import checklist.privacy as privacy

    pieces, done = [], 0
    for start, end, digits in privacy._sins(text):
        pieces += [text[done:start], f"XXX XXX {digits[-3:]}"]
        done = end
    assert mask_sins(text) == "".join(pieces) + text[done:]


def test_eight_digits_are_never_a_sin() -> None:
    for text in ("SIN 04645428", "046 454 28", "SIN04645428", "0\n4\n6\n4\n5\n4\n2\n8", "2024-01-15"):
        assert mask_sins(text) == text


def make_case(tmp_path: Path, place: dict[str, str]) -> Path:
    folder = tmp_path / "clients" / place["folder"]
    small_case(folder, applicant=place["applicant"], letter_name=place["file"], letter=letter_text(place["line"]))
    (folder / f"unreadable {place['file']}.pdf").write_bytes(b"%PDF-1.4 broken")
    return folder


def assert_no_leak(outputs: dict[str, str], sin: str) -> None:
    for where, text in outputs.items():
        assert not leaks(text, sin), f"the SIN shows in {where}"


@settings(QUICK, max_examples=3)
@given(place=placed())
def test_issue20_property_check_and_extract_outputs_hold_no_sin(
    tmp_path_factory: pytest.TempPathFactory, place: dict[str, str]
) -> None:
    case = make_case(tmp_path_factory.mktemp("check"), place)
    runner = CliRunner()
    outputs = {}
    for fmt in ("json", "md", "html"):
        result = runner.invoke(app, ["check", str(case), "-f", fmt, "-o", "-", "--info"])
        assert result.exit_code in (0, 1), result.output
        outputs[f"check -f {fmt}"] = result.output  # the report and the terminal summary (applicant, findings)
    for fmt in ("json", "text"):
        result = runner.invoke(app, ["extract", str(case / place["file"]), "-f", fmt])
        assert result.exit_code == 0, result.output
        outputs[f"extract -f {fmt}"] = result.output
    assert_no_leak(outputs, place["sin"])


@settings(QUICK, max_examples=3)
@given(place=placed())
def test_issue20_property_batch_outputs_hold_no_sin(
    tmp_path_factory: pytest.TempPathFactory, place: dict[str, str]
) -> None:
    tmp_path = tmp_path_factory.mktemp("batch")
    make_case(tmp_path, place)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "clients"), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    outputs = {"batch terminal": result.output, "output names": "\n".join(sorted(p.name for p in out.iterdir()))}
    outputs.update({path.name: path.read_text(encoding="utf-8") for path in out.iterdir()})
    assert {"index.html", "summary.csv"} <= set(outputs)
    assert_no_leak(outputs, place["sin"])


@settings(QUICK, max_examples=3)
@given(place=placed())
def test_issue20_property_web_pages_downloads_and_log_hold_no_sin(
    tmp_path_factory: pytest.TempPathFactory, place: dict[str, str]
) -> None:
    from starlette.testclient import TestClient

    from checklist.web import WebSettings, create_app

    tmp_path = tmp_path_factory.mktemp("web")
    cases = tmp_path / "clients"
    make_case(tmp_path, {**place, "folder": re.sub(r"[^A-Za-z0-9 ._-]", " ", place["folder"]).strip() or "x"})
    records: list[str] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.DEBUG)
    try:
        outputs = web_outputs(
            TestClient(
                create_app(WebSettings(cases_dir=cases, allowed_hosts=("testserver",))), raise_server_exceptions=False
            ),
            place,
        )
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    outputs["log"] = "\n".join(records)
    assert_no_leak(outputs, place["sin"])


def web_outputs(client: object, place: dict[str, str]) -> dict[str, str]:
    """Every page, answer, header and download of one case folder, and of a new case the page made."""
    from starlette.testclient import TestClient

    assert isinstance(client, TestClient)
    outputs: dict[str, str] = {}
    with client:
        home = client.get("/")
        token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]
        made = client.post("/cases", data={"csrf_token": token, "name": place["applicant"]}, follow_redirects=False)
        outputs["new case redirect"] = made.headers["location"]
        links = re.findall(r'class="case-link" href="/cases/([^"]+)"', client.get("/").text)
        assert len(links) == 2, links
        for case_id in links:
            upload = client.post(
                f"/cases/{case_id}/documents",
                data={"csrf_token": token},
                files=[("files", (place["file"], letter_text(place["line"]).encode()))],
            )
            outputs[f"{case_id} upload"] = upload.text
            doc = re.search(r"/documents/([0-9a-f]{16})/replace", upload.text).group(1)  # type: ignore[union-attr]
            replace = client.post(
                f"/cases/{case_id}/documents/{doc}/replace",
                data={"csrf_token": token},
                files=[("file", (f"new {place['file']}", b"replaced\n"))],
            )
            outputs[f"{case_id} replace"] = replace.text
            check = client.post(f"/cases/{case_id}/check", data={"csrf_token": token}, follow_redirects=False)
            outputs[f"{case_id} check redirect"] = check.headers.get("location", "") + check.text
            for page in ("", "/claims", "/documents", "/report", "/report.json", "/delete"):
                response = client.get(f"/cases/{case_id}{page}", follow_redirects=False)
                outputs[f"{case_id}{page}"] = response.text + str(response.headers)
        outputs["home"] = client.get("/").text
        outputs["404"] = client.get(f"/cases/{place['sin']}").text
    return outputs


@pytest.mark.parametrize("case", sorted((SAMPLES / "cases").iterdir()), ids=lambda p: p.name)
def test_no_sin_in_any_output_of_any_sample(case: Path, tmp_path: Path) -> None:
    sins = known_sins()
    assert sins, "the samples' ground truth lists the applicants' SINs"
    runner = CliRunner()
    outputs = []
    for fmt in ("json", "md", "html"):
        result = runner.invoke(app, ["check", str(case), "-f", fmt, "-o", "-", "--info", "--noc-data", str(NOC_DIR)])
        outputs.append(result.output)
    for document in sorted(p for p in case.rglob("*") if p.is_file() and p.name != "case.yaml"):
        for fmt in ("json", "text"):
            outputs.append(runner.invoke(app, ["extract", str(document), "-f", fmt]).output)
    for text in outputs:
        assert not (sins_in(text) & sins), "a full SIN appears in an output"


def test_check_runs_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted during check")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    case = SAMPLES / "cases" / "s02_quebec_two_parttime"
    for fmt in ("json", "html", "pdf"):
        result = CliRunner().invoke(
            app, ["check", str(case), "-f", fmt, "-o", str(tmp_path / f"r.{fmt}"), "--noc-data", str(NOC_DIR)]
        )
        assert result.exit_code in (0, 1), result.output
        assert (tmp_path / f"r.{fmt}").stat().st_size > 1000
