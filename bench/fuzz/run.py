"""A long randomized fuzz run over every reader and extractor.

Run: python bench/fuzz/run.py [--seconds 300] [--seed N] [--out DIR] [--real-ocr]

Same seeds and mutators as the CI suite (`tests/fuzz/corpus.py`), but random
(a new seed each run unless --seed is given) and bounded by time, not by a
number of examples. Each input is one of:

- a mutated seed file (PDF, DOCX, image, text, other) through the whole
  `understand` step (read, classify, extract), with the default limits;
- random bytes behind a `%PDF-1.7` header, through `understand`;
- a mutated text handed to every extractor (not only its kind's) and `classify`;
- once, at the start, every hostile file of the corpus (bombs, deep nesting,
  absurd sizes).

A crash is an exception escaping, a reader failing in a way it does not
handle (the UNEXPECTED reason), or an input outliving twice the time limit
per document (an extractor hang: the reader's own limit does not cover
extraction). Each crash and the slowest input are saved under --out (a new
temporary folder by default) with their traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import resource
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklist.ingest import UNEXPECTED  # noqa: E402
from checklist.ingest.limits import ReadLimits, ReadTimeout, time_limit  # noqa: E402
from checklist.pipeline import understand  # noqa: E402
from tests.fuzz import corpus  # noqa: E402
from tests.fuzz.test_fuzz_extractors import extract_as_every_kind, raw_document, texts  # noqa: E402


class LastTraceback(logging.Handler):
    """Keeps the traceback the readers log (at debug level) when their safety net catches a failure."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.text = ""

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.text = "".join(traceback.format_exception(*record.exc_info))


LAST_TRACEBACK = LastTraceback()


