"""HTML to PDF with WeasyPrint (the `pdf` extra), fetching nothing from outside.

The report is self-contained, so the URL fetcher refuses every URL: a value
from a document that looks like a link or an image can never make the
renderer reach the network or the file system.
"""

from __future__ import annotations

from typing import Any

from checklist.errors import ChecklistError

PDF_HINT = "install PDF output with: pip install 'cec-checklist[pdf]' (WeasyPrint; on Debian also apt-get install libpango-1.0-0 libpangoft2-1.0-0)"


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"the report renderer does not fetch external resources ({url[:60]})")


def html_to_pdf(html: str) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango system libraries are missing
        raise ChecklistError(f"PDF output is not available ({exc})", hint=PDF_HINT) from exc
    return weasyprint.HTML(string=html, url_fetcher=refuse_fetch, base_url=None).write_pdf()
