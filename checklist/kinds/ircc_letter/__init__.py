"""Letters from IRCC about a pending application: acknowledgements of receipt,
interim authorizations to work (maintained status, R186(u)) and R186(w)
letters (PGWP pending): the proof that work after a permit's expiry was
authorized."""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.ircc_letter.extractor import extract_ircc_letter
from checklist.kinds.ircc_letter.fields import IrccLetterFields
from checklist.kinds.ircc_letter.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.IRCC_LETTER,
    label="IRCC letter",
    plural="IRCC letters",
    fields=IrccLetterFields,
    profile=PROFILE,
    extractor=extract_ircc_letter,
    key_fields=("letter_type", "application_type", "received_date", "valid_until"),
    person_field="holder_name",
    pack="status",
    date_fields=("letter_date", "received_date"),
    status_document=True,
    order=9,
)
