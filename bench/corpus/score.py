"""Score `extract` against the independent corpus (tests/fixtures/corpus).

    /work/main/.venv/bin/python bench/corpus/score.py [--corpus tests/fixtures/corpus]
        [--cmd ".venv/bin/python -m checklist"] [--show-misses] [--json OUT] [-j N]

For every truth/*.json it runs `<cmd> extract <file> -f json` and compares the reported
kind and fields with the hand-written truth.  Standard library only.

Comparison rules
  dates      equal as ISO YYYY-MM-DD (the first 10 characters of what is reported)
  numbers    within 0.5 % of the true value
  companies  equal after dropping case, accents, punctuation and legal-form words
  persons    equal as sets of words (case, accents, punctuation, honorifics dropped)
  titles     equal as normalized strings, or difflib ratio >= 0.9
  addresses  >= 80 % of the true words present
  phones     last 10 digits equal, an extension (ext. 218, poste 305) set aside on both sides
  duties / conditions
             >= 80 % of true items found (a reported item holds >= 80 % of the true item's
             words) and not a dump (reported words <= 2 x true words + 30)
  positions  same count; each true position matched on title, start, end and hours
  leaves     same count; each true leave matched on start and end
  booleans   exact;  restrictions: equal as sets;  other strings: equal after normalization
  A value that is null in the output when the truth states one is a miss; a truth null
  passes only when the output is null (or absent).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import difflib
import json
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

DATE_FIELDS = {
    "start_date",
    "end_date",
    "letter_date",
    "period_start",
    "period_end",
    "pay_date",
    "issue_date",
    "expiry_date",
    "received_date",
    "valid_until",
    "test_date",
    "date_issued",
}
NUM_FIELDS = {
    "hours_per_week",
    "salary_amount",
    "hours",
    "gross_pay",
    "ytd_gross",
    "employment_income",
    "total_income",
    "tax_year",
    "listening",
    "reading",
    "writing",
    "speaking",
}
COMPANY_FIELDS = {"employer_name", "employer", "school"}
PERSON_FIELDS = {"employee_name", "holder_name", "signatory_name"}
TITLE_FIELDS = {"job_title", "occupation", "signatory_title"}
ADDRESS_FIELDS = {"employer_address"}
PHONE_FIELDS = {"employer_phone"}
ITEM_FIELDS = {"duties", "conditions"}
BOOL_FIELDS = {"currently_employed", "contractor", "coop", "refugee_claimant"}
SET_FIELDS = {"restrictions"}

LEGAL_FORMS = {"inc", "ltd", "ltee", "corp", "llp", "limited", "limitee", "incorporated", "corporation", "sencrl"}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mme",
    "mlle",
    "m",
    "dr",
    "dre",
    "me",
    "peng",
    "ing",
    "cpa",
    "rph",
    "dvm",
    "mv",
}
TEXT_STYLES = {"text_pdf", "docx"}
SCAN_STYLES = {"scanned", "image"}


# ------------------------------------------------------------------ normalization
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def words(s) -> list:
    s = strip_accents(str(s)).lower()
    s = re.sub(r"[.'’]", "", s)
    s = re.sub(r"[^\w]+", " ", s)
    return s.split()


def norm(s) -> str:
    return " ".join(words(s))


def is_null(v) -> bool:
    return v is None or v == "" or v == [] or v == {}


def to_num(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.replace("\u00a0", " ").replace("$", "").strip()
        if re.fullmatch(r"-?\d{1,3}( \d{3})+(,\d+)?", s) or re.fullmatch(r"-?\d+,\d{1,2}", s):
            s = s.replace(" ", "").replace(",", ".")
        s = s.replace(",", "").replace(" ", "")
        try:
            return float(s)
        except ValueError:
            m = re.search(r"-?\d+(\.\d+)?", s)
            return float(m.group()) if m else None
    return None


def to_list(v) -> list:
    if v is None:
        return []
    if isinstance(v, str):
        return [x for x in re.split(r"\n|;\s", v) if x.strip()]
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            if isinstance(x, dict):
                x = x.get("text") or x.get("value") or " ".join(str(y) for y in x.values())
            out.append(str(x))
        return out
    return [str(v)]


# ------------------------------------------------------------------ comparators
def eq_date(t, o):
    return isinstance(o, str) and o[:10] == t


def eq_num(t, o):
    on = to_num(o)
    if on is None:
        return False
    t = float(t)
    return on == t if t == 0 else abs(on - t) <= 0.005 * abs(t)


def eq_company(t, o):
    a = [w for w in words(t) if w not in LEGAL_FORMS]
    b = [w for w in words(o) if w not in LEGAL_FORMS]
    return a == b


def eq_person(t, o):
    a = {w for w in words(t) if w not in HONORIFICS}
    b = {w for w in words(o) if w not in HONORIFICS}
    return a == b


def eq_title(t, o):
    a, b = norm(t), norm(o)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def eq_address(t, o):
    tw = words(t)
    ow = set(words(o))
    return bool(tw) and sum(w in ow for w in tw) / len(tw) >= 0.8


EXTENSION = re.compile(r"(?i)\s*(?:,\s*)?(?:ext\.?|extension|x|poste|p\.)\s*\d{1,6}\s*$")


def eq_phone(t, o):
    a = re.sub(r"\D", "", EXTENSION.sub("", str(t)))[-10:]
    b = re.sub(r"\D", "", EXTENSION.sub("", str(o)))[-10:]
    return len(a) == 10 and a == b


def eq_items(t, o):
    true_items = [words(x) for x in t]
    got = [set(words(x)) for x in to_list(o)]
    if not got:
        return False
    true_words = sum(len(x) for x in true_items)
    got_words = sum(len(words(x)) for x in to_list(o))
    if got_words > 2 * true_words + 30:
        return False
    found = 0
    for item in true_items:
        if any(item and sum(w in g for w in item) / len(item) >= 0.8 for g in got):
            found += 1
    return found / len(true_items) >= 0.8


def eq_bool(t, o):
    return isinstance(o, bool) and o == t


def eq_set(t, o):
    return {norm(x) for x in t} == {norm(x) for x in to_list(o)}


def eq_str(t, o):
    return norm(t) == norm(o)


def _opt(cmp, t, o):
    if t is None:
        return is_null(o)
    if is_null(o):
        return False
    return cmp(t, o)


def eq_positions(t, o):
    if not isinstance(o, list) or len(o) != len(t):
        return False
    got = [p for p in o if isinstance(p, dict)]
    for tp in t:
        ok = False
        for op in got:
            if (
                _opt(eq_title, tp.get("job_title"), op.get("job_title"))
                and _opt(eq_date, tp.get("start_date"), op.get("start_date"))
                and _opt(eq_date, tp.get("end_date"), op.get("end_date"))
                and _opt(eq_num, tp.get("hours_per_week"), op.get("hours_per_week"))
            ):
                ok = True
                break
        if not ok:
            return False
    return True


def eq_leaves(t, o):
    if not isinstance(o, list) or len(o) != len(t):
        return False
    got = [p for p in o if isinstance(p, dict)]
    return all(
        any(
            _opt(eq_date, tl.get("start"), ol.get("start")) and _opt(eq_date, tl.get("end"), ol.get("end"))
            for ol in got
        )
        for tl in t
    )


def comparator(name):
    if name in DATE_FIELDS:
        return eq_date
    if name in NUM_FIELDS:
        return eq_num
    if name in COMPANY_FIELDS:
        return eq_company
    if name in PERSON_FIELDS:
        return eq_person
    if name in TITLE_FIELDS:
        return eq_title
    if name in ADDRESS_FIELDS:
        return eq_address
    if name in PHONE_FIELDS:
        return eq_phone
    if name in ITEM_FIELDS:
        return eq_items
    if name in BOOL_FIELDS:
        return eq_bool
    if name in SET_FIELDS:
        return eq_set
    if name == "positions":
        return eq_positions
    if name == "leaves":
        return eq_leaves
    return eq_str


def compare_field(name, truth, got) -> bool:
    try:
        return _opt(comparator(name), truth, got)
    except Exception:  # noqa: BLE001 - a malformed output value is a miss, never a crash
        return False


# ------------------------------------------------------------------ running
def run_extract(cmd, path, timeout):
    argv = shlex.split(cmd) + ["extract", str(path), "-f", "json"]
    t0 = time.time()
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", time.time() - t0
    try:
        return json.loads(p.stdout), None, time.time() - t0
    except json.JSONDecodeError:
        err = (p.stderr or p.stdout).strip().splitlines()
        return None, f"exit {p.returncode}: {err[-1] if err else 'no output'}", time.time() - t0


def pct(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="tests/fixtures/corpus")
    ap.add_argument("--cmd", default=".venv/bin/python -m checklist")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--only", help="regular expression on truth file stems")
    a = ap.parse_args(argv)

    corpus = Path(a.corpus)
    truths = sorted((corpus / "truth").glob("*.json"))
    if a.only:
        truths = [t for t in truths if re.search(a.only, t.stem)]
    if not truths:
        print(f"no truth files under {corpus / 'truth'}", file=sys.stderr)
        return 2
    items = [json.loads(t.read_text(encoding="utf-8")) for t in truths]

    def work(item):
        return item, run_extract(a.cmd, corpus / item["file"], a.timeout)

    done = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {ex.submit(work, it): n for n, it in enumerate(items)}
        for i, fut in enumerate(cf.as_completed(futs), 1):
            item, (out, err, secs) = fut.result()
            print(f"[{i}/{len(items)}] {item['file']} {secs:.1f}s{' ' + err if err else ''}", file=sys.stderr)
            done[futs[fut]] = (item, out, err, secs)
    results = [done[n] for n in range(len(items))]

    kind_tot, kind_ok = {}, {}
    fk, fs, ff = {}, {}, {}  # per kind / style / field: [ok, total]
    misses, records = [], []
    n_ok = n_tot = 0
    txt = [0, 0]
    scn = [0, 0]
    for item, out, err, secs in results:
        kind = item["kind"]
        style = item["style"]
        got_kind = (out or {}).get("kind") if isinstance(out, dict) else None
        kind_tot[kind] = kind_tot.get(kind, 0) + 1
        if got_kind == kind:
            kind_ok[kind] = kind_ok.get(kind, 0) + 1
        else:
            misses.append((item["file"], "kind", kind, got_kind if not err else f"<{err}>"))
        fields = (out or {}).get("fields") if isinstance(out, dict) else None
        fields = fields if isinstance(fields, dict) else {}
        rec = {
            "file": item["file"],
            "kind": kind,
            "style": style,
            "got_kind": got_kind,
            "error": err,
            "seconds": round(secs, 2),
            "fields": {},
        }
        for name, tv in item["fields"].items():
            gv = fields.get(name)
            ok = compare_field(name, tv, gv)
            rec["fields"][name] = {"ok": ok, "truth": tv, "got": gv}
            for d, key in ((fk, kind), (fs, style), (ff, name)):
                d.setdefault(key, [0, 0])
                d[key][0] += ok
                d[key][1] += 1
            n_ok += ok
            n_tot += 1
            bucket = txt if style in TEXT_STYLES else scn
            bucket[0] += ok
            bucket[1] += 1
            if not ok:
                misses.append((item["file"], name, tv, gv))
        records.append(rec)

    ndocs = len(results)
    nk = sum(kind_ok.values())
    print("\n== kind accuracy ==")
    print(f"overall {pct(nk, ndocs)} ({nk}/{ndocs})")
    for k in sorted(kind_tot):
        print(f"  {k:22s} {pct(kind_ok.get(k, 0), kind_tot[k])} ({kind_ok.get(k, 0)}/{kind_tot[k]})")
    for title, d in (("per kind", fk), ("per style", fs), ("per field", ff)):
        print(f"\n== field accuracy {title} ==")
        for k in sorted(d):
            ok, tot = d[k]
            print(f"  {k:22s} {pct(ok, tot)} ({ok}/{tot})")
    if a.show_misses:
        print("\n== misses ==")
        for f, name, tv, gv in misses:
            tv_s = json.dumps(tv, ensure_ascii=False)
            gv_s = json.dumps(gv, ensure_ascii=False) if not isinstance(gv, str) or not gv.startswith("<") else gv
            if len(tv_s) > 160:
                tv_s = tv_s[:157] + "..."
            if len(gv_s) > 160:
                gv_s = gv_s[:157] + "..."
            print(f"  {f}  {name}: want {tv_s}  got {gv_s}")
    summary = {
        "kind_acc": nk / ndocs if ndocs else 0.0,
        "field_acc": n_ok / n_tot if n_tot else 0.0,
        "field_acc_text": txt[0] / txt[1] if txt[1] else 0.0,
        "field_acc_scan": scn[0] / scn[1] if scn[1] else 0.0,
        "docs": ndocs,
        "fields": n_tot,
    }
    if a.json_out:
        Path(a.json_out).write_text(
            json.dumps({"summary": summary, "documents": records}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    print()
    print(
        f"kind_acc={summary['kind_acc']:.3f} field_acc={summary['field_acc']:.3f} "
        f"field_acc_text={summary['field_acc_text']:.3f} field_acc_scan={summary['field_acc_scan']:.3f} "
        f"docs={ndocs} fields={n_tot}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
