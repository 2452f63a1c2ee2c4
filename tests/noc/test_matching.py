"""Duty matching: the evidence behind the duties.* checks (synthetic letters)."""

from __future__ import annotations

import pytest

from checklist.noc import match_duties

HELP_DESK = [
    "Answer support tickets, calls and chat messages from staff in every branch",
    "Reset passwords and unlock user accounts in Active Directory",
    "Set up laptops, monitors and printers for new employees",
    "Guide users through fixes for email and VPN problems over the phone",
    "Log each incident and how it was solved in the ticketing tool",
    "Escalate server and network outages to the infrastructure team",
]
ERP_ANALYST = [
    "Interview department managers to document how they use the ERP and CRM systems",
    "Map business processes and recommend system changes that remove manual work",
    "Write functional specifications for the development team",
    "Coordinate user acceptance testing and follow defects until they are fixed",
    "Prepare cost-benefit analyses of new software and present them to management",
]


def test_matching_letter(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21222", ERP_ANALYST, "Information Systems Analyst")
    assert not m.mismatch and m.lead_statement_matched and m.judgeable
    assert len(m.duties) == len(noc_data.get("21222").main_duties)
    assert m.claimed_rank is not None and 1 <= m.claimed_rank <= 516
    assert len(m.best_fits) == 3 and not m.copied_from_noc


def test_help_desk_claimed_as_systems_analyst_is_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21222", HELP_DESK, "Systems Analyst")
    assert m.mismatch
    assert "22221" in [h.code for h in m.best_fits]
    assert m.claimed_rank > 3
    assert any("fit the duties better" in r or "lead statement" in r for r in m.reasons)


def test_same_letter_for_its_own_group(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "22221", HELP_DESK, "IT Support Technician")
    assert not m.mismatch and m.claimed_rank <= 3 and m.best_fits[0].code in {"22221", "22220"}
    evidenced = [d for d in m.duties if d.matched]
    assert evidenced and all(d.letter_duty in HELP_DESK for d in evidenced)


def test_copied_duties(noc_data) -> None:  # type: ignore[no-untyped-def]
    noc = list(noc_data.get("62200").main_duties[:4])
    letter = [
        noc[0].replace("Plan", "plan").rstrip("."),
        noc[1],
        noc[2].replace("co-ordinate", "coordinate"),
        "Keep the walk-in cooler organised and clean",
    ]
    m = match_duties(noc_data, "62200", letter, "Chef")
    assert m.copied_from_noc
    assert len(m.copied) >= 2 and all(c.code == "62200" and c.similarity >= 0.9 for c in m.copied)
    own_words = match_duties(
        noc_data,
        "62200",
        [
            "Create new dishes and write the seasonal menu with the owner",
            "Run the line on busy nights and direct the cooks",
            "Order meat and produce and keep food costs under target",
        ],
        "Chef",
    )
    assert not own_words.copied_from_noc and not own_words.copied


def test_french_letter_is_not_a_false_blocker(noc_data) -> None:  # type: ignore[no-untyped-def]
    duties = [
        "Concevoir des réseaux d'aqueduc et d'égouts pour les municipalités",
        "Calculer le débit des eaux pluviales des nouveaux quartiers",
        "Préparer les plans et devis et les estimations de quantités",
        "Inspecter les chantiers et vérifier la conformité des travaux",
    ]
    m = match_duties(noc_data, "21300", duties, "Ingénieure civile")
    assert m.language == "fr"
    assert not m.mismatch


def test_unreadable_french_cannot_be_judged(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21300", ["Bidouiller les trucs du machin", "Patenter les bébelles du gréement"], None)
    assert not m.judgeable and not m.mismatch and not m.weak_coverage


def test_too_little_text_is_not_judged(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "21232", ["Coding"], None)
    assert not m.judgeable and not m.mismatch


def test_unknown_code(noc_data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="not a NOC 2021 unit group"):
        match_duties(noc_data, "99999", HELP_DESK, None)


# --- plausible claims are never a blocker; TEER inflation is -------------------

LOGISTICS = [  # the letter of sample case s08: a careful coder accepts 13201
    "Book inbound and outbound truckloads with our carriers and confirm pickup and delivery appointments",
    "Track shipments in our TMS and warn customers and the warehouse about delays",
    "Schedule dock doors and the receiving crew with the warehouse supervisors each morning",
    "Prepare bills of lading and customs paperwork for cross-border loads to the U.S.",
    "Check stock levels of packaging and pallets and reorder before they run out",
    "Report weekly on on-time delivery, freight costs and carrier performance",
]
KITCHEN_HELPER = [
    "Wash dishes, pots, pans and cutting boards by hand and in the dish machine",
    "Sweep and mop the kitchen floor and empty the garbage and recycling bins",
    "Peel and chop vegetables for the cooks before lunch service",
    "Put away the produce and dry goods deliveries in the walk-in and storeroom",
]
DENTAL_ASSISTANT = [
    "Set up the operatory and sterilize the instruments between patients",
    "Pass instruments to the dentist and keep the mouth dry with suction during fillings",
    "Take dental x-rays and pour impressions for study models",
    "Book recall appointments and explain home care after treatment",
]
COOK = [  # the letter of sample case s03: kitchen helpers (65201) fit its words too
    "Cook the dishes on our menu (curries, tandoori, biryani and the daily specials) during lunch and dinner service",
    "Prep ingredients and make the sauces, marinades and breads before service",
    "Show the two kitchen helpers what to prep and check their work",
    "Count the stock every week, keep the fridge temperature log and tell me what to order",
    "Help plan the weekly specials and work out portion sizes and food cost",
]


@pytest.mark.parametrize("title", ["Logistics Coordinator", None])
def test_logistics_coordinator_is_not_a_mismatch(noc_data, title) -> None:  # type: ignore[no-untyped-def]
    """Regression: shippers and receivers (14400, TEER 4) fit these words a bit better, but 13201 is a
    plausible fit (in the top 3, most of the best score): no blocker."""
    m = match_duties(noc_data, "13201", LOGISTICS, title)
    assert m.judgeable and not m.mismatch
    assert m.claimed_rank <= 3 and m.fit_ratio >= 0.75
    assert not any("fit the duties better" in r for r in m.reasons)


def test_sibling_of_the_same_minor_group_is_not_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    # ERP analysis is business systems (21221) work; information systems specialists (21222) and
    # database analysts (21223) are the same minor group 2122: a coder accepts either claim
    for code in ("21221", "21222", "21223"):
        m = match_duties(noc_data, code, ERP_ANALYST, "Business Analyst")
        assert not m.mismatch, code


def test_cook_whose_words_fit_kitchen_helpers_is_not_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "63200", COOK, "Cook")
    assert not m.mismatch and m.claimed_rank <= 2


@pytest.mark.parametrize(
    ("duties", "title", "claimed", "real"),
    [
        (KITCHEN_HELPER, "Kitchen Helper", "62200", "65201"),  # kitchen helper claimed as chef
        (DENTAL_ASSISTANT, "Dental Assistant", "32111", "33100"),  # dental assistant claimed as hygienist
    ],
)
def test_teer_inflation_is_a_mismatch(noc_data, duties, title, claimed, real) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, claimed, duties, title)
    assert m.mismatch
    assert any(real in r and "TEER" in r for r in m.reasons)
    assert real in [h.code for h in m.best_fits]
    own = match_duties(noc_data, real, duties, title)
    assert not own.mismatch


