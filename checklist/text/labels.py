"""The labels employment letters and contracts print before a value ("Job title:", "Date d'embauche :",
"Hours per week:"), in English and French. A label starts its line; the value follows it or sits below."""

from __future__ import annotations

import re

LABELS = {
    "title": re.compile(
        r"(?i)^(?:job\s+title|position(?:\s+(?:title|held))?|title|designation|occupation|poste(?:\s+occupé)?|titre(?:\s+du\s+poste)?|fonction|emploi(?:\s+occupé)?)(?:\s*\d{1,2})?\b\s*:?"
    ),
    "period": re.compile(
        r"(?i)^(?:period(?:\s+of\s+employment)?|période(?:\s+d[’']emploi)?|dates?(?:\s+of\s+employment)?|employment\s+dates|durée)\s*:"
    ),
    "start": re.compile(
        r"(?i)^(?:(?:start(?:ing)?\s+date|date\s+of\s+(?:hire|hiring|joining|appointment|employment)|(?:hire|joining|hiring)\s+date|employed\s+since|employment\s+start(?:\s+date)?|in\s+service\s+since|(?:date\s+of\s+)?commencement|date\s+d[’']embauche|date\s+d[’']entrée(?:\s+en\s+fonction)?|date\s+de\s+début)\b\s*:?|(?:from|du|début)\s*:)"
    ),
    "end": re.compile(
        r"(?i)^(?:(?:(?:employment\s+)?end\s+date|last\s+(?:working\s+)?day(?:\s+of\s+(?:work|employment))?|(?:termination|separation|relieving|leaving)\s+date|date\s+of\s+(?:relieving|leaving|separation|termination|departure|exit)|separation|date\s+de\s+(?:fin|départ|cessation)(?:\s+d[’']emploi)?)\b\s*:?|(?:to|until|au|fin)\s*:)"
    ),
    "hours": re.compile(
        r"(?i)^(?:(?:working\s+|work\s+|regular\s+|scheduled\s+|normal\s+)?hours(?:\s+(?:per|/)\s*week|\s+of\s+work|\s+worked)?|weekly\s+(?:hours|schedule)|heures(?:\s+(?:par\s+semaine|hebdomadaires|de\s+travail))?|horaire(?:\s+(?:de\s+travail|hebdomadaire))?|régime\s+de\s+travail)\b\s*:?"
    ),
    "salary": re.compile(
        r"(?i)^(?:(?:gross\s+)?(?:(?:annual|yearly|monthly|weekly|hourly)\s+)?(?:salary|remuneration|compensation|wage|pay)|hourly\s+rate|rate(?:\s+of\s+pay)?|salaire(?:\s+(?:annuel|mensuel))?|rémunération(?:\s+annuelle)?|taux\s+horaire)\b\s*:?"
    ),
}
