"""Language test results: IELTS General Training, CELPIP-General, PTE Core, TEF Canada, TCF Canada.

One result is uploaded in its own slot of the e-APR, so it goes in no
position's file. IELTS Academic and PTE Academic results are recognised as
such (their `test` says so) and never count as an accepted result.
"""

from __future__ import annotations

from checklist.kinds.base import KindSpec
from checklist.kinds.language_test.extractor import extract_language_test
from checklist.kinds.language_test.fields import LanguageTestFields
from checklist.kinds.language_test.profile import PROFILE
from checklist.models.document import DocumentKind

SPEC = KindSpec(
    kind=DocumentKind.LANGUAGE_TEST,
    label="language test result",
    plural="Language test results",
    fields=LanguageTestFields,
    profile=PROFILE,
    extractor=extract_language_test,
    key_fields=("test", "test_date", "clb"),
    person_field="holder_name",
    pack="none",
    date_fields=("test_date",),
    order=8,
)