@dataclass
class Tally:
    tried: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: dict[str, list[str]] = field(default_factory=dict)  # signature -> saved inputs
    slowest: dict[str, tuple[float, str, str]] = field(default_factory=dict)  # group -> seconds, input, saved path

    def timed(self, out: Path, group: str, what: str, seconds: float, data: bytes, suffix: str) -> None:
        """Keep the slowest input of each group (hostile files, mutated inputs)."""
        if seconds > self.slowest.get(group, (0.0, "", ""))[0]:
            saved = _save(out, f"slowest-{group}", data, suffix, f"{what}: {seconds:.3f} s\n")
            self.slowest[group] = (seconds, what, str(saved))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=300, help="how long to run (default 300)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    parser.add_argument("--out", type=Path, default=None, help="where crashing and slowest inputs are saved")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=ReadLimits().max_seconds,
        help="time limit per document (default: ReadLimits' default)",
    )
    parser.add_argument("--real-ocr", action="store_true", help="run the real OCR recognition (slow)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # decoders warn about every damaged input; crashes are what count

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    out = args.out or Path(tempfile.mkdtemp(prefix="cec-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cec-fuzz-work-"))
    limits = ReadLimits(max_seconds=args.max_seconds)
    if not args.real_ocr:
        _fake_ocr()
    ingest_log = logging.getLogger("checklist.ingest")
    ingest_log.setLevel(logging.DEBUG)
    ingest_log.propagate = False  # the run prints its own summary, not every repaired file
    ingest_log.addHandler(LAST_TRACEBACK)
    tally = Tally()
    seeds = corpus.seeds()
    text_seeds = texts()
    print(f"seed {seed}; {len(seeds)} seed files, {len(text_seeds)} seed texts; crashes saved to {out}", flush=True)

    started = time.monotonic()
    hostile = {
        **corpus.hostile_files(),
        "pdf-bomb-over-default-limit.pdf": corpus.pdf_bomb(ReadLimits().max_unzipped_bytes + (8 << 20)),
        "docx-bomb-over-default-limit.docx": corpus.docx_bomb(ReadLimits().max_unzipped_bytes + (1 << 20)),
        "pdf-huge-content-40000-ops.pdf": corpus.pdf_huge_content(40_000),
        "pdf-slow-pages-50x4000-ops.pdf": corpus.pdf_huge_content(4_000, pages=50),
    }
    hostile.update({f"regression-{path.name}": path.read_bytes() for path in sorted(corpus.REGRESSIONS.iterdir())})
    for name, data in hostile.items():
        _one(tally, out, work, limits, "hostile-files", data, Path(name).suffix, name)
    count = 0
    while time.monotonic() - started < args.seconds:
        count += 1
        roll = rng.random()
        if roll < 0.25:
            text = rng.choice(text_seeds)
            for _ in range(rng.randint(1, 4)):
                text = corpus.mutate_text(text, rng)
            _extractors(tally, out, text, rng.randint(1, 3), args.max_seconds)
            continue
        if roll < 0.30:
            data, target, suffix = corpus.random_after_pdf_header(rng), "pdf-random-tail", ".pdf"
        else:
            seed_file = rng.choice(seeds)
            data = corpus.mutate(seed_file, rng, rng.choice((1, 1, 2, 3, 5)))
            target, suffix = f"mutated-{seed_file.kind}", seed_file.suffix
        _one(tally, out, work, limits, target, data, suffix)
        if count % 500 == 0:
            slowest = tally.slowest.get("mutated", (0.0,))[0]
            print(
                f"{time.monotonic() - started:7.0f} s  {sum(tally.tried.values()):7d} inputs  "
                f"{len(tally.crashes)} crash kinds  slowest mutated input {slowest:.2f} s",
                flush=True,
            )
    elapsed = time.monotonic() - started
    _report(tally, elapsed, seed, out, args.json)
    return 1 if tally.crashes else 0


def _one(
    tally: Tally, out: Path, work: Path, limits: ReadLimits, target: str, data: bytes, suffix: str, name: str = ""
) -> None:
    tally.tried[target] += 1
    target = f"{target}:{name}" if name else target
    path = work / f"input{suffix}"
    path.write_bytes(data)
    started = time.monotonic()
    signature, trace = "", ""
    LAST_TRACEBACK.text = ""
    try:
        with time_limit(2 * limits.max_seconds if limits.max_seconds else None):
            doc = understand(path, work, limits)
        if doc.raw.error and UNEXPECTED in doc.raw.error:
            trace = LAST_TRACEBACK.text
            signature = f"unhandled in reader: {_signature(trace) if trace else doc.raw.error[:150]}"
        tally.outcomes[f"{target}: {doc.kind.value}"] += 1
    except ReadTimeout:
        signature = f"hang: {target} outlived {2 * (limits.max_seconds or 0):g} s (classify/extract)"
        trace = traceback.format_exc()
    except Exception:  # noqa: BLE001 - what the run is looking for
        trace = traceback.format_exc()
        signature = _signature(trace)
    seconds = time.monotonic() - started
    if signature:
        saved = _save(out, "crash", data, suffix, trace or signature)
        tally.crashes.setdefault(signature, []).append(str(saved))
        print(f"CRASH {signature}\n  input saved to {saved}", flush=True)
    tally.timed(out, "hostile" if name else "mutated", target, seconds, data, suffix)


def _extractors(tally: Tally, out: Path, text: str, pages: int, max_seconds: float | None) -> None:
    tally.tried["mutated-text-to-every-extractor"] += 1
    started = time.monotonic()
    try:
        with time_limit(2 * max_seconds if max_seconds else None):
            extract_as_every_kind(raw_document(text, pages))
    except (Exception, ReadTimeout):  # noqa: BLE001
        trace = traceback.format_exc()
        signature = _signature(trace)
        saved = _save(out, "crash", text.encode("utf-8"), ".txt", trace)
        tally.crashes.setdefault(signature, []).append(str(saved))
        print(f"CRASH {signature}\n  input saved to {saved}", flush=True)
    seconds = time.monotonic() - started
    tally.timed(out, "mutated", "mutated-text-to-every-extractor", seconds, text.encode("utf-8"), ".txt")


def _signature(trace: str) -> str:
    """The exception type and the innermost frame in this project's code: one line per distinct bug."""
    lines = trace.strip().splitlines()
    frames = [line.strip() for line in lines if line.strip().startswith("File ") and "/checklist/" in line]
    return f"{lines[-1][:150]} at {frames[-1] if frames else '?'}"


def _save(out: Path, kind: str, data: bytes, suffix: str, note: str) -> Path:
    if kind.startswith("slowest"):
        for old in out.glob(f"{kind}.*"):
            old.unlink()
        path = out / f"{kind}{suffix}"
    else:
        path = out / f"crash-{len(list(out.glob('crash-*'))) // 2:04d}{suffix}"
    path.write_bytes(data)
    path.with_name(path.name + ".txt").write_text(note, encoding="utf-8")
    return path


def _fake_ocr() -> None:
    """Keep OCR's decoders, skip its slow recognition (as the CI suite does)."""
    try:
        from checklist.ingest import images, ocr  # type: ignore[attr-defined]  # being written; optional
    except ImportError:
        return
    fake = SimpleNamespace(
        load_images=ocr.load_images,
        render_pdf_pages=ocr.render_pdf_pages,
        get_engine=lambda *a, **k: None,
        ocr_image=lambda image, engine: SimpleNamespace(text="OCR text of a scanned page", confidence=0.5),
    )
    images._ocr_module = lambda: fake  # type: ignore[attr-defined]


def _report(tally: Tally, elapsed: float, seed: int, out: Path, json_path: Path | None) -> None:
    total = sum(tally.tried.values())
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{total} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s), seed {seed}, max RSS {max_rss_mb:.0f} MB")
    for target, tried in sorted(tally.tried.items()):
        print(f"  {target:34} {tried:7d}")
    print(f"crashes: {sum(len(v) for v in tally.crashes.values())} ({len(tally.crashes)} distinct)")
    for signature, saved in tally.crashes.items():
        print(f"  {len(saved)} x {signature}\n      first input: {saved[0]}")
    for group, (seconds, target, saved_path) in sorted(tally.slowest.items()):
        print(f"slowest {group} input: {seconds:.2f} s ({target}), saved to {saved_path}")
    if json_path:
        json_path.write_text(
            json.dumps(
                {
                    "seed": seed,
                    "seconds": round(elapsed, 1),
                    "inputs": total,
                    "by_target": dict(tally.tried),
                    "outcomes": dict(tally.outcomes),
                    "max_rss_mb": round(max_rss_mb),
                    "crashes": {signature: saved for signature, saved in tally.crashes.items()},
                    "slowest": {
                        group: {"seconds": round(seconds, 3), "input": what, "saved": saved}
                        for group, (seconds, what, saved) in tally.slowest.items()
                    },
                    "out": str(out),
                },
                indent=2,
                sort_keys=True,
            ),
            encoding="utf-8",
        )


if __name__ == "__main__":
    sys.exit(main())
