"""Pay stubs as payroll systems lay them out (invented people and amounts)."""

from __future__ import annotations

import datetime as dt

from checklist.kinds.pay_stub.extractor import extract_paystub
from tests.support.views import view_of

PREMIUM_AND_TOTAL = """\
Beacon Hill Patrol Ltd.                                                   PAY STATEMENT
 Employee:            Ines Carvalho                Pay period:       Mar 2, 2025 to Mar 15, 2025
 Employee ID:         BH-1107                      Pay Date:         Mar 21, 2025
Earnings                               Rate            Hours            Current              YTD
Regular                                20.00           70.00           1,400.00          7,000.00
Overtime                               30.00            4.00             120.00            480.00
Weekend premium                         2.00           16.00              32.00            160.00
Total hours paid                                       74.00
Gross Pay                                                              1,552.00          7,640.00
"""


def test_premium_hours_are_not_more_hours_and_the_printed_total_wins() -> None:
    values = extract_paystub(view_of(PREMIUM_AND_TOTAL)).values
    assert values["hours"] == 74.0
    assert values["gross_pay"] == 1552.0
    assert values["ytd_gross"] == 7640.0


HEADER_ROW_OVER_ADDRESS = """\
Saltire Movers Inc.                                   PAY ADVICE
                                     Period Start     Period End        Pay Date
     OLUWASEUN BANKOLE
     41 KING ST W                       2025-04-06       2025-04-19        2025-04-25
     MONCTON NB E1C 4M7             Employee No.               Position
"""


def test_dates_in_a_header_row_two_lines_down_each_from_its_own_column() -> None:
    values = extract_paystub(view_of(HEADER_ROW_OVER_ADDRESS)).values
    assert (values["period_start"], values["period_end"], values["pay_date"]) == (
        dt.date(2025, 4, 6),
        dt.date(2025, 4, 19),
        dt.date(2025, 4, 25),
    )
    assert values["employee_name"] != "PAY ADVICE"


FRENCH_FOOTER = """\
Boulangerie des Deux Rives inc.                                    TALON DE PAIE
 Période du                     au                        Date de paie
 2 mars 2025                    15 mars 2025              20 mars 2025
 Gains                                  Heures        Taux        Montant        Cumul annuel
 Heures régulières                       75,00       19,00       1 425,00           7 125,00
 Total brut                                                      1 425,00           7 125,00
Salarié : Élodie Mercier-Haddad — boulangère — dépôt direct ****2210
"""


def test_a_french_stub_with_total_brut_and_the_employee_in_the_footer() -> None:
    values = extract_paystub(view_of(FRENCH_FOOTER)).values
    assert values["employee_name"] == "Élodie Mercier-Haddad"
    assert (values["gross_pay"], values["ytd_gross"], values["hours"]) == (1425.0, 7125.0, 75.0)


def test_a_name_that_starts_like_a_label_is_still_a_name() -> None:
    """ "AU" opens both "AURÉLIE" and the French label "au": only a whole label cell is skipped."""
    text = (
        "Westfold Surveys Ltd.                                     Earnings Statement\n"
        "                                              AURÉLIE DUBOIS-KANE\n"
        "                                              43 King Drive\n"
        "                                              Ottawa ON K1P 5N2\n"
        "                                                   NON-NEGOTIABLE\n"
    )
    assert extract_paystub(view_of(text)).values["employee_name"] == "AURÉLIE DUBOIS-KANE"


PERIOD_ENDING_ONLY = """\
CEDAR FLATS MILLWORK LTD.
Period ending: Mar 9, 2024                 Pay date: Mar 15, 2024
 Code                 Hrs        Rate        This pay        Year to date
 REG                36.00       21.00          756.00            6,804.00
 OT                  4.00       31.50          126.00              378.00
 TOTAL              40.00                      882.00            7,182.00
 Deductions                                  This pay        Year to date
"""


def test_a_stub_that_prints_only_its_period_end_has_no_start_and_a_bare_total_is_the_gross() -> None:
    values = extract_paystub(view_of(PERIOD_ENDING_ONLY)).values
    assert "period_start" not in values  # never the end date, nor the pay date
    assert (str(values["period_end"]), str(values["pay_date"])) == ("2024-03-09", "2024-03-15")
    assert (values["hours"], values["gross_pay"], values["ytd_gross"]) == (40.0, 882.0, 7182.0)


def test_a_week_ending_label_in_french_and_a_posting_date() -> None:
    text = (
        "Ferme Lachance inc.\n"
        "Salarié : Diego Ramos             Période se terminant le : 15/06/2024\n"
        "Posting date: 2024-06-20\n"
    )
    values = extract_paystub(view_of(text)).values
    assert (str(values["period_end"]), str(values["pay_date"])) == ("2024-06-15", "2024-06-20")
