"""Positions a letter tells in sentences, each with the dates, hours and pay of its own part."""

from __future__ import annotations

from checklist.kinds.reference_letter.prose_positions import prose_positions


def _summary(prose: str) -> list[tuple[object, ...]]:
    return [
        (p.job_title, str(p.start_date), str(p.end_date), p.hours_per_week, p.salary_amount, p.salary_period)
        for p in prose_positions(prose)
    ]


def test_two_positions_in_one_sentence_split_at_then() -> None:
    prose = (
        "Northgate Pharmacy Ltd. 12 March 2025 To whom it may concern, Ms Lina Haddad joined our store "
        "on 4 April 2021 as a Pharmacy Assistant (25 hours per week, $17.40 per hour) until 30 June 2023, "
        "then as Pharmacy Technician from 1 July 2023 (37.5 hours per week, $52,000 per year)."
    )
    assert _summary(prose) == [
        ("Pharmacy Assistant", "2021-04-04", "2023-06-30", 25.0, 17.4, "hour"),
        ("Pharmacy Technician", "2023-07-01", "None", 37.5, 52000.0, "year"),
    ]


def test_a_promotion_told_in_a_later_sentence_ends_the_first_position_the_day_before() -> None:
    prose = (
        "Mr Tomas Reyes was hired on 6 January 2020 as a Welder. He worked 40 hours per week at $24.00 per hour. "
        "On 15 May 2022 he was promoted to Welding Foreman, at $31.50 per hour and 44 hours per week. "
        "He still holds this role."
    )
    assert _summary(prose) == [
        ("Welder", "2020-01-06", "2022-05-14", 40.0, 24.0, "hour"),
        ("Welding Foreman", "2022-05-15", "None", 44.0, 31.5, "hour"),
    ]


def test_french_positions_split_at_puis() -> None:
    prose = (
        "Nous attestons que M. Karim Benali travaille chez nous depuis le 2 mai 2019. Du 2 mai 2019 au "
        "31 mars 2021, il a travaillé à titre de commis d'entrepôt, 35 heures par semaine, à 18,50 $ l'heure; "
        "puis, depuis le 1er avril 2021, à titre de chef d'équipe, 40 heures par semaine, au salaire annuel de 51 000 $."
    )
    assert _summary(prose) == [
        ("commis d'entrepôt", "2019-05-02", "2021-03-31", 35.0, 18.5, "hour"),
        ("chef d'équipe", "2021-04-01", "None", 40.0, 51000.0, "year"),
    ]


def test_one_position_or_one_title_named_twice_is_left_to_the_letters_own_rules() -> None:
    assert prose_positions("She joined us on 3 March 2022 as a Baker. As Baker she proofs and bakes bread.") == []
    assert prose_positions("He worked as a Cook since 2021, reporting to the Head Chef.") == []


def test_a_second_title_without_a_date_of_its_own_makes_no_positions() -> None:
    prose = "She joined on 3 March 2022 as a Baker, and sometimes worked as Cashier when the store was busy."
    assert prose_positions(prose) == []
