"""Ranked search over the 516 unit groups."""

from __future__ import annotations

import time

import pytest

from checklist.noc.text import analyze, detect_language, fold


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("registered nurse", "31301"),
        ("Software Developer", "21232"),
        ("line cook", "63200"),
        ("cashier", "65100"),
        ("long haul truck driver", "73300"),
        ("help desk technician", "22221"),
        ("carpenter", "72310"),
        ("property administrator", "13101"),
        ("Senior Accountant", "11100"),
        ("bookkeeper", "12200"),
    ],
)
def test_obvious_titles(noc_data, query: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert noc_data.search(query, limit=1)[0].code == code


def test_duties_without_title(noc_data) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Reset passwords and unlock accounts for staff\n"
        "Answer help desk tickets by phone and chat\n"
        "Set up laptops and printers for new employees"
    )
    hits = noc_data.search(text, limit=3)
    assert hits[0].code == "22221"


def test_hits_are_ranked_scored_and_typed(noc_data) -> None:  # type: ignore[no-untyped-def]
    hits = noc_data.search("civil engineer designing roads and storm sewers", limit=10)
    assert len(hits) == 10
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert hits[0].code == "21300" and hits[0].teer == 1 and hits[0].title == "Civil engineers"


def test_normalisation() -> None:
    assert analyze("Co-ordinate") == analyze("coordinate") == analyze("COORDINATING")
    assert analyze("organise") == analyze("organize")
    assert fold("Ingénieure  civile – Québec") == "ingenieure  civile - quebec"
    assert analyze("teachers") == analyze("teach")
    assert detect_language("Concevoir des travaux de voirie et préparer les plans et devis") == "fr"
    assert detect_language("Prepare the plans and the specifications") == "en"


def test_french_query(noc_data) -> None:  # type: ignore[no-untyped-def]
    text = "Concevoir des réseaux d'égouts\nPréparer les plans et devis\nSurveiller les chantiers de construction"
    assert "21300" in [h.code for h in noc_data.search(text, title="Ingénieure civile", limit=3)]


def test_search_is_fast(noc_data) -> None:  # type: ignore[no-untyped-def]
    noc_data.search("warm up", limit=1)
    text = "\n".join(["Prepare monthly financial statements", "Reconcile bank accounts", "File HST returns"] * 3)
    t0 = time.perf_counter()
    for _ in range(10):
        noc_data.search(text, title="Accountant")
    assert (time.perf_counter() - t0) / 10 < 0.1


def test_supervisory_duties_rank_the_supervisors_group(noc_data) -> None:  # type: ignore[no-untyped-def]
    """Cashiers' words, a supervisor's job: the supervision duties decide (skill-level adjustment)."""
    text = (
        "Supervise and schedule the cashiers and stock clerks of our grocery store\n"
        "Hire and train new cashiers and review their work\n"
        "Handle customer complaints, refunds and price overrides\n"
        "Count the tills at closing and prepare the daily sales report"
    )
    assert noc_data.search(text, limit=1)[0].code == "62010"


