"""What the IRCC portal accepts: one place for its limits and file types.

The portal refuses files of "4 MB" or more; we take 4,000,000 bytes, the
stricter reading, so that a file we call fine is never refused.
"""

from __future__ import annotations

MAX_BYTES = 4_000_000
ACCEPTED_SUFFIXES = frozenset({".pdf", ".tiff", ".tif", ".jpg", ".jpeg", ".png", ".doc", ".docx"})
