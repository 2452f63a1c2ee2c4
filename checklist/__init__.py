"""cec-checklist: does a CEC applicant's evidence prove the Express Entry claims?

Public API: `load_case`, `check_case`, `__version__`. Imports are lazy so that
quick commands (`noc search`, `rules`) start fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "check_case", "load_case"]


def __getattr__(name: str) -> Any:
    if name == "load_case":
        from checklist.casefile import load_case

        return load_case
    if name == "check_case":
        from checklist.pipeline import check_case

        return check_case
    raise AttributeError(f"module 'checklist' has no attribute {name!r}")
