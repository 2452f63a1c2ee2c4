"""The level of the work read from a letter and from a unit group's lead statement."""

from __future__ import annotations

from checklist.noc.level import Level, neighbours, read_letter, required_level, role_names, works_under
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


def test_the_role_a_letter_works_under_is_read() -> None:
    assert works_under(["Provide nursing care to residents under the direction of the RN"]) == "registered nurse"
    assert works_under(["Count tablets under the pharmacist's supervision"]) == "pharmacist"
    assert works_under(["Assist the dentist chairside during procedures"]) == "dentist"
    assert works_under(["Aider les charpentiers à monter les murs"]) == "charpentiers"
    assert works_under(["Sous la supervision de l'infirmière, prendre les signes vitaux"]) is not None
    assert works_under(["Help customers find the right size"]) is None


def test_a_senior_of_the_same_occupation_is_not_a_role_worked_under() -> None:
    # sous chefs help the executive chef, apprentices work under journeypersons, RPNs report to the charge nurse
    assert works_under(["Help the executive chef develop menus"]) is None
    assert works_under(["Pull wire under the supervision of a journeyperson electrician"]) is None
    assert works_under(["Chart the patients' condition and report to the charge nurse"]) is None


def test_a_role_names_the_most_skilled_group_whose_title_has_it(noc_data) -> None:  # type: ignore[no-untyped-def]
    groups = noc_data.unit_groups
    named = {g.code for g in groups if role_names("nurses", g, groups)}
    assert "31301" in named and "32101" not in named  # LPNs work under "the nurse"
    assert {g.code for g in groups if role_names("registered nurse", g, groups)} == {"31301"}
    # the occupation itself, not its contractors and supervisors (72013) or managers (20010)
    assert {g.code for g in groups if role_names("carpenters", g, groups)} == {"72310"}
    assert "21300" in {g.code for g in groups if role_names("engineer", g, groups)}
    assert {g.code for g in groups if role_names("charpentiers", g, groups)} == {"72310"}


def test_the_occupations_supervisor_is_not_a_role_worked_under() -> None:
    # registered nurses report to the nurse manager; junior engineers to the project engineer
    assert works_under(["Report to the nurse manager on each shift"]) is None
    assert works_under(["Report to the project engineer on site"]) is None
    assert works_under(["Sous la supervision de l'infirmière chef, administrer les médicaments"]) is None
    # "support the nurses" is what charge nurses and educators also write: no evidence of working under them
    assert works_under(["Support the nurses on the floor during busy shifts"]) is None


def test_the_applicants_own_supervisor_is_not_supervision() -> None:
    """ "Supervisor" or "supervision" as the person the applicant reports to, or works under, shows that the
    applicant is supervised, not that they supervise."""
    for duty in (
        "Send the weekly inventory counts to the shift supervisor",
        "Perform other tasks as assigned by my supervisor",
        "Mix compounds under the pharmacist's supervision",
        "Share the daily figures with the store supervisors",
        "Travailler sous la supervision de la cheffe d'équipe",
    ):
        assert read_letter([duty]).supervises is None, duty
    for duty in ("Supervise four cashiers on the evening shift", "Supervision of 5 warehouse staff"):
        assert read_letter([duty]).supervises is not None, duty


def test_the_role_a_letter_reports_observations_to_or_calls_is_read() -> None:
    """Reporting what one observes to someone, notifying or calling them, places the applicant beside that
    occupation, not in it (a care aide tells the nurse, a guard calls the police); English and French."""
    assert works_under(["Tell the supervisor and report any swelling or bruising to the nurse"]) == "nurse"
    assert works_under(["Notify the physician when a patient's pain is not controlled"]) == "physician"
    assert works_under(["Check the doors at night and call police after a break-in"]) == "police"
    assert works_under(["Signaler les plaies de pression à l'infirmière"]) is not None
    assert works_under(["Aviser le pharmacien d'une interaction"]) is not None
    assert works_under(["Report the weekly sales figures to the store manager"]) is None
    assert works_under(["Notify the charge nurse of each admission"]) is None
