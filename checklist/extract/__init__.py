"""Extraction: typed fields for each document kind, each with where it came from.

One extractor per kind, all reading the same `TextView`. The result is
validated against the kind's model in `checklist.models.fields`, so every
contract key is present and every value has its type.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from checklist.extract.collector import Collector
from checklist.extract.contract import extract_contract
from checklist.extract.letter import extract_letter
from checklist.extract.noa import extract_noa
from checklist.extract.paystub import extract_paystub
from checklist.extract.permit import extract_permit
from checklist.extract.t4 import extract_t4
from checklist.models.document import Classification, Document, DocumentKind, RawDocument
from checklist.models.fields import FIELD_MODELS
from checklist.text.language import detect_language
from checklist.text.view import TextView

log = logging.getLogger(__name__)

EXTRACTORS: dict[DocumentKind, Callable[[TextView], Collector]] = {
    DocumentKind.REFERENCE_LETTER: extract_letter,
    DocumentKind.PAY_STUB: extract_paystub,
    DocumentKind.WORK_PERMIT: extract_permit,
    DocumentKind.T4: extract_t4,
    DocumentKind.NOA: extract_noa,
    DocumentKind.EMPLOYMENT_CONTRACT: extract_contract,
}


def extract(raw: RawDocument, classification: Classification) -> Document:
    """Fields of a classified document; kinds without fields get none."""
    kind = classification.kind
    if kind not in EXTRACTORS:
        language = detect_language(raw.text) if raw.readable else None
        return Document(raw=raw, classification=classification, language=language)
    view = TextView.from_pages(raw.pages)
    collected = EXTRACTORS[kind](view)
    fields = _typed(kind, collected.values)
    language = fields.get("language") or detect_language(view.prose())
    sources = {name: source.model_dump(mode="json") for name, source in collected.sources.items()}
    log.debug("%s: extracted %s", raw.path, sorted(k for k, v in fields.items() if v not in (None, [])))
    return Document(raw=raw, classification=classification, fields=fields, sources=sources, language=language)


def _typed(kind: DocumentKind, values: dict[str, Any]) -> dict[str, Any]:
    model = FIELD_MODELS[kind]
    known = {key: value for key, value in values.items() if key in model.model_fields}
    return model.model_validate(known).model_dump()
