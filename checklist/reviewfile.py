"""Load review.yaml into a `Review`, or fail with file, field and line; write it back.

The review file holds what a person decided after reading the report (see
the contract's "The review file"). It is read with case.yaml's YAML loader
(safe tags, node budget against alias bombs) and its mistakes are reported
the same way: exit 2, the file, the field as a dotted path, the line.

Field values are parsed as the extractors parse text: a date in any form
`parse_date` accepts, money as `parse_amount` reads it, hours as numbers;
then the kind's fields model validates them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import typing
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import ValidationError

from checklist.casefile import YamlTooBig, _child, _dotted, _explain, _line_of, compose_yaml, load_yaml
from checklist.errors import CaseFileError, shown
from checklist.kinds import spec, specs
from checklist.models.document import DocumentKind
from checklist.models.review import Review
from checklist.text.dates import parse_date
from checklist.text.money import parse_amount

REVIEW_FILE = "review.yaml"
MONEY_FIELDS = frozenset({"salary_amount", "gross_pay", "ytd_gross", "employment_income", "total_income"})
HEADER = (
    "# review.yaml: what you decided after reading the report (written by 'cec-checklist review').\n"
    "# Decisions about a file apply while its sha256 matches; if the file changes, they lapse.\n"
)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_review(case_dir: Path) -> Review:
    """The review of a case folder; no review.yaml is an empty review."""
    path = case_dir / REVIEW_FILE
    if not path.exists():
        return Review()
    if not path.is_file():
        raise CaseFileError("is not a file", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"cannot read the file: {exc}", path=path) from exc
    return parse_review(text, path, case_dir)


def parse_review(text: str, path: Path, case_dir: Path) -> Review:
    """Validate YAML text as a review of the case in `case_dir`; `path` names the file in messages."""
    try:
        data = load_yaml(text)
        root = compose_yaml(text)
    except YamlTooBig as exc:
        mark = exc.problem_mark
        raise CaseFileError(
            f"refused: {exc.problem}",
            path=path,
            field=exc.field,
            line=mark.line + 1 if mark else None,
            hint="write each value out; a review.yaml needs no aliases or deep nesting",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise CaseFileError(
            f"YAML syntax error: {problem}", path=path, line=mark.line + 1 if mark is not None else None
        ) from None
    except RecursionError:
        raise CaseFileError("the YAML is nested too deeply to be a review.yaml", path=path) from None
    except ValueError as exc:  # an impossible date (2023-02-30) or a number too long
        raise CaseFileError(f"a value cannot be read ({exc})", path=path) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CaseFileError("expected a mapping with 'documents' and 'acknowledged' at the top", path=path, line=1)

    def fail(loc: tuple[Any, ...], message: str, hint: str | None = None) -> CaseFileError:
        return CaseFileError(message, path=path, field=_dotted(loc), line=_line_of(root, loc), hint=hint)

    _sha_as_written(data, root)
    try:
        review = Review.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        message = _explain(error)
        if error["type"] == "string_pattern_mismatch" and loc[-1:] == ("sha256",):
            message = f"not a SHA-256: {shown(error.get('input'))} (64 hex digits; 'cec-checklist review' records it)"
        elif error["type"] == "enum":
            message = (
                f"not a document kind: {shown(error.get('input'))} (one of: {', '.join(k.value for k in DocumentKind)})"
            )
        raise fail(loc, message) from None
    documents = {}
    for name, entry in review.documents.items():
        _check_path(name, case_dir, lambda message, hint=None, n=name: fail(("documents", n), message, hint))
        fields = {}
        for field, value in entry.fields.items():
            try:
                fields[field] = typed_value(entry.kind, field, value)
            except ValueError as exc:
                raise fail(("documents", name, "fields", field), str(exc)) from None
        documents[name] = entry.model_copy(update={"fields": fields})
    for index, ack in enumerate(review.acknowledged):
        _check_code(ack.code, lambda message, i=index: fail(("acknowledged", i, "code"), message))
        if ack.document is not None:
            _check_path(
                ack.document,
                case_dir,
                lambda message, hint=None, i=index: fail(("acknowledged", i, "document"), message, hint),
            )
    out = review.model_copy(update={"documents": documents})
    out._source = path
    return out


def _sha_as_written(data: dict[str, Any], root: yaml.Node | None) -> None:
    """A SHA-256 as the text written: YAML reads an unquoted all-digit one as a number (and 1e5... as a float)."""
    documents = _child(root, "documents")
    if (
        documents is None
        or not isinstance(data.get("documents"), dict)
        or not isinstance(documents[1], yaml.MappingNode)
    ):
        return
    for key, node in documents[1].value:
        entry = data["documents"].get(key.value) if isinstance(key, yaml.ScalarNode) else None
        sha = _child(node, "sha256")
        if isinstance(entry, dict) and sha is not None and isinstance(sha[1], yaml.ScalarNode) and "sha256" in entry:
            entry["sha256"] = sha[1].value


def _check_path(name: str, case_dir: Path, fail: Any) -> None:
    """A document path: relative to the case folder, '/' separators, no '..', naming a file there."""
    pure = PurePosixPath(name)
    if not name or "\\" in name or "\x00" in name or pure.is_absolute() or ".." in pure.parts or name.startswith("~"):
        raise fail(
            f"not a path inside the case folder: {shown(name)}",
            "write the path relative to the case folder, with '/' and without '..'",
        )
    target = case_dir / pure
    if not target.is_file() or target.is_symlink():
        raise fail(
            f"no such document in the case folder: {shown(name)}",
            "remove the entry, or fix the path ('cec-checklist check' lists the documents)",
        )


def _check_code(code: str, fail: Any) -> None:
    from checklist.rules.catalog import REGISTRY
    from checklist.rules.engine import INTERNAL

    if code not in REGISTRY and code != INTERNAL:
        raise fail(f"no check has the code {shown(code)} ('cec-checklist rules' lists them)")


def field_types(kind: DocumentKind | None) -> dict[str, Any]:
    """The fields a person may set for a kind (for no kind: any kind's), with their types."""
    kinds = [spec(kind)] if kind is not None else specs()
    out: dict[str, Any] = {}
    for kind_spec in kinds:
        for name, info in kind_spec.fields.model_fields.items():
            out.setdefault(name, info.annotation)
    return out


def typed_value(kind: DocumentKind | None, field: str, value: Any) -> Any:
    """A value for a field, parsed as the extractors parse text; ValueError says what is wrong."""
    known = field_types(kind)
    if field not in known:
        where = f"a {spec(kind).label}" if kind is not None else "any document kind"
        raise ValueError(f"unknown field for {where}" + (f" (its fields: {', '.join(sorted(known))})" if known else ""))
    if value is None:
        return None
    args = set(typing.get_args(known[field])) or {known[field]}
    if dt.date in args:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        found = parse_date(str(value)) if isinstance(value, (str, int)) else None
        if found is None:
            raise ValueError(f"not a date: {shown(value)} (write it as YYYY-MM-DD, or as the document writes it)")
        return found
    if float in args or int in args:
        if isinstance(value, bool):
            raise ValueError(f"not a number: {shown(value)}")
        if isinstance(value, (int, float)):
            number = float(value)
        elif isinstance(value, str) and field in MONEY_FIELDS:
            amount = parse_amount(value)
            if amount is None:
                raise ValueError(f"not an amount: {shown(value)} (write it as 72000 or $72,000.00)")
            number = amount
        elif isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                raise ValueError(f"not a number: {shown(value)}") from None
        else:
            raise ValueError(f"not a number: {shown(value)}")
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"not a usable number: {shown(value)}")
        return int(number) if int in args and float not in args and number.is_integer() else number
    if str in args and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def checked_fields(kind: DocumentKind, fields: dict[str, Any], path: Path | None, name: str) -> dict[str, Any]:
    """Corrected values typed for the document's kind, validated through its model; CaseFileError otherwise."""
    model = spec(kind).fields
    out = {}
    for field, value in fields.items():
        try:
            out[field] = typed_value(kind, field, value)
        except ValueError as exc:
            raise _error_at(
                path, ("documents", name, "fields", field), f"{exc} (the document reads as {kind.value})"
            ) from None
    try:
        validated = model.model_validate(out)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _error_at(path, ("documents", name, "fields", *error["loc"]), _explain(error)) from None
    return {field: getattr(validated, field) for field in out}


