#!/usr/bin/env python3
"""Check the frozen independent NOC benchmark and print its statistics.

Loads descriptions.yaml and pairs.yaml from this folder, checks their structure,
checks every NOC code against the Statistics Canada NOC 2021 V1.0 classification
structure CSV (when it is present), checks that ids are unique, checks the minimum
counts the set was written to meet, and prints the statistics quoted in README.md.

Standard library + PyYAML only.  Exit status 0 when every check passes, 1 otherwise.

    python bench/noc/independent/validate.py [--noc-data PATH] [--dir DIR]
"""

import argparse
import collections
import csv
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_NOC = "/work/shared/noc2021/noc_2021_version_1.0_-_classification_structure.csv"

# Minimums the set was written to meet.
MIN_ENTRIES = 320
MIN_CODES = 160
MIN_FR_SHARE = 0.20
MIN_BOUNDARY_SHARE = 1 / 3
MIN_CORRECT = 80
MIN_MISMATCHED = 80
MIN_CODES_PER_BOUNDARY = 2  # "several entries on each side" of a boundary
REQUIRED_BOUNDARIES = {
    "cook-chef-supervisor": {"63200", "62200", "62020"},
    "bookkeeping-accounting": {"14200", "12200", "11100", "10010"},
    "nursing-care": {"31301", "32101", "33102"},
    "software-it": {"21232", "21231", "21222", "21234", "22221"},
    "admin-office": {"13100", "13110", "14100", "14101"},
    "retail-sales": {"64100", "62010", "60020"},
}

TEER_NAMES = {
    "0": "management",
    "1": "university degree",
    "2": "college diploma / apprenticeship (2+ yrs) / supervisory",
    "3": "college (<2 yrs) / apprenticeship (<2 yrs)",
    "4": "high school / several weeks training",
    "5": "short demonstration / no formal education",
}


