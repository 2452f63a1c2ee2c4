"""Where the NOC data lives, how it is installed, and fast loading.

Contract:

- ``resolve_noc_dir(explicit)``: the folder to use, in order: an explicit
  path (``--noc-data``), ``$CEC_CHECKLIST_NOC_DATA``, the per-user install
  (``<user data dir>/cec-checklist/noc2021``) if data was installed there,
  else None.
- ``install_noc_data(source, dest)``: copy the official CSVs from a folder,
  ZIP file or URLs into ``dest`` (default: the per-user folder), validate them
  *before* replacing anything, and write a prebuilt index beside them. With
  ``source=None`` it downloads the files of ``checklist.noc.sources``
  (Statistics Canada's and ESDC's, as published), checking each against its
  published size and SHA-256 and all of them by content.
- ``load_noc_data(dir)``: a ready ``NocData``. It reads the prebuilt index
  (plain JSON, never pickle) when it matches the CSVs beside it, else a
  cached index in the user cache folder, else parses the CSVs and writes
  that cache so the next run is fast.

The index is "fresh" when its format and analyzer versions match this code
and the size and modification time of every source CSV match.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import urllib.parse
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checklist.errors import NocDataError
from checklist.noc.data import GET_DATA_HINT, NocData, find_sources, parse_noc_dir
from checklist.noc.models import Exclusion, UnitGroup

log = logging.getLogger(__name__)

ENV_VAR = "CEC_CHECKLIST_NOC_DATA"
CACHE_ENV_VAR = "CEC_CHECKLIST_CACHE_DIR"
APP_NAME = "cec-checklist"
INDEX_NAME = "noc-index.json"
STORE_FORMAT = 1

Progress = Callable[[int, "int | None", str], None]
"""progress(bytes_done, bytes_total_or_None, label): called while downloading/copying."""


def default_noc_dir() -> Path:
    """The per-user install folder (platformdirs' user data dir)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "noc2021"


def _cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV_VAR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def resolve_noc_dir(explicit: Path | str | None = None) -> Path | None:
    """The NOC data folder to use, or None when none is configured or installed."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    default = default_noc_dir()
    if (default / INDEX_NAME).is_file() or any(default.glob("*.csv")):
        return default
    return None


# --------------------------------------------------------------------------
# Fingerprints and the index file


def _fingerprint(directory: Path) -> list[list[Any]]:
    """(kind, file name, size, mtime_ns) of each source CSV: cheap, and
    changes whenever a file is replaced."""
    out = []
    for kind, path in sorted(find_sources(directory).items()):
        st = path.stat()
        out.append([kind, path.relative_to(directory).as_posix(), st.st_size, st.st_mtime_ns])
    return out


def _versions() -> dict[str, int]:
    from checklist.noc.search import INDEX_FORMAT
    from checklist.noc.text import ANALYZER_VERSION

    return {"store": STORE_FORMAT, "search": INDEX_FORMAT, "analyzer": ANALYZER_VERSION}


def _index_payload(data: NocData, fingerprint: list[list[Any]]) -> dict[str, Any]:
    return {
        "versions": _versions(),
        "fingerprint": fingerprint,
        "groups": [g.model_dump(mode="json") for g in data.unit_groups],
        "concordance": data.concordance,
        "search": data.index.to_json(),
    }


def _write_index(path: Path, payload: dict[str, Any]) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".noc-index-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, separators=(",", ":"), ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_index(path: Path, fingerprint: list[list[Any]] | None, source: Path) -> NocData | None:
    """The data of an index file if it is fresh, else None (never raises)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects: collection passes only slow loading down
    try:
        payload = json.loads(raw)
        if payload.get("versions") != _versions():
            log.debug("NOC index %s is from another version", path)
            return None
        if fingerprint is not None and payload.get("fingerprint") != fingerprint:
            log.debug("NOC index %s does not match the CSVs in %s", path, source)
            return None
        from checklist.noc.search import SearchIndex

        index = SearchIndex.from_json(payload["search"])
        return NocData(
            raw_groups=payload["groups"],
            concordance=payload["concordance"],
            index=index,
            source=source,
            make_group=_unit_group,
        )
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable NOC index %s: %s", path, exc)
        return None
    finally:
        if gc_was_enabled:
            gc.enable()


def _unit_group(d: dict[str, Any]) -> UnitGroup:
    # The index was written by this code from validated models: construct
    # without re-validating (5x faster).
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}
    fields["exclusions"] = tuple(Exclusion.model_construct(**e) for e in d.get("exclusions", ()))
    return UnitGroup.model_construct(**fields)


