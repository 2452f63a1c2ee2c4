"""Fuzzing the extractors: every extractor, fed every kind of mutated text, returns fields.

Inputs are what readers hand over (tidied page text): the layout fixtures and
the text of the sample documents, mutated line by line (dropped, repeated,
shuffled, digits changed, absurd values inserted). Each text goes to every
extractor, not only the one its kind would pick, and through `classify`.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checklist.classify import classify
from checklist.extract import extract
from checklist.ingest import read_document
from checklist.ingest.layout import tidy
from checklist.kinds import extracted_kinds
from checklist.models.document import Classification, Document, Page, RawDocument, ReadMethod
from tests.fuzz import corpus
from tests.fuzz.conftest import fuzz_settings


@cache
def texts() -> tuple[str, ...]:
    """Text of every seed as its reader sees it (the fixtures, and the samples read once)."""
    found = [seed.data.decode("utf-8") for seed in corpus.seeds_of("text")]
    root = corpus.SAMPLES
    for seed in corpus.seeds():
        path = root / seed.name
        if seed.kind in ("pdf", "docx") and path.is_file():
            raw = read_document(path, root)
            if raw.readable:
                found.append(raw.text)
    return tuple(found)


def raw_document(text: str, pages: int = 1) -> RawDocument:
    lines = text.split("\n")
    cut = max(1, len(lines) // pages)
    chunks = ["\n".join(lines[i : i + cut]) for i in range(0, len(lines), cut)] or [""]
    return RawDocument(
        path="fuzzed.txt",
        size=len(text),
        file_format="text",
        pages=[
            Page(number=number, text=tidy(chunk), method=ReadMethod.PLAIN_TEXT)
            for number, chunk in enumerate(chunks, 1)
        ],
    )


def extract_as_every_kind(raw: RawDocument) -> None:
    classify(raw)
    for kind in extracted_kinds():
        document = extract(raw, Classification(kind=kind, score=1.0))  # raising here is the bug
        assert isinstance(document, Document) and document.kind is kind


@fuzz_settings(150)
@given(
    index=st.integers(0, 10_000),
    rnd=st.randoms(use_true_random=False),
    rounds=st.integers(1, 4),
    pages=st.integers(1, 3),
)
def test_every_extractor_on_mutated_documents(index: int, rnd: random.Random, rounds: int, pages: int) -> None:
    text = texts()[index % len(texts())]
    for _ in range(rounds):
        text = corpus.mutate_text(text, rnd)
    extract_as_every_kind(raw_document(text, pages))


@fuzz_settings(60)
@given(text=st.text(max_size=3000))
def test_every_extractor_on_arbitrary_text(text: str) -> None:
    extract_as_every_kind(raw_document(text))


def test_the_seed_texts_cover_every_kind() -> None:
    kinds = {classify(raw_document(text)).kind for text in texts()}
    assert set(extracted_kinds()) <= kinds, set(extracted_kinds()) - kinds


def test_samples_are_from_this_repository() -> None:
    assert all(
        Path(corpus.SAMPLES, seed.name).is_file() or seed.name.startswith(("made/", "layouts/", "kinds/"))
        for seed in corpus.seeds()
    )
