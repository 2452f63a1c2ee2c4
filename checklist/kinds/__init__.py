"""The registry of document kinds: one `KindSpec` per `DocumentKind`, each from its own folder.

Registration is explicit (each kind imported by name) and checked at import:
a kind without a spec, or a spec registered twice, fails with a message that
says what to add. Everything else asks this registry about kinds.
"""

from __future__ import annotations

from checklist.kinds import (
    employment_contract,
    ircc_letter,
    language_test,
    noa,
    other,
    pay_stub,
    reference_letter,
    study_permit,
    t4,
    unreadable,
    visitor_record,
    work_permit,
)
from checklist.kinds.base import KindSpec
from checklist.models.document import DocumentKind
from checklist.models.fields import KindFields

__all__ = ["KINDS", "KindSpec", "extracted_kinds", "report_fields", "spec", "specs"]


def _register(*found: KindSpec) -> dict[DocumentKind, KindSpec]:
    registry: dict[DocumentKind, KindSpec] = {}
    for kind_spec in found:
        if kind_spec.kind in registry:
            raise RuntimeError(
                f"document kind {kind_spec.kind.value} is registered twice in checklist/kinds/__init__.py"
            )
        registry[kind_spec.kind] = kind_spec
    missing = [kind.value for kind in DocumentKind if kind not in registry]
    if missing:
        raise RuntimeError(
            f"document kinds without a KindSpec: {', '.join(missing)}; add a folder under checklist/kinds/ "
            "and register its SPEC in checklist/kinds/__init__.py"
        )
    return dict(sorted(registry.items(), key=lambda item: item[1].order))


KINDS: dict[DocumentKind, KindSpec] = _register(
    reference_letter.SPEC,
    employment_contract.SPEC,
    pay_stub.SPEC,
    t4.SPEC,
    noa.SPEC,
    work_permit.SPEC,
    study_permit.SPEC,
    visitor_record.SPEC,
    ircc_letter.SPEC,
    language_test.SPEC,
    other.SPEC,
    unreadable.SPEC,
)


def spec(kind: DocumentKind | str) -> KindSpec:
    """The spec of a kind, by enum or by its contract name."""
    return KINDS[DocumentKind(kind)]


def specs() -> list[KindSpec]:
    """Every kind's spec, in display order."""
    return list(KINDS.values())


def extracted_kinds() -> list[DocumentKind]:
    """The kinds that have fields (and so an extractor)."""
    return [kind_spec.kind for kind_spec in specs() if kind_spec.extractor is not None]


def report_fields(kind: DocumentKind | str, fields: dict[str, object]) -> KindFields:
    """A report's fields of a document (the JSON report's dict) as its kind's typed model again,
    so what works from a report (pack, requests) reads attributes, as the checks do."""
    return spec(kind).fields.model_validate(fields)
