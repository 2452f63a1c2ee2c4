"""The level of the work read from a letter and from a unit group's lead statement."""

from __future__ import annotations

from checklist.noc.level import Level, neighbours, read_letter, required_level
from tests.noc.letters import BOOKKEEPER, COOK, KITCHEN_SUPERVISOR


def test_supervision_is_read_from_the_duties() -> None:
    level = read_letter(KITCHEN_SUPERVISOR)
    assert level.supervises is not None and level.reaches(Level.SUPERVISE)


def test_a_cook_letter_shows_no_supervision_or_management() -> None:
    level = read_letter(COOK)
    assert level.supervises is None and level.manages is None
    assert not level.reaches(Level.SUPERVISE) and level.reaches(Level.WORK)


def test_a_supervisor_title_alone_is_not_supervision() -> None:
    assert not read_letter(COOK, "Kitchen Supervisor").reaches(Level.SUPERVISE)


def test_team_size_and_french_supervision() -> None:
    assert read_letter(["Lead a team of 6 technicians on the night shift"]).supervises is not None
    assert read_letter(["Encadrer une équipe de 5 préposés et préparer les horaires de travail"]).supervises is not None


def test_management_is_read_from_the_duties() -> None:
    level = read_letter(["Manage the store's operations and its annual budget", "Report to the owner every week"])
    assert level.manages is not None and level.reaches(Level.MANAGE) and level.reaches(Level.SUPERVISE)


def test_a_bookkeeper_letter_does_not_plan_or_design() -> None:
    assert not read_letter(BOOKKEEPER).reaches(Level.PLAN)


def test_required_level_of_groups(noc_data) -> None:  # type: ignore[no-untyped-def]
    assert required_level(noc_data.get("62020")) is Level.SUPERVISE
    assert required_level(noc_data.get("60030")) is Level.MANAGE
    assert required_level(noc_data.get("62200")) is Level.PLAN
    assert required_level(noc_data.get("63200")) is Level.WORK
    # engineers "supervise" in their lead statement, but as a side of their own work
    assert required_level(noc_data.get("21330")) is Level.PLAN


def test_exclusion_notes_link_neighbours(noc_data) -> None:  # type: ignore[no-untyped-def]
    assert neighbours(noc_data.get("12200"), noc_data.get("11100"))
    assert not neighbours(noc_data.get("63200"), noc_data.get("11100"))
