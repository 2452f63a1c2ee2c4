"""cec-checklist: does a CEC applicant's evidence prove the Express Entry claims?

Public API: `load_case`, `check_case`, `__version__`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from checklist.casefile import load_case  # noqa: E402
from checklist.checking import check_case  # noqa: E402

__all__ = ["__version__", "check_case", "load_case"]
