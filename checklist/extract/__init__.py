"""Extraction: a classified document's typed fields, each with where it came from.

Each kind's extractor (in its folder under `checklist/kinds/`) reads the same
`TextView` and returns a `Collector`; the values are validated into the
kind's fields model, so every contract key is present and has its type.
"""

from __future__ import annotations

import logging
from typing import Any

from checklist.kinds import spec
from checklist.models.document import Classification, Document, RawDocument
from checklist.models.fields import KindFields
from checklist.text.language import detect_language
from checklist.text.view import TextView

log = logging.getLogger(__name__)


def extract(raw: RawDocument, classification: Classification) -> Document:
    """Fields of a classified document; kinds without fields get none."""
    kind_spec = spec(classification.kind)
    if kind_spec.extractor is None:
        language = detect_language(raw.text) if raw.readable else None
        return Document(raw=raw, classification=classification, language=language)
    view = TextView.from_pages(raw.pages)
    collected = kind_spec.extractor(view)
    fields = typed_fields(kind_spec.fields, collected.values)
    language = getattr(fields, "language", None) or detect_language(view.prose())
    log.debug("%s: extracted %s", raw.path, sorted(k for k, v in fields if v not in (None, [])))
    return Document(raw=raw, classification=classification, fields=fields, sources=collected.sources, language=language)


def typed_fields(model: type[KindFields], values: dict[str, Any]) -> KindFields:
    """The kind's model from an extractor's values (keys the model does not know are an extractor's notes)."""
    return model.model_validate({key: value for key, value in values.items() if key in model.model_fields})
