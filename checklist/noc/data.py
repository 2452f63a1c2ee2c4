"""NOC 2021 V1.0 reference data: parse the official CSV downloads.

Contract: ``parse_noc_dir(directory)`` returns a validated ``NocData`` built
from the files exactly as users download them, or raises ``NocDataError``
naming the file that is missing or malformed and what to do about it.

Files are recognised by their header row, not their name, so a renamed
download still works:

- StatCan classification structure (required): titles, levels, and the
  full lead statement of each unit group (level 5).
- ESDC OaSIS 2023 v1.0: main duties, example titles, labels, exclusions, one
  row per OaSIS profile (``21232.00``); profiles of a unit group are merged.
- StatCan "elements" file (NOC 2021 V1.0): the same duties and titles per
  unit group; used when the OaSIS files are absent.
- StatCan NOC 2016 V1.3 -> 2021 V1.0 concordance (optional).

All are UTF-8 with a BOM, with CRLF or LF line endings.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checklist.errors import NocDataError
from checklist.noc.models import Exclusion, SearchHit, UnitGroup

log = logging.getLogger(__name__)

EXPECTED_UNIT_GROUPS = 516
GET_DATA_HINT = (
    "run 'cec-checklist noc install' to download Statistics Canada's official files, or "
    "'cec-checklist noc install FOLDER' with the NOC 2021 V1.0 structure and OaSIS 2023 CSVs you downloaded"
)

# Header signatures (lower-cased, stripped) of the files we understand.
STRUCTURE = "structure"
ELEMENTS = "elements"
OASIS_LEAD = "oasis_lead"
OASIS_DUTIES = "oasis_duties"
OASIS_TITLES = "oasis_titles"
OASIS_LABELS = "oasis_labels"
OASIS_EXCLUSIONS = "oasis_exclusions"
CONCORDANCE = "concordance"

_SIGNATURES: dict[str, frozenset[str]] = {
    STRUCTURE: frozenset(
        {"level", "hierarchical structure", "code - noc 2021 v1.0", "class title", "class definition"}
    ),
    ELEMENTS: frozenset({"level", "code - noc 2021 v1.0", "element type label english", "element description english"}),
    OASIS_LEAD: frozenset({"oasis profile code", "lead statement"}),
    OASIS_DUTIES: frozenset({"oasis profile code", "main duties"}),
    OASIS_TITLES: frozenset({"oasis profile code", "job title type", "job title text"}),
    OASIS_LABELS: frozenset({"oasis profile code", "label"}),
    OASIS_EXCLUSIONS: frozenset({"oasis profile code", "excluded code", "job title"}),
    CONCORDANCE: frozenset({"noc 2016 v1.3 code", "noc 2021 v1.0 code"}),
}
_DESCRIPTIONS = {
    STRUCTURE: "StatCan 'NOC 2021 V1.0 classification structure' CSV",
    ELEMENTS: "StatCan 'NOC 2021 V1.0 elements' CSV",
    OASIS_LEAD: "OaSIS 2023 lead-statement CSV",
    OASIS_DUTIES: "OaSIS 2023 main-duties CSV",
    OASIS_TITLES: "OaSIS 2023 example-titles CSV",
    OASIS_LABELS: "OaSIS 2023 labels CSV",
    OASIS_EXCLUSIONS: "OaSIS 2023 exclusions CSV",
    CONCORDANCE: "StatCan NOC 2016 V1.3 to NOC 2021 V1.0 concordance CSV",
}

# Profile suffixes are decimals: a spreadsheet round trip upstream wrote
# "31100.10" as "31100.1", so one digit is accepted (and means ".10").
_PROFILE_RE = re.compile(r"^(\d{5})(?:\.(\d{1,2}))?$")
_UNIT_RE = re.compile(r"^\d{5}$")
_SPACES = re.compile(r"\s+")
_SEE_RE = re.compile(r"^(.*?)\s*\(See (\d{4,5})\b[^)]*\)\s*$")
_DUTIES_HEADER = "this group performs some or all of the following duties"


def clean(text: str) -> str:
    """Collapse whitespace: upstream cells carry trailing blanks and doubled spaces."""
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Finding and reading the files


def _header_key(cell: str) -> str:
    return cell.replace("\ufeff", "").strip().lower()


def _read_header(path: Path) -> list[str] | None:
    """The header cells of a CSV, decoded leniently so that a file with a bad
    byte further down is still recognised (and then reported precisely)."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(64 * 1024)
    except OSError as exc:
        log.debug("cannot read header of %s: %s", path, exc)
        return None
    text = first.decode("utf-8-sig", errors="replace")
    try:
        cells = next(csv.reader([text]), None)
    except csv.Error:
        return None
    return [_header_key(c) for c in cells] if cells else None