@pytest.mark.parametrize(
    ("query", "code"),
    [("Security Guard", "64410"), ("Security guard supervisor", "62029"), ("Chief security guard", "62029")],
)
def test_title_level_words_must_agree(noc_data, query: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert noc_data.search(query, limit=1)[0].code == code


def test_groups_whose_defining_level_the_letter_lacks_are_demoted(noc_data, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A cook's letter never supervises, manages or plans: chefs (plan and direct) and food service
    supervisors lose ``W_LEVEL`` of their score, cooks keep theirs; a supervisor's letter keeps its group."""
    import checklist.noc.search as search
    from tests.noc.letters import COOK, KITCHEN_SUPERVISOR

    index = noc_data.index
    with_level = search.rank(index, COOK).scores
    monkeypatch.setattr(search, "W_LEVEL", 0.0)
    without = search.rank(index, COOK).scores
    sup_without = search.rank(index, KITCHEN_SUPERVISOR).scores
    monkeypatch.undo()
    sup_with = search.rank(index, KITCHEN_SUPERVISOR).scores
    at = index.codes.index
    for code in ("62200", "62020", "60030"):
        assert with_level[at(code)] == pytest.approx(without[at(code)] * (1 - search.W_LEVEL))
    assert with_level[at("63200")] == pytest.approx(without[at("63200")])
    assert sup_with[at("62020")] == pytest.approx(sup_without[at("62020")])


def test_the_level_a_letter_reaches() -> None:
    from checklist.noc.level import Level
    from checklist.noc.search import letter_level
    from tests.noc.letters import BOOKKEEPER, COOK, KITCHEN_SUPERVISOR

    assert letter_level(COOK, "Line Cook") == Level.WORK
    assert letter_level(BOOKKEEPER, None) == Level.WORK
    assert letter_level(KITCHEN_SUPERVISOR, None) == Level.SUPERVISE
    assert letter_level(["Manage the restaurant's operations and its budget"], None) == Level.MANAGE


@pytest.mark.parametrize(
    ("title", "heads"),
    [
        ("software testing engineer", {"engin"}),
        ("Retail salespersons and visual merchandisers", {"salesperson", "merchandis"}),
        ("director of nursing", {"direct"}),
        ("nurse practitioner - pediatrics", {"practition"}),
        ("personal support worker – nursing care", {"work"}),
        ("chief financial officer (CFO)", {"offic"}),
        ("Cooks", {"cook"}),
    ],
)
def test_the_head_noun_of_a_title(title: str, heads: set[str]) -> None:
    from checklist.noc.search import title_head

    assert set(title_head(title).split()) == heads


def test_a_title_match_without_the_noc_titles_head_noun_costs(noc_data, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A "software tester" shares "software" and "testing" with "software testing engineer" but names no engineer: its match with the
    engineers' example title is discounted by ``HEAD_MISMATCH``; with a title that has the head noun, nothing changes."""
    import checklist.noc.search as search

    index = noc_data.index
    engineers = index.codes.index("21231")
    with_head = index.title_scores("software tester")[engineers]
    engineer_title = index.title_scores("software testing engineer")[engineers]
    monkeypatch.setattr(search, "HEAD_MISMATCH", 1.0)
    assert index.title_scores("software tester")[engineers] > with_head
    assert index.title_scores("software testing engineer")[engineers] == pytest.approx(engineer_title)


def test_a_practical_nurse_title_is_no_nurse_practitioner(noc_data) -> None:  # type: ignore[no-untyped-def]
    """ "Practical" (licensed practical nurses) and "practice"/"practitioner" (nurse practitioners) are different
    words for the matcher, so the title names the LPN group first."""
    from checklist.noc.text import analyze

    assert analyze("practical nurse")[0] != analyze("advanced practice nurse")[1]
    scores = noc_data.index.title_scores("Practical Nurse")
    at = noc_data.index.codes.index
    assert scores[at("32101")] > scores[at("31302")]
    assert max(range(len(scores)), key=scores.__getitem__) == at("32101")


def test_a_period_inside_a_duty_does_not_split_it() -> None:
    from checklist.noc.search import split_sentences

    assert split_sentences("Run a 40,000 sq. ft. depot with approx. 30 staff. Order parts.") == [
        "Run a 40,000 sq. ft. depot with approx. 30 staff.",
        "Order parts.",
    ]


def test_boilerplate_lines_do_not_flatten_the_duties_channel(noc_data) -> None:  # type: ignore[no-untyped-def]
    """A line that dozens of groups' NOC duties state in full ("Other tasks as assigned") is left out of the duties
    channel's mean: the scores are those of the telling lines alone. A letter of boilerplate only is still scored."""
    from checklist.noc.text import query_terms

    index = noc_data.index
    telling = [query_terms(t)[0] for t in ("Take apart and rebuild transmissions", "Replace brake pads and rotors")]
    boiler = query_terms("Other tasks as assigned")[0]
    assert index.duty_scores([*telling, boiler]) == pytest.approx(index.duty_scores(telling))
    assert max(index.duty_scores([boiler])) > 0


def test_a_vague_title_weighs_less_than_one_that_names_an_occupation(noc_data) -> None:  # type: ignore[no-untyped-def]
    """ "Coordinator" is the best title match of dozens of groups: its weight falls (``TITLE_SPREAD``) and the
    duties decide; "Dental hygienist" names one group and keeps its full weight."""
    from checklist.noc.search import title_weight

    index = noc_data.index
    assert title_weight(index.title_scores("Dental hygienist")) == 1.0
    assert title_weight(index.title_scores("Coordinator")) < 0.3
    duties = "Scale and polish teeth and apply fluoride\nTake dental x-rays and chart gum pockets"
    assert noc_data.search(duties, title="Coordinator", limit=1)[0].code == "32111"
