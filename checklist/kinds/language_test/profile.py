"""Keyword profile of a language test result: (pattern, weight) pairs, English and French.

A test's name alone is not enough (job ads and enrolment letters name
tests too): it takes the name with a result's title, its skills or its
level scale."""

from __future__ import annotations

PROFILE: tuple[tuple[str, float], ...] = (
    (
        r"test report form|official score report|score report|attestation de r[ée]sultats|r[ée]sultats? (?:du|au) (?:test|TEF|TCF)",
        3,
    ),
    # A test's name counts once, however many tests a text names (a job ad asking for "IELTS 7 or CELPIP 8").
    (
        (
            r"\bIELTS\b|international english language testing system|\bCELPIP\b|canadian english language proficiency index"
            r"|\bPTE (?:Core|Academic)\b|pearson test of english|\be?-?TEF\b|test d[’']?\s*[ée]valuation de fran[çc]ais"
            r"|\bTCF\b|test de connaissance du fran[çc]ais"
        ),
        3,
    ),
    (r"\blistening\b.{0,200}\breading\b|\breading\b.{0,200}\blistening\b|compr[ée]hension (?:orale|de l[’']oral)", 2),
    (r"\bspeaking\b|expression orale", 1),
    (r"overall (?:band )?score|band score|\bCEFR\b|\bCECR\b|\bNCLC\b|canadian language benchmark", 2),
)