def test_help_desk_is_a_mismatch_even_when_the_title_names_the_claim(noc_data) -> None:  # type: ignore[no-untyped-def]
    # dev06: the letter calls the job "Systems Analyst" (a 21222 title) but every duty is help desk work
    m = match_duties(noc_data, "21222", HELP_DESK, "Systems Analyst")
    assert m.mismatch and m.fit_ratio < 0.55
    assert "22221" in [h.code for h in m.best_fits]


def test_duty_match_fields_are_stable() -> None:
    from checklist.noc.matching import DutyEvidence, DutyMatch

    assert set(DutyMatch.model_fields) == {
        "claimed_code",
        "claimed_title",
        "language",
        "judgeable",
        "lead_statement_score",
        "lead_statement_matched",
        "duties",
        "matched_duties",
        "best_fits",
        "claimed_rank",
        "claimed_score",
        "fit_ratio",
        "copied",
        "mismatch",
        "weak_coverage",
        "copied_from_noc",
        "reasons",
    }
    assert set(DutyEvidence.model_fields) == {"main_duty", "letter_duty", "score", "matched", "closeness"}


def test_bookkeeper_claimed_as_accountant_is_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    from tests.noc.letters import BOOKKEEPER

    for title in ("Bookkeeper", None):
        m = match_duties(noc_data, "11100", BOOKKEEPER, title)
        assert m.mismatch and not m.lead_statement_matched
        assert m.best_fits[0].code == "12200"
    assert not match_duties(noc_data, "12200", BOOKKEEPER, "Bookkeeper").mismatch


