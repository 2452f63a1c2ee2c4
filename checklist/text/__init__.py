"""Text know-how every document kind shares, one home per piece: the text view
and its tables, dates, money, hours, names and companies, contacts and
addresses, language, and folding for comparison."""
