"""From findings to action: what to collect (todo), what to ask the employer (requests),
and the letters of explanation to complete (explanations).

Each reads the report the checks produced (its findings, evidence matrix and
fields) and the case's claims; none re-derives a rule.
"""
