"""The request to the employer and the letters of explanation (issue 19, items 2, 3 and 5)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from checklist.actions.elements import LETTER_ELEMENTS
from checklist.actions.explanations import build_explanations
from checklist.actions.requests import build_requests
from checklist.actions.wording import explanation_lines, request_lines
from checklist.actions.writer import request_files, safe_name, to_text
from checklist.cli import app
from checklist.ingest.own import own_file
from checklist.models.findings import Finding, Severity
from checklist.models.report import Report
from tests.support.files import make_docx
from tests.support.noc import NOC_DIR

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
FR_LETTER = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "layouts"
    / "reference_letter"
    / ("fr_cle_valeur_a_ce_jour_pied_de_page.txt")
)
SIN = "046 454 286"
AS_OF = "2026-01-15"
runner = CliRunner()


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(SAMPLES / name, target, ignore=shutil.ignore_patterns(".cec-checklist"))
    return target


def _report(case: Path, *extra: str) -> Report:
    result = runner.invoke(app, ["check", str(case), "-f", "json", "-o", "-", "--noc-data", str(NOC_DIR), *extra])
    assert result.exit_code in (0, 1), result.output
    return Report.model_validate(json.loads(result.stdout[: result.stdout.rindex("}") + 1]))


def _request(case: Path, out: Path, *extra: str) -> object:
    return runner.invoke(app, ["request", str(case), "-o", str(out), "--noc-data", str(NOC_DIR), *extra])


def _docx_text(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _txt_lines(path: Path) -> list[str]:
    """The txt's lines as the docx holds them: no blank lines, bullets without their dash, headings as written."""
    return [line.removeprefix("- ") for line in path.read_text(encoding="utf-8").splitlines() if line]


def _french_case(tmp_path: Path, *, claimed_hours: int = 45, title_line: str = "") -> Path:
    """A Quebec case whose French letter (a .docx) states fewer hours than claimed and no benefits."""
    case = tmp_path / "karim"
    case.mkdir()
    (case / "case.yaml").write_text(
        "applicant: Karim Benali\njobs:\n  - employer: Groupe Conseil Véridia inc.\n    title: Analyste en cybersécurité\n"
        f'    noc: "21220"\n    start: 2023-03-01\n    hours_per_week: {claimed_hours}\n',
        encoding="utf-8",
    )
    lines = [line for line in FR_LETTER.read_text(encoding="utf-8").splitlines() if not line.startswith("Avantages")]
    if title_line:
        lines = [title_line if line.startswith("Poste occupé") else line for line in lines]
    make_docx(case / "Attestation d'emploi.docx", lines)
    return case


# --- requests from the samples --------------------------------------------------------------------------------


