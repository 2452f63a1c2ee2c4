"""Is a place in Canada? Enough geography to tell a work location abroad.

Only what a letter may name: Canadian provinces and large cities say "in
Canada"; countries, U.S. states and well-known foreign cities say
"abroad". Anything else is unknown (None), never guessed.
"""

from __future__ import annotations

import re

from checklist.text.normalize import strip_accents

_CANADA = re.compile(
    r"\b(?:canada|ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|"
    r"newfoundland|prince edward island|yukon|nunavut|northwest territories|toronto|montreal|vancouver|calgary|"
    r"edmonton|ottawa|winnipeg|halifax|regina|saskatoon|victoria|mississauga|brampton|hamilton|kitchener|waterloo|"
    r"london,? on|laval|gatineau|longueuil|sherbrooke|quebec city|ville de quebec|moncton|fredericton|st\.? john'?s|"
    r"charlottetown|whitehorse|yellowknife|iqaluit|surrey|burnaby|richmond,? bc|kelowna|markham|oakville|"
    r"(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+[A-Z]\d[A-Z])\b",
    re.IGNORECASE,
)
_ABROAD = re.compile(
    r"\b(?:united states|u\.\s?s\.\s?a?\.?|usa|etats[- ]unis|seattle|new york|san francisco|los angeles|chicago|boston|"
    r"austin|dallas|houston|miami|atlanta|denver|portland,? or|washington state|california|texas|florida|"
    r"massachusetts|illinois|new jersey|united kingdom|england|london,? uk|ireland|dublin|france|paris|germany|berlin|"
    r"india|bangalore|bengaluru|mumbai|delhi|hyderabad|pune|chennai|philippines|manila|mexico|brazil|nigeria|lagos|"
    r"pakistan|china|beijing|shanghai|japan|tokyo|korea|seoul|australia|sydney|singapore|dubai|uae|"
    r"[A-Z][a-z]+,\s(?:WA|CA|NY|TX|FL|MA|IL|NJ|OR|CO|GA|AZ|WA)\s\d{5})\b",
)


def in_canada(place: str) -> bool | None:
    """True for a Canadian place, False for a place abroad, None when it cannot be told."""
    text = strip_accents(place)
    abroad, canada = _ABROAD.search(text), _CANADA.search(text)
    if abroad and not canada:
        return False
    if canada and not abroad:
        return True
    return None