def _cache_path(directory: Path) -> Path:
    key = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:16]
    return _cache_dir() / f"noc-index-{key}.json"


# --------------------------------------------------------------------------
# Loading


def load_noc_data(directory: Path | str | None = None, *, cache: bool = True) -> NocData:
    """Load the NOC data of ``directory`` (default: ``resolve_noc_dir()``).

    Uses the prebuilt index beside the CSVs when fresh, else the user cache,
    else parses the CSVs (about 2 s with the index build) and, when
    ``cache`` is true, saves an index in the user cache folder.
    """
    resolved = resolve_noc_dir(directory)
    if resolved is None:
        raise NocDataError(
            f"no NOC 2021 data found: none installed, no --noc-data option and no {ENV_VAR} variable",
            hint=GET_DATA_HINT,
        )
    if not resolved.is_dir():
        raise NocDataError("NOC data folder does not exist or is not a folder", path=resolved, hint=GET_DATA_HINT)
    fingerprint = _fingerprint(resolved)
    local = resolved / INDEX_NAME
    if local.is_file():
        data = _read_index(local, fingerprint, resolved)
        if data is not None:
            log.debug("NOC data from prebuilt index %s", local)
            return data
    cached = _cache_path(resolved)
    if cache and fingerprint:
        data = _read_index(cached, fingerprint, resolved)
        if data is not None:
            log.debug("NOC data from cache %s", cached)
            return data
    units, concordance, _sources = parse_noc_dir(resolved)
    data = NocData(units, concordance, source=resolved)
    if cache:
        try:
            _write_index(cached, _index_payload(data, fingerprint))
            log.debug("wrote NOC index cache %s", cached)
        except OSError as exc:
            log.info("could not cache the NOC index at %s: %s", cached, exc)
    return data


# --------------------------------------------------------------------------
# Installing


def _is_url(s: str) -> bool:
    return urllib.parse.urlparse(s).scheme in ("http", "https", "file")


def _fetch(
    url: str, target: Path, progress: Progress | None, label: str, done: int = 0, total: int | None = None
) -> str:
    """Stream `url` into `target`; returns the SHA-256 of what was written.

    `done` and `total` place this file within a larger download for the
    progress bar (bytes of earlier files, and of all files)."""
    import urllib.request  # only `noc install` downloads: checks never load the HTTP and SSL modules

    digest = hashlib.sha256()
    request = urllib.request.Request(url, headers={"User-Agent": f"{APP_NAME} (NOC data install)"})
    with urllib.request.urlopen(request, timeout=60) as resp, target.open("wb") as out:  # noqa: S310
        size_hdr = resp.headers.get("Content-Length")
        size = int(size_hdr) if size_hdr and size_hdr.isdigit() else None
        grand = total if total is not None else size
        while chunk := resp.read(64 * 1024):
            out.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, grand, label)
    return digest.hexdigest()


def _offline_reason(exc: BaseException) -> str:
    """'Connection refused', 'Name or service not known', 'HTTP Error 404: Not Found': the words, not the errno."""
    reason = getattr(exc, "reason", None) or exc
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(reason).strip())
    return text or type(exc).__name__


def _download(url: str, dest_dir: Path, progress: Progress | None) -> Path:
    name = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)).name or "download"
    target = dest_dir / name
    log.info("downloading %s", url)
    try:
        _fetch(url, target, progress, name)
    except (OSError, ValueError) as exc:
        raise NocDataError(
            f"cannot download {url}: {_offline_reason(exc)}", hint="check the address and your connection"
        ) from exc
    return target


