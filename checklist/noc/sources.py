"""Where the official NOC 2021 files are published: the one table `noc install` downloads from.

The Government of Canada's Open Government Portal publishes them:

- "National Occupational Classification (NOC) 2021 Version 1.0" (Statistics
  Canada, dataset 1feee3b5-8068-4dbb-b361-180875837593): the classification
  structure, served from statcan.gc.ca; and StatCan's NOC 2016 V1.3 to NOC
  2021 V1.0 concordance.
- "Occupational and Skills Information System (OaSIS)" 2023 v1.0 (ESDC,
  dataset 4f344cd6-0912-411a-ae16-41ea160cc8b5): main duties, example
  titles, lead statements, labels and exclusions, one CSV resource each.

Sizes and SHA-256 are those of the files as published (the structure file's
digest is confirmed by an independent copy under its official name; the
others are the copies the project tests against). A download whose digest
differs (the publisher re-issued a file, or the address now serves another
layout) is not refused on that alone: the loader's own validation (every
unit group with its title, lead statement, duties and titles; codes of the
same NOC version) decides, and the install says which files were checked
how. Only this module holds addresses; tests replace OFFICIAL_FILES with a
local server's.
"""

from __future__ import annotations

from dataclasses import dataclass

NOC_DATASET = "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593"
OASIS_DATASET = "https://open.canada.ca/data/en/dataset/4f344cd6-0912-411a-ae16-41ea160cc8b5"
_OASIS = "https://open.canada.ca/data/dataset/4f344cd6-0912-411a-ae16-41ea160cc8b5/resource"


@dataclass(frozen=True)
class OfficialFile:
    """One published CSV: saved under `name`, checked against `size` and `sha256` when known."""

    name: str
    url: str
    what: str
    size: int | None = None
    sha256: str | None = None
    required: bool = True


OFFICIAL_FILES: tuple[OfficialFile, ...] = (
    OfficialFile(
        "noc_2021_version_1.0_-_classification_structure.csv",
        "https://www.statcan.gc.ca/en/statistical-programs/document/NOC-CNP-2021-Structure-V1-eng.csv",
        "NOC 2021 V1.0 classification structure (Statistics Canada)",
        393_128,
        "186bf1dce249a6b8cd0d87f6f52bfe6c700d6577e08216f5b1f7d4242e051071",
    ),
    OfficialFile(
        "main-duties_oasis-2023_v1.0.csv",
        f"{_OASIS}/79361933-2793-4e1e-b255-b6fa214ef28d/download/main-duties_oasis-2023_v1.0.csv",
        "OaSIS 2023 v1.0 main duties (ESDC)",
        531_247,
        "c0a7acde75a9ae9328be5fb44a41dd4cdf22184261200e7d9e390d9e76e4425c",
    ),
    OfficialFile(
        "example-titles_oasis_2023_v1.0.csv",
        f"{_OASIS}/66414d34-029e-4d0e-b6e5-ae3d99a73fac/download/example-titles_oasis_2023_v1.0.csv",
        "OaSIS 2023 v1.0 example titles (ESDC)",
        914_150,
        "50c6ae74711d5a2211d9104e7721e80d3543452d3c50d7cc6b240d2f32de37d6",
    ),
    OfficialFile(
        "lead-statement_oasis_2023_v1.0.csv",
        f"{_OASIS}/8cc1bd89-afa1-4cfe-b45a-d6511d9318d7/download/lead-statement_oasis_2023_v1.0.csv",
        "OaSIS 2023 v1.0 lead statements (ESDC)",
        178_439,
        "a3e4841565e9b5f67e9f4fd545b1f48785e2d22a45e20279c4b20a1fa0ca50a9",
        required=False,
    ),
    OfficialFile(
        "labels_oasis_2023_v1.0.csv",
        f"{_OASIS}/2cbfc470-e16b-473f-a69d-cf385289a83c/download/labels_oasis_2023_v1.0.csv",
        "OaSIS 2023 v1.0 profile labels (ESDC)",
        36_325,
        "9c9bbb0f6d09806bc4f536ea62edc15aa51d2f3434a34ab96d2c0efd8d05be84",
        required=False,
    ),
    OfficialFile(
        "exclusions_oasis_2023_v1.0.csv",
        f"{_OASIS}/6a4bc765-6284-4e1a-aab8-1748210f80a0/download/exclusions_oasis_2023_v1.0.csv",
        "OaSIS 2023 v1.0 exclusions (ESDC)",
        58_463,
        "9566ad89586e95322189efa386e152378d12d8a9b7b0b59115d76c02ce3da0a7",
        required=False,
    ),
    OfficialFile(
        "noc2016v1_3-noc2021v1_0-eng.csv",
        "https://www.statcan.gc.ca/en/statistical-programs/document/noc2016v1_3-noc2021v1_0-eng.csv",
        "NOC 2016 V1.3 to NOC 2021 V1.0 concordance (Statistics Canada)",
        93_222,
        "0a8375082e3a297910fbebadd4d44fd831300df3d5c04edec0b8a1d6b37172f1",
        required=False,
    ),
)

MANUAL_HINT = (
    f"download the CSV files by hand from {NOC_DATASET} (classification structure) and {OASIS_DATASET} "
    "(OaSIS 2023 main duties, example titles, lead statements, labels, exclusions) into one folder, "
    "then run 'cec-checklist noc install FOLDER'"
)
