"""Letters written for the level tests (our own wording, not NOC text): a bookkeeper and a line cook."""

BOOKKEEPER = [
    "Entered supplier bills and customer payments in Sage 50 every morning",
    "Matched the chequing and credit card statements to the general ledger at each month end",
    "Ran the bi-weekly payroll for 14 staff and sent the source deductions to the CRA",
    "Filed the quarterly GST/HST returns and kept the receipts binder in order",
    "Produced the trial balance and handed the year-end working papers to our outside CPA",
]
COOK = [
    "Cook pasta, risotto and grilled fish to order on the hot line during dinner service",
    "Make the soups, stocks and sauces from scratch each morning following the house recipes",
    "Portion and plate dishes so every plate looks the same before it goes out",
    "Clean down the station, label and rotate product in the walk-in at the end of each shift",
    "Check deliveries of produce and meat and put them away at the right temperature",
]
KITCHEN_SUPERVISOR = [
    "Supervise a team of 9 cooks and dishwashers in the hospital cafeteria on the day shift",
    "Draw up the weekly staff schedule and assign stations to each worker",
    "Order food and paper supplies from our distributors and keep the stock counts",
    "Train new staff on food safety, allergen handling and portion sizes",
    "Check that trays leave the kitchen on time and meet the dietitian's orders",
]