def _error_at(path: Path | None, loc: tuple[Any, ...], message: str) -> CaseFileError:
    line = None
    if path is not None:
        try:
            line = _line_of(compose_yaml(path.read_text(encoding="utf-8-sig")), loc)
        except (OSError, ValueError, yaml.YAMLError):
            line = None
    return CaseFileError(message, path=path or REVIEW_FILE, field=_dotted(loc), line=line)


def review_yaml(review: Review) -> str:
    """review.yaml text for a review (what 'cec-checklist review' writes)."""
    data: dict[str, Any] = {}
    if review.documents:
        data["documents"] = {
            name: entry.model_dump(mode="json", exclude_defaults=True)
            for name, entry in sorted(review.documents.items())
        }
    if review.acknowledged:
        data["acknowledged"] = [ack.model_dump(mode="json", exclude_none=True) for ack in review.acknowledged]
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def document_path(case_dir: Path, name: str) -> str:
    """A document named on the command line, as review.yaml names it (relative, '/' separators); CaseFileError if not one."""
    given = Path(name)
    if given.is_absolute() or (not (case_dir / given).exists() and given.exists()):
        try:
            name = given.resolve().relative_to(case_dir.resolve()).as_posix()
        except ValueError:
            raise CaseFileError("is not a file inside the case folder", path=given) from None
    name = PurePosixPath(name.replace("\\", "/")).as_posix()

    def fail(message: str, hint: str | None = None) -> CaseFileError:
        return CaseFileError(message, path=name, hint=hint)

    _check_path(name, case_dir, fail)
    from checklist.ingest import discover

    if (case_dir / name).resolve() not in {p.resolve() for p in discover(case_dir)}:
        raise fail("is not one of the case's documents (a file of cec-checklist's, or hidden)")
    return name


