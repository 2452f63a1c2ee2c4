"""Strings as they leave the tool: SINs masked, names that are not UTF-8 made printable.

File names come from the disk as the operating system gives them. A name
that is not valid UTF-8 (common after unzipping an archive made on Windows)
reaches Python with surrogate escapes ("lettre_\\udce9t\\udce9.pdf"): the tool
keeps that form to open the file, and every output shows it with U+FFFD in
place of each byte it cannot read. Encoding the raw form would crash, so
whatever is written, printed or sent goes through `public` (text) or
`public_data` (a report's JSON data) first.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote

from checklist.privacy import mask_sins

_SURROGATE = re.compile("[\ud800-\udfff]")


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown_name(name: str) -> str:
    """A name as a person typed or sent it, safe to show: control characters and the bidirectional
    overrides that make "txt.exe" read "exe.txt" are shown as U+FFFD, never acted on by the page."""
    return _INVISIBLE.sub("\ufffd", readable(name))


def readable(text: str) -> str:
    """`text` with each byte that is not UTF-8 (a lone surrogate) shown as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def human_size(size: int) -> str:
    """'820 KB', '3.41 MB': file sizes in decimal units, as the IRCC portal states its limit and as every
    message of the tool says them (a limit and the size it refuses are always in the same unit)."""
    return f"{size / 1_000_000:.2f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1_000))} KB"


def public(text: str) -> str:
    """`text` as it may leave the tool: printable, with every SIN masked."""
    return mask_sins(readable(text))


def public_data(value: Any) -> Any:
    """JSON-like data with every string (keys too) made `public`; other values as they are."""
    if isinstance(value, str):
        return public(value)
    if isinstance(value, dict):
        return {public(key) if isinstance(key, str) else key: public_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [public_data(item) for item in value]
    return value


def name_bytes(name: str) -> bytes:
    """A name as the bytes on disk (for ids and hashes that must not crash on names that are not UTF-8)."""
    return name.encode("utf-8", "surrogateescape")


_installed = False


def public_log(text: str) -> str:
    """`text` made public for a log line, which may hold a URL as sent: percent-encoded
    ("/cases/note%20046%20454%20286"), where "%20" glues a "20" to the first digit group and
    hides the SIN from the mask. When decoding shows a SIN, the decoded text is logged, masked."""
    if "%" in text:
        decoded = unquote(text)
        if mask_sins(decoded) != decoded:
            return public(decoded)
    return public(text)


def mask_logs() -> None:
    """Make every log record public as it is created: message, arguments and traceback.

    Log lines leave the tool too (the terminal running `serve`, a log file),
    and a debug line may name a file whose name holds a SIN. A record factory
    sees every record of every library, before any handler formats it.
    """
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = public_log(logging.Formatter().formatException(record.exc_info))
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is the handler's to report
            return record
        if public_log(message) != message:
            _mask_record(record, message)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


def _mask_record(record: logging.LogRecord, message: str) -> None:
    """Mask a record's parts and keep its shape (uvicorn's access log reads its arguments as a tuple)."""
    if isinstance(record.msg, str):
        record.msg = public_log(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(public_log(arg) if isinstance(arg, str) else arg for arg in record.args)
    try:
        still = record.getMessage()
    except Exception:  # noqa: BLE001 - masking changed the placeholders' text
        still = message
    if public_log(still) != still:  # the SIN was in an argument that is no string, or spread over several
        record.msg, record.args = public_log(message), None
