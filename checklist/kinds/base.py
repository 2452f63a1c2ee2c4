"""What the rest of the code may ask of a document kind: one `KindSpec` per kind.

A kind's folder under `checklist/kinds/` holds everything the tool knows of
that kind: its fields model (`fields.py`), its keyword profile
(`profile.py`), its extractor (`extractor.py`) and the `SPEC` that ties them
together with how the kind is named, shown, matched and packed. Report, web
page, pack and the name checks read the registry (`checklist.kinds`); no
other module lists kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checklist.models.document import DocumentKind
from checklist.models.fields import KindFields, NoFields
from checklist.text.dates import in_document_date_order

if TYPE_CHECKING:
    from checklist.kinds.collector import Collector
    from checklist.text.view import TextView

PackGroup = Literal["position", "status", "none"]
Profile = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class KindSpec:
    """Everything the rest of the code asks of one document kind."""

    kind: DocumentKind
    label: str  # "reference letter": in sentences
    plural: str  # "Reference letters": as a heading
    fields: type[KindFields] = NoFields
    profile: Profile = ()  # (regex, weight) pairs scored by classify
    extractor: Callable[[TextView], Collector] | None = None
    key_fields: tuple[str, ...] = ()  # the few fields that show the file was understood (web page)
    person_field: str | None = None  # the field naming the applicant (name.mismatch)
    employer_field: str | None = None  # the field naming the employer
    matched_by_employer: bool = False  # the document is evidence for the job whose employer it names
    pack: PackGroup = "none"  # the upload file it goes in: the position's, the status documents', or none
    shared_by_employer: bool = False  # a promotion's positions share it (letter, contract, T4)
    pack_rank: int = 0  # where it comes in a position's upload file; kinds of one rank go together
    pack_by_date: bool = False  # ordered by its date in the upload file (else as found)
    date_fields: tuple[str, ...] = ()  # fields that date the document, best first (pack order and titles)
    status_document: bool = False  # an IRCC status document (permit, visitor record, IRCC letter)
    order: int = 99  # where the kind comes in lists of documents (web page, pack read-me)

    def __post_init__(self) -> None:
        for name in (*self.key_fields, *self.date_fields, self.person_field, self.employer_field):
            if name is not None and name not in self.fields.model_fields:
                raise ValueError(f"kind {self.kind.value}: '{name}' is not a field of {self.fields.__name__}")
        if (self.extractor is None) != (self.fields is NoFields):
            raise ValueError(f"kind {self.kind.value}: a kind with fields needs an extractor, and only such a kind")
        if self.extractor is not None and not getattr(self.extractor, "reads_document_dates", False):
            # Every extractor reads numeric dates in the order its document uses (03/11/2020).
            object.__setattr__(self, "extractor", in_document_date_order(self.extractor))
