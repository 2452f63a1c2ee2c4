"""NOC 2021 V1.0 subsystem: reference data, search and duty matching.

Public API::

    data = load_noc_data(resolve_noc_dir(cli_option))   # NocData, raises NocDataError
    data.get("21232")                                    # UnitGroup | None
    data.search("line cook", limit=10)                   # list[SearchHit], best first
    data.successors_2016("2174")                         # ["21230", "21231", ...]
    match_duties(data, "21222", duties, title)           # DutyMatch
    install_noc_data(folder_or_urls, dest, progress)     # Path of the install

Imports are lazy: importing ``checklist.noc`` loads neither pydantic models
nor data until a name is used, so the CLI starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checklist.noc.data import NocData
    from checklist.noc.matching import CopiedDuty, DutyEvidence, DutyMatch, match_duties
    from checklist.noc.models import SearchHit, UnitGroup
    from checklist.noc.store import install_noc_data, load_noc_data, resolve_noc_dir

_EXPORTS = {
    "NocData": "checklist.noc.data",
    "UnitGroup": "checklist.noc.models",
    "SearchHit": "checklist.noc.models",
    "DutyMatch": "checklist.noc.matching",
    "DutyEvidence": "checklist.noc.matching",
    "CopiedDuty": "checklist.noc.matching",
    "match_duties": "checklist.noc.matching",
    "load_noc_data": "checklist.noc.store",
    "resolve_noc_dir": "checklist.noc.store",
    "install_noc_data": "checklist.noc.store",
}

__all__ = [  # the names of _EXPORTS, written out so linters see them
    "CopiedDuty",
    "DutyEvidence",
    "DutyMatch",
    "NocData",
    "SearchHit",
    "UnitGroup",
    "install_noc_data",
    "load_noc_data",
    "match_duties",
    "resolve_noc_dir",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checklist.noc' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