def download_official(staging: Path, progress: Progress | None = None) -> list[tuple[str, str]]:
    """Download the published NOC files (``checklist.noc.sources.OFFICIAL_FILES``) into `staging`.

    Returns (file, how it was checked) per file. A required file that cannot
    be fetched stops the install with one line saying why and how to install
    by hand; an optional one is skipped with a warning.
    """
    from checklist.noc import sources

    files = sources.OFFICIAL_FILES
    total = sum(f.size or 0 for f in files) or None
    done = 0
    checked: list[tuple[str, str]] = []
    for official in files:
        target = staging / official.name
        log.info("downloading %s from %s", official.name, official.url)
        try:
            digest = _fetch(official.url, target, progress, official.name, done, total)
        except (OSError, ValueError) as exc:
            target.unlink(missing_ok=True)
            if official.required:
                raise NocDataError(
                    f"cannot download the NOC data, {official.what}: {_offline_reason(exc)}; are you offline?",
                    hint=sources.MANUAL_HINT,
                ) from exc
            log.warning("skipped %s: cannot download it (%s)", official.name, _offline_reason(exc))
            checked.append((official.name, "not downloaded (optional)"))
            continue
        done += official.size or target.stat().st_size
        if official.sha256 is None:
            checked.append((official.name, "checked by content"))
        elif digest == official.sha256 and (official.size is None or target.stat().st_size == official.size):
            checked.append((official.name, "SHA-256 verified"))
        else:
            log.warning(
                "%s differs from the published copy this version knows (SHA-256 %s, expected %s): "
                "checking it by content",
                official.name,
                digest[:12],
                official.sha256[:12],
            )
            checked.append((official.name, "new copy, checked by content"))
    if progress and total:
        progress(total, total, "downloaded")
    return checked


def _gather(source: str | Path | Sequence[str | Path], staging: Path, progress: Progress | None) -> None:
    """Put every CSV of the source(s) into ``staging`` (flattened)."""
    items = [source] if isinstance(source, (str, Path)) else list(source)
    for item in items:
        s = str(item)
        path = _download(s, staging / "_dl", progress) if _is_url(s) else Path(s).expanduser()
        if path.is_dir():
            files = sorted(path.glob("*.csv")) + sorted(path.glob("*/*.csv"))
            if not files:
                raise NocDataError("no CSV files in this folder", path=path, hint=GET_DATA_HINT)
            total = sum(f.stat().st_size for f in files)
            done = 0
            for f in files:
                shutil.copy2(f, staging / f.name)
                done += f.stat().st_size
                if progress:
                    progress(done, total, f.name)
        elif path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if info.filename.lower().endswith(".csv") and not info.is_dir():
                        (staging / Path(info.filename).name).write_bytes(zf.read(info))
        elif path.is_file():
            shutil.copy2(path, staging / path.name)
        else:
            raise NocDataError("not a folder, file or URL", path=path, hint=GET_DATA_HINT)
    shutil.rmtree(staging / "_dl", ignore_errors=True)


def install_noc_data(
    source: str | Path | Sequence[str | Path] | None = None,
    dest: Path | None = None,
    progress: Progress | None = None,
    on_checked: Callable[[str, str], None] | None = None,
) -> Path:
    """Install the official NOC CSVs and a prebuilt index into ``dest``.

    ``source`` is a folder (as downloaded), a ZIP file, a file, a URL, or a
    list of these; None downloads the published files (see
    ``download_official``). The files are validated in a staging folder
    first, so a bad download never replaces a working install; ``on_checked(file,
    how)`` hears how each downloaded file was checked. Returns ``dest``.
    """
    dest = Path(dest) if dest is not None else default_noc_dir()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".noc-install-", dir=dest.parent))
    try:
        (staging / "_dl").mkdir()
        if source is None:
            for name, how in download_official(staging, progress):
                log.info("%s: %s", name, how)
                if on_checked:
                    on_checked(name, how)
            shutil.rmtree(staging / "_dl", ignore_errors=True)
        else:
            _gather(source, staging, progress)
        sources = find_sources(staging)
        for extra in staging.glob("*.csv"):
            if extra not in sources.values():
                log.debug("not a NOC file we use, skipped: %s", extra.name)
                extra.unlink()
        units, concordance, _used = parse_noc_dir(staging)
        data = NocData(units, concordance, source=dest)
        old = dest.with_name(dest.name + ".old")
        if dest.exists():
            if old.exists():
                shutil.rmtree(old)
            dest.rename(old)
        staging.rename(dest)
        staging = dest
        _write_index(dest / INDEX_NAME, _index_payload(data, _fingerprint(dest)))
        if old.exists():
            shutil.rmtree(old)
        log.info("installed NOC 2021 data (%d unit groups) in %s", len(units), dest)
        return dest
    finally:
        if staging != dest and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