def with_decision(
    review: Review,
    case_dir: Path,
    name: str,
    *,
    kind: DocumentKind | None = None,
    fields: dict[str, Any] | None = None,
    set_aside: bool | None = None,
    read_kind: Any = None,
) -> Review:
    """The review with a decision about one document recorded for the file as it is now (its SHA-256).

    Decisions recorded for another version of the file are dropped: they were about what that one said.
    `read_kind(name)` gives the kind the document reads as, when neither the review nor this call sets one.
    """
    sha = file_sha256(case_dir / name)
    entry = review.documents.get(name)
    if entry is not None and entry.sha256 != sha:
        entry = None
    from checklist.models.review import DocumentReview

    entry = entry or DocumentReview(sha256=sha)
    update: dict[str, Any] = {}
    if kind is not None:
        update["kind"] = kind
    if set_aside is not None:
        update["set_aside"] = set_aside
    if fields:
        target = kind or entry.kind or (read_kind(name) if read_kind else None)
        typed = {}
        for field, value in fields.items():
            try:
                typed[field] = typed_value(target, field, value)
            except ValueError as exc:
                raise CaseFileError(str(exc), path=name, field=field) from None
        if target is not None:
            try:
                spec(target).fields.model_validate(typed)
            except ValidationError as exc:
                error = exc.errors()[0]
                raise CaseFileError(_explain(error), path=name, field=_dotted(tuple(error["loc"]))) from None
        update["fields"] = {**entry.fields, **{k: _json(v) for k, v in typed.items()}}
    documents = {**review.documents, name: DocumentReview.model_validate({**entry.model_dump(), **update})}
    return review.model_copy(update={"documents": documents})


def with_acknowledgement(review: Review, code: str, note: str, document: str | None, job: int | None) -> Review:
    """The review with a finding acknowledged (replacing an entry for the same code, document and job)."""
    from checklist.models.review import Acknowledgement

    def fail(message: str) -> CaseFileError:
        return CaseFileError(message, field="--ack")

    _check_code(code, fail)
    if not note.strip():
        raise CaseFileError("say why in --note: the note stays in every report beside the finding", field="--note")
    ack = Acknowledgement(code=code, document=document, job=job, note=note.strip())
    kept = [a for a in review.acknowledged if (a.code, a.document, a.job) != (code, document, job)]
    return review.model_copy(update={"acknowledged": [*kept, ack]})


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