def test_s06_requests_name_the_missing_elements_and_the_values_compared(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s06_three_jobs_letter_gaps")
    report = _report(case)
    out = tmp_path / "requests"
    result = _request(case, out)
    assert result.exit_code == 0, result.output
    requests = build_requests(report)
    assert {r.job for r in requests} == {0, 1, 2}
    for request in requests:
        stem = f"job{request.job}-{safe_name(request.employer)}-request"
        text = (out / f"{stem}.txt").read_text(encoding="utf-8")
        assert f"wrote {out / stem}.docx" in result.output
        assert text.startswith("Request for an updated employment reference letter")
        assert request.signer and f"Dear {request.signer}," in text
        for finding in report.findings:
            if finding.job != request.job or finding.severity is Severity.INFO:
                continue
            element = next((e for e in LETTER_ELEMENTS if finding.code in e.codes), None)
            if finding.code in ("letter.missing-duties", "duties.copied-from-noc"):
                assert "The duties: " in text and "please describe the main duties in your own words" in text
            elif element is not None and finding.code != "letter.claim-mismatch":
                assert f"- {element.en[:1].upper()}{element.en[1:]}: " in text, (finding.code, text)
            for number_pair in re.findall(
                r"([\d.]+) hours per week in the letter, ([\d.]+) claimed", str(finding.values.get("differences", ""))
            ):
                assert f"the letter gives {number_pair[0]} h/week, my profile claims {number_pair[1]}" in text
            for letter_title, claimed in re.findall(
                r"title '(.*)' in the letter, '(.*)' claimed", str(finding.values.get("differences", ""))
            ):
                assert f"the letter gives '{letter_title}', my profile claims '{claimed}'" in text
    hours = (out / "job1-larkspur-capital-partners-inc-request.txt").read_text(encoding="utf-8")
    assert "35 h/week" in hours and "claims 40" in hours  # the s06 sample: its letter gives 35, the profile 40


def test_the_facts_shown_are_the_values_read_and_an_unread_value_is_not_called_absent(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s05_weak_reference_letter")
    report = _report(case)
    [request] = build_requests(report)
    text = to_text(request_lines(request))
    letter = next(d for d in report.documents if d.kind == "reference_letter")
    assert letter.fields["signatory_name"] is None and "Dear Human Resources team," in text
    assert f"Job title: {letter.fields['job_title']}" in text and f"Start date: {letter.fields['start_date']}" in text
    unsure = next(f for f in report.findings if f.code == "letter.missing-hours")
    assert unsure.unsure
    assert "Hours per week: could not be read" in text and str(unsure.values["quote"]) in text
    assert "Hours per week: not stated" not in text
    assert "I could not read it in the current letter" in text
    assert "Salary: not stated" in text  # a check decided it is absent: said so


def test_a_job_without_a_letter_gets_a_request_for_one(tmp_path: Path) -> None:
    report = _report(_copy(tmp_path, "s03_cook_employer_specific"), "--as-of", "2025-01-31")
    missing = [f.job for f in report.findings if f.code == "letter.missing"]
    assert missing
    for request in build_requests(report):
        text = to_text(request_lines(request))
        if request.job in missing:
            assert request.letter is None and text.startswith("Request for an employment reference letter")
            assert "What the current letter gives" not in text and "Dear Human Resources team," in text
        else:
            assert text.startswith("Request for an updated employment reference letter")


def test_a_case_with_nothing_to_request_writes_no_file(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s01_clean_promotion")
    out = tmp_path / "requests"
    result = _request(case, out)
    assert result.exit_code == 0, result.output
    assert "Nothing to ask the employers" in result.output
    assert not out.exists()
    assert build_requests(_report(case)) == []


def test_job_selects_one_request_and_a_bad_job_is_exit_2(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s06_three_jobs_letter_gaps")
    out = tmp_path / "requests"
    result = _request(case, out, "--job", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "job1-larkspur-capital-partners-inc-request.docx",
        "job1-larkspur-capital-partners-inc-request.txt",
    ]
    bad = _request(case, tmp_path / "other", "--job", "3")
    assert bad.exit_code == 2 and "--job 3 is not a job of this case" in bad.output and "3 jobs" in bad.output
    assert not (tmp_path / "other").exists()
    assert _request(case, out, "--lang", "de").exit_code == 2


def test_a_bad_case_yaml_is_exit_2(tmp_path: Path) -> None:
    case = tmp_path / "bad"
    case.mkdir()
    (case / "case.yaml").write_text("applicant: [unclosed\n", encoding="utf-8")
    result = _request(case, tmp_path / "out")
    assert result.exit_code == 2 and "case.yaml" in result.output
    assert _request(tmp_path / "nowhere", tmp_path / "out").exit_code == 2


# --- French, SINs, docx ---------------------------------------------------------------------------------------


def test_a_french_letter_gets_a_french_request(tmp_path: Path) -> None:
    case = _french_case(tmp_path)
    out = tmp_path / "requests"
    result = _request(case, out, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    [txt] = sorted(out.glob("*.txt"))
    assert txt.name == "job0-groupe-conseil-veridia-inc-demande.txt"
    text = txt.read_text(encoding="utf-8")
    assert text.startswith("Demande d'une attestation d'emploi mise à jour")
    assert "Bonjour Sophie Gagnon-Tremblay," in text
    assert "la lettre indique 40 h/semaine, mon profil 45" in text
    benefits = next(e for e in LETTER_ELEMENTS if e.key == "benefits")
    assert benefits.fr[0].upper() + benefits.fr[1:] in text and benefits.en not in text
    assert "Salaire : 72\u202f000,00 $ par année" in text
    assert "Préparé avec cec-checklist." in text
    english = _request(case, tmp_path / "en", "--as-of", AS_OF, "--lang", "en")
    assert english.exit_code == 0
    assert "the letter gives 40 h/week, my profile claims 45" in (
        tmp_path / "en" / "job0-groupe-conseil-veridia-inc-request.txt"
    ).read_text(encoding="utf-8")


def test_a_sin_is_masked_in_both_outputs_and_the_docx_says_what_the_txt_says(tmp_path: Path) -> None:
    case = _french_case(tmp_path, title_line=f"Poste occupé :                   Analyste en cybersécurité NAS {SIN}")
    (case / "case.yaml").write_text(
        (case / "case.yaml")
        .read_text(encoding="utf-8")
        .replace("title: Analyste en cybersécurité", f"title: Analyste en cybersécurité {SIN}"),
        encoding="utf-8",
    )
    out = tmp_path / "requests"
    assert _request(case, out, "--as-of", AS_OF).exit_code == 0
    [txt], [word] = sorted(out.glob("*.txt")), sorted(out.glob("*.docx"))
    text = txt.read_text(encoding="utf-8")
    paragraphs = _docx_text(word)
    for content in (text, "\n".join(paragraphs)):
        assert SIN not in content and SIN.replace(" ", "") not in content
        assert "XXX XXX 286" in content
    assert paragraphs == _txt_lines(txt)
    assert docx.Document(str(word)).core_properties.author == "cec-checklist"


def test_file_names_are_masked_and_safe() -> None:
    assert safe_name(f"Café Ünïon {SIN} / Ltd.") == "cafe-union-xxx-xxx-286-ltd"
    assert safe_name("../../") == "employer"


# --- no duties written for the employer -----------------------------------------------------------------------


def test_no_noc_duty_appears_in_a_request(tmp_path: Path) -> None:
    from checklist.noc import load_noc_data

    case = _copy(tmp_path, "s06_three_jobs_letter_gaps")
    out = tmp_path / "requests"
    assert _request(case, out).exit_code == 0
    noc = load_noc_data(NOC_DIR)
    claims = _report(case).claims
    assert claims is not None
    duties = [d.lower() for job in claims.jobs if (g := noc.get(job["noc"])) is not None for d in g.main_duties]
    texts = [p.read_text(encoding="utf-8").lower() for p in out.glob("*.txt")]
    assert texts and all(duty not in text for duty in duties for text in texts)
    assert all("in your own words" in text for text in texts)


def test_a_copied_from_noc_finding_asks_for_own_words_and_never_quotes_the_noc(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s01_clean_promotion")
    report = _report(case)
    letter = next(d for d in report.documents if d.kind == "reference_letter")
    copied = "Plan, organize, direct and evaluate the activities of the establishment"
    finding = Finding(
        code="duties.copied-from-noc",
        severity=Severity.WARNING,
        title="Duties copied from the NOC",
        message=f"2 duties reproduce NOC main duties, e.g. '{copied}'.",
        fix="",
        job=letter.job,
        documents=[letter.path],
        values={"count": 2, "example": copied},
    )
    [request] = build_requests(report.model_copy(update={"findings": [*report.findings, finding]}))
    text = "\n".join(line.text for line in request_lines(request))
    assert copied.lower() not in text.lower()
    assert "please describe the main duties in your own words" in text
    assert [a.kind for a in request.asks] == ["own-words"]


# --- letters of explanation -----------------------------------------------------------------------------------


def test_explanations_are_drafts_with_the_facts_found_and_blanks(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s01_clean_promotion")
    report = _report(case)
    missing = [f for f in report.findings if f.code == "t4.missing-year"]
    assert missing
    out = tmp_path / "drafts"
    result = _request(case, out, "--explanations")
    assert result.exit_code == 0, result.output
    assert "Nothing to ask the employers" in result.output
    text = (out / "explanation-t4-missing-year.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("DRAFT TO COMPLETE AND SIGN")
    assert "[____ explain why, in your own words ____]" in text and "[____ signature ____]" in text
    for finding in missing:
        assert str(finding.values["year"]) in text and str(finding.values["employer"]) in text
    assert _docx_text(out / "explanation-t4-missing-year.docx") == _txt_lines(out / "explanation-t4-missing-year.txt")
    french = _request(case, tmp_path / "fr", "--explanations", "--lang", "fr")
    assert french.exit_code == 0
    body = (tmp_path / "fr" / "explication-t4-missing-year.txt").read_text(encoding="utf-8")
    assert body.startswith("BROUILLON À COMPLÉTER ET À SIGNER") and "[____ expliquez pourquoi" in body


@pytest.mark.parametrize(
    "code", ["status.maintained", "name.mismatch", "employer.name-mismatch", "paystub.gap", "cec.leave"]
)
def test_every_topic_drafts_its_facts_without_inventing_a_reason(tmp_path: Path, code: str) -> None:
    report = _report(_copy(tmp_path, "s01_clean_promotion"))
    values = {
        "status.maintained": {
            "days": 40,
            "start": "2024-05-01",
            "end": "2024-06-09",
            "basis": "maintained status (R186(u))",
            "files": "Immigration/AOR.pdf",
        },
        "name.mismatch": {"file": "T4.pdf", "found": "K. Iyer-Rao", "applicant": report.applicant},
        "employer.name-mismatch": {"file": "T4.pdf", "found": "CDS HOLDINGS"},
        "paystub.gap": {"employer": "Cedarline Data Systems Inc.", "ranges": "2024-01-01 to 2024-02-15 (46 days)"},
        "cec.leave": {
            "employer": "Cedarline Data Systems Inc.",
            "file": "letter.docx",
            "leaves": "parental leave from 2024-01-01 to 2024-03-31",
            "hours": "487.5",
        },
    }[code]
    finding = Finding(code=code, severity=Severity.WARNING, title="t", message="m", fix="", job=0, values=values)
    [draft] = list(build_explanations(report.model_copy(update={"findings": [finding]})))
    text = "\n".join(line.text for line in explanation_lines(draft))
    assert text.startswith("DRAFT TO COMPLETE AND SIGN") and "[____" in text
    for value in values.values():
        assert str(value) in text
    assert "because" not in text.lower()


# --- own drafts are never read as reference letters -----------------------------------------------------------


def test_drafts_dropped_into_the_case_are_set_aside_not_read_as_letters(tmp_path: Path) -> None:
    case = _copy(tmp_path, "s06_three_jobs_letter_gaps")
    before = _report(case)
    assert _request(case, case / "2 - Larkspur", "--explanations").exit_code == 0
    shutil.copy(
        case / "2 - Larkspur" / "job1-larkspur-capital-partners-inc-request.docx", case / "reference letter.docx"
    )
    after = _report(case)
    aside = {item["path"]: item["reason"] for item in after.set_aside}
    drafts = [
        "reference letter.docx",
        "2 - Larkspur/job1-larkspur-capital-partners-inc-request.docx",
        "2 - Larkspur/job1-larkspur-capital-partners-inc-request.txt",
    ]
    for path in drafts:
        assert "draft written by cec-checklist" in aside[path]
    assert [d.path for d in after.documents] == [d.path for d in before.documents]
    assert [f.code for f in after.findings] == [f.code for f in before.findings]


def test_own_draft_recognition_needs_the_mark(tmp_path: Path) -> None:
    report = _report(_copy(tmp_path, "s06_three_jobs_letter_gaps"))
    request = build_requests(report)[0]
    (word, word_bytes), (txt, txt_bytes) = request_files(request)
    (tmp_path / word).write_bytes(word_bytes)
    (tmp_path / txt).write_bytes(txt_bytes)
    assert own_file(tmp_path / word) and own_file(tmp_path / txt)
    plain = make_docx(tmp_path / "letter.docx", [line.text for line in request_lines(request)])
    assert own_file(plain) is None  # the same words, not authored by the tool: a document
    quoted = tmp_path / "letter.txt"
    quoted.write_text("Our HR note says the form was Prepared with cec-checklist. by the employee.\n", encoding="utf-8")
    assert own_file(quoted) is None


def test_the_same_draft_is_the_same_bytes(tmp_path: Path) -> None:
    import time

    report = _report(_copy(tmp_path, "s05_weak_reference_letter"))
    first = request_files(build_requests(report)[0])
    time.sleep(2.1)  # a zip entry's time has a 2-second grain
    assert request_files(build_requests(report)[0]) == first