def load_noc(path):
    unit, broad = {}, {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["Code - NOC 2021 V1.0"].strip()
            if row["Level"].strip() == "5":
                unit[code] = row["Class title"].strip()
            elif row["Level"].strip() == "1":
                broad[code] = row["Class title"].strip()
    return unit, broad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--noc-data", default=DEFAULT_NOC, help="NOC 2021 V1.0 classification structure CSV (default: %(default)s)"
    )
    ap.add_argument("--dir", default=HERE, help="folder holding descriptions.yaml and pairs.yaml")
    args = ap.parse_args(argv)

    errors, warnings = [], []

    def err(msg):
        errors.append(msg)

    with open(os.path.join(args.dir, "descriptions.yaml"), encoding="utf-8") as fh:
        desc = yaml.safe_load(fh)
    with open(os.path.join(args.dir, "pairs.yaml"), encoding="utf-8") as fh:
        pairs = yaml.safe_load(fh)

    unit, broad = {}, {}
    if os.path.exists(args.noc_data):
        unit, broad = load_noc(args.noc_data)
        if len(unit) != 516:
            warnings.append(f"NOC file has {len(unit)} unit groups (expected 516)")
    else:
        warnings.append(f"NOC data not found at {args.noc_data}: code existence NOT checked")

    # ---------------------------------------------------------------- descriptions
    if not isinstance(desc, list):
        err("descriptions.yaml must be a list")
        desc = []
    by_id = {}
    allowed = {"id", "code", "title", "language", "hard", "boundary", "duties"}
    for i, e in enumerate(desc):
        where = f"descriptions[{i}]"
        if not isinstance(e, dict):
            err(f"{where}: not a mapping")
            continue
        eid = e.get("id")
        where = f"{where} ({eid})"
        extra = set(e) - allowed
        if extra:
            err(f"{where}: unknown keys {sorted(extra)}")
        for k in ("id", "code", "title", "language", "hard", "duties"):
            if k not in e:
                err(f"{where}: missing '{k}'")
        if not isinstance(eid, str) or not re.fullmatch(r"ind-\d{3,}", eid or ""):
            err(f"{where}: id must look like ind-001")
        elif eid in by_id:
            err(f"{where}: duplicate id")
        else:
            by_id[eid] = e
        code = e.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"\d{5}", code or ""):
            err(f"{where}: code must be a quoted 5-digit string, got {code!r}")
        elif unit and code not in unit:
            err(f"{where}: code {code} is not a NOC 2021 V1.0 unit group")
        if not isinstance(e.get("title"), str) or not e.get("title", "").strip():
            err(f"{where}: title must be a non-empty string")
        if e.get("language") not in ("en", "fr"):
            err(f"{where}: language must be en or fr")
        if not isinstance(e.get("hard"), bool):
            err(f"{where}: hard must be true/false")
        if "boundary" in e and (not isinstance(e["boundary"], str) or not e["boundary"]):
            err(f"{where}: boundary must be a non-empty string when present")
        du = e.get("duties")
        if not isinstance(du, list) or not du or not all(isinstance(x, str) and x.strip() for x in du):
            err(f"{where}: duties must be a non-empty list of strings")

    ok_desc = [
        e for e in desc if isinstance(e, dict) and isinstance(e.get("code"), str) and isinstance(e.get("duties"), list)
    ]

    # ---------------------------------------------------------------- pairs
    correct = (pairs or {}).get("correct") or []
    mism = (pairs or {}).get("mismatched") or []
    seen_pairs = set()
    gaps = collections.Counter()
    for lst_name, lst in (("correct", correct), ("mismatched", mism)):
        for i, p in enumerate(lst):
            where = f"pairs.{lst_name}[{i}]"
            if not isinstance(p, dict):
                err(f"{where}: not a mapping")
                continue
            d, c = p.get("description"), p.get("claimed")
            if d not in by_id:
                err(f"{where}: unknown description {d!r}")
                continue
            if not isinstance(c, str) or not re.fullmatch(r"\d{5}", c or ""):
                err(f"{where}: claimed must be a quoted 5-digit string, got {c!r}")
                continue
            if unit and c not in unit:
                err(f"{where}: claimed {c} is not a NOC 2021 V1.0 unit group")
            key = (d, c)
            if key in seen_pairs:
                err(f"{where}: duplicate pair {key}")
            seen_pairs.add(key)
            own = by_id[d]["code"]
            if lst_name == "correct":
                if c != own and not p.get("why"):
                    err(f"{where}: sibling claim {c} for {d} ({own}) needs a 'why'")
            else:
                if c == own:
                    err(f"{where}: mismatched claim equals the description's own code")
                if not p.get("why"):
                    err(f"{where}: mismatched pair needs a 'why'")
                kind = p.get("kind")
                if kind not in ("boundary-up", "unrelated"):
                    err(f"{where}: kind must be boundary-up or unrelated")
                if kind == "boundary-up":
                    if not int(c[1]) <= int(own[1]):
                        err(f"{where}: boundary-up claim {c} is at a lower skill level (higher TEER) than {own}")
                    gaps[int(own[1]) - int(c[1])] += 1

    # ---------------------------------------------------------------- statistics
    n = len(ok_desc)
    codes = collections.Counter(e["code"] for e in ok_desc)
    teer = collections.Counter(e["code"][1] for e in ok_desc)
    teer_codes = collections.Counter(c[1] for c in codes)
    cat = collections.Counter(e["code"][0] for e in ok_desc)
    cat_codes = collections.Counter(c[0] for c in codes)
    lang = collections.Counter(e.get("language") for e in ok_desc)
    hard = [e for e in ok_desc if e.get("hard") is True]
    bnd = collections.defaultdict(list)
    for e in ok_desc:
        if e.get("boundary"):
            bnd[e["boundary"]].append(e)
    n_bnd = sum(len(v) for v in bnd.values())
    lengths = collections.Counter(len(e["duties"]) for e in ok_desc)
    terse = sum(v for k, v in lengths.items() if k <= 3)
    wordy = sum(v for k, v in lengths.items() if k >= 8)
    prose = sum(1 for e in ok_desc if len(e["duties"]) <= 3 and any(len(x) > 180 for x in e["duties"]))
    generic_re = re.compile(
        r"(other (related |administrative )?(duties|tasks)|as assigned|as required|health and safety polic|toute autre tâche)",
        re.I,
    )
    generic = sum(1 for e in ok_desc if any(generic_re.search(x) for x in e["duties"]))
    n_sib = sum(
        1
        for p in correct
        if isinstance(p, dict) and p.get("description") in by_id and p.get("claimed") != by_id[p["description"]]["code"]
    )
    kinds = collections.Counter(p.get("kind") for p in mism if isinstance(p, dict))
    mis_bnd_fam = collections.Counter(
        by_id[p["description"]].get("boundary") or "(other families, no boundary tag)"
        for p in mism
        if isinstance(p, dict) and p.get("kind") == "boundary-up" and p.get("description") in by_id
    )

    # ---------------------------------------------------------------- minimum counts
    if n < MIN_ENTRIES:
        err(f"only {n} descriptions (need >= {MIN_ENTRIES})")
    if len(codes) < MIN_CODES:
        err(f"only {len(codes)} distinct unit groups (need >= {MIN_CODES})")
    for t in "012345":
        if not teer[t]:
            err(f"no description in TEER {t}")
    for b in "0123456789":
        if not cat[b]:
            err(f"no description in broad category {b}")
    if n and lang["fr"] / n < MIN_FR_SHARE:
        err(f"French share {lang['fr']}/{n} below {MIN_FR_SHARE:.0%}")
    if n and n_bnd / n < MIN_BOUNDARY_SHARE:
        err(f"boundary share {n_bnd}/{n} below one third")
    for fam, need in REQUIRED_BOUNDARIES.items():
        have = {e["code"] for e in bnd.get(fam, [])}
        if not need <= have:
            err(f"boundary {fam}: codes {sorted(need - have)} have no entry")
    for fam, es in bnd.items():
        per = collections.Counter(e["code"] for e in es)
        if len(per) < 2:
            err(f"boundary {fam}: entries on only one side")
        for c_, k in per.items():
            if fam in REQUIRED_BOUNDARIES and c_ in REQUIRED_BOUNDARIES[fam] and k < MIN_CODES_PER_BOUNDARY:
                err(f"boundary {fam}: only {k} entry on {c_}")
    if len(correct) < MIN_CORRECT:
        err(f"only {len(correct)} correct pairs (need >= {MIN_CORRECT})")
    if len(mism) < MIN_MISMATCHED:
        err(f"only {len(mism)} mismatched pairs (need >= {MIN_MISMATCHED})")
    if mism and kinds["boundary-up"] * 2 < len(mism):
        err(f"only {kinds['boundary-up']} of {len(mism)} mismatched pairs are boundary-up (need half)")

    # ---------------------------------------------------------------- report
    out = print
    out("# Independent NOC benchmark: statistics (from validate.py)")
    out()
    out(f"NOC data: {args.noc_data if unit else '(not found: codes not checked)'}")
    out(f"Descriptions: {n}   distinct unit groups: {len(codes)}   hard: {len(hard)} ({len(hard) / max(n, 1):.1%})")
    out(f"Language: en {lang['en']} ({lang['en'] / max(n, 1):.1%}), fr {lang['fr']} ({lang['fr'] / max(n, 1):.1%})")
    out(f"On a named boundary: {n_bnd} ({n_bnd / max(n, 1):.1%}) in {len(bnd)} families")
    out(
        f"Duty-list length: terse (<= 3 items) {terse}, wordy (>= 8 items) {wordy}, "
        f"prose paragraphs split into 2-3 strings {prose}; entries with a generic line {generic}"
    )
    out()
    out("## Per TEER")
    out()
    out("| TEER | meaning | descriptions | unit groups |")
    out("|---|---|---:|---:|")
    for t in "012345":
        out(f"| {t} | {TEER_NAMES[t]} | {teer[t]} | {teer_codes[t]} |")
    out()
    out("## Per broad category")
    out()
    out("| cat. | title | descriptions | unit groups |")
    out("|---|---|---:|---:|")
    for b in "0123456789":
        out(f"| {b} | {broad.get(b, '')} | {cat[b]} | {cat_codes[b]} |")
    out()
    out("## Per boundary family")
    out()
    out("| boundary | entries | fr | hard | entries per unit group |")
    out("|---|---:|---:|---:|---|")
    for fam in sorted(bnd, key=lambda f: (-len(bnd[f]), f)):
        es = bnd[fam]
        per = collections.Counter(e["code"] for e in es)
        per_s = ", ".join(f"{c_} x{k}" for c_, k in sorted(per.items(), key=lambda z: (-z[1], z[0])))
        out(
            f"| {fam} | {len(es)} | {sum(e['language'] == 'fr' for e in es)} | {sum(e['hard'] for e in es)} | {per_s} |"
        )
    out(
        f"| (none) | {n - n_bnd} | {sum(1 for e in ok_desc if not e.get('boundary') and e['language'] == 'fr')} | "
        f"{sum(1 for e in ok_desc if not e.get('boundary') and e['hard'])} | {len({e['code'] for e in ok_desc if not e.get('boundary')})} unit groups |"
    )
    out()
    out("## Pairs")
    out()
    out(f"correct: {len(correct)} ({len(correct) - n_sib} own code, {n_sib} close sibling)")
    out(f"mismatched: {len(mism)} (boundary-up {kinds['boundary-up']}, unrelated {kinds['unrelated']})")
    out(
        "boundary-up TEER gap: "
        + ", ".join(
            (f"same TEER, higher-responsibility role: {k}" if g == 0 else f"{g} TEER up: {k}")
            for g, k in sorted(gaps.items())
        )
    )
    named = sum(k for f, k in mis_bnd_fam.items() if f in REQUIRED_BOUNDARIES)
    out(f"boundary-up on the six named boundaries: {named}; on other families: {kinds['boundary-up'] - named}")
    used = {q.get("description") for q in correct + mism if isinstance(q, dict)} & set(by_id)
    fr_c = sum(
        1 for q in correct if isinstance(q, dict) and by_id.get(q.get("description"), {}).get("language") == "fr"
    )
    fr_m = sum(1 for q in mism if isinstance(q, dict) and by_id.get(q.get("description"), {}).get("language") == "fr")
    hard_own = {
        q["description"]
        for q in correct
        if isinstance(q, dict)
        and q.get("description") in by_id
        and q.get("claimed") == by_id[q["description"]]["code"]
        and by_id[q["description"]].get("hard") is True
    }
    out(
        f"pairs use {len(used)} distinct descriptions; on French letters: correct {fr_c}, mismatched {fr_m}; "
        f"hard entries in correct with their own code: {len(hard_own)} of {len(hard)}"
    )
    out(
        "boundary-up by family: "
        + ", ".join(f"{f} {k}" for f, k in sorted(mis_bnd_fam.items(), key=lambda z: (-z[1], z[0])))
    )
    out()
    for w in warnings:
        out(f"WARNING: {w}")
    if errors:
        for e in errors:
            out(f"ERROR: {e}")
        out(f"FAILED: {len(errors)} error(s)")
        return 1
    out("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