def find_sources(directory: Path) -> dict[str, Path]:
    """Map each known file kind to its CSV in ``directory`` (or one level below).

    Recognises files by header so renamed downloads work; the first file in
    name order wins when two have the same header.
    """
    if not directory.is_dir():
        raise NocDataError("NOC data folder does not exist or is not a folder", path=directory, hint=GET_DATA_HINT)
    found: dict[str, Path] = {}
    candidates = sorted(directory.glob("*.csv")) + sorted(directory.glob("*/*.csv"))
    for path in candidates:
        header = _read_header(path)
        if not header:
            continue
        cols = set(header)
        for kind, sig in _SIGNATURES.items():
            if sig <= cols and kind not in found:
                found[kind] = path
                log.debug("NOC source %s: %s", kind, path)
                break
    return found


@dataclass
class _Table:
    path: Path
    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]  # (line number, cells)

    def col(self, name: str) -> int:
        return self.columns[name]


def read_table(path: Path, required: frozenset[str]) -> _Table:
    """Read a whole CSV, checking that the required columns are there."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise NocDataError("file is empty", path=path, hint=GET_DATA_HINT)
            columns = {_header_key(c): i for i, c in enumerate(header)}
            missing = sorted(required - set(columns))
            if missing:
                raise NocDataError(
                    f"missing column(s) {', '.join(missing)}",
                    path=path,
                    line=1,
                    hint="this is not the expected official file; download it again",
                )
            rows = [(reader.line_num, r) for r in reader if any(c.strip() for c in r)]
    except UnicodeDecodeError as exc:
        raise NocDataError(
            f"not UTF-8 text ({exc.reason})",
            path=path,
            hint="use the CSV as downloaded; do not re-save it from a spreadsheet in another encoding",
        ) from exc
    except csv.Error as exc:
        raise NocDataError(f"malformed CSV: {exc}", path=path, hint="download the file again") from exc
    except OSError as exc:
        raise NocDataError(f"cannot read file: {exc}", path=path) from exc
    width = len(columns)
    for line, row in rows:
        if len(row) < width:
            raise NocDataError(
                f"row has {len(row)} cells, expected {width}",
                path=path,
                line=line,
                hint="the file looks truncated or edited; download it again",
            )
    return _Table(path, columns, rows)


# --------------------------------------------------------------------------
# Building unit groups


@dataclass
class _Group:
    code: str
    title: str
    lead: str
    duties: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    all_titles: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)
    oasis_lead: str = ""


def _add_unique(items: list[str], text: str) -> None:
    if text and text not in items:
        items.append(text)


def _parse_structure(path: Path) -> dict[str, _Group]:
    table = read_table(path, _SIGNATURES[STRUCTURE])
    c_level, c_code = table.col("level"), table.col("code - noc 2021 v1.0")
    c_title, c_def = table.col("class title"), table.col("class definition")
    groups: dict[str, _Group] = {}
    for line, row in table.rows:
        if row[c_level].strip() != "5":
            continue
        code = row[c_code].strip()
        if not _UNIT_RE.match(code):
            raise NocDataError(
                f"unit group code {code!r} is not five digits",
                path=path,
                line=line,
                field="Code - NOC 2021 V1.0",
                hint="codes must keep their leading zeros: use the CSV as downloaded, not re-saved from a spreadsheet",
            )
        if int(code[1]) > 5:
            raise NocDataError(f"unit group {code}: TEER digit {code[1]} is not 0-5", path=path, line=line)
        if code in groups:
            raise NocDataError(f"unit group {code} appears twice", path=path, line=line)
        groups[code] = _Group(code=code, title=clean(row[c_title]), lead=clean(row[c_def]))
    if len(groups) != EXPECTED_UNIT_GROUPS:
        raise NocDataError(
            f"found {len(groups)} unit groups (level 5), expected {EXPECTED_UNIT_GROUPS} for NOC 2021 V1.0",
            path=path,
            hint="the file is truncated or not the NOC 2021 V1.0 structure; download it again",
        )
    return groups


def _profile_rows(table: _Table, groups: dict[str, _Group], text_col: str) -> Iterator[tuple[int, str, str]]:
    """(line, unit group code, text) of an OaSIS file, checking the codes."""
    c_code, c_text = table.col("oasis profile code"), table.col(text_col)
    for line, row in table.rows:
        raw = row[c_code].strip()
        m = _PROFILE_RE.match(raw)
        if not m:
            raise NocDataError(
                f"OaSIS profile code {raw!r} is not NNNNN.NN", path=table.path, line=line, field="OaSIS profile code"
            )
        code = m.group(1)
        if code not in groups:
            raise NocDataError(
                f"OaSIS profile {raw} belongs to no NOC 2021 V1.0 unit group",
                path=table.path,
                line=line,
                hint="the OaSIS and NOC structure files must be of the same version (OaSIS 2023 v1.0, NOC 2021 V1.0)",
            )
        yield line, code, clean(row[c_text])


def _parse_oasis(sources: dict[str, Path], groups: dict[str, _Group]) -> None:
    duty_rows = list(_profile_rows(read_table(sources[OASIS_DUTIES], _SIGNATURES[OASIS_DUTIES]), groups, "main duties"))
    table = read_table(sources[OASIS_TITLES], _SIGNATURES[OASIS_TITLES])
    c_type = table.col("job title type")
    types = {line: row[c_type].strip().lower() for line, row in table.rows}
    for line, code, text in _profile_rows(table, groups, "job title text"):
        kind = types[line]
        if kind not in ("example", "index", "inclusion"):
            raise NocDataError(f"unknown job title type {kind!r}", path=table.path, line=line, field="Job title type")
        if kind == "example":
            _add_unique(groups[code].examples, text)
        _add_unique(groups[code].all_titles, text)
    if OASIS_LABELS in sources:
        table = read_table(sources[OASIS_LABELS], _SIGNATURES[OASIS_LABELS])
        for _line, code, text in _profile_rows(table, groups, "label"):
            _add_unique(groups[code].labels, text)
    _add_oasis_duties(sources[OASIS_DUTIES], duty_rows, groups)
    if OASIS_LEAD in sources:
        table = read_table(sources[OASIS_LEAD], _SIGNATURES[OASIS_LEAD])
        for _line, code, text in _profile_rows(table, groups, "lead statement"):
            if not groups[code].oasis_lead:
                groups[code].oasis_lead = text
    if OASIS_EXCLUSIONS in sources:
        table = read_table(sources[OASIS_EXCLUSIONS], _SIGNATURES[OASIS_EXCLUSIONS])
        c_ex, c_job = table.col("excluded code"), table.col("job title")
        by_line = {line: (row[c_ex].strip(), clean(row[c_job]) or None) for line, row in table.rows}
        for line, code, _text in _profile_rows(table, groups, "oasis profile code"):
            ex_code, job = by_line[line]
            m = _PROFILE_RE.match(ex_code)
            exc = Exclusion(code=m.group(1) if m else ex_code, job_title=job)
            if exc not in groups[code].exclusions:
                groups[code].exclusions.append(exc)


def _add_oasis_duties(path: Path, rows: list[tuple[int, str, str]], groups: dict[str, _Group]) -> None:
    """Main duties in file order, merged over a group's profiles.

    A few upstream rows are occupation sub-headings ("Procurement agents and
    officers"), not duties; they are recognised as in the elements file and
    dropped, so no check ever asks a letter to evidence a heading.
    """
    title_terms: dict[str, set[str]] = {}
    verbs = _duty_verbs(text for _l, _c, text in rows)
    previous: str | None = None
    for i, (line, code, text) in enumerate(rows):
        g = groups[code]
        nxt = rows[i + 1][1] if i + 1 < len(rows) else None
        if nxt == code and _looks_like_heading(text):
            if code not in title_terms:
                title_terms[code] = _title_terms(g)
            if _is_subheading(text, previous if previous is not None else _DUTIES_HEADER, title_terms[code], verbs):
                log.debug("%s:%d: dropped sub-heading %r among main duties", path.name, line, text)
                previous = text
                continue
        _add_unique(g.duties, text)
        previous = text


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].lower().strip(",;:") if text.strip() else ""


def _duty_verbs(texts: Iterable[str]) -> set[str]:
    """First words of unmistakable duties (long or ending with a period):
    the imperative verbs that start duties, learned from the file itself."""
    return {_first_word(t) for t in texts if t.endswith(".") or len(t.split()) > 12}


def _looks_like_heading(text: str, *, plural: bool = True) -> bool:
    """Sub-headings are short nouns, mostly plural ("Court clerks"); duties
    are verb phrases and the last duty of a profile ends with a period."""
    ws = text.split()
    max_words = 8 if plural else 12
    return bool(ws) and not text.endswith(".") and len(ws) <= max_words and (not plural or ws[-1].lower().endswith("s"))


def _title_terms(g: _Group) -> set[str]:
    from checklist.noc.text import analyze

    return set(analyze(" ".join([g.title, *g.all_titles, *g.labels])))


def _is_subheading(
    text: str, previous: str | None, title_terms: set[str], verbs: set[str], *, plural: bool = True
) -> bool:
    """Occupation sub-headings ("Financial auditors") sit among the main duties
    of the elements file. They follow the header or a profile's last duty
    (which ends with a period), have no period of their own, and use mostly
    words of the group's titles."""
    if not _looks_like_heading(text, plural=plural):
        return False
    if previous is not None and not previous.endswith(".") and not previous.lower().startswith(_DUTIES_HEADER):
        return False
    from checklist.noc.text import analyze

    terms = set(analyze(text))
    if not terms:
        return False
    if terms <= title_terms:
        return True
    return 2 * len(terms & title_terms) >= len(terms) and _first_word(text) not in verbs


def _parse_elements(path: Path, groups: dict[str, _Group]) -> None:
    table = read_table(path, _SIGNATURES[ELEMENTS])
    c_level, c_code = table.col("level"), table.col("code - noc 2021 v1.0")
    c_type, c_text = table.col("element type label english"), table.col("element description english")
    rows: list[tuple[int, str, str, str]] = []
    for line, row in table.rows:
        if row[c_level].strip() != "5":
            continue
        code = row[c_code].strip()
        if code not in groups:
            raise NocDataError(f"unit group {code!r} is not in the structure file", path=path, line=line)
        rows.append((line, code, row[c_type].strip().lower(), clean(row[c_text])))
    verbs = _duty_verbs(text for _l, _c, kind, text in rows if kind.startswith("main dut"))
    previous: dict[str, str | None] = {}
    title_terms: dict[str, set[str]] = {}
    for _line, code, kind, text in rows:
        g = groups[code]
        if kind.startswith("illustrative example"):
            _add_unique(g.examples, text)
            _add_unique(g.all_titles, text)
        elif kind.startswith(("all example", "inclusion")):
            _add_unique(g.all_titles, text)
        elif kind.startswith("exclusion"):
            m = _SEE_RE.match(text)
            if m:
                g.exclusions.append(Exclusion(code=m.group(2), job_title=None))
        elif kind.startswith("main dut"):
            if text.lower().startswith(_DUTIES_HEADER):
                previous[code] = text
                continue
            if code not in title_terms:
                title_terms[code] = _title_terms(g)
            if _is_subheading(text, previous.get(code), title_terms[code], verbs, plural=False):
                g.labels.append(text)
            else:
                _add_unique(g.duties, text)
            previous[code] = text


def _validate(groups: dict[str, _Group], sources: dict[str, Path]) -> None:
    duty_src = sources.get(OASIS_DUTIES) or sources.get(ELEMENTS)
    title_src = sources.get(OASIS_TITLES) or sources.get(ELEMENTS)
    for g in groups.values():
        if not g.lead:
            if g.oasis_lead:
                log.warning("unit group %s has no lead statement in the structure file; using OaSIS's", g.code)
                g.lead = g.oasis_lead
            else:
                raise NocDataError(
                    f"unit group {g.code} ({g.title}) has no lead statement",
                    path=sources[STRUCTURE],
                    field="Class definition",
                    hint="the structure file is incomplete; download it again",
                )
        if not g.duties:
            raise NocDataError(
                f"unit group {g.code} ({g.title}) has no main duties",
                path=duty_src,
                hint="the duties file is incomplete or of another NOC version; download it again",
            )
        if not g.all_titles:
            raise NocDataError(
                f"unit group {g.code} ({g.title}) has no example titles",
                path=title_src,
                hint="the example-titles file is incomplete or of another NOC version; download it again",
            )


def _parse_concordance(path: Path) -> dict[str, list[str]]:
    table = read_table(path, _SIGNATURES[CONCORDANCE])
    c_old, c_new = table.col("noc 2016 v1.3 code"), table.col("noc 2021 v1.0 code")
    out: dict[str, list[str]] = {}
    for line, row in table.rows:
        old, new = row[c_old].strip(), row[c_new].strip()
        if not (old.isdigit() and new.isdigit() and len(old) <= 4 and len(new) <= 5):
            raise NocDataError(f"bad concordance codes {old!r} -> {new!r}", path=path, line=line)
        # Leading zeros are missing upstream ("11" is 2016's 0011).
        succ = out.setdefault(old.zfill(4), [])
        if new.zfill(5) not in succ:
            succ.append(new.zfill(5))
    return out


def _missing_message(kinds: list[str]) -> str:
    return "missing " + "; ".join(_DESCRIPTIONS[k] for k in kinds)


def parse_noc_dir(directory: Path) -> tuple[list[UnitGroup], dict[str, list[str]], dict[str, Path]]:
    """Parse and validate the official CSVs of ``directory``.

    Returns the unit groups (in code order), the 2016 -> 2021 concordance
    (empty if the file is absent) and the source files used.
    """
    directory = Path(directory)
    sources = find_sources(directory)
    missing: list[str] = []
    if STRUCTURE not in sources:
        missing.append(STRUCTURE)
    has_oasis = OASIS_DUTIES in sources and OASIS_TITLES in sources
    if not has_oasis and ELEMENTS not in sources:
        missing += [k for k in (OASIS_DUTIES, OASIS_TITLES) if k not in sources]
    if missing:
        raise NocDataError(
            _missing_message(missing) + " (or the StatCan elements CSV)" * (STRUCTURE not in missing),
            path=directory,
            hint=GET_DATA_HINT,
        )
    groups = _parse_structure(sources[STRUCTURE])
    if has_oasis:
        _parse_oasis(sources, groups)
    else:
        _parse_elements(sources[ELEMENTS], groups)
    _validate(groups, sources)
    concordance: dict[str, list[str]] = {}
    if CONCORDANCE in sources:
        concordance = _parse_concordance(sources[CONCORDANCE])
    else:
        log.info("no NOC 2016 -> 2021 concordance in %s; successors_2016() will return nothing", directory)
    used = {k: v for k, v in sources.items() if k != ELEMENTS or not has_oasis}
    units = [
        UnitGroup(
            code=g.code,
            title=g.title,
            teer=int(g.code[1]),
            lead_statement=g.lead,
            main_duties=tuple(g.duties),
            example_titles=tuple(g.examples),
            all_example_titles=tuple(g.all_titles),
            profile_labels=tuple(g.labels),
            exclusions=tuple(g.exclusions),
        )
        for g in sorted(groups.values(), key=lambda g: g.code)
    ]
    return units, concordance, used


# --------------------------------------------------------------------------
# The loaded data set


class NocData:
    """The 516 unit groups with lookup, search and the 2016 concordance.

    The search index is built on first use (or comes prebuilt from the
    store), so a plain ``get`` never pays for it.
    """

    def __init__(
        self,
        unit_groups: list[UnitGroup] | None = None,
        concordance: dict[str, list[str]] | None = None,
        *,
        index: object | None = None,
        source: Path | None = None,
        raw_groups: list[dict[str, Any]] | None = None,
        make_group: Callable[[dict[str, Any]], UnitGroup] | None = None,
    ) -> None:
        """``unit_groups`` are ready models; alternatively ``raw_groups`` are
        their dumped dicts, turned into models one by one on first access
        (a search never needs them, so ``noc search`` skips that work)."""
        self._raw: dict[str, dict[str, Any]] = {}
        self._groups: dict[str, UnitGroup] = {}
        if unit_groups is not None:
            self._groups = {g.code: g for g in unit_groups}
            self._codes = [g.code for g in unit_groups]
        else:
            self._raw = {d["code"]: d for d in raw_groups or []}
            self._codes = list(self._raw)
        self._make = make_group or (lambda d: UnitGroup.model_validate(d))
        self._ordered: tuple[UnitGroup, ...] | None = tuple(unit_groups) if unit_groups is not None else None
        self._concordance = concordance or {}
        self._index = index
        self.source = source

    @property
    def unit_groups(self) -> tuple[UnitGroup, ...]:
        if self._ordered is None:
            self._ordered = tuple(self._group(c) for c in self._codes)  # type: ignore[misc]
        return self._ordered

    @property
    def codes(self) -> list[str]:
        return list(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code.strip() in self._groups or code.strip() in self._raw)

    def _group(self, code: str) -> UnitGroup | None:
        g = self._groups.get(code)
        if g is None and code in self._raw:
            g = self._groups[code] = self._make(self._raw[code])
        return g

    def get(self, code: str) -> UnitGroup | None:
        """The unit group of a 5-digit code, or None when NOC 2021 has no such group."""
        return self._group(str(code).strip())

    def successors_2016(self, code4: str) -> list[str]:
        """NOC 2021 codes that a NOC 2016 code became (a 2016 code may split)."""
        code = str(code4).strip()
        return list(self._concordance.get(code.zfill(4) if code.isdigit() else code, []))

    @property
    def concordance(self) -> dict[str, list[str]]:
        return self._concordance

    @property
    def index(self):  # type: ignore[no-untyped-def]
        """The search index (``checklist.noc.search.SearchIndex``), built lazily."""
        if self._index is None:
            from checklist.noc.search import SearchIndex

            self._index = SearchIndex.build(self.unit_groups)
        return self._index

    def search(self, text: str = "", limit: int = 10, *, title: str | None = None) -> list[SearchHit]:
        """Unit groups ranked for a job title and/or duties text, best first."""
        from checklist.noc.search import search

        return search(self, text, title=title, limit=limit)

    def find(self, query: str, limit: int = 10) -> list[SearchHit]:
        """What a person typing in a NOC field means: digits are the start of a code
        ("2123" lists 21230 to 21234), anything else a title or duties to search."""
        query = query.strip()
        if query.isdigit():
            return [
                SearchHit(code=code, title=group.title, teer=group.teer, score=1.0)
                for code in sorted(self.codes)
                if code.startswith(query) and (group := self.get(code)) is not None
            ][:limit]
        return self.search(query, limit=limit)
