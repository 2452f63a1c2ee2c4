"""Score the extractors on the tuning set (tests/fixtures/tuning), in process, as text and as scans.

    .venv/bin/python bench/corpus/tuning.py [--scans] [--show-misses] [--only REGEX]

The tuning set is ours to tune on (the frozen corpus in tests/fixtures/corpus is not).  Each
document is read as the text a PDF text layer gives; with --scans it is also drawn as a page
image (tilted, grey, low contrast: a phone photo or a poor scan) and read back through OCR, so the
OCR path is scored on the same truths.  Fields are compared with the frozen corpus scorer's rules
(bench/corpus/score.py), over the fields each document states.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from score import compare_field

from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import (
    _read_bytes,
    _read_text,
    sniff,
)
from checklist.ingest.limits import ReadLimits
from checklist.models.document import RawDocument
from tests.fixtures.tuning import DOCUMENTS


def read_as_text(doc: dict) -> RawDocument:
    """The document as a text layer gives it."""
    data = doc["text"].encode("utf-8")
    return RawDocument(
        path=doc["name"] + ".txt", size=len(data), file_format="text", pages=_read_text(data, ReadLimits())
    )


def read_as_scan(doc: dict) -> RawDocument:
    """The document drawn as a poor page photo and read back by OCR."""
    from tests.fixtures.tuning.render import photo_of

    data = photo_of(doc["text"], seed=len(doc["name"]))
    return RawDocument(
        path=doc["name"] + ".jpg",
        size=len(data),
        file_format="image",
        pages=_read_bytes(data, sniff.JPEG, ReadLimits()),
    )


def fields_json(document) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(document.fields.model_dump_json()) if document.fields is not None else {}


def score(docs: list[dict], reader, label: str, show: bool) -> dict:  # type: ignore[no-untyped-def]
    kinds = [0, 0]
    per_kind: dict[str, list[int]] = {}
    per_field: dict[str, list[int]] = {}
    misses = []
    started = time.perf_counter()
    for doc in docs:
        raw = reader(doc)
        document = extract(raw, classify(raw))
        kinds[1] += 1
        kinds[0] += document.kind.value == doc["kind"]
        if document.kind.value != doc["kind"]:
            misses.append((doc["name"], "kind", doc["kind"], document.kind.value))
        got = fields_json(document)
        for name, truth in doc["fields"].items():
            ok = compare_field(name, truth, got.get(name))
            for table, key in ((per_kind, doc["kind"]), (per_field, name)):
                table.setdefault(key, [0, 0])
                table[key][0] += ok
                table[key][1] += 1
            if not ok:
                misses.append((doc["name"], name, truth, got.get(name)))
    seconds = time.perf_counter() - started
    ok = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    print(f"\n== {label}: {len(docs)} documents, {seconds / max(1, len(docs)):.2f} s each ==")
    print(f"kind accuracy {kinds[0] / kinds[1]:.3f}   field accuracy {ok / total:.3f} ({ok}/{total})")
    for key, (good, count) in sorted(per_kind.items()):
        print(f"  {key:22s} {good / count:.3f} ({good}/{count})")
    print("  per field:")
    for key, (good, count) in sorted(per_field.items()):
        print(f"    {key:20s} {good / count:.3f} ({good}/{count})")
    if show:
        for name, field, truth, got in misses:
            print(
                f"  miss {name} {field}: want {json.dumps(truth, ensure_ascii=False)} got {json.dumps(got, ensure_ascii=False)[:120]}"
            )
    return {"kind_acc": kinds[0] / kinds[1], "field_acc": ok / total, "seconds_per_doc": seconds / max(1, len(docs))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scans", action="store_true", help="also score the documents drawn as photos and OCR'd")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--only", help="regular expression on document names")
    a = ap.parse_args(argv)
    docs = [d for d in DOCUMENTS if not a.only or re.search(a.only, d["name"])]
    score(docs, read_as_text, "text", a.show_misses)
    if a.scans:
        score(docs, read_as_scan, "scans", a.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
