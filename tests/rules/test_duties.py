"""duties.noc-mismatch on letters that describe a less skilled neighbour of the claimed group."""

from __future__ import annotations

import pytest

from tests.noc.letters import BOOKKEEPER, COOK
from tests.support.factory import Scenario
from tests.support.noc import shared_noc


def _case(code: str, duties: list[str], title: str) -> Scenario:
    if shared_noc().get(code) is None:
        pytest.skip(f"NOC {code} is not in the NOC data the tests use")
    scenario = Scenario.clean().replace("letter.pdf", duties=duties, job_title=title)
    scenario.jobs[0]["noc"] = code
    scenario.jobs[0]["title"] = title
    return scenario


@pytest.mark.parametrize(("code", "duties", "title"), [("11100", BOOKKEEPER, "Bookkeeper"), ("62020", COOK, "Cook")])
def test_a_less_skilled_letter_raises_noc_mismatch(code: str, duties: list[str], title: str) -> None:
    scenario = _case(code, duties, title)
    assert "duties.noc-mismatch" in scenario.codes()


def test_a_true_cook_letter_under_63200_raises_no_mismatch() -> None:
    scenario = _case("63200", COOK, "Cook")
    assert "duties.noc-mismatch" not in scenario.codes()
