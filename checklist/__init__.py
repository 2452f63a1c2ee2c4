"""cec-checklist: does a CEC applicant's evidence prove the Express Entry claims?"""

from __future__ import annotations

__version__ = "0.1.0"