def test_cook_claimed_as_food_service_supervisor_is_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    from tests.noc.letters import COOK

    for title in ("Cook", "Food Service Supervisor", None):
        m = match_duties(noc_data, "62020", COOK, title)
        assert m.mismatch and not m.lead_statement_matched
        assert any("supervising staff" in r for r in m.reasons)


def test_true_cook_letter_is_not_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    from tests.noc.letters import COOK

    for title in ("Line Cook", None):
        assert not match_duties(noc_data, "63200", COOK, title).mismatch


def test_a_real_supervisor_letter_matches_its_lead_statement(noc_data) -> None:  # type: ignore[no-untyped-def]
    from tests.noc.letters import KITCHEN_SUPERVISOR

    m = match_duties(noc_data, "62020", KITCHEN_SUPERVISOR, "Cafeteria Supervisor")
    assert not m.mismatch and m.lead_statement_matched
    assert any(d.matched and d.main_duty.startswith("Supervise") for d in m.duties)


def test_the_duty_table_never_shows_an_unstated_duty_as_evidenced(noc_data) -> None:  # type: ignore[no-untyped-def]
    from tests.noc.letters import BOOKKEEPER, COOK

    for code, letter in (("62020", COOK), ("11100", BOOKKEEPER), ("63200", COOK)):
        m = match_duties(noc_data, code, letter, None)
        for row in m.duties:
            if row.matched:
                assert row.letter_duty in letter and row.closeness != "not stated"
            else:
                assert row.letter_duty is None and row.closeness == "not stated"
        # the supervisor's supervising duties share words with a cook's letter, never its action
        if code == "62020":
            assert not [d for d in m.duties if d.matched and "upervise" in d.main_duty]
            assert m.matched_duties == 0


ASSISTANT = [  # our own wording: a care aide who works under the nurses
    "Help residents bathe, dress and eat their meals",
    "Turn and reposition residents in bed and help them walk to the dining room",
    "Take temperatures and blood pressure and report changes to the nurse",
    "Provide personal care under the direction of the RN on the unit",
]


def test_a_letter_working_under_the_claimed_occupation_is_a_mismatch(noc_data) -> None:  # type: ignore[no-untyped-def]
    m = match_duties(noc_data, "31301", ASSISTANT, None)
    # the first role read: "report changes to the nurse" (the RN further down names the same group)
    assert m.mismatch and any("working under or assisting the nurse" in r for r in m.reasons)
    assert not match_duties(noc_data, "33102", ASSISTANT, None).mismatch


def test_a_title_naming_the_claim_overrides_the_role_worked_under(noc_data) -> None:  # type: ignore[no-untyped-def]
    sous_chef = [
        "Assist the chef with the weekly menu and the costing of new dishes",
        "Run the line on the chef's days off and direct the cooks",
        "Order meat, fish and produce and check deliveries",
    ]
    m = match_duties(noc_data, "62200", sous_chef, "Sous-Chef")
    assert not any("working under" in r for r in m.reasons)
    assert any("working under or assisting the chef" in r for r in match_duties(noc_data, "62200", sous_chef).reasons)


AIDE_DE_CUISINE = [  # our own wording, as a Québec employer writes it
    "Laver la vaisselle, les chaudrons et les ustensiles à la main et au lave-vaisselle",
    "Éplucher et couper les légumes pour les cuisiniers avant le service",
    "Balayer et laver le plancher de la cuisine et sortir les poubelles",
    "Ranger les livraisons dans l'entrepôt et la chambre froide",
]


