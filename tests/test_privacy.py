"""SINs never appear in any output; checking never opens a network connection."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checklist.cli import app
from checklist.privacy import luhn_valid, mask_sins
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
        result = CliRunner().invoke(app, ["check", str(case), "-f", fmt, "-o", str(tmp_path / f"r.{fmt}"),
                                          "--noc-data", str(NOC_DIR)])
        assert result.exit_code in (0, 1), result.output
        assert (tmp_path / f"r.{fmt}").stat().st_size > 1000