def test_a_well_understood_french_letter_is_judged_like_an_english_one(noc_data) -> None:  # type: ignore[no-untyped-def]
    """A kitchen helper claimed as a cook: in English the less skilled neighbour that fits better makes it a
    mismatch; a French letter whose words are known (``FULL_FR_COVERAGE``) is held to the same rule."""
    m = match_duties(noc_data, "63200", AIDE_DE_CUISINE, "Aide de cuisine")
    assert m.language == "fr" and m.judgeable and m.mismatch
    assert "65201" in [h.code for h in m.best_fits]
    assert not match_duties(noc_data, "65201", AIDE_DE_CUISINE, "Aide de cuisine").mismatch


def test_a_french_title_counts_in_search(noc_data) -> None:  # type: ignore[no-untyped-def]
    hits = noc_data.search("\n".join(AIDE_DE_CUISINE), title="Aide de cuisine", limit=3)
    assert hits[0].code == "65201"


def test_a_sentence_sharing_only_some_words_does_not_evidence_a_duty(noc_data) -> None:  # type: ignore[no-untyped-def]
    """Sample s03: "Show the two kitchen helpers what to prep and check their work" shares "kitchen" and "work"
    with "May clean kitchen and work area" but does not state it (below ``DUTY_MATCH``, two shared terms)."""
    m = match_duties(noc_data, "63200", COOK, "Cook")
    row = next(d for d in m.duties if d.main_duty.startswith("May clean kitchen"))
    assert not row.matched and row.letter_duty is None
    assert any(d.matched for d in m.duties)


def test_a_short_sentence_that_states_a_long_duty_evidences_it(noc_data) -> None:  # type: ignore[no-untyped-def]
    from checklist.noc.matching import DUTY_MATCH, SHARED_MATCH

    letter = [
        "Carry out scheduled maintenance: oil changes, tire rotations and fluid flushes",
        "Road-test vehicles after repairs and explain the work done to the service advisor",
        "Repair and replace steering, suspension, brake and exhaust components",
    ]
    m = match_duties(noc_data, "72410", letter, "Automotive Technician")
    row = next(d for d in m.duties if d.main_duty.startswith("Perform scheduled maintenance"))
    assert row.matched and row.letter_duty == letter[0]
    assert SHARED_MATCH <= row.score < DUTY_MATCH  # shown for its shared words, not its cosine


def test_a_strict_duty_table_adds_no_weak_coverage_warning(noc_data) -> None:  # type: ignore[no-untyped-def]
    """Weak coverage counts duties reached at the looser ``SUPPORT_MATCH``: rows hidden from the table for lack of
    evidence do not turn a well-covered letter into a warning."""
    from checklist.noc.matching import _evidence
    from checklist.noc.text import query_terms

    index = noc_data.index
    vecs = [index.sentence_vector(query_terms(s)[0]) for s in COOK]
    rows, loose = _evidence(index, noc_data.get("63200").main_duties, COOK, vecs)
    assert loose >= sum(r.matched for r in rows)
    assert not match_duties(noc_data, "63200", COOK, "Cook").weak_coverage


def test_the_level_gap_names_a_group_whose_level_the_letter_reaches(noc_data) -> None:  # type: ignore[no-untyped-def]
    """A cook's letter claimed as food service supervisor: the group named as fitting as well is one that does
    the work itself, not chefs (who plan and direct, a level the letter does not show either)."""
    from tests.noc.letters import COOK

    m = match_duties(noc_data, "62020", COOK, None)
    named = [r for r in m.reasons if r.endswith("as well or better")]
    assert named and "62200" not in named[0]


def test_cook_claimed_as_chef_is_a_mismatch_by_the_chefs_exclusion_note(noc_data) -> None:  # type: ignore[no-untyped-def]
    """Chefs (62200) plan and direct the cooking; their exclusion note names Cooks (63200). A letter that
    only cooks, prepares and cleans stays below that line, even when the chef group ranks first."""
    duties = [
        "Cook steaks, burgers and pasta to order on the grill and saute stations during dinner service",
        "Prep vegetables, sauces and proteins each morning from the prep list and recipe cards",
        "Label, date and rotate product in the walk-in cooler",
        "Clean and sanitize the line and fryers at close",
    ]
    m = match_duties(noc_data, "62200", duties, "Line Cook")
    assert m.mismatch and any("planning, designing or directing" in r for r in m.reasons)
    assert not match_duties(noc_data, "63200", duties, "Line Cook").mismatch
